//! JPEG: marker scan for size and metadata, libjpeg-turbo decode with DCT-domain scaling
//! (1/2, 1/4, 1/8: most of a downscale for free), and encode with our own APP segments.
//! CMYK and YCCK files (press and agency JPEGs) decode to CMYK, which the render turns into
//! sRGB with their ICC profile. 12-bit JPEG is refused: libjpeg-turbo 2.1 (Debian 12) decodes
//! 8-bit only, and neither Rust decoder (zune-jpeg 0.5, jpeg-decoder 0.3) decodes 12-bit DCT.

use turbojpeg::{Compressor, Decompressor, Image, PixelFormat, Subsamp};

use super::{Decoded, Probed, Rgb, Samples};
use crate::metadata::RawMetadata;
use crate::MediaError;

const EXIF: &[u8] = b"Exif\0\0";
const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const ICC: &[u8] = b"ICC_PROFILE\0";
const PHOTOSHOP: &[u8] = b"Photoshop 3.0\0";
const ADOBE: &[u8] = b"Adobe";

/// Walks the markers up to the first scan: size from SOFn, metadata from APP1/APP2/APP13.
/// Also checks that an end-of-image marker follows the scan data, so a cut-off file is
/// named as such before any decoding.
pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    let mut raw = RawMetadata::default();
    let mut components = 3;
    let mut adobe = false;
    let mut icc_chunks: Vec<(u8, &[u8])> = Vec::new();
    let mut size = None;
    let mut i = 2;
    let scan_start = loop {
        while bytes.get(i) == Some(&0xff) && bytes.get(i + 1) == Some(&0xff) {
            i += 1; // fill bytes
        }
        let (Some(&0xff), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return Err(if i >= bytes.len() { MediaError::Truncated } else { MediaError::Decode("bad marker".into()) });
        };
        if matches!(marker, 0x01 | 0xd0..=0xd7) {
            i += 2;
            continue;
        }
        if marker == 0xd9 {
            return Err(MediaError::Decode("no image data".into()));
        }
        let len_bytes = bytes.get(i + 2..i + 4).ok_or(MediaError::Truncated)?;
        let len = u16::from_be_bytes([len_bytes[0], len_bytes[1]]) as usize;
        if len < 2 {
            return Err(MediaError::Decode("bad segment length".into()));
        }
        let seg = bytes.get(i + 4..i + 2 + len).ok_or(MediaError::Truncated)?;
        match marker {
            0xe1 if seg.starts_with(EXIF) && raw.exif.is_none() => raw.exif = Some(seg[EXIF.len()..].to_vec()),
            0xe1 if seg.starts_with(XMP) && raw.xmp.is_none() => raw.xmp = Some(seg[XMP.len()..].to_vec()),
            0xe2 if seg.starts_with(ICC) && seg.len() > ICC.len() + 2 => {
                icc_chunks.push((seg[ICC.len()], &seg[ICC.len() + 2..]));
            }
            0xee if seg.starts_with(ADOBE) => adobe = true,
            0xed if seg.starts_with(PHOTOSHOP) => {
                raw.photoshop.get_or_insert_with(Vec::new).extend_from_slice(&seg[PHOTOSHOP.len()..]);
            }
            0xc3 | 0xc7 | 0xcb | 0xcf => return Err(MediaError::UnsupportedFormat("lossless JPEG".into())),
            0xc0..=0xcf if !matches!(marker, 0xc4 | 0xc8 | 0xcc) => {
                if seg.len() < 6 {
                    return Err(MediaError::Truncated);
                }
                if seg[0] != 8 {
                    return Err(MediaError::UnsupportedFormat(format!("JPEG {}-bit", seg[0])));
                }
                components = seg[5];
                let h = u16::from_be_bytes([seg[1], seg[2]]) as u32;
                let w = u16::from_be_bytes([seg[3], seg[4]]) as u32;
                size = Some((w, h));
            }
            0xda => break i,
            _ => {}
        }
        i += 2 + len;
    };
    let size = size.ok_or_else(|| MediaError::Decode("no frame header".into()))?;
    // 0xFF 0xD9 cannot occur inside entropy-coded data (0xFF is stuffed), so its absence
    // after the first scan means the file was cut.
    if !bytes[scan_start..].windows(2).rev().any(|w| w == [0xff, 0xd9]) {
        return Err(MediaError::Truncated);
    }
    if !icc_chunks.is_empty() {
        icc_chunks.sort_by_key(|(seq, _)| *seq);
        raw.icc = Some(icc_chunks.iter().flat_map(|(_, c)| c.iter().copied()).collect());
    }
    // Photoshop writes CMYK inverted (0 = full ink) and says so with its APP14 marker; the
    // convention every reader follows is to take a CMYK JPEG with that marker as inverted.
    let samples = match components {
        1 | 3 => Samples::Rgb,
        4 => Samples::Cmyk { inverted: adobe },
        n => return Err(MediaError::UnsupportedFormat(format!("JPEG, {n} channels"))),
    };
    Ok(Probed { samples, ..(size, raw).into() })
}

/// Decodes at `1/denom` of the stored size; libjpeg-turbo skips the IDCT work it won't need.
/// CMYK/YCCK files come out as CMYK (libjpeg-turbo undoes YCCK).
pub(crate) fn decode(bytes: &[u8], (w, h): (u32, u32), denom: u32, samples: Samples) -> Result<Decoded, MediaError> {
    let (dw, dh) = (w.div_ceil(denom) as usize, h.div_ceil(denom) as usize);
    let channels = samples.channels();
    let format = if channels == 4 { PixelFormat::CMYK } else { PixelFormat::RGB };
    let mut pixels = vec![0u8; dw * dh * channels];
    let mut decompressor = Decompressor::new().map_err(|e| MediaError::Decode(e.to_string()))?;
    let image = Image { pixels: &mut pixels[..], width: dw, pitch: dw * channels, height: dh, format };
    if let Err(e) = decompressor.decompress(bytes, image) {
        // TurboJPEG 2 reports libjpeg warnings as failures after decoding everything.
        let message = e.to_string();
        if message.contains("remature end") {
            return Err(MediaError::Truncated);
        }
        if !message.contains("Corrupt JPEG data") {
            return Err(MediaError::Decode(message));
        }
    }
    Ok(Decoded { pixels, size: (dw as u32, dh as u32), samples })
}

/// Encodes RGB (4:2:0) and inserts `segments` (each `(marker, payload)`) after the JFIF header.
pub(crate) fn encode(rgb: &Rgb, quality: u8, segments: &[(u8, Vec<u8>)]) -> Result<Vec<u8>, MediaError> {
    let (w, h) = (rgb.size.0 as usize, rgb.size.1 as usize);
    let mut compressor = Compressor::new().map_err(|e| MediaError::Encode(e.to_string()))?;
    compressor.set_quality(quality.clamp(1, 100) as i32);
    compressor.set_subsamp(Subsamp::Sub2x2);
    let image = Image { pixels: &rgb.pixels[..], width: w, pitch: w * 3, height: h, format: PixelFormat::RGB };
    let encoded = compressor.compress_to_vec(image).map_err(|e| MediaError::Encode(e.to_string()))?;
    // SOI, then the JFIF APP0 if libjpeg wrote one: our segments go right after.
    let mut at = 2;
    if encoded.get(2..4) == Some(&[0xff, 0xe0]) {
        at = 4 + u16::from_be_bytes([encoded[4], encoded[5]]) as usize;
    }
    let extra: usize = segments.iter().map(|(_, p)| p.len() + 4).sum();
    let mut out = Vec::with_capacity(encoded.len() + extra);
    out.extend_from_slice(&encoded[..at]);
    for (marker, payload) in segments {
        let len = u16::try_from(payload.len() + 2).map_err(|_| MediaError::Encode("metadata too long".into()))?;
        out.extend_from_slice(&[0xff, *marker]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&encoded[at..]);
    Ok(out)
}

/// APP1 XMP and APP13 IPTC segments for [`encode`].
pub(crate) fn metadata_segments(xmp_packet: &str, photoshop_resources: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut xmp = XMP.to_vec();
    xmp.extend_from_slice(xmp_packet.as_bytes());
    let mut iptc = PHOTOSHOP.to_vec();
    iptc.extend_from_slice(photoshop_resources);
    vec![(0xe1, xmp), (0xed, iptc)]
}

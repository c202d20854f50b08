//! TIFF from agencies and scanners: 8- and 16-bit, greyscale, RGB or CMYK, uncompressed, LZW,
//! Deflate or JPEG, through the `tiff` crate (the decoder `image` wraps, used directly so that
//! CMYK reaches Little CMS as CMYK and 16-bit samples are scaled by us).
//!
//! A TIFF file is itself an EXIF structure: its first directory holds the orientation, the
//! camera, the GPS directory, and the ICC profile, XMP, IPTC and Photoshop resources that other
//! formats keep in chunks of their own. That directory is read in place, without a copy.

use std::io::Cursor;

use ::tiff::decoder::{Decoder, DecodingResult, Limits};
use ::tiff::{ColorType, TiffError};
use exif::{Context, In, Tag, Value};

use super::{io_error, rgba_to_rgb, Decoded, Probed, Samples};
use crate::metadata::{exif as exif_fields, RawMetadata};
use crate::MediaError;

const TAG_SUBFILE_TYPE: u16 = 254;
const TAG_PHOTOMETRIC: u16 = 262;
const TAG_STRIP_OFFSETS: u16 = 273;
const TAG_STRIP_BYTE_COUNTS: u16 = 279;
const TAG_XMP: u16 = 700;
const TAG_TILE_OFFSETS: u16 = 324;
const TAG_TILE_BYTE_COUNTS: u16 = 325;
const TAG_IPTC: u16 = 33723;
const TAG_PHOTOSHOP: u16 = 34377;
const TAG_ICC: u16 = 34675;
const TAG_DNG_VERSION: u16 = 50706;
/// Photometric interpretations of camera raw data (colour filter array, linear raw).
const PHOTOMETRIC_RAW: [u32; 2] = [32803, 34892];

pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    // Canon CR2 is a TIFF with "CR" after the header.
    if bytes.get(8..10) == Some(b"CR") {
        return Err(camera_raw());
    }
    // Unreadable tags (or BigTIFF, which kamadak-exif does not read) only cost the metadata.
    let (fields, little_endian) = exif::parse_exif(bytes).unwrap_or_default();
    let ifd0 = |tag: u16| fields.iter().find(|f| f.tag == Tag(Context::Tiff, tag) && f.ifd_num == In::PRIMARY);
    let first_uint = |tag: u16| ifd0(tag).and_then(|f| f.value.get_uint(0));
    // Raw files start with a reduced-resolution preview (NEF, ARW, DNG) or carry raw sensor data.
    if ifd0(TAG_DNG_VERSION).is_some()
        || first_uint(TAG_SUBFILE_TYPE).is_some_and(|t| t & 1 == 1)
        || first_uint(TAG_PHOTOMETRIC).is_some_and(|p| PHOTOMETRIC_RAW.contains(&p))
    {
        return Err(camera_raw());
    }
    // Pixel data past the end of the file: a cut download, named as such before decoding.
    let mut truncated = false;
    for (offsets, counts) in [(TAG_STRIP_OFFSETS, TAG_STRIP_BYTE_COUNTS), (TAG_TILE_OFFSETS, TAG_TILE_BYTE_COUNTS)] {
        let (Some(offsets), Some(counts)) = (ifd0(offsets), ifd0(counts)) else { continue };
        let end = (0..).map_while(|i| Some(offsets.value.get_uint(i)? as u64 + counts.value.get_uint(i)? as u64)).max();
        truncated |= end.is_some_and(|end| end > bytes.len() as u64);
    }

    let mut decoder = Decoder::new(Cursor::new(bytes)).map_err(error)?;
    let size = decoder.dimensions().map_err(error)?;
    let color = decoder.colortype().map_err(error)?;
    let (samples, channels, depth) = layout(color)?;
    let block = |tag: u16| ifd0(tag).and_then(|f| value_bytes(&f.value, little_endian));
    let raw = RawMetadata {
        xmp: block(TAG_XMP),
        icc: block(TAG_ICC),
        iptc: block(TAG_IPTC),
        photoshop: block(TAG_PHOTOSHOP),
        exif_fields: Some(exif_fields::from_fields(&fields)),
        ..Default::default()
    };
    Ok(Probed { samples, decoder_bytes_per_pixel: channels * depth / 8, truncated, ..(size, raw).into() })
}

/// Full-size decode to packed 8-bit RGB, or CMYK for [`crate::color`] to convert. The `tiff`
/// crate asserts on some layouts it cannot handle (0.11: planar files in tiles that do not
/// divide the picture): such a file is refused, not allowed to stop the batch.
pub(crate) fn decode(bytes: &[u8], memory_limit: u64) -> Result<Decoded, MediaError> {
    std::panic::catch_unwind(|| decode_unguarded(bytes, memory_limit))
        .unwrap_or_else(|_| Err(MediaError::Decode("the TIFF decoder cannot read this file's layout".into())))
}

fn decode_unguarded(bytes: &[u8], memory_limit: u64) -> Result<Decoded, MediaError> {
    let buffer_limit = usize::try_from(memory_limit).unwrap_or(usize::MAX);
    let mut limits = Limits::default();
    limits.decoding_buffer_size = buffer_limit;
    limits.intermediate_buffer_size = buffer_limit;
    let mut decoder = Decoder::new(Cursor::new(bytes)).map_err(error)?.with_limits(limits);
    let (w, h) = decoder.dimensions().map_err(error)?;
    let color = decoder.colortype().map_err(error)?;
    let (samples, channels, _) = layout(color)?;
    // ExtraSamples 1: the alpha is premultiplied ("associated").
    let premultiplied = decoder
        .find_tag_unsigned_vec::<u16>(::tiff::tags::Tag::ExtraSamples)
        .ok()
        .flatten()
        .is_some_and(|extra| extra.first() == Some(&1));
    let mut result = DecodingResult::U8(Vec::new());
    let layout = decoder.read_image_to_buffer(&mut result).map_err(error)?;
    let mut pixels = match result {
        DecodingResult::U8(v) => v,
        // 0–65535 onto 0–255, rounded: 65535 → 255, 32896 → 128.
        DecodingResult::U16(v) => v.iter().map(|&s| ((s as u32 * 255 + 32767) / 65535) as u8).collect(),
        _ => return Err(MediaError::UnsupportedFormat("TIFF, floating-point or 32-bit samples".into())),
    };
    let (channels, px) = (channels as usize, w as usize * h as usize);
    if layout.planes > 1 {
        pixels = interleave(&pixels, channels, px)?;
    }
    if pixels.len() < px * channels {
        return Err(MediaError::Truncated);
    }
    pixels.truncate(px * channels);
    let pixels = match color {
        ColorType::Gray(_) => pixels.iter().flat_map(|&g| [g, g, g]).collect(),
        ColorType::Multiband { .. } => {
            let rgba = pixels.chunks_exact(2).flat_map(|ga| [ga[0], ga[0], ga[0], ga[1]]).collect();
            flatten(rgba, premultiplied)
        }
        ColorType::RGBA(_) => flatten(pixels, premultiplied),
        ColorType::YCbCr(_) => ycbcr_to_rgb(pixels),
        // Transparent means no ink: the paper's white.
        ColorType::CMYKA(_) => pixels
            .chunks_exact(5)
            .flat_map(|p| {
                let ink = |v: u8| if premultiplied { v } else { (v as u32 * p[4] as u32 / 255) as u8 };
                [ink(p[0]), ink(p[1]), ink(p[2]), ink(p[3])]
            })
            .collect(),
        _ => pixels,
    };
    Ok(Decoded { pixels, size: (w, h), samples })
}

/// What we return for a colour type, how many samples the file has a pixel, and their depth.
fn layout(color: ColorType) -> Result<(Samples, u32, u32), MediaError> {
    let cmyk = Samples::Cmyk { inverted: false };
    let (samples, channels, depth) = match color {
        ColorType::Gray(d) => (Samples::Rgb, 1, d),
        ColorType::Multiband { bit_depth, num_samples: 2 } => (Samples::Rgb, 2, bit_depth),
        ColorType::RGB(d) | ColorType::YCbCr(d) => (Samples::Rgb, 3, d),
        ColorType::RGBA(d) => (Samples::Rgb, 4, d),
        ColorType::CMYK(d) => (cmyk, 4, d),
        ColorType::CMYKA(d) => (cmyk, 5, d),
        ColorType::Palette(_) => return Err(MediaError::UnsupportedFormat("TIFF, palette colour".into())),
        ColorType::Lab(_) => return Err(MediaError::UnsupportedFormat("TIFF, Lab colour".into())),
        other => return Err(MediaError::UnsupportedFormat(format!("TIFF, {other:?}"))),
    };
    if (depth != 8 && depth != 16) || matches!(color, ColorType::YCbCr(16)) {
        return Err(MediaError::UnsupportedFormat(format!("TIFF, {depth}-bit samples")));
    }
    Ok((samples, channels, depth as u32))
}

/// Planar files (one plane per channel) to packed pixels.
fn interleave(planes: &[u8], channels: usize, px: usize) -> Result<Vec<u8>, MediaError> {
    if planes.len() < px * channels {
        return Err(MediaError::Truncated);
    }
    Ok((0..px).flat_map(|i| (0..channels).map(move |c| planes[c * px + i])).collect())
}

fn flatten(mut rgba: Vec<u8>, premultiplied: bool) -> Vec<u8> {
    if !premultiplied {
        return rgba_to_rgb(rgba);
    }
    // Premultiplied colour over white is colour + (1 − alpha) × white.
    let n = rgba.len() / 4;
    for i in 0..n {
        let a = rgba[i * 4 + 3];
        for c in 0..3 {
            rgba[i * 3 + c] = rgba[i * 4 + c].saturating_add(255 - a);
        }
    }
    rgba.truncate(n * 3);
    rgba
}

/// JPEG-compressed TIFF keeps JPEG's own YCbCr (full-range BT.601); the decoder leaves it so.
fn ycbcr_to_rgb(mut pixels: Vec<u8>) -> Vec<u8> {
    for p in pixels.chunks_exact_mut(3) {
        let (y, cb, cr) = (p[0] as f32, p[1] as f32 - 128.0, p[2] as f32 - 128.0);
        let clamp = |v: f32| v.round().clamp(0.0, 255.0) as u8;
        p[0] = clamp(y + 1.402 * cr);
        p[1] = clamp(y - 0.344_136 * cb - 0.714_136 * cr);
        p[2] = clamp(y + 1.772 * cb);
    }
    pixels
}

/// A tag's bytes as stored. IPTC is often typed LONG: its bytes are read back in file order.
fn value_bytes(value: &Value, little_endian: bool) -> Option<Vec<u8>> {
    let bytes = match value {
        Value::Byte(b) | Value::Undefined(b, _) => b.clone(),
        Value::Ascii(parts) => parts.concat(),
        Value::Long(words) => {
            words.iter().flat_map(|w| if little_endian { w.to_le_bytes() } else { w.to_be_bytes() }).collect()
        }
        _ => return None,
    };
    (!bytes.is_empty()).then_some(bytes)
}

fn camera_raw() -> MediaError {
    MediaError::UnsupportedFormat("RAW".into())
}

fn error(e: TiffError) -> MediaError {
    match e {
        TiffError::IoError(io) => io_error(&io),
        TiffError::LimitsExceeded => MediaError::MemoryLimit { needed: u64::MAX, max_bytes: 0 },
        TiffError::UnsupportedError(u) => MediaError::UnsupportedFormat(format!("TIFF, {u}")),
        other => MediaError::Decode(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_bit_samples_scale_to_the_full_eight_bit_range() {
        let scale = |s: u16| ((s as u32 * 255 + 32767) / 65535) as u8;
        assert_eq!([scale(0), scale(257), scale(32896), scale(65535)], [0, 1, 128, 255]);
    }

    #[test]
    fn planes_are_interleaved() {
        assert_eq!(interleave(&[1, 2, 10, 20, 100, 200], 3, 2).unwrap(), [1, 10, 100, 2, 20, 200]);
    }

    #[test]
    fn premultiplied_alpha_is_flattened_on_white() {
        assert_eq!(flatten(vec![0, 0, 0, 0, 100, 50, 0, 128], true), [255, 255, 255, 227, 177, 127]);
    }

    #[test]
    fn jpeg_ycbcr_grey_and_red() {
        assert_eq!(ycbcr_to_rgb(vec![128, 128, 128, 76, 85, 255]), [128, 128, 128, 254, 0, 0]);
    }

    /// A little-endian TIFF whose first directory holds `entries` (tag, type, value), each
    /// one value stored inline, followed by `data`.
    fn tiff_with(entries: &[(u16, u16, u32)], data: &[u8]) -> Vec<u8> {
        let mut out = b"II*\0\x08\0\0\0".to_vec();
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for &(tag, kind, value) in entries {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(data);
        out
    }

    /// 4×2 greyscale, uncompressed, one strip of 8 bytes right after a 10-entry directory.
    fn grey_4x2(extra: &[(u16, u16, u32)], strip_bytes: u32) -> Vec<u8> {
        let data_at = 8 + 2 + 12 * (9 + extra.len() as u32) + 4;
        let mut entries = vec![
            (256, 3, 4),
            (257, 3, 2),
            (258, 3, 8),
            (259, 3, 1),
            (262, 3, 1),
            (273, 4, data_at),
            (277, 3, 1),
            (278, 3, 2),
            (279, 4, strip_bytes),
        ];
        entries.extend_from_slice(extra);
        entries.sort_by_key(|e| e.0);
        tiff_with(&entries, &[0, 85, 170, 255, 255, 170, 85, 0])
    }

    #[test]
    fn reads_size_and_decodes_grey_to_rgb() {
        let bytes = grey_4x2(&[(274, 3, 6)], 8);
        let probed = probe(&bytes).unwrap();
        assert_eq!((probed.size, probed.truncated), ((4, 2), false));
        assert_eq!(probed.raw.exif_fields.unwrap().orientation, Some(6));
        let decoded = decode(&bytes, 1 << 20).unwrap();
        assert_eq!(&decoded.pixels[..6], [0, 0, 0, 85, 85, 85]);
    }

    #[test]
    fn strips_past_the_end_mean_truncated() {
        assert!(probe(&grey_4x2(&[], 4000)).unwrap().truncated);
    }

    #[test]
    fn camera_raw_is_refused_by_name() {
        let dng = grey_4x2(&[(TAG_DNG_VERSION, 1, u32::from_le_bytes([1, 4, 0, 0]))], 8);
        assert_eq!(probe(&dng).unwrap_err(), MediaError::UnsupportedFormat("RAW".into()));
        let nef_preview = grey_4x2(&[(TAG_SUBFILE_TYPE, 4, 1)], 8);
        assert_eq!(probe(&nef_preview).unwrap_err(), MediaError::UnsupportedFormat("RAW".into()));
    }

    #[test]
    fn iptc_typed_long_reads_back_in_file_order() {
        let words = Value::Long(vec![u32::from_le_bytes([0x1c, 2, 120, 0])]);
        assert_eq!(value_bytes(&words, true).unwrap(), [0x1c, 2, 120, 0]);
    }
}

//! Recognising a format from its bytes (never from the file name), reading its header and
//! metadata without decoding pixels, and decoding to packed 8-bit RGB.

pub(crate) mod heic;
pub(crate) mod jpeg;
pub(crate) mod png;
pub(crate) mod webp;

use serde::Serialize;

use crate::metadata::RawMetadata;
use crate::MediaError;

/// The formats we import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
    /// HEIC/HEIF from phones (HEVC-coded), through libheif.
    Heic,
}

impl Format {
    pub fn mime_type(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::WebP => "image/webp",
            Format::Heic => "image/heic",
        }
    }
}

/// What the header says, before any pixel is decoded.
pub(crate) struct Header {
    pub format: Format,
    /// Pixel size as stored, before EXIF orientation.
    pub stored: (u32, u32),
    pub raw: RawMetadata,
}

/// Packed RGB, 3 bytes a pixel, rows without padding.
pub(crate) struct Rgb {
    pub pixels: Vec<u8>,
    pub size: (u32, u32),
}

pub(crate) fn sniff(bytes: &[u8]) -> Result<Format, MediaError> {
    let unsupported = |name: &str| Err(MediaError::UnsupportedFormat(name.to_string()));
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Ok(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(Format::WebP);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let box_len = (u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize).clamp(12, 64);
        let brands: Vec<&[u8]> = bytes[8..box_len.min(bytes.len())].chunks_exact(4).collect();
        let has = |names: &[&[u8]]| brands.iter().any(|b| names.contains(b));
        if has(&[b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"]) {
            return Ok(Format::Heic);
        }
        if has(&[b"avif", b"avis"]) {
            return unsupported("AVIF");
        }
        if has(&[b"mif1", b"msf1"]) {
            return Ok(Format::Heic);
        }
        return unsupported("MP4/QuickTime");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return unsupported("GIF");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return unsupported("TIFF/RAW");
    }
    if bytes.starts_with(&[0xff, 0x0a]) || bytes.starts_with(b"\0\0\0\x0cJXL ") {
        return unsupported("JPEG XL");
    }
    if bytes.starts_with(b"BM") && bytes.len() > 26 && bytes[14..18] != [0, 0, 0, 0] && bytes[6..10] == [0, 0, 0, 0] {
        return unsupported("BMP");
    }
    if !bytes.is_empty() && ([0xff, 0xd8].starts_with(bytes) || b"\x89PNG\r\n\x1a\n".starts_with(bytes)) {
        return Err(MediaError::Truncated);
    }
    Err(MediaError::NotAnImage)
}

/// Recognises the format and reads size and metadata, allocating nothing pixel-sized;
/// `check_size` refuses a decompression bomb as soon as the header is read.
pub(crate) fn probe(
    bytes: &[u8],
    check_size: impl Fn((u32, u32)) -> Result<(), MediaError>,
) -> Result<Header, MediaError> {
    let format = sniff(bytes)?;
    let (stored, mut raw) = match format {
        Format::Jpeg => jpeg::probe(bytes)?,
        Format::Png => png::probe(bytes)?,
        Format::WebP => webp::probe(bytes)?,
        Format::Heic => heic::probe(bytes)?,
    };
    if stored.0 == 0 || stored.1 == 0 {
        return Err(MediaError::Decode("zero-sized image".into()));
    }
    check_size(stored)?;
    if format == Format::Png {
        raw = png::metadata(bytes)?;
    }
    Ok(Header { format, stored, raw })
}

/// The peak bytes a decode at `1/denom` scale holds (pixel buffers and the decoder's own
/// full-size planes), the figure checked against `max_memory_bytes`.
pub(crate) fn decode_cost(format: Format, (w, h): (u32, u32), denom: u32) -> u64 {
    let px = |w: u32, h: u32| w as u64 * h as u64;
    match format {
        Format::Jpeg => px(w.div_ceil(denom), h.div_ceil(denom)) * 3,
        // Up to 4 bytes of output, plus a grey→RGB expansion in the worst case.
        Format::Png => px(w, h) * 5,
        Format::WebP => px(w, h) * 4,
        // libheif's YCbCr planes (1.5 B/px) and RGB image (3), then our packed copy (3).
        Format::Heic => px(w, h) * 15 / 2,
    }
}

/// Decodes to RGB. JPEG honours `denom` (1, 2, 4 or 8) by scaling in the DCT domain; the
/// other formats decode at full size.
pub(crate) fn decode(bytes: &[u8], header: &Header, denom: u32, memory_limit: u64) -> Result<Rgb, MediaError> {
    match header.format {
        Format::Jpeg => jpeg::decode(bytes, header.stored, denom),
        Format::Png => png::decode(bytes, memory_limit),
        Format::WebP => webp::decode(bytes),
        Format::Heic => heic::decode(bytes),
    }
}

/// Drops the alpha channel by compositing over white, in place.
pub(crate) fn rgba_to_rgb(mut pixels: Vec<u8>) -> Vec<u8> {
    let n = pixels.len() / 4;
    for i in 0..n {
        let a = pixels[i * 4 + 3] as u32;
        for c in 0..3 {
            let v = pixels[i * 4 + c] as u32;
            pixels[i * 3 + c] = ((v * a + 255 * (255 - a) + 127) / 255) as u8;
        }
    }
    pixels.truncate(n * 3);
    pixels
}

/// Maps a decoder's "ran out of input" to [`MediaError::Truncated`].
pub(crate) fn io_error(e: &std::io::Error) -> MediaError {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        MediaError::Truncated
    } else {
        MediaError::Decode(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_from_bytes_not_names() {
        assert_eq!(sniff(b"\xff\xd8\xff\xe0rest").unwrap(), Format::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest").unwrap(), Format::Png);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap(), Format::WebP);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap(), Format::Heic);
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"), Err(MediaError::UnsupportedFormat("AVIF".into())));
        assert_eq!(sniff(b"GIF89a......"), Err(MediaError::UnsupportedFormat("GIF".into())));
        assert_eq!(sniff("Đây không phải là ảnh".as_bytes()), Err(MediaError::NotAnImage));
        assert_eq!(sniff(b""), Err(MediaError::NotAnImage));
        assert_eq!(sniff(b"\xff\xd8"), Err(MediaError::Truncated));
    }

    #[test]
    fn alpha_is_composited_over_white() {
        assert_eq!(
            rgba_to_rgb(vec![0, 0, 0, 0, 10, 20, 30, 255, 0, 0, 0, 128]),
            [255, 255, 255, 10, 20, 30, 127, 127, 127]
        );
    }
}

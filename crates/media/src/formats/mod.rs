//! Recognising a format from its bytes (never from the file name), reading its header and
//! metadata without decoding pixels, and decoding to packed 8-bit samples (RGB, or CMYK for
//! press files, which [`crate::color`] turns into sRGB after the resize).

pub(crate) mod bmp;
pub(crate) mod gif;
pub(crate) mod heic;
pub(crate) mod jpeg;
pub(crate) mod png;
pub(crate) mod tiff;
pub(crate) mod webp;

use serde::Serialize;

use crate::metadata::RawMetadata;
use crate::MediaError;

/// The formats we import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// Baseline and progressive, 8-bit, RGB, greyscale or CMYK.
    Jpeg,
    Png,
    WebP,
    /// HEIC/HEIF from phones (HEVC-coded), through libheif.
    Heic,
    /// AVIF (AV1-coded HEIF) from newer phones, through libheif (its dav1d decoder).
    Avif,
    /// 8- and 16-bit, RGB, greyscale or CMYK, from agencies and scanners.
    Tiff,
    /// The first frame of an animation (see [`crate::Prepared::animated`]).
    Gif,
    Bmp,
}

impl Format {
    pub fn mime_type(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::WebP => "image/webp",
            Format::Heic => "image/heic",
            Format::Avif => "image/avif",
            Format::Tiff => "image/tiff",
            Format::Gif => "image/gif",
            Format::Bmp => "image/bmp",
        }
    }

    /// HEIF containers (HEIC, AVIF) carry their own rotation, which libheif applies while
    /// decoding; the EXIF orientation inside them is not to be applied again.
    pub(crate) fn rotates_itself(self) -> bool {
        matches!(self, Format::Heic | Format::Avif)
    }
}

/// How a decoder's output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Samples {
    /// Packed RGB, 3 bytes a pixel.
    #[default]
    Rgb,
    /// Packed CMYK, 4 bytes a pixel; `inverted` when 0 means full ink (Adobe's CMYK JPEGs).
    Cmyk { inverted: bool },
}

impl Samples {
    pub fn channels(self) -> usize {
        match self {
            Samples::Rgb => 3,
            Samples::Cmyk { .. } => 4,
        }
    }
}

/// What the header says, before any pixel is decoded.
pub(crate) struct Header {
    pub format: Format,
    /// Pixel size as stored, before EXIF orientation.
    pub stored: (u32, u32),
    pub raw: RawMetadata,
    /// What [`decode`] returns.
    pub samples: Samples,
    /// Bytes a pixel in the decoder's own full-size output, where the format varies (TIFF:
    /// samples × bytes a sample; HEIF: more than 8 bits a sample); 0 where it is fixed.
    pub decoder_bytes_per_pixel: u32,
    /// More than one frame: the renditions show the first.
    pub animated: bool,
}

/// Packed RGB, 3 bytes a pixel, rows without padding.
pub(crate) struct Rgb {
    pub pixels: Vec<u8>,
    pub size: (u32, u32),
}

/// A decoder's output: packed 8-bit samples, rows without padding.
pub(crate) struct Decoded {
    pub pixels: Vec<u8>,
    pub size: (u32, u32),
    pub samples: Samples,
}

/// Borrowed pixels, as the resizer reads them.
pub(crate) struct Source<'a> {
    pub pixels: &'a [u8],
    pub size: (u32, u32),
    pub samples: Samples,
}

impl Decoded {
    pub fn as_source(&self) -> Source<'_> {
        Source { pixels: &self.pixels, size: self.size, samples: self.samples }
    }
}

impl Rgb {
    pub fn as_source(&self) -> Source<'_> {
        Source { pixels: &self.pixels, size: self.size, samples: Samples::Rgb }
    }
}

impl From<Rgb> for Decoded {
    fn from(rgb: Rgb) -> Decoded {
        Decoded { pixels: rgb.pixels, size: rgb.size, samples: Samples::Rgb }
    }
}

/// What a format's `probe` learns: size as stored, metadata, and the rest of [`Header`].
#[derive(Debug)]
pub(crate) struct Probed {
    pub size: (u32, u32),
    pub raw: RawMetadata,
    pub samples: Samples,
    pub decoder_bytes_per_pixel: u32,
    pub animated: bool,
    /// The pixel data runs past the end of the file: refused as truncated once the size has
    /// passed the limits (a bomb that also lies about its data is still named a bomb).
    pub truncated: bool,
}

impl From<((u32, u32), RawMetadata)> for Probed {
    fn from((size, raw): ((u32, u32), RawMetadata)) -> Probed {
        Probed { size, raw, samples: Samples::Rgb, decoder_bytes_per_pixel: 0, animated: false, truncated: false }
    }
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
            return Ok(Format::Avif);
        }
        if has(&[b"mif1", b"msf1"]) {
            return Ok(Format::Heic);
        }
        return unsupported("MP4/QuickTime");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(Format::Gif);
    }
    // Classic TIFF and BigTIFF; camera raw files share the magic and are told apart by `tiff::probe`.
    if [b"II*\0", b"MM\0*", b"II+\0", b"MM\0+"].iter().any(|m| bytes.starts_with(*m)) {
        return Ok(Format::Tiff);
    }
    if bytes.starts_with(&[0xff, 0x0a]) || bytes.starts_with(b"\0\0\0\x0cJXL ") {
        return unsupported("JPEG XL");
    }
    if bytes.starts_with(b"BM") && bytes.len() > 26 && bytes[14..18] != [0, 0, 0, 0] && bytes[6..10] == [0, 0, 0, 0] {
        return Ok(Format::Bmp);
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
    let mut probed: Probed = match format {
        Format::Jpeg => jpeg::probe(bytes)?,
        Format::Png => png::probe(bytes)?.into(),
        Format::WebP => webp::probe(bytes)?,
        Format::Heic | Format::Avif => heic::probe(bytes)?,
        Format::Tiff => tiff::probe(bytes)?,
        Format::Gif => gif::probe(bytes)?,
        Format::Bmp => bmp::probe(bytes)?,
    };
    let stored = probed.size;
    if stored.0 == 0 || stored.1 == 0 {
        return Err(MediaError::Decode("zero-sized image".into()));
    }
    check_size(stored)?;
    if probed.truncated {
        return Err(MediaError::Truncated);
    }
    if format == Format::Png {
        probed.raw = png::metadata(bytes)?;
    }
    Ok(Header {
        format,
        stored,
        raw: probed.raw,
        samples: probed.samples,
        decoder_bytes_per_pixel: probed.decoder_bytes_per_pixel,
        animated: probed.animated,
    })
}

/// The peak bytes a decode at `1/denom` scale holds (pixel buffers and the decoder's own
/// full-size planes), the figure checked against `max_memory_bytes`.
pub(crate) fn decode_cost(header: &Header, denom: u32) -> u64 {
    let (w, h) = header.stored;
    let px = |w: u32, h: u32| w as u64 * h as u64;
    let own = header.decoder_bytes_per_pixel as u64;
    match header.format {
        Format::Jpeg => px(w.div_ceil(denom), h.div_ceil(denom)) * header.samples.channels() as u64,
        // Up to 4 bytes of output, plus a grey→RGB expansion in the worst case.
        Format::Png => px(w, h) * 5,
        Format::WebP => px(w, h) * 4,
        // libheif's YCbCr planes (`own`: 1.5 B/px at 8 bits, rounded up; twice that above), its
        // RGB(A) image (up to 4), then our packed copy (3).
        Format::Heic | Format::Avif => px(w, h) * (own + 7),
        // The decoder's samples, then our 8-bit copy (up to 5 samples: CMYK and alpha).
        Format::Tiff => px(w, h) * (own + 5),
        // The RGBA screen, and a frame buffer as large when the first frame is not full width.
        Format::Gif => px(w, h) * 8,
        Format::Bmp => px(w, h) * 4,
    }
}

/// Decodes to packed samples. JPEG honours `denom` (1, 2, 4 or 8) by scaling in the DCT
/// domain; the other formats decode at full size.
pub(crate) fn decode(bytes: &[u8], header: &Header, denom: u32, memory_limit: u64) -> Result<Decoded, MediaError> {
    match header.format {
        Format::Jpeg => jpeg::decode(bytes, header.stored, denom, header.samples),
        Format::Png => png::decode(bytes, memory_limit).map(Decoded::from),
        Format::WebP => webp::decode(bytes).map(Decoded::from),
        Format::Heic | Format::Avif => heic::decode(bytes).map(Decoded::from),
        Format::Tiff => tiff::decode(bytes, memory_limit),
        Format::Gif => gif::decode(bytes, memory_limit).map(Decoded::from),
        Format::Bmp => bmp::decode(bytes, memory_limit).map(Decoded::from),
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

/// Maps `image`'s errors (GIF, BMP) onto ours.
pub(crate) fn image_error(e: image::ImageError) -> MediaError {
    match e {
        image::ImageError::IoError(io) => io_error(&io),
        image::ImageError::Limits(_) => MediaError::MemoryLimit { needed: u64::MAX, max_bytes: 0 },
        image::ImageError::Unsupported(u) => MediaError::UnsupportedFormat(u.to_string()),
        other => MediaError::Decode(other.to_string()),
    }
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
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf").unwrap(), Format::Avif);
        assert_eq!(sniff(b"GIF89a......").unwrap(), Format::Gif);
        assert_eq!(sniff(b"II*\0\x08\0\0\0").unwrap(), Format::Tiff);
        assert_eq!(sniff(b"MM\0*\0\0\0\x08").unwrap(), Format::Tiff);
        assert_eq!(sniff(b"\xff\x0a...."), Err(MediaError::UnsupportedFormat("JPEG XL".into())));
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

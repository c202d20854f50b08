//! WebP (lossy, lossless, with alpha; the first frame of an animation) through `image-webp`.

use std::io::Cursor;

use image_webp::{DecodingError, WebPDecoder};

use super::{io_error, rgba_to_rgb, Probed, Rgb};
use crate::metadata::RawMetadata;
use crate::MediaError;

pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    let riff_len = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
    if bytes.len() < riff_len.saturating_add(8) {
        return Err(MediaError::Truncated);
    }
    // The decoder reads chunk headers only: no pixel buffer until `read_image`.
    let mut decoder = WebPDecoder::new(Cursor::new(bytes)).map_err(error)?;
    let raw = RawMetadata {
        exif: decoder.exif_metadata().ok().flatten(),
        photoshop: None,
        xmp: decoder.xmp_metadata().ok().flatten(),
        icc: decoder.icc_profile().ok().flatten(),
        ..Default::default()
    };
    let animated = decoder.is_animated();
    Ok(Probed { animated, ..(decoder.dimensions(), raw).into() })
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Rgb, MediaError> {
    let mut decoder = WebPDecoder::new(Cursor::new(bytes)).map_err(error)?;
    let len = decoder.output_buffer_size().ok_or_else(|| MediaError::Decode("image too large".into()))?;
    let mut pixels = vec![0u8; len];
    decoder.read_image(&mut pixels).map_err(error)?;
    let pixels = if decoder.has_alpha() { rgba_to_rgb(pixels) } else { pixels };
    Ok(Rgb { pixels, size: decoder.dimensions() })
}

fn error(e: DecodingError) -> MediaError {
    match e {
        DecodingError::IoError(io) => io_error(&io),
        other => MediaError::Decode(other.to_string()),
    }
}

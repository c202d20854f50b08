//! BMP (Windows bitmaps from the web and old scanners), through `image`'s BMP decoder. The
//! header is read by hand first, so a bitmap claiming a huge size is refused before the
//! decoder sees it; 32-bit bitmaps with alpha are flattened on white.

use std::io::Cursor;

use image::codecs::bmp::BmpDecoder;
use image::{ColorType, ImageDecoder};

use super::{image_error, rgba_to_rgb, Probed, Rgb};
use crate::metadata::RawMetadata;
use crate::MediaError;

const BI_RGB: u32 = 0;
const BI_BITFIELDS: u32 = 3;

pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let pixel_offset = u32_at(10).ok_or(MediaError::Truncated)? as u64;
    let info_size = u32_at(14).ok_or(MediaError::Truncated)?;
    let (width, height, bits, compression) = if info_size == 12 {
        // OS/2 BITMAPCOREHEADER: 16-bit sizes.
        let w = u16_at(18).ok_or(MediaError::Truncated)? as i64;
        let h = u16_at(20).ok_or(MediaError::Truncated)? as i64;
        (w, h, u16_at(24).ok_or(MediaError::Truncated)?, BI_RGB)
    } else {
        let w = u32_at(18).ok_or(MediaError::Truncated)? as i32 as i64;
        let h = u32_at(22).ok_or(MediaError::Truncated)? as i32 as i64; // negative: top-down rows
        (w, h, u16_at(28).ok_or(MediaError::Truncated)?, u32_at(30).ok_or(MediaError::Truncated)?)
    };
    let (width, height) = (u32::try_from(width), u32::try_from(height.unsigned_abs()));
    let (Ok(width), Ok(height)) = (width, height) else {
        return Err(MediaError::Decode("bad BMP size".into()));
    };
    // Uncompressed rows have a known length: a cut file is named as such before decoding.
    let row = (bits as u64 * width as u64).div_ceil(32) * 4;
    let truncated =
        matches!(compression, BI_RGB | BI_BITFIELDS) && pixel_offset + row * height as u64 > bytes.len() as u64;
    Ok(Probed { truncated, ..((width, height), RawMetadata::default()).into() })
}

pub(crate) fn decode(bytes: &[u8], memory_limit: u64) -> Result<Rgb, MediaError> {
    let mut decoder = BmpDecoder::new(Cursor::new(bytes)).map_err(image_error)?;
    let mut limits = image::Limits::no_limits();
    limits.max_alloc = Some(memory_limit);
    decoder.set_limits(limits).map_err(image_error)?;
    let size = decoder.dimensions();
    let alpha = decoder.color_type() == ColorType::Rgba8;
    let len = usize::try_from(decoder.total_bytes()).map_err(|_| MediaError::Decode("too large".into()))?;
    let mut pixels = vec![0u8; len];
    decoder.read_image(&mut pixels).map_err(image_error)?;
    Ok(Rgb { pixels: if alpha { rgba_to_rgb(pixels) } else { pixels }, size })
}

//! HEIC/HEIF and AVIF through the system libheif (1.15 on Debian 12, built with libde265 for
//! HEVC and dav1d for AV1). libheif applies the container's rotation and mirroring itself, so
//! the size it reports is already the size as shown. 10-bit pictures come out as 8-bit RGB,
//! and alpha (AVIF stickers, screenshots) is flattened on white.

use libheif_rs::{ColorSpace, HeifContext, HeifError, ItemId, RgbChroma};

use super::{rgba_to_rgb, Probed, Rgb};
use crate::metadata::RawMetadata;
use crate::MediaError;

pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    let context = HeifContext::read_from_bytes(bytes).map_err(error)?;
    let handle = context.primary_image_handle().map_err(error)?;
    let mut raw = RawMetadata { icc: handle.color_profile_raw().map(|p| p.data), ..Default::default() };
    let mut ids: [ItemId; 8] = [0; 8];
    let n = handle.metadata_block_ids(&mut ids, 0u32);
    for &id in &ids[..n] {
        let Ok(block) = handle.metadata(id) else { continue };
        match (handle.metadata_type(id), handle.metadata_content_type(id)) {
            (Some("Exif"), _) if block.len() > 4 => {
                // A 4-byte offset to the TIFF header precedes the EXIF data.
                let offset = u32::from_be_bytes(block[..4].try_into().unwrap()) as usize;
                raw.exif = block.get(4 + offset..).map(<[u8]>::to_vec);
            }
            (Some("mime"), Some("application/rdf+xml")) => raw.xmp = Some(block),
            _ => {}
        }
    }
    // The decoder's YCbCr planes: 1.5 bytes a pixel at 8 bits (4:2:0), twice that above.
    let planes = if handle.luma_bits_per_pixel() > 8 { 3 } else { 2 };
    Ok(Probed { decoder_bytes_per_pixel: planes, ..((handle.width(), handle.height()), raw).into() })
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Rgb, MediaError> {
    let context = HeifContext::read_from_bytes(bytes).map_err(error)?;
    let handle = context.primary_image_handle().map_err(error)?;
    let alpha = handle.has_alpha_channel();
    let (chroma, channels) = if alpha { (RgbChroma::Rgba, 4) } else { (RgbChroma::Rgb, 3) };
    let image = handle.decode(ColorSpace::Rgb(chroma), None).map_err(error)?;
    let plane = image.planes().interleaved.ok_or_else(|| MediaError::Decode("no RGB plane".into()))?;
    let (w, h) = (plane.width as usize, plane.height as usize);
    let mut pixels = Vec::with_capacity(w * h * channels);
    for row in plane.data.chunks(plane.stride).take(h) {
        pixels.extend_from_slice(row.get(..w * channels).ok_or_else(|| MediaError::Decode("short row".into()))?);
    }
    let pixels = if alpha { rgba_to_rgb(pixels) } else { pixels };
    Ok(Rgb { pixels, size: (w as u32, h as u32) })
}

fn error(e: HeifError) -> MediaError {
    use libheif_rs::HeifErrorSubCode as Sub;
    match e.sub_code {
        Sub::EndOfData => MediaError::Truncated,
        // libheif refuses sizes over 32768×32768 itself, before allocating; named as our own
        // refusal (the caller's limit is filled in by `probe_checked`).
        Sub::SecurityLimitExceeded => match claimed_size(&e.message) {
            Some((width, height)) => MediaError::TooLarge { width, height, max_pixels: 0 },
            None => MediaError::Decode(e.message),
        },
        _ => MediaError::Decode(e.to_string()),
    }
}

/// "… Image size 60000x60000 exceeds the maximum image size 32768x32768" → (60000, 60000).
fn claimed_size(message: &str) -> Option<(u32, u32)> {
    let rest = &message[message.find("size ")? + 5..];
    let (w, rest) = rest.split_once('x')?;
    let h: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((w.parse().ok()?, h.parse().ok()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn libheif_security_limit_names_the_claimed_size() {
        let message = "Security limit exceeded: Image size 60000x60000 exceeds the maximum image size 32768x32768";
        assert_eq!(super::claimed_size(message), Some((60000, 60000)));
        assert_eq!(super::claimed_size("Security limit exceeded"), None);
    }
}

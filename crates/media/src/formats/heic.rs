//! HEIC/HEIF through the system libheif (1.15 on Debian 12). libheif applies the container's
//! rotation and mirroring itself, so the size it reports is already the size as shown.

use libheif_rs::{ColorSpace, HeifContext, HeifError, ItemId, RgbChroma};

use super::Rgb;
use crate::metadata::RawMetadata;
use crate::MediaError;

pub(crate) fn probe(bytes: &[u8]) -> Result<((u32, u32), RawMetadata), MediaError> {
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
    Ok(((handle.width(), handle.height()), raw))
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Rgb, MediaError> {
    let context = HeifContext::read_from_bytes(bytes).map_err(error)?;
    let handle = context.primary_image_handle().map_err(error)?;
    let image = handle.decode(ColorSpace::Rgb(RgbChroma::Rgb), None).map_err(error)?;
    let plane = image.planes().interleaved.ok_or_else(|| MediaError::Decode("no RGB plane".into()))?;
    let (w, h) = (plane.width as usize, plane.height as usize);
    let mut pixels = Vec::with_capacity(w * h * 3);
    for row in plane.data.chunks(plane.stride).take(h) {
        pixels.extend_from_slice(row.get(..w * 3).ok_or_else(|| MediaError::Decode("short row".into()))?);
    }
    Ok(Rgb { pixels, size: (w as u32, h as u32) })
}

fn error(e: HeifError) -> MediaError {
    use libheif_rs::HeifErrorSubCode as Sub;
    match e.sub_code {
        Sub::EndOfData => MediaError::Truncated,
        _ => MediaError::Decode(e.to_string()),
    }
}

//! One decode → web rendition and thumbnail: crop, orientation and quarter turns applied,
//! colour converted to sRGB, caption/credit written in, nothing else carried over.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use crate::formats::{self, jpeg, Rgb, Samples, Source};
use crate::metadata::{iptc, xmp};
use crate::orient::Transform;
use crate::{color, Crop, EmbedMetadata, ImportLimits, MediaError, RenditionSpec, Renditions};

pub(crate) fn render(
    bytes: &[u8],
    limits: &ImportLimits,
    spec: &RenditionSpec,
    crop: Option<Crop>,
    rotate_quarter_turns: u8,
    embed: &EmbedMetadata,
) -> Result<Renditions, MediaError> {
    let header = crate::probe_checked(bytes, limits)?;
    let (_, orientation) = crate::metadata::read(&header.raw);
    let transform = if header.format.rotates_itself() {
        Transform::default() // libheif has applied irot/imir already
    } else {
        Transform::from_exif(orientation.unwrap_or(1))
    }
    .then_turn(rotate_quarter_turns % 4);

    // The crop, as shown and as stored.
    let crop = crop.unwrap_or(Crop::FULL).validated()?;
    let (sw, sh) = header.stored;
    let (shown_w, shown_h) = transform.size(header.stored);
    let crop_shown = (crop.width * shown_w as f64, crop.height * shown_h as f64);
    if crop_shown.0 < 1.0 || crop_shown.1 < 1.0 {
        return Err(MediaError::InvalidCrop);
    }
    let (u0, v0) = transform.unmap_fraction((crop.x, crop.y));
    let (u1, v1) = transform.unmap_fraction((crop.x + crop.width, crop.y + crop.height));
    let stored_crop = (u0.min(u1), v0.min(v1), (u1 - u0).abs(), (v1 - v0).abs());

    let web_shown = fit(crop_shown, spec.web_long_edge);
    let thumb_shown = fit(crop_shown, spec.thumb_long_edge.min(spec.web_long_edge));
    let web_stored = transform.size(web_shown);

    // Largest DCT scale-down that still leaves at least the web size inside the crop.
    let denom = if header.format == formats::Format::Jpeg {
        [8u32, 4, 2]
            .into_iter()
            .find(|&d| {
                stored_crop.2 * sw.div_ceil(d) as f64 >= web_stored.0 as f64
                    && stored_crop.3 * sh.div_ceil(d) as f64 >= web_stored.1 as f64
            })
            .unwrap_or(1)
    } else {
        1
    };
    // The web size resized (in the decoder's channels), in sRGB, turned; the thumbnail twice.
    let px = |(w, h): (u32, u32)| w as u64 * h as u64;
    let channels = header.samples.channels() as u64;
    let needed = formats::decode_cost(&header, denom) + px(web_stored) * (channels + 6) + px(thumb_shown) * 6;
    if needed > limits.max_memory_bytes {
        return Err(MediaError::MemoryLimit { needed, max_bytes: limits.max_memory_bytes });
    }

    let decoded = formats::decode(bytes, &header, denom, limits.max_memory_bytes)?;
    let (dw, dh) = (decoded.size.0 as f64, decoded.size.1 as f64);
    let area = (stored_crop.0 * dw, stored_crop.1 * dh, stored_crop.2 * dw, stored_crop.3 * dh);
    let web = resize(&decoded.as_source(), area, web_stored)?;
    drop(decoded);

    let icc = header.raw.icc.as_deref();
    let web = match header.samples {
        Samples::Cmyk { inverted } => color::cmyk_to_srgb(&web, icc, inverted),
        Samples::Rgb => {
            let mut pixels = web;
            if let Some(icc) = icc {
                color::to_srgb_in_place(&mut pixels, icc);
            }
            pixels
        }
    };
    let web = Rgb { pixels: transform.apply(web, web_stored, 3), size: web_shown };
    let whole_web = (0.0, 0.0, web_shown.0 as f64, web_shown.1 as f64);
    let thumb = Rgb { pixels: resize(&web.as_source(), whole_web, thumb_shown)?, size: thumb_shown };

    let embed = embed.normalized();
    let segments = if embed.is_empty() {
        Vec::new()
    } else {
        jpeg::metadata_segments(&xmp::write_packet(&embed), &iptc::photoshop_resource(&iptc::write_iim(&embed)))
    };
    Ok(Renditions {
        web: jpeg::encode(&web, spec.web_quality, &segments)?,
        web_size: web.size,
        thumb: jpeg::encode(&thumb, spec.web_quality, &segments)?,
        thumb_size: thumb.size,
    })
}

/// Scales `(w, h)` so its long edge is at most `long_edge`; never enlarges.
fn fit((w, h): (f64, f64), long_edge: u32) -> (u32, u32) {
    let scale = (long_edge.max(1) as f64 / w.max(h)).min(1.0);
    (((w * scale).round() as u32).max(1), ((h * scale).round() as u32).max(1))
}

/// Lanczos3 resample of the `(left, top, width, height)` area of `src` to `size`, in the
/// source's channels.
fn resize(src: &Source, area: (f64, f64, f64, f64), size: (u32, u32)) -> Result<Vec<u8>, MediaError> {
    let failed = |e: &dyn std::fmt::Display| MediaError::Encode(e.to_string());
    let whole = area == (0.0, 0.0, src.size.0 as f64, src.size.1 as f64);
    if whole && size == src.size {
        return Ok(src.pixels.to_vec());
    }
    let pixel_type = match src.samples {
        Samples::Rgb => PixelType::U8x3,
        Samples::Cmyk { .. } => PixelType::U8x4,
    };
    let source = ImageRef::new(src.size.0, src.size.1, src.pixels, pixel_type).map_err(|e| failed(&e))?;
    let mut target = Image::new(size.0, size.1, pixel_type);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(area.0, area.1, area.2, area.3);
    Resizer::new().resize(&source, &mut target, &options).map_err(|e| failed(&e))?;
    Ok(target.into_vec())
}

//! PNG through the `png` crate: size from IHDR (read by hand, before the decoder allocates
//! anything), ICC from iCCP, EXIF from eXIf, XMP from the `XML:com.adobe.xmp` iTXt chunk.

use std::io::Cursor;

use png::{ColorType, Decoder, DecodingError, Limits, Transformations};

use super::{io_error, rgba_to_rgb, Rgb};
use crate::metadata::RawMetadata;
use crate::MediaError;

pub(crate) fn probe(bytes: &[u8]) -> Result<((u32, u32), RawMetadata), MediaError> {
    let ihdr = bytes.get(12..24).ok_or(MediaError::Truncated)?;
    if &ihdr[..4] != b"IHDR" {
        return Err(MediaError::Decode("PNG without IHDR".into()));
    }
    let size =
        (u32::from_be_bytes(ihdr[4..8].try_into().unwrap()), u32::from_be_bytes(ihdr[8..12].try_into().unwrap()));
    // The size is checked against the limits by the caller before `read_info` ever runs.
    Ok((size, RawMetadata::default()))
}

/// Metadata needs the chunks before IDAT; read separately so that `probe` stays allocation-free.
pub(crate) fn metadata(bytes: &[u8]) -> Result<RawMetadata, MediaError> {
    let reader = Decoder::new_with_limits(Cursor::new(bytes), Limits { bytes: 16 << 20 }).read_info().map_err(error)?;
    let info = reader.info();
    let xmp = info
        .utf8_text
        .iter()
        .find(|t| t.keyword == "XML:com.adobe.xmp")
        .and_then(|t| t.get_text().ok())
        .map(String::into_bytes);
    Ok(RawMetadata {
        exif: info.exif_metadata.as_ref().map(|e| e.to_vec()),
        photoshop: None,
        xmp,
        icc: info.icc_profile.as_ref().map(|p| p.to_vec()),
        ..Default::default()
    })
}

pub(crate) fn decode(bytes: &[u8], memory_limit: u64) -> Result<Rgb, MediaError> {
    let limit = usize::try_from(memory_limit).unwrap_or(usize::MAX);
    let mut decoder = Decoder::new_with_limits(Cursor::new(bytes), Limits { bytes: limit });
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(error)?;
    let len =
        reader.output_buffer_size().ok_or(MediaError::MemoryLimit { needed: u64::MAX, max_bytes: memory_limit })?;
    let mut pixels = vec![0u8; len];
    let frame = reader.next_frame(&mut pixels).map_err(error)?;
    pixels.truncate(frame.buffer_size());
    let (w, h) = (frame.width, frame.height);
    let pixels = match frame.color_type {
        ColorType::Rgb => pixels,
        ColorType::Rgba => rgba_to_rgb(pixels),
        ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g]).collect(),
        ColorType::GrayscaleAlpha => {
            rgba_to_rgb(pixels.chunks_exact(2).flat_map(|ga| [ga[0], ga[0], ga[0], ga[1]]).collect())
        }
        ColorType::Indexed => return Err(MediaError::Decode("unexpanded palette".into())),
    };
    Ok(Rgb { pixels, size: (w, h) })
}

fn error(e: DecodingError) -> MediaError {
    match e {
        DecodingError::IoError(io) => io_error(&io),
        DecodingError::LimitsExceeded => MediaError::MemoryLimit { needed: u64::MAX, max_bytes: 0 },
        other => MediaError::Decode(other.to_string()),
    }
}

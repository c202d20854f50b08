//! GIF from the web, through `image`'s GIF decoder. An animation gives its first frame (as a
//! browser shows it before playing); [`crate::Prepared::animated`] says there were more.
//! The header and block structure are walked by hand first: screen size, first frame size,
//! frame count and the XMP packet, with nothing pixel-sized allocated.

use std::io::Cursor;

use image::codecs::gif::GifDecoder;
use image::ImageDecoder;

use super::{image_error, rgba_to_rgb, Probed, Rgb};
use crate::metadata::RawMetadata;
use crate::MediaError;

const XMP_APPLICATION: &[u8] = b"XMP DataXMP";

pub(crate) fn probe(bytes: &[u8]) -> Result<Probed, MediaError> {
    let header = bytes.get(..13).ok_or(MediaError::Truncated)?;
    let screen = (u16::from_le_bytes([header[6], header[7]]) as u32, u16::from_le_bytes([header[8], header[9]]) as u32);
    let mut at = 13 + color_table_len(header[10]);
    let mut frames = 0;
    let mut xmp = None;
    while let Some(&introducer) = bytes.get(at) {
        match introducer {
            0x21 => {
                let label = *bytes.get(at + 1).ok_or(MediaError::Truncated)?;
                let data_start = at + 2;
                at = skip_sub_blocks(bytes, data_start)?;
                let block = &bytes[data_start..at];
                if label == 0xff && block.get(1..12) == Some(XMP_APPLICATION) {
                    xmp = Some(xmp_packet(&block[12..]));
                }
            }
            0x2c => {
                let descriptor = bytes.get(at + 1..at + 10).ok_or(MediaError::Truncated)?;
                if frames == 1 {
                    let (metadata, size) = (RawMetadata { xmp, ..Default::default() }, screen);
                    return Ok(Probed { animated: true, ..(size, metadata).into() });
                }
                let w = u16::from_le_bytes([descriptor[4], descriptor[5]]) as u64;
                let h = u16::from_le_bytes([descriptor[6], descriptor[7]]) as u64;
                frames += 1;
                // The decoder makes a buffer of the frame's size as well as the screen's.
                if w * h > screen.0 as u64 * screen.1 as u64 {
                    return Err(MediaError::Decode("the first frame is larger than the picture".into()));
                }
                at += 10 + color_table_len(descriptor[8]) + 1; // + LZW minimum code size
                at = skip_sub_blocks(bytes, at)?;
            }
            0x3b => break,
            _ => return Err(MediaError::Decode("bad GIF block".into())),
        }
    }
    if frames == 0 {
        return Err(MediaError::Truncated);
    }
    Ok((screen, RawMetadata { xmp, ..Default::default() }).into())
}

pub(crate) fn decode(bytes: &[u8], memory_limit: u64) -> Result<Rgb, MediaError> {
    let mut decoder = GifDecoder::new(Cursor::new(bytes)).map_err(image_error)?;
    let mut limits = image::Limits::no_limits();
    limits.max_alloc = Some(memory_limit);
    decoder.set_limits(limits).map_err(image_error)?;
    let size = decoder.dimensions();
    let len = usize::try_from(decoder.total_bytes()).map_err(|_| MediaError::Decode("too large".into()))?;
    let mut pixels = vec![0u8; len];
    decoder.read_image(&mut pixels).map_err(image_error)?;
    Ok(Rgb { pixels: rgba_to_rgb(pixels), size })
}

/// Bytes of the colour table a packed-fields byte announces.
fn color_table_len(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 7) + 1)
    }
}

/// Skips data sub-blocks from `at`; returns the index past the zero-length terminator.
fn skip_sub_blocks(bytes: &[u8], mut at: usize) -> Result<usize, MediaError> {
    loop {
        let len = *bytes.get(at).ok_or(MediaError::Truncated)? as usize;
        at += 1 + len;
        if len == 0 {
            return Ok(at);
        }
    }
}

/// GIF's XMP is the packet's raw bytes (not sub-blocks) followed by a 258-byte "magic
/// trailer" that makes a sub-block walk end cleanly: keep what comes before the trailer.
fn xmp_packet(data: &[u8]) -> Vec<u8> {
    let end = data.windows(3).position(|w| w == [0x01, 0xff, 0xfe]).unwrap_or(data.len());
    data[..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2×1 GIF89a with `frames` frames, each a 1×1 image.
    fn gif(frames: usize, frame_size: (u16, u16)) -> Vec<u8> {
        let mut out = b"GIF89a\x02\x00\x01\x00\x80\x00\x00".to_vec();
        out.extend_from_slice(&[0, 0, 0, 255, 255, 255]); // 2-colour global table
        for _ in 0..frames {
            out.push(0x2c);
            out.extend_from_slice(&[0, 0, 0, 0]);
            out.extend_from_slice(&frame_size.0.to_le_bytes());
            out.extend_from_slice(&frame_size.1.to_le_bytes());
            out.extend_from_slice(&[0, 2, 2, 0x4c, 0x01, 0]);
        }
        out.push(0x3b);
        out
    }

    #[test]
    fn counts_frames_and_reads_the_screen_size() {
        let one = probe(&gif(1, (1, 1))).unwrap();
        assert_eq!((one.size, one.animated), ((2, 1), false));
        assert!(probe(&gif(2, (1, 1))).unwrap().animated);
    }

    #[test]
    fn a_first_frame_larger_than_the_screen_is_refused_from_the_header() {
        assert!(matches!(probe(&gif(1, (60000, 60000))), Err(MediaError::Decode(_))));
    }

    #[test]
    fn cut_before_the_first_frame_is_truncated() {
        let bytes = gif(1, (1, 1));
        assert_eq!(probe(&bytes[..20]).unwrap_err(), MediaError::Truncated);
        assert_eq!(probe(&bytes[..13]).unwrap_err(), MediaError::Truncated);
    }
}

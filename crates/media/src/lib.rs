//! Photos for Bản Thảo: fast, safe import with captions and credits that travel with the picture.
//!
//! - [`inspect`] reads a file's header and metadata (no pixel decode): format sniffed from the
//!   bytes, content hash, size as shown, caption/by-line/credit/copyright/keywords, date taken,
//!   camera, GPS presence. [`PhotoMetadata::prefill`] gives the figure's caption and credit.
//! - [`render`] decodes once and makes the web rendition and the thumbnail (JPEG), with a
//!   non-destructive [`Crop`] and quarter turns applied, EXIF orientation baked into the
//!   pixels, wide-gamut colour converted to sRGB, and caption, by-line, credit and copyright
//!   written as IPTC IIM (UTF-8) and XMP. Nothing else is carried over: no GPS, no serial
//!   numbers, no maker notes. The original bytes are never modified.
//! - [`import`] does both; [`import_batch`] runs many on all cores and keeps going past bad files.
//!
//! Formats ([`Format`]), recognised from the bytes: JPEG (8-bit, RGB or CMYK), PNG, WebP, HEIC
//! and AVIF, TIFF (8/16-bit, RGB or CMYK), GIF (first frame) and BMP. CMYK goes to sRGB through
//! its ICC profile, or a standard press profile when it has none.
//!
//! Safety: a header claiming more than [`ImportLimits::max_pixels`] is refused before any pixel
//! buffer exists, and the decode's peak memory is estimated and held under
//! [`ImportLimits::max_memory_bytes`]. Everything here is pure (bytes in, bytes out), so
//! callers may run it on any thread.

mod color;
mod error;
mod formats;
mod metadata;
mod orient;
mod render;

use serde::Serialize;
use sha2::{Digest, Sha256};

pub use error::MediaError;
pub use formats::Format;
pub use metadata::{EmbedMetadata, PhotoMetadata, Prefill};

/// Refusal thresholds, checked before decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    /// Width × height as stored. Default 100 MP (a 24-MP camera, a 48-MP phone and a 61-MP
    /// full-frame sensor all pass; a 60000×60000 "bomb" does not).
    pub max_pixels: u64,
    /// Default 100 MiB.
    pub max_file_bytes: u64,
    /// Cap on the big buffers one render holds at its peak: the decoded pixels (at the DCT
    /// scale used, for JPEG), the decoder's own full-size planes (HEIC) and the renditions.
    /// Default 512 MiB: a 100-MP PNG fits; a 100-MP HEIC or AVIF (about 9 bytes a pixel) does not.
    pub max_memory_bytes: u64,
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits { max_pixels: 100_000_000, max_file_bytes: 100 << 20, max_memory_bytes: 512 << 20 }
    }
}

/// Rendition sizes (long edge, in pixels) and JPEG quality. Renditions are never enlarged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenditionSpec {
    /// Default 1600.
    pub web_long_edge: u32,
    /// JPEG quality for both renditions, 1–100. Default 82.
    pub web_quality: u8,
    /// Default 320.
    pub thumb_long_edge: u32,
}

impl Default for RenditionSpec {
    fn default() -> Self {
        RenditionSpec { web_long_edge: 1600, web_quality: 82, thumb_long_edge: 320 }
    }
}

/// A crop rectangle as fractions (0–1) of the picture as shown: after EXIF orientation and
/// after the figure's quarter turns. Stored on the figure; the original is never cut.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Crop {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Crop {
    pub const FULL: Crop = Crop { x: 0.0, y: 0.0, width: 1.0, height: 1.0 };

    /// Clamps rounding slop at the edges; refuses empty, negative or out-of-picture rectangles.
    fn validated(self) -> Result<Crop, MediaError> {
        let Crop { x, y, width, height } = self;
        let finite = [x, y, width, height].iter().all(|v| v.is_finite());
        const SLOP: f64 = 1e-6;
        if !finite || x < -SLOP || y < -SLOP || width <= 0.0 || height <= 0.0 {
            return Err(MediaError::InvalidCrop);
        }
        if x + width > 1.0 + SLOP || y + height > 1.0 + SLOP {
            return Err(MediaError::InvalidCrop);
        }
        let (x, y) = (x.max(0.0), y.max(0.0));
        Ok(Crop { x, y, width: width.min(1.0 - x), height: height.min(1.0 - y) })
    }
}

/// What [`inspect`] learns from a file without decoding its pixels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prepared {
    /// SHA-256 of the original bytes, lowercase hex: the content address (and the dedupe key).
    pub hash: String,
    pub format: Format,
    /// Size as shown, after EXIF orientation (5–8 swap width and height).
    pub width: u32,
    pub height: u32,
    /// The EXIF orientation that [`render`] applies (1 when none, and for HEIC and AVIF).
    pub orientation: u16,
    /// The embedded ICC profile's description, e.g. "Display P3".
    pub color_profile: Option<String>,
    pub metadata: PhotoMetadata,
    /// An animation (GIF, WebP): the renditions show its first frame only.
    pub animated: bool,
}

/// The two renditions (baseline JPEG, sRGB, 4:2:0), from one decode.
#[derive(Debug, Clone, PartialEq)]
pub struct Renditions {
    pub web: Vec<u8>,
    pub web_size: (u32, u32),
    pub thumb: Vec<u8>,
    pub thumb_size: (u32, u32),
}

/// [`inspect`] and [`render`] together, as an import does them.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub prepared: Prepared,
    pub renditions: Renditions,
}

/// Reads header and metadata only: hash, format, size, metadata. Refuses non-images,
/// truncated files and anything over the limits, with the reason.
pub fn inspect(bytes: &[u8], limits: &ImportLimits) -> Result<Prepared, MediaError> {
    let header = probe_checked(bytes, limits)?;
    let (metadata, orientation) = metadata::read(&header.raw);
    let orientation = if header.format.rotates_itself() { 1 } else { orientation.unwrap_or(1) };
    let (width, height) = orient::Transform::from_exif(orientation).size(header.stored);
    Ok(Prepared {
        hash: sha256_hex(bytes),
        format: header.format,
        width,
        height,
        orientation,
        color_profile: header.raw.icc.as_deref().and_then(color::describe),
        metadata,
        animated: header.animated,
    })
}

/// Decodes once and makes both renditions. `crop` is in the coordinates of the picture as
/// shown (see [`Crop`]); `rotate_quarter_turns` turns it clockwise on top of EXIF orientation;
/// `embed` is what the renditions carry (usually the figure's caption and credit).
pub fn render(
    bytes: &[u8],
    limits: &ImportLimits,
    spec: &RenditionSpec,
    crop: Option<Crop>,
    rotate_quarter_turns: u8,
    embed: &EmbedMetadata,
) -> Result<Renditions, MediaError> {
    render::render(bytes, limits, spec, crop, rotate_quarter_turns, embed)
}

/// Inspect, then render with the photo's own caption, by-line, credit and copyright.
pub fn import(bytes: &[u8], limits: &ImportLimits, spec: &RenditionSpec) -> Result<Imported, MediaError> {
    let prepared = inspect(bytes, limits)?;
    let renditions = render(bytes, limits, spec, None, 0, &prepared.metadata.to_embed())?;
    Ok(Imported { prepared, renditions })
}

/// Imports many photos on `threads` worker threads (0 = all cores). Results keep the input
/// order; a bad file gives its error and the others go on.
pub fn import_batch(
    files: &[&[u8]],
    limits: &ImportLimits,
    spec: &RenditionSpec,
    threads: usize,
) -> Vec<Result<Imported, MediaError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let threads = if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads };
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Imported, MediaError>>>> = Mutex::new(vec![None; files.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(files.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(bytes) = files.get(i) else { break };
                let result = import(bytes, limits, spec);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(MediaError::Decode("worker stopped".into()))))
        .collect()
}

/// Sniffs, checks file size and pixel count (before anything pixel-sized is allocated).
fn probe_checked(bytes: &[u8], limits: &ImportLimits) -> Result<formats::Header, MediaError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(MediaError::FileTooLarge { bytes: bytes.len() as u64, max_bytes: limits.max_file_bytes });
    }
    let max_pixels = limits.max_pixels;
    formats::probe(bytes, |(width, height)| {
        if width as u64 * height as u64 > max_pixels {
            Err(MediaError::TooLarge { width, height, max_pixels })
        } else {
            Ok(())
        }
    })
    .map_err(|e| match e {
        // A decoder's own cap (libheif's) met first: still over ours.
        MediaError::TooLarge { width, height, .. } => MediaError::TooLarge { width, height, max_pixels },
        other => other,
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

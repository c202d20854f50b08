//! Photos as the UI and the CLI see them (TypeScript twins generated).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorPayload;

pub type MediaId = i64;

/// A photo in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MediaItem {
    #[ts(type = "number")]
    pub id: MediaId,
    /// SHA-256 of the original: its content address.
    pub hash: String,
    /// `jpeg`, `png`, `webp`, `heic`, `avif`, `tiff`, `gif` or `bmp` (the format read from its bytes).
    pub format: String,
    /// Pixel size after EXIF orientation.
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub original_name: String,
    /// From the file's IPTC/XMP: prefills a figure's caption and credit.
    pub caption: String,
    pub credit: String,
    pub by_line: String,
    pub copyright: String,
    pub keywords: Vec<String>,
    pub date_taken: Option<String>,
    pub camera: Option<String>,
    /// The original carries a GPS position (renditions never do).
    pub had_gps: bool,
    pub imported_at: String,
}

/// One file's outcome in an import: the photo, or the reason it was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PhotoImportResult {
    /// The file as given (a path, or a name for pasted/dropped data).
    pub file: String,
    pub media: Option<MediaItem>,
    /// The same photo was already in the library: stored once, this import reuses it.
    pub duplicate: bool,
    pub web_path: Option<String>,
    pub thumb_path: Option<String>,
    pub error: Option<ErrorPayload>,
}

/// Cumulative progress of an import (sent throttled to the UI).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    pub failed: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RenditionSize {
    Web,
    Thumb,
}

/// A non-destructive crop: fractions (0–1) of the picture as shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CropRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// How a figure shows its photo: crop, quarter turns, and the caption and credit the
/// published rendition carries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct FigureLook {
    pub crop: Option<CropRect>,
    pub rotation: u8,
    pub caption: String,
    pub credit: String,
}

/// Rendition settings (photo desk): web long edge, JPEG quality, thumbnail long edge.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PhotoSettings {
    pub web_long_edge: u32,
    pub web_quality: u8,
    pub thumb_long_edge: u32,
}

impl Default for PhotoSettings {
    fn default() -> Self {
        let spec = banthao_media::RenditionSpec::default();
        PhotoSettings {
            web_long_edge: spec.web_long_edge,
            web_quality: spec.web_quality,
            thumb_long_edge: spec.thumb_long_edge,
        }
    }
}

impl PhotoSettings {
    pub fn spec(self) -> banthao_media::RenditionSpec {
        banthao_media::RenditionSpec {
            web_long_edge: self.web_long_edge.clamp(64, 8192),
            web_quality: self.web_quality.clamp(1, 100),
            thumb_long_edge: self.thumb_long_edge.clamp(32, 2048),
        }
    }
}

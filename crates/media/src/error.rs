//! Why a photo was refused, with a stable code for the UI and a sentence for the person.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Everything that can stop a photo import. The UI matches on [`MediaError::code`], never on text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    #[error("not an image")]
    NotAnImage,
    /// A picture, but in a format we do not decode (JPEG XL, 12-bit JPEG, camera RAW, palette TIFF…).
    #[error("unsupported format: {0}")]
    UnsupportedFormat(String),
    #[error("the file is truncated")]
    Truncated,
    /// The header claims more pixels than [`crate::ImportLimits::max_pixels`]: refused before decoding.
    #[error("{width}×{height} pixels is over the limit of {max_pixels}")]
    TooLarge { width: u32, height: u32, max_pixels: u64 },
    #[error("{bytes} bytes is over the limit of {max_bytes}")]
    FileTooLarge { bytes: u64, max_bytes: u64 },
    /// Decoding would need more memory than [`crate::ImportLimits::max_memory_bytes`].
    #[error("needs about {needed} bytes of memory, over the limit of {max_bytes}")]
    MemoryLimit { needed: u64, max_bytes: u64 },
    #[error("the crop rectangle is empty or outside the picture")]
    InvalidCrop,
    #[error("cannot decode: {0}")]
    Decode(String),
    #[error("cannot encode the rendition: {0}")]
    Encode(String),
}

impl MediaError {
    /// Stable identifier for the UI and logs.
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::NotAnImage => "not_an_image",
            MediaError::UnsupportedFormat(_) => "unsupported_format",
            MediaError::Truncated => "truncated",
            MediaError::TooLarge { .. } => "too_large",
            MediaError::FileTooLarge { .. } => "file_too_large",
            MediaError::MemoryLimit { .. } => "memory_limit",
            MediaError::InvalidCrop => "invalid_crop",
            MediaError::Decode(_) => "decode",
            MediaError::Encode(_) => "encode",
        }
    }

    /// What went wrong and what to do, for the newsroom (Vietnamese).
    pub fn message_vi(&self) -> String {
        match self {
            MediaError::NotAnImage => "Tệp này không phải là ảnh. Hãy chọn ảnh JPEG, PNG, WebP, HEIC, AVIF, TIFF, GIF hoặc BMP.".into(),
            MediaError::UnsupportedFormat(f) => {
                format!("Chưa hỗ trợ định dạng ảnh {f}. Hãy chuyển sang JPEG 8-bit, PNG hoặc TIFF.")
            }
            MediaError::Truncated => {
                "Tệp ảnh bị cắt cụt (tải về hoặc sao chép chưa xong). Hãy lấy lại tệp gốc.".into()
            }
            MediaError::TooLarge { width, height, max_pixels } => format!(
                "Ảnh quá lớn: {width} × {height} điểm ảnh, vượt giới hạn {} megapixel. Tệp có thể bị hỏng hoặc cố ý gây hại.",
                max_pixels / 1_000_000
            ),
            MediaError::FileTooLarge { bytes, max_bytes } => {
                format!("Tệp ảnh quá lớn: {} MB, giới hạn là {} MB.", mb(*bytes), mb(*max_bytes))
            }
            MediaError::MemoryLimit { needed, max_bytes } => format!(
                "Ảnh quá lớn để xử lý: cần khoảng {} MB bộ nhớ, giới hạn là {} MB.",
                mb(*needed),
                mb(*max_bytes)
            ),
            MediaError::InvalidCrop => "Vùng cắt ảnh không hợp lệ: hãy chọn lại khung cắt.".into(),
            MediaError::Decode(detail) => format!("Không đọc được ảnh, tệp có thể bị hỏng ({detail})."),
            MediaError::Encode(detail) => format!("Không tạo được ảnh để đăng ({detail})."),
        }
    }

    /// The same, in English.
    pub fn message_en(&self) -> String {
        match self {
            MediaError::NotAnImage => "This file is not an image. Choose a JPEG, PNG, WebP, HEIC, AVIF, TIFF, GIF or BMP photo.".into(),
            MediaError::UnsupportedFormat(f) => {
                format!("The {f} format is not supported. Convert it to 8-bit JPEG, PNG or TIFF.")
            }
            MediaError::Truncated => {
                "The photo file is truncated (an unfinished download or copy). Get the original again.".into()
            }
            MediaError::TooLarge { width, height, max_pixels } => format!(
                "The photo is too large: {width} × {height} pixels, over the {} megapixel limit. The file may be damaged or malicious.",
                max_pixels / 1_000_000
            ),
            MediaError::FileTooLarge { bytes, max_bytes } => {
                format!("The photo file is too large: {} MB, the limit is {} MB.", mb(*bytes), mb(*max_bytes))
            }
            MediaError::MemoryLimit { needed, max_bytes } => format!(
                "The photo is too large to process: it needs about {} MB of memory, the limit is {} MB.",
                mb(*needed),
                mb(*max_bytes)
            ),
            MediaError::InvalidCrop => "The crop rectangle is not valid: choose the crop again.".into(),
            MediaError::Decode(detail) => format!("The photo cannot be read; the file may be damaged ({detail})."),
            MediaError::Encode(detail) => format!("The web rendition could not be made ({detail})."),
        }
    }
}

fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// `{code, message_vi, message_en}`: the form the UI receives.
impl Serialize for MediaError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("MediaError", 3)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message_vi", &self.message_vi())?;
        s.serialize_field("message_en", &self.message_en())?;
        s.end()
    }
}

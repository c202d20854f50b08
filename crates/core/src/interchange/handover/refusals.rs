//! Why a handover file is refused, in Vietnamese and English, with a stable code. Every
//! refusal means the library was not touched.

use std::path::Path;

use crate::error::Error;

fn bad(file: &Path, code: &'static str, vi: String, en: String) -> Error {
    Error::BadFile { file: file.display().to_string(), code, vi, en }
}

/// Not a handover file at all: not a ZIP, or a ZIP without the handover manifest.
pub fn not_handover(file: &Path) -> Error {
    bad(
        file,
        "not_handover",
        "đây không phải tệp bàn giao Bản Thảo (.banthao). Không có gì bị thay đổi.".into(),
        "this is not a Bản Thảo handover file (.banthao). Nothing was changed.".into(),
    )
}

/// Unreadable: truncated, a ZIP entry that does not decompress, JSON that does not parse, a
/// photo that is not a picture. `what` says which part, in both languages.
pub fn damaged(file: &Path, vi: &str, en: &str) -> Error {
    bad(
        file,
        "handover_damaged",
        format!("tệp bàn giao bị hỏng hoặc không đầy đủ ({vi}). Hãy xuất lại tệp từ máy gửi. Không có gì bị thay đổi."),
        format!("the handover file is damaged or incomplete ({en}). Export it again on the sending machine. Nothing was changed."),
    )
}

/// Readable, but not what was written: a checksum or size that does not match the manifest,
/// an entry the manifest does not list.
pub fn tampered(file: &Path, entry: &str) -> Error {
    bad(
        file,
        "handover_tampered",
        format!("tệp bàn giao đã bị sửa sau khi xuất (phần “{entry}” không khớp với danh mục kiểm tra). Tệp bị từ chối, không có gì bị thay đổi."),
        format!("the handover file was altered after it was exported (“{entry}” does not match its manifest). It was refused; nothing was changed."),
    )
}

/// Written by a newer Bản Thảo, in a format version this one does not know.
pub fn too_new(file: &Path, version: u64) -> Error {
    bad(
        file,
        "handover_too_new",
        format!("tệp bàn giao được tạo bởi phiên bản Bản Thảo mới hơn (định dạng {version}, ứng dụng này chỉ đọc được tới {}). Hãy cập nhật Bản Thảo. Không có gì bị thay đổi.", super::format::FORMAT_VERSION),
        format!("the handover file was made by a newer Bản Thảo (format {version}; this app reads up to {}). Update Bản Thảo. Nothing was changed.", super::format::FORMAT_VERSION),
    )
}

//! Errors with stable codes. The UI switches on `code`; `message` is for people, in
//! Vietnamese or English. No error text ever carries a secret or an article's content.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// Stable error codes shared with the UI (`ErrorCode.ts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    Conflict,
    InvalidInput,
    InvalidBody,
    /// An article whose stored text cannot be read (it is refused, and kept as it is).
    ArticleDamaged,
    LibraryCorrupt,
    LibraryTooNew,
    LibraryUnwritable,
    LibraryInUse,
    /// A photo that cannot be imported: not an image, truncated, too large…
    InvalidMedia,
    /// Submitting an article whose figures lack a caption, credit or alt text.
    IncompleteFigures,
    Cancelled,
    Io,
    Internal,
    /// An endpoint address that cannot be used (not http(s), plain http to another host…).
    EndpointAddress,
    /// The site cannot be reached (network down, DNS, refused, timed out).
    Unreachable,
    /// The site answered, but not as a WordPress REST API.
    NotWordpress,
    /// The site did not accept the user name and application password.
    AuthFailed,
    /// The site refused the request (a 4xx other than auth); the reason is in the message.
    RemoteRefused,
    /// The site had a passing problem (5xx, 429); the job retries by itself.
    RemoteUnavailable,
    /// The post was trashed or deleted on the site.
    RemoteGone,
    /// Changed here and on the site in the same place: a person must choose.
    SyncConflict,
    /// No OS keychain (Secret Service) is running: passwords are kept for this session only.
    KeychainUnavailable,
    /// A workflow step refused: not allowed from this status, a note or a time missing, open
    /// checklist items without an override note.
    WorkflowRefused,
    /// A file to import (a Word document, a handover file) that is damaged, tampered with or
    /// not of its kind; nothing was changed.
    InvalidFile,
}

/// What crosses to the UI: `{code, message}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("article {0} not found")]
    ArticleNotFound(i64),
    #[error("photo {0} not found")]
    MediaNotFound(i64),
    #[error("{file}: {en}")]
    Media { file: String, code: &'static str, vi: String, en: String },
    /// A file to import that cannot be read as what it claims to be (Word, `.banthao`):
    /// `code` is a stable detail (`not_docx`, `checksum_mismatch`…), worded in both languages.
    #[error("{file}: {en}")]
    BadFile { file: String, code: &'static str, vi: String, en: String },
    #[error("every photo needs a caption, a credit and alt text before the article is submitted (figures {})", list(.0))]
    IncompleteFigures(Vec<usize>),
    #[error("cancelled")]
    Cancelled,
    #[error("revision {0} not found")]
    RevisionNotFound(i64),
    #[error("note {0} not found")]
    NoteNotFound(i64),
    #[error("{}", .0.message(Lang::En))]
    Workflow(crate::desk::workflow::WorkflowRefusal),
    #[error("article {id} was saved elsewhere (version {stored}, this edit was based on {base})")]
    Conflict { id: i64, stored: i64, base: i64 },
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error("abbreviation list, line {0}: write `ABBR = full form` to add or change an entry, or `-ABBR` to drop a built-in one")]
    AbbreviationLine(usize),
    #[error("allowed abbreviations, line {0}: write the abbreviations the house allows unexplained (`FPT VNPT`), or `-GDP` to drop a built-in one")]
    AllowedAbbreviationLine(usize),
    #[error("'{0}' is not a word that can be added to the dictionary")]
    NotAWord(String),
    #[error("invalid body: {0}")]
    InvalidBody(String),
    #[error(
        "article {id} cannot be opened: its stored {field} is damaged. It is kept as it is and will not be overwritten"
    )]
    ArticleDamaged { id: i64, field: &'static str },
    #[error("library file {path} is damaged or not a library")]
    LibraryCorrupt { path: PathBuf },
    #[error("library {path} was made by a newer Bản Thảo (schema {found}, this app knows up to {known})")]
    LibraryTooNew { path: PathBuf, found: u32, known: u32 },
    #[error("library folder {path} cannot be written")]
    LibraryUnwritable { path: PathBuf },
    #[error("library {path} is open in another Bản Thảo window")]
    LibraryInUse { path: PathBuf },
    #[error("file {path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
    #[error("{path}: {en}")]
    Decode { path: PathBuf, vi: String, en: String },
    #[error("{}", endpoint_address_en(.url, *.reason))]
    EndpointAddress { url: String, reason: crate::sync::endpoints::AddressProblem },
    #[error("no publishing endpoint named '{0}'")]
    EndpointNotFound(String),
    /// A publishing failure, worded by the sync crate in both languages.
    #[error("{en}")]
    Remote { code: ErrorCode, vi: String, en: String },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::ArticleNotFound(_)
            | Error::RevisionNotFound(_)
            | Error::MediaNotFound(_)
            | Error::NoteNotFound(_)
            | Error::EndpointNotFound(_) => ErrorCode::NotFound,
            Error::Workflow(_) => ErrorCode::WorkflowRefused,
            Error::EndpointAddress { .. } => ErrorCode::EndpointAddress,
            Error::Remote { code, .. } => *code,
            Error::Media { .. } => ErrorCode::InvalidMedia,
            Error::BadFile { .. } => ErrorCode::InvalidFile,
            Error::IncompleteFigures(_) => ErrorCode::IncompleteFigures,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::InvalidInput(_)
            | Error::AbbreviationLine(_)
            | Error::AllowedAbbreviationLine(_)
            | Error::NotAWord(_) => ErrorCode::InvalidInput,
            Error::InvalidBody(_) => ErrorCode::InvalidBody,
            Error::ArticleDamaged { .. } => ErrorCode::ArticleDamaged,
            Error::LibraryCorrupt { .. } => ErrorCode::LibraryCorrupt,
            Error::LibraryTooNew { .. } => ErrorCode::LibraryTooNew,
            Error::LibraryUnwritable { .. } => ErrorCode::LibraryUnwritable,
            Error::LibraryInUse { .. } => ErrorCode::LibraryInUse,
            Error::File { .. } | Error::Io(_) => ErrorCode::Io,
            Error::Decode { .. } => ErrorCode::InvalidInput,
            Error::Sqlite(e) if is_corruption(e) => ErrorCode::LibraryCorrupt,
            Error::Sqlite(e) if is_readonly(e) => ErrorCode::LibraryUnwritable,
            Error::Sqlite(_) => ErrorCode::Internal,
        }
    }

    /// A message for people, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string_en(),
            Lang::Vi => self.to_string_vi(),
        }
    }

    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        ErrorPayload { code: self.code(), message: self.message(lang) }
    }

    fn to_string_en(&self) -> String {
        match self {
            Error::Sqlite(e) if is_corruption(e) => "The library file is damaged or is not a Bản Thảo library.".into(),
            Error::Sqlite(e) if is_readonly(e) => "The library cannot be written.".into(),
            // Starts with a file name, which is not a sentence's first word to capitalise.
            Error::BadFile { .. } | Error::Media { .. } => self.to_string(),
            other => {
                let mut s = other.to_string();
                if let Some(first) = s.get(..1) {
                    s.replace_range(..1, &first.to_uppercase());
                }
                s
            }
        }
    }

    fn to_string_vi(&self) -> String {
        match self {
            Error::ArticleNotFound(id) => format!("Không tìm thấy bài viết {id}."),
            Error::RevisionNotFound(id) => format!("Không tìm thấy phiên bản {id}."),
            Error::MediaNotFound(id) => format!("Không tìm thấy ảnh {id}."),
            Error::NoteNotFound(id) => format!("Không tìm thấy ghi chú {id}."),
            Error::Workflow(refusal) => refusal.message(Lang::Vi),
            Error::Media { file, vi, .. } => format!("{file}: {vi}"),
            Error::BadFile { file, vi, .. } => format!("{file}: {vi}"),
            Error::IncompleteFigures(figures) => format!(
                "Trước khi gửi duyệt, mỗi ảnh cần có chú thích, tác giả ảnh và mô tả thay thế (ảnh số {}).",
                list(figures)
            ),
            Error::Cancelled => "Đã huỷ.".into(),
            Error::Conflict { id, stored, base } => format!(
                "Bài {id} vừa được lưu ở nơi khác (phiên bản {stored}, bản sửa này dựa trên {base})."
            ),
            Error::InvalidInput(why) => format!("Dữ liệu không hợp lệ: {why}"),
            Error::AbbreviationLine(line) => {
                format!("Danh sách viết tắt, dòng {line}: viết `UBND = Ủy ban nhân dân` để thêm hoặc sửa một mục, hoặc `-UBND` để bỏ một mục có sẵn.")
            }
            Error::AllowedAbbreviationLine(line) => format!(
                "Danh sách viết tắt được dùng không cần giải thích, dòng {line}: viết các chữ viết tắt (`FPT VNPT`), hoặc `-GDP` để bỏ một mục có sẵn."
            ),
            Error::NotAWord(word) => format!("“{word}” không phải một từ để thêm vào từ điển."),
            Error::InvalidBody(why) => format!("Nội dung bài không hợp lệ: {why}"),
            Error::ArticleDamaged { id, field } => format!(
                "Không mở được bài {id}: {} đã lưu bị hỏng. Bài được giữ nguyên và sẽ không bị ghi đè.",
                match *field {
                    "keywords" => "từ khóa",
                    _ => "nội dung",
                }
            ),
            Error::LibraryCorrupt { path } => format!(
                "Tệp thư viện {} bị hỏng hoặc không phải thư viện Bản Thảo. Tệp được giữ nguyên, không bị ghi đè.",
                path.display()
            ),
            Error::LibraryTooNew { path, found, known } => format!(
                "Thư viện {} được tạo bởi phiên bản Bản Thảo mới hơn (lược đồ {found}, ứng dụng này chỉ biết tới {known}). Hãy cập nhật Bản Thảo.",
                path.display()
            ),
            Error::LibraryUnwritable { path } => {
                format!("Không ghi được vào thư mục thư viện {}. Hãy kiểm tra quyền ghi.", path.display())
            }
            Error::LibraryInUse { path } => {
                format!("Thư viện {} đang mở trong một cửa sổ Bản Thảo khác.", path.display())
            }
            Error::File { path, source } => {
                format!("Không đọc/ghi được tệp {}: {}", path.display(), io_vi(source))
            }
            Error::Io(e) => format!("Lỗi vào/ra: {}", io_vi(e)),
            Error::Decode { path, vi, .. } => format!("{}: {vi}", path.display()),
            Error::EndpointAddress { url, reason } => endpoint_address_vi(url, *reason),
            Error::EndpointNotFound(name) => format!("Không có điểm đăng bài nào tên “{name}”."),
            Error::Remote { vi, .. } => vi.clone(),
            Error::Sqlite(e) if is_corruption(e) => {
                "Tệp thư viện bị hỏng hoặc không phải thư viện Bản Thảo.".into()
            }
            Error::Sqlite(e) if is_readonly(e) => "Không ghi được vào thư viện.".into(),
            Error::Sqlite(e) => format!("Lỗi cơ sở dữ liệu: {e}"),
        }
    }
}

fn endpoint_address_en(url: &str, reason: crate::sync::endpoints::AddressProblem) -> String {
    use crate::sync::endpoints::AddressProblem::*;
    match reason {
        NotAUrl => format!("'{url}' is not a site address (write it as https://example.vn)"),
        PlainHttp => format!(
            "{url} uses plain http to another machine: the password would cross the network unencrypted. \
             Use https, or allow http explicitly"
        ),
        CredentialsInUrl => "a site address must not contain a user name or password".into(),
    }
}

fn endpoint_address_vi(url: &str, reason: crate::sync::endpoints::AddressProblem) -> String {
    use crate::sync::endpoints::AddressProblem::*;
    match reason {
        NotAUrl => format!("“{url}” không phải địa chỉ trang (hãy viết dạng https://example.vn)."),
        PlainHttp => format!(
            "{url} dùng http thường tới một máy khác: mật khẩu sẽ đi qua mạng không mã hoá. \
             Hãy dùng https, hoặc cho phép http một cách rõ ràng."
        ),
        CredentialsInUrl => "Địa chỉ trang không được chứa tên đăng nhập hay mật khẩu.".into(),
    }
}

/// 1-based figure numbers, as people count them.
fn list(items: &[usize]) -> String {
    items.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", ")
}

fn io_vi(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "không tồn tại".into(),
        PermissionDenied => "không có quyền truy cập".into(),
        InvalidData => "dữ liệu không hợp lệ (không phải UTF-8?)".into(),
        _ => e.to_string(),
    }
}

fn sqlite_code(e: &rusqlite::Error) -> Option<rusqlite::ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

pub(crate) fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(sqlite_code(e), Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt))
}

pub(crate) fn is_readonly(e: &rusqlite::Error) -> bool {
    matches!(
        sqlite_code(e),
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied)
    )
}

//! What can go wrong while publishing, whether to retry, and how to say it to a person in
//! Vietnamese and English. Messages never carry a password or an article's text.

use std::time::Duration;

use banthao_core::{Error, ErrorCode};

use crate::http::NetError;

#[derive(Debug, Clone, PartialEq)]
pub enum SyncError {
    /// No answer: the network, DNS, a reset, a timeout. Retried.
    Net(NetError),
    /// 5xx or 429: the site has a passing problem. Retried (after `Retry-After` when given).
    Unavailable { status: u16, retry_after: Option<Duration> },
    /// The site does not accept the user name and application password.
    Auth,
    /// No WordPress REST API at that address.
    NotWordpress { status: u16 },
    /// The address answers with a redirect: the profile should name the new one.
    Redirected { location: String },
    /// The site refused the request for a reason a person must read (4xx).
    Refused { status: u16, code: String, message: String },
    /// The post is in the trash (`trashed`) or deleted on the site.
    Gone { trashed: bool },
    /// No password for this profile: not in the keychain and not given.
    NoPassword { endpoint: String },
    /// A ninjs profile saved with a signing secret that is no longer kept: nothing is sent
    /// unsigned in its place.
    NoSigningSecret { endpoint: String },
    /// The answer was not what WordPress sends (a proxy's page, a truncated body…).
    BadAnswer(String),
    /// Something in the library (a missing photo, a save conflict…).
    Local(String, ErrorCode, String),
}

pub type SyncResult<T> = Result<T, SyncError>;

impl From<Error> for SyncError {
    fn from(e: Error) -> Self {
        SyncError::Local(e.message(banthao_core::Lang::Vi), e.code(), e.message(banthao_core::Lang::En))
    }
}

impl SyncError {
    /// `Some(wait)` for failures that go away by themselves; `wait` is the server's `Retry-After`.
    pub fn retry(&self) -> Option<Option<Duration>> {
        match self {
            SyncError::Net(_) | SyncError::BadAnswer(_) => Some(None),
            SyncError::Unavailable { retry_after, .. } => Some(*retry_after),
            _ => None,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            SyncError::Net(_) => ErrorCode::Unreachable,
            SyncError::Unavailable { .. } | SyncError::BadAnswer(_) => ErrorCode::RemoteUnavailable,
            SyncError::Auth | SyncError::NoPassword { .. } | SyncError::NoSigningSecret { .. } => ErrorCode::AuthFailed,
            SyncError::NotWordpress { .. } | SyncError::Redirected { .. } => ErrorCode::NotWordpress,
            SyncError::Refused { .. } => ErrorCode::RemoteRefused,
            SyncError::Gone { .. } => ErrorCode::RemoteGone,
            SyncError::Local(_, code, _) => *code,
        }
    }

    pub fn vi(&self) -> String {
        match self {
            SyncError::Net(NetError::Timeout) => "Trang không trả lời kịp (quá thời gian chờ). Sẽ thử lại.".into(),
            SyncError::Net(NetError::Tls(_)) => {
                "Không lập được kết nối an toàn (TLS) tới trang: chứng chỉ không hợp lệ?".into()
            }
            SyncError::Net(NetError::Connection(_)) => {
                "Không kết nối được tới trang (mất mạng, sai địa chỉ hoặc trang đang tắt). Sẽ thử lại.".into()
            }
            SyncError::Unavailable { status: 429, .. } => {
                "Trang đang quá tải yêu cầu (HTTP 429). Sẽ thử lại sau.".into()
            }
            SyncError::Unavailable { status, .. } => format!("Trang đang gặp sự cố (HTTP {status}). Sẽ thử lại."),
            SyncError::Auth => {
                "Sai tên đăng nhập hoặc mật khẩu ứng dụng (Application Password): trang không nhận tài khoản này."
                    .into()
            }
            SyncError::NotWordpress { status } => {
                format!("Địa chỉ này không có API REST của WordPress (HTTP {status}). Hãy kiểm tra địa chỉ trang.")
            }
            SyncError::Redirected { location } => {
                format!("Trang chuyển hướng sang {location}: hãy dùng địa chỉ đó trong hồ sơ đăng bài.")
            }
            SyncError::Refused { status, code, message } => refused_vi(*status, code, message),
            SyncError::Gone { trashed: true } => {
                "Bài đã bị chuyển vào thùng rác trên trang. Không gửi lại tự động.".into()
            }
            SyncError::Gone { trashed: false } => "Bài đã bị xoá trên trang. Không tạo lại tự động.".into(),
            SyncError::NoPassword { endpoint } => {
                format!("Chưa có mật khẩu ứng dụng cho “{endpoint}”: hãy nhập lại trong Cài đặt → Đăng bài.")
            }
            SyncError::NoSigningSecret { endpoint } => format!(
                "Chưa có khoá ký cho nơi nhận “{endpoint}”: hãy nhập lại trong Cài đặt → Đăng bài. Bài không được gửi đi khi chưa ký."
            ),
            SyncError::BadAnswer(what) => format!("Trang trả lời không như WordPress ({what}). Sẽ thử lại."),
            SyncError::Local(vi, _, _) => vi.clone(),
        }
    }

    pub fn en(&self) -> String {
        match self {
            SyncError::Net(NetError::Timeout) => "The site did not answer in time. Will retry.".into(),
            SyncError::Net(NetError::Tls(_)) => {
                "No secure (TLS) connection to the site: is its certificate valid?".into()
            }
            SyncError::Net(NetError::Connection(_)) => {
                "Cannot connect to the site (offline, wrong address, or the site is down). Will retry.".into()
            }
            SyncError::Unavailable { status: 429, .. } => {
                "The site has too many requests (HTTP 429). Will retry later.".into()
            }
            SyncError::Unavailable { status, .. } => format!("The site has a problem (HTTP {status}). Will retry."),
            SyncError::Auth => "Wrong user name or application password: the site does not accept this account.".into(),
            SyncError::NotWordpress { status } => {
                format!("No WordPress REST API at this address (HTTP {status}). Check the site address.")
            }
            SyncError::Redirected { location } => {
                format!("The site redirects to {location}: use that address in the profile.")
            }
            SyncError::Refused { status, code, message } => {
                format!("The site refused the request (HTTP {status}, {code}): {message}")
            }
            SyncError::Gone { trashed: true } => {
                "The post was moved to the trash on the site. Not sent again by itself.".into()
            }
            SyncError::Gone { trashed: false } => "The post was deleted on the site. Not recreated by itself.".into(),
            SyncError::NoPassword { endpoint } => {
                format!("No application password for '{endpoint}': enter it again in Settings → Publishing.")
            }
            SyncError::NoSigningSecret { endpoint } => format!(
                "No signing secret for the receiver '{endpoint}': enter it again in Settings → Publishing. Nothing is sent unsigned."
            ),
            SyncError::BadAnswer(what) => format!("The site's answer is not WordPress's ({what}). Will retry."),
            SyncError::Local(_, _, en) => en.clone(),
        }
    }

    pub fn into_core(self) -> Error {
        Error::Remote { code: self.code(), vi: self.vi(), en: self.en() }
    }
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// The server's reason in plain Vietnamese for the refusals a newsroom meets; the server's
/// own words (often English) for the rest.
fn refused_vi(status: u16, code: &str, message: &str) -> String {
    let plain = match code {
        "rest_cannot_create" | "rest_cannot_edit" | "rest_cannot_edit_others" => {
            "tài khoản này không có quyền tạo hoặc sửa bài trên trang"
        }
        "rest_cannot_publish" => "tài khoản này không được phép đăng bài công khai: hãy chọn trạng thái chờ duyệt",
        "rest_cannot_assign_term" => "tài khoản này không được phép gán chuyên mục hoặc từ khóa",
        "rest_cannot_create_term" | "rest_cannot_create_terms" => {
            "tài khoản này không được tạo chuyên mục hoặc từ khóa mới"
        }
        "rest_upload_no_data" | "rest_upload_unknown_error" | "rest_upload_sideload_error" => {
            "trang không nhận tệp ảnh"
        }
        "rest_upload_file_too_big" | "rest_upload_limited_space" => "ảnh vượt quá dung lượng trang cho phép",
        "rest_invalid_param" => "một trường dữ liệu không hợp lệ",
        "rest_post_invalid_id" | "rest_post_invalid_parent" => "bài không còn trên trang",
        "rest_forbidden" | "rest_forbidden_context" => "tài khoản này không được phép làm việc này",
        "rest_cannot_edit_others_posts" => "bài thuộc về người khác: tài khoản này không được sửa",
        _ => "",
    };
    if plain.is_empty() {
        format!("Trang từ chối yêu cầu (HTTP {status}, mã {code}): {message}")
    } else {
        format!("Trang từ chối yêu cầu: {plain} (HTTP {status}, mã {code}: {message})")
    }
}

/// What any endpoint's answer means before its own words are read: a 3xx is a new address (not
/// followed), 429 and 5xx a passing problem (with the `Retry-After` it asks for). `None` for
/// the answers each endpoint words itself (4xx).
pub fn redirect_or_passing(response: &crate::http::Response) -> Option<SyncError> {
    match response.status {
        301 | 302 | 303 | 307 | 308 => {
            Some(SyncError::Redirected { location: response.header("location").unwrap_or("?").to_string() })
        }
        status @ (429 | 500..=599) => Some(SyncError::Unavailable {
            status,
            retry_after: response
                .header("retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(std::time::Duration::from_secs),
        }),
        _ => None,
    }
}

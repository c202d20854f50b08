//! IPTC ninjs over HTTP, the way Superdesk's HTTP push does it: every rendition to the assets
//! address first (skipped when the receiver already has it), then the item to the resource
//! address, each request signed with `x-superdesk-signature` when the profile has a secret.

pub mod assets;
pub mod push;
pub mod sign;

use crate::error::SyncError;
use crate::http::Response;

/// Reads a receiver's refusal: 3xx a new address, 429/5xx a passing problem, 4xx a reason for
/// a person (the receiver's own words, shortened).
pub fn error_for(response: &Response) -> SyncError {
    let status = response.status;
    match status {
        301 | 302 | 303 | 307 | 308 => {
            SyncError::Redirected { location: response.header("location").unwrap_or("?").to_string() }
        }
        429 | 500..=599 => SyncError::Unavailable {
            status,
            retry_after: response
                .header("retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(std::time::Duration::from_secs),
        },
        _ => {
            let text = String::from_utf8_lossy(&response.body);
            let message: String = text.trim().chars().take(300).collect();
            SyncError::Refused { status, code: "ninjs".into(), message }
        }
    }
}

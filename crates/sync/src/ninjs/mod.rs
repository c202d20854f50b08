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
    if let Some(error) = crate::error::redirect_or_passing(response) {
        return error;
    }
    let text = String::from_utf8_lossy(&response.body);
    let message: String = text.trim().chars().take(300).collect();
    SyncError::Refused { status: response.status, code: "ninjs".into(), message }
}

//! Times are stored and exchanged as RFC 3339 in UTC with milliseconds, so that text order
//! is time order (`2026-11-27T09:40:00.123Z`). Vietnam time is for display only, in the UI.

use chrono::{SecondsFormat, Utc};

pub fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Milliseconds between two stored times (`b - a`); `None` if either does not parse.
pub fn millis_between(a: &str, b: &str) -> Option<i64> {
    let a = chrono::DateTime::parse_from_rfc3339(a).ok()?;
    let b = chrono::DateTime::parse_from_rfc3339(b).ok()?;
    Some((b - a).num_milliseconds())
}

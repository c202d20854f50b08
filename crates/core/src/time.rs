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

/// A stored time `ms` milliseconds later, stored the same way; `None` if it does not parse.
pub fn add_millis(t: &str, ms: i64) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(t).ok()?.with_timezone(&Utc);
    Some((t + chrono::Duration::milliseconds(ms)).to_rfc3339_opts(SecondsFormat::Millis, true))
}

/// Vietnam has kept UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_SECS: i32 = 7 * 3600;

/// A stored time as newsrooms show it: `HH:mm dd/MM/yyyy` in Vietnam time.
pub fn display_vietnam(rfc3339: &str) -> String {
    vietnam_time(rfc3339).unwrap_or_else(|| rfc3339.to_string())
}

/// [`display_vietnam`], or `None` when the text is not an RFC 3339 time.
pub fn vietnam_time(rfc3339: &str) -> Option<String> {
    let offset = chrono::FixedOffset::east_opt(VIETNAM_OFFSET_SECS).expect("valid offset");
    let time = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(time.with_timezone(&offset).format("%H:%M %d/%m/%Y").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnam_display() {
        assert_eq!(display_vietnam("2011-03-03T09:46:00Z"), "16:46 03/03/2011");
        assert_eq!(display_vietnam("2026-12-31T20:05:00.123Z"), "03:05 01/01/2027");
    }
}

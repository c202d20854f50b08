//! Headline and sapo over the house limits (`Limits`), in tiếng or characters: one finding
//! over the whole text (leading and trailing whitespace left out), with the counts and the
//! limits in the message and no suggestion. Body and captions have no limit.

use super::{finding, Field, Finding, FindingKind, Limits, Message};
use crate::count::TextCounts;

pub(crate) fn findings(chars: &[char], field: Field, limits: &Limits) -> Vec<Finding> {
    let (max_tieng, max_chars) = match field {
        Field::Headline => (limits.headline_tieng, limits.headline_chars),
        Field::Sapo => (limits.sapo_tieng, limits.sapo_chars),
        Field::Body | Field::Caption => return Vec::new(),
    };
    let Some(start) = chars.iter().position(|c| !c.is_whitespace()) else { return Vec::new() };
    let end = chars.iter().rposition(|c| !c.is_whitespace()).map_or(start, |e| e + 1);
    let trimmed: String = chars[start..end].iter().collect();
    let counts = TextCounts::of(&trimmed);
    if counts.tieng <= max_tieng && counts.chars <= max_chars {
        return Vec::new();
    }
    let (vi_field, en_field) = field.names();
    let message = Message::new(
        format!(
            "{} dài {} tiếng, {} ký tự; giới hạn là {} tiếng, {} ký tự.",
            super::capitalise_first(vi_field),
            counts.tieng,
            counts.chars,
            max_tieng,
            max_chars
        ),
        format!(
            "{} is {} tiếng, {} characters long; the limit is {} tiếng, {} characters.",
            super::capitalise_first(en_field),
            counts.tieng,
            counts.chars,
            max_tieng,
            max_chars
        ),
    );
    vec![finding(FindingKind::Length, chars, start, end, message, Vec::new())]
}

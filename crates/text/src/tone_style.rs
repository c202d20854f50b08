//! House tone style for oa/oe/uy syllables: `hoà, khoẻ, thuỷ` (tone on the second vowel)
//! versus `hòa, khỏe, thủy` (tone on the first).
//!
//! Only open syllables whose vowels are exactly oa, oe or uy and that carry a tone differ
//! (`hoàn`, `ngoài`, `quý`, `thuyền` are the same in both). Tokens that are not one valid
//! syllable are left alone.

use crate::check::{Finding, FindingKind, Message};
use crate::syllable;
use crate::tokens::tokens;

/// Named by example in the UI: "hoà, thuỷ, khoẻ" and "hòa, thủy, khỏe".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// `hoà, thuỷ, khoẻ`
    OnSecondVowel,
    /// `hòa, thủy, khỏe`
    OnFirstVowel,
}

impl ToneStyle {
    /// The other style.
    pub fn other(self) -> ToneStyle {
        match self {
            ToneStyle::OnSecondVowel => ToneStyle::OnFirstVowel,
            ToneStyle::OnFirstVowel => ToneStyle::OnSecondVowel,
        }
    }

    /// The setting's label, by example.
    pub fn example(self) -> &'static str {
        match self {
            ToneStyle::OnSecondVowel => "hoà, thuỷ, khoẻ",
            ToneStyle::OnFirstVowel => "hòa, thủy, khỏe",
        }
    }
}

/// The style a syllable is written in; `None` when it is written the same in both styles
/// (or is not a valid syllable).
pub fn style_of(syllable: &str) -> Option<ToneStyle> {
    let s = syllable::parse(syllable)?;
    if !s.style_sensitive() || !s.is_valid() {
        return None;
    }
    let at = s.tone_at?;
    if at == s.tone_index(ToneStyle::OnSecondVowel) {
        Some(ToneStyle::OnSecondVowel)
    } else {
        Some(ToneStyle::OnFirstVowel)
    }
}

/// One syllable in style `to` (unchanged when it is not style-sensitive).
pub fn convert_syllable(syllable: &str, to: ToneStyle) -> String {
    syllable::restyle(syllable, to).unwrap_or_else(|| syllable.to_string())
}

/// The whole text with every syllable in style `to`; case kept, everything else untouched.
/// Idempotent, and reversible on text written in one style.
pub fn convert(text: &str, to: ToneStyle) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for t in tokens(text) {
        let Some(new) = syllable::restyle(t.text, to) else { continue };
        let at = byte_offset(text, t.text);
        out.push_str(&text[last..at]);
        out.push_str(&new);
        last = at + t.text.len();
    }
    out.push_str(&text[last..]);
    out
}

/// Byte offset of `part` (a subslice of `text`) in `text`.
pub(crate) fn byte_offset(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// Findings of kind `ToneStyle` (each syllable in the other style, when a house style is set)
/// and `MixedToneStyle` (one for the whole text when it uses both styles).
pub fn findings(text: &str, house: Option<ToneStyle>) -> Vec<Finding> {
    let mut out = Vec::new();
    let (mut second, mut first) = (0usize, 0usize);
    let mut memo: crate::fast_hash::FastMap<&str, Option<ToneStyle>> = Default::default();
    for t in tokens(text) {
        let Some(style) = *memo.entry(t.text).or_insert_with(|| style_of(t.text)) else { continue };
        match style {
            ToneStyle::OnSecondVowel => second += 1,
            ToneStyle::OnFirstVowel => first += 1,
        }
        if let Some(h) = house.filter(|&h| h != style) {
            let fixed = convert_syllable(t.text, h);
            out.push(Finding {
                kind: FindingKind::ToneStyle,
                start: t.start,
                end: t.end,
                text: t.text.to_string(),
                message: Message::new(
                    format!("Kiểu bỏ dấu của toà soạn là “{}”: viết “{fixed}”.", h.example()),
                    format!("House tone style is “{}”: write “{fixed}”.", h.example()),
                ),
                suggestions: vec![fixed],
            });
        }
    }
    if second > 0 && first > 0 {
        let end = text.chars().count();
        out.push(Finding {
            kind: FindingKind::MixedToneStyle,
            start: 0,
            end,
            text: text.to_string(),
            message: Message::new(
                format!("Văn bản trộn hai kiểu bỏ dấu: {second} chữ kiểu “hoà, thuỷ”, {first} chữ kiểu “hòa, thủy”."),
                format!(
                    "The text mixes both tone styles: {second} syllables like “hoà, thuỷ”, {first} like “hòa, thủy”."
                ),
            ),
            suggestions: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn convert_both_ways() {
        let a = "Hoà bình, sức khoẻ và Thuỷ lợi; HOÀ giải; uỷ ban; hoàn toàn, quý.";
        let b = "Hòa bình, sức khỏe và Thủy lợi; HÒA giải; ủy ban; hoàn toàn, quý.";
        assert_eq!(convert(a, ToneStyle::OnFirstVowel), b);
        assert_eq!(convert(b, ToneStyle::OnSecondVowel), a);
        assert_eq!(convert(a, ToneStyle::OnSecondVowel), a);
    }

    #[test]
    fn style_of_syllables() {
        assert_eq!(style_of("hoà"), Some(ToneStyle::OnSecondVowel));
        assert_eq!(style_of("Thủy"), Some(ToneStyle::OnFirstVowel));
        assert_eq!(style_of("hoàn"), None);
        assert_eq!(style_of("hoa"), None);
    }
}

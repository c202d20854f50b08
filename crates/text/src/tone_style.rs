//! House tone style for oa/oe/uy syllables: `hoà, khoẻ, thuỷ` (tone on the second vowel)
//! versus `hòa, khỏe, thủy` (tone on the first).

use crate::check::Finding;

/// Named by example in the UI: "hoà, thuỷ, khoẻ" and "hòa, thủy, khỏe".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// `hoà, thuỷ, khoẻ`
    OnSecondVowel,
    /// `hòa, thủy, khỏe`
    OnFirstVowel,
}

/// Findings of kind `ToneStyle` (each syllable in the other style) and `MixedToneStyle`.
pub fn findings(_text: &str, _house: Option<ToneStyle>) -> Vec<Finding> {
    Vec::new() // stub: being written
}

//! Checks a Vietnamese desk editor makes: spelling, real-word slips, house tone style,
//! abbreviations, quotes, spacing, capitalisation of names, lengths.
//!
//! [`check`] runs every check on one field; [`check_fields`] runs them over a whole article in
//! reading order, so that an abbreviation defined in the sapo counts for the body. Input is
//! NFC; every span is in chars of that text. Each style check lives in its own file and is
//! tuned to miss rather than to cry wolf: a desk editor stops reading flags that are wrong.

pub mod abbreviation;
pub mod capitalisation;
pub mod finding;
pub mod length;
pub mod quotes;
pub mod spacing;

use std::collections::HashSet;

pub use abbreviation::{Abbreviation, Abbreviations, HouseChanges};
pub use finding::{Finding, FindingKind, Message};

use crate::spell::Speller;
use crate::tone_style::ToneStyle;

/// Which part of an article a text is: the checks differ per field (lengths apply to the
/// headline and sapo; abbreviations are normal in headlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Headline,
    Sapo,
    Body,
    Caption,
}

impl Field {
    /// Stable name (`headline`, `sapo`, `body`, `caption`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Headline => "headline",
            Field::Sapo => "sapo",
            Field::Body => "body",
            Field::Caption => "caption",
        }
    }

    /// Newsroom names in both UI languages: (vi, en).
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Field::Headline => ("tít", "headline"),
            Field::Sapo => ("sapo", "standfirst"),
            Field::Body => ("thân bài", "body"),
            Field::Caption => ("chú thích ảnh", "caption"),
        }
    }
}

/// House length limits, in tiếng (syllables, as `crate::count::count_tieng` counts them)
/// and characters (NFC chars). A field over either limit gets one `length` finding.
///
/// Defaults (settings; a newsroom changes them):
/// - headline: 12 tiếng / 60 characters. Headline guidance is ≈ 50 characters and 9–12
///   tiếng, and VnExpress headlines average ≈ 9.3 tiếng. The limit is the top of that
///   guidance, so the finding means "clearly too long", not "a little above average"; 60
///   characters leaves room for a 12-tiếng headline of long syllables (≈ 4.5 chars each).
/// - sapo: 60 tiếng / 300 characters (two or three sentences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub headline_tieng: usize,
    pub headline_chars: usize,
    pub sapo_tieng: usize,
    pub sapo_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { headline_tieng: 12, headline_chars: 60, sapo_tieng: 60, sapo_chars: 300 }
    }
}

/// What to check and how. `kinds: None` runs every check.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions<'a> {
    pub field: Field,
    /// The house tone style (`hoà` or `hòa`); `None` only reports a text that mixes both.
    pub house_style: Option<ToneStyle>,
    /// Spelling and real-word checks run only with a speller.
    pub speller: Option<&'a Speller>,
    pub abbreviations: &'a Abbreviations,
    pub limits: Limits,
    /// Only these kinds (`None` = all).
    pub kinds: Option<&'a [FindingKind]>,
}

impl<'a> CheckOptions<'a> {
    /// Every check, default limits, no house tone style, no speller.
    pub fn new(field: Field, abbreviations: &'a Abbreviations) -> Self {
        CheckOptions { field, house_style: None, speller: None, abbreviations, limits: Limits::default(), kinds: None }
    }

    fn wants(&self, kind: FindingKind) -> bool {
        match self.kinds {
            None => true,
            Some(kinds) => kinds.contains(&kind),
        }
    }
}

/// Runs the checks on one NFC text. Findings are sorted by start, then kind.
pub fn check(text: &str, options: &CheckOptions) -> Vec<Finding> {
    check_one(text, options, &mut HashSet::new())
}

/// For a whole article, where an abbreviation defined in the sapo counts for the body: check
/// several fields in reading order. Each field is checked as `options.field` says it is
/// (the `field` in `options` itself is ignored). Returns (field index, finding), in field
/// order and, within a field, sorted as [`check`] sorts.
pub fn check_fields(fields: &[(Field, &str)], options: &CheckOptions) -> Vec<(usize, Finding)> {
    // Abbreviations already defined (or already flagged once) in earlier fields.
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (index, &(field, text)) in fields.iter().enumerate() {
        let options = CheckOptions { field, ..*options };
        out.extend(check_one(text, &options, &mut seen).into_iter().map(|f| (index, f)));
    }
    out
}

fn check_one(text: &str, options: &CheckOptions, seen_abbreviations: &mut HashSet<String>) -> Vec<Finding> {
    use FindingKind as K;
    let mut out = Vec::new();
    if options.wants(K::ToneStyle) || options.wants(K::MixedToneStyle) {
        out.extend(crate::tone_style::findings(text, options.house_style));
    }
    if let Some(speller) = options.speller {
        if options.wants(K::Spelling) || options.wants(K::RealWord) {
            out.extend(crate::spell::findings(text, speller));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    // Headlines are exempt: abbreviations (UBND, CSGT…) are normal house practice in a
    // headline, and the full form there does not define them for the sapo or body either.
    if options.field != Field::Headline && options.wants(K::Abbreviation) {
        out.extend(abbreviation::findings(
            text,
            &chars,
            options.abbreviations,
            options.house_style,
            seen_abbreviations,
        ));
    }
    if options.wants(K::Quotes) {
        out.extend(quotes::findings(&chars));
    }
    if options.wants(K::Spacing) {
        out.extend(spacing::findings(&chars));
    }
    if options.wants(K::Capitalisation) {
        // The speller's word list tells common words from names ("đảo an toàn").
        let speller = options.speller.unwrap_or_else(|| default_speller());
        out.extend(capitalisation::findings(text, &chars, speller));
    }
    if options.wants(K::Length) {
        out.extend(length::findings(&chars, options.field, &options.limits));
    }
    out.retain(|f| options.wants(f.kind));
    out.sort_by_key(|f| (f.start, f.kind, f.end));
    out
}

/// A speller with the built-in word lists and no dictionary, built once.
fn default_speller() -> &'static Speller {
    static SPELLER: std::sync::OnceLock<Speller> = std::sync::OnceLock::new();
    SPELLER.get_or_init(Speller::default)
}

/// A finding over `chars[start..end]`.
pub(crate) fn finding(
    kind: FindingKind,
    chars: &[char],
    start: usize,
    end: usize,
    message: Message,
    suggestions: Vec<String>,
) -> Finding {
    Finding { kind, start, end, text: chars[start..end].iter().collect(), message, suggestions }
}

/// A syllable compared without case or tone placement: the letters with the tone mark
/// taken off, then the tone as a digit. `hoà`, `hòa`, `Hoà` and `HÒA` share one key, so a
/// full form written in either house style matches.
pub(crate) fn syllable_key(syllable: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut tone = '0';
    let mut base = String::with_capacity(syllable.len());
    for c in syllable.nfd() {
        match c {
            '\u{0300}' => tone = '2', // huyền
            '\u{0301}' => tone = '1', // sắc
            '\u{0303}' => tone = '4', // ngã
            '\u{0309}' => tone = '3', // hỏi
            '\u{0323}' => tone = '5', // nặng
            c => base.extend(c.to_lowercase()),
        }
    }
    let mut key: String = base.nfc().collect();
    key.push(tone);
    key
}

/// True at the start of the text, of a line, or after . ! ? … (spaces between ignored).
pub(crate) fn at_sentence_start(chars: &[char], pos: usize) -> bool {
    let mut i = pos;
    while i > 0 {
        let c = chars[i - 1];
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() && !matches!(c, '“' | '"' | '(' | '‘') {
            return matches!(c, '.' | '!' | '?' | '…');
        }
        i -= 1;
    }
    true
}

/// `word` with its first letter in upper case (`đà` → `Đà`).
pub(crate) fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_keys_ignore_case_and_tone_placement() {
        assert_eq!(syllable_key("hoà"), syllable_key("HÒA"));
        assert_eq!(syllable_key("Uỷ"), syllable_key("ủy"));
        assert_ne!(syllable_key("hoà"), syllable_key("hoá"));
        assert_ne!(syllable_key("dân"), syllable_key("dần"));
    }

    #[test]
    fn sentence_starts() {
        let chars: Vec<char> = "Sáng nay. “Tỉnh này”".chars().collect();
        assert!(at_sentence_start(&chars, 0));
        assert!(!at_sentence_start(&chars, 5));
        assert!(at_sentence_start(&chars, 11));
        assert_eq!(capitalise_first("đà nẵng"), "Đà nẵng");
    }
}

//! What every check reports: a kind, a span in chars of the NFC text, a message in both
//! languages, and replacements ranked best first.

/// Kinds of finding (stable strings in JSON: `spelling`, `real-word`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// Not a Vietnamese syllable, or not in the dictionary.
    Spelling,
    /// Each syllable exists, the word does not: `sử lý` for `xử lý`.
    RealWord,
    /// A syllable in the other house tone style (`hòa` in a `hoà` house).
    ToneStyle,
    /// The text mixes both tone styles.
    MixedToneStyle,
    /// An abbreviation used before its full form.
    Abbreviation,
    /// Straight quotes where curly ones belong.
    Quotes,
    /// Space before punctuation, double spaces.
    Spacing,
    /// A proper name not capitalised after quận/huyện/tỉnh/…
    Capitalisation,
    /// Longer than the house limit.
    Length,
}

impl FindingKind {
    pub const ALL: [FindingKind; 9] = [
        Self::Spelling,
        Self::RealWord,
        Self::ToneStyle,
        Self::MixedToneStyle,
        Self::Abbreviation,
        Self::Quotes,
        Self::Spacing,
        Self::Capitalisation,
        Self::Length,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spelling => "spelling",
            Self::RealWord => "real-word",
            Self::ToneStyle => "tone-style",
            Self::MixedToneStyle => "mixed-tone-style",
            Self::Abbreviation => "abbreviation",
            Self::Quotes => "quotes",
            Self::Spacing => "spacing",
            Self::Capitalisation => "capitalisation",
            Self::Length => "length",
        }
    }
}

/// A message for people in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub vi: String,
    pub en: String,
}

impl Message {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Message {
        Message { vi: vi.into(), en: en.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Char offset in the NFC text.
    pub start: usize,
    /// Char offset one past the end.
    pub end: usize,
    /// The flagged span, as written.
    pub text: String,
    pub message: Message,
    /// Replacements for the span, best first (may be empty).
    pub suggestions: Vec<String>,
}

//! The checks as the UI and the CLI see them. TypeScript twins are generated (`make bindings`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The house tone style, named by example as the newsroom knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum HouseStyle {
    /// hoà, thuỷ, khoẻ
    #[serde(rename = "hoà")]
    OnSecondVowel,
    /// hòa, thủy, khỏe (most Vietnamese online papers)
    #[default]
    #[serde(rename = "hòa")]
    OnFirstVowel,
}

impl HouseStyle {
    pub fn tone_style(self) -> banthao_text::tone_style::ToneStyle {
        use banthao_text::tone_style::ToneStyle;
        match self {
            HouseStyle::OnSecondVowel => ToneStyle::OnSecondVowel,
            HouseStyle::OnFirstVowel => ToneStyle::OnFirstVowel,
        }
    }

    /// Accepts the example words in any Unicode form and without the tone: "hoà", "hòa".
    pub fn parse(s: &str) -> Option<HouseStyle> {
        match banthao_text::to_nfc(s.trim()).as_ref() {
            "hoà" | "hoà, thuỷ, khoẻ" | "thuỷ" | "khoẻ" => Some(HouseStyle::OnSecondVowel),
            "hòa" | "hòa, thủy, khỏe" | "thủy" | "khỏe" => Some(HouseStyle::OnFirstVowel),
            _ => None,
        }
    }
}

/// Check settings kept in the library: house style, length limits, abbreviation list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CheckSettings {
    pub house_style: HouseStyle,
    pub headline_max_tieng: u32,
    pub headline_max_chars: u32,
    pub sapo_max_tieng: u32,
    pub sapo_max_chars: u32,
    /// The house changes to the built-in abbreviation list, one per line: `ABBR = full form`
    /// adds or replaces an entry, `-ABBR` drops a built-in one; empty = the built-in list.
    /// A whole list saved before this meaning still works: its entries replace the built-ins.
    pub abbreviations: String,
    /// The house changes to the built-in list of abbreviations allowed unexplained (TP.HCM,
    /// GDP…): `ABBR` allows one more, `-ABBR` drops a built-in one (several to a line, spaces
    /// or commas between); empty = the built-in list.
    pub allowed_abbreviations: String,
}

impl Default for CheckSettings {
    fn default() -> Self {
        let limits = banthao_text::check::Limits::default();
        CheckSettings {
            house_style: HouseStyle::default(),
            headline_max_tieng: limits.headline_tieng as u32,
            headline_max_chars: limits.headline_chars as u32,
            sapo_max_tieng: limits.sapo_tieng as u32,
            sapo_max_chars: limits.sapo_chars as u32,
            abbreviations: String::new(),
            allowed_abbreviations: String::new(),
        }
    }
}

/// What the editor sends while you type: the fields as plain text, the body as its
/// text blocks (paragraphs, headings, list items' paragraphs) in document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CheckInput {
    pub headline: String,
    pub sapo: String,
    pub blocks: Vec<String>,
    /// The figures' captions in reading order (figure i's caption at i; empty for none).
    /// Checked after the body, like it.
    pub captions: Vec<String>,
    /// The article these texts are from: the findings it ignores go to `ignored` instead of
    /// `findings`. None (a file, a paste): nothing is left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub article: Option<crate::ArticleId>,
}

impl CheckInput {
    /// A stored article's texts, naming the article (so its ignored findings are left out).
    pub fn of_article(a: &crate::Article) -> CheckInput {
        CheckInput {
            headline: a.headline.clone(),
            sapo: a.sapo.clone(),
            blocks: crate::article::render::doc_blocks(&a.body),
            captions: crate::article::figures::figure_captions(&a.body),
            article: Some(a.id),
        }
    }
}

/// Which text a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CheckField {
    Headline,
    Sapo,
    Body,
    /// A figure's caption; `block` is the figure's index in reading order.
    Caption,
}

/// One finding, placed in its field (and body block). `start`/`end` are char offsets in that
/// text (NFC); `kind` is one of the stable kind names documented in README.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleFinding {
    pub field: CheckField,
    /// The body's text block (paragraphs and headings in order), or the figure for a caption.
    pub block: u32,
    pub kind: String,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub message: String,
    pub suggestions: Vec<String>,
    /// The word just before and just after the span in its text, lowercase; '' at an edge.
    /// With `kind` and `text`, what "Bỏ qua" remembers ([`FindingKey`]).
    pub before: String,
    pub after: String,
}

impl ArticleFinding {
    pub fn key(&self) -> FindingKey {
        FindingKey {
            kind: self.kind.clone(),
            text: self.text.clone(),
            before: self.before.clone(),
            after: self.after.clone(),
        }
    }
}

/// What an ignored finding is remembered by, per article: its kind, the flagged text as written
/// and the word on either side. Edits elsewhere in the article (even elsewhere in the sentence)
/// keep the ignore; retyping the flagged text or a neighbouring word ends it, as does the same
/// slip in another phrase. The same text between the same words twice is one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingKey {
    pub kind: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckReport {
    pub findings: Vec<ArticleFinding>,
    /// Findings the article ignores ("Bỏ qua"), left out of `findings`; the panel lists them
    /// to be shown again. Empty when the input names no article.
    pub ignored: Vec<ArticleFinding>,
    /// False when the system dictionary (hunspell-vi) was not found: rule checks only.
    pub dictionary: bool,
}

/// A run of pasted text and the font it was set in (from the clipboard HTML).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FontRun {
    pub font: String,
    pub text: String,
}

/// A run converted from a legacy font: its text in NFC Unicode and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConvertedRun {
    pub text: String,
    /// `tcvn3` or `vni`; null when the run was not in a legacy font (text unchanged).
    pub from: Option<String>,
}

/// Headline, sapo and body with every syllable in the house tone style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToneStyleFix {
    pub headline: String,
    pub sapo: String,
    pub body: crate::BodyDoc,
    /// How many syllables changed.
    pub changed: u32,
}

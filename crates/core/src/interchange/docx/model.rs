//! What the parser makes of `word/document.xml` (parse.rs): paragraphs of marked text, breaks
//! and pictures, with what the document held that the body cannot take, and the small
//! operations on a paragraph's inlines that the parser and the mapping share.

use super::styles::{ListKind, ParaKind};

/// A stretch of text with its marks.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Segment {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// A picture where it stood: its relationship id, Word's alt text, and the text of the frame
/// (text box) around it, if any.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ImageRef {
    pub rel: String,
    pub alt: String,
    pub frame_caption: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Inline {
    Text(Segment),
    Break,
    Image(ImageRef),
}

#[derive(Debug, Clone)]
pub(super) struct Para {
    pub kind: ParaKind,
    /// `(numId, level, kind)` for a list item.
    pub list: Option<(String, u8, ListKind)>,
    /// Every letter in it shows bold (the paragraph style's bold included).
    pub all_bold: bool,
    /// A table row made into a paragraph.
    pub table_row: bool,
    pub inlines: Vec<Inline>,
}

/// What was converted from a legacy font: runs, characters out, and the first text converted.
#[derive(Debug, Clone, Default)]
pub(super) struct Converted {
    pub runs: u32,
    pub chars: u32,
    pub sample: String,
}

/// What the document holds that the body does not take (counts), and what was changed.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub tables: u32,
    pub rows: u32,
    pub insertions: u32,
    pub deletions: u32,
    pub text_boxes: u32,
    pub footnotes: u32,
    pub endnotes: u32,
    pub comments: u32,
    pub equations: u32,
    pub objects: u32,
    pub symbols: u32,
    pub hidden_runs: u32,
    pub linked_images: u32,
    /// Shapes and charts, by their name in the document.
    pub shapes: Vec<String>,
    pub charts: Vec<String>,
    /// Link targets the body cannot hold (not web or e-mail).
    pub unsafe_links: Vec<String>,
    /// Legacy fonts converted, in the order first met.
    pub converted: Vec<(String, Converted)>,
}

pub(super) struct Parsed {
    pub paras: Vec<Para>,
    pub found: Found,
}

pub(super) fn plain(text: &str) -> Segment {
    Segment { text: text.to_string(), bold: false, italic: false, link: None }
}

pub(super) fn ends_with_space(inlines: &[Inline]) -> bool {
    matches!(inlines.last(), Some(Inline::Text(s)) if s.text.ends_with(char::is_whitespace))
}

/// Joins neighbouring texts with the same marks (a row's " | " and its cells' plain text).
pub(super) fn merge_plain(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        push_merged(&mut out, inline);
    }
    out
}

/// Appends `inline`, joined to the last text when both carry the same marks.
pub(super) fn push_merged(out: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(prev)), Inline::Text(seg)) = (out.last_mut(), &inline) {
        if prev.bold == seg.bold && prev.italic == seg.italic && prev.link == seg.link {
            prev.text.push_str(&seg.text);
            return;
        }
    }
    out.push(inline);
}

/// Leading and trailing spaces and breaks removed; empty texts dropped.
pub(super) fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    loop {
        match inlines.first_mut() {
            Some(Inline::Break) => {
                inlines.remove(0);
            }
            Some(Inline::Text(s)) => {
                let trimmed = s.text.trim_start();
                if trimmed.is_empty() {
                    inlines.remove(0);
                } else {
                    s.text = trimmed.to_string();
                    break;
                }
            }
            _ => break,
        }
    }
    loop {
        match inlines.last_mut() {
            Some(Inline::Break) => {
                inlines.pop();
            }
            Some(Inline::Text(s)) => {
                let trimmed = s.text.trim_end();
                if trimmed.is_empty() {
                    inlines.pop();
                } else {
                    s.text = trimmed.to_string();
                    break;
                }
            }
            _ => break,
        }
    }
    inlines
}

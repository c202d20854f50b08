//! Inline content read from HTML: text with marks and line breaks, its whitespace laid out as
//! a browser lays it out, in NFC, as the body schema's inline nodes.

use banthao_core::{PmMark, PmNode};
use serde_json::{Map, Value};

/// A piece of inline content as found, before whitespace is settled.
enum Piece {
    Text(String, Vec<PmMark>),
    /// `<br>`.
    Break(Vec<PmMark>),
    /// One newline in classic content (wpautop makes it a `<br />`, unless it ends a line).
    SoftBreak(Vec<PmMark>),
    /// Two newlines or more in classic content: a new paragraph.
    ParagraphBreak,
}

/// Inline content being gathered for one block.
pub(super) struct Run {
    /// Classic content: newlines are structure (WordPress's wpautop), not spacing.
    autop: bool,
    pieces: Vec<Piece>,
}

impl Run {
    pub fn new(autop: bool) -> Run {
        Run { autop, pieces: Vec::new() }
    }

    pub fn text(&mut self, text: &str, marks: &[PmMark]) {
        if !self.autop {
            self.pieces.push(Piece::Text(text.to_string(), marks.to_vec()));
            return;
        }
        // Newline runs, with the spaces around them, are breaks; the rest is text.
        let mut rest = text;
        while let Some(nl) = rest.find('\n') {
            let start = rest[..nl].trim_end_matches(is_collapsible).len();
            let end = rest[nl..].find(|c| !is_collapsible(c)).map_or(rest.len(), |i| nl + i);
            if start > 0 {
                self.pieces.push(Piece::Text(rest[..start].to_string(), marks.to_vec()));
            }
            self.pieces.push(match rest[start..end].matches('\n').count() {
                1 => Piece::SoftBreak(marks.to_vec()),
                _ => Piece::ParagraphBreak,
            });
            rest = &rest[end..];
        }
        if !rest.is_empty() {
            self.pieces.push(Piece::Text(rest.to_string(), marks.to_vec()));
        }
    }

    pub fn hard_break(&mut self, marks: &[PmMark]) {
        self.pieces.push(Piece::Break(marks.to_vec()));
    }

    /// The inline content gathered so far, split where classic content starts a new
    /// paragraph; the run is left empty. Empty parts are left out.
    pub fn take_parts(&mut self) -> Vec<Vec<PmNode>> {
        let pieces = std::mem::take(&mut self.pieces);
        let mut parts = Vec::new();
        let mut current = Vec::new();
        for piece in pieces {
            if let Piece::ParagraphBreak = piece {
                parts.push(settle(std::mem::take(&mut current)));
            } else {
                current.push(piece);
            }
        }
        parts.push(settle(current));
        parts.retain(|p| !p.is_empty());
        parts
    }

    /// All the content as one line of inline nodes (a heading, a caption): paragraph breaks
    /// become line breaks.
    pub fn take_inline(&mut self) -> Vec<PmNode> {
        let mut out = Vec::new();
        for (i, part) in self.take_parts().into_iter().enumerate() {
            if i > 0 {
                out.push(hard_break(&[]));
            }
            out.extend(part);
        }
        out
    }
}

/// HTML's collapsible whitespace (not U+00A0, which is kept as typed).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Whitespace as a browser shows it: runs are one space, none at the start of a line (the
/// block's start or after a break) or at the block's end; a space before a `<br>` stays, as
/// ProseMirror keeps it. Then NFC, and neighbours with the same marks joined.
fn settle(pieces: Vec<Piece>) -> Vec<PmNode> {
    let mut out: Vec<PmNode> = Vec::new();
    let mut line_start = true;
    let mut after_space = false;
    // wpautop's `\s*\n` → `<br />`: a newline after content on the line, eating the spaces
    // before it; made only once something follows, as a newline ending the content is none.
    let mut soft: Option<Vec<PmMark>> = None;
    for piece in pieces {
        match piece {
            Piece::Text(text, marks) => {
                let mut kept = String::with_capacity(text.len());
                for c in text.chars() {
                    if is_collapsible(c) {
                        if !line_start && !after_space {
                            kept.push(' ');
                            after_space = true;
                        }
                    } else {
                        // Nothing is kept while a soft break waits: it starts a line.
                        flush_soft(&mut out, &mut soft);
                        kept.push(c);
                        (line_start, after_space) = (false, false);
                    }
                }
                push_text(&mut out, &kept, marks);
            }
            Piece::Break(marks) => {
                flush_soft(&mut out, &mut soft);
                out.push(hard_break(&marks));
                (line_start, after_space) = (true, false);
            }
            Piece::SoftBreak(marks) if !line_start => {
                soft = Some(marks);
                (line_start, after_space) = (true, false);
            }
            Piece::SoftBreak(_) | Piece::ParagraphBreak => {}
        }
    }
    trim_end(&mut out);
    for node in &mut out {
        if let Some(text) = node.text.as_mut() {
            *text = banthao_text::to_nfc_string(text);
        }
    }
    out
}

fn flush_soft(out: &mut Vec<PmNode>, soft: &mut Option<Vec<PmMark>>) {
    if let Some(marks) = soft.take() {
        trim_end(out);
        out.push(hard_break(&marks));
    }
}

/// Drops collapsible spaces at the end of the content.
fn trim_end(out: &mut Vec<PmNode>) {
    while let Some(last) = out.last_mut() {
        let Some(text) = last.text.as_mut() else { return };
        let kept = text.trim_end_matches(is_collapsible).len();
        text.truncate(kept);
        if !text.is_empty() {
            return;
        }
        out.pop();
    }
}

fn push_text(out: &mut Vec<PmNode>, text: &str, marks: Vec<PmMark>) {
    if text.is_empty() {
        return;
    }
    let marks = if marks.is_empty() { None } else { Some(marks) };
    if let Some(last) = out.last_mut() {
        if last.node_type == "text" && last.marks == marks {
            last.text.get_or_insert_with(String::new).push_str(text);
            return;
        }
    }
    out.push(PmNode { node_type: "text".into(), attrs: None, content: None, text: Some(text.into()), marks });
}

pub(super) fn hard_break(marks: &[PmMark]) -> PmNode {
    let marks = if marks.is_empty() { None } else { Some(marks.to_vec()) };
    PmNode { node_type: "hard_break".into(), attrs: None, content: None, text: None, marks }
}

/// A node with children (`None` when there are none, as the schema stores it).
pub(super) fn element(node_type: &str, attrs: Option<Map<String, Value>>, content: Vec<PmNode>) -> PmNode {
    let content = if content.is_empty() { None } else { Some(content) };
    PmNode { node_type: node_type.into(), attrs, content, text: None, marks: None }
}

/// `marks` plus `mark`, in schema order (strong, em, link); an inner link replaces an outer one.
pub(super) fn with_mark(marks: &[PmMark], mark: PmMark) -> Vec<PmMark> {
    let rank = |m: &PmMark| match m.mark_type.as_str() {
        "strong" => 0,
        "em" => 1,
        _ => 2,
    };
    let is_link = mark.mark_type == "link";
    let mut out: Vec<PmMark> = marks.iter().filter(|m| !(is_link && m.mark_type == "link")).cloned().collect();
    if !out.iter().any(|m| m.mark_type == mark.mark_type) {
        out.push(mark);
    }
    out.sort_by_key(rank);
    out
}

pub(super) fn simple_mark(mark_type: &str) -> PmMark {
    PmMark { mark_type: mark_type.into(), attrs: None }
}

/// A link mark as the schema stores it: `{href, title}`, title `null` when there is none.
pub(super) fn link_mark(href: &str, title: Option<&str>) -> PmMark {
    let title = title.filter(|t| !t.is_empty()).map(banthao_text::to_nfc_string);
    let attrs = Map::from_iter([
        ("href".to_string(), Value::from(href.trim())),
        ("title".to_string(), title.map_or(Value::Null, Value::from)),
    ]);
    PmMark { mark_type: "link".into(), attrs: Some(attrs) }
}

//! WordPress's block grammar: post content as a tree of blocks delimited by HTML comments.
//!
//! A port of `WP_Block_Parser` (wordpress-develop `src/wp-includes/class-wp-block-parser.php`,
//! the same grammar as Gutenberg's `@wordpress/block-serialization-default-parser`):
//! openers `<!-- wp:ns/name {json} -->`, closers `<!-- /wp:name -->`, void blocks
//! `<!-- wp:name {json} /-->`; a name without namespace is `core/`; HTML outside any block is
//! "freeform". Like WordPress it never fails: a closer closes whatever block is open (names are
//! not compared), a closer with nothing open turns the rest of the document into freeform, and
//! attributes that are not valid JSON become `null`. Two deliberate differences, both for
//! malformed input only: blocks left open at the end are closed there and stay nested (WordPress
//! lists them flat, repeating their text), and nesting deeper than [`MAX_DEPTH`] gives up the
//! same way as a stray closer, so that copying sources stays linear.

use serde_json::{Map, Value};

/// Deeper nesting than this is not real content (columns › column › group › list › item is 5).
pub const MAX_DEPTH: usize = 32;

/// One block, or a run of freeform HTML between blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    /// `core/paragraph`, `my-plugin/map`…; `None` for freeform HTML.
    pub name: Option<String>,
    /// The delimiter's JSON attributes: `{}` when there are none, `null` when they do not parse.
    pub attrs: Value,
    /// The exact source text, delimiters included: what goes back to WordPress unchanged.
    pub source: String,
    /// The text between the opening and closing delimiters, inner blocks included.
    pub inner_html: String,
    pub inner: Vec<RawBlock>,
}

impl RawBlock {
    fn freeform(text: &str) -> RawBlock {
        RawBlock {
            name: None,
            attrs: Value::Object(Map::new()),
            source: text.to_string(),
            inner_html: text.to_string(),
            inner: Vec::new(),
        }
    }

    /// The text between the delimiters in order: the block's own HTML, and its inner blocks
    /// where they stand (WordPress's `innerContent`).
    pub fn inner_content(&self) -> Vec<InnerContent<'_>> {
        let mut out = Vec::new();
        let mut rest = self.inner_html.as_str();
        for child in &self.inner {
            // Inner sources appear in order; the first match after the cursor is the child
            // itself, as any earlier copy of its opener would have been parsed as a block.
            let Some(at) = rest.find(&child.source) else { continue };
            if at > 0 {
                out.push(InnerContent::Html(&rest[..at]));
            }
            out.push(InnerContent::Block(child));
            rest = &rest[at + child.source.len()..];
        }
        if !rest.is_empty() {
            out.push(InnerContent::Html(rest));
        }
        out
    }

    /// The block's own HTML: `inner_html` without its inner blocks (WordPress's `innerHTML`).
    pub fn own_html(&self) -> String {
        self.inner_content()
            .into_iter()
            .filter_map(|piece| match piece {
                InnerContent::Html(html) => Some(html),
                InnerContent::Block(_) => None,
            })
            .collect()
    }
}

/// A piece of a block's inner text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InnerContent<'a> {
    Html(&'a str),
    Block(&'a RawBlock),
}

/// The top-level blocks of `content`, freeform runs that are only whitespace left out.
pub fn parse_blocks(content: &str) -> Vec<RawBlock> {
    parse_all(content).into_iter().filter(|b| b.name.is_some() || !is_blank(&b.source)).collect()
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(is_space)
}

/// PCRE's `\s` (without the `u` flag): ASCII whitespace including vertical tab.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

#[derive(Debug, PartialEq)]
enum Kind {
    Opener,
    Closer,
    Void,
}

struct Token {
    kind: Kind,
    name: String,
    attrs: Value,
    start: usize,
    end: usize,
}

struct Frame {
    name: String,
    attrs: Value,
    start: usize,
    content_start: usize,
    /// Freeform HTML before a top-level block starts here (WordPress's `leading_html_start`).
    leading: Option<usize>,
    inner: Vec<RawBlock>,
}

impl Frame {
    fn close(self, doc: &str, content_end: usize, end: usize) -> (RawBlock, Option<usize>, usize) {
        let block = RawBlock {
            name: Some(self.name),
            attrs: self.attrs,
            source: doc[self.start..end].to_string(),
            inner_html: doc[self.content_start..content_end].to_string(),
            inner: self.inner,
        };
        (block, self.leading, self.start)
    }
}

/// Every top-level piece in order, whitespace included: their sources concatenate to `content`.
pub(crate) fn parse_all(doc: &str) -> Vec<RawBlock> {
    let mut scanner = Scanner { doc, bytes: doc.as_bytes(), terminator: None };
    let mut output = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut offset = 0;
    let give_up = |stack: &mut Vec<Frame>, output: &mut Vec<RawBlock>, offset: usize| {
        let from = stack.first().map_or(offset, |f| f.leading.unwrap_or(f.start));
        stack.clear();
        if from < doc.len() {
            output.push(RawBlock::freeform(&doc[from..]));
        }
    };
    loop {
        let Some(token) = scanner.next_token(offset) else {
            if stack.is_empty() && offset < doc.len() {
                output.push(RawBlock::freeform(&doc[offset..]));
            }
            // Blocks left open end with the document, each inside its parent.
            while let Some(frame) = stack.pop() {
                let (block, leading, start) = frame.close(doc, doc.len(), doc.len());
                place(block, leading, start, doc, &mut stack, &mut output);
            }
            return output;
        };
        let leading = (token.start > offset).then_some(offset);
        match token.kind {
            Kind::Void => {
                let block = RawBlock {
                    name: Some(token.name),
                    attrs: token.attrs,
                    source: doc[token.start..token.end].to_string(),
                    inner_html: String::new(),
                    inner: Vec::new(),
                };
                place(block, leading, token.start, doc, &mut stack, &mut output);
            }
            Kind::Opener if stack.len() >= MAX_DEPTH => {
                give_up(&mut stack, &mut output, offset);
                return output;
            }
            Kind::Opener => stack.push(Frame {
                name: token.name,
                attrs: token.attrs,
                start: token.start,
                content_start: token.end,
                leading,
                inner: Vec::new(),
            }),
            Kind::Closer => {
                let Some(frame) = stack.pop() else {
                    // WordPress: a closer with nothing open ends parsing; the rest is freeform.
                    give_up(&mut stack, &mut output, offset);
                    return output;
                };
                let (block, leading, start) = frame.close(doc, token.start, token.end);
                place(block, leading, start, doc, &mut stack, &mut output);
            }
        }
        offset = token.end;
    }
}

/// A finished block goes into the open parent, or to the output after its leading freeform.
fn place(
    block: RawBlock,
    leading: Option<usize>,
    start: usize,
    doc: &str,
    stack: &mut [Frame],
    output: &mut Vec<RawBlock>,
) {
    match stack.last_mut() {
        Some(parent) => parent.inner.push(block),
        None => {
            if let Some(from) = leading {
                output.push(RawBlock::freeform(&doc[from..start]));
            }
            output.push(block);
        }
    }
}

/// The tokenizer: WordPress's one regular expression, matched by hand at each `<!--`:
/// `<!--\s+(/)?wp:([a-z][a-z0-9_-]*/)?([a-z][a-z0-9_-]*)\s+({…}\s+)?(/)?-->`.
struct Scanner<'a> {
    doc: &'a str,
    bytes: &'a [u8],
    /// The last answer of `terminator_from` (asked from, found at): positions only grow, so
    /// remembering it keeps a run of unterminated `{` linear.
    terminator: Option<(usize, Option<usize>)>,
}

impl Scanner<'_> {
    fn next_token(&mut self, from: usize) -> Option<Token> {
        let mut at = from;
        while let Some(found) = self.doc.get(at..)?.find("<!--") {
            let start = at + found;
            if let Some(token) = self.match_at(start) {
                return Some(token);
            }
            at = start + 1;
        }
        None
    }

    fn match_at(&mut self, start: usize) -> Option<Token> {
        let b = self.bytes;
        let mut i = self.spaces(start + 4)?;
        let closer = b.get(i) == Some(&b'/');
        if closer {
            i += 1;
        }
        if !b[i..].starts_with(b"wp:") {
            return None;
        }
        i += 3;
        let first = self.ident(i)?;
        let (name, after_name) = match b.get(first) {
            Some(b'/') => {
                let second = self.ident(first + 1)?;
                (self.doc[i..second].to_string(), second)
            }
            _ => (format!("core/{}", &self.doc[i..first]), first),
        };
        i = self.spaces(after_name)?;
        let mut attrs = Value::Object(Map::new());
        if b.get(i) == Some(&b'{') {
            let close = self.terminator_from(i + 1)?;
            attrs = serde_json::from_str(&self.doc[i..=close]).unwrap_or(Value::Null);
            i = self.spaces(close + 1)?;
        }
        let void = b.get(i) == Some(&b'/');
        if void {
            i += 1;
        }
        if !b[i..].starts_with(b"-->") {
            return None;
        }
        // WordPress checks "void" before "closer": `<!-- /wp:x /-->` is a void block.
        let kind = if void {
            Kind::Void
        } else if closer {
            Kind::Closer
        } else {
            Kind::Opener
        };
        Some(Token { kind, name, attrs, start, end: i + 3 })
    }

    /// After one or more whitespace bytes from `i`: where they end.
    fn spaces(&self, i: usize) -> Option<usize> {
        let n = self.bytes.get(i..)?.iter().take_while(|b| is_space(**b)).count();
        (n > 0).then_some(i + n)
    }

    /// After `[a-z][a-z0-9_-]*` from `i`: where it ends.
    fn ident(&self, i: usize) -> Option<usize> {
        let rest = self.bytes.get(i..)?;
        if !rest.first()?.is_ascii_lowercase() {
            return None;
        }
        let n = rest.iter().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'_' || **b == b'-');
        Some(i + n.count())
    }

    /// The first `}` at or after `from` that is followed by `\s+/?-->`: where the JSON ends
    /// (the regular expression's possessive attribute group stops at exactly that brace).
    fn terminator_from(&mut self, from: usize) -> Option<usize> {
        if let Some((asked, found)) = self.terminator {
            if asked <= from && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        let mut at = from;
        let found = loop {
            let Some(rel) = self.bytes.get(at..).and_then(|r| r.iter().position(|b| *b == b'}')) else { break None };
            let brace = at + rel;
            if self.ends_delimiter(brace + 1) {
                break Some(brace);
            }
            at = brace + 1;
        };
        self.terminator = Some((from, found));
        found
    }

    fn ends_delimiter(&self, i: usize) -> bool {
        let Some(mut i) = self.spaces(i) else { return false };
        if self.bytes.get(i) == Some(&b'/') {
            i += 1;
        }
        self.bytes[i..].starts_with(b"-->")
    }
}

#[cfg(test)]
mod tests;

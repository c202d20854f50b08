//! Body → blocks, in the markup WordPress 6.1's editor saves. Checked against 6.1.9's own
//! sources (Debian's `wordpress` 6.1.9: `wp-includes/js/dist/block-library.js`, the `save`
//! functions of paragraph, heading, list, list-item, quote and image, and
//! `wp-includes/js/dist/blocks.js` `getCommentDelimitedContent` / `serialize`):
//! - a block is `<!-- wp:name {attrs} -->\n` + HTML + `\n<!-- /wp:name -->`, attributes in the
//!   order of the block's `block.json`, only those that differ from their defaults;
//! - inner blocks are joined with a blank line and set right inside their parent's tags;
//! - paragraph, heading, list and list-item have `className: false` (no `wp-block-*` class in
//!   6.1), quote gets `wp-block-quote`, image `wp-block-image size-large` and its caption
//!   `wp-element-caption`, and `<img …/>` is written the way React's renderer writes it.

use banthao_core::article::schema::is_safe_href;
use banthao_core::{BodyDoc, PmMark, PmNode};
use serde_json::Value;

use super::{MissingImage, RemoteImage, CREDIT_CLASS, CREDIT_PREFIX};

type ImageOf<'a> = &'a dyn Fn(&PmNode) -> Option<RemoteImage>;

/// One serialized block per top-level node of `doc`; `image` gives the uploaded copy of a
/// figure's photo. Nodes that are not blocks (never in a valid body) are left out.
pub fn body_to_blocks(
    doc: &BodyDoc,
    image: &dyn Fn(&PmNode) -> Option<RemoteImage>,
) -> Result<Vec<String>, MissingImage> {
    let mut out = Vec::new();
    for node in doc.content.iter().flatten() {
        out.extend(block(node, image)?);
    }
    Ok(out)
}

fn block(node: &PmNode, image: ImageOf<'_>) -> Result<Option<String>, MissingImage> {
    Ok(Some(match node.node_type.as_str() {
        "paragraph" => delimited("paragraph", "", &format!("<p>{}</p>", inline_html(children(node)))),
        "heading" if attr_u64(node, "level") == Some(3) => {
            delimited("heading", r#"{"level":3}"#, &format!("<h3>{}</h3>", inline_html(children(node))))
        }
        "heading" => delimited("heading", "", &format!("<h2>{}</h2>", inline_html(children(node)))),
        "bullet_list" | "ordered_list" => list(node, image)?,
        "blockquote" => {
            let inner = blocks_of(children(node), image)?;
            delimited("quote", "", &format!("<blockquote class=\"wp-block-quote\">{inner}</blockquote>"))
        }
        "figure" => figure(node, image)?,
        "raw_block" => attr_str(node, "html").to_string(),
        _ => return Ok(None),
    }))
}

/// Inner blocks, joined as WordPress joins them.
fn blocks_of(nodes: &[PmNode], image: ImageOf<'_>) -> Result<String, MissingImage> {
    let mut out = Vec::new();
    for node in nodes {
        out.extend(block(node, image)?);
    }
    Ok(out.join("\n\n"))
}

fn delimited(name: &str, attrs: &str, html: &str) -> String {
    let attrs = if attrs.is_empty() { String::new() } else { format!("{attrs} ") };
    format!("<!-- wp:{name} {attrs}-->\n{html}\n<!-- /wp:{name} -->")
}

fn list(node: &PmNode, image: ImageOf<'_>) -> Result<String, MissingImage> {
    let order = attr_u64(node, "order").unwrap_or(1);
    let (attrs, open, close) = match node.node_type.as_str() {
        "ordered_list" if order == 1 => (r#"{"ordered":true}"#.to_string(), "<ol>".to_string(), "</ol>"),
        "ordered_list" => {
            (format!(r#"{{"ordered":true,"start":{order}}}"#), format!("<ol start=\"{order}\">"), "</ol>")
        }
        _ => (String::new(), "<ul>".to_string(), "</ul>"),
    };
    let mut items = Vec::new();
    for item in children(node) {
        // A list item is its first paragraph's text, then its other blocks as inner blocks.
        let (text, rest) = match children(item).split_first() {
            Some((first, rest)) if first.node_type == "paragraph" => (inline_html(children(first)), rest),
            _ => (String::new(), children(item)),
        };
        let inner = blocks_of(rest, image)?;
        items.push(delimited("list-item", "", &format!("<li>{text}{inner}</li>")));
    }
    Ok(delimited("list", &attrs, &format!("{open}{}{close}", items.join("\n\n"))))
}

fn figure(node: &PmNode, image: ImageOf<'_>) -> Result<String, MissingImage> {
    let media_id = node.attrs.as_ref().and_then(|a| a.get("media_id")).and_then(Value::as_i64).unwrap_or(0);
    let remote = image(node).ok_or(MissingImage { media_id })?;
    let caption = children(node).first().map(|c| inline_html(children(c))).unwrap_or_default();
    // Only the spaces HTML collapses: a credit of a no-break space is still a credit.
    let credit = attr_str(node, "credit").trim_matches([' ', '\t', '\n', '\r', '\x0c']);
    let credit = if credit.is_empty() {
        String::new()
    } else {
        format!("<span class=\"{CREDIT_CLASS}\">{CREDIT_PREFIX}{}</span>", escape_text(credit))
    };
    let space = if caption.is_empty() || credit.is_empty() { "" } else { " " };
    // WordPress leaves the figcaption out when the caption is empty.
    let figcaption = if caption.is_empty() && credit.is_empty() {
        String::new()
    } else {
        format!("<figcaption class=\"wp-element-caption\">{caption}{space}{credit}</figcaption>")
    };
    let id = remote.id;
    let html = format!(
        "<figure class=\"wp-block-image size-large\"><img src=\"{}\" alt=\"{}\" class=\"wp-image-{id}\"/>{figcaption}</figure>",
        escape_attr(&remote.url),
        escape_attr(attr_str(node, "alt")),
    );
    Ok(delimited("image", &format!(r#"{{"id":{id},"sizeSlug":"large","linkDestination":"none"}}"#), &html))
}

/// Inline nodes as HTML: marks open outermost-first in schema order (strong, em, link) and
/// stay open across nodes that share them, as ProseMirror's own serializer does.
pub(super) fn inline_html(nodes: &[PmNode]) -> String {
    let mut out = String::new();
    let mut open: Vec<&PmMark> = Vec::new();
    for node in nodes {
        let mut marks: Vec<&PmMark> = node.marks.iter().flatten().filter(|m| mark_rank(m).is_some()).collect();
        marks.sort_by_key(|m| mark_rank(m));
        let keep = open.iter().zip(&marks).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            out.push_str(close_tag(open.pop().expect("longer than keep")));
        }
        for mark in &marks[keep..] {
            out.push_str(&open_tag(mark));
            open.push(mark);
        }
        match node.node_type.as_str() {
            "text" => out.push_str(&escape_text(node.text.as_deref().unwrap_or(""))),
            "hard_break" => out.push_str("<br>"),
            _ => {}
        }
    }
    while let Some(mark) = open.pop() {
        out.push_str(close_tag(mark));
    }
    out
}

/// Schema order of the marks we write; `None` for marks we do not (unknown, or a link to an
/// address that is not http, https or mailto).
fn mark_rank(mark: &PmMark) -> Option<u8> {
    match mark.mark_type.as_str() {
        "strong" => Some(0),
        "em" => Some(1),
        "link" if is_safe_href(mark_attr(mark, "href")) => Some(2),
        _ => None,
    }
}

fn mark_attr<'a>(mark: &'a PmMark, key: &str) -> &'a str {
    mark.attrs.as_ref().and_then(|a| a.get(key)).and_then(Value::as_str).unwrap_or("")
}

fn open_tag(mark: &PmMark) -> String {
    match mark.mark_type.as_str() {
        "strong" => "<strong>".into(),
        "em" => "<em>".into(),
        _ => {
            let href = escape_attr(mark_attr(mark, "href").trim());
            match mark_attr(mark, "title") {
                "" => format!("<a href=\"{href}\">"),
                title => format!("<a href=\"{href}\" title=\"{}\">", escape_attr(title)),
            }
        }
    }
}

fn close_tag(mark: &PmMark) -> &'static str {
    match mark.mark_type.as_str() {
        "strong" => "</strong>",
        "em" => "</em>",
        _ => "</a>",
    }
}

/// Text content: `&`, `<` and `>` escaped, quotes as typed, and a no-break space as the
/// `&nbsp;` WordPress's editor writes for it (so a post it saves again stays byte for byte).
fn escape_text(s: &str) -> String {
    escape(s, false)
}

/// A double-quoted attribute value.
fn escape_attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' if !attribute => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
    out
}

fn children(node: &PmNode) -> &[PmNode] {
    node.content.as_deref().unwrap_or(&[])
}

fn attr_str<'a>(node: &'a PmNode, key: &str) -> &'a str {
    node.attrs.as_ref().and_then(|a| a.get(key)).and_then(Value::as_str).unwrap_or("")
}

fn attr_u64(node: &PmNode, key: &str) -> Option<u64> {
    node.attrs.as_ref()?.get(key)?.as_u64()
}

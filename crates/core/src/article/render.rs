//! A body as plain text (search, counts, revisions) and as HTML (export), and a body
//! made from plain text (files, the CLI).

use super::body::{BodyDoc, PmNode};

/// The empty document the editor starts with.
pub fn empty_doc() -> BodyDoc {
    PmNode { node_type: "doc".into(), attrs: None, content: Some(vec![paragraph(None)]), text: None, marks: None }
}

fn paragraph(text: Option<String>) -> PmNode {
    let content =
        text.map(|t| vec![PmNode { node_type: "text".into(), attrs: None, content: None, text: Some(t), marks: None }]);
    PmNode { node_type: "paragraph".into(), attrs: None, content, text: None, marks: None }
}

/// Plain text with blank lines between paragraphs → one paragraph each. Line breaks inside
/// a paragraph are wrapping, not structure: they become spaces.
pub fn doc_from_plain_text(text: &str) -> BodyDoc {
    let text = banthao_text::to_nfc(text).replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(paragraph(Some(current.join(" "))));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        blocks.push(paragraph(Some(current.join(" "))));
    }
    if blocks.is_empty() {
        return empty_doc();
    }
    PmNode { node_type: "doc".into(), attrs: None, content: Some(blocks), text: None, marks: None }
}

/// Text of the body, one line per block: what search indexes and counts count.
pub fn doc_to_text(doc: &BodyDoc) -> String {
    let mut out = String::new();
    write_text(doc, &mut out);
    out.trim_end().to_string()
}

fn write_text(node: &PmNode, out: &mut String) {
    match node.node_type.as_str() {
        "text" => out.push_str(node.text.as_deref().unwrap_or("")),
        "hard_break" => out.push('\n'),
        // A kept WordPress block is markup this editor cannot read: no text to search or count.
        "raw_block" => {}
        t => {
            for child in node.content.iter().flatten() {
                write_text(child, out);
            }
            if matches!(t, "paragraph" | "heading" | "figcaption") && !out.ends_with('\n') {
                out.push('\n');
            }
        }
    }
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The body as HTML. Only the schema's elements are written; all text is escaped. Each
/// figure's picture is `media/{id}-web.jpg` (the export's layout).
pub fn doc_to_html(doc: &BodyDoc) -> String {
    doc_to_html_with(doc, &HtmlParts { image_src: &|id, _| Some(format!("media/{id}-web.jpg")), raw_block: "" })
}

/// What [`doc_to_html_with`] writes for what the body only points to.
pub struct HtmlParts<'a> {
    /// A figure's picture from its photo id and its node (crop, rotation); `None` leaves the
    /// picture out. The answer is escaped.
    pub image_src: &'a dyn Fn(i64, &PmNode) -> Option<String>,
    /// Written as is where a kept WordPress block stands (the caller's markup, never the block's).
    pub raw_block: &'a str,
}

/// [`doc_to_html`] with the pictures' sources and the kept blocks' stand-in chosen by the caller.
pub fn doc_to_html_with(doc: &BodyDoc, parts: &HtmlParts) -> String {
    let mut out = String::new();
    for child in doc.content.iter().flatten() {
        write_html(child, parts, &mut out);
    }
    out
}

fn write_html(node: &PmNode, parts: &HtmlParts, out: &mut String) {
    let children = |out: &mut String| {
        for child in node.content.iter().flatten() {
            write_html(child, parts, out);
        }
    };
    let wrap = |tag: &str, out: &mut String| {
        out.push_str(&format!("<{tag}>"));
        children(out);
        out.push_str(&format!("</{tag}>"));
    };
    match node.node_type.as_str() {
        "paragraph" => wrap("p", out),
        "heading" => {
            let level = node.attrs.as_ref().and_then(|a| a.get("level")).and_then(|l| l.as_u64()).unwrap_or(2);
            wrap(if level == 3 { "h3" } else { "h2" }, out)
        }
        "blockquote" => wrap("blockquote", out),
        "bullet_list" => wrap("ul", out),
        "ordered_list" => {
            let order = node.attrs.as_ref().and_then(|a| a.get("order")).and_then(|o| o.as_u64()).unwrap_or(1);
            out.push_str(&if order == 1 { "<ol>".to_string() } else { format!("<ol start=\"{order}\">") });
            children(out);
            out.push_str("</ol>");
        }
        "list_item" => wrap("li", out),
        "figure" => {
            let attrs = node.attrs.as_ref();
            let get = |k: &str| attrs.and_then(|a| a.get(k)).and_then(|v| v.as_str()).unwrap_or("");
            let id = attrs.and_then(|a| a.get("media_id")).and_then(|v| v.as_i64()).unwrap_or(0);
            out.push_str(&format!("<figure data-media-id=\"{id}\">"));
            if let Some(src) = (parts.image_src)(id, node) {
                out.push_str(&format!("<img src=\"{}\" alt=\"{}\">", escape_html(&src), escape_html(get("alt"))));
            }
            out.push_str("<figcaption>");
            for caption in node.content.iter().flatten() {
                for inline in caption.content.iter().flatten() {
                    write_html(inline, parts, out);
                }
            }
            if !get("credit").is_empty() {
                out.push_str(&format!(" <span class=\"credit\">{}</span>", escape_html(get("credit"))));
            }
            out.push_str("</figcaption></figure>");
        }
        "hard_break" => out.push_str("<br>"),
        "text" => write_marked_text(node, out),
        // Markup we cannot check is never exported: the reader copy shows only what we wrote.
        "raw_block" => out.push_str(parts.raw_block),
        _ => children(out),
    }
}

fn write_marked_text(node: &PmNode, out: &mut String) {
    let marks = node.marks.as_deref().unwrap_or(&[]);
    let mut closers = Vec::new();
    for mark in marks {
        match mark.mark_type.as_str() {
            "strong" => {
                out.push_str("<strong>");
                closers.push("</strong>");
            }
            "em" => {
                out.push_str("<em>");
                closers.push("</em>");
            }
            "link" => {
                let attrs = mark.attrs.as_ref();
                let href = attrs.and_then(|a| a.get("href")).and_then(|h| h.as_str()).unwrap_or("");
                if super::schema::is_safe_href(href) {
                    out.push_str(&format!("<a href=\"{}\">", escape_html(href)));
                    closers.push("</a>");
                }
            }
            _ => {}
        }
    }
    out.push_str(&escape_html(node.text.as_deref().unwrap_or("")));
    for closer in closers.iter().rev() {
        out.push_str(closer);
    }
}

/// The body's text blocks (paragraphs and headings, in document order, list items and quotes
/// included), each as its plain text with hard breaks as `\n`: what the checks see and what
/// the editor maps findings back onto.
pub fn doc_blocks(doc: &BodyDoc) -> Vec<String> {
    let mut out = Vec::new();
    collect_blocks(doc, &mut out);
    out
}

fn collect_blocks(node: &PmNode, out: &mut Vec<String>) {
    if matches!(node.node_type.as_str(), "paragraph" | "heading") {
        let mut text = String::new();
        for child in node.content.iter().flatten() {
            match child.node_type.as_str() {
                "text" => text.push_str(child.text.as_deref().unwrap_or("")),
                "hard_break" => text.push('\n'),
                _ => {}
            }
        }
        out.push(text);
        return;
    }
    for child in node.content.iter().flatten() {
        collect_blocks(child, out);
    }
}

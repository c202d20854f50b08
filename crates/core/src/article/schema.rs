//! Validates a body against the editor's schema and puts its text in NFC. The same rules
//! as `ui/src/editor/schema.ts`; a body that breaks them is refused, never half-saved.

use serde_json::Value;

use super::body::{BodyDoc, PmMark, PmNode};
use crate::error::{Error, Result};

/// Nesting deeper than this is refused (no real article nests lists 40 deep).
const MAX_DEPTH: usize = 40;

#[derive(Clone, Copy, PartialEq)]
enum Content {
    Blocks,
    Inline,
    ListItems,
    ListItem,
    /// A figure holds exactly one caption.
    Figure,
    Leaf,
}

fn content_of(node_type: &str) -> Option<Content> {
    Some(match node_type {
        "doc" | "blockquote" => Content::Blocks,
        "paragraph" | "heading" | "figcaption" => Content::Inline,
        "figure" => Content::Figure,
        "bullet_list" | "ordered_list" => Content::ListItems,
        "list_item" => Content::ListItem,
        "text" | "hard_break" | "raw_block" => Content::Leaf,
        _ => return None,
    })
}

fn is_block(t: &str) -> bool {
    matches!(t, "paragraph" | "heading" | "blockquote" | "bullet_list" | "ordered_list" | "figure" | "raw_block")
}

fn is_inline(t: &str) -> bool {
    matches!(t, "text" | "hard_break")
}

fn invalid(why: impl Into<String>) -> Error {
    Error::InvalidBody(why.into())
}

/// Checks `doc` and returns it with every text in NFC, empty text nodes dropped and
/// link attributes normalised.
pub fn validate(doc: BodyDoc) -> Result<BodyDoc> {
    if doc.node_type != "doc" {
        return Err(invalid(format!("the root is '{}', not 'doc'", doc.node_type)));
    }
    let doc = normalize(doc, 0)?;
    if doc.content.as_ref().is_none_or(Vec::is_empty) {
        // An empty body is what the editor shows: one empty paragraph.
        return Ok(super::render::empty_doc());
    }
    Ok(doc)
}

fn normalize(mut node: PmNode, depth: usize) -> Result<PmNode> {
    if depth > MAX_DEPTH {
        return Err(invalid("nested too deeply"));
    }
    let kind = content_of(&node.node_type).ok_or_else(|| invalid(format!("unknown node '{}'", node.node_type)))?;
    node.attrs = check_attrs(&node)?;
    if node.node_type != "text" {
        if node.text.is_some() {
            return Err(invalid(format!("'{}' cannot hold text", node.node_type)));
        }
        if node.marks.as_ref().is_some_and(|m| !m.is_empty()) && node.node_type != "hard_break" {
            return Err(invalid(format!("'{}' cannot have marks", node.node_type)));
        }
    }
    if node.node_type == "text" {
        let text = node.text.take().unwrap_or_default();
        node.text = Some(banthao_text::to_nfc_string(&text));
        node.marks = check_marks(node.marks.take())?;
        if node.content.is_some() {
            return Err(invalid("a text node cannot have content"));
        }
        return Ok(node);
    }
    let children = node.content.take().unwrap_or_default();
    let mut out = Vec::with_capacity(children.len());
    for (i, child) in children.into_iter().enumerate() {
        let t = child.node_type.as_str();
        let allowed = match kind {
            Content::Blocks => is_block(t),
            Content::Inline => is_inline(t),
            Content::ListItems => t == "list_item",
            Content::Figure => i == 0 && t == "figcaption",
            Content::ListItem => {
                if i == 0 {
                    t == "paragraph"
                } else {
                    is_block(t)
                }
            }
            Content::Leaf => false,
        };
        if !allowed {
            return Err(invalid(format!("'{}' cannot contain '{t}'", node.node_type)));
        }
        let child = normalize(child, depth + 1)?;
        if child.node_type == "text" && child.text.as_deref() == Some("") {
            continue;
        }
        out.push(child);
    }
    let needs_child =
        matches!(kind, Content::ListItems | Content::ListItem | Content::Figure) || node.node_type == "blockquote";
    if needs_child && out.is_empty() {
        return Err(invalid(format!("'{}' is empty", node.node_type)));
    }
    node.content = if out.is_empty() { None } else { Some(out) };
    Ok(node)
}

fn check_attrs(node: &PmNode) -> Result<Option<serde_json::Map<String, Value>>> {
    let attrs = node.attrs.clone().unwrap_or_default();
    match node.node_type.as_str() {
        "heading" => match attrs.get("level").and_then(Value::as_u64) {
            Some(2 | 3) => Ok(Some(attrs)),
            _ => Err(invalid("a heading must be level 2 or 3")),
        },
        "ordered_list" => {
            let order = attrs.get("order").map_or(Some(1), Value::as_u64);
            match order {
                Some(o) => Ok(Some(serde_json::Map::from_iter([("order".into(), Value::from(o))]))),
                None => Err(invalid("an ordered list's start must be a number")),
            }
        }
        "figure" => figure_attrs(&attrs).map(Some),
        // Kept byte for byte, not NFC'd: it goes back to WordPress exactly as it came.
        "raw_block" => match attrs.get("html") {
            Some(Value::String(html)) => {
                Ok(Some(serde_json::Map::from_iter([("html".into(), Value::from(html.as_str()))])))
            }
            _ => Err(invalid("a kept WordPress block needs its HTML source")),
        },
        _ if attrs.is_empty() => Ok(node.attrs.clone()),
        // Attributes the schema does not know are dropped rather than stored.
        _ => Ok(None),
    }
}

/// `{media_id, credit, alt, crop, rotation}`: the photo, its credit and alt text (NFC), a
/// non-destructive crop (fractions of the picture, or null) and quarter turns (0–3).
fn figure_attrs(attrs: &serde_json::Map<String, Value>) -> Result<serde_json::Map<String, Value>> {
    let media_id = attrs.get("media_id").and_then(Value::as_i64).filter(|id| *id > 0);
    let Some(media_id) = media_id else { return Err(invalid("a figure needs the id of its photo")) };
    let text = |key: &str| attrs.get(key).and_then(Value::as_str).map(banthao_text::to_nfc_string).unwrap_or_default();
    let crop = match attrs.get("crop") {
        None | Some(Value::Null) => Value::Null,
        Some(Value::Object(c)) => {
            let f = |k: &str| c.get(k).and_then(Value::as_f64).filter(|v| v.is_finite() && (0.0..=1.0).contains(v));
            match (f("x"), f("y"), f("width"), f("height")) {
                (Some(x), Some(y), Some(w), Some(h))
                    if w > 0.0 && h > 0.0 && x + w <= 1.0 + 1e-6 && y + h <= 1.0 + 1e-6 =>
                {
                    serde_json::json!({"x": x, "y": y, "width": w, "height": h})
                }
                _ => return Err(invalid("a figure's crop must lie inside the picture")),
            }
        }
        Some(_) => return Err(invalid("a figure's crop must lie inside the picture")),
    };
    let rotation = attrs.get("rotation").map_or(Some(0), Value::as_u64).filter(|r| *r < 4);
    let Some(rotation) = rotation else { return Err(invalid("a figure's rotation is 0–3 quarter turns")) };
    Ok(serde_json::Map::from_iter([
        ("media_id".into(), Value::from(media_id)),
        ("credit".into(), Value::from(text("credit"))),
        ("alt".into(), Value::from(text("alt"))),
        ("crop".into(), crop),
        ("rotation".into(), Value::from(rotation)),
    ]))
}

fn check_marks(marks: Option<Vec<PmMark>>) -> Result<Option<Vec<PmMark>>> {
    let Some(marks) = marks else { return Ok(None) };
    let mut out = Vec::with_capacity(marks.len());
    for mark in marks {
        match mark.mark_type.as_str() {
            "strong" | "em" => out.push(PmMark { mark_type: mark.mark_type, attrs: None }),
            "link" => {
                let attrs = mark.attrs.unwrap_or_default();
                let href = attrs.get("href").and_then(Value::as_str).unwrap_or("");
                if !is_safe_href(href) {
                    return Err(invalid(format!("a link to '{href}' is not allowed (http, https or mailto only)")));
                }
                let title = attrs.get("title").and_then(Value::as_str).map(banthao_text::to_nfc_string);
                let mut clean = serde_json::Map::new();
                clean.insert("href".into(), Value::from(href.trim()));
                clean.insert("title".into(), title.map_or(Value::Null, Value::from));
                out.push(PmMark { mark_type: "link".into(), attrs: Some(clean) });
            }
            other => return Err(invalid(format!("unknown mark '{other}'"))),
        }
    }
    Ok(if out.is_empty() { None } else { Some(out) })
}

/// Links may point to the web or to an e-mail address; nothing else (no `javascript:`).
pub fn is_safe_href(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    h.starts_with("https://") || h.starts_with("http://") || h.starts_with("mailto:")
}

//! Shared helpers for the content tests: bodies built from JSON (checked by the core's own
//! validation), the uploaded copy of each photo, and what a round trip should give back.

mod markup;
mod pull;
mod round_trip;

use banthao_core::article::schema::validate;
use serde_json::{json, Value};

use super::*;

fn text(t: &str) -> Value {
    json!({"type": "text", "text": t})
}

fn marked(t: &str, marks: Value) -> Value {
    json!({"type": "text", "text": t, "marks": marks})
}

fn link(href: &str, title: Option<&str>) -> Value {
    json!({"type": "link", "attrs": {"href": href, "title": title}})
}

fn br() -> Value {
    json!({"type": "hard_break"})
}

fn p(content: Vec<Value>) -> Value {
    if content.is_empty() {
        return json!({"type": "paragraph"});
    }
    json!({"type": "paragraph", "content": content})
}

fn h(level: u64, content: Vec<Value>) -> Value {
    json!({"type": "heading", "attrs": {"level": level}, "content": content})
}

fn item(content: Vec<Value>) -> Value {
    json!({"type": "list_item", "content": content})
}

fn ul(items: Vec<Value>) -> Value {
    json!({"type": "bullet_list", "content": items})
}

fn ol(order: u64, items: Vec<Value>) -> Value {
    json!({"type": "ordered_list", "attrs": {"order": order}, "content": items})
}

fn quote(content: Vec<Value>) -> Value {
    json!({"type": "blockquote", "content": content})
}

fn figure(media_id: i64, alt: &str, credit: &str, caption: Vec<Value>) -> Value {
    let caption = if caption.is_empty() {
        json!({"type": "figcaption"})
    } else {
        json!({"type": "figcaption", "content": caption})
    };
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": null, "rotation": 0}, "content": [caption]})
}

fn raw(html: &str) -> Value {
    json!({"type": "raw_block", "attrs": {"html": html}})
}

/// A body, valid per the core schema and normalised as the core stores it.
fn doc(blocks: Vec<Value>) -> BodyDoc {
    let doc: BodyDoc = serde_json::from_value(json!({"type": "doc", "content": blocks})).unwrap();
    validate(doc).expect("a test body the core accepts")
}

fn node(v: Value) -> PmNode {
    serde_json::from_value(v).unwrap()
}

/// Every photo is on the site, as media `100 + id`.
fn uploaded(figure: &PmNode) -> Option<RemoteImage> {
    let id = figure.attrs.as_ref()?.get("media_id")?.as_i64()?;
    Some(RemoteImage { id: 100 + id, url: format!("http://127.0.0.1:8089/wp-content/uploads/2024/05/anh-{id}.jpg") })
}

fn content_of(doc: &BodyDoc) -> String {
    blocks_to_content(&body_to_blocks(doc, &uploaded).unwrap(), "01J0BANTHAO")
}

/// What a body's blocks should read back as: nodes as they are, figures as pulled images of
/// their uploaded copy, kept blocks as their source.
fn expected(doc: &BodyDoc) -> Vec<PulledBlock> {
    doc.content
        .iter()
        .flatten()
        .map(|n| match n.node_type.as_str() {
            "figure" => {
                let remote = uploaded(n).unwrap();
                let attr = |k: &str| n.attrs.as_ref().unwrap()[k].as_str().unwrap().to_string();
                let caption = n.content.as_ref().unwrap()[0].content.clone().unwrap_or_default();
                PulledBlock::Image(PulledImage {
                    remote_id: Some(remote.id),
                    src: remote.url,
                    alt: attr("alt"),
                    caption,
                    credit: attr("credit"),
                })
            }
            "raw_block" => PulledBlock::Raw(n.attrs.as_ref().unwrap()["html"].as_str().unwrap().to_string()),
            _ => PulledBlock::Node(n.clone()),
        })
        .collect()
}

/// Every node read back is one the core accepts unchanged.
fn assert_valid(blocks: &[PulledBlock]) {
    for block in blocks {
        if let PulledBlock::Node(n) = block {
            let d = PmNode {
                node_type: "doc".into(),
                attrs: None,
                content: Some(vec![n.clone()]),
                text: None,
                marks: None,
            };
            let valid = validate(d.clone()).unwrap_or_else(|e| panic!("{e}: {n:?}"));
            assert_eq!(valid, d, "the core would change {n:?}");
        }
    }
}

/// Nodes of the pulled blocks (panics on images and raw blocks).
fn nodes(pulled: &Pulled) -> Vec<PmNode> {
    pulled
        .blocks
        .iter()
        .map(|b| match b {
            PulledBlock::Node(n) => n.clone(),
            other => panic!("not a node: {other:?}"),
        })
        .collect()
}

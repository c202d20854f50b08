//! The article body: a ProseMirror document, validated here against the same schema the
//! editor uses before it is saved or synced, and turned into text (search, counts) and HTML.
//!
//! Schema (names as in prosemirror-schema-basic / -list):
//! - `doc`: block+
//! - blocks: `paragraph` (inline*), `heading` {level: 2|3} (inline*), `blockquote` (block+),
//!   `bullet_list` (list_item+), `ordered_list` {order} (list_item+), `list_item` (paragraph block*),
//!   `figure` {media_id, credit, alt, crop, rotation} (one `figcaption`: inline*),
//!   `raw_block` {html} (no content: a WordPress block this editor does not know, kept byte for
//!   byte and sent back unchanged)
//! - inline: `text` with marks `strong`, `em`, `link` {href, title}; `hard_break`

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// A node in ProseMirror's JSON form (`node.toJSON()`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "PmNode")]
pub struct PmNode {
    #[serde(rename = "type")]
    pub node_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub attrs: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub content: Option<Vec<PmNode>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub marks: Option<Vec<PmMark>>,
}

/// A mark in ProseMirror's JSON form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PmMark {
    #[serde(rename = "type")]
    pub mark_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub attrs: Option<Map<String, Value>>,
}

/// The body document: a `doc` node.
pub type BodyDoc = PmNode;

//! An article body ↔ a WordPress post's content.
//!
//! Out: one block per top-level body node, in the markup WordPress 6.1's block editor saves
//! itself, so posts open in WordPress without "unexpected content" warnings ([`body_to_blocks`]).
//! Back: known blocks and classic HTML become body nodes again, anything else is kept as its
//! exact source ([`content_to_body`]). What one says the other reads back unchanged, for text
//! whose spaces are as a browser shows them (no runs, none at the edge of a block or after a
//! line break): HTML collapses whitespace, so the way back does too.
//!
//! A figure's credit travels inside its caption, as the last thing in it:
//! `<figcaption class="wp-element-caption">Chú thích <span class="banthao-credit">Ảnh: Tên</span></figcaption>`
//! ("Chú thích. Ảnh: Nguyễn Văn A" is how Vietnamese papers print it). The "Ảnh: " prefix is
//! always written and exactly one is taken off on the way back, so any credit survives.

mod html;
mod inline;
mod parse;
mod render;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use banthao_core::{BodyDoc, PmNode};

pub use parse::content_to_body;
pub use render::body_to_blocks;

/// The class of the credit's `<span>` inside a caption.
pub const CREDIT_CLASS: &str = "banthao-credit";
/// What a credit reads as on the site: "Ảnh: " then the name (NFC).
pub const CREDIT_PREFIX: &str = "\u{1EA2}nh: ";

/// A photo as uploaded to the site: its media id and the URL to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteImage {
    pub id: i64,
    pub url: String,
}

/// A figure whose photo has not been uploaded yet: upload it first, then build the content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the photo {media_id} of a figure is not on the site yet")]
pub struct MissingImage {
    pub media_id: i64,
}

/// A post's content read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pulled {
    /// The article's uid, from our marker comment; `None` for a post made on the site.
    pub uid: Option<String>,
    pub blocks: Vec<PulledBlock>,
}

/// One top-level block of a post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PulledBlock {
    /// A paragraph, heading, list or quote: a body node valid per the core schema (nested
    /// blocks it cannot hold as nodes are inside it as `raw_block`s).
    Node(PmNode),
    /// An image: the caller maps it to a photo of the library and makes the figure.
    Image(PulledImage),
    /// A block this editor does not know (gallery, embed, table, columns…): its exact source,
    /// to be kept as a `raw_block` and sent back unchanged.
    Raw(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PulledImage {
    /// The site's media id, from the block's `id` or the `wp-image-N` class.
    pub remote_id: Option<i64>,
    pub src: String,
    pub alt: String,
    /// The caption's inline nodes (text with strong/em/link marks, hard breaks).
    pub caption: Vec<PmNode>,
    pub credit: String,
}

const MARKER_START: &str = "<!-- banthao:uid=";
const MARKER_END: &str = " -->";

/// The comment that names the article inside its post: `<!-- banthao:uid=UID -->`. WordPress
/// search sees comments, so a post whose creation answer was lost can be found by it. Only
/// letters, digits, `-` and `_` of the uid are kept: nothing in it can end the comment.
pub fn marker_comment(uid: &str) -> String {
    let uid: String = uid.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    format!("{MARKER_START}{uid}{MARKER_END}")
}

/// The uid in the last marker comment of `content`.
pub fn find_marker(content: &str) -> Option<String> {
    content.rmatch_indices(MARKER_START).find_map(|(at, _)| {
        let rest = &content[at + MARKER_START.len()..];
        let uid = &rest[..rest.find(MARKER_END)?];
        let plain = !uid.is_empty() && uid.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
        plain.then(|| uid.to_string())
    })
}

/// The post's content: the blocks as WordPress joins them (a blank line between two), then the
/// marker comment of the article `uid` (none when `uid` is empty).
pub fn blocks_to_content(blocks: &[String], uid: &str) -> String {
    let mut parts: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let marker = marker_comment(uid);
    if !uid.is_empty() {
        parts.push(&marker);
    }
    parts.join("\n\n")
}

/// The body as the site will read it back: what to compare with pulled versions, since HTML
/// keeps no runs of spaces (see the module's note).
pub fn body_to_pulled(
    doc: &BodyDoc,
    image: &dyn Fn(&PmNode) -> Option<RemoteImage>,
) -> Result<Vec<PulledBlock>, MissingImage> {
    Ok(content_to_body(&blocks_to_content(&body_to_blocks(doc, image)?, "")).blocks)
}

/// What a block means, for the three-way merge: equal for blocks that say the same thing
/// however their markup is spelled (attribute order, entities, spacing, `<b>` or `<strong>`).
pub fn block_key(block: &PulledBlock) -> String {
    match block {
        PulledBlock::Node(node) => format!("node:{}", canonical_json(&serde_json::to_value(node).unwrap_or_default())),
        PulledBlock::Image(image) => {
            let caption = serde_json::to_value(&image.caption).unwrap_or_default();
            let mut key = serde_json::json!({"id": image.remote_id, "alt": image.alt, "caption": caption, "credit": image.credit});
            // Without an id the address is all that tells two pictures apart.
            if image.remote_id.is_none() {
                key["src"] = Value::from(image.src.as_str());
            }
            format!("image:{}", canonical_json(&key))
        }
        PulledBlock::Raw(source) => format!("raw:{}", source.trim()),
    }
}

/// JSON with object keys sorted, so equal values give equal text whatever their key order.
fn canonical_json(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::from(k.as_str()), canonical_json(&map[k.as_str()])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical_json).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;

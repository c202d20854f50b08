//! Post content → body blocks. Known blocks become nodes when nothing of their content would
//! be lost (a quote's citation, a link around a picture: those stay as they came); formatting
//! the body has no place for (alignment, colours, anchors, `<sup>`…) is dropped, its text kept.

use std::borrow::Cow;

use banthao_core::article::schema::validate;
use banthao_core::PmNode;
use dom_query::Document;

use super::html::{Item, Walker, ITEM_TEXT_END, RAW_PLACEHOLDER};
use super::{find_marker, Pulled, PulledBlock, PulledImage};
use crate::wordpress::blocks::{parse_blocks, InnerContent, RawBlock};

/// Inner blocks read as markup with their parent; any other inner block (an image or embed in a
/// quote…) is kept inside the node as a `raw_block`.
const NESTED_TEXT: &[&str] = &["core/paragraph", "core/heading", "core/list", "core/list-item", "core/quote"];

/// Reads a post's content (`content.raw`): the article's uid from our marker, and its blocks.
pub fn content_to_body(content: &str) -> Pulled {
    let pieces = parse_blocks(content);
    // WordPress runs wpautop only on posts without blocks: only there are newlines structure.
    let classic = pieces.iter().all(|piece| piece.name.is_none());
    let mut blocks = Vec::new();
    for piece in &pieces {
        match piece.name.as_deref() {
            None => {
                let html = expand_caption_shortcodes(&piece.source);
                let items = Walker { autop: classic, raws: &[] }.convert(&html);
                blocks.extend(items.into_iter().filter_map(|item| match item {
                    // An empty element shows nothing in classic HTML; WordPress's editor wraps
                    // our marker comment in one (`<p><!-- banthao:uid=… --></p>`) when it saves.
                    Item::Node(node) if node.content.is_none() && node.node_type != "raw_block" => None,
                    Item::Node(node) => Some(PulledBlock::Node(node)),
                    Item::Image(image) => Some(PulledBlock::Image(image)),
                }));
            }
            Some(name) => {
                blocks.push(known_block(name, piece).unwrap_or_else(|| PulledBlock::Raw(piece.source.clone())))
            }
        }
    }
    Pulled { uid: find_marker(content), blocks }
}

fn known_block(name: &str, block: &RawBlock) -> Option<PulledBlock> {
    match name {
        "core/image" => image_block(block).map(PulledBlock::Image),
        "core/paragraph" => text_block(block, &["paragraph"]),
        "core/heading" => text_block(block, &["heading"]),
        "core/list" => text_block(block, &["bullet_list", "ordered_list"]),
        "core/quote" if !has_citation(block) => text_block(block, &["blockquote"]),
        _ => None,
    }
}

/// A text block read as one node of an `expected` type, valid per the core schema.
fn text_block(block: &RawBlock, expected: &[&str]) -> Option<PulledBlock> {
    let mut raws = Vec::new();
    let html = with_placeholders(block, &mut raws);
    let mut items = Walker { autop: false, raws: &raws }.convert(&html);
    let (Some(Item::Node(node)), true) = (items.pop(), items.is_empty()) else { return None };
    if !expected.contains(&node.node_type.as_str()) {
        return None;
    }
    let doc = PmNode { node_type: "doc".into(), attrs: None, content: Some(vec![node]), text: None, marks: None };
    // Anything the core would refuse to save is better kept as it came.
    let mut valid = validate(doc).ok()?.content?;
    (valid.len() == 1).then(|| PulledBlock::Node(valid.remove(0)))
}

/// The block's markup with inner blocks we cannot read as text replaced by placeholders whose
/// sources are kept in `raws`.
fn with_placeholders(block: &RawBlock, raws: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(block.inner_html.len());
    let mut text_ended = block.name.as_deref() != Some("core/list-item");
    for piece in block.inner_content() {
        if !text_ended && matches!(piece, InnerContent::Block(_)) {
            out.push_str(&format!("<{ITEM_TEXT_END}></{ITEM_TEXT_END}>"));
            text_ended = true;
        }
        match piece {
            InnerContent::Html(html) => out.push_str(html),
            InnerContent::Block(child) if reads_as_text(child) => out.push_str(&with_placeholders(child, raws)),
            InnerContent::Block(child) => {
                out.push_str(&format!("<{RAW_PLACEHOLDER} data-i=\"{}\"></{RAW_PLACEHOLDER}>", raws.len()));
                raws.push(child.source.clone());
            }
        }
    }
    out
}

fn reads_as_text(block: &RawBlock) -> bool {
    let name = block.name.as_deref().unwrap_or("");
    NESTED_TEXT.contains(&name) && !(name == "core/quote" && has_citation(block))
}

/// A quote's citation has no place in the body's blockquote.
fn has_citation(block: &RawBlock) -> bool {
    let html = block.own_html();
    if !html.to_ascii_lowercase().contains("<cite") {
        return false;
    }
    let doc = Document::fragment(html);
    let cited = doc.select("cite").nodes().iter().any(|cite| !cite.text().trim().is_empty());
    cited
}

/// An image block: the picture, its caption and credit. A link around the picture (or no
/// picture at all) keeps the block as it came.
fn image_block(block: &RawBlock) -> Option<PulledImage> {
    if !block.inner.is_empty() {
        return None;
    }
    let doc = Document::fragment(block.own_html());
    let figure =
        doc.select("figure").nodes().first().cloned().or_else(|| doc.select("img").nodes().first().cloned())?;
    let linked = doc.select("a img").exists();
    if linked {
        return None;
    }
    let mut image = Walker { autop: false, raws: &[] }.image(&figure)?;
    if let Some(id) = block.attrs.get("id").and_then(|id| id.as_i64()).filter(|id| *id > 0) {
        image.remote_id = Some(id);
    }
    Some(image)
}

/// Classic content's `[caption …]<img …> Chú thích[/caption]` read as a figure: the picture,
/// and the text beside it as the caption.
fn expand_caption_shortcodes(html: &str) -> Cow<'_, str> {
    const OPEN: &str = "[caption";
    const CLOSE: &str = "[/caption]";
    if !html.contains(OPEN) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let body = after
            .starts_with([' ', ']'])
            .then(|| after.find(']'))
            .flatten()
            .and_then(|end| Some((end + 1, after[end + 1..].find(CLOSE)?)));
        let Some((start, len)) = body else {
            out.push_str(&rest[..at + OPEN.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..at]);
        out.push_str("<figure>");
        out.push_str(&after[start..start + len]);
        out.push_str("</figure>");
        rest = &after[start + len + CLOSE.len()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

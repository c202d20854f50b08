//! The body's text blocks in reading order: paragraphs, headings and figure captions (inside
//! lists and quotes too). Note anchors and the "what changed" diff address text by
//! (block, character offset) in this list, which is the order the editor walks its textblocks.

use super::body::{BodyDoc, PmNode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    /// A figure's caption (figcaption).
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    pub kind: BlockKind,
    /// The block's text; a hard break is one `\n` (one position in the editor too).
    pub text: String,
}

pub fn text_blocks(doc: &BodyDoc) -> Vec<TextBlock> {
    let mut out = Vec::new();
    walk(doc, &mut Vec::new(), &mut |node, kind, _| out.push(TextBlock { kind, text: block_text(node) }));
    out
}

/// Where each text block is: its child-index path from the root, in the same order.
pub fn text_block_paths(doc: &BodyDoc) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    walk(doc, &mut Vec::new(), &mut |_, _, path| out.push(path.to_vec()));
    out
}

/// The one walk both lists come from, so a block's index means the same in each.
fn walk(node: &PmNode, path: &mut Vec<usize>, found: &mut impl FnMut(&PmNode, BlockKind, &[usize])) {
    let kind = match node.node_type.as_str() {
        "paragraph" => BlockKind::Paragraph,
        "heading" => BlockKind::Heading,
        "figcaption" => BlockKind::Caption,
        "raw_block" | "text" | "hard_break" => return,
        _ => {
            for (i, child) in node.content.iter().flatten().enumerate() {
                path.push(i);
                walk(child, path, found);
                path.pop();
            }
            return;
        }
    };
    found(node, kind, path);
}

/// A text block's text as the checks and notes read it: text as it is, hard breaks as "\n".
pub(crate) fn block_text(node: &PmNode) -> String {
    let mut text = String::new();
    for inline in node.content.iter().flatten() {
        match inline.node_type.as_str() {
            "text" => text.push_str(inline.text.as_deref().unwrap_or("")),
            "hard_break" => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paragraphs_captions_and_list_items_in_reading_order() {
        let doc: BodyDoc = serde_json::from_value(json!({"type": "doc", "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "Một"}, {"type": "hard_break"},
                                              {"type": "text", "text": "hai", "marks": [{"type": "em"}]}]},
            {"type": "figure", "attrs": {"media_id": 1}, "content": [
                {"type": "figcaption", "content": [{"type": "text", "text": "Chú thích"}]}]},
            {"type": "raw_block", "attrs": {"html": "<hr>"}},
            {"type": "bullet_list", "content": [{"type": "list_item", "content": [
                {"type": "paragraph", "content": [{"type": "text", "text": "Ý một"}]}]}]},
            {"type": "heading", "attrs": {"level": 2}}
        ]}))
        .unwrap();
        let blocks = text_blocks(&doc);
        let texts: Vec<_> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Paragraph, "Một\nhai"),
                (BlockKind::Caption, "Chú thích"),
                (BlockKind::Paragraph, "Ý một"),
                (BlockKind::Heading, ""),
            ]
        );
    }
}

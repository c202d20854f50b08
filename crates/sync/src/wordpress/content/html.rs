//! HTML → body items: the markup of known blocks and classic (freeform) content, read with
//! html5ever (through dom_query) so entities, implied end tags and odd nesting are handled as
//! a browser handles them.
//!
//! p, h1–h6, ul/ol/li, blockquote, figure/img, br, strong/b, em/i and a are understood; div and
//! other block containers are unwrapped, unknown inline elements keep their text, scripts,
//! styles and comments are dropped. A picture inside a list or a quote is lifted out after it
//! (a body node cannot hold a photo that is not yet in the library).

use banthao_core::article::schema::is_safe_href;
use banthao_core::{PmMark, PmNode};
use dom_query::{Document, NodeRef};
use serde_json::{Map, Value};

use super::inline::{element, link_mark, simple_mark, with_mark, Run};
use super::{PulledImage, CREDIT_CLASS, CREDIT_PREFIX};

/// The element that stands for an inner block kept as it is (see `parse`).
pub(super) const RAW_PLACEHOLDER: &str = "banthao-raw";
/// Where a list item block's own text ends and its inner blocks begin (see `parse`): an empty
/// first paragraph followed by another paragraph is then read back as two.
pub(super) const ITEM_TEXT_END: &str = "banthao-item-text-end";

/// Lists and quotes nested deeper than this are unwrapped (the schema refuses depth 40).
const MAX_NESTING: usize = 12;
/// Elements nested deeper than this count only for their text (html5ever has no limit).
const MAX_DEPTH: usize = 200;

pub(super) enum Item {
    Node(PmNode),
    Image(PulledImage),
}

/// What loose inline content makes when it is cut (by a block, a picture, the end).
#[derive(Clone, Copy, PartialEq)]
enum TextKind {
    /// Between blocks: paragraphs, none when empty.
    Loose,
    Paragraph,
    Heading(u64),
    /// A caption: one line of inline content, never cut.
    Caption,
}

/// Inline content being gathered, and the items made so far.
struct Sink {
    kind: TextKind,
    run: Run,
    out: Vec<Item>,
}

impl Sink {
    fn new(kind: TextKind, autop: bool) -> Sink {
        Sink { kind, run: Run::new(autop), out: Vec::new() }
    }

    /// The text gathered so far becomes blocks of this sink's kind.
    fn cut(&mut self) {
        let parts = match self.kind {
            TextKind::Caption => return,
            TextKind::Heading(_) => vec![self.run.take_inline()],
            TextKind::Loose | TextKind::Paragraph => self.run.take_parts(),
        };
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            self.out.push(Item::Node(self.block(part)));
        }
    }

    fn block(&self, content: Vec<PmNode>) -> PmNode {
        match self.kind {
            TextKind::Heading(level) => {
                element("heading", Some(Map::from_iter([("level".to_string(), Value::from(level))])), content)
            }
            _ => element("paragraph", None, content),
        }
    }
}

pub(super) struct Walker<'a> {
    /// Classic content: newlines are paragraphs and line breaks (wpautop).
    pub autop: bool,
    /// Sources of inner blocks replaced by placeholders, by index.
    pub raws: &'a [String],
}

impl Walker<'_> {
    pub fn convert(&self, html: &str) -> Vec<Item> {
        let doc = Document::fragment(html);
        self.blocks(&doc.root(), 0)
    }

    /// The children of a block container, as blocks; loose inline content makes paragraphs.
    fn blocks(&self, parent: &NodeRef, depth: usize) -> Vec<Item> {
        let mut sink = Sink::new(TextKind::Loose, self.autop);
        for child in parent.children_it(false) {
            self.block_child(&child, depth, &mut sink);
        }
        sink.cut();
        sink.out
    }

    fn block_child(&self, node: &NodeRef, depth: usize, sink: &mut Sink) {
        if node.is_text() {
            sink.run.text(&node.text(), &[]);
            return;
        }
        let Some(tag) = tag_of(node) else { return };
        if depth > MAX_DEPTH {
            sink.run.text(&node.text(), &[]);
            return;
        }
        match tag.as_str() {
            "br" => sink.run.hard_break(&[]),
            t if is_dropped(t) => {}
            t if !is_structure(t) => self.inline_node(node, depth, &[], sink),
            _ => {
                sink.cut();
                self.block(node, &tag, depth + 1, &mut sink.out);
            }
        }
    }

    /// A block-level element, after the text before it has been cut.
    fn block(&self, node: &NodeRef, tag: &str, depth: usize, out: &mut Vec<Item>) {
        match tag {
            "p" => self.text_block(node, depth, TextKind::Paragraph, out),
            "h1" | "h2" => self.text_block(node, depth, TextKind::Heading(2), out),
            "h3" | "h4" | "h5" | "h6" => self.text_block(node, depth, TextKind::Heading(3), out),
            "ul" | "ol" | "blockquote" if nesting(node) >= MAX_NESTING => out.extend(self.blocks(node, depth)),
            "ul" | "ol" => self.list(node, depth, tag == "ol", out),
            "blockquote" => {
                let (nodes, images) = split(self.blocks(node, depth));
                if !nodes.is_empty() {
                    out.push(Item::Node(element("blockquote", None, nodes)));
                }
                out.extend(images.into_iter().map(Item::Image));
            }
            "figure" | "img" => match self.image(node) {
                Some(image) => out.push(Item::Image(image)),
                None => out.extend(self.blocks(node, depth)),
            },
            ITEM_TEXT_END if out.is_empty() => out.push(Item::Node(element("paragraph", None, Vec::new()))),
            ITEM_TEXT_END => {}
            RAW_PLACEHOLDER => {
                if let Some(html) = self.raw(node) {
                    let attrs = Map::from_iter([("html".to_string(), Value::from(html))]);
                    out.push(Item::Node(element("raw_block", Some(attrs), Vec::new())));
                }
            }
            _ => out.extend(self.blocks(node, depth)),
        }
    }

    /// A paragraph or heading element: its inline content (a picture inside cuts it). An
    /// empty one is kept as an empty block, as the editor shows it.
    fn text_block(&self, node: &NodeRef, depth: usize, kind: TextKind, out: &mut Vec<Item>) {
        let mut own = Sink::new(kind, self.autop);
        self.inline(node, depth, &[], &mut own);
        own.cut();
        if own.out.is_empty() {
            own.out.push(Item::Node(own.block(Vec::new())));
        }
        out.extend(own.out);
    }

    fn list(&self, node: &NodeRef, depth: usize, ordered: bool, out: &mut Vec<Item>) {
        let mut items = Vec::new();
        let mut lifted = Vec::new();
        for child in node.children_it(false) {
            let is_li = tag_of(&child).as_deref() == Some("li");
            let blank = if child.is_text() { child.text().trim().is_empty() } else { !child.is_element() };
            if blank {
                continue;
            }
            // Anything else directly inside the list is read as an item of its own.
            let found = if is_li {
                self.blocks(&child, depth)
            } else {
                let mut sink = Sink::new(TextKind::Loose, self.autop);
                self.block_child(&child, depth, &mut sink);
                sink.cut();
                sink.out
            };
            let (mut nodes, images) = split(found);
            lifted.extend(images);
            if nodes.first().is_none_or(|n| n.node_type != "paragraph") {
                nodes.insert(0, element("paragraph", None, Vec::new()));
            }
            items.push(element("list_item", None, nodes));
        }
        if !items.is_empty() {
            let (kind, attrs) = if ordered {
                let start = node.attr("start").and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(1);
                ("ordered_list", Some(Map::from_iter([("order".to_string(), Value::from(start))])))
            } else {
                ("bullet_list", None)
            };
            out.push(Item::Node(element(kind, attrs, items)));
        }
        out.extend(lifted.into_iter().map(Item::Image));
    }

    /// The children of `node` as inline content, with the marks of the elements around them.
    fn inline(&self, node: &NodeRef, depth: usize, marks: &[PmMark], sink: &mut Sink) {
        for child in node.children_it(false) {
            self.inline_node(&child, depth, marks, sink);
        }
    }

    fn inline_node(&self, node: &NodeRef, depth: usize, marks: &[PmMark], sink: &mut Sink) {
        if node.is_text() {
            sink.run.text(&node.text(), marks);
            return;
        }
        let Some(tag) = tag_of(node) else { return };
        if depth > MAX_DEPTH {
            sink.run.text(&node.text(), marks);
            return;
        }
        let depth = depth + 1;
        let caption = sink.kind == TextKind::Caption;
        match tag.as_str() {
            "br" => sink.run.hard_break(marks),
            "strong" | "b" => self.inline(node, depth, &with_mark(marks, simple_mark("strong")), sink),
            "em" | "i" => self.inline(node, depth, &with_mark(marks, simple_mark("em")), sink),
            "a" => {
                // An unsafe link keeps its text and loses the link.
                let href = node.attr("href").map(|h| h.to_string()).unwrap_or_default();
                let title = node.attr("title").map(|t| t.to_string());
                let marks = if is_safe_href(&href) {
                    with_mark(marks, link_mark(&href, title.as_deref()))
                } else {
                    marks.to_vec()
                };
                self.inline(node, depth, &marks, sink);
            }
            t if is_dropped(t) => {}
            // In a caption: the picture is not text, and the credit is read on its own.
            "img" | "figure" | RAW_PLACEHOLDER | ITEM_TEXT_END if caption => {}
            _ if caption && node.has_class(CREDIT_CLASS) => {}
            t if is_structure(t) && !caption => {
                // A block inside inline content cuts the text before it.
                sink.cut();
                self.block(node, t, depth, &mut sink.out);
            }
            _ => self.inline(node, depth, marks, sink),
        }
    }

    fn raw(&self, node: &NodeRef) -> Option<String> {
        let index: usize = node.attr("data-i")?.parse().ok()?;
        self.raws.get(index).cloned()
    }

    /// A picture: `<figure>` with an `<img>` (caption from its `<figcaption>`, or from the
    /// text beside the picture, as a `[caption]` shortcode leaves it), or a bare `<img>`.
    pub fn image(&self, node: &NodeRef) -> Option<PulledImage> {
        let img = if tag_of(node).as_deref() == Some("img") { *node } else { find(node, "img")? };
        let src = img.attr("src").map(|s| s.trim().to_string()).filter(|s| !s.is_empty())?;
        let alt = img.attr("alt").map(|a| banthao_text::to_nfc_string(&a)).unwrap_or_default();
        let remote_id = img.attr("class").and_then(|c| c.split_whitespace().find_map(wp_image_id));
        let mut image = PulledImage { remote_id, src, alt, caption: Vec::new(), credit: String::new() };
        if tag_of(node).as_deref() == Some("figure") {
            let caption_root = find(node, "figcaption").unwrap_or(*node);
            (image.caption, image.credit) = self.caption(&caption_root);
        }
        Some(image)
    }

    /// A caption's inline content without the picture, and the credit taken out of it.
    fn caption(&self, root: &NodeRef) -> (Vec<PmNode>, String) {
        let credit = root.descendants_it().find(|n| n.has_class(CREDIT_CLASS)).map(|c| credit_of(&c.text()));
        let mut sink = Sink::new(TextKind::Caption, self.autop);
        self.inline(root, 0, &[], &mut sink);
        (sink.run.take_inline(), credit.unwrap_or_default())
    }
}

fn split(items: Vec<Item>) -> (Vec<PmNode>, Vec<PulledImage>) {
    let mut nodes = Vec::new();
    let mut images = Vec::new();
    for item in items {
        match item {
            Item::Node(n) => nodes.push(n),
            Item::Image(i) => images.push(i),
        }
    }
    (nodes, images)
}

/// The credit's text: spaces as shown, NFC, one "Ảnh:" prefix taken off.
fn credit_of(text: &str) -> String {
    let text = banthao_text::to_nfc_string(&text.split_ascii_whitespace().collect::<Vec<_>>().join(" "));
    let prefix = CREDIT_PREFIX.trim_end();
    // Only the space after "Ảnh:": a credit may well be a no-break space.
    text.strip_prefix(prefix).map_or(text.as_str(), |rest| rest.strip_prefix(' ').unwrap_or(rest)).to_string()
}

/// `wp-image-123` → 123.
pub(super) fn wp_image_id(class: &str) -> Option<i64> {
    class.strip_prefix("wp-image-")?.parse().ok().filter(|id| *id > 0)
}

fn tag_of(node: &NodeRef) -> Option<String> {
    if !node.is_element() {
        return None;
    }
    node.node_name().map(|n| n.to_ascii_lowercase())
}

fn find<'a>(node: &NodeRef<'a>, tag: &str) -> Option<NodeRef<'a>> {
    node.descendants_it().find(|n| tag_of(n).as_deref() == Some(tag))
}

/// How many lists and quotes hold this element.
fn nesting(node: &NodeRef) -> usize {
    node.ancestors_it(None).filter(|a| matches!(tag_of(a).as_deref(), Some("ul" | "ol" | "blockquote"))).count()
}

/// Elements whose content is not text of the article.
#[rustfmt::skip]
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "embed", "video", "audio", "canvas", "svg", "math",
    "head", "title", "meta", "link", "base", "input", "select", "textarea", "button", "source", "track", "map", "area",
    "param",
];

/// Elements that start a block of their own (the rest are inline).
#[rustfmt::skip]
const BLOCK_LEVEL: &[&str] = &[
    "html", "body", "address", "article", "aside", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "footer", "form", "header", "hgroup", "hr", "li", "main", "nav", "pre", "section", "summary", "menu",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "blockquote",
];

fn is_dropped(tag: &str) -> bool {
    DROPPED.contains(&tag)
}

/// Elements that make blocks of their own, pictures and kept blocks included.
fn is_structure(tag: &str) -> bool {
    BLOCK_LEVEL.contains(&tag) || matches!(tag, "img" | "figure" | RAW_PLACEHOLDER | ITEM_TEXT_END)
}

//! Parsed paragraphs → headline, sapo and a ProseMirror body (the schema in `article/body.rs`).
//!
//! The choices, made to keep what the writer meant and to guess as little as possible:
//! - **Headline**: the first paragraph in the `Title` style, wherever it is; without one, the
//!   first paragraph if it is a heading. It leaves the body.
//! - **Sapo**: only the paragraph right after that headline, and only if it is styled as a
//!   subtitle or lead (`Subtitle`, `Lead`, `Sapo`, `Intro`, `Standfirst`) or every letter of it
//!   is bold. Anything else stays in the body: a missing sapo is typed in a second, a body
//!   paragraph wrongly taken out is easy to miss.
//! - **Headings**: Word's levels 1–2 become h2, 3 and below h3 (the headline is the page's h1);
//!   a second `Title` paragraph becomes an h2.
//! - **Captions**, for each picture that was imported, in this order: the text of the frame
//!   (text box) around the picture; else the paragraph right after it if it has a caption
//!   style (`Caption`, LibreOffice's `Figure`/`Illustration`/`Drawing`); else that paragraph if
//!   it is *short* (see [`SHORT_CAPTION_CHARS`]) and a plain paragraph that is not part of a list
//!   or table and does not continue text the picture sat in; else a caption-styled paragraph
//!   right before the picture (Word can put captions above); else the caption in the photo's
//!   own metadata (IPTC/XMP), as the photo import prefills it. A paragraph taken as a caption
//!   leaves the body. Credit comes from the photo's metadata (credit, else by-line), alt text
//!   from Word's description of the picture.

use serde_json::{json, Map, Value};
use std::collections::HashMap;

use super::model::{trim_inlines, ImageRef, Inline, Para};
use super::styles::{ListKind, ParaKind};
use crate::article::body::{BodyDoc, PmMark, PmNode};
use crate::media::model::MediaItem;

/// A paragraph right after a picture is taken as its caption (when it has no caption style)
/// only if it has at most this many characters: a caption line, not a paragraph of the story.
pub const SHORT_CAPTION_CHARS: usize = 160;

/// What the mapping made.
pub(super) struct Mapped {
    pub headline: String,
    pub sapo: String,
    pub body: BodyDoc,
    pub figures: u32,
}

enum Item {
    Para { para: Para, inlines: Vec<Inline>, after_picture: bool },
    Figure { media: Box<MediaItem>, alt: String, caption: Vec<Inline> },
}

/// The pictures the paragraphs show, by relationship id, in reading order, each once.
pub(super) fn image_rels(paras: &[Para]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in paras {
        for inline in &para.inlines {
            if let Inline::Image(ImageRef { rel, .. }) = inline {
                if !out.contains(rel) {
                    out.push(rel.clone());
                }
            }
        }
    }
    out
}

pub(super) fn map(paras: Vec<Para>, photos: &HashMap<String, MediaItem>) -> Mapped {
    let mut items = split_at_pictures(paras, photos);
    let (headline, sapo) = take_headline(&mut items);
    attach_captions(&mut items);
    let figures = items.iter().filter(|i| matches!(i, Item::Figure { .. })).count() as u32;
    let body = PmNode { node_type: "doc".into(), attrs: None, content: Some(blocks(items)), text: None, marks: None };
    Mapped { headline, sapo, body, figures }
}

/// A paragraph holding pictures becomes text / figure / text; empty paragraphs go.
fn split_at_pictures(paras: Vec<Para>, photos: &HashMap<String, MediaItem>) -> Vec<Item> {
    let mut items = Vec::with_capacity(paras.len());
    for mut para in paras {
        let inlines = std::mem::take(&mut para.inlines);
        let mut part: Vec<Inline> = Vec::new();
        let mut after_picture = false;
        for inline in inlines {
            match inline {
                Inline::Image(img) => {
                    let Some(media) = photos.get(&img.rel) else { continue };
                    push_para(&mut items, &para, std::mem::take(&mut part), after_picture);
                    after_picture = true;
                    let caption = trim_inlines(img.frame_caption);
                    items.push(Item::Figure { media: Box::new(media.clone()), alt: img.alt, caption });
                }
                other => part.push(other),
            }
        }
        push_para(&mut items, &para, part, after_picture);
    }
    items
}

fn push_para(items: &mut Vec<Item>, para: &Para, inlines: Vec<Inline>, after_picture: bool) {
    let inlines = trim_inlines(inlines);
    if !inlines.is_empty() {
        items.push(Item::Para { para: para.clone(), inlines, after_picture });
    }
}

fn take_headline(items: &mut Vec<Item>) -> (String, String) {
    let is_kind = |item: &Item, want: fn(ParaKind) -> bool| matches!(item, Item::Para { para, .. } if want(para.kind));
    let at = items
        .iter()
        .position(|i| is_kind(i, |k| k == ParaKind::Title))
        .or_else(|| items.first().filter(|i| is_kind(i, |k| matches!(k, ParaKind::Heading(_)))).map(|_| 0));
    let Some(at) = at else { return (String::new(), String::new()) };
    let Item::Para { inlines, .. } = items.remove(at) else { return (String::new(), String::new()) };
    let headline = plain_text(&inlines);
    let is_sapo = match items.get(at) {
        Some(Item::Para { para, after_picture: false, .. }) => {
            para.list.is_none()
                && !para.table_row
                && (matches!(para.kind, ParaKind::Subtitle | ParaKind::Lead)
                    || (para.kind == ParaKind::Normal && para.all_bold))
        }
        _ => false,
    };
    let sapo = match is_sapo {
        true => match items.remove(at) {
            Item::Para { inlines, .. } => plain_text(&inlines),
            Item::Figure { .. } => String::new(),
        },
        false => String::new(),
    };
    (headline, sapo)
}

fn attach_captions(items: &mut Vec<Item>) {
    let mut i = 0;
    while i < items.len() {
        let needs = matches!(&items[i], Item::Figure { caption, .. } if caption.is_empty());
        if needs {
            let after = match items.get(i + 1) {
                Some(Item::Para { para, inlines, after_picture: false }) if para.list.is_none() && !para.table_row => {
                    para.kind == ParaKind::Caption
                        || (para.kind == ParaKind::Normal && plain_text(inlines).chars().count() <= SHORT_CAPTION_CHARS)
                }
                _ => false,
            };
            let before = !after
                && i > 0
                && matches!(&items[i - 1], Item::Para { para, .. } if para.kind == ParaKind::Caption && para.list.is_none());
            let taken = if after {
                Some(items.remove(i + 1))
            } else if before {
                i -= 1;
                Some(items.remove(i))
            } else {
                None
            };
            if let (Some(Item::Para { inlines, .. }), Item::Figure { caption, .. }) = (taken, &mut items[i]) {
                *caption = inlines;
            }
        }
        i += 1;
    }
}

/// The body blocks: paragraphs and headings, figures, list items grouped into lists.
fn blocks(items: Vec<Item>) -> Vec<PmNode> {
    let mut out = Vec::new();
    let mut list: Vec<(String, u8, ListKind, Vec<Inline>)> = Vec::new();
    for item in items {
        match item {
            Item::Para { para, inlines, .. } if para.list.is_some() => {
                if let Some((id, level, kind)) = para.list {
                    list.push((id, level, kind, inlines));
                }
            }
            Item::Para { para, inlines, .. } => {
                flush_list(&mut list, &mut out);
                out.push(match para.kind {
                    ParaKind::Heading(level) => heading(if level <= 2 { 2 } else { 3 }, inlines),
                    ParaKind::Title => heading(2, inlines),
                    _ => node("paragraph", None, inline_nodes(inlines)),
                });
            }
            Item::Figure { media, alt, caption } => {
                flush_list(&mut list, &mut out);
                out.push(figure(&media, &alt, caption));
            }
        }
    }
    flush_list(&mut list, &mut out);
    out
}

fn flush_list(list: &mut Vec<(String, u8, ListKind, Vec<Inline>)>, out: &mut Vec<PmNode>) {
    let items = std::mem::take(list);
    let mut i = 0;
    while i < items.len() {
        let level = items[i].1;
        out.push(build_list(&items, &mut i, level));
    }
}

/// One list from `items[*i]` at `level`: deeper items nest in the item before them; a change
/// of kind or numbering at this level starts a new list.
fn build_list(items: &[(String, u8, ListKind, Vec<Inline>)], i: &mut usize, level: u8) -> PmNode {
    let (num_id, _, kind, _) = &items[*i];
    let mut list_items: Vec<PmNode> = Vec::new();
    while let Some((id, item_level, item_kind, inlines)) = items.get(*i) {
        if *item_level < level {
            break;
        }
        if *item_level > level {
            let nested = build_list(items, i, *item_level);
            match list_items.last_mut() {
                Some(last) => last.content.get_or_insert_with(Vec::new).push(nested),
                None => list_items.push(node("list_item", None, vec![node("paragraph", None, vec![]), nested])),
            }
            continue;
        }
        let same = id == num_id && std::mem::discriminant(item_kind) == std::mem::discriminant(kind);
        if !same && !list_items.is_empty() {
            break;
        }
        list_items.push(node("list_item", None, vec![node("paragraph", None, inline_nodes(inlines.clone()))]));
        *i += 1;
    }
    match kind {
        ListKind::Bullet => node("bullet_list", None, list_items),
        ListKind::Ordered(start) => {
            node("ordered_list", Some(Map::from_iter([("order".into(), json!(start))])), list_items)
        }
    }
}

fn node(node_type: &str, attrs: Option<Map<String, Value>>, content: Vec<PmNode>) -> PmNode {
    PmNode {
        node_type: node_type.into(),
        attrs,
        content: if content.is_empty() { None } else { Some(content) },
        text: None,
        marks: None,
    }
}

fn heading(level: u8, inlines: Vec<Inline>) -> PmNode {
    node("heading", Some(Map::from_iter([("level".into(), json!(level))])), inline_nodes(inlines))
}

fn figure(media: &MediaItem, alt: &str, caption: Vec<Inline>) -> PmNode {
    let credit = if media.credit.trim().is_empty() { media.by_line.trim() } else { media.credit.trim() };
    let caption = if caption.is_empty() && !media.caption.trim().is_empty() {
        vec![PmNode {
            node_type: "text".into(),
            attrs: None,
            content: None,
            text: Some(media.caption.trim().into()),
            marks: None,
        }]
    } else {
        inline_nodes(caption)
    };
    let attrs = Map::from_iter([
        ("media_id".into(), json!(media.id)),
        ("credit".into(), json!(credit)),
        ("alt".into(), json!(alt.trim())),
        ("crop".into(), Value::Null),
        ("rotation".into(), json!(0)),
    ]);
    node("figure", Some(attrs), vec![node("figcaption", None, caption)])
}

fn inline_nodes(inlines: Vec<Inline>) -> Vec<PmNode> {
    inlines
        .into_iter()
        .filter_map(|inline| match inline {
            Inline::Break => Some(node("hard_break", None, vec![])),
            Inline::Text(seg) if !seg.text.is_empty() => {
                let mut marks = Vec::new();
                if seg.bold {
                    marks.push(PmMark { mark_type: "strong".into(), attrs: None });
                }
                if seg.italic {
                    marks.push(PmMark { mark_type: "em".into(), attrs: None });
                }
                if let Some(href) = seg.link {
                    let attrs = Map::from_iter([("href".into(), json!(href)), ("title".into(), Value::Null)]);
                    marks.push(PmMark { mark_type: "link".into(), attrs: Some(attrs) });
                }
                Some(PmNode {
                    node_type: "text".into(),
                    attrs: None,
                    content: None,
                    text: Some(seg.text),
                    marks: if marks.is_empty() { None } else { Some(marks) },
                })
            }
            _ => None,
        })
        .collect()
}

/// Plain text for a field (headline, sapo): breaks become spaces, runs of spaces one.
fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(seg) => s.push_str(&seg.text),
            _ => s.push(' '),
        }
    }
    banthao_text::to_nfc_string(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

//! Figures in a body: which photos they show, and whether each is ready to publish.

use super::body::{BodyDoc, PmNode};

fn figures(node: &PmNode, out: &mut Vec<PmNode>) {
    if node.node_type == "figure" {
        out.push(node.clone());
        return;
    }
    for child in node.content.iter().flatten() {
        figures(child, out);
    }
}

fn all(doc: &BodyDoc) -> Vec<PmNode> {
    let mut out = Vec::new();
    figures(doc, &mut out);
    out
}

pub fn figure_media_ids(doc: &BodyDoc) -> Vec<i64> {
    all(doc).iter().filter_map(|f| f.attrs.as_ref()?.get("media_id")?.as_i64()).collect()
}

/// Each figure's caption as the checks read it (text, hard breaks as "\n"), in reading order:
/// index i is figure i, whose caption may be empty.
pub fn figure_captions(doc: &BodyDoc) -> Vec<String> {
    all(doc)
        .iter()
        .map(|figure| {
            let caption = figure.content.iter().flatten().find(|c| c.node_type == "figcaption");
            caption.map(super::blocks::block_text).unwrap_or_default()
        })
        .collect()
}

/// Indexes (0-based, in reading order) of figures missing a caption, a credit or alt text:
/// the check before an article is submitted.
pub fn incomplete_figures(doc: &BodyDoc) -> Vec<usize> {
    all(doc)
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let attr = |k: &str| f.attrs.as_ref().and_then(|a| a.get(k)).and_then(|v| v.as_str()).unwrap_or("");
            let caption = super::render::doc_to_text(f);
            caption.trim().is_empty() || attr("credit").trim().is_empty() || attr("alt").trim().is_empty()
        })
        .map(|(i, _)| i)
        .collect()
}

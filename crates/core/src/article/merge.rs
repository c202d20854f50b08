//! Merging an open editor's unsaved edit with a version saved elsewhere meanwhile (the CLI, a
//! pull, a handover file): three-way against the version the editor started from, fields one
//! by one and the body block by block. What both changed differently is a conflict a person
//! settles side by side; nothing is overwritten unseen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::body::PmNode;
use super::model::{Article, ArticlePatch};
use super::render::doc_to_text;
use crate::merge::{merge3, Chunk, ConflictChooser};
use crate::sync::{ConflictHunk, ConflictSide};

/// The result of merging an edit: the patch to save (based on the stored version) and the
/// conflicts, each filled with the editor's side unless a choice was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditMerge {
    pub patch: ArticlePatch,
    pub conflicts: Vec<ConflictHunk>,
}

/// A block's meaning: its JSON (object keys sorted, so equal nodes give equal text).
fn key(node: &PmNode) -> String {
    serde_json::to_string(node).expect("a node serializes")
}

fn blocks(a: &Article) -> Vec<PmNode> {
    a.body.content.clone().unwrap_or_default()
}

/// Merges `local` (the editor's article now) and `stored` (saved elsewhere), both from `base`.
/// `choices` settle the conflicts in order; without them the editor's side fills each.
pub fn merge_edit(base: &Article, local: &Article, stored: &Article, choices: Option<&[ConflictSide]>) -> EditMerge {
    let mut c = ConflictChooser::new(choices);
    let text = |s: &String| s.clone();
    let headline = c.field("headline", &base.headline, &local.headline, &stored.headline, text);
    let sapo = c.field("sapo", &base.sapo, &local.sapo, &stored.sapo, text);
    let section = c.field("section", &base.section, &local.section, &stored.section, text);
    let keywords = c.field("keywords", &base.keywords, &local.keywords, &stored.keywords, |k| k.join(", "));
    let byline = c.field("byline", &base.byline, &local.byline, &stored.byline, text);
    let dateline = c.field("dateline", &base.dateline, &local.dateline, &stored.dateline, text);
    let slug = c.field("slug", &base.slug, &local.slug, &stored.slug, text);
    let status = c.field("status", &base.status, &local.status, &stored.status, |s| s.as_str().to_string());
    let editor_note = c.field("editor_note", &base.editor_note, &local.editor_note, &stored.editor_note, text);
    let featured =
        c.field("featured", &base.featured_media_id, &local.featured_media_id, &stored.featured_media_id, |f| {
            f.map(|id| format!("#{id}")).unwrap_or_default()
        });
    let scheduled = c.field("scheduled_at", &base.scheduled_at, &local.scheduled_at, &stored.scheduled_at, |t| {
        t.clone().unwrap_or_default()
    });

    let (b, l, s) = (blocks(base), blocks(local), blocks(stored));
    let (bk, lk, sk): (Vec<String>, Vec<String>, Vec<String>) =
        (b.iter().map(key).collect(), l.iter().map(key).collect(), s.iter().map(key).collect());
    let node_of = |k: &String| -> PmNode {
        [(&lk, &l), (&sk, &s), (&bk, &b)]
            .into_iter()
            .find_map(|(keys, nodes)| keys.iter().position(|x| x == k).map(|i| nodes[i].clone()))
            .expect("a merged block comes from one of the versions")
    };
    let mut body = Vec::new();
    for chunk in merge3(&bk, &lk, &sk) {
        match chunk {
            Chunk::Stable(k) | Chunk::Local(k) | Chunk::Remote(k) | Chunk::Same(k) => {
                body.extend(k.iter().map(node_of))
            }
            Chunk::Conflict { base: cb, local: cl, remote: cr } => {
                let show = |keys: &[String]| keys.iter().map(|k| doc_to_text(&node_of(k))).collect::<Vec<_>>();
                let hunk = ConflictHunk { field: "body".into(), base: show(&cb), local: show(&cl), remote: show(&cr) };
                let side = c.take(hunk);
                let chosen = if side == ConflictSide::Local { &cl } else { &cr };
                body.extend(chosen.iter().map(node_of));
            }
        }
    }
    let doc = PmNode { content: Some(body), ..stored.body.clone() };
    let patch = ArticlePatch {
        base_version: stored.version,
        headline: Some(headline),
        sapo: Some(sapo),
        body: Some(doc),
        section: Some(section),
        keywords: Some(keywords),
        byline: Some(byline),
        dateline: Some(dateline),
        // A slug that follows the headline keeps following it.
        slug: Some(if slug == stored.slug && stored.slug_auto { String::new() } else { slug }),
        status: Some(status),
        editor_note: Some(editor_note),
        featured_media_id: Some(featured.unwrap_or(0)),
        scheduled_at: Some(scheduled.unwrap_or_default()),
    };
    EditMerge { patch, conflicts: c.into_conflicts() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::model::ArticleStatus;
    use serde_json::json;

    fn article(headline: &str, paragraphs: &[&str], version: i64) -> Article {
        let body: PmNode = serde_json::from_value(json!({"type": "doc", "content": paragraphs.iter()
            .map(|p| json!({"type": "paragraph", "content": [{"type": "text", "text": p}]})).collect::<Vec<_>>()}))
        .unwrap();
        Article {
            id: 1,
            uid: "u".into(),
            headline: headline.into(),
            sapo: String::new(),
            body,
            section: String::new(),
            keywords: vec![],
            byline: String::new(),
            dateline: String::new(),
            slug: "s".into(),
            slug_auto: true,
            status: ArticleStatus::Draft,
            editor_note: String::new(),
            featured_media_id: None,
            scheduled_at: None,
            version,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn texts(patch: &ArticlePatch) -> Vec<String> {
        patch.body.as_ref().unwrap().content.iter().flatten().map(doc_to_text).collect()
    }

    #[test]
    fn different_places_merge_and_the_same_place_conflicts() {
        let base = article("Tít", &["Một.", "Hai.", "Ba."], 3);
        let local = article("Tít", &["Một sửa ở đây.", "Hai.", "Ba."], 3);
        let stored = article("Tít mới", &["Một.", "Hai.", "Ba sửa nơi khác."], 4);
        let m = merge_edit(&base, &local, &stored, None);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.patch.base_version, 4);
        assert_eq!(m.patch.headline.as_deref(), Some("Tít mới"));
        assert_eq!(texts(&m.patch), ["Một sửa ở đây.", "Hai.", "Ba sửa nơi khác."]);

        let stored = article("Tít", &["Một sửa nơi khác.", "Hai.", "Ba."], 4);
        let m = merge_edit(&base, &local, &stored, None);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].local, ["Một sửa ở đây."]);
        assert_eq!(m.conflicts[0].remote, ["Một sửa nơi khác."]);
        assert_eq!(texts(&m.patch)[0], "Một sửa ở đây.", "the editor's side until a person chooses");
        let m = merge_edit(&base, &local, &stored, Some(&[ConflictSide::Remote]));
        assert_eq!(texts(&m.patch)[0], "Một sửa nơi khác.");
    }
}

//! The three-way merge of an article: fields one by one, the body block by block (diff3).
//! What both sides changed differently becomes a conflict hunk for a person to choose.

use banthao_core::article::render::doc_to_text;
use banthao_core::sync::{ConflictHunk, ConflictSide};

use super::content::PulledBlock;
use super::side::{Side, SideBlock};
use crate::merge::{merge3, Chunk, ConflictChooser};

pub struct MergeOutcome {
    pub side: Side,
    /// Conflicts in order; where `choices` did not decide one, `side` holds ours.
    pub conflicts: Vec<ConflictHunk>,
}

/// Text of a block for showing a conflict side by side (never markup).
pub fn block_text(block: &PulledBlock) -> String {
    match block {
        PulledBlock::Node(node) => doc_to_text(node),
        PulledBlock::Image(img) => {
            let caption: String = img.caption.iter().map(doc_to_text).collect();
            format!("[Ảnh] {caption} ({})", img.credit).trim().to_string()
        }
        PulledBlock::Raw(source) => {
            let name =
                source.trim_start().strip_prefix("<!-- wp:").and_then(|r| r.split([' ', '/']).next()).unwrap_or("html");
            format!("[Khối WordPress: {name}]")
        }
    }
}

/// Merges `local` and `remote`, both changed from `base`. With `choices`, the i-th conflict
/// takes the side given (a person chose); without, conflicts are listed and ours is kept.
pub fn merge_sides(base: &Side, local: &Side, remote: &Side, choices: Option<&[ConflictSide]>) -> MergeOutcome {
    let mut c = ConflictChooser::new(choices);
    let headline = c.field("headline", &base.headline, &local.headline, &remote.headline, Clone::clone);
    let sapo = c.field("sapo", &base.sapo, &local.sapo, &remote.sapo, Clone::clone);
    let section = c.field("section", &base.section, &local.section, &remote.section, Clone::clone);
    let keyword_key =
        c.field("keywords", &base.keyword_key(), &local.keyword_key(), &remote.keyword_key(), |k| k.join(", "));
    let keywords = [&local.keywords, &remote.keywords]
        .into_iter()
        .find(|k| {
            let mut key: Vec<String> = k.iter().map(|w| w.to_lowercase()).collect();
            key.sort();
            key == keyword_key
        })
        .cloned()
        .unwrap_or_else(|| keyword_key.clone());
    let slug = c.field("slug", &base.slug, &local.slug, &remote.slug, Clone::clone);
    let status = c.field("status", &base.status, &local.status, &remote.status, Clone::clone);
    let featured = c.field("featured", &base.featured, &local.featured, &remote.featured, |id| format!("#{id}"));

    // diff3 over the blocks' meaning keys; the blocks themselves come from the side chosen.
    let (bk, lk, rk) = (base.block_keys(), local.block_keys(), remote.block_keys());
    let index = |keys: &[String], blocks: &[SideBlock], key: &String| {
        keys.iter().position(|k| k == key).map(|i| blocks[i].clone())
    };
    let mut blocks = Vec::new();
    let mut take = |keys: &[String], from: &[(Vec<String>, Vec<SideBlock>)]| {
        for k in keys {
            let found = from.iter().find_map(|(ks, bs)| index(ks, bs, k));
            blocks.push(found.expect("a merged block comes from one of the sides"));
        }
    };
    let all =
        [(lk.clone(), local.blocks.clone()), (rk.clone(), remote.blocks.clone()), (bk.clone(), base.blocks.clone())];
    for chunk in merge3(&bk, &lk, &rk) {
        match chunk {
            Chunk::Stable(k) | Chunk::Local(k) | Chunk::Remote(k) | Chunk::Same(k) => take(&k, &all),
            Chunk::Conflict { base: b, local: l, remote: r } => {
                let text = |keys: &[String], side: &(Vec<String>, Vec<SideBlock>)| {
                    keys.iter()
                        .filter_map(|k| index(&side.0, &side.1, k))
                        .map(|b| block_text(&b.block))
                        .collect::<Vec<_>>()
                };
                let hunk = ConflictHunk {
                    field: "body".into(),
                    base: text(&b, &all[2]),
                    local: text(&l, &all[0]),
                    remote: text(&r, &all[1]),
                };
                match c.take(hunk) {
                    ConflictSide::Local => take(&l, &all[..1]),
                    ConflictSide::Remote => take(&r, &all[1..2]),
                }
            }
        }
    }
    MergeOutcome {
        side: Side { headline, sapo, section, keywords, slug, status, featured, blocks },
        conflicts: c.into_conflicts(),
    }
}

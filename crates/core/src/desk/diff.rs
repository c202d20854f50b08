//! What changed between two versions of an article, word by word, and the undo of one change.
//! Text is compared as tokens — whole syllables (tiếng), whitespace runs, single punctuation
//! marks — never as characters: a tone mark changed inside `hoà` shows `hoà` deleted and `hòa`
//! inserted. The body is first aligned block by block (the textblocks of
//! [`text_blocks`]), so only the blocks that differ are compared word by word.
//!
//! A change's id (`headline:0`, `body:4:1`, `body:old7:0` for a block only the older version
//! has) is computed from the two contents alone, so [`revert_change`] finds the same change
//! [`diff_contents`] showed.

mod revert_body;

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use ts_rs::TS;

use crate::article::blocks::{text_blocks, BlockKind, TextBlock};
use crate::article::model::RevisionContent;
use crate::article::schema::validate;
use crate::error::{Error, Result};
use revert_body::revert_body;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiffOp {
    Equal,
    Insert,
    Delete,
}

/// A run of text the same in both versions (equal), only in the older (delete) or only in
/// the newer (insert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffPiece {
    pub op: DiffOp,
    pub text: String,
    /// The change this piece belongs to, as `revert_change` takes it; none on equal pieces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub change: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiffField {
    Headline,
    Sapo,
    Body,
    Section,
    Keywords,
}

impl DiffField {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Headline => "headline",
            Self::Sapo => "sapo",
            Self::Body => "body",
            Self::Section => "section",
            Self::Keywords => "keywords",
        }
    }
}

/// What a body block is: a paragraph, a heading or a figure's caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiffBlockKind {
    Paragraph,
    Heading,
    /// A figure's caption.
    Caption,
}

impl From<BlockKind> for DiffBlockKind {
    fn from(kind: BlockKind) -> Self {
        match kind {
            BlockKind::Paragraph => Self::Paragraph,
            BlockKind::Heading => Self::Heading,
            BlockKind::Caption => Self::Caption,
        }
    }
}

/// One field, or one body block, of the comparison. Its pieces, read in order, give the
/// older text (equal + delete) and the newer text (equal + insert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldDiff {
    pub field: DiffField,
    /// Body only: the block's index in the newer version's textblocks; none for a block only
    /// the older version has.
    pub block: Option<u32>,
    /// Body only: the block's index in the older version's textblocks; none for a block only
    /// the newer version has.
    pub old_block: Option<u32>,
    /// Body only.
    pub kind: Option<DiffBlockKind>,
    pub pieces: Vec<DiffPiece>,
    pub changed: bool,
}

/// What changed from `from` (older) to `to` (newer): the headline and the sapo always, the
/// section and the keywords when they changed, then every body block in the newer version's
/// order (unchanged ones as one equal piece), with blocks only the older version has placed
/// where they were.
pub fn diff_contents(from: &RevisionContent, to: &RevisionContent) -> Vec<FieldDiff> {
    let mut out = vec![
        text_field(DiffField::Headline, &from.headline, &to.headline),
        text_field(DiffField::Sapo, &from.sapo, &to.sapo),
    ];
    if from.section != to.section {
        out.push(text_field(DiffField::Section, &from.section, &to.section));
    }
    if from.keywords != to.keywords {
        out.push(text_field(DiffField::Keywords, &from.keywords.join(", "), &to.keywords.join(", ")));
    }
    let (old, new) = (text_blocks(&from.body), text_blocks(&to.body));
    for step in align_blocks(&old, &new) {
        let (o, n) = step.sides();
        let (old_text, new_text) = (text_of(&old, o), text_of(&new, n));
        let id = n.map_or_else(|| format!("body:old{}", o.unwrap_or_default()), |n| format!("body:{n}"));
        let pieces = match step {
            Aligned::Inserted(_) => vec![piece(DiffOp::Insert, new_text, Some(format!("{id}:0")))],
            Aligned::Deleted(_) => vec![piece(DiffOp::Delete, old_text, Some(format!("{id}:0")))],
            _ => pieces(old_text, new_text, &word_edits(old_text, new_text), |k| format!("{id}:{k}")),
        };
        out.push(FieldDiff {
            field: DiffField::Body,
            block: n.map(|n| n as u32),
            old_block: o.map(|o| o as u32),
            kind: n.map(|n| new[n].kind).or(o.map(|o| old[o].kind)).map(DiffBlockKind::from),
            changed: pieces.iter().any(|p| p.op != DiffOp::Equal),
            pieces,
        });
    }
    out
}

fn text_of(blocks: &[TextBlock], i: Option<usize>) -> &str {
    i.map_or("", |i| blocks[i].text.as_str())
}

/// `to` with the one change `change_id` (from [`diff_contents`] of the same two contents)
/// undone and every other change kept. Inside a block the older words come back with the
/// marks (bold, italic, link) of the text around them; a block only `to` has is removed (a
/// caption: its figure); a block only `from` has comes back as it was, after the block that
/// preceded it (a caption: its whole figure).
pub fn revert_change(from: &RevisionContent, to: &RevisionContent, change_id: &str) -> Result<RevisionContent> {
    let unknown = || {
        Error::InvalidInput(format!(
            "there is no change '{change_id}' between these two versions (it may already be undone)"
        ))
    };
    let (field, rest) = change_id.split_once(':').ok_or_else(unknown)?;
    let mut out = to.clone();
    match field {
        "headline" => out.headline = revert_text(&from.headline, &to.headline, rest).ok_or_else(unknown)?,
        "sapo" => out.sapo = revert_text(&from.sapo, &to.sapo, rest).ok_or_else(unknown)?,
        "section" => out.section = revert_text(&from.section, &to.section, rest).ok_or_else(unknown)?,
        "keywords" => {
            let joined = revert_text(&from.keywords.join(", "), &to.keywords.join(", "), rest).ok_or_else(unknown)?;
            // The editor splits its keyword box on commas the same way.
            out.keywords = joined.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect();
        }
        "body" => out.body = validate(revert_body(&from.body, &to.body, rest).ok_or_else(unknown)?)?,
        _ => return Err(unknown()),
    }
    Ok(out)
}

// ---- words ----

/// One change inside a text: the byte range it took from the older text and the range it
/// fills in the newer one (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    old: Range<usize>,
    new: Range<usize>,
}

/// `text` cut into syllables (the same runs of letters and digits the checks count),
/// whitespace runs and single other characters; the pieces cover `text` exactly.
fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in banthao_text::tokens::tokens(text) {
        let start = word.text.as_ptr() as usize - text.as_ptr() as usize;
        split_gap(&text[at..start], &mut out);
        out.push(word.text);
        at = start + word.text.len();
    }
    split_gap(&text[at..], &mut out);
    out
}

fn split_gap<'a>(mut gap: &'a str, out: &mut Vec<&'a str>) {
    while let Some(c) = gap.chars().next() {
        let len =
            if c.is_whitespace() { gap.find(|c: char| !c.is_whitespace()).unwrap_or(gap.len()) } else { c.len_utf8() };
        out.push(&gap[..len]);
        gap = &gap[len..];
    }
}

fn is_space(token: &str) -> bool {
    token.starts_with(char::is_whitespace)
}

/// Longer stretches (tokens of both sides, past their common start and end) are first
/// compared sentence by sentence, and a changed run of sentences still this long is one
/// change: deterministic, so ids stay stable, and a rewritten 10,000-syllable block does not
/// stall the window (word-level Myers costs length × differences).
const MAX_WORD_DIFF: usize = 6_000;

type Span = (DiffTag, Range<usize>, Range<usize>);

fn diff_tokens(old: &[&str], new: &[&str]) -> Vec<Span> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (old_mid, new_mid) = (&old[prefix..old.len() - suffix], &new[prefix..new.len() - suffix]);
    let mut out = vec![(DiffTag::Equal, 0..prefix, 0..prefix)];
    if old_mid.len() + new_mid.len() <= MAX_WORD_DIFF {
        out.extend(myers(old_mid, new_mid, prefix, prefix));
    } else {
        let (old_bounds, new_bounds) = (sentence_bounds(old_mid), sentence_bounds(new_mid));
        let (old_sentences, new_sentences) = (sentences(old_mid, &old_bounds), sentences(new_mid, &new_bounds));
        for (tag, o, n) in myers(&old_sentences, &new_sentences, 0, 0) {
            let (o, n) = (old_bounds[o.start]..old_bounds[o.end], new_bounds[n.start]..new_bounds[n.end]);
            let (old_at, new_at) = (prefix + o.start, prefix + n.start);
            if tag != DiffTag::Equal && o.len() + n.len() <= MAX_WORD_DIFF {
                out.extend(myers(&old_mid[o], &new_mid[n], old_at, new_at));
            } else {
                out.push((tag, old_at..old_at + o.len(), new_at..new_at + n.len()));
            }
        }
    }
    out.push((DiffTag::Equal, old.len() - suffix..old.len(), new.len() - suffix..new.len()));
    out
}

/// similar's Myers diff, its ranges shifted by `old_at`/`new_at` and counted from the ops'
/// lengths: its compacting can leave a wrong `new_index` on a delete it moved (seen in 2.7),
/// while the order and lengths hold.
fn myers<T: Eq + std::hash::Hash + Ord>(old: &[T], new: &[T], old_at: usize, new_at: usize) -> Vec<Span> {
    let (mut o_at, mut n_at) = (old_at, new_at);
    capture_diff_slices(Algorithm::Myers, old, new)
        .into_iter()
        .map(|op| {
            let (tag, o, n) = op.as_tag_tuple();
            let span = (tag, o_at..o_at + o.len(), n_at..n_at + n.len());
            (o_at, n_at) = (span.1.end, span.2.end);
            span
        })
        .collect()
}

fn sentences<'t, 's>(tokens: &'t [&'s str], bounds: &[usize]) -> Vec<&'t [&'s str]> {
    bounds.windows(2).map(|w| &tokens[w[0]..w[1]]).collect()
}

/// Where the sentences of `tokens` start (each ends after `.`, `!`, `?` or a line break),
/// and the end.
fn sentence_bounds(tokens: &[&str]) -> Vec<usize> {
    let mut bounds = vec![0];
    for (i, t) in tokens.iter().enumerate() {
        if matches!(*t, "." | "!" | "?" | "…") || t.contains('\n') {
            bounds.push(i + 1);
        }
    }
    if bounds.last() != Some(&tokens.len()) {
        bounds.push(tokens.len());
    }
    bounds
}

/// The changes from `old` to `new`, in order. Neighbouring deleted and inserted tokens make
/// one change, and so do two changes with only whitespace between them.
fn word_edits(old: &str, new: &str) -> Vec<Edit> {
    if old == new {
        return Vec::new();
    }
    let (old_tokens, new_tokens) = (tokenize(old), tokenize(new));
    let mut spans: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (tag, o, n) in diff_tokens(&old_tokens, &new_tokens) {
        if tag == DiffTag::Equal || (o.is_empty() && n.is_empty()) {
            continue;
        }
        match spans.last_mut() {
            Some(last) if old_tokens[last.0.end..o.start].iter().all(|t| is_space(t)) => {
                last.0.end = o.end;
                last.1.end = n.end;
            }
            _ => spans.push((o, n)),
        }
    }
    let (old_at, new_at) = (byte_starts(&old_tokens), byte_starts(&new_tokens));
    spans
        .into_iter()
        .map(|(o, n)| Edit { old: old_at[o.start]..old_at[o.end], new: new_at[n.start]..new_at[n.end] })
        .collect()
}

/// The byte offset where each token starts, and the text's end.
fn byte_starts(tokens: &[&str]) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::with_capacity(tokens.len() + 1);
    out.push(0);
    for t in tokens {
        at += t.len();
        out.push(at);
    }
    out
}

fn piece(op: DiffOp, text: &str, change: Option<String>) -> DiffPiece {
    DiffPiece { op, text: text.to_string(), change }
}

fn pieces(old: &str, new: &str, edits: &[Edit], id: impl Fn(usize) -> String) -> Vec<DiffPiece> {
    if edits.is_empty() {
        return vec![piece(DiffOp::Equal, new, None)];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (k, edit) in edits.iter().enumerate() {
        if at < edit.new.start {
            out.push(piece(DiffOp::Equal, &new[at..edit.new.start], None));
        }
        if !edit.old.is_empty() {
            out.push(piece(DiffOp::Delete, &old[edit.old.clone()], Some(id(k))));
        }
        if !edit.new.is_empty() {
            out.push(piece(DiffOp::Insert, &new[edit.new.clone()], Some(id(k))));
        }
        at = edit.new.end;
    }
    if at < new.len() {
        out.push(piece(DiffOp::Equal, &new[at..], None));
    }
    out
}

fn text_field(field: DiffField, old: &str, new: &str) -> FieldDiff {
    let pieces = pieces(old, new, &word_edits(old, new), |k| format!("{}:{k}", field.as_str()));
    FieldDiff {
        field,
        block: None,
        old_block: None,
        kind: None,
        changed: pieces.iter().any(|p| p.op != DiffOp::Equal),
        pieces,
    }
}

/// A change number as ids write it (no sign, no leading zero), so one change has one id.
fn parse_index(s: &str) -> Option<usize> {
    s.parse().ok().filter(|n: &usize| n.to_string() == s)
}

fn revert_text(old: &str, new: &str, n: &str) -> Option<String> {
    let edit = word_edits(old, new).into_iter().nth(parse_index(n)?)?;
    Some([&new[..edit.new.start], &old[edit.old], &new[edit.new.end..]].concat())
}

// ---- blocks ----

/// One step of the body's alignment, indexes into the older and newer textblocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aligned {
    Same(usize, usize),
    Edited(usize, usize),
    Inserted(usize),
    Deleted(usize),
}

impl Aligned {
    fn sides(self) -> (Option<usize>, Option<usize>) {
        match self {
            Self::Same(o, n) | Self::Edited(o, n) => (Some(o), Some(n)),
            Self::Inserted(n) => (None, Some(n)),
            Self::Deleted(o) => (Some(o), None),
        }
    }
}

fn block_key(b: &TextBlock) -> (u8, &str) {
    let kind = match b.kind {
        BlockKind::Paragraph => 0,
        BlockKind::Heading => 1,
        BlockKind::Caption => 2,
    };
    (kind, b.text.as_str())
}

fn align_blocks(old: &[TextBlock], new: &[TextBlock]) -> Vec<Aligned> {
    let old_keys: Vec<_> = old.iter().map(block_key).collect();
    let new_keys: Vec<_> = new.iter().map(block_key).collect();
    let mut out = Vec::new();
    let mut run: Option<(Range<usize>, Range<usize>)> = None;
    for (tag, o, n) in myers(&old_keys, &new_keys, 0, 0) {
        if tag != DiffTag::Equal {
            run = Some(match run {
                Some((ro, rn)) => (ro.start..o.end, rn.start..n.end),
                None => (o, n),
            });
            continue;
        }
        if let Some((ro, rn)) = run.take() {
            pair_run(old, ro, new, rn, &mut out);
        }
        out.extend(o.zip(n).map(|(o, n)| Aligned::Same(o, n)));
    }
    if let Some((ro, rn)) = run {
        pair_run(old, ro, new, rn, &mut out);
    }
    out
}

/// Past this many candidate pairs a replaced run is paired in order without weighing words.
const MAX_PAIRINGS: usize = 10_000;

/// Pairs the blocks of a replaced run in order, as many as it can (a caption only with a
/// caption), choosing among the possible pairings the one whose paired blocks share the most
/// words; the rest are whole inserted or deleted blocks.
fn pair_run(old: &[TextBlock], o: Range<usize>, new: &[TextBlock], n: Range<usize>, out: &mut Vec<Aligned>) {
    let pairs = if o.len() * n.len() <= MAX_PAIRINGS {
        best_pairs(&old[o.clone()], &new[n.clone()])
    } else {
        let fits = |(i, j): &(usize, usize)| can_pair(&old[o.start + i], &new[n.start + j]);
        (0..o.len()).zip(0..n.len()).filter(fits).collect()
    };
    let (mut next_old, mut next_new) = (o.start, n.start);
    for (i, j) in pairs {
        let (po, pn) = (o.start + i, n.start + j);
        out.extend((next_old..po).map(Aligned::Deleted));
        out.extend((next_new..pn).map(Aligned::Inserted));
        if old[po].text == new[pn].text {
            // Same words, another kind (a paragraph made a heading): shown as two blocks.
            out.extend([Aligned::Deleted(po), Aligned::Inserted(pn)]);
        } else {
            out.push(Aligned::Edited(po, pn));
        }
        (next_old, next_new) = (po + 1, pn + 1);
    }
    out.extend((next_old..o.end).map(Aligned::Deleted));
    out.extend((next_new..n.end).map(Aligned::Inserted));
}

fn can_pair(a: &TextBlock, b: &TextBlock) -> bool {
    (a.kind == BlockKind::Caption) == (b.kind == BlockKind::Caption)
}

fn word_bag(text: &str) -> HashMap<&str, u32> {
    let mut bag = HashMap::new();
    for t in banthao_text::tokens::tokens(text) {
        *bag.entry(t.text).or_default() += 1;
    }
    bag
}

/// Shared words, 0–1000 (Dice).
fn similarity(a: &HashMap<&str, u32>, b: &HashMap<&str, u32>) -> u64 {
    let total: u32 = a.values().sum::<u32>() + b.values().sum::<u32>();
    if total == 0 {
        return 0;
    }
    let shared: u32 = a.iter().map(|(w, c)| (*c).min(b.get(w).copied().unwrap_or(0))).sum();
    u64::from(2000 * shared / total)
}

/// The in-order pairing with the most pairs, and among those the most shared words.
fn best_pairs(old: &[TextBlock], new: &[TextBlock]) -> Vec<(usize, usize)> {
    const PAIR: u64 = 1 << 20;
    let old_bags: Vec<_> = old.iter().map(|b| word_bag(&b.text)).collect();
    let new_bags: Vec<_> = new.iter().map(|b| word_bag(&b.text)).collect();
    let (m, n) = (old.len(), new.len());
    let mut score = vec![vec![0u64; n + 1]; m + 1];
    for i in 1..=m {
        for j in 1..=n {
            let mut best = score[i - 1][j].max(score[i][j - 1]);
            if can_pair(&old[i - 1], &new[j - 1]) {
                best = best.max(score[i - 1][j - 1] + PAIR + similarity(&old_bags[i - 1], &new_bags[j - 1]));
            }
            score[i][j] = best;
        }
    }
    let (mut i, mut j) = (m, n);
    let mut pairs = Vec::new();
    while i > 0 && j > 0 {
        if score[i][j] == score[i - 1][j] {
            i -= 1;
        } else if score[i][j] == score[i][j - 1] {
            j -= 1;
        } else {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

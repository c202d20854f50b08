//! Undoing one change inside the body: a block's words put back with the marks around them,
//! an inserted block removed (with the containers it leaves empty), a deleted one put back
//! where it was.

use std::ops::Range;

use std::collections::HashMap;

use super::{align_blocks, parse_index, word_edits, Aligned};
use crate::article::blocks::{text_block_paths, text_blocks};
use crate::article::body::{BodyDoc, PmMark, PmNode};

fn node_at<'a>(root: &'a PmNode, path: &[usize]) -> Option<&'a PmNode> {
    path.iter().try_fold(root, |node, &i| node.content.as_ref()?.get(i))
}

fn node_at_mut<'a>(root: &'a mut PmNode, path: &[usize]) -> Option<&'a mut PmNode> {
    path.iter().try_fold(root, |node, &i| node.content.as_mut()?.get_mut(i))
}

pub(super) fn revert_body(from: &BodyDoc, to: &BodyDoc, rest: &str) -> Option<BodyDoc> {
    let (block, n) = rest.split_once(':')?;
    let n = parse_index(n)?;
    let (old, new) = (text_blocks(from), text_blocks(to));
    let aligned = align_blocks(&old, &new);
    if let Some(o) = block.strip_prefix("old") {
        let o = parse_index(o)?;
        if n != 0 || !aligned.contains(&Aligned::Deleted(o)) {
            return None;
        }
        return restore_block(from, to, &aligned, o);
    }
    let b = parse_index(block)?;
    let step = aligned.iter().find(|a| matches!(a, Aligned::Inserted(x) | Aligned::Edited(_, x) if *x == b))?;
    let path = text_block_paths(to).into_iter().nth(b)?;
    let mut doc = to.clone();
    match *step {
        Aligned::Inserted(_) if n == 0 => remove_block(&mut doc, path),
        Aligned::Edited(o, _) => {
            let edit = word_edits(&old[o].text, &new[b].text).into_iter().nth(n)?;
            let old_node = node_at(from, &text_block_paths(from).into_iter().nth(o)?)?;
            let restored = slice_inline(old_node.content.as_deref().unwrap_or_default(), edit.old);
            let node = node_at_mut(&mut doc, &path)?;
            let content = splice_inline(node.content.take().unwrap_or_default(), &edit.new, restored);
            node.content = (!content.is_empty()).then_some(content);
        }
        _ => return None,
    }
    Some(doc)
}

/// Removes the textblock at `path` (a caption: its figure), then any container it leaves
/// empty, so the body still fits the schema.
fn remove_block(doc: &mut BodyDoc, mut path: Vec<usize>) {
    if node_at(doc, &path).is_some_and(|n| n.node_type == "figcaption") {
        path.pop();
    }
    while let Some((&at, parent_path)) = path.split_last() {
        let Some(parent) = node_at_mut(doc, parent_path) else { return };
        let children = parent.content.get_or_insert_with(Vec::new);
        children.remove(at);
        let must_hold =
            matches!(parent.node_type.as_str(), "blockquote" | "list_item" | "bullet_list" | "ordered_list");
        if children.is_empty() && must_hold {
            path.truncate(parent_path.len());
            continue;
        }
        if parent.node_type == "list_item" && children.first().is_some_and(|c| c.node_type != "paragraph") {
            // A list item opens with a paragraph: leave an empty one rather than break it.
            children.insert(
                0,
                PmNode { node_type: "paragraph".into(), attrs: None, content: None, text: None, marks: None },
            );
        }
        return;
    }
}

/// Puts the older version's textblock `o` back into `to`, after the nearest block before it
/// that is still there, at its old nesting where the newer body allows it. A caption brings
/// its figure back, and a list item's only paragraph its list item when a list can take it.
fn restore_block(from: &BodyDoc, to: &BodyDoc, aligned: &[Aligned], o: usize) -> Option<BodyDoc> {
    let path = text_block_paths(from).into_iter().nth(o)?;
    let parent_path = &path[..path.len() - 1];
    let parent = node_at(from, parent_path)?;
    let candidates = match parent.node_type.as_str() {
        "figure" => vec![parent_path.to_vec()],
        "list_item" if parent.content.as_ref().is_some_and(|c| c.len() == 1) => vec![parent_path.to_vec(), path],
        _ => vec![path],
    };
    let kept: HashMap<usize, usize> = aligned
        .iter()
        .filter_map(|a| match *a {
            Aligned::Same(o, n) | Aligned::Edited(o, n) => Some((o, n)),
            _ => None,
        })
        .collect();
    let anchor = match (0..o).rev().find_map(|p| kept.get(&p)) {
        Some(&n) => Some(text_block_paths(to).into_iter().nth(n)?),
        None => None,
    };
    for old_path in candidates {
        let node = node_at(from, &old_path)?;
        let Some((parent, at)) = place_after(to, anchor.as_deref(), old_path.len(), &node.node_type) else { continue };
        let mut doc = to.clone();
        node_at_mut(&mut doc, &parent)?.content.get_or_insert_with(Vec::new).insert(at, node.clone());
        return Some(doc);
    }
    None
}

/// Where a `node_type` node that stood `depth` deep goes back: after the anchor block, or
/// after the anchor's container at that depth or above (the doc's start without an anchor).
fn place_after(to: &BodyDoc, anchor: Option<&[usize]>, depth: usize, node_type: &str) -> Option<(Vec<usize>, usize)> {
    let Some(anchor) = anchor else { return accepts(&to.node_type, node_type).then(|| (Vec::new(), 0)) };
    (1..=depth.min(anchor.len())).rev().find_map(|d| {
        let parent = &anchor[..d - 1];
        accepts(&node_at(to, parent)?.node_type, node_type).then(|| (parent.to_vec(), anchor[d - 1] + 1))
    })
}

fn accepts(parent: &str, child: &str) -> bool {
    if child == "list_item" {
        matches!(parent, "bullet_list" | "ordered_list")
    } else {
        matches!(parent, "doc" | "blockquote" | "list_item")
    }
}

/// The byte length an inline node takes in its block's text (a hard break is one `\n`).
fn inline_len(node: &PmNode) -> usize {
    match node.node_type.as_str() {
        "text" => node.text.as_deref().map_or(0, str::len),
        "hard_break" => 1,
        _ => 0,
    }
}

fn marks_of(node: &PmNode) -> &[PmMark] {
    node.marks.as_deref().unwrap_or(&[])
}

fn inline_spans(content: &[PmNode]) -> Vec<Range<usize>> {
    let mut at = 0;
    content
        .iter()
        .map(|node| {
            let span = at..at + inline_len(node);
            at = span.end;
            span
        })
        .collect()
}

/// The marks of the text nodes that overlap `range`.
fn marks_over<'a>(content: &'a [PmNode], spans: &[Range<usize>], range: &Range<usize>) -> Vec<&'a [PmMark]> {
    content
        .iter()
        .zip(spans)
        .filter(|(n, s)| n.node_type == "text" && s.start < range.end && s.end > range.start)
        .map(|(n, _)| marks_of(n))
        .collect()
}

/// The marks every set has.
fn shared_marks(sets: &[&[PmMark]]) -> Vec<PmMark> {
    let Some((first, others)) = sets.split_first() else { return Vec::new() };
    first.iter().filter(|m| others.iter().all(|o| o.contains(m))).cloned().collect()
}

/// The inline nodes of `content` within `range`, text cut at the range's edges.
fn slice_inline(content: &[PmNode], range: Range<usize>) -> Vec<PmNode> {
    let spans = inline_spans(content);
    let cut = |(node, span): (&PmNode, &Range<usize>)| {
        if node.node_type != "text" {
            let inside = !span.is_empty() && span.start >= range.start && span.end <= range.end;
            return inside.then(|| node.clone());
        }
        let (start, end) = (span.start.max(range.start), span.end.min(range.end));
        let text = node.text.as_deref().unwrap_or("");
        (start < end).then(|| PmNode { text: Some(text[start - span.start..end - span.start].into()), ..node.clone() })
    };
    content.iter().zip(&spans).filter_map(cut).collect()
}

/// Replaces `range` of a textblock's content with `restored` (inline nodes of the older
/// version), keeping every node outside the range as it was. The restored text keeps its
/// own marks and takes those all the text it replaces shares (for a point, the text on both
/// sides): words come back bold inside bold, and inside a link whose edge they were cut from.
fn splice_inline(content: Vec<PmNode>, range: &Range<usize>, restored: Vec<PmNode>) -> Vec<PmNode> {
    let spans = inline_spans(&content);
    let context = if range.is_empty() {
        let at = range.start;
        let texts = || content.iter().zip(&spans).filter(|(n, _)| n.node_type == "text");
        let left = texts().rfind(|(_, s)| s.start < at && s.end >= at).map_or(&[][..], |(n, _)| marks_of(n));
        let right = texts().find(|(_, s)| s.start <= at && s.end > at).map_or(&[][..], |(n, _)| marks_of(n));
        vec![left, right]
    } else {
        marks_over(&content, &spans, range)
    };
    let around = shared_marks(&context);
    let restored = restored.into_iter().map(|mut node| {
        if node.node_type == "text" {
            let mut marks = around.clone();
            marks
                .extend(marks_of(&node).iter().filter(|m| !around.iter().any(|a| a.mark_type == m.mark_type)).cloned());
            // The editor's schema order (strong, em, link), so equal marks compare equal.
            marks.sort_by_key(|m| ["strong", "em"].iter().position(|t| *t == m.mark_type).unwrap_or(2));
            node.marks = (!marks.is_empty()).then_some(marks);
        }
        node
    });
    let total = spans.last().map_or(0, |s| s.end);
    let before = slice_inline(&content, 0..range.start);
    let after = slice_inline(&content, range.end..total);
    let mut out: Vec<PmNode> = Vec::new();
    for node in before.into_iter().chain(restored).chain(after) {
        match out.last_mut() {
            // Neighbouring text with the same marks is one node, as the editor keeps it.
            Some(last) if last.node_type == "text" && node.node_type == "text" && marks_of(last) == marks_of(&node) => {
                last.text.get_or_insert_with(String::new).push_str(node.text.as_deref().unwrap_or(""));
            }
            _ => out.push(node),
        }
    }
    out
}

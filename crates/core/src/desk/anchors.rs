//! Note anchors following edits. An anchor is a character range in one text; after an edit
//! the range is mapped through a character diff of the old and new text: text inserted before
//! it moves it, inside it grows it, at its edges stays outside; a range whose text was all
//! deleted collapses and the note becomes detached (kept, with its quote).

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
use std::time::{Duration, Instant};

/// Past this, the diff gives up on precision (never on correctness): a huge rewrite maps
/// anchors coarsely rather than stalling a save.
const DIFF_DEADLINE: Duration = Duration::from_millis(200);

/// A character range `[start, end)`.
pub(crate) type Range = (usize, usize);

/// Maps each range of `old` onto `new`; `None` when its text is gone. The diff is over words,
/// spaces and punctuation marks, not characters, and each insertion or deletion is slid as late
/// as it can go: a character diff of "tháng. Người dân lo lắng." → "tháng." may keep the
/// last full stop and delete the first, and cut a range ending at "tháng." short.
pub(crate) fn map_ranges(old: &[char], new: &[char], ranges: &[Range]) -> Vec<Option<Range>> {
    let (old_starts, new_starts) = (token_starts(old), token_starts(new));
    fn tokens<'a>(chars: &'a [char], starts: &[usize]) -> Vec<&'a [char]> {
        starts.windows(2).map(|w| &chars[w[0]..w[1]]).collect()
    }
    let (old_tokens, new_tokens) = (tokens(old, &old_starts), tokens(new, &new_starts));
    let ops = slide_late(
        capture_diff_slices_deadline(Algorithm::Myers, &old_tokens, &new_tokens, Some(Instant::now() + DIFF_DEADLINE))
            .iter()
            .map(Op::from)
            .collect(),
        &old_tokens,
        &new_tokens,
    );
    let map = |p: usize, is_start: bool| -> usize {
        // The token holding `p`, and how far into it `p` is.
        let token = old_starts.partition_point(|&s| s <= p).saturating_sub(1);
        let inside = p - old_starts[token];
        if inside == 0 || token >= old_tokens.len() {
            let t = map_pos(&ops, token.min(old_tokens.len()), is_start, new_tokens.len());
            return new_starts[t];
        }
        for op in &ops {
            if op.old.contains(&token) {
                return match op.kind {
                    Kind::Equal => new_starts[op.new.start + (token - op.old.start)] + inside,
                    _ if is_start => new_starts[op.new.start],
                    _ => new_starts[op.new.end],
                };
            }
        }
        new.len()
    };
    ranges
        .iter()
        .map(|&(start, end)| {
            let (s, e) = (map(start, true), map(end, false));
            (s < e).then_some((s, e))
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Equal,
    Insert,
    Delete,
    Replace,
}

#[derive(Debug, Clone)]
struct Op {
    kind: Kind,
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

impl From<&DiffOp> for Op {
    fn from(op: &DiffOp) -> Op {
        let kind = match op {
            DiffOp::Equal { .. } => Kind::Equal,
            DiffOp::Insert { .. } => Kind::Insert,
            DiffOp::Delete { .. } => Kind::Delete,
            DiffOp::Replace { .. } => Kind::Replace,
        };
        Op { kind, old: op.old_range(), new: op.new_range() }
    }
}

/// Moves each pure insertion or deletion as far right as the equal text after it allows
/// (the same edit, described later).
fn slide_late<T: PartialEq>(mut ops: Vec<Op>, old: &[T], new: &[T]) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for i in 0..ops.len() {
        let mut op = ops[i].clone();
        if matches!(op.kind, Kind::Insert | Kind::Delete) && ops.get(i + 1).is_some_and(|n| n.kind == Kind::Equal) {
            let (seq, r) = if op.kind == Kind::Delete { (old, op.old.clone()) } else { (new, op.new.clone()) };
            let room = ops[i + 1].old.len();
            let mut shift = 0;
            while shift < room && seq[r.start + shift] == seq[r.end + shift] {
                shift += 1;
            }
            if shift > 0 {
                let moved = Op {
                    kind: Kind::Equal,
                    old: op.old.start..op.old.start + shift,
                    new: op.new.start..op.new.start + shift,
                };
                match out.last_mut() {
                    Some(prev) if prev.kind == Kind::Equal => {
                        prev.old.end += shift;
                        prev.new.end += shift;
                    }
                    _ => out.push(moved),
                }
                op.old = op.old.start + shift..op.old.end + shift;
                op.new = op.new.start + shift..op.new.end + shift;
                ops[i + 1].old.start += shift;
                ops[i + 1].new.start += shift;
            }
        }
        if op.kind != Kind::Equal || !op.old.is_empty() {
            out.push(op);
        }
    }
    out
}

/// Where each token starts (runs of letters and digits with their combining marks, runs of
/// spaces, single other characters), with `chars.len()` at the end.
fn token_starts(chars: &[char]) -> Vec<usize> {
    let class = |c: char| {
        if c.is_alphanumeric() || is_mark(c) {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut starts = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 || class(c) == 2 || class(c) != class(chars[i - 1]) {
            starts.push(i);
        }
    }
    starts.push(chars.len());
    starts
}

/// Combining marks (a decomposed tone mark belongs to its letter).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Where old token boundary `p` lands. A range's start stays after tokens inserted right at
/// it, its end before them; a replaced stretch the range reaches into is kept in.
fn map_pos(ops: &[Op], p: usize, is_start: bool, new_len: usize) -> usize {
    for op in ops {
        match op.kind {
            Kind::Equal if op.old.contains(&p) => return op.new.start + (p - op.old.start),
            Kind::Equal => {}
            Kind::Insert => {
                if p == op.old.start && !is_start {
                    return op.new.start;
                }
            }
            Kind::Delete | Kind::Replace => {
                if p == op.old.start {
                    return op.new.start;
                }
                if op.old.start < p && p < op.old.end {
                    return if is_start { op.new.start } else { op.new.end };
                }
            }
        }
    }
    new_len
}

/// The body's text blocks as one sequence (blocks joined by U+2029, which no block holds), so
/// a paragraph inserted before a note's block moves the note to the next block index.
pub(crate) struct FlatBody {
    pub chars: Vec<char>,
    starts: Vec<usize>,
}

const BLOCK_SEPARATOR: char = '\u{2029}';

impl FlatBody {
    pub fn new(blocks: &[String]) -> FlatBody {
        let mut chars = Vec::new();
        let mut starts = Vec::with_capacity(blocks.len());
        for (i, b) in blocks.iter().enumerate() {
            if i > 0 {
                chars.push(BLOCK_SEPARATOR);
            }
            starts.push(chars.len());
            chars.extend(b.chars().map(|c| if c == BLOCK_SEPARATOR { ' ' } else { c }));
        }
        FlatBody { chars, starts }
    }

    /// The flat range of `[start, end)` in block `block`, if the block and range exist.
    pub fn flat_range(&self, block: usize, start: usize, end: usize) -> Option<Range> {
        let begin = *self.starts.get(block)?;
        let len = self.block_len(block);
        (start < end && end <= len).then_some((begin + start, begin + end))
    }

    /// A flat range back to (block, start, end); a range that now runs into the next block is
    /// cut at the end of its first block.
    pub fn block_range(&self, (start, end): Range) -> Option<(usize, usize, usize)> {
        let block = self.starts.partition_point(|&s| s <= start).checked_sub(1)?;
        let begin = self.starts[block];
        let end_in_block = (end - begin).min(self.block_len(block));
        let start_in_block = start - begin;
        (start_in_block < end_in_block).then_some((block, start_in_block, end_in_block))
    }

    fn block_len(&self, block: usize) -> usize {
        let next = self.starts.get(block + 1).map(|s| s - 1).unwrap_or(self.chars.len());
        next - self.starts[block]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Maps the range of `quote` in `old` onto `new` and returns the text it covers there.
    fn follow(old: &str, quote: &str, new: &str) -> Option<String> {
        let (o, n) = (chars(old), chars(new));
        let byte = old.find(quote).unwrap();
        let start = old[..byte].chars().count();
        let range = (start, start + quote.chars().count());
        map_ranges(&o, &n, &[range])[0].map(|(s, e)| n[s..e].iter().collect())
    }

    const OLD: &str = "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.";

    #[test]
    fn text_inserted_before_moves_the_range() {
        let new = "Sáng nay, Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new).as_deref(), Some("mưa lớn suốt đêm qua"));
    }

    #[test]
    fn text_inserted_inside_grows_the_range() {
        let new = "Hà Nội mưa rất lớn suốt đêm qua, nhiều tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new).as_deref(), Some("mưa rất lớn suốt đêm qua"));
    }

    #[test]
    fn words_inserted_after_or_right_at_the_edges_stay_outside() {
        let new = "Hà Nội chiều XX mưa lớn suốt đêm qua YY, nhiều tuyến phố ngập sâu và kẹt xe.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new).as_deref(), Some("mưa lớn suốt đêm qua"));
    }

    #[test]
    fn a_tone_mark_changed_inside_keeps_the_range() {
        let new = "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.".replace("lớn", "lớm");
        assert_eq!(follow(OLD, "mưa lớn suốt", &new).as_deref(), Some("mưa lớm suốt"));
    }

    #[test]
    fn text_deleted_after_the_range_does_not_cut_it() {
        let old = "Giá xăng tăng lần thứ ba trong tháng. Người dân lo lắng.";
        let new = "Giá xăng tăng lần thứ ba trong tháng.";
        assert_eq!(follow(old, "lần thứ ba trong tháng.", new).as_deref(), Some("lần thứ ba trong tháng."));
    }

    #[test]
    fn a_range_starting_or_ending_inside_a_word() {
        let new = "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu hơn.";
        assert_eq!(follow(OLD, "ưa lớn suốt đêm q", new).as_deref(), Some("ưa lớn suốt đêm q"));
        let new = "Hà Nội mưa lớn suốt đêm nay, nhiều tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "lớn suốt đêm q", new).as_deref(), Some("lớn suốt đêm nay"));
    }

    #[test]
    fn a_deleted_range_collapses() {
        let new = "Hà Nội, nhiều tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new), None);
    }

    #[test]
    fn part_of_the_range_deleted_keeps_the_rest() {
        let new = "Hà Nội mưa lớn, nhiều tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new).as_deref(), Some("mưa lớn"));
    }

    #[test]
    fn edits_on_both_sides_at_once() {
        let new = "Tại Hà Nội mưa lớn suốt đêm qua, vài tuyến phố ngập sâu.";
        assert_eq!(follow(OLD, "mưa lớn suốt đêm qua", new).as_deref(), Some("mưa lớn suốt đêm qua"));
    }

    #[test]
    fn a_paragraph_inserted_before_moves_the_note_to_the_next_block() {
        let old = FlatBody::new(&["Đoạn một.".into(), "Đoạn hai có câu cần sửa.".into()]);
        let new = FlatBody::new(&["Đoạn mới.".into(), "Đoạn một.".into(), "Đoạn hai có câu cần sửa.".into()]);
        let range = old.flat_range(1, 12, 23).unwrap();
        let mapped = map_ranges(&old.chars, &new.chars, &[range])[0].unwrap();
        assert_eq!(new.block_range(mapped), Some((2, 12, 23)));
    }

    #[test]
    fn a_range_outside_its_block_is_refused() {
        let body = FlatBody::new(&["abc".into(), "de".into()]);
        assert_eq!(body.flat_range(0, 1, 4), None);
        assert_eq!(body.flat_range(2, 0, 1), None);
        assert_eq!(body.flat_range(1, 0, 2), Some((4, 6)));
        assert_eq!(body.block_range((1, 6)), Some((0, 1, 3)));
    }
}

//! Three-way merge of sequences (the article's blocks, keyed by meaning) and of single fields.
//!
//! diff3 as in Khanna, Kunal & Pierce, "A Formal Investigation of Diff3" (FSTTCS 2007): match
//! base with each side by a longest common subsequence, then walk the three sequences together,
//! cutting them into stable chunks (the same block unchanged everywhere) and unstable chunks
//! between them, each classified by who changed it.

use crate::sync::{ConflictHunk, ConflictSide};

/// One stretch of the merge, in document order. Concatenating the non-conflict chunks (with
/// one side of each conflict) gives the merged sequence; a deletion is a chunk with nothing in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk<T> {
    /// Unchanged on both sides.
    Stable(Vec<T>),
    /// Changed only locally: the local version.
    Local(Vec<T>),
    /// Changed only remotely: the remote version.
    Remote(Vec<T>),
    /// Changed the same way on both sides.
    Same(Vec<T>),
    /// Changed differently on each side: for a person to decide, side by side.
    Conflict { base: Vec<T>, local: Vec<T>, remote: Vec<T> },
}

/// Merges `local` and `remote`, two edits of `base`.
pub fn merge3<T: Eq + Clone>(base: &[T], local: &[T], remote: &[T]) -> Vec<Chunk<T>> {
    let to_local = matching(base, local);
    let to_remote = matching(base, remote);
    let mut chunks = Vec::new();
    // Cursors: how much of each sequence has been put into chunks.
    let (mut o, mut a, mut b) = (0, 0, 0);
    loop {
        // Length of the run in which all three advance together from the cursors.
        let run = (0..)
            .take_while(|i| {
                let oi = o + i;
                oi < base.len() && to_local[oi] == Some(a + i) && to_remote[oi] == Some(b + i)
            })
            .count();
        if run > 0 {
            chunks.push(Chunk::Stable(base[o..o + run].to_vec()));
            (o, a, b) = (o + run, a + run, b + run);
            continue;
        }
        // The next base element kept by both sides closes the unstable stretch.
        let next = (o..base.len()).find_map(|j| Some((j, to_local[j]?, to_remote[j]?)));
        let (j, k, m) = next.unwrap_or((base.len(), local.len(), remote.len()));
        if (j, k, m) == (o, a, b) {
            break;
        }
        chunks.push(classify(&base[o..j], &local[a..k], &remote[b..m]));
        (o, a, b) = (j, k, m);
    }
    chunks
}

fn classify<T: Eq + Clone>(base: &[T], local: &[T], remote: &[T]) -> Chunk<T> {
    if local == remote {
        Chunk::Same(local.to_vec())
    } else if local == base {
        Chunk::Remote(remote.to_vec())
    } else if remote == base {
        Chunk::Local(local.to_vec())
    } else {
        Chunk::Conflict { base: base.to_vec(), local: local.to_vec(), remote: remote.to_vec() }
    }
}

/// The merged sequence, when nothing conflicts.
pub fn merged<T: Clone>(chunks: &[Chunk<T>]) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for chunk in chunks {
        match chunk {
            Chunk::Stable(v) | Chunk::Local(v) | Chunk::Remote(v) | Chunk::Same(v) => out.extend_from_slice(v),
            Chunk::Conflict { .. } => return None,
        }
    }
    Some(out)
}

/// A single field (headline, sapo…): the side that changed it wins, both changing it the same
/// way is no conflict, and two different changes come back as `Err((local, remote))`.
pub fn merge_value<T: Eq + Clone>(base: &T, local: &T, remote: &T) -> Result<T, (T, T)> {
    if local == remote || remote == base {
        Ok(local.clone())
    } else if local == base {
        Ok(remote.clone())
    } else {
        Err((local.clone(), remote.clone()))
    }
}

/// For each element of `base`, the index of its partner in `other` along a longest common
/// subsequence, or `None` when it is not kept.
fn matching<T: Eq>(base: &[T], other: &[T]) -> Vec<Option<usize>> {
    let mut out = vec![None; base.len()];
    // Edits touch a few blocks: match the common ends directly, run the table on the middle.
    let prefix = base.iter().zip(other).take_while(|(x, y)| x == y).count();
    let suffix = base[prefix..].iter().rev().zip(other[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    for (i, slot) in out.iter_mut().enumerate().take(prefix) {
        *slot = Some(i);
    }
    for i in 0..suffix {
        out[base.len() - 1 - i] = Some(other.len() - 1 - i);
    }
    let (x, y) = (&base[prefix..base.len() - suffix], &other[prefix..other.len() - suffix]);
    for (i, j) in lcs(x, y) {
        out[prefix + i] = Some(prefix + j);
    }
    out
}

/// Pairs of indexes of a longest common subsequence (dynamic programming: a merge of a few
/// hundred changed blocks is a few hundred thousand cells).
fn lcs<T: Eq>(x: &[T], y: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (x.len(), y.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // table[i][j]: LCS length of x[i..] and y[j..].
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if x[i] == y[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if x[i] == y[j] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests;

/// Collects the conflicts of one article merge in order and says which side fills each: the
/// side a person chose (the i-th choice for the i-th conflict), else ours.
pub struct ConflictChooser<'a> {
    choices: Option<&'a [ConflictSide]>,
    conflicts: Vec<ConflictHunk>,
}

impl<'a> ConflictChooser<'a> {
    pub fn new(choices: Option<&'a [ConflictSide]>) -> Self {
        Self { choices, conflicts: Vec::new() }
    }

    /// Records a conflict and says which side fills it.
    pub fn take(&mut self, hunk: ConflictHunk) -> ConflictSide {
        let side = self.choices.and_then(|c| c.get(self.conflicts.len()).copied()).unwrap_or(ConflictSide::Local);
        self.conflicts.push(hunk);
        side
    }

    /// Merges one field; changed differently on both sides, it is a conflict named `name`,
    /// each side shown as text by `show`.
    pub fn field<T: Eq + Clone>(
        &mut self,
        name: &str,
        base: &T,
        local: &T,
        remote: &T,
        show: impl Fn(&T) -> String,
    ) -> T {
        match merge_value(base, local, remote) {
            Ok(v) => v,
            Err((l, r)) => {
                let hunk = ConflictHunk {
                    field: name.into(),
                    base: vec![show(base)],
                    local: vec![show(&l)],
                    remote: vec![show(&r)],
                };
                match self.take(hunk) {
                    ConflictSide::Local => l,
                    ConflictSide::Remote => r,
                }
            }
        }
    }

    pub fn into_conflicts(self) -> Vec<ConflictHunk> {
        self.conflicts
    }
}

use super::*;

fn v(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn merge(base: &str, local: &str, remote: &str) -> Vec<Chunk<char>> {
    merge3(&v(base), &v(local), &v(remote))
}

use Chunk::*;

#[test]
fn nothing_changed_is_one_stable_chunk() {
    assert_eq!(merge("abc", "abc", "abc"), [Stable(v("abc"))]);
}

#[test]
fn empty_sequences() {
    assert_eq!(merge("", "", ""), []);
    assert_eq!(merge("", "ab", ""), [Local(v("ab"))]);
    assert_eq!(merge("", "", "ab"), [Remote(v("ab"))]);
    assert_eq!(merge("", "ab", "ab"), [Same(v("ab"))]);
    assert_eq!(merge("", "ab", "cd"), [Conflict { base: vec![], local: v("ab"), remote: v("cd") }]);
    assert_eq!(merge("ab", "", ""), [Same(vec![])]);
    assert_eq!(merge("ab", "", "ab"), [Local(vec![])]);
}

#[test]
fn different_blocks_edited_on_each_side_merge_cleanly() {
    let chunks = merge("abcde", "aXcde", "abcdY");
    assert_eq!(chunks, [Stable(v("a")), Local(v("X")), Stable(v("cd")), Remote(v("Y"))]);
    assert_eq!(merged(&chunks), Some(v("aXcdY")));
}

#[test]
fn the_same_block_edited_differently_is_one_conflict_with_both_versions() {
    let chunks = merge("abc", "aXc", "aYc");
    assert_eq!(chunks, [Stable(v("a")), Conflict { base: v("b"), local: v("X"), remote: v("Y") }, Stable(v("c"))]);
    assert_eq!(merged(&chunks), None);
}

#[test]
fn insertions_at_the_same_place_conflict_unless_identical() {
    assert_eq!(
        merge("ab", "aXb", "aYb"),
        [Stable(v("a")), Conflict { base: vec![], local: v("X"), remote: v("Y") }, Stable(v("b"))]
    );
    assert_eq!(merge("ab", "aXb", "aXb"), [Stable(v("a")), Same(v("X")), Stable(v("b"))]);
    // At different places they do not.
    assert_eq!(merged(&merge("abc", "Xabc", "abcY")), Some(v("XabcY")));
}

#[test]
fn a_deletion_against_an_edit_conflicts() {
    assert_eq!(
        merge("abc", "ac", "aXc"),
        [Stable(v("a")), Conflict { base: v("b"), local: vec![], remote: v("X") }, Stable(v("c"))]
    );
    assert_eq!(
        merge("abc", "aXc", "ac"),
        [Stable(v("a")), Conflict { base: v("b"), local: v("X"), remote: vec![] }, Stable(v("c"))]
    );
    // A deletion on one side only goes through.
    assert_eq!(merge("abc", "ac", "abc"), [Stable(v("a")), Local(vec![]), Stable(v("c"))]);
    assert_eq!(merged(&merge("abc", "ac", "abcd")), Some(v("acd")));
}

#[test]
fn identical_changes_on_both_sides_are_same() {
    assert_eq!(merge("abc", "aXc", "aXc"), [Stable(v("a")), Same(v("X")), Stable(v("c"))]);
    assert_eq!(merge("abc", "c", "c"), [Same(vec![]), Stable(v("c"))]);
}

#[test]
fn moves_and_reorders_conflict_only_where_they_overlap() {
    // Local moved the first paragraph to the end; remote edited the last one.
    let chunks = merge("abcd", "bcda", "abcD");
    assert_eq!(merged(&chunks), None);
    assert!(chunks.iter().any(|c| matches!(c, Conflict { .. })));
    // Local swapped two blocks at the start, remote appended.
    assert_eq!(merged(&merge("abcd", "bacd", "abcde")), Some(v("bacde")));
}

#[test]
fn merge_value_takes_the_side_that_changed() {
    assert_eq!(merge_value(&"a", &"a", &"a"), Ok("a"));
    assert_eq!(merge_value(&"a", &"b", &"a"), Ok("b"));
    assert_eq!(merge_value(&"a", &"a", &"c"), Ok("c"));
    assert_eq!(merge_value(&"a", &"b", &"b"), Ok("b"));
    assert_eq!(merge_value(&"a", &"b", &"c"), Err(("b", "c")));
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    /// A random edit of `base`: some blocks dropped, changed, or inserted.
    fn edit(&mut self, base: &[u32], fresh: &mut u32) -> Vec<u32> {
        let mut out = Vec::new();
        for &x in base {
            match self.next(10) {
                0 => {}
                1 => {
                    *fresh += 1;
                    out.push(*fresh);
                }
                2 => {
                    *fresh += 1;
                    out.extend([x, *fresh]);
                }
                _ => out.push(x),
            }
        }
        out
    }
}

/// The side that took no part gives the other back; the chunks rebuild each input.
#[test]
fn properties_on_random_edits() {
    let mut rng = Lcg(42);
    let mut fresh = 1000;
    for round in 0..2000 {
        let len = rng.next(30);
        let base: Vec<u32> = (0..len).map(|_| rng.next(8) as u32).collect();
        let local = rng.edit(&base, &mut fresh);
        let remote = rng.edit(&base, &mut fresh);

        assert_eq!(merged(&merge3(&base, &base, &remote)), Some(remote.clone()), "round {round}");
        assert_eq!(merged(&merge3(&base, &local, &base)), Some(local.clone()), "round {round}");
        assert_eq!(merged(&merge3(&base, &local, &local)), Some(local.clone()), "round {round}");

        let chunks = merge3(&base, &local, &remote);
        let side = |pick: &dyn Fn(&Chunk<u32>) -> Option<Vec<u32>>| -> Option<Vec<u32>> {
            chunks.iter().map(pick).collect::<Option<Vec<_>>>().map(|v| v.concat())
        };
        // A Remote chunk does not carry the base it replaced, so local is rebuilt only
        // without them (and remote only without Local chunks).
        let l = side(&|c| match c {
            Stable(x) | Local(x) | Same(x) => Some(x.clone()),
            Conflict { local, .. } => Some(local.clone()),
            Remote(_) => None,
        });
        let r = side(&|c| match c {
            Stable(x) | Remote(x) | Same(x) => Some(x.clone()),
            Conflict { remote, .. } => Some(remote.clone()),
            Local(_) => None,
        });
        if let Some(l) = l {
            assert_eq!(l, local, "round {round}");
        }
        if let Some(r) = r {
            assert_eq!(r, remote, "round {round}");
        }
        for chunk in &chunks {
            if let Conflict { local, remote, base } = chunk {
                assert!(local != remote && local != base && remote != base, "round {round}");
            }
        }
        for pair in chunks.windows(2) {
            assert!(!matches!(pair, [Stable(_), Stable(_)]), "stable runs are joined");
        }
    }
}

#[test]
fn a_long_article_merges_fast() {
    let base: Vec<u32> = (0..3000).collect();
    let mut local = base.clone();
    local[10] = 99_999;
    local.insert(2000, 88_888);
    let mut remote: Vec<u32> = base.iter().rev().copied().collect();
    remote.truncate(2500);
    let started = std::time::Instant::now();
    let _ = merge3(&base, &local, &remote);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

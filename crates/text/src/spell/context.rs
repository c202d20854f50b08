//! The sentence around a suspect pair, for the real-word check: does the correction read better
//! there than what was written?
//!
//! A pair of two words side by side (`uy tín tức thì`, `không nghĩ việc`) and a slip inside one
//! word (`đã thực hiên`) look alike on their own; the syllable before and the one after tell them
//! apart. The check compares the two readings with a bigram model of the Vietnamese Wikipedia
//! (`data/pairs-viwiki.txt`: how often each syllable and each frequent pair occurs): for a slip
//! in the first syllable, `before a b` against `before x b`; in the second, `a b after` against
//! `a y after`. So the syllable next to the changed one votes: `việc dùng` is common and `việc
//! dũng` is not, so `việc dùng khí` stays; `các ván` is rare beside `các vấn`, so `các ván đề` is
//! flagged. The syllable on the other side is the same in both readings and does not vote.
//!
//! P(v | u) = (count(u v) + β·P(v)) / (count(u) + β), P(v) = (count(v) + 1) / total (Dirichlet
//! smoothing: a pair the data lacks falls back on how common its second syllable is). A missing
//! neighbour (start of a clause) counts as an unknown one; a missing one after the pair, as no
//! evidence. The correction is kept when its reading is `MARGIN` likelier (natural log).

use crate::fast_hash::FastMap as HashMap;

/// Syllable and pair counts of the Vietnamese Wikipedia crawl (CC BY-SA 3.0), as `word_key`s:
/// `syllable<TAB>count` and `first second<TAB>count` (see the file's header).
const PAIRS_VIWIKI: &str = include_str!("../../data/pairs-viwiki.txt");

/// β: how many occurrences of a context syllable it takes before its own pairs outweigh the
/// plain frequency of the syllable after it.
const SMOOTHING: f64 = 10000.0;
/// The data keeps a pair seen this often; rarer ones only when they are, or are one confusion
/// from, a word of our common list (the pairs the check compares).
const MIN_PAIR: u32 = 50;
/// How much likelier (log-odds, e ≈ 2.7 times) the corrected reading must be.
const MARGIN: f64 = 1.0;

pub(super) struct Counts {
    syllables: HashMap<String, u32>,
    pairs: HashMap<String, u32>,
    total: f64,
}

/// The counts, read once per process.
pub(super) fn counts() -> &'static Counts {
    static COUNTS: std::sync::OnceLock<Counts> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| Counts::parse(PAIRS_VIWIKI))
}

impl Counts {
    fn parse(text: &str) -> Counts {
        let mut syllables = HashMap::default();
        let mut pairs = HashMap::default();
        for (key, n) in super::lines(text).filter_map(|l| l.split_once('\t')) {
            let n: u32 = n.parse().unwrap_or(0);
            if key.contains(' ') {
                pairs.insert(key.to_string(), n);
            } else {
                syllables.insert(key.to_string(), n);
            }
        }
        let total = syllables.values().map(|&n| f64::from(n)).sum::<f64>().max(1.0);
        Counts { syllables, pairs, total }
    }

    fn syllable(&self, key: &str) -> f64 {
        self.syllables.get(key).map_or(0.0, |&n| f64::from(n))
    }

    /// How often `first second` occurs (0 when the data does not keep it).
    pub(super) fn pair(&self, first: &str, second: &str) -> f64 {
        let mut key = String::with_capacity(first.len() + second.len() + 1);
        key.push_str(first);
        key.push(' ');
        key.push_str(second);
        self.pairs.get(&key).map_or(0.0, |&n| f64::from(n))
    }

    /// How often a neighbour and a syllable of the pair occur together. A pair the data does
    /// not keep was seen fewer than `MIN_PAIR` times, not never: it counts as often as chance
    /// would put the two side by side, up to that (`để giám` is not kept, `để giảm` is).
    fn beside(&self, first: &str, second: &str) -> f64 {
        match self.pair(first, second) {
            0.0 => (self.syllable(first) * self.syllable(second) / self.total).min(f64::from(MIN_PAIR - 1)),
            n => n,
        }
    }

    /// ln P(next | prev), smoothed, with `count` the pair's count; without `prev`, ln P(next).
    fn ln_follows(&self, prev: Option<&str>, next: &str, count: impl Fn(&str, &str) -> f64) -> f64 {
        let prior = (self.syllable(next) + 1.0) / self.total;
        let (pair, seen) = prev.map_or((0.0, 0.0), |p| (count(p, next), self.syllable(p)));
        ((pair + SMOOTHING * prior) / (seen + SMOOTHING)).ln()
    }

    /// Whether `fixed` (one syllable of `written` changed) reads better than `written` between
    /// `before` and `after` (word keys; `None` where the phrase ends). A correction the data
    /// never saw as a pair gives no evidence and is kept (a user's word, a rare term).
    pub(super) fn fix_reads_better(
        &self,
        before: Option<&str>,
        written: (&str, &str),
        fixed: (&str, &str),
        after: Option<&str>,
    ) -> bool {
        if self.pair(fixed.0, fixed.1) == 0.0 {
            return true;
        }
        let ((a, b), (x, y)) = (written, fixed);
        // The written pair and its correction are kept from two occurrences (one for the
        // correction): their counts are exact. A neighbour's pairs may be estimates.
        let (pair, beside) = (|f: &str, s: &str| self.pair(f, s), |f: &str, s: &str| self.beside(f, s));
        let log_odds = if x != a {
            self.ln_follows(before, x, beside) - self.ln_follows(before, a, beside) + self.ln_follows(Some(x), b, pair)
                - self.ln_follows(Some(a), b, pair)
        } else {
            let next = after.map_or(0.0, |n| self.ln_follows(Some(y), n, beside) - self.ln_follows(Some(b), n, beside));
            self.ln_follows(Some(a), y, pair) - self.ln_follows(Some(a), b, pair) + next
        };
        log_odds > MARGIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_are_stored_as_lookup_keys() {
        let c = counts();
        assert!(c.syllables.len() > 5_000 && c.pairs.len() > 20_000, "{} {}", c.syllables.len(), c.pairs.len());
        for key in c.pairs.keys() {
            let (a, b) = key.split_once(' ').unwrap();
            assert!(c.syllables.contains_key(a) && c.syllables.contains_key(b), "{key}");
        }
        for key in c.syllables.keys() {
            assert_eq!(super::super::word_key(key), *key, "run the ignored test write_pair_counts");
        }
    }

    /// After scripts/data/pair-counts.py: keeps, as lookup keys, the valid syllables, the pairs
    /// of them seen `MIN_PAIR` times or more, every word of our common list seen at all, and the
    /// pairs one confusion from such a word seen `MIN_NEAR` times or more (the written pair's
    /// count weighs as much as the correction's), in data/pairs-viwiki.txt.
    #[test]
    #[ignore]
    fn write_pair_counts() {
        const MIN_NEAR: u32 = 2;
        let path = std::env::var("BANTHAO_COUNTS").expect("BANTHAO_COUNTS=<output of pair-counts.py>");
        let raw = std::fs::read_to_string(path).unwrap();
        let common = super::super::Speller::default();
        let key = |s: &str| super::super::word_key(s);
        let mut syllables: std::collections::BTreeMap<String, u32> = Default::default();
        let mut pairs: std::collections::BTreeMap<String, u32> = Default::default();
        for (w, n) in raw.lines().filter_map(|l| l.split_once('\t')) {
            let n: u32 = n.parse().unwrap();
            match w.split_once(' ') {
                Some((a, b)) if crate::syllable::is_valid(a) && crate::syllable::is_valid(b) => {
                    *pairs.entry(format!("{} {}", key(a), key(b))).or_default() += n;
                }
                None if crate::syllable::is_valid(w) => *syllables.entry(key(w)).or_default() += n,
                _ => {}
            }
        }
        // A pair one confusion from a word of our list is what the check flags: its count weighs
        // as much as the word's.
        let mut near_words: std::collections::HashSet<String> = Default::default();
        for p in pairs.keys().filter(|p| common.is_target(p)) {
            let (x, y) = p.split_once(' ').unwrap();
            near_words
                .extend(super::super::suggest::confusions(x).into_iter().map(|(v, _)| format!("{} {y}", key(&v))));
            near_words
                .extend(super::super::suggest::confusions(y).into_iter().map(|(v, _)| format!("{x} {}", key(&v))));
        }
        pairs.retain(|p, n| *n >= MIN_PAIR || common.is_target(p) || (*n >= MIN_NEAR && near_words.contains(p)));
        let out_path = format!("{}/data/pairs-viwiki.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&out_path).unwrap_or_default();
        let header: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
        let mut out = header;
        for (k, n) in syllables.iter().chain(pairs.iter()) {
            out.push_str(&format!("{k}\t{n}\n"));
        }
        std::fs::write(&out_path, out).unwrap();
    }
}

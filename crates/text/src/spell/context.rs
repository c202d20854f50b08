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
//! evidence. The correction must read `MARGIN` likelier (natural log).
//!
//! That is not enough on its own: a real pair the lists lack (`cái tô lớn`, `nhà tạm dựng`,
//! `chữ hình thanh`) is rare in the crawl too, so the bigrams favour the common word. The
//! correction is therefore offered only with positive evidence for it: the crawl has the word
//! beside the very syllable before or after the pair (`các vấn đề`, `hiện nay là`;
//! `data/contexts-viwiki.txt`), or, with neither, the written pair is at least `PAIR_RATIO`
//! times rarer than the word and the changed syllable's neighbour is not seen more often with
//! what was written.

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

/// The syllables seen beside each word of our common list in the same crawl (twice or more):
/// `first second<TAB>before…<TAB>after…`, each list sorted and space-separated.
const CONTEXTS_VIWIKI: &str = include_str!("../../data/contexts-viwiki.txt");

/// A correction seen beside neither neighbour must be this many times commoner, as a pair, than
/// what was written (plus one): a slip is rare beside its word, a term of its own is not.
const PAIR_RATIO: f64 = 200.0;

pub(super) struct Counts {
    syllables: HashMap<String, u32>,
    pairs: HashMap<String, u32>,
    total: f64,
    /// Word of our list → (the syllables seen before it, those seen after it), as in the file.
    beside_word: HashMap<&'static str, (&'static str, &'static str)>,
}

/// The counts, read once per process.
pub(super) fn counts() -> &'static Counts {
    static COUNTS: std::sync::OnceLock<Counts> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| Counts::parse(PAIRS_VIWIKI, CONTEXTS_VIWIKI))
}

impl Counts {
    fn parse(text: &str, contexts: &'static str) -> Counts {
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
        let beside_word = super::lines(contexts)
            .filter_map(|l| {
                let mut fields = l.split('\t');
                Some((fields.next()?, (fields.next()?, fields.next()?)))
            })
            .collect();
        Counts { syllables, pairs, total, beside_word }
    }

    /// Whether the crawl has `word` (a pair of our list) right after `before` or right before
    /// `after`, twice or more.
    fn seen_beside(&self, word: (&str, &str), before: Option<&str>, after: Option<&str>) -> bool {
        let mut key = String::with_capacity(word.0.len() + word.1.len() + 1);
        key.push_str(word.0);
        key.push(' ');
        key.push_str(word.1);
        let Some((seen_before, seen_after)) = self.beside_word.get(key.as_str()) else { return false };
        let listed = |list: &str, s: Option<&str>| s.is_some_and(|s| list.split(' ').any(|t| t == s));
        listed(seen_before, before) || listed(seen_after, after)
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
        let ((a, b), (x, y)) = (written, fixed);
        let (seen_written, seen_fixed) = (self.pair(a, b), self.pair(x, y));
        // A correction the crawl never has gives no evidence: kept (a user's word, a rare term)
        // unless the crawl has what was written (it is the term, `hiến tặng`).
        if seen_fixed == 0.0 {
            return seen_written == 0.0;
        }
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
        if log_odds <= MARGIN {
            return false;
        }
        // The word seen beside this very neighbour: the sentence is one the word is written in.
        if self.seen_beside((x, y), before, after) {
            return true;
        }
        // Otherwise the pair alone speaks (`cái tô lớn`, `nhà tạm dựng`, `chữ hình thanh` are
        // real, unseen with the word's neighbours): the written pair must be rare beside its
        // correction, and the neighbour of the changed syllable not seen more often with what
        // was written (`rất đông thời`). A sentence whose neighbours the word was never seen
        // beside weighs as half a sighting of what was written.
        let against = if x != a {
            before.is_some_and(|u| self.pair(u, a) > self.pair(u, x))
        } else {
            after.is_some_and(|v| self.pair(b, v) > self.pair(y, v))
        };
        let here = if before.is_some() || after.is_some() { 0.5 } else { 0.0 };
        (seen_written + here) * PAIR_RATIO < seen_fixed && !against
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
        assert!(c.beside_word.len() > 2_000, "{}", c.beside_word.len());
        for (word, (before, after)) in &c.beside_word {
            for s in before.split(' ').chain(after.split(' ')).filter(|s| !s.is_empty()) {
                assert_eq!(super::super::word_key(s), s, "{word}: run the ignored test write_pair_counts");
            }
        }
    }

    /// After scripts/data/pair-counts.py: keeps, as lookup keys, the valid syllables, the pairs
    /// of them seen `MIN_PAIR` times or more, every word of our common list seen at all, and the
    /// pairs one confusion from a word of that list seen `MIN_NEAR` times or more (the written
    /// pair's count weighs as much as the correction's), in data/pairs-viwiki.txt; and the
    /// syllables seen `MIN_CONTEXT` times or more before and after each word of the list, in
    /// data/contexts-viwiki.txt.
    #[test]
    #[ignore]
    fn write_pair_counts() {
        const MIN_NEAR: u32 = 2;
        const MIN_CONTEXT: u32 = 2;
        let path = std::env::var("BANTHAO_COUNTS").expect("BANTHAO_COUNTS=<output of pair-counts.py>");
        let raw = std::fs::read_to_string(path).unwrap();
        let common = super::super::Speller::default();
        let key = |s: &str| super::super::word_key(s);
        let mut syllables: std::collections::BTreeMap<String, u32> = Default::default();
        let mut pairs: std::collections::BTreeMap<String, u32> = Default::default();
        // (word of our list, the syllable before it or after it) → how often.
        let mut before: std::collections::BTreeMap<(String, String), u32> = Default::default();
        let mut after: std::collections::BTreeMap<(String, String), u32> = Default::default();
        for (w, n) in raw.lines().filter_map(|l| l.split_once('\t')) {
            let n: u32 = n.parse().unwrap();
            let parts: Vec<&str> = w.split(' ').collect();
            if !parts.iter().all(|p| crate::syllable::is_valid(p)) {
                continue;
            }
            match parts.as_slice() {
                [a] => *syllables.entry(key(a)).or_default() += n,
                [a, b] => *pairs.entry(format!("{} {}", key(a), key(b))).or_default() += n,
                [a, b, c] => {
                    let (a, b, c) = (key(a), key(b), key(c));
                    if common.is_target(&format!("{b} {c}")) {
                        *before.entry((format!("{b} {c}"), a.clone())).or_default() += n;
                    }
                    if common.is_target(&format!("{a} {b}")) {
                        *after.entry((format!("{a} {b}"), c)).or_default() += n;
                    }
                }
                _ => {}
            }
        }
        // A pair one confusion from a word of our list is what the check flags: its count weighs
        // as much as the word's, also when the crawl lacks the word (`hiến tặng`, `hiến tạng`).
        let mut near_words: std::collections::HashSet<String> = Default::default();
        for p in common.words.iter().filter(|p| p.matches(' ').count() == 1) {
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
        // Beside each word of our list, the syllables seen `MIN_CONTEXT` times or more just before
        // it and just after it, sorted (one line a word, both lists space-separated).
        let mut contexts: std::collections::BTreeMap<&str, (Vec<&str>, Vec<&str>)> = Default::default();
        for ((word, s), n) in &before {
            if *n >= MIN_CONTEXT {
                contexts.entry(word).or_default().0.push(s);
            }
        }
        for ((word, s), n) in &after {
            if *n >= MIN_CONTEXT {
                contexts.entry(word).or_default().1.push(s);
            }
        }
        let out_path = format!("{}/data/contexts-viwiki.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&out_path).unwrap_or_default();
        let mut out: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
        for (word, (before, after)) in contexts {
            out.push_str(&format!("{word}\t{}\t{}\n", before.join(" "), after.join(" ")));
        }
        std::fs::write(&out_path, out).unwrap();
    }
}

//! Real published prose the project did not write (tests/corpus/laws.txt, wiki.txt and
//! wiki-heldout.txt; sources and licences in tests/corpus/README.md), checked as the editor
//! checks an article: each law and each Wikipedia article (the blocks between blank lines) is
//! one text.
//!
//! Every finding is listed in tests/corpus/judgements.tsv with a person's verdict: `right` when
//! the sentence has a real slip (that sentence is not a correct one), `wrong` when the sentence
//! is correct and the finding a false alarm. The test holds both: a finding on a sentence
//! nobody judged fails it, and so does a listed finding that no longer comes.

use std::collections::BTreeMap;

use banthao_text::check::FindingKind;
use banthao_text::spell::{findings, Speller};
use banthao_text::tone_style::ToneStyle;

const DIC: &str = "/usr/share/hunspell/vi_VN.dic";
const JUDGEMENTS: &str = include_str!("corpus/judgements.tsv");
const CORPORA: [(&str, &str); 3] = [
    ("laws.txt", include_str!("corpus/laws.txt")),
    ("wiki.txt", include_str!("corpus/wiki.txt")),
    ("wiki-heldout.txt", include_str!("corpus/wiki-heldout.txt")),
];

/// The texts of a corpus file: its blocks between blank lines, after the header line.
fn documents(text: &str) -> impl Iterator<Item = &str> {
    let body = text.split_once('\n').map_or("", |(_, body)| body);
    body.split("\n\n").map(str::trim).filter(|d| !d.is_empty())
}

/// (file, kind, finding text) → how many times, with the first sentence it stands in.
fn corpus_findings(sp: &Speller, extra: Option<(&str, &str)>) -> BTreeMap<(String, String, String), (usize, String)> {
    let mut out: BTreeMap<(String, String, String), (usize, String)> = BTreeMap::new();
    let show_suggestions = std::env::var_os("BANTHAO_PROSE_SUGGESTIONS").is_some();
    for (name, text) in CORPORA.into_iter().chain(extra) {
        for doc in documents(text) {
            let chars: Vec<char> = doc.chars().collect();
            for f in findings(doc, sp) {
                let kind = if f.kind == FindingKind::RealWord { "real-word" } else { "spelling" };
                let entry = out.entry((name.to_string(), kind.to_string(), f.text.clone())).or_default();
                entry.0 += 1;
                if entry.1.is_empty() {
                    entry.1 = sentence(&chars, f.start, f.end);
                    if show_suggestions {
                        entry.1 = format!("{}\t{}", f.suggestions.join("|"), entry.1);
                    }
                }
            }
        }
    }
    out
}

/// The sentence around chars `start..end`: from the end of the previous one (. ! ? or a line
/// break) to the end of this one.
fn sentence(chars: &[char], start: usize, end: usize) -> String {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = chars[..start].iter().rposition(|&c| ends(c)).map_or(0, |i| i + 1);
    let to = chars[end..].iter().position(|&c| ends(c)).map_or(chars.len(), |i| end + i + 1);
    chars[from..to].iter().collect::<String>().trim().to_string()
}

fn speller() -> Option<Speller> {
    match std::fs::read_to_string(DIC) {
        Ok(d) => Some(Speller::from_hunspell(&d, ToneStyle::OnSecondVowel)),
        Err(_) => {
            println!("note: {DIC} not found (install hunspell-vi); skipping");
            None
        }
    }
}

/// judgements.tsv: file, kind, finding text, count, verdict, reason, sentence.
fn judgements() -> BTreeMap<(String, String, String), (usize, String)> {
    JUDGEMENTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 6, "judgements.tsv: {l}");
            assert!(matches!(c[4], "right" | "wrong"), "judgements.tsv verdict: {l}");
            let count = c[3].parse().unwrap_or_else(|_| panic!("judgements.tsv count: {l}"));
            ((c[0].to_string(), c[1].to_string(), c[2].to_string()), (count, c[4].to_string()))
        })
        .collect()
}

#[test]
fn findings_on_real_prose_are_the_judged_ones() {
    let Some(sp) = speller() else { return };
    let tieng: usize = CORPORA.iter().map(|(_, t)| banthao_text::count_tieng(t)).sum();
    assert!(tieng >= 20_000, "{tieng} tiếng of real prose");
    let found = corpus_findings(&sp, None);
    let judged = judgements();
    let unjudged: Vec<String> = found
        .iter()
        .filter(|(key, (n, _))| judged.get(*key).map(|j| j.0) != Some(*n))
        .map(|((file, kind, text), (n, sentence))| format!("{file}\t{kind}\t{text}\t{n}\t?\t?\t{sentence}"))
        .collect();
    assert!(unjudged.is_empty(), "findings nobody judged (add them to judgements.tsv):\n{}", unjudged.join("\n"));
    let gone: Vec<_> = judged.keys().filter(|k| !found.contains_key(*k)).collect();
    assert!(gone.is_empty(), "judged findings that no longer come (remove them): {gone:?}");
}

/// Lists every finding with its sentence in the judgements.tsv layout:
/// `cargo test -p banthao-text --test real_prose -- --ignored --nocapture`. A UTF-8 file named
/// by BANTHAO_PROSE_EXTRA (blank-line-separated texts after a header line) is listed too;
/// with BANTHAO_PROSE_SUGGESTIONS set, each finding's suggestions come before its sentence.
#[test]
#[ignore]
fn print_findings() {
    let Some(sp) = speller() else { return };
    let extra = std::env::var("BANTHAO_PROSE_EXTRA").ok().map(|p| std::fs::read_to_string(p).unwrap());
    let judged = judgements();
    for (key, (n, sentence)) in corpus_findings(&sp, extra.as_deref().map(|t| ("extra", t))) {
        let (verdict, _) = judged.get(&key).map_or(("?", ""), |j| (j.1.as_str(), ""));
        let (file, kind, text) = key;
        println!("{file}\t{kind}\t{text}\t{n}\t{verdict}\t\t{sentence}");
    }
}

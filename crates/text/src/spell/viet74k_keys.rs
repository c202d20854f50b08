//! Checks and rewrites of the Viet74K data files (`data/words-viet74k.txt`,
//! `data/loanwords-viet74k.txt`): what they hold is what the checker reads without work.

use super::*;

/// The file's words as lookup keys: valid syllables, none a known slip, in order.
fn keyed(text: &str) -> Vec<String> {
    let slips: HashSet<String> = lines(SLIPS)
        .filter_map(|l| l.split_once('→'))
        .map(|(slip, _)| slip.split_whitespace().map(word_key).collect::<Vec<_>>().join(" "))
        .collect();
    let mut out: Vec<String> = lines(text)
        .filter_map(|l| l.split_once(' '))
        .filter(|(a, b)| syllable::is_valid(a) && syllable::is_valid(b))
        .map(|(a, b)| format!("{} {}", word_key(a), word_key(b)))
        .filter(|pair| !slips.contains(pair))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_viet74k_words_are_stored_as_lookup_keys() {
    let stored: Vec<&str> = lines(WORDS_VIET74K).collect();
    assert!(stored.len() > 40_000, "{}", stored.len());
    let slips: HashSet<String> = lines(SLIPS)
        .filter_map(|l| l.split_once('→'))
        .map(|(slip, _)| slip.split_whitespace().map(word_key).collect::<Vec<_>>().join(" "))
        .collect();
    for pair in stored {
        let keyed: Vec<String> = pair.split(' ').map(word_key).collect();
        assert_eq!(keyed.join(" "), pair, "run the ignored test write_viet74k_keys");
        assert!(!slips.contains(pair), "a known slip is listed as a word: {pair}");
    }
}

#[test]
fn the_viet74k_loanwords_are_runs_of_syllables() {
    let stored: Vec<&str> = lines(LOANWORDS_VIET74K).collect();
    assert!(stored.len() > 300, "{}", stored.len());
    for w in stored {
        assert!(!syllable::is_valid(w) && foreign::is_syllable_run(w), "run write_viet74k_loanwords: {w}");
    }
}

/// Rewrites a data file: its `#` header kept, its lines made by `body` from the whole text.
fn rewrite(name: &str, body: impl Fn(&str) -> Vec<String>) {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let header: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, header + &body(&text).iter().map(|w| format!("{w}\n")).collect::<String>()).unwrap();
}

/// After scripts/data/words-from-underthesea.py: keeps the loanwords that are runs of
/// syllables (`nơtron`; not `accordeon`, nor a misspelt syllable).
#[test]
#[ignore]
fn write_viet74k_loanwords() {
    rewrite("loanwords-viet74k.txt", |text| {
        lines(text).filter(|w| !syllable::is_valid(w) && foreign::is_syllable_run(w)).map(str::to_string).collect()
    });
}

/// After scripts/data/words-from-underthesea.py: rewrites the file as lookup keys.
#[test]
#[ignore]
fn write_viet74k_keys() {
    rewrite("words-viet74k.txt", keyed);
}

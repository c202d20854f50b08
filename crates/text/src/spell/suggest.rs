//! Ranked replacements for a misspelt syllable.
//!
//! Candidates are dictionary syllables whose toneless skeleton is the token's skeleton, or
//! one step from it: a shape slip (a/ă/â, o/ô/ơ, u/ư, e/ê, d/đ), a confusion from hunspell-vi's
//! REP table and newsroom experience (ch/tr, s/x, d/gi/r, l/n, g/gh, ng/ngh, c/k, v/d, i/y,
//! final n/ng, c/t, nh/n, ch/t, uo/ươ), or one edit (swap, delete, insert, replace). The
//! score is the kind of step (placement or tone only < shape < confusion < swap < edit),
//! plus a penalty when the tone differs (less for hỏi/ngã); ties go to the syllable used in
//! more listed words, then alphabetical order. Dictionary entries that break the syllable
//! rules (loanwords such as `ka`) rank after real syllables; a candidate that makes a listed
//! word with a neighbouring syllable (`chách nhiệm` → trách) ranks ahead.

use std::collections::HashMap;

use super::{apply_case, case_of, skeleton, tone_of, Speller};
use crate::syllable::{self, Tone};

const MAX: usize = 8;
const ALPHABET: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
const SHAPES: [&[char]; 5] = [&['a', 'ă', 'â'], &['o', 'ô', 'ơ'], &['u', 'ư'], &['e', 'ê'], &['d', 'đ']];
const INITIAL_REP: [(&str, &str); 12] = [
    ("ch", "tr"),
    ("s", "x"),
    ("d", "gi"),
    ("d", "r"),
    ("gi", "r"),
    ("l", "n"),
    ("g", "gh"),
    ("ng", "ngh"),
    ("c", "k"),
    ("c", "q"),
    ("v", "d"),
    ("v", "gi"),
];
const FINAL_REP: [(&str, &str); 5] = [("n", "ng"), ("t", "c"), ("nh", "n"), ("ch", "t"), ("nh", "ng")];
const ANY_REP: [(&str, &str); 4] = [("i", "y"), ("uo", "ươ"), ("ưu", "ươu"), ("iu", "iêu")];

/// Steps, cheapest first.
const SAME: u32 = 0;
const SHAPE: u32 = 3;
const CONFUSION: u32 = 4;
const SWAP: u32 = 5;
const EDIT: u32 = 6;

/// `prev`/`next` are the neighbouring syllables (lowercase): a candidate that makes a listed
/// word with one of them ranks first. `split` is the token as two syllables (a missing space,
/// `Ninhvà` → `Ninh và`): it ranks as a confusion, so a slip of a mark or a letter's shape
/// (`ngưòi` → `người`, not `ngư òi`) comes first, and any edit of the letters after it.
pub(super) fn suggestions(
    token: &str,
    sp: &Speller,
    prev: Option<&str>,
    next: Option<&str>,
    split: Option<String>,
) -> Vec<String> {
    if !sp.has_dictionary() {
        return Vec::new();
    }
    let lower = token.to_lowercase();
    let skel = skeleton(&lower);
    let tone = tone_of(&lower);
    let mut steps: HashMap<String, u32> = HashMap::new();
    let mut add = |s: String, step: u32| {
        let e = steps.entry(s).or_insert(step);
        *e = (*e).min(step);
    };
    add(skel.clone(), SAME);
    let chars: Vec<char> = skel.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        for group in SHAPES.iter().filter(|g| g.contains(&c)) {
            for &o in group.iter().filter(|&&o| o != c) {
                let mut v = chars.clone();
                v[i] = o;
                add(v.into_iter().collect(), SHAPE);
            }
        }
    }
    for (a, b) in INITIAL_REP {
        for (from, to) in [(a, b), (b, a)] {
            if let Some(rest) = skel.strip_prefix(from) {
                add(format!("{to}{rest}"), CONFUSION);
            }
        }
    }
    for (a, b) in FINAL_REP {
        for (from, to) in [(a, b), (b, a)] {
            if let Some(head) = skel.strip_suffix(from) {
                add(format!("{head}{to}"), CONFUSION);
            }
        }
    }
    for (a, b) in ANY_REP {
        for (from, to) in [(a, b), (b, a)] {
            for (at, _) in skel.match_indices(from) {
                add(format!("{}{to}{}", &skel[..at], &skel[at + from.len()..]), CONFUSION);
            }
        }
    }
    for i in 0..chars.len() {
        if i + 1 < chars.len() {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            add(v.into_iter().collect(), SWAP);
        }
        let mut v = chars.clone();
        v.remove(i);
        add(v.into_iter().collect(), EDIT);
    }
    for i in 0..=chars.len() {
        for a in ALPHABET.chars() {
            let mut v = chars.clone();
            v.insert(i, a);
            add(v.into_iter().collect(), EDIT);
            if i < chars.len() && chars[i] != a {
                let mut v = chars.clone();
                v[i] = a;
                add(v.into_iter().collect(), EDIT);
            }
        }
    }

    let own = crate::tone_style::convert_syllable(&lower, sp.house);
    let mut ranked: Vec<(u32, u32, &String)> = Vec::new();
    for (s, step) in &steps {
        let Some(found) = sp.by_skeleton.get(s) else { continue };
        for w in found.iter().filter(|&w| *w != own) {
            let t = tone_of(w);
            let penalty = match (tone, t) {
                _ if t == tone => 0,
                (Tone::Hook, Tone::Tilde) | (Tone::Tilde, Tone::Hook) => 1,
                _ => 2,
            };
            // Loanwords and other rule-breaking entries (ka, gen) come after real syllables.
            let odd = if syllable::is_valid(w) { 0 } else { 3 };
            let freq = sp.freq.get(&sp.word_key(w)).copied().unwrap_or(0);
            let in_word = prev.is_some_and(|p| sp.is_word(p, w)) || next.is_some_and(|n| sp.is_word(w, n));
            let score = (step + penalty + odd).saturating_sub(if in_word { 6 } else { 0 });
            ranked.push((score, freq, w));
        }
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    let case = case_of(token);
    let mut split = split;
    let mut out = Vec::with_capacity(MAX + 1);
    for (score, _, w) in ranked.into_iter().take(MAX) {
        if score >= CONFUSION {
            out.extend(split.take());
        }
        out.push(apply_case(w, case));
    }
    out.extend(split);
    out
}

/// Variants of a valid lowercase syllable that a writer confuses it with, each with a rank
/// (lower is likelier): initial s/x, ch/tr, d/gi/r, l/n (0); hỏi/ngã (1); a final consonant
/// n/ng, c/t, ch/t, nh/n, the southern slips (1); a shape mark (2); another tone or none, a
/// mark left out or slipped (3). Only valid syllables are returned.
pub(super) fn confusions(lower: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let Some(p) = syllable::parse(lower) else { return out };
    let chars: Vec<char> = lower.chars().collect();
    // Initials: bare `gi` (gì) keeps its i as the vowel.
    let bare_gi = p.initial == "gi"
        && chars.get(1).is_some_and(|&c| syllable::strip_tone(c) == 'i')
        && chars.get(2).and_then(|&c| syllable::split_vowel(c)).is_none();
    let (init, rest): (&str, String) = if bare_gi {
        ("gi", chars[1..].iter().collect())
    } else {
        (p.initial, chars[p.initial.chars().count()..].iter().collect())
    };
    const PAIRS: [(&str, &str); 5] = [("s", "x"), ("ch", "tr"), ("d", "gi"), ("d", "r"), ("gi", "r")];
    out.extend(swap_initial_l_n(lower).map(|v| (v, 0)));
    for (a, b) in PAIRS {
        for (from, to) in [(a, b), (b, a)] {
            if init != from {
                continue;
            }
            let v = if to == "gi" && rest.starts_with(|c: char| syllable::strip_tone(c) == 'i') {
                format!("g{rest}") // d + ì → gì
            } else {
                format!("{to}{rest}")
            };
            out.push((v, 0));
        }
    }
    // Tones: hỏi ↔ ngã first, then every other tone (or none) on the same vowel.
    let at = p.tone_at.unwrap_or_else(|| p.tone_index(crate::tone_style::ToneStyle::OnSecondVowel));
    for tone in [Tone::Level, Tone::Acute, Tone::Grave, Tone::Hook, Tone::Tilde, Tone::Dot] {
        if tone == p.tone {
            continue;
        }
        let hook_tilde = matches!((p.tone, tone), (Tone::Hook, Tone::Tilde) | (Tone::Tilde, Tone::Hook));
        out.push((syllable::retone(lower, tone, Some(at)), if hook_tilde { 1 } else { 3 }));
    }
    // Final consonants, tone kept: n/ng, c/t, ch/t, nh/n.
    const FINALS: [(&str, &str); 4] = [("n", "ng"), ("c", "t"), ("ch", "t"), ("nh", "n")];
    let coda = p.coda();
    for (a, b) in FINALS {
        for (from, to) in [(a, b), (b, a)] {
            if coda == from {
                let head: String = chars[..chars.len() - from.chars().count()].iter().collect();
                out.push((format!("{head}{to}"), 1));
            }
        }
    }
    // Shape slips, tone kept.
    for (i, &c) in chars.iter().enumerate() {
        let (base, tone) = match syllable::split_vowel(c) {
            Some((b, t, _)) => (b, Some(t)),
            None => (c, None),
        };
        for group in SHAPES.iter().filter(|g| g.contains(&base)) {
            for &o in group.iter().filter(|&&o| o != base) {
                let mut v = chars.clone();
                v[i] = match tone {
                    Some(t) => syllable::with_tone(o, t, false),
                    None => o,
                };
                out.push((v.into_iter().collect(), 2));
            }
        }
    }
    out.retain(|(v, _)| syllable::is_valid(v));
    out
}

/// The syllable with its initial l written n or n written l (`lại` → `nại`, `nàm` → `làm`):
/// the northern slip. `None` for other initials (`ng`, `nh` are initials of their own).
pub(super) fn swap_initial_l_n(lower: &str) -> Option<String> {
    let to = match syllable::parse(lower)?.initial {
        "l" => 'n',
        "n" => 'l',
        _ => return None,
    };
    let v: String = std::iter::once(to).chain(lower.chars().skip(1)).collect();
    syllable::is_valid(&v).then_some(v)
}

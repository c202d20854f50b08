//! Foreign words and names in Vietnamese copy: told apart from Vietnamese slips by what the
//! token's letters allow, not by a list.
//!
//! A token the syllable rules reject is foreign, not a slip, when nothing in it is Vietnamese
//! and no Vietnamese syllable is one slip away:
//! - it has no mark only Vietnamese writes (ă ơ ư đ, a hook above, a tilde, a dot below, a
//!   tone on â ê ô): `Genève`, `Désiré` and `Côte` use marks French writes too;
//! - [`near_vietnamese`] finds no syllable behind it: with its marks taken off it is no
//!   syllable's letters (`Kong`, `Ian`, `Ya`, `glây`; but `Net` may be `Nét`, `Hué` `Huế`); no
//!   initial g/gh or ng/ngh swap makes one (`nghành`, `ngiên`); dropping one of two equal
//!   letters does not (`tronng`, `nnay`); a token with marks does not split into two syllables
//!   (`Ninhvà`, `họcộng`: a missing space); and, for a lowercase word or a capitalised one
//!   that opens a sentence, neither does a c/k swap (`kà`), two letters swapped (`khôgn`) or
//!   Telex typed with the input method off (`khongf`). A capitalised token in the middle of a
//!   sentence is a name: `Kong`, `Ya`, `Les` stand.
//!
//! A token one slip from a syllable, or a syllable the dictionary lacks, without a mark only
//! Vietnamese writes, is foreign when a word next to it in the same phrase is foreign by the
//! tests above or has letters Vietnamese lacks (`Net Index`, `Gulf of Tonkin`, `held on 15`).

use std::sync::OnceLock;

use crate::fast_hash::FastSet as HashSet;
use crate::fold::fold_diacritics;
use crate::syllable::{self, split_vowel, Tone};
use crate::tone_style::ToneStyle;

/// What a token the rules reject may be, beyond a slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Foreign {
    /// Foreign wherever it stands.
    Always,
    /// Foreign unless it starts a sentence: a capitalised token one loose slip from a syllable
    /// (`Kong`, `Ya`, `Les` in a name; `Kà` opening a sentence is `Cà`).
    InName,
    /// One slip from a syllable (`Net`, `of`): foreign only beside a foreign word.
    Beside,
    /// Vietnamese by its marks or its length: a slip wherever it stands.
    Never,
}

/// How foreign a token that the syllable rules reject can be.
pub(super) fn classify(t: &str) -> Foreign {
    if has_vietnamese_mark(t) {
        return Foreign::Never;
    }
    let lower = t.to_lowercase();
    match super::case_of(t) {
        super::Case::Capitalised => {
            if near_vietnamese(&lower, false) {
                Foreign::Beside
            } else if near_vietnamese(&lower, true) {
                Foreign::InName
            } else {
                Foreign::Always
            }
        }
        // Short lowercase tokens (`op`, `of`, `it`) are as often a Vietnamese slip.
        super::Case::Lower if lower.chars().count() < 3 => Foreign::Beside,
        // A word of any Latin-script language has a vowel; `xyzw` is a slip of the keys.
        super::Case::Lower if !lower.chars().any(|c| split_vowel(c).is_some_and(|(v, _, _)| v != 'y')) => {
            Foreign::Never
        }
        _ if near_vietnamese(&lower, true) => Foreign::Beside,
        _ => Foreign::Always,
    }
}

/// Whether a char is a letter no Vietnamese word has (`ü`, `ñ`, `š`, `ł`): a foreign word.
pub(super) fn has_foreign_letter(t: &str) -> bool {
    t.chars().any(|c| c.is_alphabetic() && !super::is_letter(c))
}

/// Whether `t` has a mark only Vietnamese writes: ă ơ ư đ, a hook above, a tilde, a dot below,
/// or a tone on â ê ô. Acute and grave on plain vowels, and â ê ô alone, are French too.
pub(super) fn has_vietnamese_mark(t: &str) -> bool {
    t.chars().any(|c| {
        matches!(c, 'đ' | 'Đ')
            || split_vowel(c).is_some_and(|(base, tone, _)| {
                matches!(base, 'ă' | 'ơ' | 'ư')
                    || matches!(tone, Tone::Hook | Tone::Tilde | Tone::Dot)
                    || (matches!(base, 'â' | 'ê' | 'ô') && tone != Tone::Level)
            })
    })
}

/// Whether a Vietnamese syllable (or two) is one slip away from lowercase `lower`: its letters
/// with other marks, an initial g/gh or ng/ngh swapped, or (for a token with marks) a missing
/// space. `loose` adds the slips foreign names look like too, counted only where a token
/// cannot be a name: one of two equal letters dropped (`tronng`, but `Linn`), Telex decoded
/// (`khongf`, but `Les`), and in a token with marks an initial c/k or two letters swapped
/// (`kà`, `khôgn`). A plain ASCII word is no syllable after one of these last two: its
/// marks would be missing as well.
pub(super) fn near_vietnamese(lower: &str, loose: bool) -> bool {
    let bare = fold_diacritics(lower);
    let known = |s: &str| bare_syllables().contains(s);
    let swapped = |pairs: &[(&str, &str)]| {
        pairs.iter().any(|(from, to)| bare.strip_prefix(from).is_some_and(|rest| known(&format!("{to}{rest}"))))
    };
    let marked = !lower.is_ascii();
    if known(&bare)
        || swapped(&[("ngh", "ng"), ("ng", "ngh"), ("gh", "g"), ("g", "gh")])
        || (marked && splits_in_two(lower).next().is_some())
    {
        return true;
    }
    if !loose {
        return false;
    }
    let chars: Vec<char> = bare.chars().collect();
    let without = |i: usize| -> String { chars.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| c).collect() };
    let transposed = |i: usize| -> String {
        let mut v = chars.clone();
        v.swap(i - 1, i);
        v.into_iter().collect()
    };
    (1..chars.len()).any(|i| chars[i] == chars[i - 1] && known(&without(i)))
        || is_telex(lower)
        || (marked && (swapped(&[("k", "c"), ("c", "k")]) || (1..chars.len()).any(|i| known(&transposed(i)))))
}

/// The splits of `lower` into two syllables valid by rule (`ninhvà` → `ninh`, `và`).
pub(super) fn splits_in_two(lower: &str) -> impl Iterator<Item = (&str, &str)> {
    lower
        .char_indices()
        .skip(1)
        .map(|(at, _)| lower.split_at(at))
        .filter(|(a, b)| syllable::is_valid(a) && syllable::is_valid(b))
}

/// Whether `lower` is two valid syllables or more written as one token (`nơtron`, `đôla`):
/// what `data/loanwords-viet74k.txt` holds.
#[cfg(test)]
pub(super) fn is_syllable_run(lower: &str) -> bool {
    let cuts: Vec<usize> = lower.char_indices().map(|(at, _)| at).chain([lower.len()]).collect();
    // ends[k]: how many syllables make up the first cuts[k] bytes (0 = none fits).
    let mut ends = vec![0usize; cuts.len()];
    for k in 1..cuts.len() {
        ends[k] = (0..k)
            .filter(|&j| (j == 0 || ends[j] > 0) && syllable::is_valid(&lower[cuts[j]..cuts[k]]))
            .map(|j| ends[j] + 1)
            .max()
            .unwrap_or(0);
    }
    ends[cuts.len() - 1] >= 2
}

/// Every syllable's letters without marks (`nghieng`, `duong`), made once from the rules.
fn bare_syllables() -> &'static HashSet<String> {
    static BARE: OnceLock<HashSet<String>> = OnceLock::new();
    BARE.get_or_init(|| syllable::toneless_syllables().iter().map(|s| fold_diacritics(s)).collect())
}

/// Whether an ASCII word reads as one Vietnamese syllable typed in Telex (`khongf`, `dduowcj`):
/// the marks written as letters (dd aa aw ee oo ow uw, uow for ươ), the tone as a last f s r x j.
pub(super) fn is_telex(t: &str) -> bool {
    if !t.is_ascii() {
        return false;
    }
    let mut v = t.to_string();
    for (telex, letter) in
        [("uow", "ươ"), ("dd", "đ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư")]
    {
        v = v.replace(telex, letter);
    }
    let (base, tone) = match v.chars().last() {
        Some('f') => (&v[..v.len() - 1], Tone::Grave),
        Some('s') => (&v[..v.len() - 1], Tone::Acute),
        Some('r') => (&v[..v.len() - 1], Tone::Hook),
        Some('x') => (&v[..v.len() - 1], Tone::Tilde),
        Some('j') => (&v[..v.len() - 1], Tone::Dot),
        _ => (v.as_str(), Tone::Level),
    };
    let Some(p) = syllable::parse(base) else { return false };
    let toned = syllable::retone(base, tone, Some(p.tone_index(ToneStyle::OnSecondVowel)));
    toned != t && syllable::is_valid(&toned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syllable_is_in_the_bare_set() {
        for s in ["nghiêng", "người", "quốc", "giữa", "gì", "khuya", "oẳn", "thuở", "yêu", "xoong"] {
            assert!(bare_syllables().contains(&fold_diacritics(s)), "{s}");
        }
        for s in ["kong", "ian", "ya", "genev", "glay"] {
            assert!(!bare_syllables().contains(s), "{s}");
        }
    }

    #[test]
    fn foreign_by_letters_and_marks() {
        for name in ["Genève", "Désiré", "Kong", "Ian", "Ya", "Biden", "Messi", "Carrière"] {
            assert_eq!(classify(name), Foreign::Always, "{name}");
        }
        for word in ["glây", "website", "hacker", "rayon"] {
            assert_eq!(classify(word), Foreign::Always, "{word}");
        }
        // A name one loose slip from a syllable: foreign unless it opens a sentence.
        for name in ["Kà", "Linn", "Les"] {
            assert_eq!(classify(name), Foreign::InName, "{name}");
        }
        // One slip from Vietnamese: foreign only beside a foreign word.
        for t in ["Net", "Nguyen", "Hué", "Nghành", "Ninhvà", "net", "of", "khongf", "tronng", "khôgn", "ngiên", "kà"]
        {
            assert_eq!(classify(t), Foreign::Beside, "{t}");
        }
        // Marks only Vietnamese writes, or no vowel: a slip wherever it stands.
        for t in ["Huỳnhtạo", "phẳn", "đat", "ttuệ", "xyzw"] {
            assert_eq!(classify(t), Foreign::Never, "{t}");
        }
    }
}

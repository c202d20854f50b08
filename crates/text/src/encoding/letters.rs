//! The 134 Vietnamese letters with diacritics (67 per case, `đ` included) as parts: an ASCII
//! base letter, a shape mark and a tone. Built once from Unicode composition, so no table
//! here can disagree with Unicode.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    None,
    /// ă
    Breve,
    /// â ê ô
    Circumflex,
    /// ơ ư
    Horn,
    /// đ
    Stroke,
}

pub(crate) use crate::syllable::Tone;

/// A letter as parts. `base` is an ASCII letter whose case is the letter's case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Parts {
    pub base: char,
    pub shape: Shape,
    pub tone: Tone,
}

struct Tables {
    parts: HashMap<char, Parts>,
    compose: HashMap<Parts, char>,
}

/// The shapes a base vowel takes in Vietnamese.
pub(crate) fn shapes_of(base: char) -> &'static [Shape] {
    match base.to_ascii_lowercase() {
        'a' => &[Shape::None, Shape::Breve, Shape::Circumflex],
        'e' => &[Shape::None, Shape::Circumflex],
        'o' => &[Shape::None, Shape::Circumflex, Shape::Horn],
        'u' => &[Shape::None, Shape::Horn],
        'i' | 'y' => &[Shape::None],
        _ => &[],
    }
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut parts = HashMap::new();
        let mut compose = HashMap::new();
        for base in "aeiouyAEIOUY".chars() {
            for &shape in shapes_of(base) {
                for tone in Tone::ALL {
                    let mut s = String::from(base);
                    s.extend(match shape {
                        Shape::Breve => Some('\u{0306}'),
                        Shape::Circumflex => Some('\u{0302}'),
                        Shape::Horn => Some('\u{031B}'),
                        Shape::None | Shape::Stroke => None,
                    });
                    s.extend(tone.combining());
                    let composed: String = s.nfc().collect();
                    let mut chars = composed.chars();
                    let c = chars.next().expect("one char");
                    debug_assert!(chars.next().is_none(), "{s:?} composes to one char");
                    let p = Parts { base, shape, tone };
                    parts.insert(c, p);
                    compose.insert(p, c);
                }
            }
        }
        for (c, base) in [('đ', 'd'), ('Đ', 'D')] {
            let p = Parts { base, shape: Shape::Stroke, tone: Tone::Level };
            parts.insert(c, p);
            compose.insert(p, c);
        }
        Tables { parts, compose }
    })
}

/// The parts of a Vietnamese letter (plain ASCII vowels included, with no shape and no tone).
pub(crate) fn parts(c: char) -> Option<Parts> {
    tables().parts.get(&c).copied()
}

/// The letter made of these parts, if Vietnamese has it.
pub(crate) fn compose(base: char, shape: Shape, tone: Tone) -> Option<char> {
    tables().compose.get(&Parts { base, shape, tone }).copied()
}

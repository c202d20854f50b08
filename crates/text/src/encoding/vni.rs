//! VNI-Windows (fonts `VNI-Times`, `VNI-Helve`…): a letter is an ASCII base letter followed
//! by one mark byte (`Vieät` = Việt: `e` + `ä`), except for a few letters with their own
//! byte (ơ `ô`, ư `ö`, đ `ñ`, the toned `i`s and `ỵ`). A capital takes the capital form of
//! the mark (`Ä` = 0xC4 for `ä` = 0xE4: always 0x20 lower).
//!
//! Data: the VNI-Windows font layout as published by VNI and used by every Vietnamese
//! converter, written out here by hand (bytes are the Windows-1252 positions of the glyphs
//! named in the comments) and checked against Word samples in the tests.
//!
//! Decoding goes left to right, longest match first (letter + mark before a single byte),
//! so a mark byte is only ever read after the letter it belongs to. Chained string
//! replacement does not work for VNI: it turns `hoaøn` into `hồn`.

use super::cp1252;
use super::letters::{self, Shape, Tone};

/// Mark bytes (lowercase forms) and what they add to the letter before them.
#[rustfmt::skip]
const MARKS: [(u8, Shape, Tone); 17] = [
    (0xF9, Shape::None, Tone::Acute),       // ù
    (0xF8, Shape::None, Tone::Grave),       // ø
    (0xFB, Shape::None, Tone::Hook),        // û
    (0xF5, Shape::None, Tone::Tilde),       // õ
    (0xEF, Shape::None, Tone::Dot),         // ï
    (0xEA, Shape::Breve, Tone::Level),      // ê
    (0xE9, Shape::Breve, Tone::Acute),      // é
    (0xE8, Shape::Breve, Tone::Grave),      // è
    (0xFA, Shape::Breve, Tone::Hook),       // ú
    (0xFC, Shape::Breve, Tone::Tilde),      // ü
    (0xEB, Shape::Breve, Tone::Dot),        // ë
    (0xE2, Shape::Circumflex, Tone::Level), // â
    (0xE1, Shape::Circumflex, Tone::Acute), // á
    (0xE0, Shape::Circumflex, Tone::Grave), // à
    (0xE5, Shape::Circumflex, Tone::Hook),  // å
    (0xE3, Shape::Circumflex, Tone::Tilde), // ã
    (0xE4, Shape::Circumflex, Tone::Dot),   // ä
];

/// Letters with a byte of their own (lowercase forms): (byte, ASCII base, shape, tone).
#[rustfmt::skip]
const SINGLES: [(u8, char, Shape, Tone); 9] = [
    (0xED, 'i', Shape::None, Tone::Acute),  // í
    (0xEC, 'i', Shape::None, Tone::Grave),  // ì
    (0xE6, 'i', Shape::None, Tone::Hook),   // æ
    (0xF3, 'i', Shape::None, Tone::Tilde),  // ó
    (0xF2, 'i', Shape::None, Tone::Dot),    // ò
    (0xEE, 'y', Shape::None, Tone::Dot),    // î
    (0xF4, 'o', Shape::Horn, Tone::Level),  // ô = ơ
    (0xF6, 'u', Shape::Horn, Tone::Level),  // ö = ư
    (0xF1, 'd', Shape::Stroke, Tone::Level), // ñ = đ
];

/// Lowercase form of a byte in 0xC0–0xDE (VNI's capital marks and letters).
fn lower(b: u8) -> (u8, bool) {
    if (0xC0..=0xDE).contains(&b) && b != 0xD7 {
        (b + 0x20, true)
    } else {
        (b, false)
    }
}

fn mark(b: u8) -> Option<(Shape, Tone)> {
    let (b, _) = lower(b);
    MARKS.iter().find(|m| m.0 == b).map(|m| (m.1, m.2))
}

fn single(b: u8) -> Option<(char, Shape, Tone)> {
    let (l, upper) = lower(b);
    SINGLES.iter().find(|s| s.0 == l).map(|s| (if upper { s.1.to_ascii_uppercase() } else { s.1 }, s.2, s.3))
}

/// A byte that can take a mark: (ASCII base letter, its shape).
fn base(b: u8) -> Option<(char, Shape)> {
    match b {
        b'a' | b'e' | b'o' | b'u' | b'y' | b'A' | b'E' | b'O' | b'U' | b'Y' => Some((b as char, Shape::None)),
        _ => match single(b) {
            Some((c, Shape::Horn, Tone::Level)) => Some((c, Shape::Horn)),
            _ => None,
        },
    }
}

/// The letter `base` + `mark`, if Vietnamese has it.
fn combine(base: (char, Shape), mark: (Shape, Tone)) -> Option<char> {
    let shape = match (base.1, mark.0) {
        (s, Shape::None) => s,
        (Shape::None, s) if letters::shapes_of(base.0).contains(&s) => s,
        _ => return None,
    };
    letters::compose(base.0, shape, mark.1)
}

/// Decodes VNI-Windows bytes. Bytes that are no part of a letter read as Windows-1252;
/// with `strict` (detection), such a byte that would read as a Latin letter becomes U+FFFD.
pub(crate) fn decode(bytes: &[u8], strict: bool) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if let (Some(base), Some(&next)) = (base(b), bytes.get(i + 1)) {
                if let Some(c) = mark(next).and_then(|m| combine(base, m)) {
                    out.push(c);
                    i += 2;
                    continue;
                }
            }
            out.push(b as char);
            i += 1;
            continue;
        }
        if let Some((letter, shape, tone)) = single(b) {
            let next = bytes.get(i + 1).and_then(|&n| mark(n));
            if let Some(c) = base(b).zip(next).and_then(|(base, m)| combine(base, m)) {
                out.push(c);
                i += 2;
                continue;
            }
            out.push(letters::compose(letter, shape, tone).expect("VNI single letters exist"));
            i += 1;
            continue;
        }
        let c = cp1252::decode_byte(b);
        out.push(if strict && c.is_alphabetic() { '\u{FFFD}' } else { c });
        i += 1;
    }
    out
}

/// Encodes text as VNI-Windows; `None` for a character with no VNI bytes (including Latin-1
/// letters such as `ñ` or `ö`, whose bytes VNI uses for marks).
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let Some(p) = letters::parts(c) else {
            let b = cp1252::encode_char(c)?;
            if mark(b).is_some() || single(b).is_some() {
                return None;
            }
            out.push(b);
            continue;
        };
        let upper = p.base.is_ascii_uppercase();
        let case = |b: u8| if upper { b - 0x20 } else { b };
        let lower_base = p.base.to_ascii_lowercase();
        if let Some(s) = SINGLES.iter().find(|s| s.1 == lower_base && s.2 == p.shape && s.3 == p.tone) {
            out.push(case(s.0));
            continue;
        }
        let (head, mark_shape) = match p.shape {
            Shape::Horn => (case(SINGLES.iter().find(|s| s.1 == lower_base && s.2 == Shape::Horn)?.0), Shape::None),
            shape => (p.base as u8, shape),
        };
        out.push(head);
        if mark_shape != Shape::None || p.tone != Tone::Level {
            let m = MARKS.iter().find(|m| m.1 == mark_shape && m.2 == p.tone)?;
            out.push(case(m.0));
        }
    }
    Some(out)
}

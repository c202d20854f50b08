//! VIQR (RFC 1456, "Vietnamese Quoted-Readable"): ASCII with markers after the vowel.
//! Shapes `a(` ă, `a^ e^ o^` â ê ô, `o+ u+` ơ ư, `dd DD` đ Đ; tones `'` sắc, `` ` `` huyền,
//! `?` hỏi, `~` ngã, `.` nặng (`Vie^.t Nam`, `nu+o+'c`). `\` before a marker keeps it literal.
//!
//! Data: the markers of RFC 1456 (no table is needed).
//!
//! How markers are read (so that ordinary punctuation survives):
//! - a shape marker only right after a vowel that can take it (`(` after `a`; `^` after
//!   `a e o`; `+` after `o u`) and before the tone;
//! - `dd` / `DD` / `Dd` only at the start of a word (Vietnamese đ only starts a syllable);
//! - a tone marker only right after a vowel, and only once per word (`No^.i?` keeps its `?`);
//! - in casual text (no `\` escape anywhere in the input), a tone marker that ends a word
//!   stays punctuation when the toned word would not be a valid syllable (`to^i.` → `tôi.`),
//!   and a `.` or `?` ending a word stays punctuation before `. ? !`, at the end of a line
//!   and at the end of the text (`Ha` No^.i?` → `Hà Nội?`, `ddi dda^u?` → `đi đâu?`).
//!   Elsewhere it is a tone, as RFC 1456 says: casual `sa^u. Ngu+o+`i` reads `sậu Người`
//!   (write `sa^u\. Ngu+o+`i`). Rules based on a following capital were tried and dropped:
//!   news text is full of `o+? Ha` No^.i` (ở Hà Nội) and `cho+. DDo^`ng Xua^n`.
//! - text with at least one `\` escape is strict RFC 1456: every marker after a vowel counts.
//!
//! [`encode`] writes strict VIQR (it escapes every literal marker that follows a letter), so
//! its output always decodes back exactly when it contains an escape; non-ASCII characters
//! that are not Vietnamese letters are kept as UTF-8.

use super::cp1252;
use super::detect::is_valid_syllable;
use super::letters::{self, Shape, Tone};

fn shape_marker(c: char) -> Option<Shape> {
    match c {
        '(' => Some(Shape::Breve),
        '^' => Some(Shape::Circumflex),
        '+' => Some(Shape::Horn),
        _ => None,
    }
}

fn tone_marker(c: char) -> Option<Tone> {
    match c {
        '\'' => Some(Tone::Acute),
        '`' => Some(Tone::Grave),
        '?' => Some(Tone::Hook),
        '~' => Some(Tone::Tilde),
        '.' => Some(Tone::Dot),
        _ => None,
    }
}

fn is_marker(c: char) -> bool {
    shape_marker(c).is_some() || tone_marker(c).is_some()
}

fn escapable(c: char) -> bool {
    is_marker(c) || matches!(c, '\\' | 'd' | 'D')
}

/// Decodes VIQR bytes: UTF-8 when they are valid UTF-8, else Windows-1252.
pub(crate) fn decode_bytes(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => decode(s),
        Err(_) => decode(&bytes.iter().map(|&b| cp1252::decode_byte(b)).collect::<String>()),
    }
}

/// Decodes VIQR text (see the module doc for how markers are read). Output is NFC for the
/// letters it composes; the caller normalises the rest.
pub(crate) fn decode(text: &str) -> String {
    let input: Vec<char> = text.chars().collect();
    let strict = input.windows(2).any(|w| w[0] == '\\' && is_marker(w[1]));
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    // Index in `out` where the current word starts (None between words).
    let mut word_start: Option<usize> = None;
    let mut word_toned = false;
    let mut i = 0;
    while i < input.len() {
        let c = input[i];
        let next = input.get(i + 1).copied();
        // Escapes.
        if c == '\\' && next.is_some_and(escapable) {
            let n = next.unwrap_or('\\');
            push_plain(&mut out, n, &mut word_start, &mut word_toned);
            i += 2;
            continue;
        }
        // dd at the start of a word.
        if matches!(c, 'd' | 'D') && word_start.is_none() && matches!(next, Some('d' | 'D')) {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            word_start = Some(out.len() - 1);
            word_toned = false;
            i += 2;
            continue;
        }
        let last = word_start.and_then(|_| out.last().copied()).and_then(letters::parts);
        if let (Some(shape), Some(p)) = (shape_marker(c), last) {
            if p.shape == Shape::None && p.tone == Tone::Level {
                if let Some(letter) = letters::compose(p.base, shape, Tone::Level) {
                    *out.last_mut().expect("a letter") = letter;
                    i += 1;
                    continue;
                }
            }
        }
        if let (Some(tone), Some(p), false) = (tone_marker(c), last, word_toned) {
            if p.shape != Shape::Stroke && p.tone == Tone::Level {
                let letter = letters::compose(p.base, p.shape, tone).expect("every vowel takes every tone");
                let word_final = !next.is_some_and(|n| n.is_alphabetic() || n == '\\');
                if strict || !word_final || casual_tone_ok(&input, i, &out, word_start.unwrap_or(0), letter) {
                    *out.last_mut().expect("a letter") = letter;
                    word_toned = true;
                    i += 1;
                    continue;
                }
            }
        }
        push_plain(&mut out, c, &mut word_start, &mut word_toned);
        i += 1;
    }
    out.into_iter().collect()
}

fn push_plain(out: &mut Vec<char>, c: char, word_start: &mut Option<usize>, word_toned: &mut bool) {
    out.push(c);
    if c.is_alphabetic() {
        if word_start.is_none() {
            *word_start = Some(out.len() - 1);
            *word_toned = false;
        }
        if letters::parts(c).is_some_and(|p| p.tone != Tone::Level) {
            *word_toned = true;
        }
    } else {
        *word_start = None;
        *word_toned = false;
    }
}

/// In casual text: does the tone marker at `input[i]`, which ends a word, count as a tone?
fn casual_tone_ok(input: &[char], i: usize, out: &[char], word_start: usize, letter: char) -> bool {
    let c = input[i];
    if matches!(c, '.' | '?') && matches!(input.get(i + 1), None | Some('.' | '?' | '!' | '\n' | '\r')) {
        return false;
    }
    let mut word: String = out[word_start..out.len() - 1].iter().collect();
    word.push(letter);
    is_valid_syllable(&word)
}

/// Encodes text as strict VIQR. `None` only for text VIQR cannot carry: an `đ` inside a word
/// or a word with two tones.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    let mut prev: Option<char> = None;
    let mut word_toned = false;
    let mut word_start_d = false; // the current word is a single ASCII d / D so far
    for c in text.chars() {
        let prev_alpha = prev.is_some_and(char::is_alphabetic);
        if !prev_alpha {
            word_toned = false;
        }
        match letters::parts(c) {
            Some(p) if !c.is_ascii() => {
                if p.shape == Shape::Stroke {
                    if prev_alpha {
                        return None;
                    }
                    out.push_str(if c == 'Đ' { "DD" } else { "dd" });
                } else {
                    if p.tone != Tone::Level {
                        if word_toned {
                            return None;
                        }
                        word_toned = true;
                    }
                    out.push(p.base);
                    out.extend(match p.shape {
                        Shape::Breve => Some('('),
                        Shape::Circumflex => Some('^'),
                        Shape::Horn => Some('+'),
                        Shape::None | Shape::Stroke => None,
                    });
                    out.extend(match p.tone {
                        Tone::Level => None,
                        Tone::Acute => Some('\''),
                        Tone::Grave => Some('`'),
                        Tone::Hook => Some('?'),
                        Tone::Tilde => Some('~'),
                        Tone::Dot => Some('.'),
                    });
                }
            }
            _ => {
                if c == '\\' || (prev_alpha && is_marker(c)) || (word_start_d && matches!(c, 'd' | 'D')) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        word_start_d = matches!(c, 'd' | 'D') && !prev_alpha;
        prev = Some(c);
    }
    Some(out.into_bytes())
}

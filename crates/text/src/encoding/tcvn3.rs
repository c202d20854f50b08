//! TCVN3 ("ABC", TCVN 5712:1993 VN3): the fonts `.VnTime`, `.VnArial`… and their capital
//! twins `.VnTimeH`, `.VnArialH`…
//!
//! Data: derived from glibc `iconv -f TCVN5712-1` (glibc 2.36) run over every byte
//! 0xA1–0xFF, keeping the bytes that give a lowercase letter or one of the seven capitals
//! TCVN3 has (Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7): 74 bytes. glibc's TCVN5712-1 is VN1, which also
//! puts toned capitals in 0x01–0x17, 0x80–0x9F and a few bytes above 0xA0, and combining
//! tones at 0xB0–0xB4; TCVN3 fonts have none of those, so those bytes are read as
//! Windows-1252 (so `30°C`, `…` and curly quotes in a `.VnTime` run survive).
//!
//! Round-trip limit: a toned capital (`Ờ`, `Ấ`…) has no TCVN3 byte; the `…H` fonts show the
//! lowercase bytes as capitals instead. [`encode`] returns `None` for such text; the case
//! comes back only through the font name (see `fonts.rs`).
//!
//! Note: `ư` is 0xAD, the Windows-1252 soft hyphen, which HTML sanitisers strip: convert
//! before sanitising.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cp1252;

#[rustfmt::skip]
const TABLE: [(u8, char); 74] = [
    (0xA1, '\u{0102}'), (0xA2, '\u{00C2}'), (0xA3, '\u{00CA}'), (0xA4, '\u{00D4}'), (0xA5, '\u{01A0}'),
    (0xA6, '\u{01AF}'), (0xA7, '\u{0110}'), (0xA8, '\u{0103}'), (0xA9, '\u{00E2}'), (0xAA, '\u{00EA}'),
    (0xAB, '\u{00F4}'), (0xAC, '\u{01A1}'), (0xAD, '\u{01B0}'), (0xAE, '\u{0111}'), (0xB5, '\u{00E0}'),
    (0xB6, '\u{1EA3}'), (0xB7, '\u{00E3}'), (0xB8, '\u{00E1}'), (0xB9, '\u{1EA1}'), (0xBB, '\u{1EB1}'),
    (0xBC, '\u{1EB3}'), (0xBD, '\u{1EB5}'), (0xBE, '\u{1EAF}'), (0xC6, '\u{1EB7}'), (0xC7, '\u{1EA7}'),
    (0xC8, '\u{1EA9}'), (0xC9, '\u{1EAB}'), (0xCA, '\u{1EA5}'), (0xCB, '\u{1EAD}'), (0xCC, '\u{00E8}'),
    (0xCE, '\u{1EBB}'), (0xCF, '\u{1EBD}'), (0xD0, '\u{00E9}'), (0xD1, '\u{1EB9}'), (0xD2, '\u{1EC1}'),
    (0xD3, '\u{1EC3}'), (0xD4, '\u{1EC5}'), (0xD5, '\u{1EBF}'), (0xD6, '\u{1EC7}'), (0xD7, '\u{00EC}'),
    (0xD8, '\u{1EC9}'), (0xDC, '\u{0129}'), (0xDD, '\u{00ED}'), (0xDE, '\u{1ECB}'), (0xDF, '\u{00F2}'),
    (0xE1, '\u{1ECF}'), (0xE2, '\u{00F5}'), (0xE3, '\u{00F3}'), (0xE4, '\u{1ECD}'), (0xE5, '\u{1ED3}'),
    (0xE6, '\u{1ED5}'), (0xE7, '\u{1ED7}'), (0xE8, '\u{1ED1}'), (0xE9, '\u{1ED9}'), (0xEA, '\u{1EDD}'),
    (0xEB, '\u{1EDF}'), (0xEC, '\u{1EE1}'), (0xED, '\u{1EDB}'), (0xEE, '\u{1EE3}'), (0xEF, '\u{00F9}'),
    (0xF1, '\u{1EE7}'), (0xF2, '\u{0169}'), (0xF3, '\u{00FA}'), (0xF4, '\u{1EE5}'), (0xF5, '\u{1EEB}'),
    (0xF6, '\u{1EED}'), (0xF7, '\u{1EEF}'), (0xF8, '\u{1EE9}'), (0xF9, '\u{1EF1}'), (0xFA, '\u{1EF3}'),
    (0xFB, '\u{1EF7}'), (0xFC, '\u{1EF9}'), (0xFD, '\u{00FD}'), (0xFE, '\u{1EF5}'),
];

/// The letter of a TCVN3 byte, if it is one of the 74 letter bytes.
pub(crate) fn letter(b: u8) -> Option<char> {
    if b < 0xA1 {
        return None;
    }
    TABLE.binary_search_by_key(&b, |&(byte, _)| byte).ok().map(|i| TABLE[i].1)
}

/// Decodes TCVN3 bytes (not yet NFC: the caller normalises). Bytes that are not letters
/// read as Windows-1252; with `strict`, a non-letter byte that would read as a Latin letter
/// becomes U+FFFD instead (detection uses this so that wrong guesses score badly).
pub(crate) fn decode(bytes: &[u8], strict: bool) -> String {
    bytes.iter().map(|&b| decode_byte(b, strict)).collect()
}

pub(crate) fn decode_byte(b: u8, strict: bool) -> char {
    if b < 0x80 {
        return b as char;
    }
    match letter(b) {
        Some(c) => c,
        None => {
            let c = cp1252::decode_byte(b);
            if strict && c.is_alphabetic() {
                '\u{FFFD}'
            } else {
                c
            }
        }
    }
}

fn reverse() -> &'static HashMap<char, u8> {
    static REVERSE: OnceLock<HashMap<char, u8>> = OnceLock::new();
    REVERSE.get_or_init(|| TABLE.iter().map(|&(b, c)| (c, b)).collect())
}

/// Encodes text as TCVN3; `None` for a toned capital or any other character without a byte.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    text.chars().map(encode_char).collect()
}

fn encode_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    if let Some(&b) = reverse().get(&c) {
        return Some(b);
    }
    // Other Windows-1252 characters keep their byte unless TCVN3 uses it for a letter.
    cp1252::encode_char(c).filter(|&b| letter(b).is_none())
}

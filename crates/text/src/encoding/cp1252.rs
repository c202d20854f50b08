//! Windows-1252, the code page Word uses when legacy-font text is pasted or saved: the
//! legacy decoders fall back to it for bytes that are not letters in their own table.
//!
//! Data: glibc `iconv -f CP1252` over 0x80–0x9F (0xA0–0xFF are Latin-1, identical to
//! U+00A0–U+00FF). The five bytes it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the
//! C1 control of the same number, as browsers do, so every byte round-trips.

use std::collections::HashMap;
use std::sync::OnceLock;

#[rustfmt::skip]
const HIGH: [(u8, char); 27] = [
    (0x80, '\u{20AC}'), (0x82, '\u{201A}'), (0x83, '\u{0192}'), (0x84, '\u{201E}'), (0x85, '\u{2026}'),
    (0x86, '\u{2020}'), (0x87, '\u{2021}'), (0x88, '\u{02C6}'), (0x89, '\u{2030}'), (0x8A, '\u{0160}'),
    (0x8B, '\u{2039}'), (0x8C, '\u{0152}'), (0x8E, '\u{017D}'), (0x91, '\u{2018}'), (0x92, '\u{2019}'),
    (0x93, '\u{201C}'), (0x94, '\u{201D}'), (0x95, '\u{2022}'), (0x96, '\u{2013}'), (0x97, '\u{2014}'),
    (0x98, '\u{02DC}'), (0x99, '\u{2122}'), (0x9A, '\u{0161}'), (0x9B, '\u{203A}'), (0x9C, '\u{0153}'),
    (0x9E, '\u{017E}'), (0x9F, '\u{0178}'),
];

/// The Windows-1252 character of a byte.
pub(crate) fn decode_byte(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        if let Ok(i) = HIGH.binary_search_by_key(&b, |&(byte, _)| byte) {
            return HIGH[i].1;
        }
    }
    b as char
}

/// The Windows-1252 byte of a character, if it has one.
pub(crate) fn encode_char(c: char) -> Option<u8> {
    static REVERSE: OnceLock<HashMap<char, u8>> = OnceLock::new();
    let code = c as u32;
    if code < 0x80 || (0xA0..0x100).contains(&code) {
        return Some(code as u8);
    }
    REVERSE.get_or_init(|| (0x80..0xA0u8).map(|b| (decode_byte(b), b)).collect()).get(&c).copied()
}

//! Windows-1258 (CP1258): precomposed Latin-1 letters and shapes (ă â ê ô ơ ư đ), with the
//! five tones as combining marks (0xCC ̀, 0xD2 ̉, 0xDE ̃, 0xEC ́, 0xF2 ̣). Decoded text is
//! taken to NFC by the caller; encoding uses a precomposed byte where there is one and a
//! combining tone after it otherwise, as Windows does.
//!
//! Data: derived from glibc `iconv -f CP1258` (glibc 2.36) run over all 256 bytes; listed
//! are the 37 bytes that do not read as the same code point. The nine bytes glibc leaves
//! undefined (0x81 0x8A 0x8D 0x8E 0x8F 0x90 0x9A 0x9D 0x9E) read as the C1 control of the
//! same number, so decoding never fails.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::byte_table::ByteTable;
use super::letters::{self, Tone};

#[rustfmt::skip]
const TABLE: [(u8, char); 37] = [
    (0x80, '\u{20AC}'), (0x82, '\u{201A}'), (0x83, '\u{0192}'), (0x84, '\u{201E}'), (0x85, '\u{2026}'),
    (0x86, '\u{2020}'), (0x87, '\u{2021}'), (0x88, '\u{02C6}'), (0x89, '\u{2030}'), (0x8B, '\u{2039}'),
    (0x8C, '\u{0152}'), (0x91, '\u{2018}'), (0x92, '\u{2019}'), (0x93, '\u{201C}'), (0x94, '\u{201D}'),
    (0x95, '\u{2022}'), (0x96, '\u{2013}'), (0x97, '\u{2014}'), (0x98, '\u{02DC}'), (0x99, '\u{2122}'),
    (0x9B, '\u{203A}'), (0x9C, '\u{0153}'), (0x9F, '\u{0178}'), (0xC3, '\u{0102}'), (0xCC, '\u{0300}'),
    (0xD0, '\u{0110}'), (0xD2, '\u{0309}'), (0xD5, '\u{01A0}'), (0xDD, '\u{01AF}'), (0xDE, '\u{0303}'),
    (0xE3, '\u{0103}'), (0xEC, '\u{0301}'), (0xF0, '\u{0111}'), (0xF2, '\u{0323}'), (0xF5, '\u{01A1}'),
    (0xFD, '\u{01B0}'), (0xFE, '\u{20AB}'),
];

fn table() -> &'static ByteTable {
    static TABLE_256: OnceLock<ByteTable> = OnceLock::new();
    TABLE_256.get_or_init(|| ByteTable::new(&TABLE))
}

/// Decodes CP1258 bytes (combining tones stay combining: the caller normalises to NFC).
pub(crate) fn decode(bytes: &[u8]) -> String {
    table().decode(bytes)
}

/// Encodes text as CP1258: each character as its byte, or else as its shaped letter followed
/// by a combining tone byte (`ấ` → `â` + 0xEC). `None` if neither works.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    let table = table();
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(b) = table.byte(c) {
            out.push(b);
            continue;
        }
        // A Vietnamese letter: its shaped letter (â, ư…) then the tone. Canonical order puts a
        // dot below before the shape mark (ặ = a + ̣ + ̆), so this cannot go by NFD prefixes.
        if let Some(p) = letters::parts(c) {
            let shaped = letters::compose(p.base, p.shape, Tone::Level)?;
            out.push(table.byte(shaped)?);
            out.push(table.byte(p.tone.combining()?)?);
            continue;
        }
        // Anything else: the longest precomposed start of its decomposition, then marks.
        let parts: Vec<char> = c.to_string().nfd().collect();
        let (head, b) = (1..parts.len()).rev().find_map(|n| {
            let start: String = parts[..n].iter().collect::<String>().nfc().collect();
            let mut chars = start.chars();
            match (chars.next(), chars.next()) {
                (Some(one), None) => table.byte(one).map(|b| (n, b)),
                _ => None,
            }
        })?;
        out.push(b);
        for mark in &parts[head..] {
            out.push(table.byte(*mark)?);
        }
    }
    Some(out)
}

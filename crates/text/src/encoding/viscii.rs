//! VISCII (RFC 1456's 8-bit companion): all 134 letters with diacritics have their own
//! byte, including six in the C0 control range (0x02 0x05 0x06 0x14 0x19 0x1E).
//!
//! Data: derived from glibc `iconv -f VISCII` (glibc 2.36) run over all 256 bytes; listed
//! are the 103 bytes that do not read as the same code point (the rest are ASCII / Latin-1).

use std::sync::OnceLock;

use super::byte_table::ByteTable;

#[rustfmt::skip]
const TABLE: [(u8, char); 103] = [
    (0x02, '\u{1EB2}'), (0x05, '\u{1EB4}'), (0x06, '\u{1EAA}'), (0x14, '\u{1EF6}'), (0x19, '\u{1EF8}'),
    (0x1E, '\u{1EF4}'), (0x80, '\u{1EA0}'), (0x81, '\u{1EAE}'), (0x82, '\u{1EB0}'), (0x83, '\u{1EB6}'),
    (0x84, '\u{1EA4}'), (0x85, '\u{1EA6}'), (0x86, '\u{1EA8}'), (0x87, '\u{1EAC}'), (0x88, '\u{1EBC}'),
    (0x89, '\u{1EB8}'), (0x8A, '\u{1EBE}'), (0x8B, '\u{1EC0}'), (0x8C, '\u{1EC2}'), (0x8D, '\u{1EC4}'),
    (0x8E, '\u{1EC6}'), (0x8F, '\u{1ED0}'), (0x90, '\u{1ED2}'), (0x91, '\u{1ED4}'), (0x92, '\u{1ED6}'),
    (0x93, '\u{1ED8}'), (0x94, '\u{1EE2}'), (0x95, '\u{1EDA}'), (0x96, '\u{1EDC}'), (0x97, '\u{1EDE}'),
    (0x98, '\u{1ECA}'), (0x99, '\u{1ECE}'), (0x9A, '\u{1ECC}'), (0x9B, '\u{1EC8}'), (0x9C, '\u{1EE6}'),
    (0x9D, '\u{0168}'), (0x9E, '\u{1EE4}'), (0x9F, '\u{1EF2}'), (0xA0, '\u{00D5}'), (0xA1, '\u{1EAF}'),
    (0xA2, '\u{1EB1}'), (0xA3, '\u{1EB7}'), (0xA4, '\u{1EA5}'), (0xA5, '\u{1EA7}'), (0xA6, '\u{1EA9}'),
    (0xA7, '\u{1EAD}'), (0xA8, '\u{1EBD}'), (0xA9, '\u{1EB9}'), (0xAA, '\u{1EBF}'), (0xAB, '\u{1EC1}'),
    (0xAC, '\u{1EC3}'), (0xAD, '\u{1EC5}'), (0xAE, '\u{1EC7}'), (0xAF, '\u{1ED1}'), (0xB0, '\u{1ED3}'),
    (0xB1, '\u{1ED5}'), (0xB2, '\u{1ED7}'), (0xB3, '\u{1EE0}'), (0xB4, '\u{01A0}'), (0xB5, '\u{1ED9}'),
    (0xB6, '\u{1EDD}'), (0xB7, '\u{1EDF}'), (0xB8, '\u{1ECB}'), (0xB9, '\u{1EF0}'), (0xBA, '\u{1EE8}'),
    (0xBB, '\u{1EEA}'), (0xBC, '\u{1EEC}'), (0xBD, '\u{01A1}'), (0xBE, '\u{1EDB}'), (0xBF, '\u{01AF}'),
    (0xC4, '\u{1EA2}'), (0xC5, '\u{0102}'), (0xC6, '\u{1EB3}'), (0xC7, '\u{1EB5}'), (0xCB, '\u{1EBA}'),
    (0xCE, '\u{0128}'), (0xCF, '\u{1EF3}'), (0xD0, '\u{0110}'), (0xD1, '\u{1EE9}'), (0xD5, '\u{1EA1}'),
    (0xD6, '\u{1EF7}'), (0xD7, '\u{1EEB}'), (0xD8, '\u{1EED}'), (0xDB, '\u{1EF9}'), (0xDC, '\u{1EF5}'),
    (0xDE, '\u{1EE1}'), (0xDF, '\u{01B0}'), (0xE4, '\u{1EA3}'), (0xE5, '\u{0103}'), (0xE6, '\u{1EEF}'),
    (0xE7, '\u{1EAB}'), (0xEB, '\u{1EBB}'), (0xEE, '\u{0129}'), (0xEF, '\u{1EC9}'), (0xF0, '\u{0111}'),
    (0xF1, '\u{1EF1}'), (0xF6, '\u{1ECF}'), (0xF7, '\u{1ECD}'), (0xF8, '\u{1EE5}'), (0xFB, '\u{0169}'),
    (0xFC, '\u{1EE7}'), (0xFE, '\u{1EE3}'), (0xFF, '\u{1EEE}'),
];

fn table() -> &'static ByteTable {
    static TABLE_256: OnceLock<ByteTable> = OnceLock::new();
    TABLE_256.get_or_init(|| ByteTable::new(&TABLE))
}

/// Decodes VISCII bytes (the caller normalises to NFC).
pub(crate) fn decode(bytes: &[u8]) -> String {
    table().decode(bytes)
}

/// Encodes text as VISCII; `None` for a character VISCII lacks.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    text.chars().map(|c| table().byte(c)).collect()
}

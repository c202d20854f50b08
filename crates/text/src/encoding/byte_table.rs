//! A single-byte code page as a table: 256 chars, built once from the bytes that differ from
//! Latin-1 (every other byte reads as the code point of the same number), and its reverse.
//! Decoding is one index per byte.

use std::collections::HashMap;

pub(crate) struct ByteTable {
    to_char: [char; 256],
    to_byte: HashMap<char, u8>,
}

impl ByteTable {
    /// `differences` lists (byte, char) for the bytes that are not Latin-1.
    pub(crate) fn new(differences: &[(u8, char)]) -> ByteTable {
        let mut to_char: [char; 256] = std::array::from_fn(|b| b as u8 as char);
        for &(byte, c) in differences {
            to_char[byte as usize] = c;
        }
        let to_byte = (0..=255u8).map(|b| (to_char[b as usize], b)).collect();
        ByteTable { to_char, to_byte }
    }

    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        bytes.iter().map(|&b| self.to_char[b as usize]).collect()
    }

    /// The byte for `c`, if the code page has it.
    pub(crate) fn byte(&self, c: char) -> Option<u8> {
        self.to_byte.get(&c).copied()
    }
}

//! Spelling: syllables by rule, words by dictionary (hunspell-vi, read by the caller), and
//! real-word slips in multi-syllable words.

use crate::check::Finding;

/// What the spelling check knows: the dictionary and the newsroom's own words.
#[derive(Debug, Clone, Default)]
pub struct Speller {}

/// Findings of kind `Spelling` and `RealWord`.
pub fn findings(_text: &str, _speller: &Speller) -> Vec<Finding> {
    Vec::new() // stub: being written
}

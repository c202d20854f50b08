//! Vietnamese text, with no I/O and no dependency on storage or the window.
//!
//! Everything that enters the library passes through [`nfc`]; search and slugs use
//! [`fold`]; sorting by name uses [`collate`]; the editor's live counts use [`count`].

pub mod check;
pub mod collate;
pub mod count;
pub mod encoding;
pub mod fast_hash;
pub mod fold;
pub mod nfc;
pub mod slug;
pub mod spell;
pub mod syllable;
pub mod tokens;
pub mod tone_style;

pub use collate::{compare as collate_vi, sort_key as collation_key};
pub use count::{count_chars, count_tieng, TextCounts};
pub use fold::{fold_char, fold_diacritics, fold_for_search};
pub use nfc::{to_nfc, to_nfc_string};
pub use slug::slugify;

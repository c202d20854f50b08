//! Checks a Vietnamese desk editor makes: spelling, real-word slips, house tone style,
//! abbreviations, quotes, spacing, capitalisation of names, lengths.

pub mod finding;

pub use finding::{Finding, FindingKind, Message};

//! The abbreviation list in force: the built-in list with the house text on top
//! (`CheckSettings::abbreviations`), and what the settings screen shows of it.

use banthao_text::check::Abbreviations;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::library::Library;

/// One entry of a list: the abbreviation and its full forms (the first is suggested).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AbbreviationEntry {
    pub abbr: String,
    pub full_forms: Vec<String>,
}

/// What the house text does to the built-in list, and how many entries are in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AbbreviationSummary {
    /// Entries in the built-in list.
    pub builtin: u32,
    /// House entries not in the built-in list.
    pub added: Vec<String>,
    /// Built-in entries the house text gives other full forms.
    pub replaced: Vec<String>,
    /// Built-in entries the house text drops (`-ABBR`).
    pub removed: Vec<String>,
    /// Entries in force.
    pub total: u32,
}

/// The abbreviations allowed unexplained: the built-in ones and what the house text changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AllowedAbbreviations {
    /// Allowed by default (TP.HCM, GDP…), in the built-in order.
    pub builtin: Vec<String>,
    /// Allowed by the house, not by default.
    pub added: Vec<String>,
    /// Allowed by default, dropped by the house (`-ABBR`).
    pub removed: Vec<String>,
    /// Allowed in force.
    pub total: u32,
}

/// The built-in list as shipped, and the summary for the library's house text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AbbreviationList {
    pub builtin: Vec<AbbreviationEntry>,
    pub summary: AbbreviationSummary,
    pub allowed: AllowedAbbreviations,
}

/// The list the checks use for these house texts (malformed lines skipped): the expansions,
/// and the abbreviations allowed unexplained.
pub(crate) fn in_force(house: &str, allowed_house: &str) -> Abbreviations {
    Abbreviations::with_house(Abbreviations::builtin(), house).0.with_allowed_house(allowed_house).0
}

/// Refuses a house text with a line that is neither an entry, a removal, a comment nor blank,
/// and an allowed-list text with a line that is not abbreviations.
pub(crate) fn validate(house: &str, allowed_house: &str) -> Result<()> {
    if let Some(line) = Abbreviations::invalid_lines(house).first() {
        return Err(Error::AbbreviationLine(*line));
    }
    match Abbreviations::invalid_allowed_lines(allowed_house).first() {
        Some(line) => Err(Error::AllowedAbbreviationLine(*line)),
        None => Ok(()),
    }
}

/// The built-in list and what the house texts make of it.
pub fn abbreviation_list(house: &str, allowed_house: &str) -> AbbreviationList {
    let builtin = Abbreviations::builtin();
    let (list, changes) = Abbreviations::with_house(builtin, house);
    let (allowed, allowed_changes) = builtin.with_allowed_house(allowed_house);
    AbbreviationList {
        builtin: builtin
            .entries()
            .iter()
            .map(|e| AbbreviationEntry { abbr: e.abbr.clone(), full_forms: e.full_forms.clone() })
            .collect(),
        summary: AbbreviationSummary {
            builtin: builtin.len() as u32,
            added: changes.added,
            replaced: changes.replaced,
            removed: changes.removed,
            total: list.len() as u32,
        },
        allowed: AllowedAbbreviations {
            builtin: builtin.allowed().to_vec(),
            added: allowed_changes.added,
            removed: allowed_changes.removed,
            total: allowed.allowed().len() as u32,
        },
    }
}

impl Library {
    /// The built-in abbreviation list and the summary for this library's saved house text.
    pub fn abbreviation_list(&self) -> Result<AbbreviationList> {
        let settings = self.check_settings()?;
        Ok(abbreviation_list(&settings.abbreviations, &settings.allowed_abbreviations))
    }
}

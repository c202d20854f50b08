//! Abbreviations the house allows unexplained: the few every Vietnamese reader knows
//! (TP.HCM, GDP, USD…). The built-in list is `crates/text/data/abbreviations-allowed.txt`;
//! a newsroom writes only what differs, as for the expansion list: `ABBR` allows one more,
//! `-ABBR` drops a built-in one. Several may share a line, separated by spaces or commas.

use super::Abbreviations;

const BUILTIN_ALLOWED: &str = include_str!("../../../data/abbreviations-allowed.txt");

/// What the house text changed in the allowed list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowedChanges {
    /// Allowed here, not in the built-in list.
    pub added: Vec<String>,
    /// Built-in ones dropped with `-ABBR`.
    pub removed: Vec<String>,
}

/// The words of a line: (abbreviation, dropped?). None for a line that is neither.
fn line_words(line: &str) -> Option<Vec<(String, bool)>> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for word in line.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
        let (abbr, dropped) = match word.strip_prefix('-') {
            Some(rest) => (rest, true),
            None => (word, false),
        };
        if abbr.is_empty() || abbr.contains('=') || !abbr.chars().any(char::is_alphabetic) {
            return None;
        }
        out.push((crate::nfc::to_nfc_string(abbr), dropped));
    }
    Some(out)
}

/// The built-in allowed list, in file order.
pub(super) fn builtin_allowed() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (abbr, _) in BUILTIN_ALLOWED.lines().filter_map(line_words).flatten() {
        if !out.contains(&abbr) {
            out.push(abbr);
        }
    }
    out
}

impl Abbreviations {
    /// True when the house lets `abbr` stand unexplained.
    pub fn is_allowed(&self, abbr: &str) -> bool {
        self.allowed.iter().any(|a| a == abbr)
    }

    /// The abbreviations allowed unexplained, in order.
    pub fn allowed(&self) -> &[String] {
        &self.allowed
    }

    /// The built-in allowed list (what [`Abbreviations::builtin`] allows).
    pub fn builtin_allowed() -> Vec<String> {
        builtin_allowed()
    }

    /// This list with the house text of allowed abbreviations applied: `ABBR` allows one,
    /// `-ABBR` drops one. Malformed lines are skipped (see [`Abbreviations::invalid_allowed_lines`]).
    pub fn with_allowed_house(&self, house: &str) -> (Abbreviations, AllowedChanges) {
        let mut list = self.clone();
        for (abbr, dropped) in house.lines().filter_map(line_words).flatten() {
            list.allowed.retain(|a| *a != abbr);
            if !dropped {
                list.allowed.push(abbr);
            }
        }
        let changes = AllowedChanges {
            added: list.allowed.iter().filter(|a| !self.allowed.contains(a)).cloned().collect(),
            removed: self.allowed.iter().filter(|a| !list.allowed.contains(a)).cloned().collect(),
        };
        (list, changes)
    }

    /// 1-based numbers of the lines of an allowed-list house text that are not abbreviations,
    /// removals, comments or blank.
    pub fn invalid_allowed_lines(text: &str) -> Vec<usize> {
        text.lines().enumerate().filter(|(_, l)| line_words(l).is_none()).map(|(i, _)| i + 1).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_allowed_list_is_small_and_well_formed() {
        let allowed = builtin_allowed();
        assert!((10..=40).contains(&allowed.len()), "{allowed:?}");
        assert!(allowed.contains(&"TP.HCM".to_string()) && allowed.contains(&"GDP".to_string()));
        assert!(Abbreviations::invalid_allowed_lines(BUILTIN_ALLOWED).is_empty());
        assert!(Abbreviations::builtin().is_allowed("USD"));
        assert!(!Abbreviations::from_text("").is_allowed("USD"), "a house list alone allows nothing");
    }

    #[test]
    fn house_lines_add_and_drop() {
        let base = Abbreviations::builtin();
        let (list, changes) = base.with_allowed_house("# nhà mình\nFPT, VNPT\n-GDP\n");
        assert!(list.is_allowed("FPT") && list.is_allowed("VNPT") && !list.is_allowed("GDP"));
        assert_eq!(changes.added, ["FPT", "VNPT"]);
        assert_eq!(changes.removed, ["GDP"]);
        assert_eq!(Abbreviations::invalid_allowed_lines("FPT\nA = b\n-\n123\n"), [2, 3, 4]);
        assert_eq!(base.with_allowed_house("").1, AllowedChanges::default());
    }
}

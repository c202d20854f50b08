//! The house list on top of the built-in one. A newsroom writes only what differs:
//! `ABBR = full form` adds an entry or replaces the built-in one with the same abbreviation,
//! `-ABBR` drops a built-in entry. An empty house text leaves the built-in list as it is.
//!
//! Libraries from before this merge kept a whole list in the house text; read this way, each
//! of its entries replaces the built-in one of the same form (an identical entry changes
//! nothing), so they check what they checked before, plus the built-ins they did not list.

use super::{parse_line, Abbreviations};

/// What the house text changed, by abbreviation, in the order they appear in the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseChanges {
    /// Not in the built-in list.
    pub added: Vec<String>,
    /// In the built-in list with other full forms.
    pub replaced: Vec<String>,
    /// Built-in entries dropped with `-ABBR`.
    pub removed: Vec<String>,
}

/// One meaningful line of the house text.
enum HouseLine<'a> {
    Entry(&'a str, Vec<&'a str>),
    Remove(&'a str),
}

fn house_line(line: &str) -> Option<HouseLine<'_>> {
    if let Some((abbr, forms)) = parse_line(line) {
        return Some(HouseLine::Entry(abbr, forms));
    }
    let abbr = line.trim().strip_prefix('-')?.trim();
    let one_word = !abbr.is_empty() && !abbr.contains(|c: char| c.is_whitespace() || c == '=');
    one_word.then_some(HouseLine::Remove(abbr))
}

/// True for a line the house text may hold: blank, a `#` comment, an entry or a removal.
pub(super) fn is_house_line(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#') || house_line(line).is_some()
}

impl Abbreviations {
    /// The list in force: `builtin` with the house text applied line by line. Malformed lines
    /// are skipped here (the settings screen refuses them first, see
    /// [`Abbreviations::invalid_lines`]). Repeated house lines for one abbreviation add full
    /// forms; a later `-ABBR` drops what earlier lines defined.
    pub fn with_house(builtin: &Abbreviations, house: &str) -> (Abbreviations, HouseChanges) {
        let mut list = builtin.clone();
        // Abbreviations the house text has defined so far: their next lines add forms.
        let mut defined: Vec<String> = Vec::new();
        for line in house.lines() {
            match house_line(line) {
                Some(HouseLine::Entry(abbr, forms)) => {
                    let abbr = crate::nfc::to_nfc_string(abbr);
                    if !defined.contains(&abbr) {
                        list.replace_in_place(&abbr, &forms);
                        defined.push(abbr);
                    } else {
                        list.insert(&abbr, &forms);
                    }
                }
                Some(HouseLine::Remove(abbr)) => {
                    let abbr = crate::nfc::to_nfc_string(abbr);
                    list.remove(&abbr);
                    defined.retain(|a| *a != abbr);
                }
                None => {}
            }
        }
        let changes = HouseChanges {
            added: list.entries.iter().filter(|e| builtin.get(&e.abbr).is_none()).map(|e| e.abbr.clone()).collect(),
            replaced: list
                .entries
                .iter()
                .filter(|e| builtin.get(&e.abbr).is_some_and(|b| b.full_forms != e.full_forms))
                .map(|e| e.abbr.clone())
                .collect(),
            removed: builtin.entries.iter().filter(|b| list.get(&b.abbr).is_none()).map(|b| b.abbr.clone()).collect(),
        };
        (list, changes)
    }

    /// Sets an entry's full forms, keeping its place in the list; appends a new one.
    fn replace_in_place(&mut self, abbr: &str, full_forms: &[&str]) {
        let entry = super::Abbreviation::new(abbr, full_forms);
        if entry.full_forms.is_empty() {
            return;
        }
        match self.entries.iter_mut().find(|e| e.abbr == entry.abbr) {
            Some(old) => *old = entry,
            None => self.entries.push(entry),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Abbreviations {
        Abbreviations::from_text("UBND = Ủy ban nhân dân\nPCCC = phòng cháy chữa cháy\nATTP = an toàn thực phẩm\n")
    }

    fn abbrs(list: &Abbreviations) -> Vec<&str> {
        list.entries().iter().map(|e| e.abbr.as_str()).collect()
    }

    #[test]
    fn an_empty_house_text_is_the_builtin_list() {
        let (list, changes) = Abbreviations::with_house(&builtin(), "  \n# nothing yet\n");
        assert_eq!(list, builtin());
        assert_eq!(changes, HouseChanges::default());
    }

    #[test]
    fn a_house_entry_is_added_on_top_of_the_builtins() {
        let (list, changes) = Abbreviations::with_house(&builtin(), "BHXH = bảo hiểm xã hội");
        assert_eq!(abbrs(&list), ["UBND", "PCCC", "ATTP", "BHXH"]);
        assert_eq!(changes.added, ["BHXH"]);
        assert!(changes.replaced.is_empty() && changes.removed.is_empty());
    }

    #[test]
    fn a_house_entry_replaces_the_builtin_of_the_same_abbreviation_in_place() {
        let house = "PCCC = phòng cháy, chữa cháy | chữa cháy\nPCCC = cứu hoả\nUBND = Ủy ban nhân dân";
        let (list, changes) = Abbreviations::with_house(&builtin(), house);
        assert_eq!(abbrs(&list), ["UBND", "PCCC", "ATTP"]);
        assert_eq!(list.get("PCCC").unwrap().full_forms, ["phòng cháy, chữa cháy", "chữa cháy", "cứu hoả"]);
        // An entry written as it is built in (an old full list) changes nothing.
        assert_eq!(changes.replaced, ["PCCC"]);
        assert!(changes.added.is_empty());
    }

    #[test]
    fn a_minus_line_drops_a_builtin_entry() {
        let house = "# not ours\n-ATTP\n- UBND\n-KHONGCO\n\nX = ích\n-X";
        let (list, changes) = Abbreviations::with_house(&builtin(), house);
        assert_eq!(abbrs(&list), ["PCCC"]);
        assert_eq!(changes.removed, ["UBND", "ATTP"]);
        assert!(changes.added.is_empty(), "defined, then dropped");
    }

    #[test]
    fn lines_that_are_neither_are_reported_and_skipped() {
        let house = "BHXH = bảo hiểm xã hội\nkhông có dấu bằng\n-\n- hai chữ\n-UBND\nX =\n-X=";
        assert_eq!(Abbreviations::invalid_lines(house), [2, 3, 4, 6, 7]);
        let (list, changes) = Abbreviations::with_house(&builtin(), house);
        assert_eq!(abbrs(&list), ["PCCC", "ATTP", "BHXH"]);
        assert_eq!((changes.added.len(), changes.removed.len()), (1, 1));
    }
}

//! Abbreviations used before their full form. Style guides want the full form at first
//! mention with the abbreviation after it in parentheses, "Ủy ban nhân dân (UBND)"; later
//! uses of the bare abbreviation are then fine.
//!
//! The rule: the first use of a listed abbreviation is flagged when none of its full forms
//! appears before it (in this text, or in an earlier field of the same article via
//! `check_fields`). Only the first use is flagged. "UBND (Ủy ban nhân dân)", full form after
//! it in parentheses, is flagged as a whole with the order swapped as the suggestion.
//! The abbreviation matches case-sensitively as a whole word; the full form matches without
//! regard to case or tone placement (`hoà` = `hòa`), across spaces, hyphens and commas but
//! not across other punctuation or lines. The suggestion is written in the house tone style.

mod allowed;
mod candidates;
mod house;

use std::collections::HashSet;
use std::sync::OnceLock;

pub use allowed::AllowedChanges;
pub use house::HouseChanges;

use super::{at_sentence_start, capitalise_first, finding, syllable_key, Finding, FindingKind, Message};
use crate::tokens::tokens;

/// One abbreviation and the full forms that define it (the first is the one suggested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviation {
    pub abbr: String,
    pub full_forms: Vec<String>,
    /// Syllable keys of each full form.
    keys: Vec<Vec<String>>,
}

impl Abbreviation {
    pub fn new(abbr: &str, full_forms: &[&str]) -> Abbreviation {
        let mut a = Abbreviation { abbr: crate::nfc::to_nfc_string(abbr.trim()), full_forms: vec![], keys: vec![] };
        for form in full_forms {
            a.add_full_form(form);
        }
        a
    }

    fn add_full_form(&mut self, form: &str) {
        let form = crate::nfc::to_nfc_string(form.trim());
        let keys: Vec<String> = tokens(&form).iter().map(|t| syllable_key(t.text)).collect();
        if !keys.is_empty() && !self.keys.contains(&keys) {
            self.full_forms.push(form);
            self.keys.push(keys);
        }
    }

    /// "Ủy ban nhân dân (UBND)": what a first mention should say.
    pub fn first_mention(&self) -> String {
        format!("{} ({})", self.full_forms[0], self.abbr)
    }
}

/// The editable expansion list. [`Abbreviations::default`] is the built-in list
/// (`crates/text/data/abbreviations.txt`); a newsroom writes its changes to it as text
/// ([`Abbreviations::with_house`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviations {
    entries: Vec<Abbreviation>,
    /// Abbreviations the house allows unexplained (TP.HCM, GDP…), as written.
    allowed: Vec<String>,
}

const BUILTIN: &str = include_str!("../../data/abbreviations.txt");

impl Default for Abbreviations {
    fn default() -> Self {
        Abbreviations { allowed: allowed::builtin_allowed(), ..Abbreviations::from_text(BUILTIN) }
    }
}

impl Abbreviations {
    /// An empty list (checks nothing).
    pub fn empty() -> Self {
        Abbreviations { entries: Vec::new(), allowed: Vec::new() }
    }

    /// The built-in list, parsed once.
    pub fn builtin() -> &'static Abbreviations {
        static LIST: OnceLock<Abbreviations> = OnceLock::new();
        LIST.get_or_init(Abbreviations::default)
    }

    /// Parses lines `ATTP = an toàn thực phẩm`; alternatives after `|` (`CNCH = cứu nạn cứu
    /// hộ | cứu hộ cứu nạn`). Blank lines and lines starting with `#` are skipped, as are
    /// lines without `=` or with an empty side (see [`Abbreviations::invalid_lines`]). A
    /// repeated abbreviation adds its full forms to the first.
    pub fn from_text(text: &str) -> Self {
        let mut list = Abbreviations::empty();
        for line in text.lines() {
            if let Some((abbr, forms)) = parse_line(line) {
                list.insert(abbr, &forms);
            }
        }
        list
    }

    /// 1-based numbers of the lines of a house text that are neither an entry
    /// (`ABBR = full form`), a removal (`-ABBR`), a comment nor blank, for the settings screen.
    pub fn invalid_lines(text: &str) -> Vec<usize> {
        text.lines().enumerate().filter(|(_, l)| !house::is_house_line(l)).map(|(i, _)| i + 1).collect()
    }

    /// The list in the format [`Abbreviations::from_text`] reads.
    pub fn to_text(&self) -> String {
        self.entries.iter().map(|e| format!("{} = {}\n", e.abbr, e.full_forms.join(" | "))).collect()
    }

    /// Adds an abbreviation, or more full forms to one already listed.
    pub fn insert(&mut self, abbr: &str, full_forms: &[&str]) {
        let abbr = crate::nfc::to_nfc_string(abbr.trim());
        if abbr.is_empty() {
            return;
        }
        match self.entries.iter_mut().find(|e| e.abbr == abbr) {
            Some(entry) => full_forms.iter().for_each(|f| entry.add_full_form(f)),
            None => {
                let entry = Abbreviation::new(&abbr, full_forms);
                if !entry.full_forms.is_empty() {
                    self.entries.push(entry);
                }
            }
        }
    }

    /// Removes an abbreviation; true if it was listed.
    pub fn remove(&mut self, abbr: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.abbr != abbr);
        before != self.entries.len()
    }

    pub fn get(&self, abbr: &str) -> Option<&Abbreviation> {
        self.entries.iter().find(|e| e.abbr == abbr)
    }

    pub fn entries(&self) -> &[Abbreviation] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn parse_line(line: &str) -> Option<(&str, Vec<&str>)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (abbr, forms) = line.split_once('=')?;
    let abbr = abbr.trim();
    let forms: Vec<&str> = forms.split('|').map(str::trim).filter(|f| !f.is_empty()).collect();
    if abbr.is_empty() || abbr.chars().any(char::is_whitespace) || forms.is_empty() {
        return None;
    }
    Some((abbr, forms))
}

/// Findings for one text. `seen` holds abbreviations defined (or already flagged) earlier in
/// the article; it is updated with this text's definitions and flags.
pub(crate) fn findings(
    text: &str,
    chars: &[char],
    list: &Abbreviations,
    house_style: Option<crate::tone_style::ToneStyle>,
    seen: &mut HashSet<String>,
) -> Vec<Finding> {
    let full = full_form_spans(text, chars, list);
    let mut out = Vec::new();
    for (start, end, entry_index) in abbreviation_uses(text, chars, list) {
        let abbr: String = chars[start..end].iter().collect();
        if seen.contains(&abbr) || list.is_allowed(&abbr) {
            continue;
        }
        seen.insert(abbr.clone());
        // "an ninh trật tự (ANTT)" and "ANTT (an ninh trật tự)" both give the full form.
        if defined_here(chars, start, end) {
            continue;
        }
        let Some(entry_index) = entry_index else {
            let message = Message::new(
                format!(
                    "“{abbr}” là chữ viết tắt chưa được giải thích: lần nhắc đầu tiên nên viết đầy đủ, chữ viết tắt để trong ngoặc sau đó."
                ),
                format!("“{abbr}” is an abbreviation that is not explained: at first mention write the full form, with the abbreviation after it in parentheses."),
            );
            out.push(finding(FindingKind::Abbreviation, chars, start, end, message, vec![]));
            continue;
        };
        let entry = &list.entries[entry_index];
        let spans = &full[entry_index];
        if spans.iter().any(|&(_, full_end)| full_end <= start) {
            continue; // defined before: fine
        }
        let mut suggestion = entry.first_mention();
        if let Some(style) = house_style {
            suggestion = crate::tone_style::convert(&suggestion, style);
        }
        if at_sentence_start(chars, start) {
            suggestion = capitalise_first(&suggestion);
        }
        let message = Message::new(
            format!("“{}” được dùng trước khi viết đầy đủ: lần nhắc đầu tiên nên viết “{}”.", entry.abbr, suggestion),
            format!("“{}” is used before its full form: at first mention write “{}”.", entry.abbr, suggestion),
        );
        out.push(finding(FindingKind::Abbreviation, chars, start, end, message, vec![suggestion]));
    }
    for (entry, spans) in list.entries.iter().zip(&full) {
        if !spans.is_empty() {
            seen.insert(entry.abbr.clone());
        }
    }
    out
}

/// The abbreviation at `start..end` is defined where it stands: alone in parentheses after
/// a phrase ("an ninh trật tự (ANTT)"), or followed by a parenthesised phrase in lower case
/// ("ANTT (an ninh trật tự)").
fn defined_here(chars: &[char], start: usize, end: usize) -> bool {
    let mut before = start;
    while before > 0 && chars[before - 1] == ' ' {
        before -= 1;
    }
    let in_parentheses = before > 0 && chars[before - 1] == '(' && chars.get(end) == Some(&')');
    if in_parentheses {
        // A phrase before the parenthesis, not a sentence opening with it.
        let phrase = chars[..before - 1].iter().rev().skip_while(|c| **c == ' ').take_while(|c| **c != '\n');
        return phrase.take(3).filter(|c| c.is_alphabetic()).count() > 0;
    }
    let mut i = end;
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    if chars.get(i) != Some(&'(') {
        return false;
    }
    let Some(len) = chars[i + 1..].iter().position(|&c| c == ')' || c == '\n') else { return false };
    let inner = &chars[i + 1..i + 1 + len];
    chars[i + 1 + len] == ')'
        && inner.iter().any(|c| c.is_lowercase())
        && inner.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).count() >= 2
}

/// For each entry, the (start, end) char spans where one of its full forms occurs.
fn full_form_spans(text: &str, chars: &[char], list: &Abbreviations) -> Vec<Vec<(usize, usize)>> {
    let toks = tokens(text);
    // Syllable keys once per distinct token (news text repeats its syllables), then borrowed.
    let mut memo: crate::fast_hash::FastMap<&str, String> = Default::default();
    for t in &toks {
        memo.entry(t.text).or_insert_with(|| syllable_key(t.text));
    }
    let keys: Vec<&str> = toks.iter().map(|t| memo[t.text].as_str()).collect();
    // The full forms by their first syllable (a short list), then one pass over the text.
    let mut by_first: crate::fast_hash::FastMap<&str, Vec<(usize, &[String])>> = Default::default();
    for (index, entry) in list.entries.iter().enumerate() {
        for form in &entry.keys {
            if let Some(first) = form.first() {
                by_first.entry(first.as_str()).or_default().push((index, form.as_slice()));
            }
        }
    }
    // Between two syllables of a full form: spaces, a hyphen or dash, a comma.
    let joined = |a: usize, b: usize| {
        chars[toks[a].end..toks[b].start].iter().all(|&c| matches!(c, ' ' | '\u{a0}' | '-' | '–' | ','))
    };
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); list.entries.len()];
    for (i, key) in keys.iter().enumerate() {
        for &(index, form) in by_first.get(key).map_or(&[][..], Vec::as_slice) {
            let n = form.len();
            if i + n <= keys.len() && keys[i..i + n].iter().eq(form.iter()) && (i..i + n - 1).all(|j| joined(j, j + 1))
            {
                spans[index].push((toks[i].start, toks[i + n - 1].end));
            }
        }
    }
    for s in &mut spans {
        s.sort_unstable();
    }
    spans
}

/// Uses of abbreviations: (start, end, index of the listed entry if it is listed), in text
/// order, the longest winning where two overlap. Every all-capital token counts
/// ([`candidates`]); listed entries of another shape (`Cty`, `ThS`) are searched as text,
/// standing alone between non-word characters.
fn abbreviation_uses(text: &str, chars: &[char], list: &Abbreviations) -> Vec<(usize, usize, Option<usize>)> {
    let mut uses: Vec<(usize, usize, Option<usize>)> = candidates::candidates(chars)
        .into_iter()
        .map(|c| (c.start, c.end, list.entries.iter().position(|e| e.abbr == c.text)))
        .collect();
    let other: Vec<usize> =
        (0..list.entries.len()).filter(|&i| !candidates::is_abbreviation_shaped(&list.entries[i].abbr)).collect();
    if !other.is_empty() {
        let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let to_char = |byte: usize| char_starts.partition_point(|&b| b < byte);
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
        for index in other {
            let abbr = list.entries[index].abbr.as_str();
            let len = abbr.chars().count();
            for (byte, _) in text.match_indices(abbr) {
                let start = to_char(byte);
                let end = start + len;
                let before = if start == 0 { None } else { chars.get(start - 1) };
                if !word(before) && !word(chars.get(end)) {
                    uses.push((start, end, Some(index)));
                }
            }
        }
    }
    uses.sort_unstable_by(|a, b| (a.0, b.1).cmp(&(b.0, a.1)));
    let mut kept: Vec<(usize, usize, Option<usize>)> = Vec::with_capacity(uses.len());
    for u in uses {
        if kept.last().is_none_or(|last| u.0 >= last.1) {
            kept.push(u);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_builtin_list() {
        let list = Abbreviations::builtin();
        assert!(list.len() >= 300, "{} entries", list.len());
        assert_eq!(list.get("ATTP").unwrap().full_forms, ["an toàn thực phẩm"]);
        assert_eq!(list.get("CNCH").unwrap().full_forms.len(), 2);
        assert!(Abbreviations::invalid_lines(BUILTIN).is_empty());
    }

    #[test]
    fn every_group_of_the_builtin_list_names_its_source() {
        // Groups are separated by blank lines; each opens with a comment naming its source.
        for group in BUILTIN.split("\n\n").skip(1) {
            let comment: String = group.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(comment.contains("Source"), "a group without its source: {group}");
        }
        // And every entry is an abbreviation the check finds as it is written.
        for entry in Abbreviations::builtin().entries() {
            assert!(candidates::is_abbreviation_shaped(&entry.abbr), "{}", entry.abbr);
        }
    }

    #[test]
    fn round_trips_and_reports_bad_lines() {
        let text = "# comment\nATTP = an toàn thực phẩm\nno equals sign\nX =\n";
        let list = Abbreviations::from_text(text);
        assert_eq!(list.len(), 1);
        assert_eq!(Abbreviations::invalid_lines(text), [3, 4]);
        assert_eq!(Abbreviations::from_text(&list.to_text()), list);
    }

    #[test]
    fn longest_overlapping_use_wins() {
        let list = Abbreviations::from_text("TN = thanh niên\nTNGT = tai nạn giao thông");
        let text = "Vụ TNGT và TN-GT";
        let chars: Vec<char> = text.chars().collect();
        let uses = abbreviation_uses(text, &chars, &list);
        assert_eq!(uses, [(3, 7, Some(1)), (11, 16, None)]);
    }
}

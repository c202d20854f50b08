//! What counts as an abbreviation in running text: an all-capital token of two or more
//! letters (Vietnamese capitals included: Đ, Ư, Ơ…), with or without a dot, slash or hyphen
//! inside (`TP.HCM`, `KT-XH`, `CSGT`). Not abbreviations: codes with digits (`30/2020/NĐ-CP`,
//! `COVID-19`), Roman numerals (`khóa XV`), units (`MW`), capitals with a tone mark (a word
//! set in capitals, `HÀ NỘI`), a run of capitalised syllables (`AN NINH`), and words inside a
//! quoted English title (“THE LAST OF US”).

/// One candidate: char span and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Units written in capitals in Vietnamese copy (`km`, `kWh`, `MHz` are not capitals anyway;
/// TW is Trung ương in news copy, not terawatt).
const UNITS: &[&str] = &["MW", "GW", "KW", "MWH", "GWH", "TWH", "KV", "KB", "MB", "GB", "TB", "HP", "CV", "DWT", "TEU"];

/// Inside an abbreviation: TP.HCM, KT-XH, LĐ-TB&XH.
fn is_connector(c: char) -> bool {
    matches!(c, '.' | '/' | '-' | '&')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036f}')
}

/// Every all-capital token of the text that may be an abbreviation, in order.
pub(super) fn candidates(chars: &[char]) -> Vec<Candidate> {
    let english = quoted_english_spans(chars);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // Letters and digits, with a connector inside when a word char follows it.
        while i < chars.len()
            && (is_word_char(chars[i])
                || (is_connector(chars[i]) && chars.get(i + 1).is_some_and(|&c| is_word_char(c))))
        {
            i += 1;
        }
        runs.push((start, i));
    }
    let mut out: Vec<Candidate> = Vec::new();
    for &(start, end) in &runs {
        let run = &chars[start..end];
        if run.iter().any(|c| c.is_numeric()) {
            continue; // a code: 30/2020/NĐ-CP, COVID-19, F0
        }
        if is_capitals(run) {
            out.push(Candidate { start, end, text: run.iter().collect() });
            continue;
        }
        // Mixed case: "Nội-TP.HCM" holds TP.HCM between hyphens or slashes.
        let mut part_start = start;
        for k in start..=end {
            if k == end || matches!(chars[k], '-' | '/' | '&') {
                let part = &chars[part_start..k];
                if is_capitals(part) {
                    out.push(Candidate { start: part_start, end: k, text: part.iter().collect() });
                }
                part_start = k + 1;
            }
        }
    }
    let shouting = shouted_runs(chars, &runs);
    out.retain(|c| {
        !english.iter().any(|&(s, e)| s <= c.start && c.end <= e)
            && !shouting.iter().any(|&(s, e)| s <= c.start && c.end <= e)
            && !is_roman_numeral(&c.text)
            && !UNITS.contains(&c.text.as_str())
            && !is_initials(&c.text)
    });
    let shouted: Vec<bool> = out.iter().map(|c| crate::syllable::is_valid(&c.text)).collect();
    // Adjacent candidates (one space apart) that are both syllables: a phrase in capitals.
    let mut in_phrase = vec![false; out.len()];
    for k in 1..out.len() {
        let gap = &chars[out[k - 1].end..out[k].start];
        let adjacent = !gap.is_empty() && gap.iter().all(|&c| c == ' ' || c == '\u{a0}');
        if adjacent && shouted[k - 1] && shouted[k] {
            in_phrase[k - 1] = true;
            in_phrase[k] = true;
        }
    }
    // A capital next to a toned capital (HÀ NỘI, ĐẠI HỘI) is part of a heading in capitals.
    let next_to_toned = |c: &Candidate| {
        let before = word_before(chars, c.start);
        let after = word_after(chars, c.end);
        [before, after].into_iter().flatten().any(|w| has_tone(&w) && is_capitals(&w.chars().collect::<Vec<_>>()))
    };
    out.into_iter()
        .zip(in_phrase)
        .filter(|(c, phrase)| !(*phrase || (crate::syllable::is_valid(&c.text) && next_to_toned(c))))
        .map(|(c, _)| c)
        .collect()
}

/// True for a listed abbreviation that [`candidates`] finds as it is (all capitals, no digit).
pub(super) fn is_abbreviation_shaped(abbr: &str) -> bool {
    let chars: Vec<char> = abbr.chars().collect();
    !chars.iter().any(|c| c.is_numeric()) && is_capitals(&chars)
}

/// Three or more words in capitals one space apart (`WITHOUT ANY WARRANTY`, a heading set in
/// capitals): shouting, not abbreviations. Single capitals count towards the run.
fn shouted_runs(chars: &[char], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let capitals = |&(s, e): &(usize, usize)| {
        let run = &chars[s..e];
        run.iter().any(|c| c.is_alphabetic()) && run.iter().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let mut last = k;
        while capitals(&runs[last])
            && runs.get(last + 1).is_some_and(|next| capitals(next) && chars[runs[last].1..next.0] == [' '])
        {
            last += 1;
        }
        if last - k >= 2 {
            out.push((runs[k].0, runs[last].1));
        }
        k = last + 1;
    }
    out
}

/// A person's initials, one letter between dots (`T.N`, `N.V.A`): not an abbreviation.
fn is_initials(text: &str) -> bool {
    text.contains('.') && text.split('.').all(|part| part.chars().count() == 1)
}

/// Two or more letters, all capitals, no tone mark; connectors allowed inside.
fn is_capitals(run: &[char]) -> bool {
    let letters = run.iter().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && run.iter().all(|&c| (c.is_alphabetic() && c.is_uppercase()) || is_connector(c))
        && !has_tone(&run.iter().collect::<String>())
}

fn has_tone(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    word.nfd().any(|c| matches!(c, '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'))
}

/// The word one space before `pos`, if any.
fn word_before(chars: &[char], pos: usize) -> Option<String> {
    let mut i = pos;
    if i == 0 || chars[i - 1] != ' ' {
        return None;
    }
    i -= 1;
    let end = i;
    while i > 0 && is_word_char(chars[i - 1]) {
        i -= 1;
    }
    (i < end).then(|| chars[i..end].iter().collect())
}

/// The word one space after `pos`, if any.
fn word_after(chars: &[char], pos: usize) -> Option<String> {
    if chars.get(pos) != Some(&' ') {
        return None;
    }
    let start = pos + 1;
    let mut i = start;
    while i < chars.len() && is_word_char(chars[i]) {
        i += 1;
    }
    (i > start).then(|| chars[start..i].iter().collect())
}

/// A Roman numeral as Vietnamese copy uses them (khóa XV, thế kỷ XXI, Đại hội XIII): I, V,
/// X, L and C in canonical order, 2 to 399.
fn is_roman_numeral(text: &str) -> bool {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let Some(values) = text.chars().map(value).collect::<Option<Vec<u32>>>() else { return false };
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    (2..400).contains(&total) && to_roman(total as u32) == text
}

fn to_roman(mut n: u32) -> String {
    let table = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Char spans inside quotes whose text is English (no Vietnamese letter) of two or more
/// words: a film, book or song title.
fn quoted_english_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '“' => '”',
            '"' => '"',
            '‘' => '’',
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(len) = chars[i + 1..].iter().position(|&c| c == close || c == '\n') else { break };
        let inner = &chars[i + 1..i + 1 + len];
        let words = inner.split(|c| !is_word_char(*c)).filter(|w| !w.is_empty()).count();
        if chars[i + 1 + len] == close && words >= 2 && inner.iter().all(|c| c.is_ascii()) {
            out.push((i + 1, i + 1 + len));
        }
        i += len + 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        candidates(&chars).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn capitals_with_dots_slashes_and_hyphens_are_one_candidate() {
        assert_eq!(texts("UBND TP.HCM và KT-XH, ĐBSCL, Hà Nội-TP.HCM"), ["UBND", "TP.HCM", "KT-XH", "ĐBSCL", "TP.HCM"]);
        assert_eq!(texts("Lực lượng CSGT."), ["CSGT"]);
        assert_eq!(texts("Bộ LĐ-TB&XH, Sở GD&ĐT"), ["LĐ-TB&XH", "GD&ĐT"]);
    }

    #[test]
    fn codes_numerals_units_and_single_letters_are_not() {
        assert!(texts("Nghị định 30/2020/NĐ-CP, COVID-19, F0, khóa XV, thế kỷ XXI, Đại hội XIII").is_empty());
        assert!(texts("nhà máy 600 MW, điện 500 kV, ổ 2 TB, tàu 50.000 DWT, chữ A và B").is_empty());
        assert_eq!(texts("khóa XV và MIX"), ["MIX"]);
    }

    #[test]
    fn headings_in_capitals_and_english_titles_are_not() {
        assert!(texts("HÀ NỘI HÔM NAY, AN NINH TRẬT TỰ").is_empty());
        assert!(texts("THANH NIÊN tình nguyện").is_empty());
        assert!(texts("phim “THE LAST OF US” và bài \"WE ARE THE WORLD\"").is_empty());
        assert_eq!(texts("khẩu hiệu “ANTT”"), ["ANTT"]);
        assert!(texts("WITHOUT ANY WARRANTY; FITNESS FOR A PARTICULAR PURPOSE").is_empty());
        assert_eq!(texts("UBND TP.HCM và CSGT"), ["UBND", "TP.HCM", "CSGT"]);
    }

    #[test]
    fn initials_of_a_name_are_not() {
        assert!(texts("Tác giả T.N và N.V.A viết").is_empty());
        assert_eq!(texts("TP.HCM"), ["TP.HCM"]);
    }
}

//! Spelling: syllables by rule, words by dictionary (hunspell-vi, read by the caller), and
//! real-word slips in two-syllable words.
//!
//! A token is a `Spelling` finding unless one of these holds (checked in order):
//! - it has a digit (`19`, `F0`), or a char that is not a Vietnamese/Latin letter;
//! - it has at most 4 letters and no vowel: a unit or abbreviation (`km`, `kg`, `kWh`, `TP`);
//! - it is in the dictionary (case-insensitive, either tone style) or the user's words
//!   (exact case, or lowercase entries case-insensitively);
//! - it is mixed case after the first letter (`iPhone`, `TPHcm`): a product name;
//! - it is all capitals and is a valid syllable in the dictionary (`HOÀ`), or it is an
//!   acronym: at most 6 letters, none with a tone mark or ă â ê ô ơ ư (`UBND`, `HĐND`,
//!   `THPT`, `COVID`) and not a valid syllable;
//! - it is capitalised (`Hùng`, `Khuê`) and a valid syllable by rule: a name, not flagged
//!   for dictionary absence; or capitalised, plain ASCII and not even shaped like a
//!   syllable (`Messi`, `John`, `Biden`): a foreign name; likewise a lowercase ASCII word of
//!   three letters or more, with a vowel, not shaped like a syllable and not Telex typed with the
//!   input method off (`website`, `video`; but `khongf` is flagged): a foreign word;
//! - there is no dictionary (an empty [`Speller`]) and it is valid by rule;
//! - it is valid by rule and makes a listed two-syllable word with the syllable before or
//!   after it (one space between): hunspell-vi lacks some syllables real words use.
//!
//! Real-word slips are described in [`realword`].

mod realword;
mod suggest;

use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};

use crate::check::{Finding, FindingKind, Message};
use crate::syllable::{self, split_vowel, Tone};
use crate::tokens::tokens;
use crate::tone_style::{byte_offset, convert_syllable, ToneStyle};

/// Common two-syllable words (ours, MIT), comma-separated, `#` comments.
const WORDS: &str = include_str!("../../data/words.txt");
/// Two-syllable words from underthesea's Viet74K list (Apache-2.0), one per line: the
/// language's compounds far beyond our own list, so that a real compound is not "corrected".
const WORDS_VIET74K: &str = include_str!("../../data/words-viet74k.txt");
/// Known slips: `slip → word` per line.
const SLIPS: &str = include_str!("../../data/slips.txt");
/// Proper-name syllables that no rule accepts (`Đắk`, `Lắk`, `Kạn`, `Krông`).
const NAMES: &str = include_str!("../../data/names.txt");

/// What the spelling check knows: the dictionary and the newsroom's own words.
/// Build it once and keep it: every lookup table is made here.
#[derive(Debug, Clone)]
pub struct Speller {
    house: ToneStyle,
    /// Dictionary syllables, lowercase, in the house style.
    dict: HashSet<String>,
    /// Entries kept with their case: capitalised and all-caps dictionary entries, names.
    exact: HashSet<String>,
    /// User words, lowercase (added in lowercase: any case matches).
    user: HashSet<String>,
    /// Toneless lowercase skeleton → dictionary syllables with it.
    by_skeleton: HashMap<String, Vec<String>>,
    /// How many listed words each syllable appears in: a rough frequency for ranking.
    freq: HashMap<String, u32>,
    /// Two-syllable words of our list and the user's, as `word_key` pairs joined by a space
    /// (the Viet74K words are shared by every speller: [`grown_words`]).
    words: HashSet<String>,
    /// Known slips: key pair → intended word (house style).
    slips: HashMap<String, String>,
}

impl Default for Speller {
    /// No dictionary (only the rules and the built-in word list), `hoà` style.
    fn default() -> Self {
        Speller::new(ToneStyle::OnSecondVowel)
    }
}

impl Speller {
    /// A speller without a dictionary: rule errors and real-word slips only.
    pub fn new(house: ToneStyle) -> Speller {
        let mut s = Speller {
            house,
            dict: HashSet::default(),
            exact: HashSet::default(),
            user: HashSet::default(),
            by_skeleton: HashMap::default(),
            freq: HashMap::default(),
            words: HashSet::default(),
            slips: HashMap::default(),
        };
        for line in lines(WORDS).flat_map(|l| l.split(',')).map(str::trim).filter(|w| !w.is_empty()) {
            let key: Vec<String> = line.split_whitespace().map(|w| s.word_key(w)).collect();
            for k in &key {
                *s.freq.entry(k.clone()).or_default() += 1;
            }
            if key.len() == 2 {
                s.words.insert(key.join(" "));
            }
        }
        for line in lines(SLIPS) {
            if let Some((slip, word)) = line.split_once('→') {
                let slip: Vec<String> = slip.split_whitespace().map(|w| s.word_key(w)).collect();
                let word = crate::tone_style::convert(word.trim(), house);
                s.slips.insert(slip.join(" "), word);
            }
        }
        for name in lines(NAMES) {
            s.exact.insert(name.to_string());
            s.exact.insert(name.to_uppercase());
        }
        s
    }

    /// Parses hunspell `.dic` text (count line, then `word[/flags]` per line). The
    /// dictionary may be in either tone style; it is adapted to `house`.
    pub fn from_hunspell(dic: &str, house: ToneStyle) -> Speller {
        let mut s = Speller::new(house);
        for (i, line) in dic.lines().enumerate() {
            let word = line.split('/').next().unwrap_or("").trim();
            if word.is_empty() || (i == 0 && word.chars().all(|c| c.is_ascii_digit())) {
                continue;
            }
            s.add_dictionary_word(&crate::nfc::to_nfc_string(word));
        }
        s
    }

    fn add_dictionary_word(&mut self, word: &str) {
        if word.chars().any(|c| c.is_uppercase()) {
            self.exact.insert(word.to_string());
            return;
        }
        let w = convert_syllable(word, self.house);
        if self.dict.insert(w.clone()) {
            self.by_skeleton.entry(skeleton(&w)).or_default().push(w);
        }
    }

    /// Adds personal or newsroom words ("add to dictionary"): names, acronyms, loanwords.
    /// An entry with capitals matches that exact spelling (and its all-caps form); a lowercase
    /// entry matches in any case. Entries of several syllables add each syllable, and a
    /// two-syllable entry also joins the word list for real-word checks.
    pub fn add_words<I, S>(&mut self, words: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for w in words {
            let w = crate::nfc::to_nfc_string(w.as_ref().trim());
            let parts: Vec<&str> = w.split_whitespace().collect();
            if parts.len() == 2 {
                let key: Vec<String> = parts.iter().map(|p| self.word_key(p)).collect();
                self.words.insert(key.join(" "));
            }
            for p in parts {
                if p.chars().any(|c| c.is_uppercase()) {
                    self.exact.insert(p.to_string());
                    self.exact.insert(p.to_uppercase());
                } else {
                    self.user.insert(convert_syllable(p, self.house));
                }
            }
        }
    }

    /// The house tone style the dictionary is kept in.
    pub fn house(&self) -> ToneStyle {
        self.house
    }

    /// Whether a dictionary was loaded.
    pub fn has_dictionary(&self) -> bool {
        !self.dict.is_empty()
    }

    /// Whether the lowercase syllable (either tone style) is in the dictionary or user words.
    pub fn knows(&self, lower: &str) -> bool {
        let h = convert_syllable(lower, self.house);
        self.dict.contains(&h) || self.user.contains(&h)
    }

    /// Whether `a b` (any case, either tone style) is in our list of common two-syllable words
    /// or the user's: a word a slip may be corrected into, and a common noun, not a name.
    pub fn is_word(&self, a: &str, b: &str) -> bool {
        self.is_target(&format!("{} {}", self.word_key(a), self.word_key(b)))
    }

    /// Whether `a b` is any listed two-syllable word, the long Viet74K list included.
    pub(crate) fn is_compound(&self, a: &str, b: &str) -> bool {
        self.is_listed(&format!("{} {}", self.word_key(a), self.word_key(b)))
    }

    /// Whether a `word_key` pair is a word a slip may be corrected into: our list of common
    /// words and the user's. The long Viet74K list only keeps real compounds from being
    /// flagged; its rare words (`toàn tinh`, `mang mang`) and lowercased place names would
    /// make slips of everyday phrases.
    pub(crate) fn is_target(&self, pair: &str) -> bool {
        self.words.contains(pair)
    }

    /// Whether a `word_key` pair (`"xử lí"`) is a listed two-syllable word.
    pub(crate) fn is_listed(&self, pair: &str) -> bool {
        self.words.contains(pair) || grown_words().contains(pair)
    }

    /// Lookup key of a syllable in the word list: lowercase, `hoà` style, and a lone `y`
    /// after a consonant written `i` (`lý`/`lí`, `kỹ`/`kĩ` are one word).
    pub(crate) fn word_key(&self, syl: &str) -> String {
        word_key(syl)
    }

    /// Whether a syllable counts as correct for the real-word check's candidates.
    fn is_real_syllable(&self, lower: &str) -> bool {
        syllable::is_valid(lower) && (self.dict.is_empty() || self.knows(lower))
    }
}

/// The Viet74K two-syllable words, stored as `word_key` pairs (both syllables valid by rule,
/// none a known slip: `viet74k_keys` below writes and checks the file), read once per process.
fn grown_words() -> &'static HashSet<String> {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| lines(WORDS_VIET74K).map(str::to_string).collect())
}

/// Lookup key of a syllable in the word lists: lowercase, `hoà` style, and a lone `y` after a
/// consonant written `i` (`lý`/`lí`, `kỹ`/`kĩ` are one word).
fn word_key(syl: &str) -> String {
    let lower = convert_syllable(&syl.to_lowercase(), ToneStyle::OnSecondVowel);
    match syllable::parse(&lower) {
        Some(p) if p.vowels() == "y" && !p.initial.is_empty() => lower
            .chars()
            .map(|c| match split_vowel(c) {
                Some(('y', tone, _)) => syllable::with_tone('i', tone, false),
                _ => c,
            })
            .collect(),
        _ => lower,
    }
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase, toneless form (shape marks kept): the index key for suggestions.
pub(crate) fn skeleton(lower: &str) -> String {
    lower.chars().map(syllable::strip_tone).collect()
}

/// The tone written on a token (the first mark found).
pub(crate) fn tone_of(s: &str) -> Tone {
    s.chars().filter_map(split_vowel).map(|(_, t, _)| t).find(|&t| t != Tone::Level).unwrap_or(Tone::Level)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Capitalised,
    Upper,
    Mixed,
}

pub(crate) fn case_of(s: &str) -> Case {
    let mut chars = s.chars().filter(|c| c.is_alphabetic());
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let (mut upper, mut lower) = (0, 0);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    match (first_upper, upper, lower) {
        (false, 0, _) => Case::Lower,
        (true, 0, _) => Case::Capitalised,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

/// `lower` written in `case`.
pub(crate) fn apply_case(lower: &str, case: Case) -> String {
    match case {
        Case::Upper => lower.to_uppercase(),
        Case::Capitalised => {
            let mut c = lower.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
        _ => lower.to_string(),
    }
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ') || split_vowel(c).is_some()
}

/// Why a token is a spelling error, or `None` when it is fine.
fn verdict(t: &str, sp: &Speller) -> Option<bool /* valid by rule */> {
    if t.chars().any(|c| c.is_ascii_digit()) || !t.chars().all(is_letter) {
        return None;
    }
    // No vowel at all: a unit or abbreviation (km, mm, kg, kWh, TP).
    if t.chars().count() <= 4 && !t.chars().any(|c| split_vowel(c).is_some()) {
        return None;
    }
    if sp.exact.contains(t) {
        return None;
    }
    let lower = t.to_lowercase();
    if sp.knows(&lower) {
        return None;
    }
    let valid = syllable::is_valid(t);
    match case_of(t) {
        Case::Mixed => return None,
        Case::Upper if !valid => {
            let acronym = t.chars().count() <= 6
                && !t.chars().filter_map(split_vowel).any(|(b, tone, _)| tone != Tone::Level || !b.is_ascii());
            if acronym {
                return None;
            }
        }
        Case::Capitalised if valid => return None,
        Case::Capitalised if t.is_ascii() && syllable::parse(t).is_none() => return None,
        Case::Lower if is_foreign_word(t) => return None,
        _ => {}
    }
    if valid && !sp.has_dictionary() {
        return None;
    }
    Some(valid)
}

/// A lowercase word in plain ASCII, of three letters or more, not even shaped like a syllable
/// (`website`, `blog`, `hacker`, `video`): a foreign word the paper chose to use, not a slip.
/// Telex typed with the input method off (`khongf`, `dduowcj`) is still a slip.
fn is_foreign_word(t: &str) -> bool {
    // A word of any Latin-script language has a vowel; `xyzw` is a slip of the keys.
    let has_vowel = t.chars().any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    t.is_ascii() && t.len() >= 3 && has_vowel && syllable::parse(t).is_none() && !is_telex(t)
}

/// Whether an ASCII word reads as one Vietnamese syllable typed in Telex (`khongf`, `dduowcj`):
/// the marks written as letters (dd aa aw ee oo ow uw, uow for ươ), the tone as a last f s r x j.
fn is_telex(t: &str) -> bool {
    let mut v = t.to_string();
    for (telex, letter) in
        [("uow", "ươ"), ("dd", "đ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"), ("uw", "ư")]
    {
        v = v.replace(telex, letter);
    }
    let (base, tone) = match v.chars().last() {
        Some('f') => (&v[..v.len() - 1], Tone::Grave),
        Some('s') => (&v[..v.len() - 1], Tone::Acute),
        Some('r') => (&v[..v.len() - 1], Tone::Hook),
        Some('x') => (&v[..v.len() - 1], Tone::Tilde),
        Some('j') => (&v[..v.len() - 1], Tone::Dot),
        _ => (v.as_str(), Tone::Level),
    };
    let Some(p) = syllable::parse(base) else { return false };
    let toned = syllable::retone(base, tone, Some(p.tone_index(ToneStyle::OnSecondVowel)));
    toned != t && syllable::is_valid(&toned)
}

/// Findings of kind `Spelling` and `RealWord`.
pub fn findings(text: &str, speller: &Speller) -> Vec<Finding> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut verdicts: crate::fast_hash::FastMap<&str, Option<bool>> = Default::default();
    for (i, t) in toks.iter().enumerate() {
        let Some(valid) = *verdicts.entry(t.text).or_insert_with(|| verdict(t.text, speller)) else { continue };
        // Neighbours in the same phrase (one space between) rank the suggestions.
        let spaced = |a: &str, b: &str| {
            let end = byte_offset(text, a) + a.len();
            matches!(&text[end..byte_offset(text, b)], " " | "\u{a0}")
        };
        let prev = i.checked_sub(1).map(|j| toks[j].text).filter(|p| spaced(p, t.text)).map(str::to_lowercase);
        let next = toks.get(i + 1).map(|n| n.text).filter(|n| spaced(t.text, n)).map(str::to_lowercase);
        // Valid by rule, missing from hunspell-vi, but part of a listed word with a neighbour
        // (`ủ rũ`): the dictionary's gap, not the writer's slip.
        let in_listed_word = prev.as_deref().is_some_and(|p| speller.is_compound(p, t.text))
            || next.as_deref().is_some_and(|n| speller.is_compound(t.text, n));
        if valid && in_listed_word {
            continue;
        }
        let message = if valid {
            Message::new(
                format!("“{}” không có trong từ điển.", t.text),
                format!("“{}” is not in the dictionary.", t.text),
            )
        } else {
            Message::new(
                format!("“{}” không phải là một âm tiết tiếng Việt.", t.text),
                format!("“{}” is not a Vietnamese syllable.", t.text),
            )
        };
        out.push(Finding {
            kind: FindingKind::Spelling,
            start: t.start,
            end: t.end,
            text: t.text.to_string(),
            message,
            suggestions: suggest::suggestions(t.text, speller, prev.as_deref(), next.as_deref()),
        });
    }
    out.extend(realword::findings(text, &toks, speller));
    out.sort_by_key(|f| (f.start, f.end));
    out
}

/// Ranked replacements for one token (best first), in the token's case.
pub fn suggestions(token: &str, speller: &Speller) -> Vec<String> {
    suggest::suggestions(token, speller, None, None)
}

#[cfg(test)]
mod viet74k_keys {
    use super::*;

    /// The file's words as lookup keys: valid syllables, none a known slip, in order.
    fn keyed(text: &str) -> Vec<String> {
        let slips: HashSet<String> = lines(SLIPS)
            .filter_map(|l| l.split_once('→'))
            .map(|(slip, _)| slip.split_whitespace().map(word_key).collect::<Vec<_>>().join(" "))
            .collect();
        let mut out: Vec<String> = lines(text)
            .filter_map(|l| l.split_once(' '))
            .filter(|(a, b)| syllable::is_valid(a) && syllable::is_valid(b))
            .map(|(a, b)| format!("{} {}", word_key(a), word_key(b)))
            .filter(|pair| !slips.contains(pair))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_viet74k_words_are_stored_as_lookup_keys() {
        let stored: Vec<&str> = lines(WORDS_VIET74K).collect();
        assert!(stored.len() > 40_000, "{}", stored.len());
        let slips: HashSet<String> = lines(SLIPS)
            .filter_map(|l| l.split_once('→'))
            .map(|(slip, _)| slip.split_whitespace().map(word_key).collect::<Vec<_>>().join(" "))
            .collect();
        for pair in stored {
            let keyed: Vec<String> = pair.split(' ').map(word_key).collect();
            assert_eq!(keyed.join(" "), pair, "run the ignored test write_viet74k_keys");
            assert!(!slips.contains(pair), "a known slip is listed as a word: {pair}");
        }
    }

    /// After scripts/data/words-from-underthesea.py: rewrites the file as lookup keys.
    #[test]
    #[ignore]
    fn write_viet74k_keys() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/words-viet74k.txt");
        let text = std::fs::read_to_string(path).unwrap();
        let header: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
        let words = keyed(&text);
        std::fs::write(path, header + &words.iter().map(|w| format!("{w}\n")).collect::<String>()).unwrap();
    }
}

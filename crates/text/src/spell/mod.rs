//! Spelling: syllables by rule, words by dictionary (hunspell-vi, read by the caller), and
//! real-word slips in two-syllable words.
//!
//! A token is a `Spelling` finding unless one of these holds (checked in order):
//! - it has a digit (`19`, `F0`), or a char that is not a Vietnamese/Latin letter (a letter
//!   Vietnamese lacks, `ü` `ñ` `š`, makes it a foreign word);
//! - it has at most 4 letters and no vowel: a unit or abbreviation (`km`, `kg`, `kWh`, `TP`);
//! - it is in the dictionary (case-insensitive, either tone style), the user's words (exact
//!   case, or lowercase entries case-insensitively) or Viet74K's loanwords written as one
//!   token (`nơtron`, `đôla`, `ôtô`);
//! - it is mixed case after the first letter (`iPhone`, `TPHcm`): a product name;
//! - it is all capitals without a tone mark or ă â ê ô ơ ư (`UBND`, `HĐND`, `COVID`, `VIA`):
//!   an acronym, left to the abbreviation check; a word set in capitals has marks (`HOÀ`);
//! - it is capitalised (`Hùng`, `Khuê`) and a valid syllable by rule: a name, not flagged
//!   for dictionary absence;
//! - there is no dictionary (an empty [`Speller`]) and it is valid by rule;
//! - it is foreign by its letters, or by its place beside a foreign word: see [`foreign`]
//!   (`Genève`, `Kong`, `website`, `Net Index`; but `Ninhvà`, `tronng`, `khongf` are slips);
//! - it is valid by rule and makes a listed two-syllable word with the syllable before or
//!   after it (one space between): hunspell-vi lacks some syllables real words use.
//!
//! Two syllables typed without a space (`Ninhvà`) get the space as their first suggestion, unless a
//! slip of a mark or a letter's shape explains the token (`ngưòi` → `người` before `ngư òi`).
//!
//! Real-word slips are described in [`realword`].

mod context;
mod foreign;
mod realword;
mod suggest;
#[cfg(test)]
mod viet74k_keys;

use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};

use crate::check::{Finding, FindingKind, Message};
use crate::syllable::{self, split_vowel, Tone};
use crate::tokens::tokens;
use crate::tone_style::{byte_offset, convert_syllable, ToneStyle};
use foreign::Foreign;

/// Common two-syllable words (ours, MIT), comma-separated, `#` comments.
const WORDS: &str = include_str!("../../data/words.txt");
/// Two-syllable words from underthesea's Viet74K list (Apache-2.0), one per line: the
/// language's compounds far beyond our own list, so that a real compound is not "corrected".
const WORDS_VIET74K: &str = include_str!("../../data/words-viet74k.txt");
/// Loanwords written as one token from Viet74K (Apache-2.0): `ôtô`, `nơtron`, `đôla`.
const LOANWORDS_VIET74K: &str = include_str!("../../data/loanwords-viet74k.txt");
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

/// The Viet74K loanwords (runs of two syllables or more, checked by `viet74k_keys` below),
/// read once per process.
fn loanwords() -> &'static HashSet<String> {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| lines(LOANWORDS_VIET74K).map(str::to_string).collect())
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

/// What the spelling check makes of one token, whatever stands around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Correct, or not a word to check (a number, a unit, an acronym, a product name).
    Fine,
    /// A foreign word or name: no finding, and a sign that its neighbours may be foreign too.
    Foreign,
    /// A finding unless its place says otherwise: `valid` by rule (only missing from the
    /// dictionary) or not, and when it would be foreign after all.
    Suspect { valid: bool, foreign: Foreign },
}

fn verdict(t: &str, sp: &Speller) -> Verdict {
    if t.chars().any(|c| c.is_ascii_digit()) {
        return Verdict::Fine;
    }
    if !t.chars().all(is_letter) {
        return if foreign::has_foreign_letter(t) { Verdict::Foreign } else { Verdict::Fine };
    }
    // No vowel at all: a unit or abbreviation (km, mm, kg, kWh, TP).
    if t.chars().count() <= 4 && !t.chars().any(|c| split_vowel(c).is_some()) {
        return Verdict::Fine;
    }
    if sp.exact.contains(t) {
        return Verdict::Fine;
    }
    let lower = t.to_lowercase();
    if sp.knows(&lower) || loanwords().contains(&lower) {
        return Verdict::Fine;
    }
    let valid = syllable::is_valid(t);
    match case_of(t) {
        Case::Mixed => return Verdict::Fine,
        // Capitals without a tone mark or ă â ê ô ơ ư: an acronym (`UBND`, `HĐND`, `COVID`,
        // `VIA`); the abbreviation check deals with them. A word set in capitals (`HOÀ`) has marks.
        Case::Upper if !t.chars().filter_map(split_vowel).any(|(b, tone, _)| tone != Tone::Level || !b.is_ascii()) => {
            return Verdict::Fine
        }
        // A capitalised valid syllable is a name (`Hùng`, `Khuê`), not flagged for dictionary absence.
        Case::Capitalised if valid => return Verdict::Fine,
        _ => {}
    }
    if valid && !sp.has_dictionary() {
        return Verdict::Fine;
    }
    // A syllable the dictionary lacks is foreign only beside a foreign word (`held on 15`).
    let foreign = match valid {
        true if foreign::has_vietnamese_mark(t) => Foreign::Never,
        true => Foreign::Beside,
        false => foreign::classify(t),
    };
    if foreign == Foreign::Always {
        return Verdict::Foreign;
    }
    Verdict::Suspect { valid, foreign }
}

/// Findings of kind `Spelling` and `RealWord`.
pub fn findings(text: &str, speller: &Speller) -> Vec<Finding> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut verdicts: crate::fast_hash::FastMap<&str, Verdict> = Default::default();
    for t in &toks {
        verdicts.entry(t.text).or_insert_with(|| verdict(t.text, speller));
    }
    // Neighbours in the same phrase (one space between).
    let spaced = |a: &str, b: &str| {
        let end = byte_offset(text, a) + a.len();
        matches!(&text[end..byte_offset(text, b)], " " | "\u{a0}")
    };
    let chars: std::cell::OnceCell<Vec<char>> = std::cell::OnceCell::new();
    let at_sentence_start =
        |i: usize| crate::check::at_sentence_start(chars.get_or_init(|| text.chars().collect()), toks[i].start);
    // Foreign by its own letters, or a name one c/k swap from a syllable (`Kong`) in name position.
    let foreign_alone = |i: usize| match verdicts[toks[i].text] {
        Verdict::Foreign => true,
        Verdict::Suspect { foreign: Foreign::InName, .. } => !at_sentence_start(i),
        _ => false,
    };
    for (i, t) in toks.iter().enumerate() {
        let Verdict::Suspect { valid, foreign } = verdicts[t.text] else { continue };
        let prev_i = i.checked_sub(1).filter(|&j| spaced(toks[j].text, t.text));
        let next_i = Some(i + 1).filter(|&j| j < toks.len() && spaced(t.text, toks[j].text));
        let foreign_here = match foreign {
            Foreign::Never => false,
            _ if foreign_alone(i) => true,
            _ => prev_i.is_some_and(foreign_alone) || next_i.is_some_and(foreign_alone),
        };
        if foreign_here {
            continue;
        }
        // Neighbours rank the suggestions.
        let prev = prev_i.map(|j| toks[j].text.to_lowercase());
        let next = next_i.map(|j| toks[j].text.to_lowercase());
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
        // Two syllables typed without a space (`Ninhvà`): the space is among the likeliest fixes.
        let split = missing_space(t.text, speller);
        let suggestions = suggest::suggestions(t.text, speller, prev.as_deref(), next.as_deref(), split);
        out.push(Finding {
            kind: FindingKind::Spelling,
            start: t.start,
            end: t.end,
            text: t.text.to_string(),
            message,
            suggestions,
        });
    }
    out.extend(realword::findings(text, &toks, speller));
    out.sort_by_key(|f| (f.start, f.end));
    out
}

/// `Ninhvà` → `Ninh và`: a token that is two syllables, both in the dictionary, without the
/// space between them.
fn missing_space(t: &str, sp: &Speller) -> Option<String> {
    if syllable::is_valid(t) || !sp.has_dictionary() {
        return None;
    }
    let lower = t.to_lowercase();
    let (a, _) = foreign::splits_in_two(&lower).find(|(a, b)| sp.knows(a) && sp.knows(b))?;
    // The token's own letters (and case) on both sides of the space.
    let at = a.chars().count();
    let first: String = t.chars().take(at).collect();
    let second: String = t.chars().skip(at).collect();
    Some(format!("{first} {second}"))
}

/// Ranked replacements for one token (best first), in the token's case.
pub fn suggestions(token: &str, speller: &Speller) -> Vec<String> {
    suggest::suggestions(token, speller, None, None, None)
}

//! Vietnamese syllables: initial + rhyme (medial, nucleus, final) + tone, whether a token is
//! a valid syllable by rule, and where the tone mark goes (Unikey's `getTonePosition`).
//!
//! Input is one NFC token in any case. `qu` and `gi` are initials when a vowel follows
//! (`quả` = qu + a, `giữa` = gi + ưa); a bare `gi` keeps its `i` as the vowel (`gì`, `gìn`).
//!
//! Validity is by rule: a known initial, a rhyme from the list of Vietnamese rhymes, the
//! spelling rules for c/k, g/gh, ng/ngh and qu, a tone allowed with the final (stop finals
//! p, t, c, ch take only sắc or nặng), and the tone mark on the vowel where one of the two
//! house styles puts it (so `hóan` and `qủa` are rejected, `hoà` and `hòa` both accepted).

use crate::tone_style::ToneStyle;

/// The six tones, in the order of [`VOWELS`]' columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// ngang (no mark)
    Level,
    /// huyền `à`
    Grave,
    /// hỏi `ả`
    Hook,
    /// ngã `ã`
    Tilde,
    /// sắc `á`
    Acute,
    /// nặng `ạ`
    Dot,
}

impl Tone {
    pub const ALL: [Tone; 6] = [Tone::Level, Tone::Grave, Tone::Hook, Tone::Tilde, Tone::Acute, Tone::Dot];

    fn index(self) -> usize {
        self as usize
    }

    /// The combining mark of the tone (none for the level tone).
    pub fn combining(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{0300}'),
            Tone::Hook => Some('\u{0309}'),
            Tone::Tilde => Some('\u{0303}'),
            Tone::Acute => Some('\u{0301}'),
            Tone::Dot => Some('\u{0323}'),
        }
    }
}

/// Each base vowel (with its shape mark) and its six toned forms, lowercase then uppercase.
const VOWELS: [[char; 6]; 24] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['ă', 'ằ', 'ẳ', 'ẵ', 'ắ', 'ặ'],
    ['â', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ê', 'ề', 'ể', 'ễ', 'ế', 'ệ'],
    ['i', 'ì', 'ỉ', 'ĩ', 'í', 'ị'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['ô', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ'],
    ['ơ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['ư', 'ừ', 'ử', 'ữ', 'ứ', 'ự'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
    ['A', 'À', 'Ả', 'Ã', 'Á', 'Ạ'],
    ['Ă', 'Ằ', 'Ẳ', 'Ẵ', 'Ắ', 'Ặ'],
    ['Â', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ậ'],
    ['E', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ'],
    ['Ê', 'Ề', 'Ể', 'Ễ', 'Ế', 'Ệ'],
    ['I', 'Ì', 'Ỉ', 'Ĩ', 'Í', 'Ị'],
    ['O', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ'],
    ['Ô', 'Ồ', 'Ổ', 'Ỗ', 'Ố', 'Ộ'],
    ['Ơ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ'],
    ['U', 'Ù', 'Ủ', 'Ũ', 'Ú', 'Ụ'],
    ['Ư', 'Ừ', 'Ử', 'Ữ', 'Ứ', 'Ự'],
    ['Y', 'Ỳ', 'Ỷ', 'Ỹ', 'Ý', 'Ỵ'],
];

/// A Vietnamese vowel split into (lowercase base with shape mark, tone, was uppercase).
pub fn split_vowel(c: char) -> Option<(char, Tone, bool)> {
    if c.is_ascii() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y') {
        return None;
    }
    for (row, forms) in VOWELS.iter().enumerate() {
        if let Some(t) = forms.iter().position(|&f| f == c) {
            return Some((VOWELS[row % 12][0], Tone::ALL[t], row >= 12));
        }
    }
    None
}

/// The vowel `base` (lowercase, with shape mark) carrying `tone`, in the given case.
pub fn with_tone(base: char, tone: Tone, upper: bool) -> char {
    match VOWELS[..12].iter().position(|forms| forms[0] == base) {
        Some(row) => VOWELS[row + if upper { 12 } else { 0 }][tone.index()],
        None => base,
    }
}

/// The char with any tone mark removed (shape marks and case kept).
pub fn strip_tone(c: char) -> char {
    match split_vowel(c) {
        Some((base, _, upper)) => with_tone(base, Tone::Level, upper),
        None => c,
    }
}

fn is_consonant(c: char) -> bool {
    matches!(c, 'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'q' | 'r' | 's' | 't' | 'v' | 'x')
}

const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu",
    "r", "s", "t", "th", "tr", "v", "x",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Every rhyme (medial + nucleus + final, no tone). After `qu` the `u` counts as the medial
/// here, so `quốc` checks `uôc` and `quy` checks `uy`.
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "oong", "ooc", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", //
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt",
    "ươu", //
    "y", "yêm", "yên", "yêng", "yêt", "yêu", //
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oem", "oen", "oeo", "oet", //
    "uâc", "uân", "uâng", "uât", "uây", "uê", "uêch", "uên", "uênh", "uêt", "uêu", "uit", //
    "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt", //
    "uac", "uach", "uai", "uan", "uang", "uanh", "uao", "uat", "uau", "uay", //
    "uăc", "uăm", "uăn", "uăng", "uăp", "uăt", "uoang", "uoăt", "ue", "uen", "ueo", "uet", "uơ",
];

/// A token split into its parts. Strings are lowercase without the tone mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// `""`, `b`, `ch`, `gi`, `ngh`, `qu`, …
    pub initial: &'static str,
    /// `o` (hoa) or `u` (tuy); the `u` of `qu` belongs to the initial.
    pub medial: Option<char>,
    /// The vowel core: `a`, `iê`, `ươ`, `oo`, … (for a bare `gi`, the `i`).
    pub nucleus: String,
    /// Final consonant (`c ch m n ng nh p t`) or semivowel (`i y o u`), or `""`.
    pub final_: String,
    pub tone: Tone,
    /// Char index in the token of the toned vowel (None for ngang).
    pub tone_at: Option<usize>,
    /// Char index of the tone mark when it sits outside the vowels (`qủa`).
    misplaced: bool,
    /// Char range of the vowel run in the token (medial, nucleus, semivowel final).
    vowel_start: usize,
    vowel_len: usize,
    /// Lowercase toneless vowel run.
    vowels: String,
    /// Final consonant only (semivowels excluded).
    coda: &'static str,
}

/// Splits `token` into its parts; `None` when it is not shaped like a syllable (letters other
/// than Vietnamese ones, an unknown initial or final, no vowel, two tone marks).
pub fn parse(token: &str) -> Option<Syllable> {
    let mut lower: Vec<char> = Vec::with_capacity(8);
    let mut tone = Tone::Level;
    let mut tone_at = None;
    for (i, c) in token.chars().enumerate() {
        if let Some((base, t, _)) = split_vowel(c) {
            if t != Tone::Level {
                if tone_at.is_some() {
                    return None;
                }
                tone = t;
                tone_at = Some(i);
            }
            lower.push(base);
        } else {
            let l = match c {
                'Đ' => 'đ',
                c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                c => c,
            };
            if !is_consonant(l) {
                return None;
            }
            lower.push(l);
        }
    }
    let is_v = |c: char| split_vowel(c).is_some();
    let mut i = lower.iter().take_while(|&&c| !is_v(c)).count();
    // qu + vowel, gi + vowel, bare gi (gì, gìn).
    let bare_gi = i == 1 && lower[0] == 'g' && lower.get(1) == Some(&'i') && !lower.get(2).is_some_and(|&c| is_v(c));
    let glide = |first: char, second: char| {
        i == 1 && lower[0] == first && lower.get(1) == Some(&second) && lower.get(2).is_some_and(|&c| is_v(c))
    };
    if glide('q', 'u') || glide('g', 'i') {
        i = 2;
    }
    let initial_str: String = lower[..i].iter().collect();
    let initial = if bare_gi { "gi" } else { *INITIALS.iter().find(|&&x| x == initial_str)? };
    if initial == "q" {
        return None;
    }
    let vowel_start = i;
    let vowel_len = lower[i..].iter().take_while(|&&c| is_v(c)).count();
    if vowel_len == 0 {
        return None;
    }
    let coda_str: String = lower[i + vowel_len..].iter().collect();
    let coda = *FINALS.iter().find(|&&x| x == coda_str)?;
    let vowels: String = lower[i..i + vowel_len].iter().collect();
    let misplaced = tone_at.is_some_and(|t| t < vowel_start || t >= vowel_start + vowel_len);

    // Medial, nucleus, semivowel final.
    let v: Vec<char> = vowels.chars().collect();
    let mut medial = None;
    let mut k = 0;
    if v.len() >= 2 && initial != "qu" {
        let medial_o = v[0] == 'o' && matches!(v[1], 'a' | 'ă' | 'e');
        let medial_u = v[0] == 'u' && matches!(v[1], 'â' | 'ê' | 'y' | 'ơ' | 'ă' | 'e');
        if medial_o || medial_u {
            medial = Some(v[0]);
            k = 1;
        }
    }
    let rest = &v[k..];
    let diphthong = rest.len() >= 2
        && matches!(
            (rest[0], rest[1]),
            ('i', 'ê')
                | ('y', 'ê')
                | ('i', 'a')
                | ('y', 'a')
                | ('u', 'ô')
                | ('u', 'a')
                | ('ư', 'ơ')
                | ('ư', 'a')
                | ('o', 'o')
        );
    let core = if diphthong { 2 } else { 1 };
    let nucleus: String = rest[..core.min(rest.len())].iter().collect();
    let semi: String = rest[core.min(rest.len())..].iter().collect();
    let final_ = if semi.is_empty() { coda.to_string() } else { semi + coda };
    Some(Syllable { initial, medial, nucleus, final_, tone, tone_at, misplaced, vowel_start, vowel_len, vowels, coda })
}

/// Every syllable the rules accept, without its tone (shape marks kept, lowercase): each
/// initial with each rhyme (`qu` and `gi` taking the rhyme without their `u`/`i`), kept when
/// some tone makes it valid (stop finals need sắc or nặng).
pub(crate) fn toneless_syllables() -> Vec<String> {
    let mut out = Vec::new();
    for initial in INITIALS {
        for rhyme in RHYMES {
            let glued = match (initial, rhyme.chars().next()) {
                ("qu", Some('u')) | ("gi", Some('i')) => format!("{initial}{}", &rhyme[1..]),
                _ => format!("{initial}{rhyme}"),
            };
            let Some(p) = parse(&glued) else { continue };
            let at = Some(p.tone_index(ToneStyle::OnSecondVowel));
            if [Tone::Level, Tone::Acute].iter().any(|&t| is_valid(&retone(&glued, t, at))) {
                out.push(glued);
            }
        }
    }
    out
}

/// Whether `token` (NFC, any case) is a valid Vietnamese syllable by rule.
pub fn is_valid(token: &str) -> bool {
    parse(token).is_some_and(|s| s.is_valid())
}

impl Syllable {
    /// The rhyme checked against the list: vowels + final, with the `u` of `qu` as medial.
    pub fn rhyme(&self) -> String {
        let mut r = String::with_capacity(8);
        if self.initial == "qu" {
            r.push('u');
        }
        r.push_str(&self.vowels);
        r.push_str(self.coda);
        r
    }

    /// The vowel run (medial, nucleus, semivowel final), lowercase without tone.
    pub fn vowels(&self) -> &str {
        &self.vowels
    }

    /// The final consonant, without semivowels.
    pub fn coda(&self) -> &'static str {
        self.coda
    }

    /// Whether the tone mark sits on a vowel one of the two house styles puts it on.
    pub fn tone_well_placed(&self) -> bool {
        match self.tone_at {
            None => true,
            Some(_) if self.misplaced => false,
            Some(at) => {
                at == self.tone_index(ToneStyle::OnSecondVowel) || at == self.tone_index(ToneStyle::OnFirstVowel)
            }
        }
    }

    /// Whether the parts make a Vietnamese syllable.
    pub fn is_valid(&self) -> bool {
        let mut rhyme = self.rhyme();
        let first = rhyme.chars().next().unwrap_or('a');
        let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
        match self.initial {
            "c" | "g" | "ng" if front => return false,
            "k" if !front => return false,
            "gh" | "ngh" if !matches!(first, 'e' | 'ê' | 'i') => return false,
            "qu" if matches!(self.vowels.chars().next(), Some('u' | 'ư')) => return false,
            "gi" => {
                if self.vowels == "i" && self.vowel_start == 1 {
                    // bare gi: the i is the vowel (gì, gìn, gịt)
                } else if matches!(first, 'i' | 'y') {
                    return false;
                } else if first == 'ê' && RHYMES.contains(&format!("i{rhyme}").as_str()) {
                    rhyme.insert(0, 'i'); // giêng = gi + iêng
                }
            }
            _ => {}
        }
        if self.medial == Some('u') && matches!(self.initial, "c" | "k" | "g" | "gh" | "ngh") {
            return false;
        }
        if self.medial == Some('o') && matches!(self.initial, "c" | "k" | "gh" | "ngh" | "gi") {
            return false;
        }
        if rhyme.starts_with("yê") && !self.initial.is_empty() && self.medial.is_none() {
            return false;
        }
        if rhyme.starts_with("iê") && self.initial.is_empty() {
            return false;
        }
        if !RHYMES.contains(&rhyme.as_str()) {
            return false;
        }
        if matches!(self.coda, "c" | "ch" | "p" | "t") && !matches!(self.tone, Tone::Acute | Tone::Dot) {
            return false;
        }
        self.tone_well_placed()
    }

    /// Char index in the token of the vowel that carries the tone in `style`
    /// (Unikey's `getTonePosition`).
    pub fn tone_index(&self, style: ToneStyle) -> usize {
        self.vowel_start + tone_position(&self.vowels, !self.coda.is_empty(), style)
    }

    /// Whether this syllable is written differently in the two styles (open oa, oe, uy with a
    /// tone mark).
    pub fn style_sensitive(&self) -> bool {
        self.tone != Tone::Level && self.coda.is_empty() && matches!(self.vowels.as_str(), "oa" | "oe" | "uy")
    }
}

/// Index, within a toneless lowercase vowel run, of the vowel that takes the tone mark.
/// One vowel → it; else the last vowel with a shape mark (`ươ` → ơ); else a three-vowel run →
/// the middle; else with a final consonant → the last; else open oa/oe/uy → the second
/// (`hoà` style) or the first (`hòa` style); else the first.
pub fn tone_position(vowels: &str, has_final_consonant: bool, style: ToneStyle) -> usize {
    let v: Vec<char> = vowels.chars().collect();
    if v.len() <= 1 {
        return 0;
    }
    if let Some(p) = v.iter().rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')) {
        if v[p] == 'ư' && v.get(p + 1) == Some(&'ơ') {
            return p + 1;
        }
        return p;
    }
    if v.len() >= 3 {
        return 1;
    }
    if has_final_consonant {
        return v.len() - 1;
    }
    if matches!(vowels, "oa" | "oe" | "uy") {
        return match style {
            ToneStyle::OnSecondVowel => 1,
            ToneStyle::OnFirstVowel => 0,
        };
    }
    0
}

/// `token` with its tone mark moved to where `style` puts it; `None` when the token is not a
/// valid syllable or is already there. Case is kept char by char.
pub fn restyle(token: &str, style: ToneStyle) -> Option<String> {
    let s = parse(token)?;
    if !s.is_valid() || !s.style_sensitive() {
        return None;
    }
    let from = s.tone_at?;
    let to = s.tone_index(style);
    if from == to {
        return None;
    }
    Some(retone(token, s.tone, Some(to)))
}

/// `token` with every tone mark removed and `tone` put on the char at index `at`.
pub fn retone(token: &str, tone: Tone, at: Option<usize>) -> String {
    token
        .chars()
        .enumerate()
        .map(|(i, c)| match split_vowel(c) {
            Some((base, _, upper)) if Some(i) == at => with_tone(base, tone, upper),
            Some((base, _, upper)) => with_tone(base, Tone::Level, upper),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        let s = parse("quốc").unwrap();
        assert_eq!(
            (s.initial, s.medial, s.nucleus.as_str(), s.final_.as_str(), s.tone),
            ("qu", None, "ô", "c", Tone::Acute)
        );
        let s = parse("Nguyễn").unwrap();
        assert_eq!((s.initial, s.medial, s.nucleus.as_str(), s.final_.as_str()), ("ng", Some('u'), "yê", "n"));
        let s = parse("người").unwrap();
        assert_eq!((s.nucleus.as_str(), s.final_.as_str(), s.tone), ("ươ", "i", Tone::Grave));
        let s = parse("gìn").unwrap();
        assert_eq!((s.initial, s.nucleus.as_str(), s.final_.as_str()), ("gi", "i", "n"));
        let s = parse("giữa").unwrap();
        assert_eq!((s.initial, s.nucleus.as_str()), ("gi", "ưa"));
        let s = parse("hoà").unwrap();
        assert_eq!((s.medial, s.nucleus.as_str(), s.tone_at), (Some('o'), "a", Some(2)));
    }

    #[test]
    fn valid_and_invalid() {
        for ok in [
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "quả",
            "quốc",
            "giữa",
            "gì",
            "giếng",
            "nghiêng",
            "khuya",
            "khuỷu",
            "người",
            "Nguyễn",
            "ĐƯỜNG",
            "ngoài",
            "uống",
            "yêu",
            "tuyết",
            "oẳn",
            "kỹ",
            "kĩ",
            "boong",
            "quy",
            "xoong",
            "huơ",
        ] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in [
            "ngiêng", "ghà", "kà", "cí", "nghành", "qủa", "hóan", "khôgn", "xit", "tàp", "cuy", "gía", "iêu", "q",
            "abc",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn tone_positions() {
        use ToneStyle::*;
        assert_eq!(restyle("hoà", OnFirstVowel).as_deref(), Some("hòa"));
        assert_eq!(restyle("Thủy", OnSecondVowel).as_deref(), Some("Thuỷ"));
        assert_eq!(restyle("KHOẺ", OnFirstVowel).as_deref(), Some("KHỎE"));
        assert_eq!(restyle("hoàn", OnFirstVowel), None);
        assert_eq!(restyle("quý", OnFirstVowel), None);
        assert_eq!(tone_position("ươ", true, OnFirstVowel), 1);
        assert_eq!(tone_position("oai", false, OnFirstVowel), 1);
    }
}

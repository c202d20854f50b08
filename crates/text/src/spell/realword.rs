//! Real-word slips: each syllable exists, the two-syllable word does not (`sử lý` → `xử lý`).
//!
//! Rule, for two adjacent syllables separated by one space (no punctuation), both lowercase,
//! or capitalised + lowercase (sentence start), or both all-caps, both valid and in the
//! dictionary:
//! 1. the pair is a listed word (`data/words.txt`, the ≈ 47,000 of `data/words-viet74k.txt`,
//!    user words) → fine;
//! 2. either syllable forms a listed word with its other neighbour (`lịch sử lý giải` is two
//!    words) → fine; so is a pair whose second syllable is a nominaliser or a prefix (sự,
//!    việc, đại, tái…) before a listed word (`nhận sự bổ nhiệm`, `vị đại bồ tát`) or a
//!    measure word before a number (`chợ cấp 1`), and a capitalised syllable after another
//!    word of the same phrase (`Viên Thế Khải sinh`, `gốc Việt làm`): a name, then a new word
//!    (the capitalised + lowercase pair is checked at a sentence or clause start only);
//! 3. the pair is a known slip (`data/slips.txt`) → finding with the curated word;
//!    other pairs are left alone when the text writes them three times or more (a slip is an
//!    accident, a term repeats: `Gia Long thông bảo`, `Minh Mạng thông bảo`);
//! 4. otherwise, when neither syllable is a common function word (đã, sẽ, là, có, …) and
//!    changing one syllable by a likely confusion (initial s/x, ch/tr, d/gi/r, l/n; hỏi/ngã;
//!    a final n/ng, c/t, ch/t, nh/n; a shape mark; another tone or none) gives a word of our
//!    common list or the user's (not the long list: its rare words would turn everyday
//!    phrases into slips) → finding, likeliest confusion first;
//! 5. when one of them is a function word, only that one may change, and only by its initial
//!    l/n into a syllable that is no function word (`khiếu lại` → `khiếu nại`);
//! 6. a correction from 4 or 5 is offered only where it reads better in the sentence than what
//!    was written, by a bigram model of the Vietnamese Wikipedia that looks at the syllable
//!    before the pair (when the first syllable changes) or after it (when the second does):
//!    `việc dùng khí`, `nhiều lần chiếm`, `Vụ mua lại` are two words side by side, `các ván đề`
//!    is a slip; and only with evidence for the word itself: the crawl has it beside the same
//!    neighbour, or, with neither neighbour seen, the written pair is far rarer than the word
//!    (`cái tô lớn`, `chữ hình thanh` are left alone) ([`context`]).
//!
//! False positives are worse than misses: every gate above errs towards silence.

use super::context;
use super::suggest::{confusions, swap_initial_l_n};
use super::{apply_case, case_of, Case, Speller};
use crate::check::{Finding, FindingKind, Message};
use crate::fast_hash::FastMap;
use crate::tokens::Token;
use crate::tone_style::byte_offset;

/// Frequent standalone words: pairs with them are too often two words to guess a slip.
const STOP: &[&str] = &[
    "à", "ai", "anh", "ba", "bà", "bảy", "bị", "bởi", "bốn", "các", "cả", "cái", "cần", "chỉ", "chị", "cho", "chưa",
    "chúng", "có", "còn", "con", "của", "cùng", "cũng", "đã", "đang", "đâu", "để", "đến", "đi", "đó", "đều", "em",
    "gì", "hai", "hay", "hơn", "họ", "hoặc", "khi", "không", "là", "lại", "lên", "mà", "mấy", "mới", "một", "mười",
    "năm", "nào", "này", "nên", "nếu", "người", "nhiều", "như", "nhưng", "những", "nó", "ở", "ông", "phải", "qua",
    "ra", "rất", "rồi", "sau", "sáu", "sẽ", "so", "tại", "tám", "theo", "thế", "thì", "tôi", "trên", "trong", "từ",
    "vẫn", "vào", "và", "về", "vì", "với", "xuống", "chín", "nữa", "đây", "được", "ít", "nhất", "bằng", "dù", "do",
    // Pronouns and the kinship terms used as pronouns, demonstratives, `rằng` (that) and
    // `khoảng` (about) stand on their own as well: `thấy cô rất`, `gánh gạo nuôi chồng`,
    // `ngay gần đấy`, `định rõ rằng`, `chuyển khoảng 12 triệu`.
    "cô", "chú", "bác", "cậu", "cháu", "bố", "mẹ", "cha", "vợ", "chồng", "mình", "ta", "ấy", "đấy", "kia", "rằng",
    "khoảng",
    // Prepositions of place and the adverb `dần` head a phrase of their own: `chờ ngoài thành`,
    // `quay quanh tâm`, `từ tầm gần sang`, `rút dần quân`, `giữa nam và nữ`.
    "ngoài", "dưới", "giữa", "quanh", "gần", "trước", "sang", "dần",
];

/// Standalone too, in a list of its own (rustfmt lays a longer STOP one word a line):
/// quantifiers go before any noun (`mỗi trường`: each school, `từng nhà`, `vài lần`), frequency
/// adverbs before any verb or adjective (`bệnh viện công thường quá tải`, `luôn sẵn sàng`). A pair
/// with them is two words far more often than a slip; the cost is a slip on them (`mỗi trường`
/// for `môi trường` is missed unless the curated slips list it).
const STOP_MODIFIERS: &[&str] = &["mỗi", "mọi", "từng", "vài", "thường", "luôn", "vừa"];

/// Measure and rank words that take a number after them (`cấp 1`, `loại 2`, `tầng 5`).
const MEASURES: &[&str] = &[
    "cấp",
    "loại",
    "hạng",
    "bậc",
    "tầng",
    "lớp",
    "khu",
    "đợt",
    "số",
    "phần",
    "chương",
    "điều",
    "khoản",
    "mục",
    "điểm",
    "độ",
    "lần",
    "tập",
    "khoá",
    "phòng",
    "tổ",
    "đội",
    "quận",
    "phường",
    "tuyến",
    "cửa",
];

/// A pair the text writes this often is the writer's term, not a slip (curated slips excepted).
const REPEATED: u32 = 3;

/// Words that attach to the word after them: nominalisers (`sự bổ nhiệm`) and Sino-Vietnamese
/// prefixes (`đại bồ tát`, `tái đầu tư`). Before a listed word they start a phrase, so they do
/// not end a word with the syllable before them (`nhận sự bổ nhiệm`, `vị đại bồ tát`).
const ATTACHING: &[&str] =
    &["sự", "việc", "cuộc", "nỗi", "niềm", "nền", "đại", "siêu", "tái", "phi", "bất", "vô", "phó", "tổng", "cựu"];

/// Whether a word-list key is a standalone function word (STOP or STOP_MODIFIERS).
fn is_stop_key(key: &str) -> bool {
    STOP.contains(&key) || STOP_MODIFIERS.contains(&key)
}

fn is_stop(sp: &Speller, lower: &str) -> bool {
    is_stop_key(&sp.word_key(lower))
}

/// A correction: its rank (likeliest confusion first), the corrected pair in lowercase, and its
/// word keys (none for a curated slip).
type Candidate = (u32, String, Option<(String, String)>);

/// A token that is a real syllable: its word-list key, case and lowercase form.
struct Syl {
    key: String,
    case: Case,
    lower: String,
}

pub(super) fn findings(text: &str, toks: &[Token<'_>], sp: &Speller) -> Vec<Finding> {
    let mut out = Vec::new();
    // Per distinct token, once (news text repeats its syllables): the word-list key when it is
    // a real syllable in a usable case. Later steps borrow from here; nothing is cloned per token.
    let mut memo: FastMap<&str, Option<Syl>> = FastMap::default();
    for t in toks {
        memo.entry(t.text).or_insert_with(|| {
            let case = case_of(t.text);
            if case == Case::Mixed || t.text.chars().any(|c| c.is_ascii_digit()) {
                return None;
            }
            let lower = t.text.to_lowercase();
            sp.is_real_syllable(&lower).then(|| Syl { key: sp.word_key(&lower), case, lower })
        });
    }
    let keys: Vec<Option<&Syl>> = toks.iter().map(|t| memo[t.text].as_ref()).collect();
    let adjacent = |i: usize| -> bool {
        let (a, b) = (&toks[i], &toks[i + 1]);
        let end = byte_offset(text, a.text) + a.text.len();
        matches!(&text[end..byte_offset(text, b.text)], " " | "\u{a0}")
    };
    // Whether each adjacent pair can be a word, and whether it is a listed one (the loop below
    // looks at every pair up to three times). One reused buffer: no allocation per pair.
    let mut buf = String::new();
    let mut listed = vec![false; toks.len().saturating_sub(1)];
    let mut usable = vec![false; toks.len().saturating_sub(1)];
    for i in 0..listed.len() {
        if let (Some(a), Some(b)) = (keys[i], keys[i + 1]) {
            if adjacent(i) {
                usable[i] = true;
                buf.clear();
                buf.push_str(&a.key);
                buf.push(' ');
                buf.push_str(&b.key);
                listed[i] = sp.is_listed(buf.as_str());
            }
        }
    }
    // Whether a pair needs looking at: two real syllables in one phrase, in a usable case, not
    // a listed word, and not explained by a word boundary or a name.
    let suspect = |i: usize| -> bool {
        let (Some(a), Some(b), true) = (keys[i], keys[i + 1], usable[i]) else { return false };
        let cased = matches!(
            (a.case, b.case),
            (Case::Lower, Case::Lower) | (Case::Capitalised, Case::Lower) | (Case::Upper, Case::Upper)
        );
        // A syllable that belongs with its other neighbour: two words.
        let belongs = |j: Option<usize>| j.is_some_and(|j| listed[j]);
        // A nominaliser or prefix before a listed word starts a phrase (`nhận sự bổ nhiệm`), and
        // so does a measure word before a number (`chợ cấp 1`).
        let starts_phrase =
            (ATTACHING.contains(&b.key.as_str()) && i + 2 < listed.len() && adjacent(i + 1) && listed[i + 2])
                || (MEASURES.contains(&b.key.as_str())
                    && i + 2 < toks.len()
                    && adjacent(i + 1)
                    && toks[i + 2].text.starts_with(|c: char| c.is_ascii_digit()));
        // A capitalised syllable after another word of the same phrase starts no sentence: it
        // is a name, or ends one (`Thế Khải sinh`, `gốc Việt làm nghề`, `làm Quận úy quận`).
        let ends_name = a.case == Case::Capitalised && i > 0 && adjacent(i - 1);
        cased
            && !listed[i]
            && !belongs(i.checked_sub(1))
            && !belongs(Some(i + 1).filter(|&j| j + 1 < toks.len()))
            && !starts_phrase
            && !ends_name
    };
    let suspects: Vec<bool> = (0..listed.len()).map(suspect).collect();
    // How often the text writes each suspect pair: a slip is an accident and seldom repeats, a
    // term the writer means does (`Gia Long thông bảo` … `Minh Mạng thông bảo`).
    let mut uses: FastMap<(&str, &str), u32> = FastMap::default();
    for i in (0..suspects.len()).filter(|&i| suspects[i]) {
        if let (Some(a), Some(b)) = (keys[i], keys[i + 1]) {
            *uses.entry((a.key.as_str(), b.key.as_str())).or_default() += 1;
        }
    }
    // Candidates depend only on the two lowercase syllables: once per distinct pair. Each is
    // (rank, the corrected pair, its word keys; none for a curated slip, always kept).
    let mut candidates_memo: FastMap<(&str, &str), Vec<Candidate>> = FastMap::default();
    let counts = context::counts();
    // The word key of the syllable beside the pair, one space away, for the context rule.
    let neighbour = |j: usize| -> Option<String> {
        let t = toks[j].text;
        t.chars().all(char::is_alphabetic).then(|| sp.word_key(&t.to_lowercase()))
    };
    let mut i = 0;
    while i + 1 < toks.len() {
        let (Some(a), Some(b), true) = (keys[i], keys[i + 1], suspects.get(i).copied().unwrap_or(false)) else {
            i += 1;
            continue;
        };
        let (ka, ca, la, kb, cb, lb) = (&a.key, &a.case, &a.lower, &b.key, &b.case, &b.lower);
        let slip = sp.slips.get(&format!("{ka} {kb}"));
        if slip.is_none() && uses[&(ka.as_str(), kb.as_str())] >= REPEATED {
            i += 1;
            continue;
        }
        let cands = candidates_memo.entry((la.as_str(), lb.as_str())).or_insert_with(|| {
            let mut cands: Vec<Candidate> = Vec::new();
            if let Some(w) = slip {
                cands.push((0, w.clone(), None));
            } else {
                // A correction of the first syllable (`first`) or the second into `v`, when it
                // makes a word of our list.
                let mut add = |v: &str, first: bool, rank: u32| {
                    let v_key = sp.word_key(v);
                    let pair = if first { format!("{v_key} {kb}") } else { format!("{ka} {v_key}") };
                    if sp.is_real_syllable(v) && sp.is_target(&pair) {
                        let fixed = if first { format!("{v} {lb}") } else { format!("{la} {v}") };
                        let keys = if first { (v_key, kb.clone()) } else { (ka.clone(), v_key) };
                        cands.push((rank, fixed, Some(keys)));
                    }
                };
                match (is_stop_key(ka), is_stop_key(kb)) {
                    (false, false) => {
                        for (v, r) in confusions(la) {
                            add(&v, true, r);
                        }
                        for (v, r) in confusions(lb) {
                            add(&v, false, r);
                        }
                    }
                    // The function word itself may be the slip, but only its initial l/n, and only
                    // into a word that is no function word (`khiếu lại` → khiếu nại; `tạo lên` is
                    // left to the curated slips: lên and nên are both everyday words).
                    (false, true) => {
                        if let Some(v) = swap_initial_l_n(lb).filter(|v| !is_stop(sp, v)) {
                            add(&v, false, 0);
                        }
                    }
                    (true, false) => {
                        if let Some(v) = swap_initial_l_n(la).filter(|v| !is_stop(sp, v)) {
                            add(&v, true, 0);
                        }
                    }
                    (true, true) => {}
                }
            }
            cands.sort();
            cands
        });
        if cands.is_empty() {
            i += 1;
            continue;
        }
        // The context rule: a correction is offered where it reads better, with the syllable
        // before and after the pair, than what was written (curated slips always).
        let before = (i > 0 && adjacent(i - 1)).then(|| neighbour(i - 1)).flatten();
        let after = (i + 2 < toks.len() && adjacent(i + 1)).then(|| neighbour(i + 2)).flatten();
        let fits = |keys: &Option<(String, String)>| {
            keys.as_ref()
                .is_none_or(|(x, y)| counts.fix_reads_better(before.as_deref(), (ka, kb), (x, y), after.as_deref()))
        };
        if !cands.iter().any(|(_, _, keys)| fits(keys)) {
            i += 1;
            continue;
        }
        let (a, b) = (toks[i].text, toks[i + 1].text);
        let mut suggestions: Vec<String> = Vec::new();
        for (_, w, _) in cands.iter().filter(|(_, _, keys)| fits(keys)) {
            let w = crate::tone_style::convert(w, sp.house);
            let mut parts = w.split(' ');
            let (x, y) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let s = format!("{} {}", apply_case(x, *ca), apply_case(y, *cb));
            if !suggestions.contains(&s) {
                suggestions.push(s);
            }
        }
        let span = format!("{a} {b}");
        let best = &suggestions[0];
        out.push(Finding {
            kind: FindingKind::RealWord,
            start: toks[i].start,
            end: toks[i + 1].end,
            text: text[byte_offset(text, a)..byte_offset(text, b) + b.len()].to_string(),
            message: Message::new(
                format!("“{span}” không phải là từ: có lẽ là “{best}”."),
                format!("“{span}” is not a word: probably “{best}”."),
            ),
            suggestions,
        });
        i += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokens;

    /// The real-word findings of `text` (no dictionary: valid syllables count as real), as
    /// (written, first suggestion).
    fn slips(text: &str) -> Vec<(String, String)> {
        let sp = Speller::default();
        findings(text, &tokens(text), &sp).into_iter().map(|f| (f.text, f.suggestions[0].clone())).collect()
    }

    /// Two words side by side, one mark from a listed word: the syllable beside the changed
    /// one belongs with it (`nhiều lần`, `việc dùng`, `mua lại`), so the pair spans a boundary.
    #[test]
    fn a_pair_across_a_word_boundary_is_not_flagged() {
        for text in [
            "Người Ai Cập đã nhiều lần chiếm vùng đất này.",
            "Khí công là công phu của việc dùng khí.",
            "Vụ mua lại lớn đầu tiên của công ty diễn ra năm 1999.",
        ] {
            assert_eq!(slips(text), [], "{text}");
        }
    }

    /// A slip inside a word stays flagged in the middle of a phrase: the syllable before or
    /// after it sits better with the correction (`các vấn`, `hiện theo`).
    #[test]
    fn a_slip_inside_a_phrase_is_still_flagged() {
        let cases = [
            ("Họ bị bắt vì các ván đề liên quan đến việc đưa tin.", "ván đề", "vấn đề"),
            ("Dự án đã thực hiên theo kế hoạch.", "thực hiên", "thực hiện"),
            ("Đây là hiện tượng khá phổ biển vào mùa xuân.", "phổ biển", "phổ biến"),
            // `để giảm` is frequent, `để giám` less so but far from rare (the data keeps only
            // the first: the second counts as chance would have it).
            ("Nồng độ này được dùng để giảm sát các cơn phát bệnh.", "giảm sát", "giám sát"),
        ];
        for (text, written, fixed) in cases {
            assert_eq!(slips(text), [(written.to_string(), fixed.to_string())], "{text}");
        }
    }

    /// A real pair the lists lack, one mark from a common word, whose neighbours the word is
    /// never seen beside in the crawl: the sentence gives no evidence for the word, so no finding
    /// (`cái tô lớn` is a big bowl, `nhà tạm dựng` a makeshift house).
    #[test]
    fn a_pair_the_word_is_never_seen_in_such_a_sentence_with_is_not_flagged() {
        for text in [
            "Cho bột vào một cái tô lớn rồi khuấy đều.",
            "Cả nhà ở trong một căn lều tạm dựng bằng tre.",
            "Nhân lúc quân địch ngủ say, họ vượt sông.",
        ] {
            assert_eq!(slips(text), [], "{text}");
        }
    }

    /// Curated slips are flagged whatever their neighbours.
    #[test]
    fn curated_slips_ignore_the_context() {
        assert_eq!(slips("Hai công ty đã sát nhập vào năm 2004."), [("sát nhập".to_string(), "sáp nhập".to_string())]);
    }

    /// The comparison itself, with each neighbour: `việc dùng` beats `việc dũng`; `các vấn`
    /// beats `các ván`; with no neighbour, the pair and the syllables' own frequency decide.
    #[test]
    fn the_neighbour_of_the_changed_syllable_decides() {
        let c = context::counts();
        assert!(!c.fix_reads_better(Some("việc"), ("dùng", "khí"), ("dũng", "khí"), None));
        assert!(c.fix_reads_better(Some("các"), ("ván", "đề"), ("vấn", "đề"), Some("liên")));
        assert!(!c.fix_reads_better(None, ("vụ", "mua"), ("vụ", "mùa"), Some("lại")));
        assert!(c.fix_reads_better(None, ("thực", "hiên"), ("thực", "hiện"), None));
        // `cái to lớn` and `to lớn khuấy` are not seen, and the written pair is not rare enough
        // beside `to lớn` to speak alone.
        assert!(!c.fix_reads_better(Some("cái"), ("tô", "lớn"), ("to", "lớn"), Some("khuấy")));
    }
}

//! Capitalisation of place names after a common noun: the noun stays lowercase, each
//! syllable of the name is capitalised ("quận Hải An", "tỉnh Quảng Ninh"); numbered units are
//! capitalised as a whole ("Quận 1", "Phường 3").
//!
//! The nouns: quận, huyện, tỉnh, phường, xã, thị xã, thị trấn, thành phố, làng, thôn, ấp,
//! sông, núi, đảo — lowercase, or capitalised at the start of a sentence. False positives are
//! worse than misses, so a name is flagged only when all of this holds:
//! - the noun is not counted (no number or các/những/mỗi/… just before it: "12 quận 1 thị
//!   xã", "các tỉnh miền núi");
//! - the next syllable, on the same line after one space, is lowercase and is not a function
//!   word, a common adjective, determiner or verb that follows such nouns ("tỉnh này",
//!   "thành phố lớn", "xã đã", "huyện đề nghị"), nor a word the noun forms a compound with
//!   ("xã hội", "tỉnh táo", "đảo ngược", "làng nghề", or any listed two-syllable word
//!   `Speller::is_word` knows);
//! - the name is two letter-only syllables (or "hồ chí minh"), ended by punctuation, the end
//!   of the text or a function word ("và", "của", "thuộc", …), and is not a common word
//!   ("cập đảo an toàn"). Most Vietnamese place names are two syllables; one-syllable names
//!   (Huế, Vinh) and three-syllable runs are missed on purpose: after these nouns they are
//!   far more often a verb or a phrase ("về làng sống.", "sông quê hương chảy qua").
//!
//! Numbered: lowercase quận or phường + a number ("quận 1" → "Quận 1"), not "quận 1,5 km".

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{at_sentence_start, capitalise_first, finding, syllable_key, Finding, FindingKind, Message};
use crate::spell::Speller;
use crate::tokens::{tokens, Token};

/// Nouns, longest first so that "thị xã" wins over "xã".
const NOUNS: &[&str] = &[
    "thị xã",
    "thị trấn",
    "thành phố",
    "quận",
    "huyện",
    "tỉnh",
    "phường",
    "xã",
    "làng",
    "thôn",
    "ấp",
    "sông",
    "núi",
    "đảo",
];

/// Nouns whose numbered units are names ("Quận 1", "Phường 3").
const NUMBERED: &[&str] = &["quận", "phường"];

/// Words that end a name: function words, pronouns, numerals. Space-separated.
const BOUNDARY: &str = "và của đã sẽ đang có là được trong tại với cho đến từ theo về để khi thì nhưng hoặc hay \
    này đó kia ấy nọ nào cũng vẫn không chưa chẳng rất bị ra vào lên xuống mà nên vì do bởi như các những một mỗi \
    mọi cùng đều lại còn sau trước trên dưới giữa gần xa qua ở nhằm thuộc nơi người ông bà anh chị em tôi họ mình \
    chúng ta đây thế vậy rồi hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ tỉ hiện vừa mới sắp \
    từng luôn chỉ nhất hơn quá lắm thêm cả toàn nhiều ít vài gì ai sao bao thường hầu nữa ngay tới nay";

/// Other words that follow these nouns as ordinary words (first syllable, or a phrase that
/// starts the name): adjectives, determiners, verbs of news copy with the unit as subject
/// ("huyện đề nghị"), other place nouns. Comma-separated.
const COMMON_FOLLOWERS: &str = "lớn, nhỏ, cũ, khác, bên, ven, miền, vùng, phía, nghèo, giàu, đông, thuần, cao, \
    thấp, dài, rộng, hẹp, sâu, xanh, sạch, đẹp, văn, đầu, cuối, duy, thứ, số, kể, nêu, nhà, bạn, lân, giáp, trực, \
    trung tâm, biên, đặc, loại, trọng, điểm, thí, đồng bằng, trung du, duyên, kết, nông, ngoại, nội, du, thông, \
    khó, biển, cảng, tỉnh, huyện, quận, xã, phường, thị, thành, làng, thôn, ấp, sông, núi, đảo, xóm, bản, tổ, khu, \
    phố, đường, hồ, suối, rừng, đồi, đề, yêu, triển, tổ chức, kiến, báo, quyết, phê, ban, xây, thực, tiếp, hỗ, \
    chi, cấp, giao, lập, mở, kiểm, xử, phối, vận, huy, đầu tư, ghi, xác, đánh, phát, đẩy, tăng, giảm, rà, khẩn, \
    hoàn, đạt, bố, chuẩn, di, sơ, cần, phải, muốn, nhận, gửi, trao, tặng, khen, xin, dự, ước, tự, chủ, cam, khẳng, \
    công, tuyên, ký, đón, nằm, thiếu, gồm, chiếm, đứng, xếp, dẫn, trở, thu, chịu, gặp, mất, ngập, sạt, nhanh, \
    chậm, vốn, đi, tiến, chọn, lo, đặt, dành, hướng, quản, điều, ủng, kêu, mong, tiêu, giải, ngăn, cấm, tạm, dừng, \
    nghiêm, bắt, vượt, thắng, thua, dân, khuyến, dâng, chìm, sống, làm, học, chơi, ăn, uống, ngủ, nghỉ, chạy, bay, \
    đổ, sập, cháy, nổ, vỡ, tràn, lũ, lụt, mưa, nắng, nóng, lạnh, rét, khô, cạn, bẩn, ô nhiễm, vắng, buồn, vui, \
    xưa, yên, im, hoang, bỏ, thả, giữ, bán, mua, cho phép, nói, kể, hỏi, đáp, trả, nộp, đóng, góp, xét, chấm, \
    khởi, tái, vay, nợ, lỗ, lãi, chờ, đợi, nhìn, thấy, nghe, biết, hiểu, tin, nhớ, quên, ngày, đêm, sáng, chiều, \
    tối, trưa, hôm, tuần, tháng, năm, quý, đợt, lần, phần, nửa, chảy, trôi, cuốn, bồi, xói, lở, quê";

/// Words that form a compound with a particular noun ("xã hội", "tỉnh táo", "đảo ngược"),
/// beyond the two-syllable words `Speller::is_word` knows.
const COMPOUNDS: &[(&str, &str)] = &[
    ("xã", "hội viên giao luận đội tắc trưởng đoàn"),
    ("tỉnh", "táo dậy giấc ngộ rượu lẻ lộ lị lỵ ủy đội trưởng ngủ bơ"),
    ("huyện", "ủy đội lộ lị lỵ trưởng"),
    ("quận", "ủy đội trưởng chúa công vương"),
    ("phường", "hội chèo tuồng bát đội trưởng"),
    ("thị xã", "ủy"),
    ("thị trấn", "ủy"),
    ("thành phố", "ngàn hoa mang sương biển cảng trẻ ủy"),
    ("làng", "xóm nghề quê mạc chài trẻ nhàng cổ giải bóng nhạc game mốt thời hài văn võ phim sinh điện thể đại truyền thi tranh"),
    ("thôn", "quê xóm nữ dã trưởng tính"),
    ("ấp", "úng ủ trứng iu chiến nở"),
    ("sông", "nước ngòi hồ con mẹ cạn chết băng cái"),
    ("núi", "non đá lửa đất rác tuyết băng"),
    ("đảo", "ngược chính lộn chiều quốc điên mắt nợ hoang nổi chìm tiền vị"),
];

/// Words before a noun that make it a counted common noun ("các tỉnh", "mỗi xã").
/// Classifiers too: "con sông", "dòng sông", "ngọn núi", "hòn đảo" are common nouns.
const QUANTIFIERS: &str = "các những mỗi mọi nhiều vài mấy từng hai ba bốn năm con dòng ngọn hòn";

struct Lists {
    boundary: HashSet<String>,
    /// Single syllables and phrases, as syllable keys.
    followers: HashSet<Vec<String>>,
    compounds: HashMap<&'static str, HashSet<String>>,
    quantifiers: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    let keys = |s: &str| s.split_whitespace().map(syllable_key).collect::<HashSet<_>>();
    LISTS.get_or_init(|| Lists {
        boundary: keys(BOUNDARY),
        followers: COMMON_FOLLOWERS.split(',').map(|w| w.split_whitespace().map(syllable_key).collect()).collect(),
        compounds: COMPOUNDS.iter().map(|&(noun, words)| (noun, keys(words))).collect(),
        quantifiers: keys(QUANTIFIERS),
    })
}

pub(crate) fn findings(text: &str, chars: &[char], speller: &Speller) -> Vec<Finding> {
    let toks = tokens(text);
    let lists = lists();
    // Syllable keys only where a listed noun was found (rare): most tokens never need one.
    let key = |i: usize| syllable_key(toks[i].text);
    let keys_of = |range: std::ops::Range<usize>| range.map(key).collect::<Vec<String>>();
    // One space (or no-break space) between two tokens.
    let spaced = |a: &Token, b: &Token| b.start == a.end + 1 && matches!(chars[a.end], ' ' | '\u{a0}');
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((noun, len)) = noun_at(&toks, i, chars, &spaced) else {
            i += 1;
            continue;
        };
        let after = i + len;
        i = after;
        let noun_lowercase = toks[i - len].text.starts_with(|c: char| c.is_lowercase());
        let counted = after - len > 0 && {
            let prev = &toks[after - len - 1];
            spaced(prev, &toks[after - len])
                && (prev.text.chars().all(|c| c.is_ascii_digit()) || lists.quantifiers.contains(&key(after - len - 1)))
        };
        if counted || after >= toks.len() || !spaced(&toks[after - 1], &toks[after]) {
            continue;
        }
        let first = &toks[after];
        // Numbered unit: "quận 1" → "Quận 1".
        if first.text.chars().all(|c| c.is_ascii_digit()) {
            let decimal = matches!(chars.get(first.end), Some(',' | '.'))
                && chars.get(first.end + 1).is_some_and(|c| c.is_ascii_digit());
            if noun_lowercase && NUMBERED.contains(&noun) && !decimal {
                let start = toks[after - len].start;
                let span: String = chars[start..first.end].iter().collect();
                let message = Message::new(
                    format!("Đơn vị hành chính đánh số viết hoa: “{}”.", capitalise_first(&span)),
                    format!("Numbered units are capitalised: “{}”.", capitalise_first(&span)),
                );
                out.push(finding(
                    FindingKind::Capitalisation,
                    chars,
                    start,
                    first.end,
                    message,
                    vec![capitalise_first(&span)],
                ));
            }
            continue;
        }
        if !first.text.starts_with(|c: char| c.is_lowercase()) || !first.text.chars().all(char::is_alphabetic) {
            continue;
        }
        let common = lists.boundary.contains(&key(after))
            || lists.compounds.get(noun).is_some_and(|words| words.contains(&key(after)))
            || speller.is_word(toks[after - 1].text, first.text)
            || (1..=2).any(|n| after + n <= toks.len() && lists.followers.contains(&keys_of(after..after + n)));
        // The name: letter-only syllables one space apart, up to a boundary word.
        let mut end = after + 1;
        while end < toks.len()
            && end - after <= 3
            && spaced(&toks[end - 1], &toks[end])
            && toks[end].text.chars().all(char::is_alphabetic)
            && !lists.boundary.contains(&key(end))
        {
            end += 1;
        }
        // What follows the name: the end of the text, punctuation or a line break, or a
        // boundary word after one space.
        let ended = end == toks.len() || {
            let between = &chars[toks[end - 1].end..toks[end].start];
            between.iter().any(|&c| c == '\n' || !c.is_whitespace()) || lists.boundary.contains(&key(end))
        };
        let name_keys = keys_of(after..end);
        let three = name_keys.len() == 3 && name_keys.iter().map(String::as_str).eq(["hô2", "chi1", "minh0"]);
        let two = name_keys.len() == 2 && !common && !speller.is_word(first.text, toks[after + 1].text);
        if !(two || three) || !ended {
            continue;
        }
        let (start, stop) = (first.start, toks[end - 1].end);
        let mut name = String::new();
        for (n, t) in toks[after..end].iter().enumerate() {
            if n > 0 {
                name.push(chars[t.start - 1]);
            }
            name.push_str(&capitalise_first(t.text));
        }
        let noun_text: String = chars[toks[after - len].start..toks[after - 1].end].iter().collect();
        let message = Message::new(
            format!("Tên riêng sau “{noun_text}” viết hoa mỗi âm tiết: “{name}”."),
            format!("A proper name after “{noun_text}” has each syllable capitalised: “{name}”."),
        );
        out.push(finding(FindingKind::Capitalisation, chars, start, stop, message, vec![name]));
        i = end;
    }
    out
}

/// The noun starting at token `i` (as listed) and its length in tokens: lowercase, or
/// capitalised at the start of a sentence.
fn noun_at(
    toks: &[Token],
    i: usize,
    chars: &[char],
    spaced: &dyn Fn(&Token, &Token) -> bool,
) -> Option<(&'static str, usize)> {
    let first = &toks[i];
    let capitalised = first.text.starts_with(|c: char| c.is_uppercase());
    if capitalised && !at_sentence_start(chars, first.start) {
        return None;
    }
    if first.text.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    // Most tokens start no listed noun: reject them before building anything (and without
    // allocating for the usual all-lowercase token).
    static FIRST_WORDS: OnceLock<crate::fast_hash::FastSet<&'static str>> = OnceLock::new();
    let firsts = FIRST_WORDS.get_or_init(|| NOUNS.iter().filter_map(|n| n.split(' ').next()).collect());
    let starts_noun = if first.text.chars().any(char::is_uppercase) {
        firsts.contains(first.text.to_lowercase().as_str())
    } else {
        firsts.contains(first.text)
    };
    if !starts_noun {
        return None;
    }
    NOUNS.iter().find_map(|&noun| {
        let words: Vec<&str> = noun.split(' ').collect();
        let n = words.len();
        if i + n > toks.len() {
            return None;
        }
        let matches = words.iter().enumerate().all(|(k, w)| {
            let t = toks[i + k].text;
            (if k == 0 { t.to_lowercase() } else { t.to_string() }) == *w
        }) && (i..i + n - 1).all(|k| spaced(&toks[k], &toks[k + 1]));
        matches.then_some((noun, n))
    })
}

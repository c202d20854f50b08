//! Vietnamese collation: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
//! then tones as a second level (none < huyền < hỏi < ngã < sắc < nặng), then case.
//! This matches CLDR's `vi` tailoring for Vietnamese letters; the root order wrongly
//! mixes d/đ and u/ư.

use std::cmp::Ordering;
use unicode_normalization::char::decompose_canonical;

const GRAVE: char = '\u{0300}'; // huyền
const HOOK: char = '\u{0309}'; // hỏi
const TILDE: char = '\u{0303}'; // ngã
const ACUTE: char = '\u{0301}'; // sắc
const DOT: char = '\u{0323}'; // nặng

fn tone_rank(mark: char) -> Option<u8> {
    Some(match mark {
        GRAVE => 1,
        HOOK => 2,
        TILDE => 3,
        ACUTE => 4,
        DOT => 5,
        _ => return None,
    })
}

/// One character's weights: (primary, secondary = tone, tertiary = case).
fn weights(c: char) -> (u32, u8, u8) {
    let mut base = None;
    let mut shape = None;
    let mut tone = 0;
    decompose_canonical(c, |d| match tone_rank(d) {
        Some(t) => tone = t,
        None if base.is_none() => base = Some(d),
        None => shape = Some(d),
    });
    let base = base.unwrap_or(c);
    let upper = u8::from(base.is_uppercase());
    let lower = base.to_lowercase().next().unwrap_or(base);
    let letter = match (lower, shape) {
        ('đ', _) => Some(('d', 1)),
        ('a', Some('\u{0306}')) => Some(('a', 1)), // ă
        ('a', Some('\u{0302}')) => Some(('a', 2)), // â
        ('e', Some('\u{0302}')) => Some(('e', 1)), // ê
        ('o', Some('\u{0302}')) => Some(('o', 1)), // ô
        ('o', Some('\u{031b}')) => Some(('o', 2)), // ơ
        ('u', Some('\u{031b}')) => Some(('u', 1)), // ư
        (l, _) if l.is_ascii_lowercase() => Some((l, 0)),
        _ => None,
    };
    let primary = match letter {
        // Letters after everything else, each base letter with room for its variants.
        Some((l, variant)) => 0x2_0000 + (l as u32 - 'a' as u32) * 4 + variant,
        None if lower.is_whitespace() => 1,
        None if lower.is_ascii_digit() => 0x1_0000 + lower as u32,
        None if !lower.is_alphanumeric() => 0x100 + lower as u32 % 0xff00,
        None => 0x3_0000 + lower as u32,
    };
    (primary, tone, upper)
}

/// A sort key usable with plain byte comparison (for indexes and caches).
pub fn sort_key(s: &str) -> Vec<u8> {
    let w: Vec<_> = crate::nfc::to_nfc(s).chars().map(weights).collect();
    let mut key = Vec::with_capacity(w.len() * 5 + 2);
    for (p, _, _) in &w {
        key.extend_from_slice(&p.to_be_bytes()[1..]);
    }
    key.push(0);
    key.extend(w.iter().map(|(_, t, _)| t + 1));
    key.push(0);
    key.extend(w.iter().map(|(_, _, c)| c + 1));
    key
}

/// Compares two strings in Vietnamese order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn alphabet_order() {
        assert_eq!(
            sorted(&["đá", "da", "ăn", "ân", "an", "ư", "u", "ơ", "ô", "o", "ê", "e", "b"]),
            ["an", "ăn", "ân", "b", "da", "đá", "e", "ê", "o", "ô", "ơ", "u", "ư"]
        );
    }

    #[test]
    fn tone_order_is_second_level() {
        assert_eq!(sorted(&["mạ", "má", "mã", "mả", "mà", "ma"]), ["ma", "mà", "mả", "mã", "má", "mạ"]);
        // Letters decide before tones: "mà b" < "ma c".
        assert_eq!(sorted(&["ma c", "mà b"]), ["mà b", "ma c"]);
    }

    #[test]
    fn sections_sort_like_a_dictionary() {
        assert_eq!(
            sorted(&["Đời sống", "Du lịch", "Ẩm thực", "An toàn giao thông", "Ô tô", "Ưu đãi", "Bản tin Pháp luật"]),
            ["An toàn giao thông", "Ẩm thực", "Bản tin Pháp luật", "Du lịch", "Đời sống", "Ô tô", "Ưu đãi"]
        );
    }

    #[test]
    fn case_is_last() {
        assert_eq!(sorted(&["Hà", "hà", "ha"]), ["ha", "hà", "Hà"]);
    }
}

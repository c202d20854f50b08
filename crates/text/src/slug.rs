//! URL slugs from headlines: diacritics removed, lowercase ASCII words joined by `-`,
//! cut at a word boundary so a slug never ends mid-word.

use crate::fold::fold_for_search;

/// Default cap, in bytes (all ASCII), for generated slugs.
pub const MAX_SLUG_LEN: usize = 80;

/// `"Đà Nẵng: Đường Điện Biên Phủ"` → `"da-nang-duong-dien-bien-phu"`.
/// Returns an empty string when the text holds no letter or digit.
pub fn slugify(text: &str, max_len: usize) -> String {
    let folded = fold_for_search(text);
    let mut slug = String::with_capacity(folded.len().min(max_len));
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        let extra = word.len() + usize::from(!slug.is_empty());
        if slug.len() + extra > max_len {
            if slug.is_empty() {
                slug.push_str(&word[..max_len]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_headlines() {
        assert_eq!(slugify("Đà Nẵng: Đường Điện Biên Phủ", 80), "da-nang-duong-dien-bien-phu");
        assert_eq!(slugify("Xây dựng “thế trận” liên hoàn bảo vệ ANTT", 80), "xay-dung-the-tran-lien-hoan-bao-ve-antt");
        assert_eq!(slugify("Quận 1 — 30/4/2025", 80), "quan-1-30-4-2025");
    }

    #[test]
    fn capped_at_a_word_boundary() {
        let s = slugify("Người dân phường Hòa Khánh Bắc xếp hàng nhận gạo", 30);
        assert!(s.len() <= 30, "{s}");
        assert_eq!(s, "nguoi-dan-phuong-hoa-khanh-bac");
        assert_eq!(slugify("abcdefghij", 4), "abcd");
    }

    #[test]
    fn nothing_sluggable() {
        assert_eq!(slugify("“…” !!", 80), "");
    }
}

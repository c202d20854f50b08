//! Live counts for the editor and house limits: tiếng (syllables) and characters.

/// Counts shown under the editor and checked against house limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextCounts {
    pub tieng: usize,
    pub chars: usize,
}

/// Tiếng are space-separated tokens holding at least one letter or digit
/// ("–" and "…" alone are not tiếng; "30/4" is one).
pub fn count_tieng(text: &str) -> usize {
    text.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).count()
}

/// Characters as a reader counts them: what shows as one character (a grapheme cluster) in the
/// NFC text. "Dương" is 5 whatever its Unicode form; a flag, a thumbs-up with a skin tone or a
/// family emoji is 1, not the 2 to 7 code points it is made of.
pub fn count_chars(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    crate::nfc::to_nfc(text).graphemes(true).count()
}

impl TextCounts {
    pub fn of(text: &str) -> Self {
        TextCounts { tieng: count_tieng(text), chars: count_chars(text) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_tieng_and_chars() {
        let c = TextCounts::of("Sáng 2-3, UBND quận Dương Kinh – triển khai …");
        assert_eq!(c.tieng, 8);
        assert_eq!(c.chars, "Sáng 2-3, UBND quận Dương Kinh – triển khai …".chars().count());
        // NFD input counts like NFC: "Dương" is 5 characters either way.
        assert_eq!(count_chars("D\u{0075}\u{031b}\u{006f}\u{031b}ng"), 5);
    }

    #[test]
    fn counts_what_a_person_sees() {
        // A flag, a thumbs-up with a skin tone, a family (ZWJ sequence), a letter with a mark
        // that has no precomposed form.
        assert_eq!(count_chars("🇻🇳"), 1);
        assert_eq!(count_chars("👍🏽"), 1);
        assert_eq!(count_chars("👨\u{200d}👩\u{200d}👧"), 1);
        assert_eq!(count_chars("x\u{0323}\u{0302}"), 1);
        assert_eq!(count_chars("Việt Nam 🇻🇳!"), 11);
    }
}

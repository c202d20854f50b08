//! Splitting NFC text into word tokens (tiếng) with char offsets, the unit every check
//! reports on. Offsets are in chars of the NFC text, as findings are.

/// A run of letters and digits (a syllable, an acronym, a number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// The word tokens of `text`, in order. `text` should already be NFC.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, char)
    let mut char_index = 0;
    for (byte, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || is_combining(c);
        match (word_char, start) {
            (true, None) => start = Some((byte, char_index)),
            (false, Some((b, ci))) => {
                out.push(Token { text: &text[b..byte], start: ci, end: char_index });
                start = None;
            }
            _ => {}
        }
        char_index += 1;
    }
    if let Some((b, ci)) = start {
        out.push(Token { text: &text[b..], start: ci, end: char_index });
    }
    out
}

/// Combining marks stay inside a token even in text that is not NFC.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_with_char_offsets() {
        let t = tokens("Sáng 2-3, UBND quận “Dương Kinh”.");
        let words: Vec<(&str, usize, usize)> = t.iter().map(|t| (t.text, t.start, t.end)).collect();
        assert_eq!(
            words,
            [
                ("Sáng", 0, 4),
                ("2", 5, 6),
                ("3", 7, 8),
                ("UBND", 10, 14),
                ("quận", 15, 19),
                ("Dương", 21, 26),
                ("Kinh", 27, 31)
            ]
        );
    }
}

//! Diacritic folding for search and slugs: every Vietnamese letter to its ASCII base,
//! `đ`→`d` and `Đ`→`D` included (SQLite's `remove_diacritics` never folds đ).
//!
//! Folding is char-for-char on NFC input, so offsets in folded text are offsets in the
//! original: snippets are cut from the original text at positions found in the folded one.

use unicode_normalization::char::decompose_canonical;

/// Folds one character: its canonical base (first char of the decomposition), with
/// `đ`/`Đ` mapped by hand since they have no decomposition.
pub fn fold_char(c: char) -> char {
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        c if c.is_ascii() => c,
        c => {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            match base {
                // A lone combining mark (non-NFC input) folds to nothing useful: keep it.
                Some(b) => b,
                None => c,
            }
        }
    }
}

/// Removes every diacritic from NFC text, keeping case. `Đà Nẵng` → `Da Nang`.
pub fn fold_diacritics(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The form fed to the search index and used for queries: NFC, folded, lowercase.
/// Lowercasing is per char and keeps the char count for Vietnamese letters.
pub fn fold_for_search(s: &str) -> String {
    crate::nfc::to_nfc(s)
        .chars()
        .map(|c| {
            let f = fold_char(c);
            let mut lower = f.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => f,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tones_shapes_and_d() {
        assert_eq!(fold_diacritics("Đà Nẵng: Đường Điện Biên Phủ"), "Da Nang: Duong Dien Bien Phu");
        assert_eq!(fold_diacritics("ự ậ ễ ở ữ ỹ"), "u a e o u y");
        assert_eq!(fold_for_search("Dương Kinh"), "duong kinh");
    }

    #[test]
    fn folding_keeps_char_offsets() {
        let s = "Quận Dương Kinh, Hải Phòng";
        assert_eq!(s.chars().count(), fold_for_search(s).chars().count());
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Đà Nẵng".nfd().collect();
        assert_eq!(fold_for_search(&nfd), "da nang");
    }
}

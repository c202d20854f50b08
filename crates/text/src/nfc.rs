//! Canonical composition (NFC) for every text that enters the core.
//!
//! Text arrives as NFC, NFD (macOS file names, PDFs) or Unikey's "Unicode tổ hợp"
//! (precomposed shape, combining tone). NFC turns all three into one form, so search,
//! dedupe, counts and dictionaries agree.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Returns `s` in NFC, borrowing when it already is (the quick check makes the common
/// case nearly free).
pub fn to_nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Owned variant of [`to_nfc`], for values that are stored.
pub fn to_nfc_string(s: &str) -> String {
    to_nfc(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_unicode_to_hop_become_nfc() {
        let nfc = "Dương Kinh hoà thuận";
        let nfd: String = nfc.nfd().collect();
        // Unikey "Unicode tổ hợp": ư precomposed, tone as a combining mark.
        let to_hop = "D\u{01b0}\u{01a1}ng Kinh ho\u{0061}\u{0300} thu\u{1ead}n";
        assert_ne!(nfd, nfc);
        assert_eq!(to_nfc(&nfd), nfc);
        assert_eq!(to_nfc(to_hop), nfc);
        assert!(matches!(to_nfc(nfc), Cow::Borrowed(_)));
    }

    #[test]
    fn d_with_stroke_is_left_alone() {
        assert_eq!(to_nfc("Đà Nẵng đường"), "Đà Nẵng đường");
    }
}

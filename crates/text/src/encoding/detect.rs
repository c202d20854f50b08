//! Guessing a file's encoding.
//!
//! 1. A byte order mark decides (UTF-8, UTF-16 LE/BE).
//! 2. Many NUL bytes, nearly all at odd (or even) positions: UTF-16 LE (or BE) without a BOM.
//! 3. Valid UTF-8 is left alone as UTF-8 (real Unicode is never "converted"), unless it is
//!    plain ASCII whose words read as Vietnamese VIQR (`Vie^.t Nam`).
//! 4. Otherwise each candidate decodes a sample and is scored by the share of its words
//!    with non-ASCII letters that are valid Vietnamese syllables ([`crate::syllable::is_valid`]):
//!    the right table gives real syllables (a TCVN3 sample scored 0.25 read as-is, 0.82–1.0
//!    decoded), the wrong ones give noise. The confidence is that share, lowered when the
//!    runner-up is close (a file mixing encodings scores lower everywhere).

use super::{cp1258, tcvn3, viqr, viscii, vni, DecodeError, Detection, Encoding};

/// Whether `token` is one valid Vietnamese syllable (any case).
pub(crate) fn is_valid_syllable(token: &str) -> bool {
    crate::syllable::is_valid(token)
}

/// How much of a large input the scoring reads (start and middle).
const SAMPLE: usize = 64 * 1024;

/// Guesses the encoding of `bytes`. Empty input gives UTF-8 with confidence 0.
pub fn detect(bytes: &[u8]) -> Detection {
    let sure = |encoding| Detection { encoding, confidence: 1.0 };
    if bytes.is_empty() {
        return Detection { encoding: Encoding::Utf8, confidence: 0.0 };
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return sure(Encoding::Utf8);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return sure(Encoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return sure(Encoding::Utf16Be);
    }
    if let Some(d) = sniff_utf16(bytes) {
        return d;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => detect_unicode_or_viqr(text),
        Err(_) => score_legacy(bytes),
    }
}

/// Detects, then decodes with what was detected. Fails only for empty input, or when the
/// best guess is UTF-8 with bad bytes in it (a damaged UTF-8 file is reported, not
/// replaced silently).
pub fn decode_auto(bytes: &[u8]) -> Result<(String, Detection), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let detection = detect(bytes);
    let text = super::decode(bytes, detection.encoding)?;
    Ok((text, detection))
}

fn sniff_utf16(bytes: &[u8]) -> Option<Detection> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs == 0 || bytes.len() & 1 == 1 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count() as f32 / pairs as f32;
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count() as f32 / pairs as f32;
    let (encoding, share) = if odd >= 0.2 && even <= odd / 8.0 {
        (Encoding::Utf16Le, odd)
    } else if even >= 0.2 && odd <= even / 8.0 {
        (Encoding::Utf16Be, even)
    } else {
        return None;
    };
    super::decode(bytes, encoding).ok()?;
    Some(Detection { encoding, confidence: (0.7 + share * 0.6).min(0.99) })
}

fn detect_unicode_or_viqr(text: &str) -> Detection {
    let vietnamese = text.chars().any(|c| !c.is_ascii() && (super::letters::parts(c).is_some() || is_tone_mark(c)));
    if vietnamese {
        return Detection { encoding: Encoding::Utf8, confidence: 0.99 };
    }
    let sample = sample_str(text);
    let decoded = viqr::decode(sample);
    let words = decoded.split(is_separator).filter(|w| w.chars().any(char::is_alphabetic)).count();
    let (valid, changed) = score_words(&decoded);
    if changed > 0 && words > 0 {
        let share = changed as f32 / words as f32;
        let validity = valid as f32 / changed as f32;
        if share >= 0.15 && validity >= 0.6 {
            return Detection { encoding: Encoding::Viqr, confidence: validity * (0.5 + share).min(1.0) };
        }
    }
    Detection { encoding: Encoding::Utf8, confidence: if text.is_ascii() { 1.0 } else { 0.9 } }
}

fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}')
}

/// The legacy candidates, in the order ties are broken.
const LEGACY: [Encoding; 5] = [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258, Encoding::Viscii, Encoding::Utf8];

fn score_legacy(bytes: &[u8]) -> Detection {
    let sample = sample_bytes(bytes);
    let mut scores: Vec<(Encoding, f32)> = LEGACY
        .iter()
        .map(|&enc| {
            let decoded = match enc {
                Encoding::Tcvn3 => tcvn3::decode(&sample, true),
                Encoding::Vni => vni::decode(&sample, true),
                Encoding::Cp1258 => cp1258::decode(&sample),
                Encoding::Viscii => viscii::decode(&sample),
                _ => String::from_utf8_lossy(&sample).into_owned(),
            };
            let decoded = crate::nfc::to_nfc(&decoded).into_owned();
            let (valid, counted) = score_words(&decoded);
            (enc, if counted == 0 { 0.0 } else { valid as f32 / counted as f32 })
        })
        .collect();
    // Stable sort: ties keep the order of LEGACY.
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, score) = scores[0];
    let runner_up = scores[1].1;
    if score == 0.0 {
        // No Vietnamese words in any reading (e.g. only curly quotes above ASCII):
        // Windows-1258 reads Windows punctuation right.
        return Detection { encoding: Encoding::Cp1258, confidence: 0.3 };
    }
    let margin = ((score - runner_up) / 0.25).clamp(0.0, 1.0);
    Detection { encoding: best, confidence: score * (0.5 + 0.5 * margin) }
}

/// (valid syllables, words counted) over the words that have a non-ASCII char.
fn score_words(text: &str) -> (usize, usize) {
    let mut valid = 0;
    let mut counted = 0;
    for word in text.split(is_separator) {
        if word.is_empty() || word.is_ascii() {
            continue;
        }
        counted += 1;
        if is_valid_syllable(word) {
            valid += 1;
        }
    }
    (valid, counted)
}

/// Word separators: white space and punctuation that every candidate reads the same way.
/// Other symbols stay inside words, so a wrong table's `x·` counts as a bad word.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation() && c != '\\')
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—' | '«' | '»')
}

/// Up to `SAMPLE` bytes from the start and `SAMPLE / 2` from the middle, cut at ASCII
/// white space so no multi-byte letter is split.
fn sample_bytes(bytes: &[u8]) -> Vec<u8> {
    if bytes.len() <= SAMPLE * 2 {
        return bytes.to_vec();
    }
    let cut_end = |slice: &[u8]| slice.iter().rposition(|b| b.is_ascii_whitespace()).unwrap_or(slice.len());
    let cut_start = |slice: &[u8]| slice.iter().position(|b| b.is_ascii_whitespace()).unwrap_or(0);
    let head = &bytes[..SAMPLE];
    let mid = bytes.len() / 2;
    let middle = &bytes[mid..mid + SAMPLE / 2];
    let mut out = head[..cut_end(head)].to_vec();
    out.push(b'\n');
    let middle = &middle[cut_start(middle)..];
    out.extend_from_slice(&middle[..cut_end(middle)]);
    out
}

fn sample_str(text: &str) -> &str {
    if text.len() <= SAMPLE * 2 {
        return text;
    }
    let mut end = SAMPLE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

//! Spacing around punctuation: punctuation sticks to the word before it, one space between
//! words, a space after , ; : . before the next word.
//!
//! Three rules, all conservative:
//! - a space before , . ; : ! ? … ) ] ” ’ » after a word (not at the start of a line or after
//!   an opening bracket); for , . ; : ” ’ only when no letter or digit follows (" .NET",
//!   " ,5" are left alone). Span: the spaces and the mark; suggestion: the mark alone.
//! - two or more spaces between words on one line (not before such punctuation, which the
//!   first rule reports). Suggestion: one space.
//! - no space after , ; : . when a letter follows. Never inside something that looks like a
//!   URL, an e-mail address or an HTML entity; numbers (2,5 / 30.4 / 16:46) have no letter
//!   after the mark. For ":" not between two capitals (ISO:IEC). For "." only where a
//!   sentence plainly runs on: a lowercase word of two or more letters, the dot, then a
//!   capital followed by a lowercase letter ("xong.Sau"); TP.HCM, Th.S, v.v. and domain
//!   names do not match. Span: the mark; suggestion: the mark and a space.

use super::{finding, Finding, FindingKind, Message};

/// Marks that take no space before them.
const NO_SPACE_BEFORE: &[char] = &[',', '.', ';', ':', '!', '?', '…', ')', ']', '”', '’', '»'];
/// Of those, the ones that may legitimately start a word (" .NET", " ,5", " ’90").
const ONLY_BEFORE_SPACE: &[char] = &[',', '.', ';', ':', '”', '’'];
const OPENING: &[char] = &['(', '[', '{', '“', '‘', '«', '"', '\''];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\t')
}

pub(crate) fn findings(chars: &[char]) -> Vec<Finding> {
    let mut out = Vec::new();
    spaces(chars, &mut out);
    missing_after(chars, &mut out);
    out.sort_by_key(|f| f.start);
    out
}

fn spaces(chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        if !is_space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let end = i;
        let Some(&prev) = start.checked_sub(1).and_then(|p| chars.get(p)) else { continue };
        let Some(&next) = chars.get(end) else { continue };
        if prev.is_whitespace() || next.is_whitespace() {
            continue; // start or end of a line
        }
        let after_next = chars.get(end + 1).copied();
        let sticks = NO_SPACE_BEFORE.contains(&next)
            && !(ONLY_BEFORE_SPACE.contains(&next) && after_next.is_some_and(char::is_alphanumeric));
        if sticks && !OPENING.contains(&prev) {
            let message = Message::new(
                format!("Thừa khoảng trắng trước “{next}”: dấu câu viết liền với chữ đứng trước."),
                format!("Space before “{next}”: punctuation sticks to the word before it."),
            );
            out.push(finding(FindingKind::Spacing, chars, start, end + 1, message, vec![next.to_string()]));
        } else if end - start >= 2 && !sticks {
            let message = Message::new(
                "Thừa khoảng trắng: giữa hai chữ chỉ có một khoảng trắng.",
                "Extra spaces: one space between words.",
            );
            out.push(finding(FindingKind::Spacing, chars, start, end, message, vec![" ".to_string()]));
        }
    }
}

fn missing_after(chars: &[char], out: &mut Vec<Finding>) {
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, ',' | ';' | ':' | '.') || i == 0 {
            continue;
        }
        let prev = chars[i - 1];
        let Some(&next) = chars.get(i + 1) else { continue };
        if !next.is_alphabetic() || prev.is_whitespace() || looks_technical(chars, i) {
            continue;
        }
        let flag = match c {
            ':' => !(prev.is_uppercase() && next.is_uppercase()),
            '.' => run_on_sentence(chars, i),
            _ => true,
        };
        if flag {
            let message = Message::new(format!("Thiếu khoảng trắng sau “{c}”."), format!("Missing space after “{c}”."));
            out.push(finding(FindingKind::Spacing, chars, i, i + 1, message, vec![format!("{c} ")]));
        }
    }
}

/// "xong.Sau": a lowercase word of 2+ letters, the dot, a capital, then a lowercase letter.
fn run_on_sentence(chars: &[char], dot: usize) -> bool {
    let mut start = dot;
    while start > 0 && chars[start - 1].is_alphabetic() {
        start -= 1;
    }
    let word = &chars[start..dot];
    let before_word_ok = start == 0 || !matches!(chars[start - 1], '.' | '/' | '@' | '_' | '-');
    word.len() >= 2
        && before_word_ok
        && word.iter().all(|c| c.is_lowercase())
        && chars.get(dot + 1).is_some_and(|c| c.is_uppercase())
        && chars.get(dot + 2).is_some_and(|c| c.is_lowercase())
}

/// The whitespace-delimited run around `i` looks like a URL, e-mail, path or HTML entity.
fn looks_technical(chars: &[char], i: usize) -> bool {
    let mut start = i;
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = i;
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let run: String = chars[start..end].iter().collect::<String>().to_lowercase();
    run.contains("://")
        || run.starts_with("www.")
        || run.contains('@')
        || run.contains('&')
        || run.contains('/')
        || run.contains('\\')
        || run.contains('_')
        || ["mailto:", "tel:", "http:", "https:"].iter().any(|p| run.contains(p))
}

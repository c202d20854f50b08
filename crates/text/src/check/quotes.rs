//! Straight quotes where the house uses curly ones: “…” and ‘…’.
//!
//! Each straight double quote `"` is a finding, with “ or ” as the suggestion: opening after
//! the start of a line, a space or opening punctuation; closing before a space, the end or
//! closing punctuation; where the position says nothing (or says both), by alternation on
//! the line. A straight single quote `'` counts only as a quotation mark: an opening one
//! (after a space, before a letter) paired with a closing one later on the same line. An
//! apostrophe inside a word (O'Neil, H'Mông) or an unpaired one ('90) is left alone.

use super::{finding, Finding, FindingKind, Message};

const OPENING_BEFORE: &[char] = &['(', '[', '{', '“', '‘', '«', '—', '–', '-', '/'];
const CLOSING_AFTER: &[char] = &['.', ',', ';', ':', '!', '?', '…', ')', ']', '}', '”', '’', '»', '—', '–', '-'];

pub(crate) fn findings(chars: &[char]) -> Vec<Finding> {
    let mut out = doubles(chars);
    out.extend(singles(chars));
    out.sort_by_key(|f| f.start);
    out
}

fn opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || OPENING_BEFORE.contains(&c),
    }
}

fn closing_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || CLOSING_AFTER.contains(&c),
    }
}

fn around(chars: &[char], i: usize) -> (Option<char>, Option<char>) {
    (if i == 0 { None } else { Some(chars[i - 1]) }, chars.get(i + 1).copied())
}

fn doubles(chars: &[char]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut open = false; // a straight quote opened on this line and not yet closed
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            open = false;
        }
        if c != '"' {
            continue;
        }
        let (prev, next) = around(chars, i);
        let opens = match (opening_context(prev), closing_context(next)) {
            (true, false) => true,
            (false, true) => false,
            _ => !open,
        };
        open = opens;
        let (curly, vi, en) = if opens { ('“', "mở", "opening") } else { ('”', "đóng", "closing") };
        let message = Message::new(
            format!("Dùng dấu ngoặc kép cong: {curly} ({vi} ngoặc) thay cho \"."),
            format!("Use curly quotes: {curly} ({en}) instead of \"."),
        );
        out.push(finding(FindingKind::Quotes, chars, i, i + 1, message, vec![curly.to_string()]));
    }
    out
}

fn singles(chars: &[char]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut pending: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            pending = None;
        }
        if c != '\'' {
            continue;
        }
        let (prev, next) = around(chars, i);
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if letter(prev) && letter(next) {
            continue; // apostrophe inside a word
        }
        if opening_context(prev) && letter(next) {
            pending = Some(i);
        } else if (letter(prev) || prev.is_some_and(|c| ".!?…".contains(c))) && closing_context(next) {
            if let Some(open) = pending.take() {
                for (at, curly, vi, en) in [(open, '‘', "mở", "opening"), (i, '’', "đóng", "closing")] {
                    let message = Message::new(
                        format!("Dùng dấu nháy đơn cong: {curly} ({vi} ngoặc) thay cho '."),
                        format!("Use curly single quotes: {curly} ({en}) instead of '."),
                    );
                    out.push(finding(FindingKind::Quotes, chars, at, at + 1, message, vec![curly.to_string()]));
                }
            }
        }
    }
    out
}

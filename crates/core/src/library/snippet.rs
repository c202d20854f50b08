//! Search snippets cut from the original text around the first hit, with every hit marked.
//! Folding is char-for-char, so positions found in folded text are positions in the original.

use crate::article::model::SnippetPart;

/// Characters of context on each side of the first hit.
const CONTEXT: usize = 60;

/// A snippet from the first of `sources` with a hit (callers pass the sapo and body before
/// the headline: they say more than a headline the list already shows).
pub(super) fn snippet(sources: &[&str], folded_terms: &[String]) -> Vec<SnippetPart> {
    let (source, hits) = sources
        .iter()
        .map(|text| (*text, hits_in(text, folded_terms)))
        .find(|(_, hits)| !hits.is_empty())
        .unwrap_or((sources.first().copied().unwrap_or(""), Vec::new()));
    let chars: Vec<char> = source.chars().collect();
    let first = hits.first().map_or(0, |h| h.0);
    let start = first.saturating_sub(CONTEXT);
    let end = (first + CONTEXT * 2).min(chars.len());
    // Widen to word boundaries so no syllable is cut in half.
    let start = (0..=start).rev().find(|&i| i == 0 || chars[i - 1].is_whitespace()).unwrap_or(0);
    let end = (end..=chars.len()).find(|&i| i == chars.len() || chars[i].is_whitespace()).unwrap_or(chars.len());

    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut push = |text: String, hit: bool| {
        if !text.is_empty() {
            parts.push(SnippetPart { text, hit });
        }
    };
    if start > 0 {
        push("…".into(), false);
    }
    let mut pos = start;
    for &(h_start, h_end) in hits.iter().filter(|h| h.0 >= start && h.1 <= end) {
        if h_start < pos {
            continue;
        }
        push(chars[pos..h_start].iter().collect(), false);
        push(chars[h_start..h_end].iter().collect(), true);
        pos = h_end;
    }
    push(chars[pos..end].iter().collect(), false);
    if end < chars.len() {
        push("…".into(), false);
    }
    parts
}

/// Char ranges in `text` of words equal to one of the folded terms, as the search matched
/// them: whole words, except the last term, which matches as a prefix.
fn hits_in(text: &str, folded_terms: &[String]) -> Vec<(usize, usize)> {
    let folded: Vec<char> = banthao_text::fold_for_search(text).chars().collect();
    let terms: Vec<(Vec<char>, bool)> =
        folded_terms.iter().enumerate().map(|(i, t)| (t.chars().collect(), i + 1 == folded_terms.len())).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let word_start = folded[i].is_alphanumeric() && (i == 0 || !folded[i - 1].is_alphanumeric());
        if word_start {
            let word_end = (i..folded.len()).find(|&j| !folded[j].is_alphanumeric()).unwrap_or(folded.len());
            if let Some(len) = terms
                .iter()
                .filter(|(t, prefix)| folded[i..word_end].starts_with(t) && (*prefix || word_end - i == t.len()))
                .map(|(t, _)| t.len())
                .max()
            {
                hits.push((i, i + len));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    hits
}

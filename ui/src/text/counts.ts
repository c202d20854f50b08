/** Live counts shown under each field, matching the Rust `count` module. */
export type TextCounts = { tieng: number; chars: number };

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Tiếng: whitespace-separated tokens holding a letter or digit ("–" and "…" alone are not). */
export function countTieng(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) {
    if (token && HAS_LETTER_OR_DIGIT.test(token)) n++;
  }
  return n;
}

/**
 * Code points that can join the one before into a single character on screen: marks left after
 * NFC, joiners, variation selectors, skin tones, flag halves, emoji tags, Hangul jamo, CR (CRLF).
 * Text without them (nearly all Vietnamese text) counts code points, without segmenting.
 */
const JOINS = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\u{e0020}-\u{e007f}\u1160-\u11ff\r]/u;
let graphemes: Intl.Segmenter | null = null;

/**
 * Characters as a reader counts them: what shows as one character (a grapheme cluster) in the
 * NFC text, as Rust's `count_chars`. "Dương" is 5 either way; 🇻🇳 and 👍🏽 are 1 each.
 */
export function countChars(text: string): number {
  const nfc = text.normalize('NFC');
  let n = 0;
  if (!JOINS.test(nfc)) {
    for (const _ of nfc) n++;
    return n;
  }
  graphemes ??= new Intl.Segmenter('vi', { granularity: 'grapheme' });
  for (const _ of graphemes.segment(nfc)) n++;
  return n;
}

export function countText(text: string): TextCounts {
  return { tieng: countTieng(text), chars: countChars(text) };
}

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

/** Characters as a reader counts them: code points of the NFC text ("Dương" is 5 either way). */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text.normalize('NFC')) n++;
  return n;
}

export function countText(text: string): TextCounts {
  return { tieng: countTieng(text), chars: countChars(text) };
}

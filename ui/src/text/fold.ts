/**
 * Diacritic folding for search, char for char like the Rust `fold` module: NFC first, then
 * every code point maps to exactly one code point, so offsets in the folded text are offsets
 * in the original and snippets can be cut from the original at positions found in the fold.
 */
export function foldChar(c: string): string {
  if (c === 'đ') return 'd';
  if (c === 'Đ') return 'D';
  if (c.charCodeAt(0) < 128) return c;
  const base = String.fromCodePoint(c.normalize('NFD').codePointAt(0)!);
  return base;
}

function lowerOne(c: string): string {
  const l = c.toLowerCase();
  return [...l].length === 1 ? l : c;
}

/** NFC code points of `s`, the unit every offset below is counted in. */
export function codePoints(s: string): string[] {
  return [...s.normalize('NFC')];
}

/** The form used for search: NFC, folded (đ→d), lowercase; one code point per code point. */
export function foldForSearch(s: string): string[] {
  return codePoints(s).map((c) => lowerOne(foldChar(c)));
}

/** Same length as `foldForSearch`, but keeps diacritics: for exact-diacritic matching. */
export function lowerForSearch(s: string): string[] {
  return codePoints(s).map(lowerOne);
}

export function foldString(s: string): string {
  return foldForSearch(s).join('');
}

/**
 * Edits to the house abbreviation text made by the buttons of the built-in list: dropping a
 * built-in entry is a `-ABBR` line, using it again takes that line out. Everything else the
 * user wrote stays as it is.
 */

/** The abbreviation a `-ABBR` (or `- ABBR`) line drops, or null for any other line. */
export function removalOf(line: string): string | null {
  const t = line.trim();
  if (!t.startsWith('-') || t.includes('=')) return null;
  const abbr = t.slice(1).trim().normalize('NFC');
  return abbr && !/\s/.test(abbr) ? abbr : null;
}

/** The text with a `-ABBR` line added at the end. */
export function dropBuiltin(text: string, abbr: string): string {
  const kept = text.replace(/\s+$/, '');
  return kept ? `${kept}\n-${abbr}` : `-${abbr}`;
}

/** The text without its `-ABBR` lines for this abbreviation. */
export function useBuiltinAgain(text: string, abbr: string): string {
  const target = abbr.normalize('NFC');
  return text
    .split('\n')
    .filter((line) => removalOf(line) !== target)
    .join('\n');
}

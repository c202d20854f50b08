/**
 * Which legacy Vietnamese encoding a font family implies, decided as Rust decides it
 * (`encoding::fonts::legacy_font`): by the first family of the list. `.Vn…` fonts are TCVN3
 * (`…H` ones hold the capitals), `VNI-…` fonts are VNI-Windows.
 */
export function legacyEncoding(fontFamily: string): 'tcvn3' | 'vni' | null {
  const first = (fontFamily.split(',')[0] ?? '').trim().replace(/^["']+|["']+$/g, '').trim();
  const lower = first.toLowerCase();
  if (lower.startsWith('.vn') && first.length > 3) return 'tcvn3';
  if (/^vni[-_ ]/.test(lower) && first.length > 4) return 'vni';
  return null;
}

/**
 * The abbreviation list in the in-memory Backend: a short built-in list with the house text
 * on top, as `banthao_text::check::Abbreviations::with_house` reads it (the real list and rules
 * live in Rust).
 */
import type { AbbreviationEntry } from '../bindings/AbbreviationEntry';
import type { AbbreviationList } from '../bindings/AbbreviationList';
import type { AllowedAbbreviations } from '../bindings/AllowedAbbreviations';

/** A few entries of the real built-in list, enough for tests. */
export const MEMORY_BUILTIN_ABBREVIATIONS: readonly AbbreviationEntry[] = [
  { abbr: 'UBND', full_forms: ['Ủy ban nhân dân'] },
  { abbr: 'HĐND', full_forms: ['Hội đồng nhân dân'] },
  { abbr: 'PCCC', full_forms: ['phòng cháy chữa cháy'] },
  { abbr: 'ATTP', full_forms: ['an toàn thực phẩm'] },
  { abbr: 'THPT', full_forms: ['trung học phổ thông'] },
];

/** A few of the real built-in abbreviations allowed unexplained. */
export const MEMORY_BUILTIN_ALLOWED: readonly string[] = ['TP.HCM', 'GDP', 'USD', 'CLB'];

/** The words of an allowed-list line, as (abbreviation, dropped); null when it is not one. */
function allowedWords(line: string): Array<[string, boolean]> | null {
  const t = line.trim();
  if (!t || t.startsWith('#')) return [];
  const out: Array<[string, boolean]> = [];
  for (const word of t.split(/[\s,]+/).filter(Boolean)) {
    const dropped = word.startsWith('-');
    const abbr = (dropped ? word.slice(1) : word).normalize('NFC');
    if (!abbr || abbr.includes('=') || !/\p{L}/u.test(abbr)) return null;
    out.push([abbr, dropped]);
  }
  return out;
}

/** 1-based numbers of the allowed-list lines that are not abbreviations, removals, comments or blank. */
export function invalidAllowedLines(house: string): number[] {
  return house.split('\n').flatMap((line, i) => (allowedWords(line) === null ? [i + 1] : []));
}

function allowedSummary(builtin: readonly string[], house: string): AllowedAbbreviations {
  let allowed = [...builtin];
  for (const [abbr, dropped] of house.split('\n').flatMap((line) => allowedWords(line) ?? [])) {
    allowed = allowed.filter((a) => a !== abbr);
    if (!dropped) allowed.push(abbr);
  }
  return {
    builtin: [...builtin],
    added: allowed.filter((a) => !builtin.includes(a)),
    removed: builtin.filter((a) => !allowed.includes(a)),
    total: allowed.length,
  };
}

type HouseLine = { remove: string } | { abbr: string; forms: string[] } | null;

function houseLine(line: string): HouseLine | 'invalid' {
  const t = line.trim();
  if (!t || t.startsWith('#')) return null;
  const eq = t.indexOf('=');
  if (eq >= 0) {
    const abbr = t.slice(0, eq).trim();
    const forms = t.slice(eq + 1).split('|').map((f) => f.trim()).filter(Boolean);
    return abbr && !/\s/.test(abbr) && forms.length ? { abbr, forms } : 'invalid';
  }
  const removed = t.startsWith('-') ? t.slice(1).trim() : '';
  return removed && !/\s/.test(removed) ? { remove: removed } : 'invalid';
}

/** 1-based numbers of the lines that are neither an entry, a removal, a comment nor blank. */
export function invalidAbbreviationLines(house: string): number[] {
  return house.split('\n').flatMap((line, i) => (houseLine(line) === 'invalid' ? [i + 1] : []));
}

export function abbreviationList(
  builtin: readonly AbbreviationEntry[],
  house: string,
  builtinAllowed: readonly string[] = [],
  allowedHouse = '',
): AbbreviationList {
  const list = builtin.map((e) => ({ ...e }));
  const defined = new Set<string>();
  for (const raw of house.split('\n')) {
    const line = houseLine(raw);
    if (line === null || line === 'invalid') continue;
    if ('remove' in line) {
      const i = list.findIndex((e) => e.abbr === line.remove);
      if (i >= 0) list.splice(i, 1);
      defined.delete(line.remove);
      continue;
    }
    const entry = list.find((e) => e.abbr === line.abbr);
    if (entry && defined.has(line.abbr)) entry.full_forms = [...new Set([...entry.full_forms, ...line.forms])];
    else if (entry) entry.full_forms = [...new Set(line.forms)];
    else list.push({ abbr: line.abbr, full_forms: [...new Set(line.forms)] });
    defined.add(line.abbr);
  }
  const builtinOf = (abbr: string) => builtin.find((e) => e.abbr === abbr);
  const sameForms = (a: string[], b: string[]) => a.length === b.length && a.every((f, i) => f === b[i]);
  return {
    builtin: builtin.map((e) => ({ ...e })),
    summary: {
      builtin: builtin.length,
      added: list.filter((e) => !builtinOf(e.abbr)).map((e) => e.abbr),
      replaced: list
        .filter((e) => {
          const b = builtinOf(e.abbr);
          return b !== undefined && !sameForms(b.full_forms, e.full_forms);
        })
        .map((e) => e.abbr),
      removed: builtin.filter((b) => !list.some((e) => e.abbr === b.abbr)).map((b) => b.abbr),
      total: list.length,
    },
    allowed: allowedSummary(builtinAllowed, allowedHouse),
  };
}

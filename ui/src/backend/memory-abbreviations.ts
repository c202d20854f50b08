/**
 * The abbreviation list in the in-memory Backend: a short built-in list with the house text
 * on top, as `banthao_text::check::Abbreviations::with_house` reads it (the real list and rules
 * live in Rust).
 */
import type { AbbreviationEntry } from '../bindings/AbbreviationEntry';
import type { AbbreviationList } from '../bindings/AbbreviationList';

/** A few entries of the real built-in list, enough for tests. */
export const MEMORY_BUILTIN_ABBREVIATIONS: readonly AbbreviationEntry[] = [
  { abbr: 'UBND', full_forms: ['Ủy ban nhân dân'] },
  { abbr: 'HĐND', full_forms: ['Hội đồng nhân dân'] },
  { abbr: 'PCCC', full_forms: ['phòng cháy chữa cháy'] },
  { abbr: 'ATTP', full_forms: ['an toàn thực phẩm'] },
  { abbr: 'THPT', full_forms: ['trung học phổ thông'] },
];

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

export function abbreviationList(builtin: readonly AbbreviationEntry[], house: string): AbbreviationList {
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
  };
}

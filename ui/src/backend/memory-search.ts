/**
 * Search for the memory backend, shaped like the Rust FTS search: every query word must
 * start a word in the article after folding (`duong kinh` finds `Dương Kinh`); a hit is
 * `exact` when the words also match with their diacritics.
 */
import type { SnippetPart } from '../bindings/SnippetPart';
import { codePoints, foldForSearch, lowerForSearch } from '../text/fold';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 160;

/** Start offsets (in code points) where `needle` begins a word of `hay`. */
function wordStarts(hay: string[], needle: string[]): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    if (i > 0 && WORD_CHAR.test(hay[i - 1]!)) continue;
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    out.push(i);
  }
  return out;
}

function tokens(query: string, form: (s: string) => string[]): string[][] {
  return query
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => WORD_CHAR.test(w))
    .map(form);
}

export function searchArticle(query: string, fields: string[]): { snippet: SnippetPart[]; exact: boolean } | null {
  const folded = tokens(query, foldForSearch);
  if (folded.length === 0) return null;
  const lowered = tokens(query, lowerForSearch);
  const foldedFields = fields.map(foldForSearch);
  const loweredFields = fields.map(lowerForSearch);

  const all = (words: string[][], hay: string[][]) => words.every((w) => hay.some((h) => wordStarts(h, w).length > 0));
  if (!all(folded, foldedFields)) return null;
  const exact = all(lowered, loweredFields);

  const fieldIndex = foldedFields.findIndex((h) => folded.some((w) => wordStarts(h, w).length > 0));
  return { snippet: snippetOf(codePoints(fields[fieldIndex]!), foldedFields[fieldIndex]!, folded), exact };
}

function snippetOf(original: string[], folded: string[], words: string[][]): SnippetPart[] {
  const ranges: Array<[number, number]> = [];
  for (const w of words) for (const start of wordStarts(folded, w)) ranges.push([start, start + w.length]);
  ranges.sort((a, b) => a[0] - b[0]);

  let from = Math.max(0, ranges[0]![0] - SNIPPET_BEFORE);
  while (from > 0 && !/\s/u.test(original[from - 1]!)) from--;
  const to = Math.min(original.length, from + SNIPPET_LENGTH);

  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  if (from > 0) push('…', false);
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= cursor || start >= to) continue;
    const s = Math.max(start, cursor);
    push(original.slice(cursor, s).join(''), false);
    push(original.slice(s, Math.min(end, to)).join(''), true);
    cursor = Math.min(end, to);
  }
  push(original.slice(cursor, to).join(''), false);
  if (to < original.length) push('…', false);
  return parts;
}

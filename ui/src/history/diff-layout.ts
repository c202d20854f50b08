/**
 * A comparison (`ArticleDiff`) laid out for reading: each field or body block cut into runs of
 * unchanged text and changes (the pieces sharing one change id), runs of unchanged body blocks
 * folded into one line unless everything is shown, and the changes counted and described.
 */
import type { DiffPiece } from '../bindings/DiffPiece';
import type { FieldDiff } from '../bindings/FieldDiff';

/** Unchanged text (`change` null, one piece) or one change (its delete and/or insert pieces). */
export type DiffSegment = { change: string | null; pieces: DiffPiece[] };

export type DiffRow =
  | { kind: 'block'; key: string; field: FieldDiff; segments: DiffSegment[] }
  | { kind: 'folded'; key: string; count: number };

/** What one change replaced with what (for labels and to find it again after a reload). */
export type ChangeWords = { field: FieldDiff['field']; deleted: string; inserted: string };

const blockKey = (f: FieldDiff) => (f.field === 'body' ? `body:${f.block ?? `old${f.old_block ?? ''}`}` : f.field);

/** Consecutive pieces of one change together, the old words before the new ones. */
export function segments(pieces: DiffPiece[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const piece of pieces) {
    const change = piece.change ?? null;
    const last = out.at(-1);
    if (last && change !== null && last.change === change) last.pieces.push(piece);
    else out.push({ change, pieces: [piece] });
  }
  for (const segment of out) segment.pieces.sort((a, b) => Number(a.op === 'insert') - Number(b.op === 'insert'));
  return out;
}

/**
 * Every field in order; headline and sapo always (they frame the article), a body block when
 * it changed or when `showAll`, else each run of unchanged blocks as one folded row.
 */
export function diffRows(fields: FieldDiff[], showAll: boolean): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const key = blockKey(field);
    if (field.field === 'body' && !field.changed && !showAll) {
      const last = rows.at(-1);
      if (last?.kind === 'folded') last.count++;
      else rows.push({ kind: 'folded', key: `folded:${key}`, count: 1 });
      continue;
    }
    rows.push({ kind: 'block', key, field, segments: segments(field.pieces) });
  }
  return rows;
}

/** The change ids in reading order, each once. */
export function changeIds(fields: FieldDiff[]): string[] {
  const ids = new Set<string>();
  for (const field of fields) for (const piece of field.pieces) if (piece.change) ids.add(piece.change);
  return [...ids];
}

export function changeWords(fields: FieldDiff[], change: string): ChangeWords | null {
  for (const field of fields) {
    const pieces = field.pieces.filter((p) => p.change === change);
    if (pieces.length === 0) continue;
    const text = (op: DiffPiece['op']) => pieces.filter((p) => p.op === op).map((p) => p.text).join('');
    return { field: field.field, deleted: text('delete'), inserted: text('insert') };
  }
  return null;
}

export const sameWords = (a: ChangeWords | null, b: ChangeWords | null): boolean =>
  a !== null && b !== null && a.field === b.field && a.deleted === b.deleted && a.inserted === b.inserted;

/** A long run of words shortened for a label: its start, "…", its end. */
export function shortened(text: string, max = 40): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  if (chars.length <= max) return chars.join('');
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join('').trimEnd()} … ${chars.slice(-half).join('').trimStart()}`;
}

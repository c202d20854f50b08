/**
 * Applying fixes. Body: every replacement in ONE transaction, last span first so the earlier
 * positions stay valid, each only if its span still reads what was checked. Headline and sapo:
 * the same on the field's text, by code point ranges.
 */
import { Fragment, type Mark, type Node as PmDocNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { schema } from '../editor/schema';
import { findingById, removeFindings } from './findings-plugin';
import { textRange } from './blocks';

export type BodyFix = { id: string; replacement: string };
export type TextFix = { start: number; end: number; text: string; replacement: string };

/** The text of a body range as the checks saw it (hard breaks as "\n"). */
export function rangeText(doc: PmDocNode, from: number, to: number): string {
  return doc.textBetween(from, to, '\n', '\n');
}

function marksIn(doc: PmDocNode, from: number, to: number): readonly Mark[] {
  let marks: readonly Mark[] | null = null;
  doc.nodesBetween(from, to, (node) => {
    if (marks === null && node.isText) marks = node.marks;
    return marks === null;
  });
  return marks ?? doc.resolve(from).marks();
}

/** A replacement as inline content: text with the span's marks, "\n" as hard breaks. */
export function replacementContent(text: string, marks: readonly Mark[]): Fragment {
  const nodes: PmDocNode[] = [];
  text.split('\n').forEach((part, i) => {
    if (i > 0) nodes.push(schema.nodes.hard_break.create());
    if (part) nodes.push(schema.text(part, marks));
  });
  return Fragment.fromArray(nodes);
}

/**
 * One transaction with all the fixes that still apply (null if none does). Overlapping
 * spans: the later one wins, the earlier is skipped.
 */
export function bodyFixTransaction(state: EditorState, fixes: readonly BodyFix[]): { tr: Transaction; applied: number } | null {
  const placed = fixes
    .map((fix) => ({ fix, at: findingById(state, fix.id) }))
    .filter((p): p is { fix: BodyFix; at: NonNullable<typeof p.at> } => p.at !== null)
    .sort((a, b) => b.at.from - a.at.from);
  const tr = state.tr;
  let limit = Infinity;
  let applied = 0;
  for (const { fix, at } of placed) {
    if (at.to > limit || rangeText(state.doc, at.from, at.to) !== at.finding.text) continue;
    const content = replacementContent(fix.replacement, marksIn(state.doc, at.from, at.to));
    if (content.size === 0) tr.delete(at.from, at.to);
    else tr.replaceWith(at.from, at.to, content);
    limit = at.from;
    applied++;
  }
  if (applied === 0) return null;
  removeFindings(tr, fixes.map((f) => f.id));
  return { tr: tr.scrollIntoView(), applied };
}

/** The text with the fixes applied (last first); fixes whose span changed are skipped. */
export function applyTextFixes(value: string, fixes: readonly TextFix[]): { value: string; applied: number } {
  let out = value;
  let applied = 0;
  let limit = Infinity;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start)) {
    if (fix.end > limit) continue;
    const { from, to } = textRange(out, fix.start, fix.end);
    if (out.slice(from, to) !== fix.text) continue;
    out = out.slice(0, from) + fix.replacement + out.slice(to);
    limit = fix.start;
    applied++;
  }
  return { value: out, applied };
}

/** The smallest replace that turns `doc` into `next` (null when they are equal). */
export function replaceDocTransaction(state: EditorState, next: PmDocNode): Transaction | null {
  const a = state.doc.content;
  const b = next.content;
  const start = a.findDiffStart(b);
  if (start === null) return null;
  let { a: endA, b: endB } = a.findDiffEnd(b)!;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return state.tr.replace(start, endA, next.slice(start, endB));
}

/**
 * What the last check found, as state: headline and sapo findings, the body's (mirrored from
 * ProseMirror's decorations, which keep their positions), the panel's notices, and the findings
 * the article ignores ("Bỏ qua", kept in the library). Each finding keeps its id across re-checks.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { CheckField } from '../bindings/CheckField';
import type { FindingKey } from '../bindings/FindingKey';
import { blockRange } from './blocks';
import type { CheckResult } from './checker';
import { bodyFindings, findingById, setFindings, type Finding, type PlacedFinding } from './findings-plugin';

export type FieldName = 'headline' | 'sapo';
export type PanelNotices = { dictionary: boolean; bodySkipped: number | null; error: string | null };

/** What an ignore is kept by: kind, text and the word on either side (Rust's `FindingKey`). */
export const findingKey = (f: FindingKey): FindingKey => ({ kind: f.kind, text: f.text, before: f.before, after: f.after });
const keyString = (f: FindingKey): string => [f.kind, f.text, f.before, f.after].join('\u0000');

/** Findings shown in the body editor: its text blocks and its figures' captions. */
export const inBody = (f: { field: CheckField }): boolean => f.field === 'body' || f.field === 'caption';

const signature = (field: CheckField, from: number, to: number, kind: string, text: string) => `${field}|${from}|${to}|${kind}|${text}`;

export class ArticleFindings {
  fields = $state.raw<Record<FieldName, Finding[]>>({ headline: [], sapo: [] });
  /** The body's findings in document order, as of the last check or fix (not each keystroke). */
  body = $state.raw<Finding[]>([]);
  notices = $state.raw<PanelNotices>({ dictionary: true, bodySkipped: null, error: null });
  /** The findings the article ignores that are in its text now (the panel's "Đã bỏ qua"). */
  ignored = $state.raw<Finding[]>([]);
  /** Every finding, headline and sapo first, then the body in document order. */
  readonly all = $derived([...this.fields.headline, ...this.fields.sapo, ...this.body]);
  /** Ignored here: hidden at once, also from a check that left before the library had the ignore. */
  private readonly ignoring = new Set<string>();
  private nextId = 0;

  /** Takes a check's result: field findings here, body ones as the returned transaction's decorations. */
  place(result: CheckResult, state: EditorState): Transaction {
    const known = new Map<string, string>();
    for (const p of bodyFindings(state)) known.set(signature(p.finding.field, p.from, p.to, p.finding.kind, p.finding.text), p.finding.id);
    for (const field of ['headline', 'sapo'] as const) {
      for (const f of this.fields[field]) known.set(signature(field, f.start, f.end, f.kind, f.text), f.id);
    }
    const placed: PlacedFinding[] = [];
    const fields: Record<FieldName, Finding[]> = { headline: [], sapo: [] };
    const ignored: Finding[] = result.report.ignored.map((f) => ({ ...f, id: `f${++this.nextId}` }));
    for (const f of result.report.findings) {
      if (this.ignoring.has(keyString(f))) {
        ignored.push({ ...f, id: `f${++this.nextId}` });
        continue;
      }
      const block = f.field === 'body' ? result.blocks[f.block] : f.field === 'caption' ? result.captions[f.block] : undefined;
      if (inBody(f) && !block) continue;
      const range = block ? blockRange(block, f.start, f.end) : { from: f.start, to: f.end };
      if (!range) continue;
      const id = known.get(signature(f.field, range.from, range.to, f.kind, f.text)) ?? `f${++this.nextId}`;
      const finding: Finding = { ...f, id };
      if (block) placed.push({ ...range, finding });
      else fields[f.field as FieldName].push(finding);
    }
    this.fields = fields;
    this.ignored = ignored;
    this.notices = { dictionary: result.report.dictionary, bodySkipped: result.bodySkipped, error: null };
    return setFindings(state, placed);
  }

  /** Mirrors the body's decorations (after a check, a fix or an ignore was dispatched). */
  refreshBody(state: EditorState): void {
    this.body = bodyFindings(state).map((p) => p.finding);
  }

  lookup(id: string, state: EditorState | null): Finding | null {
    const field = [...this.fields.headline, ...this.fields.sapo].find((f) => f.id === id);
    if (field) return field;
    return state ? (findingById(state, id)?.finding ?? null) : null;
  }

  /** Drops field findings that were fixed (or ignored). */
  dropFromField(field: FieldName, keep: (f: Finding) => boolean): void {
    this.fields = { ...this.fields, [field]: this.fields[field].filter(keep) };
  }

  /** Moves the finding to the ignored ones (the caller removes it from the body or field). */
  ignore(finding: Finding): void {
    this.ignoring.add(keyString(finding));
    this.ignored = [...this.ignored, finding];
  }

  /** "Hiện lại": out of the ignored list; the next check reports it again. */
  unignore(finding: Finding): void {
    const key = keyString(finding);
    this.ignoring.delete(key);
    this.ignored = this.ignored.filter((f) => keyString(f) !== key);
  }

  failed(message: string): void {
    this.notices = { ...this.notices, error: message };
  }
}

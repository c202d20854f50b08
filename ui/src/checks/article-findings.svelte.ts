/**
 * What the last check found, as state: headline and sapo findings, the body's (mirrored from
 * ProseMirror's decorations, which keep their positions), the panel's notices, and what the
 * user chose to ignore for the session. Each finding keeps its id across re-checks.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { ArticleFinding } from '../bindings/ArticleFinding';
import type { CheckField } from '../bindings/CheckField';
import { blockRange, textRange } from './blocks';
import type { CheckResult } from './checker';
import { bodyFindings, findingById, setFindings, type Finding, type PlacedFinding } from './findings-plugin';

export type FieldName = 'headline' | 'sapo';
export type PanelNotices = { dictionary: boolean; bodySkipped: number | null; error: string | null };

const CONTEXT = 24;

/** Identifies one occurrence across re-checks: kind, text and what surrounds it. */
function occurrenceKey(f: ArticleFinding, context: string): string {
  const { from, to } = textRange(context, f.start, f.end);
  return [f.field, f.kind, context.slice(Math.max(0, from - CONTEXT), from), f.text, context.slice(to, to + CONTEXT)].join('\u0000');
}

const signature = (field: CheckField, from: number, to: number, kind: string, text: string) => `${field}|${from}|${to}|${kind}|${text}`;

export class ArticleFindings {
  fields = $state.raw<Record<FieldName, Finding[]>>({ headline: [], sapo: [] });
  /** The body's findings in document order, as of the last check or fix (not each keystroke). */
  body = $state.raw<Finding[]>([]);
  notices = $state.raw<PanelNotices>({ dictionary: true, bodySkipped: null, error: null });
  /** Occurrences ignored for the rest of the session (they stay hidden after re-checks). */
  ignored = $state.raw<ReadonlySet<string>>(new Set());
  /** Every finding, headline and sapo first, then the body in document order. */
  readonly all = $derived([...this.fields.headline, ...this.fields.sapo, ...this.body]);
  private readonly keys = new Map<string, string>();
  private nextId = 0;

  /** Takes a check's result: field findings here, body ones as the returned transaction's decorations. */
  place(result: CheckResult, state: EditorState): Transaction {
    const known = new Map<string, string>();
    for (const p of bodyFindings(state)) known.set(signature('body', p.from, p.to, p.finding.kind, p.finding.text), p.finding.id);
    for (const field of ['headline', 'sapo'] as const) {
      for (const f of this.fields[field]) known.set(signature(field, f.start, f.end, f.kind, f.text), f.id);
    }
    this.keys.clear();
    const placed: PlacedFinding[] = [];
    const fields: Record<FieldName, Finding[]> = { headline: [], sapo: [] };
    for (const f of result.report.findings) {
      const block = f.field === 'body' ? result.blocks[f.block] : undefined;
      const context = f.field === 'body' ? block?.text : f.field === 'headline' ? result.headline : result.sapo;
      if (context === undefined) continue;
      const key = occurrenceKey(f, context);
      if (this.ignored.has(key)) continue;
      const range = block ? blockRange(block, f.start, f.end) : { from: f.start, to: f.end };
      if (!range) continue;
      const id = known.get(signature(f.field, range.from, range.to, f.kind, f.text)) ?? `f${++this.nextId}`;
      const finding: Finding = { ...f, id };
      this.keys.set(id, key);
      if (block) placed.push({ ...range, finding });
      else fields[f.field as FieldName].push(finding);
    }
    this.fields = fields;
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

  /** Remembers the occurrence as ignored (the caller removes it from the body or field). */
  ignore(finding: Finding): void {
    const key = this.keys.get(finding.id);
    if (key) this.ignored = new Set([...this.ignored, key]);
  }

  failed(message: string): void {
    this.notices = { ...this.notices, error: message };
  }
}

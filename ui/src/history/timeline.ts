/**
 * The history as one list, newest first: the revisions (as `listRevisions` gives them, newest
 * first) with the workflow steps (`listTransitions`, oldest first) between them. A step and
 * the save it made share their time; the step is listed above it, as it came last.
 */
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { Transition } from '../bindings/Transition';
import type { MessageKey } from '../i18n';

export type TimelineEntry = { kind: 'revision'; revision: RevisionSummary } | { kind: 'step'; step: Transition };

const instant = (rfc3339: string) => Date.parse(rfc3339) || 0;

export function timeline(revisions: RevisionSummary[], steps: Transition[]): TimelineEntry[] {
  const newestSteps = [...steps].sort((a, b) => instant(b.at) - instant(a.at) || b.id - a.id);
  const out: TimelineEntry[] = [];
  let s = 0;
  for (const revision of revisions) {
    while (s < newestSteps.length && instant(newestSteps[s]!.at) >= instant(revision.created_at)) {
      out.push({ kind: 'step', step: newestSteps[s++]! });
    }
    out.push({ kind: 'revision', revision });
  }
  for (; s < newestSteps.length; s++) out.push({ kind: 'step', step: newestSteps[s]! });
  return out;
}

/** Whether the article was ever handed in (Gửi duyệt): "as submitted" then means that text. */
export const wasHandedIn = (steps: Transition[]): boolean => steps.some((t) => t.to === 'submitted');

const ROLE_KEYS: Record<string, MessageKey> = {
  reporter: 'history.role.reporter',
  editor: 'history.role.editor',
  photo: 'history.role.photo',
  site: 'history.role.site',
};

/** A recorded role as it reads after a name ("Minh (biên tập viên)"); an unknown one as stored. */
export const roleKey = (role: string): MessageKey | null => ROLE_KEYS[role] ?? null;

const ITEM_KEYS: Record<string, MessageKey> = {
  headline: 'history.item.headline',
  sapo: 'history.item.sapo',
  section: 'history.item.section',
  figures: 'history.item.figures',
  findings: 'history.item.findings',
  notes: 'history.item.notes',
};

/** A pre-publish checklist item's name in a list ("tít, chuyên mục"); an unknown key as stored. */
export const checklistItemKey = (key: string): MessageKey | null => ITEM_KEYS[key] ?? null;

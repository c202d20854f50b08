import type { ArticleStatus } from '../bindings/ArticleStatus';

/** The button for a step names the action, which depends on where the article is. */
export function stepKey(from: ArticleStatus, to: ArticleStatus) {
  if (to === 'in_review') return from === 'submitted' ? ('workflow.step.take' as const) : ('workflow.step.reopen' as const);
  if (to === 'approved' && from === 'scheduled') return 'workflow.step.unschedule' as const;
  return `workflow.step.${to}` as const;
}

export const CHECKLIST_KEYS = ['headline', 'sapo', 'section', 'figures', 'findings', 'notes'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export function checklistKey(key: string) {
  return (CHECKLIST_KEYS as readonly string[]).includes(key) ? (`checklist.${key as ChecklistKey}` as const) : null;
}

/** The interface language's pure helpers and types; the language itself is the app's `I18n` (i18n.svelte.ts). */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { Locale } from '../bindings/Locale';
import type { RevisionReason } from '../bindings/RevisionReason';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type { Params } from './format';
export { I18n, translate } from './i18n.svelte';

export const ALL_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'scheduled',
  'published',
];

export function statusKey(status: ArticleStatus): MessageKey {
  return `status.${status}`;
}

export function reasonKey(reason: RevisionReason): MessageKey {
  return `reason.${reason}`;
}

/** What to do about an error of this code, when the UI has advice beyond Rust's message. */
export function errorHintKey(code: ErrorCode): MessageKey | null {
  const key = `errorHint.${code}`;
  return key in vi ? (key as MessageKey) : null;
}

export const LOCALE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { Locale } from '../bindings/Locale';
import type { RevisionReason } from '../bindings/RevisionReason';
import type { Params } from './format';
import { translate } from './i18n.svelte';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type { Params } from './format';
export { I18n, translate } from './i18n.svelte';

// The views not yet on Svelte read the locale here; `I18n.set` keeps it in step. It goes
// when the last of them does (components use the app's I18n from context).
let current: Locale = 'vi';

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current locale, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

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

import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { Locale } from '../bindings/Locale';
import type { RevisionReason } from '../bindings/RevisionReason';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type Params = Record<string, string | number>;

const tables: Record<Locale, Record<MessageKey, string>> = { vi, en };
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
  const template = tables[current][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

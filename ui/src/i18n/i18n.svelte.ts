/**
 * The interface language as state. Every string a component shows is `i18n.t(key)`, which
 * reads `locale`: a switch from anywhere re-renders everything that depends on it at once.
 * One instance per app, handed down by context (`app/context.ts`), never a module global.
 */
import type { Locale } from '../bindings/Locale';
import { en } from './en';
import { formatMessage, type Params } from './format';
import { vi, type MessageKey } from './vi';

const tables: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return formatMessage(locale, tables[locale][key] ?? vi[key] ?? key, params);
}

export class I18n {
  locale = $state<Locale>('vi');

  constructor(locale: Locale = 'vi') {
    this.locale = locale;
  }

  /** The message for `key` in the current locale, with its placeholders filled. */
  readonly t = (key: MessageKey, params?: Params): string => translate(this.locale, key, params);

  set(locale: Locale): void {
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { argumentNames, formatMessage } from './format';
import { I18n } from './i18n.svelte';
import { ALL_STATUSES, statusKey } from './index';
import { vi } from './vi';

describe('i18n', () => {
  it('has every Vietnamese key in English and nothing extra', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const value of Object.values(en)) expect(value.length).toBeGreaterThan(0);
  });
  it('keeps the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(argumentNames(en[key])).toEqual(argumentNames(vi[key]));
  });
  it('labels all seven statuses in Vietnamese by default', () => {
    const { t } = new I18n();
    expect(ALL_STATUSES.map((s) => t(statusKey(s)))).toEqual([
      'Nháp',
      'Chờ duyệt',
      'Đang biên tập',
      'Trả lại',
      'Đã duyệt',
      'Hẹn giờ',
      'Đã đăng',
    ]);
  });
  it('switches language and fills parameters', () => {
    const i18n = new I18n();
    const { t } = i18n;
    expect(t('library.new')).toBe('Bài mới');
    i18n.set('en');
    expect(document.documentElement.lang).toBe('en');
    expect(t('library.new')).toBe('New article');
    expect(t('editor.counts', { tieng: 3, chars: 12 })).toBe('3 syllables · 12 characters');
  });
  it('chooses plural forms by the locale’s rules', () => {
    const i18n = new I18n('en');
    expect(i18n.t('editor.counts', { tieng: 1, chars: 4 })).toBe('1 syllable · 4 characters');
    expect(i18n.t('import.cancelled', { count: 2 })).toBe('Stopped: 2 files were not imported.');
    i18n.set('vi');
    expect(i18n.t('editor.counts', { tieng: 1, chars: 4 })).toBe('1 tiếng · 4 ký tự');
    expect(formatMessage('en', '{n, plural, =0 {none} one {# x} other {# xs}} of {total}', { n: 0, total: 3 })).toBe('none of 3');
    // A placeholder without its parameter stays visible rather than vanishing.
    expect(formatMessage('en', 'a {missing} b', {})).toBe('a {missing} b');
  });
});

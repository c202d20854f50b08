import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { ALL_STATUSES, setLocale, statusKey, t } from './index';
import { vi } from './vi';

afterEach(() => setLocale('vi'));

describe('i18n', () => {
  it('has every Vietnamese key in English and nothing extra', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const value of Object.values(en)) expect(value.length).toBeGreaterThan(0);
  });
  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(names(en[key])).toEqual(names(vi[key]));
  });
  it('labels all seven statuses in Vietnamese by default', () => {
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
    expect(t('library.new')).toBe('Bài mới');
    setLocale('en');
    expect(t('library.new')).toBe('New article');
    expect(t('editor.counts', { tieng: 3, chars: 12 })).toBe('3 syllables · 12 characters');
  });
});

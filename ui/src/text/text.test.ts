import { describe, expect, it } from 'vitest';
import { countChars, countText, countTieng } from './counts';
import { foldString } from './fold';
import { pmText } from './pm-text';
import { formatVietnamTime } from './time';

describe('formatVietnamTime', () => {
  it('shows UTC instants in Vietnam time as HH:mm dd/MM/yyyy', () => {
    expect(formatVietnamTime('2011-03-03T09:46:00Z')).toBe('16:46 03/03/2011');
  });
  it('crosses midnight and year ends', () => {
    expect(formatVietnamTime('2025-12-31T17:05:00Z')).toBe('00:05 01/01/2026');
  });
  it('honours an explicit offset in the input', () => {
    expect(formatVietnamTime('2011-03-03T16:46:00+07:00')).toBe('16:46 03/03/2011');
  });
  it('returns an empty string for garbage', () => {
    expect(formatVietnamTime('not a date')).toBe('');
  });
});

describe('counts', () => {
  it('counts tiếng as tokens with a letter or digit', () => {
    expect(countTieng('Sáng 2-3, UBND quận Dương Kinh – triển khai …')).toBe(8);
    expect(countTieng('  ')).toBe(0);
    expect(countTieng('30/4')).toBe(1);
  });
  it('counts characters of the NFC text', () => {
    expect(countChars('Dương')).toBe(5);
    expect(countChars('Dương'.normalize('NFD'))).toBe(5);
    // What a person sees, as Rust counts: a flag, a skin-toned thumb, a family, a stacked mark.
    expect(countChars('🇻🇳')).toBe(1);
    expect(countChars('👍🏽')).toBe(1);
    expect(countChars('👨\u200d👩\u200d👧')).toBe(1);
    expect(countChars('x\u0323\u0302')).toBe(1);
    expect(countChars('Việt Nam 🇻🇳!')).toBe(11);
    expect(countText('Đà Nẵng')).toEqual({ tieng: 2, chars: 7 });
  });
  it('takes block boundaries of a body as whitespace', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'một' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'hai' }, { type: 'hard_break' }, { type: 'text', text: 'ba' }] },
      ],
    };
    expect(countTieng(pmText(doc))).toBe(3);
  });
});

describe('foldString', () => {
  it('removes tones, shapes and đ, and lowercases', () => {
    expect(foldString('Đà Nẵng: Đường Điện Biên Phủ')).toBe('da nang: duong dien bien phu');
    expect(foldString('ự ậ ễ ở ữ ỹ')).toBe('u a e o u y');
  });
  it('keeps one code point per code point of the NFC text', () => {
    const s = 'Dương Kinh'.normalize('NFD');
    expect([...foldString(s)].length).toBe([...s.normalize('NFC')].length);
  });
});

import { describe, expect, it } from 'vitest';
import { composeInField } from './compose';

function field(value: string, caret: number): HTMLTextAreaElement {
  const t = document.createElement('textarea');
  document.body.appendChild(t);
  t.value = value;
  t.setSelectionRange(caret, caret);
  return t;
}

describe('composeInField', () => {
  it('composes a mark typed after its letter, the caret after the letter', () => {
    const t = field('Tin no\u0301', 'Tin no\u0301'.length);
    expect(composeInField(t)).toBe(true);
    expect(t.value).toBe('Tin nó');
    expect(t.selectionStart).toBe('Tin nó'.length);
  });

  it('keeps the caret after the same letter when the change is before it', () => {
    const typed = 'ngu\u031Bo\u031B\u0300';
    const t = field(`${typed}i dân`, typed.length);
    expect(composeInField(t)).toBe(true);
    expect(t.value).toBe('người dân');
    expect(t.selectionStart).toBe('ngườ'.length);
    expect(t.selectionEnd).toBe('ngườ'.length);
  });

  it('leaves NFC text and a mark with no composed form alone', () => {
    const t = field('Đà Nẵng', 3);
    expect(composeInField(t)).toBe(false);
    expect(t.value).toBe('Đà Nẵng');
    expect(t.selectionStart).toBe(3);
    const q = field('q\u0301', 2);
    expect(composeInField(q)).toBe(false);
    expect(q.value).toBe('q\u0301');
  });
});

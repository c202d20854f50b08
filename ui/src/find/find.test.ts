import { undo } from 'prosemirror-history';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { destroyApps, openInEditor } from '../app/testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const para = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const texts = (doc: PmNode) => (doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join(''));

async function open() {
  const backend = new MemoryBackend();
  const body: PmNode = { type: 'doc', content: [para('Hoà bình ở Huế, hoà giải ở Hà Nội.'), para('Không có hòa ở đây, chỉ có HOÀ.')] };
  const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '', body });
  return { backend, article, ...(await openInEditor(backend, article.id)) };
}

function ctrlF(): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true }));
  flushSync();
}

function typeQuery(text: string): void {
  const input = $<HTMLInputElement>('#find-input');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('Tìm và thay (Ctrl+F)', () => {
  it('finds ignoring case but not diacritics, marks every match, and steps through them', async () => {
    const { editor } = await open();
    ctrlF();
    expect(document.activeElement).toBe($('#find-input'));
    typeQuery('hoà');
    expect([...document.querySelectorAll('#body .find-match')].map((m) => m.textContent)).toEqual(['Hoà', 'hoà', 'HOÀ']);
    expect($('#find-count').textContent).toBe('1/3');
    $('#find-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    flushSync();
    expect($('#find-count').textContent).toBe('2/3');
    const { from, to } = editor.body.view.state.selection;
    expect(editor.body.view.state.doc.textBetween(from, to)).toBe('hoà');
    expect($('#body .find-current').textContent).toBe('hoà');
    $('#find-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect($('#find-count').textContent).toBe('1/3');
    typeQuery('không có gì');
    expect($('#find-count').textContent).toBe('Không thấy');
  });

  it('replaces one, then all the rest in one step that one undo takes back, and Esc closes', async () => {
    const { editor, backend, article } = await open();
    ctrlF();
    typeQuery('hoà');
    const replace = $<HTMLInputElement>('#replace-input');
    replace.value = 'hòa';
    replace.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    $('#replace-one').click();
    flushSync();
    expect(texts(editor.body.toJSON())[0]).toBe('hòa bình ở Huế, hoà giải ở Hà Nội.');
    expect($('#find-count').textContent).toBe('1/2');
    $('#replace-all').click();
    flushSync();
    expect(texts(editor.body.toJSON())).toEqual(['hòa bình ở Huế, hòa giải ở Hà Nội.', 'Không có hòa ở đây, chỉ có hòa.']);
    expect($('#find-bar').textContent).toContain('Đã thay 2 chỗ');
    undo(editor.body.view.state, editor.body.view.dispatch);
    // One undo takes back the whole "Thay tất cả", not the single replacement before it.
    expect(texts(editor.body.toJSON())).toEqual(['hòa bình ở Huế, hoà giải ở Hà Nội.', 'Không có hòa ở đây, chỉ có HOÀ.']);
    $('#find-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(document.querySelector('#find-bar')).toBeNull();
    expect(document.querySelectorAll('#body .find-match')).toHaveLength(0);
    await editor.flush();
    await vi.waitFor(async () => expect(texts((await backend.getArticle(article.id)).body)[0]).toBe('hòa bình ở Huế, hoà giải ở Hà Nội.'));
  });

  it('opens with the selected words as the query', async () => {
    const { editor } = await open();
    const view = editor.body.view;
    const { TextSelection } = await import('prosemirror-state');
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 12, 15)));
    ctrlF();
    expect($<HTMLInputElement>('#find-input').value).toBe('Huế');
    expect($('#find-count').textContent).toBe('1/1');
  });
});

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

function typeIn(selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

const typeQuery = (text: string) => typeIn('#find-input', text);

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

async function openWithFields(headline: string, sapo: string) {
  const backend = new MemoryBackend();
  const body: PmNode = { type: 'doc', content: [para('Mưa lớn ở Huế, mưa nhỏ ở Hà Nội.')] };
  const article = await backend.createArticle({ headline, sapo, section: '', keywords: [], byline: '', dateline: '', body });
  return { backend, article, ...(await openInEditor(backend, article.id)) };
}

const enter = (shiftKey = false) => {
  $('#find-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, cancelable: true }));
  flushSync();
};

describe('Tìm và thay in the headline and sapo', () => {
  it('counts the headline, sapo and body in that order and steps across them', async () => {
    const { editor } = await openWithFields('Mưa to ở Huế', 'Sapo: MƯA kéo dài, mưa rào');
    ctrlF();
    typeQuery('mưa');
    // The body's cursor is at its start: its first match is current.
    expect($('#find-count').textContent).toBe('4/5');
    expect($('#body .find-current').textContent).toBe('Mưa');
    expect($('#find-in-headline').textContent).toBe('1 kết quả trong tít');
    expect($('#find-in-sapo').textContent).toBe('2 kết quả trong sapo');
    expect($('#headline').getAttribute('aria-describedby')).toBe('find-in-headline');
    expect($('#headline').classList.contains('find-in-field')).toBe(false);
    enter();
    expect($('#find-count').textContent).toBe('5/5');
    let { from, to } = editor.body.view.state.selection;
    expect(editor.body.view.state.doc.textBetween(from, to)).toBe('mưa');
    enter();
    // Past the body's last match, on to the headline's first.
    expect($('#find-count').textContent).toBe('1/5');
    const headline = $<HTMLTextAreaElement>('#headline');
    expect(headline.value.slice(headline.selectionStart, headline.selectionEnd)).toBe('Mưa');
    expect(headline.classList.contains('find-in-field')).toBe(true);
    // The current match is in a field: none of the body's is marked current.
    expect(document.querySelectorAll('#body .find-match')).toHaveLength(2);
    expect(document.querySelector('#body .find-current')).toBeNull();
    // The find input keeps the focus: Enter moves on.
    expect(document.activeElement).toBe($('#find-input'));
    enter();
    expect($('#find-count').textContent).toBe('2/5');
    const sapo = $<HTMLTextAreaElement>('#sapo');
    expect(sapo.value.slice(sapo.selectionStart, sapo.selectionEnd)).toBe('MƯA');
    expect(sapo.classList.contains('find-in-field')).toBe(true);
    expect(headline.classList.contains('find-in-field')).toBe(false);
    enter();
    expect(sapo.value.slice(sapo.selectionStart, sapo.selectionEnd)).toBe('mưa');
    enter();
    expect($('#find-count').textContent).toBe('4/5');
    expect(sapo.classList.contains('find-in-field')).toBe(false);
    ({ from, to } = editor.body.view.state.selection);
    expect(editor.body.view.state.doc.textBetween(from, to)).toBe('Mưa');
    enter(true);
    enter(true);
    expect($('#find-count').textContent).toBe('2/5');
    expect(document.querySelector('#body .find-current')).toBeNull();
    // Typing in the body meanwhile leaves the current match in the sapo.
    const view = editor.body.view;
    view.dispatch(view.state.tr.insertText('mưa ', 1));
    flushSync();
    expect($('#find-count').textContent).toBe('2/6');
    expect(document.querySelector('#body .find-current')).toBeNull();
  });

  it('follows typing in the headline', async () => {
    await openWithFields('Tin nhanh', '');
    ctrlF();
    typeQuery('mưa');
    expect($('#find-count').textContent).toBe('1/2');
    expect(document.querySelector('#find-in-headline')).toBeNull();
    typeIn('#headline', 'Mưa to, mưa nhỏ');
    expect($('#find-count').textContent).toBe('3/4');
    expect($('#find-in-headline').textContent).toBe('2 kết quả trong tít');
  });

  it('replaces one in the sapo through the editor, so the save carries it', async () => {
    const { editor, backend, article } = await openWithFields('Tít', 'Hoà bình, hoà giải');
    ctrlF();
    typeQuery('hoà');
    typeIn('#replace-input', 'hòa');
    expect($('#find-count').textContent).toBe('1/2');
    $('#replace-one').click();
    flushSync();
    expect(editor.text.sapo).toBe('hòa bình, hoà giải');
    expect($<HTMLTextAreaElement>('#sapo').value).toBe('hòa bình, hoà giải');
    expect($('#find-count').textContent).toBe('1/1');
    const sapo = $<HTMLTextAreaElement>('#sapo');
    expect(sapo.value.slice(sapo.selectionStart, sapo.selectionEnd)).toBe('hoà');
    await editor.flush();
    expect((await backend.getArticle(article.id)).sapo).toBe('hòa bình, hoà giải');
  });

  it('replaces all in the headline, sapo and body, saved together, the body one undo step', async () => {
    const { editor, backend, article } = await openWithFields('Mưa to', 'Mưa rào và mưa phùn');
    const saves = vi.spyOn(backend, 'updateArticle');
    ctrlF();
    typeQuery('mưa');
    typeIn('#replace-input', 'gió');
    $('#replace-all').click();
    flushSync();
    expect(editor.text.headline).toBe('gió to');
    expect(editor.text.sapo).toBe('gió rào và gió phùn');
    expect(texts(editor.body.toJSON())).toEqual(['gió lớn ở Huế, gió nhỏ ở Hà Nội.']);
    expect($('#find-bar').textContent).toContain('Đã thay 5 chỗ, 3 chỗ trong tít và sapo');
    expect($('#find-count').textContent).toBe('Không thấy');
    await editor.flush();
    const saved = await backend.getArticle(article.id);
    expect([saved.headline, saved.sapo, texts(saved.body)[0]]).toEqual(['gió to', 'gió rào và gió phùn', 'gió lớn ở Huế, gió nhỏ ở Hà Nội.']);
    expect(saves).toHaveBeenCalledTimes(1);
    undo(editor.body.view.state, editor.body.view.dispatch);
    expect(texts(editor.body.toJSON())).toEqual(['Mưa lớn ở Huế, mưa nhỏ ở Hà Nội.']);
  });

  it('starts from the field the user was in, with its selection as the query', async () => {
    await openWithFields('Mưa to', 'Mưa rào');
    const sapo = $<HTMLTextAreaElement>('#sapo');
    sapo.focus();
    sapo.setSelectionRange(0, 3);
    ctrlF();
    expect($<HTMLInputElement>('#find-input').value).toBe('Mưa');
    expect($('#find-count').textContent).toBe('2/4');
    expect(sapo.classList.contains('find-in-field')).toBe(true);
    $('#find-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(document.activeElement).toBe(sapo);
    expect(sapo.classList.contains('find-in-field')).toBe(false);
    expect(document.querySelector('#find-in-sapo')).toBeNull();
  });
});

import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../backend/backend';
import { destroyApps } from '../app/testing';
import type { MemoryBackend } from '../backend/memory';
import { $, figure, open } from './testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
});

const warnings = () => [...document.querySelectorAll('.figure-check-item')].map((i) => i.textContent);
const inFigure = <T extends HTMLElement>(selector: string) => [...document.querySelector('#editor-view')!.querySelectorAll<T>(selector)];

/** Types into a figure's credit or alt field as a person would. */
function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

/** "Gửi duyệt" pressed (once the workflow's steps are on screen). */
async function submit(): Promise<HTMLElement> {
  const button = await vi.waitFor(() => $<HTMLButtonElement>('#step-submitted'));
  button.click();
  flushSync();
  return $('#status');
}

/** Photos 1 and 2 in the library, for the figures to show. */
function addPhotos(backend: MemoryBackend): void {
  backend.photos.importOne('/a/cau-rong.jpg', null);
  backend.photos.importOne('/a/cho-han.heic', null);
}

describe('submitting with figures', () => {
  it('blocks "Chờ duyệt" while a figure is incomplete, shows the list and keeps the status', async () => {
    const { backend, editor, article } = await open();
    addPhotos(backend);
    editor.body.setDoc({ type: 'doc', content: [figure(1, 'Cầu Rồng'), figure(2, '')] });
    const spy = vi.spyOn(backend, 'changeStatus');
    const status = await submit();
    expect(status.dataset.status).toBe('draft');
    expect($('#figure-check').hidden).toBe(false);
    expect(warnings()).toEqual(['Ảnh 2: thiếu mô tả ảnh']);
    await editor.flush();
    expect(spy).not.toHaveBeenCalled();
    expect(inFigure('figure.figure-incomplete')).toHaveLength(1);

    typeInto(inFigure<HTMLInputElement>('.figure-alt')[1]!, 'Chợ Hàn buổi sáng');
    await submit();
    await vi.waitFor(() => expect($('#status').dataset.status).toBe('submitted'));
    expect((await backend.getArticle(article.id)).status).toBe('submitted');
  });

  it('handles Rust refusing with incomplete_figures: status kept, list shown, other edits saved', async () => {
    const { backend, editor, article } = await open();
    const message = 'Trước khi gửi duyệt, mỗi ảnh cần có chú thích, tác giả ảnh và mô tả thay thế (ảnh số 1).';
    const refused = vi.spyOn(backend, 'changeStatus').mockRejectedValue(new AppError('incomplete_figures', message));
    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Tít mới';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    const status = await submit();
    await vi.waitFor(() => expect(refused).toHaveBeenCalled());
    await editor.flush();
    flushSync();
    expect(status.dataset.status).toBe('draft');
    expect($('#figure-check').hidden).toBe(false);
    expect($('.figure-check-title').textContent).toBe(message);
    expect(await backend.getArticle(article.id)).toMatchObject({ headline: 'Tít mới', status: 'draft' });
    expect($('#save-state').dataset.state).toBe('saved');
  });
});

describe('the figure check follows the figures', () => {
  // The bug: "thiếu mô tả ảnh" stayed on screen after the alt text was typed.
  it('drops a warning as soon as the missing field is filled, and goes when nothing is missing', async () => {
    const { backend, editor } = await open();
    addPhotos(backend);
    editor.body.setDoc({ type: 'doc', content: [figure(1, '', { credit: '' }), figure(2, '')] });
    await submit();
    expect(warnings()).toEqual(['Ảnh 1: thiếu tác giả ảnh, mô tả ảnh', 'Ảnh 2: thiếu mô tả ảnh']);

    typeInto(inFigure<HTMLInputElement>('.figure-alt')[1]!, 'Chợ Hàn buổi sáng');
    expect(warnings()).toEqual(['Ảnh 1: thiếu tác giả ảnh, mô tả ảnh']);
    typeInto(inFigure<HTMLInputElement>('.figure-credit')[0]!, 'Ảnh: Minh Châu');
    expect(warnings()).toEqual(['Ảnh 1: thiếu mô tả ảnh']);
    expect($('#figure-check').hidden).toBe(false);
    typeInto(inFigure<HTMLInputElement>('.figure-alt')[0]!, 'Cầu Rồng phun lửa');
    expect(warnings()).toEqual([]);
    expect($('#figure-check').hidden).toBe(true);

    // A new incomplete photo later does not bring the closed list back by itself.
    editor.body.setDoc({ type: 'doc', content: [figure(1, 'Cầu Rồng'), figure(2, '')] });
    flushSync();
    expect($('#figure-check').hidden).toBe(true);
  });

  it('speaks the interface language at once after a switch', async () => {
    const { backend, editor, app } = await open();
    addPhotos(backend);
    editor.body.setDoc({ type: 'doc', content: [figure(1, '')] });
    await submit();
    expect(warnings()).toEqual(['Ảnh 1: thiếu mô tả ảnh']);
    app.i18n.set('en');
    flushSync();
    expect(warnings()).toEqual(['Photo 1: missing alt text']);
    expect($('.figure-check-title').textContent).toBe('Not submitted: every photo needs a caption, a credit and alt text.');
  });

  it('leads from a warning to the missing field of that figure', async () => {
    const { backend, editor } = await open();
    addPhotos(backend);
    editor.body.setDoc({ type: 'doc', content: [figure(1, 'Cầu Rồng', { caption: '' }), figure(2, 'Chợ Hàn', { credit: '' })] });
    await submit();
    expect(warnings()).toEqual(['Ảnh 1: thiếu chú thích', 'Ảnh 2: thiếu tác giả ảnh']);

    $('.figure-check-item[data-figure="2"]').click();
    expect(document.activeElement).toBe(inFigure('.figure-credit')[1]);

    $('.figure-check-item[data-figure="1"]').click();
    const { selection, doc } = editor.body.view.state;
    expect(selection.$from.parent.type.name).toBe('figcaption');
    expect(doc.resolve(selection.from).node(1)).toBe(doc.child(0));
    expect(editor.body.view.dom.contains(document.activeElement)).toBe(true);
  });

  it('closes from its button and gives the focus back to the text', async () => {
    const { backend, editor } = await open();
    addPhotos(backend);
    editor.body.setDoc({ type: 'doc', content: [figure(1, '')] });
    await submit();
    const close = $('#figure-check').querySelector<HTMLButtonElement>('.btn')!;
    close.focus();
    close.click();
    flushSync();
    expect($('#figure-check').hidden).toBe(true);
    expect(editor.body.view.dom.contains(document.activeElement)).toBe(true);
  });
});

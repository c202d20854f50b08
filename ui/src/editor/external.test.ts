// The open editor follows changes saved elsewhere: shown, merged, or chosen side by side.
import { flushSync } from 'svelte';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, destroyApps } from '../app/testing';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { pmText } from '../text/pm-text';
import type { ArticleEditor as EditorView } from './article-editor.svelte';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const doc = (...paragraphs: string[]): PmNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const paragraphs = (body: PmNode) => (body.content ?? []).map(pmText);
const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
}

/** The app open on an article with three paragraphs, as after a restart on it. */
async function openInApp(input: Partial<NewArticle> = {}) {
  const backend = new MemoryBackend();
  const article = await backend.createArticle({ ...blank, headline: 'Tít', body: doc('Một.', 'Hai.', 'Ba.'), ...input });
  await backend.setLastArticle(article.id);
  const { app } = await bootApp(backend);
  await settle();
  return { backend, article, app, editor: app.editor! };
}

/** Types at the end of body paragraph `index` (as the keyboard would, through a transaction). */
function typeAtEnd(editor: EditorView, index: number, text: string): void {
  const view = editor.body.view;
  const block = view.state.doc.child(index);
  let start = 0;
  for (let i = 0; i < index; i++) start += view.state.doc.child(i).nodeSize;
  const end = start + block.nodeSize - 1;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, end)).insertText(text));
  flushSync(); // What the screen shows after the frame.
}

/** A field changed as a person would: its value, then the event the view listens to. */
function fill(selector: string, value: string, event: 'input' | 'change' = 'input'): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event(event, { bubbles: true }));
}

const shownParagraphs = (editor: EditorView) => paragraphs(editor.body.toJSON());
const readOnly = () => ({
  headline: $<HTMLTextAreaElement>('#headline').readOnly,
  body: $('#body .ProseMirror').getAttribute('contenteditable'),
  steps: [...document.querySelectorAll<HTMLButtonElement>('.workflow-steps button')].every((b) => b.disabled),
});

describe('The open editor follows changes made elsewhere', () => {
  it('with nothing unsaved, shows the stored article', async () => {
    const { backend, article, editor } = await openInApp();
    backend.changeElsewhere(article.id, { headline: 'Tít sửa bằng CLI', body: doc('Một.', 'Hai.', 'Ba.', 'Bốn từ CLI.') });
    await settle();
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít sửa bằng CLI');
    expect(shownParagraphs(editor)).toEqual(['Một.', 'Hai.', 'Ba.', 'Bốn từ CLI.']);
    expect(editor.controller.version).toBe(2);
    expect($('#save-state').dataset.state).toBe('saved');
    expect($('.save-banner').hidden).toBe(true);
    // Nothing was saved from here: the CLI's save is the last one.
    expect((await backend.listRevisions(article.id)).map((r) => r.reason)).toEqual(['edited', 'created']);
  });

  it('refreshes the library list', async () => {
    const { backend, article, app } = await openInApp();
    await app.showLibrary();
    backend.changeElsewhere(article.id, { headline: 'Tít mới từ CLI' });
    await settle();
    expect($('.article-row .row-headline').textContent).toBe('Tít mới từ CLI');
  });

  it('merges an unsaved paragraph with a change to another one, saves, and says so', async () => {
    const { backend, article, editor } = await openInApp();
    typeAtEnd(editor, 0, ' Sửa ở đây.');
    expect($('#save-state').dataset.state).toBe('pending');
    backend.changeElsewhere(article.id, { body: doc('Một.', 'Hai.', 'Ba sửa nơi khác.'), section: 'Thời sự' });
    await settle();
    const merged = ['Một. Sửa ở đây.', 'Hai.', 'Ba sửa nơi khác.'];
    expect(shownParagraphs(editor)).toEqual(merged);
    expect($<HTMLInputElement>('#section').value).toBe('Thời sự');
    const stored = await backend.getArticle(article.id);
    expect(paragraphs(stored.body)).toEqual(merged);
    expect(stored).toMatchObject({ section: 'Thời sự', version: 3 });
    expect(editor.controller.version).toBe(3);
    expect($('#save-state').dataset.state).toBe('saved');
    expect($('.save-banner').hidden).toBe(true);
    expect($('#conflict-view').hidden).toBe(true);
    expect($('#merge-status').hidden).toBe(false);
    expect($('#merge-status').textContent).toBe('Bài vừa được sửa ở nơi khác; đã gộp với bản của bạn.');
    expect(readOnly()).toEqual({ headline: false, body: 'true', steps: false });
    // The cursor stayed in the paragraph being typed: typing goes on there.
    editor.body.view.dispatch(editor.body.view.state.tr.insertText(' Tiếp.'));
    expect(shownParagraphs(editor)[0]).toBe('Một. Sửa ở đây. Tiếp.');
    await editor.flush();
    expect(paragraphs((await backend.getArticle(article.id)).body)[0]).toBe('Một. Sửa ở đây. Tiếp.');
  });

  it('waits for a save in flight, and merges when that save meets the newer version', async () => {
    const { backend, article, editor } = await openInApp();
    const save = backend.updateArticle.bind(backend);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.spyOn(backend, 'updateArticle').mockImplementationOnce(async (id, patch) => {
      await gate;
      return save(id, patch);
    });
    typeAtEnd(editor, 0, ' Sửa ở đây.');
    const flushed = editor.flush(); // the autosave's save, held at the gate
    backend.changeElsewhere(article.id, { body: doc('Một.', 'Hai.', 'Ba sửa nơi khác.') });
    await settle();
    expect(readOnly()).toEqual({ headline: true, body: 'false', steps: true });
    release();
    await flushed;
    await settle();
    expect(paragraphs((await backend.getArticle(article.id)).body)).toEqual(['Một. Sửa ở đây.', 'Hai.', 'Ba sửa nơi khác.']);
    expect(shownParagraphs(editor)).toEqual(['Một. Sửa ở đây.', 'Hai.', 'Ba sửa nơi khác.']);
    expect($('.save-banner').hidden).toBe(true);
    expect($('#save-state').dataset.state).toBe('saved');
  });

  it('is read-only while merging, so nothing typed then is dropped, and editable after', async () => {
    const { backend, article, editor } = await openInApp();
    const merge = backend.mergeEdit.bind(backend);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.spyOn(backend, 'mergeEdit').mockImplementationOnce(async (...args) => {
      await gate;
      return merge(...args);
    });
    typeAtEnd(editor, 0, ' Gõ trước.');
    $<HTMLTextAreaElement>('#headline').focus();
    backend.changeElsewhere(article.id, { body: doc('Một.', 'Hai.', 'Ba sửa nơi khác.') });
    await settle();
    expect(readOnly()).toEqual({ headline: true, body: 'false', steps: true });
    expect($('#editor-view').getAttribute('aria-busy')).toBe('true');
    expect($('#merge-status').textContent).toBe('Đang gộp thay đổi…');
    expect(document.activeElement).toBe($('#headline'));
    // The toolbar, a drop or a figure cannot change the text meanwhile either.
    const before = editor.body.toJSON();
    editor.body.view.dispatch(editor.body.view.state.tr.insertText('lạc '));
    expect(editor.body.toJSON()).toEqual(before);
    release();
    await settle();
    expect(readOnly()).toEqual({ headline: false, body: 'true', steps: false });
    expect($('#editor-view').getAttribute('aria-busy')).toBe('false');
    expect(shownParagraphs(editor)).toEqual(['Một. Gõ trước.', 'Hai.', 'Ba sửa nơi khác.']);
    typeAtEnd(editor, 1, ' Gõ sau.');
    fill('#headline', 'Tít gõ sau');
    await editor.flush();
    const stored = await backend.getArticle(article.id);
    expect(paragraphs(stored.body)).toEqual(['Một. Gõ trước.', 'Hai. Gõ sau.', 'Ba sửa nơi khác.']);
    expect(stored.headline).toBe('Tít gõ sau');
    expect($('.save-banner').hidden).toBe(true);
  });
});

describe('The same place changed here and elsewhere', () => {
  async function inConflict() {
    const opened = await openInApp();
    typeAtEnd(opened.editor, 1, ' Ở đây.');
    opened.backend.changeElsewhere(opened.article.id, { body: doc('Một.', 'Hai. Nơi khác.', 'Ba.'), headline: 'Tít mới' });
    await settle();
    return opened;
  }

  it('shows both sides as text, read-only behind, and keeps the version here', async () => {
    const { backend, article, editor } = await inConflict();
    const view = $('#conflict-view');
    expect(view.hidden).toBe(false);
    expect($('#conflict-title').textContent).toBe('Bài vừa được sửa ở nơi khác');
    const hunks = [...view.querySelectorAll('.conflict-hunk')];
    expect(hunks).toHaveLength(1);
    const hunk = hunks[0]!;
    expect(hunk.querySelector('legend')!.textContent).toBe('Chỗ 1: Nội dung');
    expect([...hunk.querySelectorAll('.side-title')].map((h) => h.textContent)).toEqual(['Trước khi sửa', 'Bản của bạn', 'Bản vừa lưu ở nơi khác']);
    expect(hunk.querySelector('.side-base .side-text')!.textContent).toBe('Hai.');
    expect(hunk.querySelector('.side-local .side-text')!.textContent).toBe('Hai. Ở đây.');
    expect(hunk.querySelector('.side-remote .side-text')!.textContent).toBe('Hai. Nơi khác.');
    expect($('label[for="conflict-0-remote"]').textContent).toBe('Lấy bản vừa lưu');
    expect(document.activeElement).toBe($('#conflict-0-local'));
    expect(readOnly()).toEqual({ headline: true, body: 'false', steps: true });
    $<HTMLButtonElement>('#conflict-all-local').click();
    flushSync();
    expect($<HTMLInputElement>('#conflict-0-local').checked).toBe(true);
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    expect(view.hidden).toBe(true);
    const stored = await backend.getArticle(article.id);
    expect(paragraphs(stored.body)).toEqual(['Một.', 'Hai. Ở đây.', 'Ba.']);
    expect(stored.headline).toBe('Tít mới');
    expect(shownParagraphs(editor)).toEqual(['Một.', 'Hai. Ở đây.', 'Ba.']);
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít mới');
    expect($('.save-banner').hidden).toBe(true);
    expect($('#save-state').dataset.state).toBe('saved');
    expect(readOnly()).toEqual({ headline: false, body: 'true', steps: false });
  });

  it('takes the version saved elsewhere', async () => {
    const { backend, article, editor } = await inConflict();
    $<HTMLButtonElement>('#conflict-all-remote').click();
    flushSync();
    expect($('#conflict-all-remote').textContent).toBe('Lấy tất cả bản vừa lưu');
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    const stored = await backend.getArticle(article.id);
    expect(paragraphs(stored.body)).toEqual(['Một.', 'Hai. Nơi khác.', 'Ba.']);
    expect(shownParagraphs(editor)).toEqual(['Một.', 'Hai. Nơi khác.', 'Ba.']);
    expect($('.save-banner').hidden).toBe(true);
  });

  it('closed with Escape: the conflict banner as before, nothing lost, and "Xem và gộp" offers it again', async () => {
    const { backend, article, editor } = await inConflict();
    $('#conflict-0-local').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect($('#conflict-view').hidden).toBe(true);
    expect($('.save-banner').hidden).toBe(false);
    expect($('.save-banner').dataset.kind).toBe('conflict');
    expect($('#conflict-merge').hidden).toBe(false);
    expect(shownParagraphs(editor)).toEqual(['Một.', 'Hai. Ở đây.', 'Ba.']);
    expect(readOnly()).toEqual({ headline: false, body: 'true', steps: false });
    expect(paragraphs((await backend.getArticle(article.id)).body)).toEqual(['Một.', 'Hai. Nơi khác.', 'Ba.']);
    // Another change elsewhere in the library does not reopen it by itself.
    const other = await backend.createArticle({ ...blank, headline: 'Bài khác' });
    backend.changeElsewhere(other.id, { sapo: 'x' });
    await settle();
    expect($('#conflict-view').hidden).toBe(true);

    $<HTMLButtonElement>('#conflict-merge').click();
    await settle();
    expect($('#conflict-view').hidden).toBe(false);
    $<HTMLButtonElement>('#conflict-all-local').click();
    flushSync();
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    expect(paragraphs((await backend.getArticle(article.id)).body)).toEqual(['Một.', 'Hai. Ở đây.', 'Ba.']);
    expect($('.save-banner').hidden).toBe(true);
  });

  it('names the other fields and shows a time as people read them; a workflow step elsewhere is no conflict', async () => {
    const { backend, article } = await openInApp();
    fill('#byline', 'Nhóm PV');
    fill('#scheduled-at', '2026-12-02T09:00', 'change');
    await backend.changeStatus(article.id, { to: 'submitted' });
    backend.changeElsewhere(article.id, { byline: 'Lê Hùng', scheduled_at: '2026-12-02T01:00:00Z' });
    await settle();
    const legends = [...document.querySelectorAll('.conflict-hunk legend')].map((l) => l.textContent);
    expect(legends).toEqual(['Chỗ 1: Tác giả', 'Chỗ 2: Giờ đăng']);
    const sides = (i: number) =>
      ['local', 'remote'].map((side) => document.querySelectorAll('.conflict-hunk')[i]!.querySelector(`.side-${side} .side-text`)!.textContent);
    expect(sides(1)).toEqual(['09:00 02/12/2026', '08:00 02/12/2026']);
    fill('#locale-select', 'en', 'change');
    await settle();
    expect($('#conflict-title').textContent).toBe('Changed elsewhere meanwhile');
    expect([...document.querySelectorAll('.conflict-hunk legend')].map((l) => l.textContent)).toEqual(['Place 1: Byline', 'Place 2: Publication time']);
  });
});

// Notes in the editor: added on a selection (body, caption, headline), highlighted and following
// the typing, listed in the panel with quote, replies, resolve and reopen, detached and deleted.
import { TextSelection } from 'prosemirror-state';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { destroyApps, openInEditor } from '../app/testing';
import type { Note } from '../bindings/Note';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import type { ArticleEditor } from '../editor/article-editor.svelte';

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const $$ = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];

// The editor is loaded lazily: compile it before the first test's clock starts.
beforeAll(async () => {
  await Promise.all([import('../editor/article-editor.svelte'), import('../editor/Editor.svelte')]);
}, 60_000);

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

const p = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (mediaId: number): PmNode => ({
  type: 'doc',
  content: [
    p('Sáng nay 😀 trời mưa. Đường Láng ngập sâu.'),
    { type: 'figure', attrs: { media_id: mediaId, credit: 'Ảnh: A', alt: 'Mưa', crop: null, rotation: 0 }, content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Xe chết máy giữa phố' }] }] },
    p('Đoạn cuối.'),
  ],
});

/** A memory library whose listed notes can be marked detached, as Rust does when their text goes. */
class DetachingBackend extends MemoryBackend {
  readonly detached = new Set<number>();
  override async listNotes(id: number): Promise<Note[]> {
    return (await super.listNotes(id)).map((n) => (this.detached.has(n.id) ? { ...n, anchor: null, detached: true } : n));
  }
}

async function open(headline = 'Tít bài') {
  const backend = new DetachingBackend();
  const [photo] = await backend.importPhotoFiles('notes', ['/anh/mua.jpg'], null, () => undefined);
  const article = await backend.createArticle({ headline, sapo: 'Sapo ngắn', section: '', keywords: [], byline: '', dateline: '', body: body(photo!.media!.id) });
  const opened = await openInEditor(backend, article.id);
  await settle();
  return { ...opened, backend, article };
}

/** Selects the first `needle` in the body. */
function selectInBody(editor: ArticleEditor, needle: string): void {
  const view = editor.body.view;
  let from = -1;
  view.state.doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text!.includes(needle)) from = pos + node.text!.indexOf(needle);
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + needle.length)));
  flushSync();
}

/** Writes the note in the panel's box and presses Enter. */
async function writeNote(text: string): Promise<void> {
  const box = $<HTMLTextAreaElement>('#note-new-text');
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await settle();
}

/** Selects `needle` in the body, presses "Thêm ghi chú" and saves `text` as its note. */
async function noteOn(editor: ArticleEditor, needle: string, text: string): Promise<void> {
  selectInBody(editor, needle);
  $<HTMLButtonElement>('#add-note').click();
  flushSync();
  await writeNote(text);
}

const highlights = () => $$('#body .note-highlight').map((el) => el.textContent);
const noteItems = () => $$('#notes-panel .note-list > .note');

describe('notes on the text', () => {
  it('a sentence selected in the body gets a note: highlighted exactly, listed with its quote', async () => {
    const { editor, backend, article } = await open();
    expect($<HTMLButtonElement>('#add-note').disabled).toBe(true);
    selectInBody(editor, 'Đường Láng ngập sâu.');
    expect($<HTMLButtonElement>('#add-note').disabled).toBe(false);
    $<HTMLButtonElement>('#add-note').click();
    flushSync();
    expect(editor.sidePanel).toBe('notes');
    expect(document.activeElement).toBe($('#note-new-text'));
    expect($('#notes-panel .note-draft-quote q').textContent).toBe('Đường Láng ngập sâu.');
    await writeNote('Kiểm tra lại mức ngập');

    const [stored] = await backend.listNotes(article.id);
    // Code points: the emoji before it is one character, not two.
    expect(stored!.anchor).toEqual({ field: 'body', block: 0, start: 21, end: 41 });
    expect(stored!.quote).toBe('Đường Láng ngập sâu.');
    expect(highlights()).toEqual(['Đường Láng ngập sâu.']);
    expect($('#body .note-highlight').dataset.noteId).toBe(String(stored!.id));
    expect(noteItems()).toHaveLength(1);
    expect(noteItems()[0]!.querySelector('.note-quote q')!.textContent).toBe('Đường Láng ngập sâu.');
    expect(noteItems()[0]!.querySelector('.note-text')!.textContent).toBe('Kiểm tra lại mức ngập');
    expect($('#notes-toggle .notes-badge').textContent).toBe('1');
    // The note is never in the document itself.
    expect(JSON.stringify(editor.body.toJSON())).not.toContain('note');
    expect((await backend.getArticle(article.id)).body).toEqual(editor.body.toJSON());
  });

  it('Ctrl+Alt+M on a caption adds a note there; Escape in the box cancels', async () => {
    const { editor, backend, article } = await open();
    selectInBody(editor, 'chết máy');
    editor.body.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', code: 'KeyM', ctrlKey: true, altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect($('#notes-panel .note-draft-quote q').textContent).toBe('chết máy');
    expect($$('#body .note-draft').map((el) => el.textContent)).toEqual(['chết máy']);
    $('#note-new-text').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect($('#notes-panel .note-draft-quote')).toBeNull();
    expect($$('#body .note-draft')).toHaveLength(0);

    await noteOn(editor, 'chết máy', 'Ảnh này chụp ở đâu?');
    const [stored] = await backend.listNotes(article.id);
    expect(stored!.anchor).toEqual({ field: 'body', block: 1, start: 3, end: 11 });
    expect($$('#body figure .note-highlight').map((el) => el.textContent)).toEqual(['chết máy']);
  });

  it('replies, resolves (the highlight goes) and reopens (it comes back)', async () => {
    const { editor } = await open();
    await noteOn(editor, 'trời mưa', 'Mưa to hay nhỏ?');

    const reply = $<HTMLTextAreaElement>('.note-reply-text');
    reply.value = 'Mưa rất to';
    reply.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    $<HTMLButtonElement>('.note-reply-send').click();
    await settle();
    expect($$('.note-replies .note-reply .note-text').map((el) => el.textContent)).toEqual(['Mưa rất to']);
    expect(reply.value).toBe('');

    $<HTMLButtonElement>('.note-resolve').click();
    await settle();
    expect(highlights()).toEqual([]);
    expect(noteItems()).toHaveLength(0);
    expect($('#notes-toggle .notes-badge').hidden).toBe(true);
    // The filter off: the resolved note shows, its highlight faint.
    const filter = $<HTMLInputElement>('.note-hide-resolved');
    filter.checked = false;
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect($$('#body .note-highlight.note-resolved').map((el) => el.textContent)).toEqual(['trời mưa']);
    expect(noteItems()[0]!.querySelector('.note-resolve')!.textContent).toBe('Mở lại');
    $<HTMLButtonElement>('.note-resolve').click();
    await settle();
    expect($$('#body .note-highlight:not(.note-resolved)').map((el) => el.textContent)).toEqual(['trời mưa']);
  });

  it('typing before a highlighted range keeps the highlight on the same words, saved or not', async () => {
    const { editor } = await open();
    await noteOn(editor, 'Đường Láng', 'Tên đường đúng chưa?');
    const view = editor.body.view;
    view.dispatch(view.state.tr.insertText('Hà Nội: ', 1));
    flushSync();
    expect(highlights()).toEqual(['Đường Láng']);
    // Typing right at its start does not join it.
    let start = -1;
    view.state.doc.descendants((node, pos) => {
      if (start < 0 && node.isText) start = pos + node.text!.indexOf('Đường');
    });
    view.dispatch(view.state.tr.insertText('phố ', start));
    flushSync();
    expect(highlights()).toEqual(['Đường Láng']);
    // After the save the notes are fetched again (this library does not move anchors; Rust does).
    const version = editor.version;
    await editor.flush();
    await settle();
    expect(editor.version).toBeGreaterThan(version);
    expect(highlights()).toEqual(['Đường Láng']);
  });

  it('a click on a highlight opens the panel at its note; a click on the quote selects the text', async () => {
    const { editor } = await open();
    await noteOn(editor, 'Đoạn cuối', 'Bỏ đoạn này?');
    $<HTMLButtonElement>('#notes-toggle').click();
    flushSync();
    expect($('#notes-panel')).toBeNull();
    $('#body .note-highlight').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    flushSync();
    expect(editor.sidePanel).toBe('notes');
    expect(noteItems()[0]!.getAttribute('aria-current')).toBe('true');

    const view = editor.body.view;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)));
    $<HTMLButtonElement>('.note-quote').click();
    flushSync();
    const { from, to } = view.state.selection;
    expect(view.state.doc.textBetween(from, to)).toBe('Đoạn cuối');
  });

  it('a detached note shows the text it was on; a general note and a photo request have their own words', async () => {
    const { editor, backend, article } = await open();
    await noteOn(editor, 'Sáng nay', 'Giờ nào?');
    const [note] = await backend.listNotes(article.id);
    backend.detached.add(note!.id);

    await writeNote('Cần ảnh hiện trường');
    expect(noteItems()).toHaveLength(2);
    const photo = $<HTMLInputElement>('.note-photo-check');
    photo.checked = true;
    photo.dispatchEvent(new Event('change', { bubbles: true }));
    await writeNote('Thêm ảnh Đường Láng');

    const [detached, general, request] = noteItems();
    expect(detached!.querySelector('.note-detached')!.textContent).toBe('Đoạn văn đã bị xoá');
    expect(detached!.querySelector('.note-old-quote')!.textContent).toBe('Sáng nay');
    expect(detached!.querySelector('.note-quote')).toBeNull();
    expect(highlights()).toEqual([]);
    expect(general!.querySelector('.note-general')!.textContent).toBe('Ghi chú chung');
    expect(general!.querySelector('.note-photo-request')).toBeNull();
    expect(request!.querySelector('.note-photo-request')!.textContent).toBe('Yêu cầu ảnh');
    expect((await backend.listNotes(article.id)).map((n) => n.photo_request)).toEqual([false, false, true]);
    expect(detached!.querySelector('.note-author')!.textContent).not.toBe('');
    expect(detached!.querySelector('.note-time')!.textContent).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
  });

  it('a note on the headline: marker with its count, and its quote selects the range in the field', async () => {
    const { backend, article } = await open('Tít 𝐀 mưa lớn ở Hà Nội');
    const headline = $<HTMLTextAreaElement>('#headline');
    const from = headline.value.indexOf('mưa lớn');
    headline.focus();
    headline.setSelectionRange(from, from + 'mưa lớn'.length);
    headline.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', code: 'KeyM', ctrlKey: true, altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect($('#notes-panel .note-draft-quote q').textContent).toBe('mưa lớn');
    await writeNote('Mưa lớn hay mưa to?');
    const [stored] = await backend.listNotes(article.id);
    expect(stored!.anchor).toEqual({ field: 'headline', block: 0, start: 6, end: 13 });
    expect($('#notes-headline').hidden).toBe(false);
    expect($('#notes-headline').textContent).toBe('1');
    expect($('#notes-sapo').hidden).toBe(true);

    headline.setSelectionRange(0, 0);
    $<HTMLButtonElement>('.note-quote').click();
    flushSync();
    expect(document.activeElement).toBe(headline);
    expect(headline.value.slice(headline.selectionStart, headline.selectionEnd)).toBe('mưa lớn');
  });

  it('deletes a note after asking', async () => {
    const { editor, backend, article } = await open();
    await noteOn(editor, 'trời mưa', 'Xoá tôi');
    $<HTMLButtonElement>('.note-delete').click();
    await settle();
    expect($('.note-confirm').hidden).toBe(false);
    expect(document.activeElement).toBe($('.note-delete-no'));
    $<HTMLButtonElement>('.note-delete-yes').click();
    await settle();
    expect(noteItems()).toHaveLength(0);
    expect(highlights()).toEqual([]);
    expect(await backend.listNotes(article.id)).toEqual([]);
  });
});

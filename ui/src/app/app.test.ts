import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, destroyApps } from './testing';
import type { NewArticle } from '../bindings/NewArticle';
import { MemoryBackend } from '../backend/memory';
import { SLOW_START_MS } from './app-state.svelte';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const XSS = '<img src=x onerror=alert(1)>';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('App', () => {
  it('shows the error screen with the message when the library cannot be opened', async () => {
    const message = `Tệp thư viện ${XSS} bị hỏng.`;
    await bootApp(new MemoryBackend({ openError: { code: 'library_corrupt', message } }));
    const screen = document.querySelector<HTMLElement>('#error-screen')!;
    expect(screen.dataset.code).toBe('library_corrupt');
    expect(screen.querySelector('.error-message')!.textContent).toBe(message);
    expect(document.querySelector('img')).toBeNull();
  });

  it('says what it is waiting for when the library takes more than a moment to open (an upgrade)', async () => {
    const backend = new MemoryBackend();
    let release!: () => void;
    const upgraded = new Promise<void>((resolve) => (release = resolve));
    const info = backend.libraryInfo.bind(backend);
    backend.libraryInfo = async () => {
      await upgraded;
      return info();
    };
    const booting = bootApp(backend);
    await new Promise((r) => setTimeout(r, 50));
    flushSync();
    // An ordinary open takes milliseconds: nothing flashes on screen.
    expect(document.querySelector('#opening-library')).toBeNull();
    await new Promise((r) => setTimeout(r, SLOW_START_MS));
    flushSync();
    expect(document.querySelector('#opening-library')?.textContent).toContain('chỉ một lần');
    release();
    await booting;
    await settle();
    flushSync();
    expect(document.querySelector('#opening-library')).toBeNull();
    expect(document.querySelector('#library-view')).not.toBeNull();
  });

  it('boots to the list, opens the last article, edits, saves and goes back', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài cũ' });
    await backend.setLastArticle(a.id);
    await bootApp(backend);
    await settle();
    expect(backend.calls).toContain('ui_ready');
    expect(document.querySelector('#editor-view')).not.toBeNull();
    expect(document.querySelector('#body .ProseMirror')).not.toBeNull();

    const headline = document.querySelector<HTMLTextAreaElement>('#headline')!;
    headline.value = 'Đà Nẵng mưa lớn';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(document.querySelector<HTMLElement>('#save-state')!.dataset.state).toBe('pending');
    expect(document.querySelector('#count-headline')!.textContent).toBe('4 tiếng · 15 ký tự');
    const keywords = document.querySelector<HTMLInputElement>('#keywords')!;
    keywords.value = ' mưa , , Đà Nẵng ';
    keywords.dispatchEvent(new Event('input', { bubbles: true }));

    document.querySelector<HTMLButtonElement>('#back-to-list')!.click();
    await settle();
    const stored = await backend.getArticle(a.id);
    expect(stored).toMatchObject({ headline: 'Đà Nẵng mưa lớn', keywords: ['mưa', 'Đà Nẵng'], slug: 'da-nang-mua-lon' });
    expect(document.querySelector('#library-view')).not.toBeNull();
    expect(document.querySelector('#editor-view')).toBeNull();
    expect((await backend.getSettings()).last_article_id).toBeNull();
    expect(document.querySelector('.article-row .row-headline')!.textContent).toBe('Đà Nẵng mưa lớn');

    const flushed = backend.requestFlush();
    await flushed;
    expect(backend.calls).toContain('flush_done');
  });

  it('going back to the list does not take the focus from a search the user started typing', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài' });
    await backend.setLastArticle(a.id);
    await bootApp(backend);
    await settle();
    document.querySelector<HTMLButtonElement>('#back-to-list')!.click();
    // The list view is back; its reload is still under way when the user clicks search.
    let search: HTMLInputElement | null = null;
    for (let tick = 0; tick < 1000 && !search; tick++) {
      await Promise.resolve();
      search = document.querySelector<HTMLInputElement>('#search');
    }
    search!.focus();
    await settle();
    expect(document.activeElement).toBe(search);
  });

  it('Ctrl+Q asks to close; the close request saves pending text before flush_done', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài' });
    await backend.setLastArticle(a.id);
    await bootApp(backend);
    await settle();
    const sapo = document.querySelector<HTMLTextAreaElement>('#sapo')!;
    sapo.value = 'Gõ xong là đóng ngay';
    sapo.dispatchEvent(new Event('input', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'q', ctrlKey: true }));
    expect(backend.closeRequested).toBe(true);
    // What the shell does next: ask the page to flush, then wait for flush_done.
    await backend.requestFlush();
    expect((await backend.getArticle(a.id)).sapo).toBe('Gõ xong là đóng ngay');
    expect(backend.calls.indexOf('flush_done')).toBeGreaterThan(-1);
  });

  it('closing during a conflict keeps the unsaved text as a revision', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài' });
    await backend.setLastArticle(a.id);
    await bootApp(backend);
    await settle();
    // A colleague saves first.
    await backend.updateArticle(a.id, { base_version: a.version, sapo: 'Bản của đồng nghiệp' });
    const sapo = document.querySelector<HTMLTextAreaElement>('#sapo')!;
    sapo.value = 'Bản của tôi, chưa lưu được';
    sapo.dispatchEvent(new Event('input', { bubbles: true }));
    await backend.requestFlush();
    expect((await backend.getArticle(a.id)).sapo).toBe('Bản của đồng nghiệp');
    const [latest] = await backend.listRevisions(a.id);
    expect(latest!.reason).toBe('unsaved_copy');
    expect((await backend.getRevision(latest!.id)).content.sapo).toBe('Bản của tôi, chưa lưu được');
    expect(backend.calls).toContain('flush_done');
  });

  it('switches the language in place', async () => {
    const backend = new MemoryBackend();
    await bootApp(backend);
    expect(document.querySelector('#new-article')!.textContent).toBe('Bài mới');
    const select = document.querySelector<HTMLSelectElement>('#locale-select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(document.querySelector('#new-article')!.textContent).toBe('New article');
    expect((await backend.getSettings()).locale).toBe('en');
  });
});

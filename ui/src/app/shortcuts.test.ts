import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryBackend } from '../backend/memory';
import { bootApp, destroyApps, openInEditor } from './testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  localStorage.clear();
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const press = (key: string, target: EventTarget = document.activeElement ?? document.body) => {
  const event = new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  flushSync();
  return event;
};

async function withArticle() {
  const backend = new MemoryBackend();
  const article = await backend.createArticle({ headline: 'Mưa lớn ở Hà Nội', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
  return { backend, article, ...(await openInEditor(backend, article.id)) };
}

describe('keyboard and window', () => {
  it('Ctrl+S saves what was typed now, without waiting for autosave', async () => {
    const { backend, article } = await withArticle();
    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Mưa lớn ở Hà Nội, phố ngập';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    const spy = vi.spyOn(backend, 'updateArticle');
    expect(press('s', headline).defaultPrevented).toBe(true);
    // Well before the half-second autosave pause.
    await vi.waitFor(() => expect(spy).toHaveBeenCalled(), { timeout: 200 });
    await vi.waitFor(async () => expect((await backend.getArticle(article.id)).headline).toBe('Mưa lớn ở Hà Nội, phố ngập'));
  });

  it('Ctrl+N opens a new article, from the list and from the editor', async () => {
    const backend = new MemoryBackend();
    const mounted = await bootApp(backend);
    flushSync();
    press('n');
    await vi.waitFor(() => expect(mounted.app.editor).not.toBeNull());
    const first = mounted.app.editor!.articleId;
    press('n');
    await vi.waitFor(() => expect(mounted.app.editor?.articleId).not.toBe(first));
    expect((await backend.listArticles({ limit: 10, offset: 0 })).length).toBe(2);
  });

  it('Ctrl+= / Ctrl+− / Ctrl+0 size the writing, and the size is kept', async () => {
    await withArticle();
    const view = $('#editor-view');
    press('=');
    press('=');
    expect(view.style.getPropertyValue('--text-scale')).toBe('1.25');
    expect(localStorage.getItem('banthao.textScale')).toBe('1.25');
    press('-');
    expect(view.style.getPropertyValue('--text-scale')).toBe('1.1');
    press('0');
    expect(view.style.getPropertyValue('--text-scale')).toBe('1');
    press('-');
    destroyApps();
    document.body.textContent = '';
    await withArticle();
    expect($('#editor-view').style.getPropertyValue('--text-scale')).toBe('0.9');
  });

  it('the window is named after the open article, and after the app on the list', async () => {
    const { backend, app } = await withArticle();
    await vi.waitFor(() => expect(backend.windowTitle).toBe('Mưa lớn ở Hà Nội – Bản Thảo'));
    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Nước rút dần';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(backend.windowTitle).toBe('Nước rút dần – Bản Thảo');
    await app.showLibrary();
    flushSync();
    expect(backend.windowTitle).toBe('Bản Thảo');
  });
});

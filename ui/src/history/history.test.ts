// The revision history panel: opened by its switch, a revision shown read-only, restored.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { destroyApps, openInEditor } from '../app/testing';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { sendLinksToBrowser } from '../app/links';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
let stop: (() => void) | null = null;

afterEach(() => {
  destroyApps();
  stop?.();
  stop = null;
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

async function openHistory(backend: MemoryBackend, id: number) {
  const opened = await openInEditor(backend, id);
  $<HTMLButtonElement>('#history-toggle').click();
  await settle();
  return opened;
}

describe('History panel', () => {
  it('opens with its switch, lists the revisions, and goes away when closed', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít đầu' });
    await backend.updateArticle(article.id, { base_version: article.version, headline: '' });
    expect(document.querySelector('#history-panel')).toBeNull();
    const { editor } = await openHistory(backend, article.id);
    expect(editor.sidePanel).toBe('history');
    expect($('#history-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('#details-panel')).toBeNull();
    const items = [...document.querySelectorAll('.revision-item')];
    expect(items.map((b) => b.querySelector('.revision-headline')!.textContent)).toEqual(['(Chưa có tít)', 'Tít đầu']);
    expect(items.map((b) => b.querySelector('.revision-reason')!.textContent)).toEqual(['Chỉnh sửa', 'Tạo bài']);
    $<HTMLButtonElement>('#history-toggle').click();
    flushSync();
    expect(document.querySelector('#history-panel')).toBeNull();
  });

  it('shows a revision read-only and restores it, saving what was typed first', async () => {
    const backend = new MemoryBackend();
    const body: PmNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Đoạn <b>cũ</b>.' }] }] };
    const article = await backend.createArticle({ ...blank, headline: 'Tít cũ', body });
    await backend.updateArticle(article.id, { base_version: article.version, headline: 'Tít mới', body: { type: 'doc', content: [{ type: 'paragraph' }] } });
    const { editor } = await openHistory(backend, article.id);
    const oldest = [...document.querySelectorAll<HTMLButtonElement>('.revision-item')].at(-1)!;
    oldest.click();
    await settle();
    expect(oldest.classList.contains('selected')).toBe(true);
    expect($('.revision-preview .preview-headline').textContent).toBe('Tít cũ');
    expect($('.revision-preview .readonly-body').textContent).toBe('Đoạn <b>cũ</b>.');
    expect(document.querySelector('.revision-preview b')).toBeNull();

    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Tít gõ dở';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLButtonElement>('.restore-revision').click();
    flushSync();
    $<HTMLButtonElement>('.confirm-restore').click();
    await settle();
    const stored = await backend.getArticle(article.id);
    expect(stored).toMatchObject({ headline: 'Tít cũ', body });
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít cũ');
    expect(editor.body.toJSON()).toEqual(body);
    // What was typed before the restore was saved first, so it is in the history too.
    expect((await backend.listRevisions(article.id)).some((r) => r.headline === 'Tít gõ dở')).toBe(true);
    expect(document.querySelector('.revision-preview')).toBeNull();
    expect($('#history-panel .panel-status').textContent).toMatch(/^Đã khôi phục bản 1 \(lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\)\.$/);
  });

  it('a link in the history preview opens in the browser, not in the window', async () => {
    const backend = new MemoryBackend();
    stop = sendLinksToBrowser(document, (url) => backend.openLink(url));
    const article = await backend.createArticle({
      ...blank,
      headline: 'Bão',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Xem thêm', marks: [{ type: 'link', attrs: { href: 'https://vnexpress.net/', title: null } }] }],
          },
        ],
      },
    });
    await openHistory(backend, article.id);
    $<HTMLButtonElement>('.revision-item').click();
    await settle();
    const previewLink = document.querySelector('.revision-preview a[href]');
    expect(previewLink?.getAttribute('href')).toBe('https://vnexpress.net/');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    previewLink!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(backend.openedLinks).toEqual(['https://vnexpress.net/']);
  });

  it('shows a figure of an old revision with its picture as it was cropped and turned', async () => {
    const backend = new MemoryBackend();
    const crop = { x: 0.1, y: 0, width: 0.5, height: 1 };
    const body: PmNode = {
      type: 'doc',
      content: [{ type: 'figure', attrs: { media_id: 7, credit: 'Ảnh: An', alt: 'Cầu Rồng', crop, rotation: 1 }, content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Cầu Rồng' }] }] }],
    };
    const article = await backend.createArticle({ ...blank, headline: 'Ảnh', body });
    await backend.updateArticle(article.id, { base_version: article.version, body: { type: 'doc', content: [{ type: 'paragraph' }] } });
    await openHistory(backend, article.id);
    [...document.querySelectorAll<HTMLButtonElement>('.revision-item')].at(-1)!.click();
    await settle();
    const img = $<HTMLImageElement>('.revision-preview figure img');
    expect(img.getAttribute('src')).toBe(backend.mediaUrl(7, 'web', { crop, rotation: 1 }));
    expect(img.alt).toBe('Cầu Rồng');
  });
});

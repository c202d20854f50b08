import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ArticleChanges } from '../backend/backend';
import { destroyApps } from '../app/testing';
import { IMPORT_NOTICE_MS } from './photo-importer.svelte';
import { $, XSS, figures, open, settle } from './testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
});

describe('photo import', () => {
  it('imports dropped files with progress in order, names the bad one and inserts the rest prefilled', async () => {
    const { backend, editor } = await open();
    const events: ImportProgress[] = [];
    const real = backend.importPhotoFiles.bind(backend);
    vi.spyOn(backend, 'importPhotoFiles').mockImplementation((job, paths, id, onProgress) =>
      real(job, paths, id, (p) => {
        events.push(p);
        onProgress(p);
      }),
    );
    backend.dropFiles(['/home/pv/cau-rong.jpg', '/home/pv/ghi-chu.txt', '/home/pv/cho-han.heic']);
    await settle();
    expect(events).toEqual([
      { done: 1, total: 3, failed: 0 },
      { done: 2, total: 3, failed: 1 },
      { done: 3, total: 3, failed: 1 },
    ]);
    const progress = $<HTMLProgressElement>('#import-progress');
    expect([progress.value, progress.max]).toEqual([3, 3]);
    const errors = [...document.querySelectorAll('.import-error')].map((e) => e.textContent);
    expect(errors).toEqual(['ghi-chu.txt: tệp không phải ảnh.']);
    expect(figures(editor).map((f) => [f.attrs, f.content![0]!.content?.[0]?.text])).toEqual([
      [{ media_id: 1, credit: 'Ảnh: Minh Châu', alt: '', crop: null, rotation: 0 }, 'Cầu Rồng phun lửa'],
      [{ media_id: 2, credit: 'Lê Hùng', alt: '', crop: null, rotation: 0 }, undefined],
    ]);
    expect((await backend.articleMedia(editor.articleId)).map((m) => m.id)).toEqual([1, 2]);
    $('#photos-toggle').click();
    await settle();
    expect([...document.querySelectorAll<HTMLElement>('.photo-item')].map((e) => e.dataset.mediaId)).toEqual(['1', '2']);
  });

  it('stops at the cancel button: the rest are not imported and not reported as errors', async () => {
    const { backend, editor } = await open();
    const real = backend.importPhotoFiles.bind(backend);
    vi.spyOn(backend, 'importPhotoFiles').mockImplementation((job, paths, id, onProgress) =>
      real(job, paths, id, (p) => {
        onProgress(p);
        if (p.done === 1) $('#import-cancel').click();
      }),
    );
    backend.dropFiles(['/a/cau-rong.jpg', '/a/cho-han.heic', '/a/xss.jpg']);
    await settle();
    expect(figures(editor)).toHaveLength(1);
    expect(document.querySelectorAll('.import-error')).toHaveLength(0);
    expect($('.import-summary').textContent).toContain('Đã dừng: 2 tệp chưa được nhập.');
  });

  it('says "Đã nhập N ảnh." politely and takes it away by itself; a report naming failures stays', async () => {
    const { editor } = await open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await editor.photos.importPaths(['/a/cau-rong.jpg'], 'insert');
    flushSync();
    const strip = $('#import-status');
    expect([strip.getAttribute('role'), strip.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(strip.hidden).toBe(false);
    expect($('.import-summary').textContent).toBe('Đã nhập 1 ảnh.');
    vi.advanceTimersByTime(IMPORT_NOTICE_MS);
    flushSync();
    expect(strip.hidden).toBe(true);

    await editor.photos.importPaths(['/a/ghi-chu.txt'], 'insert');
    vi.advanceTimersByTime(IMPORT_NOTICE_MS * 2);
    flushSync();
    expect(strip.hidden).toBe(false);
    expect([...document.querySelectorAll('.import-error')].map((e) => e.textContent)).toEqual(['ghi-chu.txt: tệp không phải ảnh.']);
    vi.useRealTimers();
  });

  it('imports a pasted image as bytes and inserts it', async () => {
    const { backend, editor } = await open();
    const data = vi.spyOn(backend, 'importPhotoData');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'cau-rong.jpg', { type: 'image/png' });
    const event = { clipboardData: { files: [file], getData: () => '' }, preventDefault: () => undefined } as unknown as ClipboardEvent;
    const view = editor.body.view;
    expect(view.someProp('handlePaste', (f) => f(view, event, view.state.doc.slice(0, 0)))).toBe(true);
    await settle();
    expect(data).toHaveBeenCalledWith('cau-rong.jpg', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), editor.articleId);
    expect(figures(editor)).toHaveLength(1);
  });

  it('imports chosen files a few at a time and keeps their order', async () => {
    const { backend } = await open();
    const real = backend.importPhotoData.bind(backend);
    let inFlight = 0;
    let most = 0;
    vi.spyOn(backend, 'importPhotoData').mockImplementation(async (name, bytes, articleId) => {
      most = Math.max(most, ++inFlight);
      // The first file is the slowest: order must still be the chosen order.
      await new Promise((r) => setTimeout(r, name === 'cau-rong.jpg' ? 30 : 5));
      inFlight--;
      return real(name, bytes, articleId);
    });
    const { PhotoImporter } = await import('./photo-importer.svelte');
    const importer = new PhotoImporter(backend, (await backend.listArticles({ limit: 1, offset: 0 }))[0]!.id);
    // Different bytes each: the same bytes would be one photo (stored once).
    const files = ['cau-rong.jpg', 'cho-han.heic', 'xss.jpg'].map((n, i) => new File([new Uint8Array([1, 2, i])], n));
    const items = await importer.importFiles(files);
    expect(most).toBeGreaterThan(1);
    expect(items.map((m) => m.original_name)).toEqual(['cau-rong.jpg', 'cho-han.heic', 'xss.jpg']);
  });

  it('shows captions and credits from files as text only', async () => {
    const { backend } = await open();
    backend.dropFiles(['/a/xss.jpg']);
    await settle();
    $('#photos-toggle').click();
    await settle();
    expect($('.photo-item .photo-caption').textContent).toBe(XSS);
    expect(document.querySelector('img[onerror]')).toBeNull();
    expect(document.querySelector('#editor-view')!.querySelector('figcaption')!.textContent).toBe(XSS);
  });
});

describe('photo panel', () => {
  it('is on screen only while its switch is pressed, one side panel at a time', async () => {
    const { editor } = await open();
    const toggle = $('#photos-toggle');
    expect([toggle.getAttribute('aria-pressed'), document.querySelector('#photos-panel')]).toEqual(['false', null]);
    toggle.click();
    flushSync();
    expect([toggle.getAttribute('aria-pressed'), editor.sidePanel, !!document.querySelector('#photos-panel')]).toEqual(['true', 'photos', true]);
    expect(document.querySelector('#details-panel')).toBeNull();
    await settle();
    expect($('#photos-panel .panel-status').textContent).toBe('Bài chưa có ảnh. Kéo ảnh vào đây hoặc bấm “Thêm ảnh”.');
    editor.togglePanel('details');
    flushSync();
    expect([toggle.getAttribute('aria-pressed'), document.querySelector('#photos-panel')]).toEqual(['false', null]);
  });

  it('sets and removes the featured image through autosave', async () => {
    const { backend, editor, article } = await open();
    backend.photos.importOne('/a/cau-rong.jpg', article.id);
    $('#photos-toggle').click();
    await settle();
    const spy = vi.spyOn(backend, 'updateArticle');
    $('.photo-item .photo-feature').click();
    flushSync();
    expect($('.photo-item').dataset.featured).toBe('true');
    await editor.flush();
    expect((spy.mock.calls[0]![1] as ArticleChanges).featured_media_id).toBe(1);
    expect((await backend.getArticle(article.id)).featured_media_id).toBe(1);
    $('.photo-item .photo-feature').click();
    await editor.flush();
    expect((spy.mock.calls[1]![1] as ArticleChanges).featured_media_id).toBe(0);
    expect((await backend.getArticle(article.id)).featured_media_id).toBeNull();
  });

  it('finds a library photo without diacritics and inserts it on click', async () => {
    const { backend, editor, article } = await open();
    backend.photos.importOne('/a/cau-rong.jpg', null);
    backend.photos.importOne('/a/cho-han.heic', null);
    $('#photos-toggle').click();
    flushSync();
    const search = $<HTMLInputElement>('#photo-search');
    search.value = 'cau rong';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    const results = [...document.querySelectorAll<HTMLElement>('.photo-result')];
    expect(results.map((r) => r.dataset.mediaId)).toEqual(['1']);
    results[0]!.click();
    await settle();
    expect(figures(editor).map((f) => f.attrs!.media_id)).toEqual([1]);
    expect((await backend.articleMedia(article.id)).map((m) => m.id)).toEqual([1]);
  });
});

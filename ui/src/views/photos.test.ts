import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../bindings/Article';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { PmNode } from '../bindings/PmNode';
import { AppError, type ArticleChanges } from '../backend/backend';
import { MemoryBackend } from '../backend/memory';
import type { PhotoFixture } from '../backend/memory-photos';
import { setLocale } from '../i18n';
import { destroyApps, openInEditor } from '../app/testing';
import type { ArticleEditor } from '../editor/article-editor.svelte';
import { PhotoSettingsSection } from './photo-settings';

const XSS = '<img src=x onerror=alert(1)>';
const FIXTURES: Record<string, PhotoFixture> = {
  'cau-rong.jpg': { caption: 'Cầu Rồng phun lửa', credit: 'Ảnh: Minh Châu', width: 6000, height: 4000 },
  'cho-han.heic': { caption: '', credit: '', by_line: 'Lê Hùng' },
  'xss.jpg': { caption: XSS, credit: XSS },
};
const fixture = (file: string): PhotoFixture => {
  const name = file.split('/').pop()!;
  return FIXTURES[name] ?? { code: 'invalid_media', message: `${name}: tệp không phải ảnh.` };
};

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  setLocale('vi');
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
}

async function open(body?: PmNode): Promise<{ backend: MemoryBackend; editor: ArticleEditor; article: Article }> {
  const backend = new MemoryBackend({ photoFixture: fixture });
  const article = await backend.createArticle({ headline: 'Đà Nẵng', sapo: '', section: '', keywords: [], byline: '', dateline: '', body });
  const { editor } = await openInEditor(backend, article.id);
  return { backend, editor, article };
}

const figures = (editor: ArticleEditor) => (editor.body.toJSON().content ?? []).filter((n) => n.type === 'figure');
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** A complete figure or one lacking alt text, for photo `id`. */
const figure = (id: number, alt: string): PmNode => ({
  type: 'figure',
  attrs: { media_id: id, credit: 'Ảnh: A', alt, crop: null, rotation: 0 },
  content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Chú thích' }] }],
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
    const { PhotoImporter } = await import('./photo-import');
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
  it('sets and removes the featured image through autosave', async () => {
    const { backend, editor, article } = await open();
    backend.photos.importOne('/a/cau-rong.jpg', article.id);
    $('#photos-toggle').click();
    await settle();
    const spy = vi.spyOn(backend, 'updateArticle');
    $('.photo-item .photo-feature').click();
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

describe('submitting with figures', () => {
  it('blocks "Chờ duyệt" while a figure is incomplete, shows the list and keeps the status', async () => {
    const { backend, editor, article } = await open();
    backend.photos.importOne('/a/cau-rong.jpg', null);
    backend.photos.importOne('/a/cho-han.heic', null);
    editor.body.setDoc({ type: 'doc', content: [figure(1, 'Cầu Rồng'), figure(2, '')] });
    const spy = vi.spyOn(backend, 'updateArticle');
    const status = $<HTMLSelectElement>('#status');
    status.value = 'submitted';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    expect(status.value).toBe('draft');
    expect($('#figure-check').hidden).toBe(false);
    expect([...document.querySelectorAll('.figure-check-item')].map((i) => i.textContent)).toEqual(['Ảnh 2: thiếu mô tả ảnh']);
    await editor.flush();
    expect(spy).not.toHaveBeenCalled();
    expect(document.querySelector('#editor-view')!.querySelectorAll('figure.figure-incomplete')).toHaveLength(1);

    const alt = document.querySelector('#editor-view')!.querySelectorAll<HTMLInputElement>('.figure-alt')[1]!;
    alt.value = 'Chợ Hàn buổi sáng';
    alt.dispatchEvent(new Event('input', { bubbles: true }));
    status.value = 'submitted';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.flush();
    expect((await backend.getArticle(article.id)).status).toBe('submitted');
  });

  it('handles Rust refusing with incomplete_figures: status back, list shown, other edits saved', async () => {
    const { backend, editor, article } = await open();
    const message = 'Trước khi gửi duyệt, mỗi ảnh cần có chú thích, tác giả ảnh và mô tả thay thế (ảnh số 1).';
    const real = backend.updateArticle.bind(backend);
    vi.spyOn(backend, 'updateArticle').mockImplementation((id, patch) =>
      patch.status === 'submitted' ? Promise.reject(new AppError('incomplete_figures', message)) : real(id, patch),
    );
    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Tít mới';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    const status = $<HTMLSelectElement>('#status');
    status.value = 'submitted';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await editor.flush();
    await editor.flush();
    expect(status.value).toBe('draft');
    expect($('#figure-check').hidden).toBe(false);
    expect($('.figure-check-title').textContent).toBe(message);
    expect(await backend.getArticle(article.id)).toMatchObject({ headline: 'Tít mới', status: 'draft' });
    expect($('#save-state').dataset.state).toBe('saved');
  });
});

describe('photo settings', () => {
  it('loads and saves the web long edge and quality', async () => {
    const backend = new MemoryBackend();
    const section = new PhotoSettingsSection(backend);
    document.body.appendChild(section.element);
    await section.load();
    const edge = $<HTMLInputElement>('#photo-web-long-edge');
    expect([edge.value, $<HTMLInputElement>('#photo-web-quality').value]).toEqual(['1600', '82']);
    edge.value = '2048';
    edge.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(await backend.getPhotoSettings()).toEqual({ web_long_edge: 2048, web_quality: 82, thumb_long_edge: 320 });
    edge.value = '5';
    edge.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(edge.value).toBe('2048');
  });
});

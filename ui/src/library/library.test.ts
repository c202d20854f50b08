import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, destroyApps } from '../app/testing';
import type { NewArticle } from '../bindings/NewArticle';
import { MemoryBackend } from '../backend/memory';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const XSS = '<img src=x onerror=alert(1)>';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
});

describe('Library', () => {
  it('renders rows newest first with status labels and Vietnam times', async () => {
    const backend = new MemoryBackend({ now: () => Date.parse('2011-03-03T09:46:00Z') });
    const a = await backend.createArticle({ ...blank, headline: 'Bài thứ nhất', section: 'Bản tin Pháp luật' });
    const b = await backend.createArticle({ ...blank, headline: 'Bài thứ hai' });
    const { app } = await bootApp(backend);
    const opened: number[] = [];
    app.openArticle = async (id) => void opened.push(id);
    const rows = [...document.querySelectorAll<HTMLElement>('.article-row')];
    expect(rows.map((r) => r.dataset.id)).toEqual([String(b.id), String(a.id)]);
    expect(rows[1]!.querySelector('.row-headline')!.textContent).toBe('Bài thứ nhất');
    expect(rows[1]!.querySelector('.row-section')!.textContent).toBe('Bản tin Pháp luật');
    expect(rows[1]!.querySelector('.row-status')!.textContent).toBe('Nháp');
    expect(rows[1]!.querySelector('.row-time')!.textContent).toBe('16:46 03/03/2011');

    rows[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    rows[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(opened).toEqual([b.id, a.id]);
  });

  it('shows the rows at start without waiting for the shelf counts or the author filter', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài đã xoá' });
    await backend.createArticle({ ...blank, headline: 'Bài còn lại', byline: 'Lan Anh' });
    await backend.moveToTrash([a.id]);
    // Both answers held back until the test lets them through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const counts = backend.shelfCounts.bind(backend);
    const authors = backend.listAuthors.bind(backend);
    backend.shelfCounts = async () => held.then(counts);
    backend.listAuthors = async () => held.then(authors);
    await bootApp(backend);
    flushSync();
    expect([...document.querySelectorAll('.article-row .row-headline')].map((h) => h.textContent)).toEqual(['Bài còn lại']);
    expect(document.querySelector('#trash-count')).toBeNull();
    release();
    await vi.waitFor(() => expect(document.querySelector('#trash-count')?.textContent).toBe('1'));
  });

  it('shows article text as text, never as HTML', async () => {
    const backend = new MemoryBackend();
    await backend.createArticle({ ...blank, headline: XSS, section: '<b>x</b>' });
    await bootApp(backend);
    const headline = document.querySelector('.article-row .row-headline')!;
    expect(headline.textContent).toBe(XSS);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.row-section b')).toBeNull();
  });

  it('searches without diacritics and highlights hits with <mark>', async () => {
    vi.useFakeTimers();
    const backend = new MemoryBackend();
    await backend.createArticle({ ...blank, headline: 'Quận Dương Kinh ra quân' });
    await backend.createArticle({ ...blank, headline: 'Tin khác' });
    await bootApp(backend);
    const search = document.querySelector<HTMLInputElement>('#search')!;
    search.value = 'duong kinh';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(200);
    const rows = document.querySelectorAll('.article-row');
    expect(rows).toHaveLength(1);
    expect([...rows[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Dương', 'Kinh']);
  });

  it('shows an empty state at the top, with the next step', async () => {
    const mounted = await bootApp(new MemoryBackend());
    flushSync();
    const message = document.querySelector<HTMLElement>('.list-message')!;
    expect(message.classList.contains('list-empty')).toBe(true);
    expect(message.compareDocumentPosition(document.querySelector('.article-list')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(message.textContent).toContain('Bài mới');
    expect(document.querySelector<HTMLElement>('.list-columns')!.hidden).toBe(true);
    document.querySelector<HTMLButtonElement>('#empty-new')!.click();
    // The first editor in a run loads its code: give it time.
    await vi.waitFor(() => expect(mounted.app.editor).not.toBeNull(), { timeout: 4000 });
  });

  it('says when a search finds nothing, and clears it in one click', async () => {
    const backend = new MemoryBackend();
    await backend.createArticle({ headline: 'Bão số 3', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    await bootApp(backend);
    const search = document.querySelector<HTMLInputElement>('#search')!;
    search.value = 'lũ quét';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(document.querySelector('.list-message')?.textContent).toContain('Không tìm thấy bài nào khớp với “lũ quét”'));
    document.querySelector<HTMLButtonElement>('#clear-search')!.click();
    await vi.waitFor(() => expect(document.querySelectorAll('.article-row')).toHaveLength(1));
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
  });
});


describe('Library columns', () => {
  const rowIds = () => [...document.querySelectorAll<HTMLElement>('.article-row')].map((r) => Number(r.dataset.id));

  it('sorts by a column head, the other way on a second click, and filters by author', async () => {
    const backend = new MemoryBackend();
    const make = (headline: string, byline: string) => backend.createArticle({ ...blank, headline, byline });
    const a = await make('Đà Nẵng mưa to', 'Trần Bình');
    const b = await make('An Giang mùa nước nổi', 'Lê An');
    const c = await make('Ăn Tết ở Huế', 'Trần Bình');
    await bootApp(backend);
    await vi.waitFor(() => expect(rowIds()).toEqual([c.id, b.id, a.id]));
    expect([...document.querySelectorAll('.row-author')].map((r) => r.textContent)).toEqual(['Trần Bình', 'Lê An', 'Trần Bình']);

    document.querySelector<HTMLButtonElement>('#sort-headline')!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([b.id, c.id, a.id]));
    expect(document.querySelector('#sort-headline')!.getAttribute('aria-pressed')).toBe('true');
    document.querySelector<HTMLButtonElement>('#sort-headline')!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id, c.id, b.id]));

    const filter = document.querySelector<HTMLSelectElement>('#author-filter')!;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['Mọi tác giả', 'Lê An', 'Trần Bình']);
    filter.value = 'Trần Bình';
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id, c.id]));
  });

  it('Delete puts the row in the trash with an undo; the trash tab restores and empties it', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Bài một' });
    const b = await backend.createArticle({ ...blank, headline: 'Bài hai' });
    await bootApp(backend);
    const rowIds = () => [...document.querySelectorAll<HTMLElement>('.article-row')].map((r) => Number(r.dataset.id));
    const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();
    expect(rowIds()).toEqual([b.id, a.id]);

    const row = document.querySelector<HTMLElement>(`.article-row[data-id="${b.id}"]`)!;
    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id]));
    expect(document.querySelector('#notice')!.textContent).toContain('Đã chuyển 1 bài vào thùng rác.');
    expect(document.querySelector('#trash-count')!.textContent).toBe('1');
    await vi.waitFor(() => expect(document.activeElement).toBe(document.querySelector(`.article-row[data-id="${a.id}"]`)));

    click('#notice-action'); // Hoàn tác
    await vi.waitFor(() => expect(rowIds()).toEqual([b.id, a.id]));
    expect(document.querySelector('#trash-count')).toBeNull();

    document.querySelector<HTMLElement>(`.article-row[data-id="${a.id}"] .row-trash`)!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([b.id]));
    click('#home-trash');
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id]));
    expect(document.querySelector('#home-trash')!.getAttribute('aria-selected')).toBe('true');

    click('#empty-trash');
    flushSync();
    expect(document.querySelector('#empty-trash-question')!.textContent).toBe('Xoá vĩnh viễn 1 bài trong thùng rác? Không thể hoàn tác.');
    click('#empty-trash-confirm');
    await vi.waitFor(() => expect(rowIds()).toEqual([]));
    expect(document.querySelector('.list-message')!.textContent).toContain('Thùng rác trống.');
    await expect(backend.getArticle(a.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await backend.getArticle(b.id)).headline).toBe('Bài hai');
  });

  it('archiving takes an article out of the daily list and the archive tab brings it back', async () => {
    const backend = new MemoryBackend();
    const a = await backend.createArticle({ ...blank, headline: 'Tin cũ' });
    await bootApp(backend);
    const rowIds = () => [...document.querySelectorAll<HTMLElement>('.article-row')].map((r) => Number(r.dataset.id));
    document.querySelector<HTMLElement>(`.article-row[data-id="${a.id}"] .row-archive`)!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([]));
    document.querySelector<HTMLElement>('#home-archived')!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id]));
    document.querySelector<HTMLElement>(`.article-row[data-id="${a.id}"] .row-unarchive`)!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([]));
    expect(document.querySelector('.list-message')!.textContent).toContain('Chưa có bài nào được lưu trữ.');
    document.querySelector<HTMLElement>('#home-all')!.click();
    await vi.waitFor(() => expect(rowIds()).toEqual([a.id]));
  });
});

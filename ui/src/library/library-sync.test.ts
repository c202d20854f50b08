// The library's publishing side: each row's sync badge, and pulling posts for review.
import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, destroyApps } from '../app/testing';
import { $, backendWithSite, blank, settle, XSS } from '../sync/testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

describe('Library: badges and pull for review', () => {
  it('shows each article’s publishing badge with an accessible label, updated on sync-changed', async () => {
    const { backend } = await backendWithSite();
    const endpoint = (await backend.listEndpoints())[0]!;
    const a = await backend.createArticle({ ...blank, headline: XSS });
    await backend.createArticle({ ...blank, headline: 'Chưa gửi' });
    await backend.sendArticle(a.id, null, endpoint.id);
    await bootApp(backend);
    await settle();
    const row = $(`.article-row[data-id="${a.id}"]`);
    expect(row.querySelector('.row-headline')!.textContent).toBe(XSS);
    const syncBadge = row.querySelector<HTMLElement>('.sync-badge')!;
    expect(syncBadge.textContent).toBe('Đăng bài: Đang chờ');
    expect(syncBadge.querySelector('.sr-only')!.textContent).toBe('Đăng bài: ');
    expect(syncBadge.title).toBe('Đang chờ — Báo điện tử');
    expect(syncBadge.classList.contains('sync-pending')).toBe(true);
    expect(document.querySelectorAll('.sync-badge')).toHaveLength(1);
    await backend.sync.runOutbox();
    await settle();
    expect(row.querySelector('.sync-badge')!.textContent).toBe('Đăng bài: Đã đồng bộ');
    expect(document.querySelector('img')).toBeNull();

    const select = $<HTMLSelectElement>('#locale-select');
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(row.querySelector('.sync-badge')!.textContent).toBe('Publishing: Synced');
    expect($('#pull-open').textContent).toBe('Pull articles');
  });

  it('asks for the badges of the rows it shows, not of every article ever sent', async () => {
    const { backend } = await backendWithSite();
    const endpoint = (await backend.listEndpoints())[0]!;
    const oldest = await backend.createArticle({ ...blank, headline: 'Bài cũ nhất' });
    for (let i = 0; i < 60; i++) await backend.createArticle({ ...blank, headline: `Bài ${i}` });
    const newest = await backend.createArticle({ ...blank, headline: 'Bài mới nhất' });
    await backend.sendArticle(oldest.id, null, endpoint.id);
    await backend.sendArticle(newest.id, null, endpoint.id);
    const asked: number[][] = [];
    const articleSyncs = backend.articleSyncs.bind(backend);
    backend.articleSyncs = (ids) => {
      asked.push([...ids]);
      return articleSyncs(ids);
    };
    await bootApp(backend);
    await settle();
    const shown = () => [...document.querySelectorAll<HTMLElement>('.article-row')].map((r) => Number(r.dataset.id));
    expect(shown()).toHaveLength(50);
    expect(asked).toEqual([shown()]);
    expect($(`.article-row[data-id="${newest.id}"] .sync-badge`).textContent).toBe('Đăng bài: Đang chờ');

    $('#load-more').click();
    await settle();
    expect(shown()).toHaveLength(62);
    expect(asked[1]).toEqual(shown().slice(50));
    expect($(`.article-row[data-id="${oldest.id}"] .sync-badge`).textContent).toBe('Đăng bài: Đang chờ');
    expect($(`.article-row[data-id="${newest.id}"] .sync-badge`).textContent).toBe('Đăng bài: Đang chờ');

    // A change of state refreshes the badges of every row loaded, and of those only.
    await backend.sync.runOutbox();
    await settle();
    expect(asked.at(-1)!.sort()).toEqual(shown().sort());
    expect($(`.article-row[data-id="${oldest.id}"] .sync-badge`).textContent).toBe('Đăng bài: Đã đồng bộ');
  });

  it('pulls posts for review: progress, a summary, the list refreshed', async () => {
    const { backend, site } = await backendWithSite();
    site.filePost('Bài cộng tác viên gửi', 'Sapo', ['Đoạn một.']);
    site.filePost(XSS, '', [], 'draft');
    await bootApp(backend);
    $<HTMLButtonElement>('#pull-open').click();
    await settle();
    expect($('#pull-dialog').hidden).toBe(false);
    expect($<HTMLSelectElement>('#pull-endpoint').selectedOptions[0]!.textContent).toBe('Báo điện tử');
    expect($<HTMLInputElement>('#pull-status-pending').checked).toBe(true);
    const progress: string[] = [];
    new MutationObserver(() => progress.push($('#pull-status').textContent ?? '')).observe($('#pull-status'), { childList: true, characterData: true, subtree: true });
    $<HTMLButtonElement>('#pull-start').click();
    await settle();
    expect(progress).toContain('Đang lấy bài 1/2…');
    expect($('#pull-status').textContent).toBe('Đã lấy bài về: 2 mới, 0 cập nhật, 0 không đổi, 0 xung đột.');
    const rows = [...document.querySelectorAll('.article-row')];
    expect(rows.map((r) => r.querySelector('.row-headline')!.textContent)).toEqual([XSS, 'Bài cộng tác viên gửi']);
    expect(rows.map((r) => r.querySelector('.row-status .badge')!.textContent)).toEqual(['Nháp', 'Chờ duyệt']);
    expect(rows.map((r) => r.querySelector('.sync-badge-text')!.textContent)).toEqual(['Đã đồng bộ', 'Đã đồng bộ']);
    expect(document.querySelector('img')).toBeNull();

    $<HTMLButtonElement>('#pull-start').click();
    await settle();
    expect($('#pull-status').textContent).toBe('Đã lấy bài về: 0 mới, 0 cập nhật, 2 không đổi, 0 xung đột.');
  });

  it('pulls nothing without a status, and says when the site refuses', async () => {
    const { backend, site } = await backendWithSite();
    await bootApp(backend);
    $<HTMLButtonElement>('#pull-open').click();
    await settle();
    $<HTMLInputElement>('#pull-status-pending').click();
    $<HTMLInputElement>('#pull-status-draft').click();
    $<HTMLButtonElement>('#pull-start').click();
    await settle();
    expect($('#pull-status').textContent).toBe('Chọn ít nhất một loại bài.');
    $<HTMLInputElement>('#pull-status-pending').click();
    site.down = true;
    $<HTMLButtonElement>('#pull-start').click();
    await settle();
    expect($('#pull-status').textContent).toContain('Không lấy được bài: Không kết nối được tới trang');
  });
});

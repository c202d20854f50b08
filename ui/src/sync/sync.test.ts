// Publishing from the editor: Gửi, the badge and strip, the sync conflict side by side, the top bar's progress.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps } from '../app/testing';
import { MemoryBackend } from '../backend/memory';
import { I18n } from '../i18n';
import { sendLinksToBrowser } from '../app/links';
import { SyncActivity } from './sync-activity.svelte';
import { $, backendWithSite, blank, openInApp, settle, type, XSS } from './testing';

let stopLinks: (() => void) | null = null;

afterEach(() => {
  destroyApps();
  stopLinks?.();
  stopLinks = null;
  document.body.textContent = '';
});

const badge = () => document.querySelector('#sync-badge .sync-badge-text')?.textContent ?? null;

describe('Gửi in the editor', () => {
  it('saves the pending edit in the same call, queues, then shows Đang chờ → Đang gửi → Đã đồng bộ live', async () => {
    const { backend } = await backendWithSite();
    const { article } = await openInApp(backend, { ...blank, headline: 'Bài' });
    expect(badge()).toBeNull();
    expect($('#sync-endpoint').hidden).toBe(true);
    type('#sapo', 'Sapo gõ xong gửi luôn');
    $<HTMLButtonElement>('#sync-send').click();
    await settle();
    expect(badge()).toBe('Đang chờ');
    const stored = await backend.getArticle(article.id);
    expect(stored).toMatchObject({ sapo: 'Sapo gõ xong gửi luôn', version: 2 });
    // One save: no second autosave of the same edit, no version conflict.
    expect((await backend.listRevisions(article.id)).map((r) => r.reason)).toEqual(['edited', 'created']);
    expect($('#save-state').dataset.state).toBe('saved');

    const run = backend.sync.runOutbox();
    flushSync();
    expect($('#sync-progress').hidden).toBe(false);
    expect($('#sync-progress').textContent).toBe('Đang gửi 1/1…');
    expect($('#sync-progress').getAttribute('aria-live')).toBe('polite');
    expect(badge()).toBe('Đang gửi');
    await run;
    await settle();
    expect(badge()).toBe('Đã đồng bộ');
    expect($('#sync-progress').hidden).toBe(true);
    const link = $<HTMLAnchorElement>('#sync-view');
    expect(link.textContent).toBe('Xem trên trang');
    const [sync] = await backend.articleSyncs([article.id]);
    expect(link.getAttribute('href')).toBe(sync!.link);

    // The link opens in the system browser (the page's link interception), never in the window.
    stopLinks = sendLinksToBrowser(document, (url) => backend.openLink(url));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(backend.openedLinks).toEqual([sync!.link]);

    type('#headline', 'Bài đã sửa');
    await new Promise((r) => setTimeout(r, 600));
    await settle();
    await backend.sync.runOutbox(); // nothing queued: nothing sent
    expect((await backend.articleSyncs([article.id]))[0]!.badge).toBe('changed');
    expect(badge()).toBe('Đã sửa');
  });

  it('sends with Ctrl+Enter, from the body too, to the site chosen in the picker', async () => {
    const { backend } = await backendWithSite(['Báo in', 'Báo điện tử']);
    const { article } = await openInApp(backend, { ...blank, headline: 'Bài' });
    const picker = $<HTMLSelectElement>('#sync-endpoint');
    expect(picker.hidden).toBe(false);
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Báo điện tử', 'Báo in']);
    picker.value = picker.options[1]!.value;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    $('#body .ProseMirror').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    const [sync] = await backend.articleSyncs([article.id]);
    expect(sync).toMatchObject({ badge: 'pending', endpoint_name: 'Báo in' });
    // The body was not given a line break by Ctrl+Enter.
    expect((await backend.getArticle(article.id)).body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('says there is no site yet instead of sending', async () => {
    const backend = new MemoryBackend({ manualWorker: true });
    await openInApp(backend, { ...blank, headline: 'Bài' });
    expect($<HTMLButtonElement>('#sync-send').disabled).toBe(true);
    expect($('#sync-send').title).toContain('Cài đặt → Đăng bài');
  });

  it('shows an error with its reason, "Thử lại" sends again, and a failure is a notice', async () => {
    const { backend, site } = await backendWithSite();
    await openInApp(backend, { ...blank, headline: XSS });
    site.failures.push({ code: 'remote_refused', message: `Trang từ chối yêu cầu: ${XSS}` });
    $<HTMLButtonElement>('#sync-send').click();
    await settle();
    await backend.sync.runOutbox();
    await settle();
    expect(badge()).toBe('Lỗi');
    expect($('#sync-strip .sync-reason-text').textContent).toBe(`Trang từ chối yêu cầu: ${XSS}`);
    expect($('#notice').hidden).toBe(false);
    expect($('#notice').textContent).toBe(`Không gửi được “${XSS}”: mở bài để xem lý do.`);
    expect(document.querySelector('img')).toBeNull();
    $<HTMLButtonElement>('#sync-retry').click();
    await settle();
    expect(badge()).toBe('Đang chờ');
    await backend.sync.runOutbox();
    await settle();
    expect(badge()).toBe('Đã đồng bộ');
  });

  it('shows a retry time and the reason while the site is down', async () => {
    const { backend, site } = await backendWithSite();
    await openInApp(backend, { ...blank, headline: 'Bài' });
    site.down = true;
    $<HTMLButtonElement>('#sync-send').click();
    await settle();
    await backend.sync.runOutbox();
    await settle();
    expect(badge()).toBe('Đang chờ');
    expect($('#sync-strip .sync-next').textContent).toMatch(/^Thử lại lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect($('#sync-strip').textContent).toContain('Không kết nối được tới trang');
  });
});

describe('Conflict view', () => {
  async function inConflict(remoteHeadline: string) {
    const { backend, site } = await backendWithSite();
    const { article, app } = await openInApp(backend, { ...blank, headline: 'Tít gốc', sapo: 'Sapo' });
    $<HTMLButtonElement>('#sync-send').click();
    await settle();
    await backend.sync.runOutbox();
    const remoteId = (await backend.articleSyncs([article.id]))[0]!.remote_id!;
    site.editPost(remoteId, { headline: remoteHeadline });
    type('#headline', 'Tít ở đây');
    $<HTMLButtonElement>('#sync-send').click();
    await settle();
    await backend.sync.runOutbox();
    await settle();
    expect(badge()).toBe('Xung đột');
    expect($('#notice').textContent).toContain('cũng đã được sửa trên trang');
    $<HTMLButtonElement>('#sync-conflict').click();
    await settle();
    return { backend, article, app };
  }

  it('shows each side as text and keeps the version here', async () => {
    const { backend, article } = await inConflict(XSS);
    const view = $('#conflict-view');
    expect(view.hidden).toBe(false);
    expect(view.getAttribute('role')).toBe('dialog');
    const hunk = view.querySelector('.conflict-hunk')!;
    expect(hunk.querySelector('legend')!.textContent).toBe('Chỗ 1: Tít');
    expect(hunk.querySelector('.side-base .side-text')!.textContent).toBe('Tít gốc');
    expect(hunk.querySelector('.side-local .side-text')!.textContent).toBe('Tít ở đây');
    expect(hunk.querySelector('.side-remote .side-text')!.textContent).toBe(XSS);
    expect(document.querySelector('img')).toBeNull();
    // Keyboard: the first choice has focus; Áp dụng waits for every place to be decided.
    expect(document.activeElement).toBe($('#conflict-0-local'));
    expect($<HTMLButtonElement>('#conflict-apply').disabled).toBe(true);
    expect(view.querySelector('.conflict-remaining')!.textContent).toBe('Còn 1 chỗ chưa chọn.');
    const local = $<HTMLInputElement>('#conflict-0-local');
    local.checked = true;
    local.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    expect(view.hidden).toBe(true);
    expect((await backend.getArticle(article.id)).headline).toBe('Tít ở đây');
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít ở đây');
    expect(badge()).toBe('Đã đồng bộ');
  });

  it('takes the site’s version, and the editor shows it', async () => {
    const { backend, article } = await inConflict('Tít trên trang');
    $<HTMLButtonElement>('#conflict-all-remote').click();
    flushSync();
    expect($<HTMLInputElement>('#conflict-0-remote').checked).toBe(true);
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    const stored = await backend.getArticle(article.id);
    expect(stored.headline).toBe('Tít trên trang');
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít trên trang');
    expect(badge()).toBe('Đã đồng bộ');
    // The site's text was kept as a revision before the choice.
    expect((await backend.listRevisions(article.id)).map((r) => r.reason)).toContain('remote_copy');
  });

  it('closes with Escape without deciding', async () => {
    await inConflict('Tít trên trang');
    $('#conflict-0-local').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect($('#conflict-view').hidden).toBe(true);
    expect(badge()).toBe('Xung đột');
  });
});

describe('Top bar progress', () => {
  it('counts jobs as the worker sends, goes away when it falls quiet, and reports failures', () => {
    vi.useFakeTimers();
    try {
      const notices: string[] = [];
      const activity = new SyncActivity((m) => notices.push(m), new I18n('vi'));
      const at = (done: number, phase: string, headline = 'Tin') => activity.update({ article_id: 1, headline, done, total: 3, phase });
      at(0, 'sending');
      expect(activity.sending).toEqual({ done: 1, total: 3 });
      at(1, 'sent');
      at(1, 'sending');
      expect(activity.sending).toEqual({ done: 2, total: 3 });
      at(2, 'failed', XSS);
      expect(notices).toEqual([`Không gửi được “${XSS}”: mở bài để xem lý do.`]);
      // The third job waits for a person (a conflict): the worker says nothing more.
      expect(activity.sending).not.toBeNull();
      vi.advanceTimersByTime(1000);
      expect(activity.sending).toBeNull();
      at(0, 'sending');
      at(3, 'sent');
      expect(activity.sending).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});


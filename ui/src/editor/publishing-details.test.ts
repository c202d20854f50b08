// The article details publishing needs: the publication time, and WordPress blocks kept as they came.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps } from '../app/testing';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { $, backendWithSite, blank, openInApp, settle, type } from '../sync/testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

describe('Editor details for publishing', () => {
  it('asks for the publication time of a scheduled article in Vietnam time and stores UTC', async () => {
    const { backend } = await backendWithSite();
    const { app, article } = await openInApp(backend, { ...blank, headline: 'Hẹn giờ' });
    for (const to of ['submitted', 'in_review'] as const) await backend.changeStatus(article.id, { to });
    await backend.changeStatus(article.id, { to: 'approved', override_note: 'Tin ngắn' });
    await app.showLibrary();
    await app.openArticle(article.id);
    const field = $('.field-scheduled');
    expect(field.hidden).toBe(true);
    const step = await vi.waitFor(() => document.querySelector<HTMLButtonElement>('#step-scheduled') ?? Promise.reject(new Error('no steps yet')));
    step.click();
    flushSync();
    const input = $<HTMLInputElement>('#step-time');
    expect(input.type).toBe('datetime-local');
    input.value = '2027-01-15T08:00';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const override = await vi.waitFor(() => document.querySelector<HTMLTextAreaElement>('#step-override') ?? Promise.reject(new Error('no checklist yet')));
    override.value = 'Tin ngắn, không cần sapo';
    override.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    $<HTMLButtonElement>('#step-confirm').click();
    await vi.waitFor(() => expect($('#status').dataset.status).toBe('scheduled'));
    expect(field.hidden).toBe(false);
    expect(await backend.getArticle(article.id)).toMatchObject({ status: 'scheduled', scheduled_at: '2027-01-15T01:00:00.000Z' });
    expect($<HTMLInputElement>('#scheduled-at').value).toBe('2027-01-15T08:00');
    await app.showLibrary();
    await app.openArticle(article.id);
    expect($<HTMLInputElement>('#scheduled-at').value).toBe('2027-01-15T08:00');
  });

  it('shows a kept WordPress block read-only, keeps it through edits, relabels it', async () => {
    const gallery = '<!-- wp:gallery -->\n<figure class="wp-block-gallery"><img src="x" onerror="alert(1)"></figure>\n<!-- /wp:gallery -->';
    const body: PmNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trước.' }] }, { type: 'raw_block', attrs: { html: gallery } }],
    };
    const backend = new MemoryBackend({ manualWorker: true });
    const { app, article } = await openInApp(backend, { ...blank, headline: 'Ảnh', body });
    const block = $('#body .raw-block');
    expect(block.textContent).toBe('Khối WordPress giữ nguyên (chỉ đọc): core/gallery');
    expect(block.getAttribute('contenteditable')).toBe('false');
    expect(document.querySelector('#body img, #body figure')).toBeNull();
    expect($('#count-body').textContent).toBe('1 tiếng · 6 ký tự');
    type('#sapo', 'Sapo mới');
    await app.flush();
    expect((await backend.getArticle(article.id)).body).toEqual(body);
    const select = $<HTMLSelectElement>('#locale-select');
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect($('#body .raw-block').textContent).toBe('WordPress block kept as is (read-only): core/gallery');
    expect($('#sync-send').textContent).toBe('Send');
    await app.flush();
    expect((await backend.getArticle(article.id)).body).toEqual(body);
    // The history preview names the block in the interface language too, never showing its HTML.
    $<HTMLButtonElement>('#history-toggle').click();
    await settle();
    $<HTMLButtonElement>('.revision-item').click();
    await settle();
    expect($('.revision-preview .raw-block').textContent).toBe('WordPress block kept as is (read-only): core/gallery');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Nhân bản bài', () => {
  it('saves what is typed, then opens a new draft with the same text', async () => {
    const backend = new MemoryBackend();
    const { app, article } = await openInApp(backend, { ...blank, headline: 'Bão số 3', section: 'Thời sự' });
    type('#sapo', 'Gió giật cấp 12.');
    $<HTMLButtonElement>('#duplicate-article').click();
    await vi.waitFor(() => expect(app.editor?.articleId).not.toBe(article.id));
    const copy = await backend.getArticle(app.editor!.articleId);
    expect(copy).toMatchObject({ headline: 'Bão số 3 (bản sao)', sapo: 'Gió giật cấp 12.', section: 'Thời sự', status: 'draft' });
    expect((await backend.getArticle(article.id)).sapo).toBe('Gió giật cấp 12.');
    expect(app.notices.current?.message).toBe('Đã nhân bản: đây là bản sao (bản nháp mới).');
  });
});

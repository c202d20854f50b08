// "Xem trước": the typed article as a reader sees it, in a frame that cannot run script.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, destroyApps } from '../app/testing';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { $, blank, openInApp, settle, type, XSS } from '../sync/testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

const body: PmNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn một.' }] },
    { type: 'raw_block', attrs: { html: '<!-- wp:html --><script>steal()</script><!-- /wp:html -->' } },
  ],
};

const key = (key: string, init: KeyboardEventInit = {}) =>
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

describe('Reader preview', () => {
  it('saves what was typed, shows it in a sandboxed frame, prints, and closes back to its button', async () => {
    const backend = new MemoryBackend({ manualWorker: true });
    const created = await backend.createArticle({ ...blank, headline: 'Tít cũ', sapo: 'Sapo', byline: 'Minh Châu', body });
    const article = await backend.updateArticle(created.id, { base_version: created.version, editor_note: 'Ghi chú nội bộ' });
    await backend.setLastArticle(article.id);
    await bootApp(backend);
    await settle();
    type('#headline', `Tít mới ${XSS}`);
    const opener = $<HTMLButtonElement>('#preview-open');
    expect(opener.textContent).toBe('Xem trước');
    opener.focus();
    opener.click();
    await settle();
    flushSync();

    const dialog = $('#preview-view');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect($(`#${dialog.getAttribute('aria-labelledby')}`).textContent).toBe('Xem trước');
    expect(document.activeElement).toBe($('#preview-print'));
    expect((await backend.getArticle(article.id)).headline).toBe(`Tít mới ${XSS}`);

    const frame = $<HTMLIFrameElement>('#preview-frame');
    const sandbox = frame.getAttribute('sandbox')!.split(/\s+/);
    expect(sandbox).toContain('allow-same-origin');
    expect(sandbox).not.toContain('allow-scripts');
    const html = frame.getAttribute('srcdoc')!;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Tít mới &lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('<p>Đoạn một.</p>');
    expect(html).toContain('Minh Châu');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('steal()');
    expect(html).not.toContain('Ghi chú nội bộ');

    const print = vi.fn();
    frame.contentWindow!.print = print;
    $<HTMLButtonElement>('#preview-print').click();
    expect(print).toHaveBeenCalledTimes(1);

    // Tab stays in the dialog: from the frame (its last stop) Shift+Tab comes back to "Đóng".
    $<HTMLButtonElement>('#preview-print').focus();
    key('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(frame);

    $<HTMLButtonElement>('#preview-close').focus();
    key('Escape');
    flushSync();
    expect(document.querySelector('#preview-view')).toBeNull();
    await settle();
    expect(document.activeElement).toBe(opener);

    // The close button closes it too.
    opener.click();
    await settle();
    flushSync();
    $<HTMLButtonElement>('#preview-close').click();
    flushSync();
    expect(document.querySelector('#preview-view')).toBeNull();
    await settle();
    expect(document.activeElement).toBe(opener);
  });

  it('says why when the page cannot be made, and stays closed', async () => {
    const backend = new MemoryBackend({ manualWorker: true });
    await openInApp(backend, { ...blank, headline: 'Tít' });
    backend.previewArticle = async () => Promise.reject({ code: 'io', message: 'Ổ đĩa lỗi' });
    $<HTMLButtonElement>('#preview-open').click();
    await settle();
    flushSync();
    expect(document.querySelector('#preview-view')).toBeNull();
    expect(document.body.textContent).toContain('Không xem trước được: Ổ đĩa lỗi');
  });
});

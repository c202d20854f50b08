// The checks' screen parts: the switch and its count, the field markers, the panel's way to a
// headline finding, the popup's keyboard use and placement, and the top-bar notice.
import { TextSelection } from 'prosemirror-state';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckInput } from '../bindings/CheckInput';
import { MemoryBackend } from '../backend/memory';
import type { FakeFinding } from '../backend/memory-checks';
import { destroyApps, openInEditor } from '../app/testing';
import { findingById } from './findings-plugin';
import { placePopup } from './finding-popup.svelte';
import { NOTICE_MS } from './transient-notice.svelte';
import { drawUnderlines, fakeTextLayout, pointAt, underlinedText, unfakeTextLayout } from './testing-layout';

const WORD = 'ngiêng';

/** One spelling finding per "ngiêng", in every text. */
function fakeChecker(input: CheckInput): FakeFinding[] {
  const texts: Array<[FakeFinding['field'], number, string]> = [
    ['headline', 0, input.headline],
    ['sapo', 0, input.sapo],
    ...input.blocks.map((b, i): ['body', number, string] => ['body', i, b]),
    ...input.captions.map((c, i): ['caption', number, string] => ['caption', i, c]),
  ];
  return texts.flatMap(([field, block, text]) => {
    const at = text.indexOf(WORD);
    if (at === -1) return [];
    const start = [...text.slice(0, at)].length;
    return [{ field, block, kind: 'spelling', start, end: start + WORD.length, text: WORD, message: `Sai: ${WORD}`, suggestions: ['nghiêng'] }];
  });
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

beforeEach(fakeTextLayout);

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
  unfakeTextLayout();
});

async function open(headline: string, body: string) {
  vi.useFakeTimers();
  const backend = new MemoryBackend({ checker: fakeChecker });
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] };
  const article = await backend.createArticle({ headline, sapo: '', section: '', keywords: [], byline: '', dateline: '', body: doc });
  const opened = await openInEditor(backend, article.id);
  await vi.advanceTimersByTimeAsync(10);
  return { ...opened, pm: opened.editor.body.view };
}

describe('the checks switch and the field markers', () => {
  it('counts the findings, opens the panel in place of the details, and closes it again', async () => {
    await open(`Tít ${WORD}`, `Tường ${WORD}`);
    const toggle = $('#checks-toggle');
    expect(toggle.querySelector<HTMLElement>('.checks-badge')!.hidden).toBe(false);
    expect(toggle.querySelector('.checks-badge')!.textContent).toBe('2');
    expect($('#details-panel')).not.toBeNull();
    toggle.click();
    flushSync();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect($('#checks-panel')).not.toBeNull();
    expect($('#details-panel')).toBeNull();
    toggle.click();
    flushSync();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect($('#checks-panel')).toBeNull();
  });

  it('a marker opens the panel; a headline finding there selects its characters', async () => {
    await open(`Tít ${WORD} mới`, 'Nội dung');
    expect($('#findings-sapo').hidden).toBe(true);
    const marker = $('#findings-headline');
    expect(marker.dataset.kinds).toBe('spelling');
    expect(marker.getAttribute('aria-label')).toBe('1 điểm cần xem');
    marker.click();
    flushSync();
    $('#checks-panel .check-finding[data-field="headline"]').click();
    flushSync();
    const headline = $<HTMLTextAreaElement>('#headline');
    expect(document.activeElement).toBe(headline);
    expect(headline.value.slice(headline.selectionStart, headline.selectionEnd)).toBe(WORD);
    expect($('#finding-popup').hidden).toBe(false);
    expect($('#finding-popup').dataset.kind).toBe('spelling');
  });
});

describe('figure captions', () => {
  it('are sent with the body, underlined in the caption, listed in the panel and fixed from the popup', async () => {
    vi.useFakeTimers();
    const backend = new MemoryBackend({ checker: fakeChecker });
    const figure = (caption: string) => ({
      type: 'figure',
      attrs: { media_id: 3, credit: 'TTXVN', alt: 'Ảnh' },
      content: [{ type: 'figcaption', content: [{ type: 'text', text: caption }] }],
    });
    const doc = {
      type: 'doc',
      content: [figure('Toàn cảnh'), { type: 'paragraph', content: [{ type: 'text', text: 'Nội dung' }] }, figure(`Cột điện ${WORD} sau bão`)],
    };
    const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '', body: doc });
    const { editor } = await openInEditor(backend, article.id);
    await vi.advanceTimersByTimeAsync(10);
    expect(backend.checks.checkInputs.at(-1)!.captions).toEqual(['Toàn cảnh', `Cột điện ${WORD} sau bão`]);
    await drawUnderlines();
    const pm = editor.body.view;
    const underline = $('#body .finding-layer .finding');
    expect(underlinedText(pm, underline)).toBe(WORD);
    $('#checks-toggle').click();
    flushSync();
    const row = $('#checks-panel .check-finding[data-field="caption"]');
    expect(row.querySelector('.check-field')!.textContent).toBe('Chú thích ảnh');
    // The popup from the underline, as a reporter meets it (jsdom cannot scroll the view to it).
    pointAt(pm, underline);
    flushSync();
    expect($('#finding-popup').hidden).toBe(false);
    $<HTMLButtonElement>('#finding-popup .quick-fix').click();
    flushSync();
    const captions = [...editor.body.view.dom.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions).toEqual(['Toàn cảnh', 'Cột điện nghiêng sau bão']);
  });
});

describe('the finding popup', () => {
  it('Alt+Enter opens it with the focus on its first fix; Escape closes it and gives the focus back', async () => {
    const { pm } = await open('Tít', `Tường ${WORD}`);
    await drawUnderlines();
    const at = findingById(pm.state, $('#body .finding-layer .finding').dataset.findingId!)!;
    pm.dispatch(pm.state.tr.setSelection(TextSelection.create(pm.state.doc, at.from + 1)));
    pm.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    const popup = $('#finding-popup');
    expect(popup.hidden).toBe(false);
    expect(document.activeElement).toBe(popup.querySelector('.quick-fix'));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(popup.hidden).toBe(true);
    expect(document.activeElement).toBe(pm.dom);
  });

  it('closes on a click elsewhere, not on a click inside it', async () => {
    const { pm } = await open('Tít', `Tường ${WORD}`);
    await drawUnderlines();
    pointAt(pm, $('#body .finding-layer .finding'), 'click');
    flushSync();
    const popup = $('#finding-popup');
    expect(popup.hidden).toBe(false);
    popup.querySelector('.finding-message')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    flushSync();
    expect(popup.hidden).toBe(false);
    $('#headline').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    flushSync();
    expect(popup.hidden).toBe(true);
  });

  it('stays inside the window: below its text, above when there is no room, clamped at the edges', () => {
    const window = { top: 0, bottom: 600, width: 800 };
    const popup = { width: 300, height: 120 };
    expect(placePopup({ left: 100, top: 50, bottom: 70 }, popup, window)).toEqual({ left: 100, top: 74 });
    expect(placePopup({ left: 700, top: 550, bottom: 570 }, popup, window)).toEqual({ left: 496, top: 426 });
    expect(placePopup({ left: -20, top: 10, bottom: 590 }, popup, window)).toEqual({ left: 4, top: 476 });
  });
});

describe('the editor notice', () => {
  it('follows a language switch and goes by itself', async () => {
    const { editor, app } = await open('Tít', `Tường ${WORD}`);
    editor.checks.notice.say('checks.fixed', { count: 2 });
    flushSync();
    const notice = $('#editor-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('Đã sửa 2 chỗ.');
    app.i18n.set('en');
    flushSync();
    expect(notice.textContent).toBe('Fixed 2.');
    await vi.advanceTimersByTimeAsync(NOTICE_MS);
    expect(notice.hidden).toBe(true);
    expect(notice.textContent).toBe('');
  });
});

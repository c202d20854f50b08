// The finding popup in the window: placed by its word inside the writing area (never over the
// editor's bars), following the word as the column scrolls, closed by Escape from the text,
// used from the keyboard, and opened from the panel only once its word is in view.
// jsdom has no layout: the column, the word and the popup get their boxes from the test.
import { TextSelection } from 'prosemirror-state';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryBackend } from '../backend/memory';
import type { MemoryCheckOptions } from '../backend/memory-checks';
import { destroyApps, openInEditor } from '../app/testing';
import { findingById } from './findings-plugin';
import { placePopup } from './finding-popup.svelte';
import { drawUnderlines, fakeTextLayout, pointAt, unfakeTextLayout } from './testing-layout';

const WORD = 'ngiêng';
const POPUP = { width: 300, height: 160 };
/** The writing column: below the top bar and the workflow bar (90 px), to the window's bottom. */
const COLUMN = { top: 90, bottom: 600, left: 0, right: 800 };

/** One spelling finding per "ngiêng" in the body, with two suggestions. */
const fakeChecker: NonNullable<MemoryCheckOptions['checker']> = (input) =>
  input.blocks.flatMap((text, block) => {
    const at = text.indexOf(WORD);
    if (at === -1) return [];
    const start = [...text.slice(0, at)].length;
    const end = start + WORD.length;
    return [{ field: 'body', block, kind: 'spelling', start, end, text: WORD, message: `Sai: ${WORD}`, suggestions: ['nghiêng', 'nghiến'] }];
  });

type Box = { left: number; top: number; bottom: number; right: number };
const rect = ({ left, top, right, bottom }: Box): DOMRect => {
  const r = { left, top, right, bottom, x: left, y: top, width: right - left, height: bottom - top };
  return { ...r, toJSON: () => r } as DOMRect;
};

/** Where the word is on screen now (the test moves it to "scroll"); how often it was asked. */
let word: Box;
let asked = 0;
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
/** The body's one underline (drawn in the layer over the text). */
const underline = () => $('#body .finding-layer .finding');
const popupBox = () => ({ left: parseFloat($('#finding-popup').style.left), top: parseFloat($('#finding-popup').style.top) });

// The app loads its editor lazily; load it here, so the first test's time is its own.
beforeAll(async () => {
  await Promise.all([import('../editor/article-editor.svelte'), import('../editor/Editor.svelte')]);
});

beforeEach(() => {
  word = { left: 100, top: 300, bottom: 320, right: 160 };
  asked = 0;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.matches('.editor-scroll')) return rect(COLUMN);
    if (this.matches('.finding-piece')) {
      asked++;
      return rect(word);
    }
    return rect({ left: 0, top: 0, right: 0, bottom: 0 });
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.id === 'finding-popup' ? POPUP.width : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.id === 'finding-popup' ? POPUP.height : 0;
  });
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 800 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, writable: true, value: 600 });
  fakeTextLayout();
});

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.restoreAllMocks();
  unfakeTextLayout();
  vi.useRealTimers();
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 1024 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, writable: true, value: 768 });
});

async function open(body = `Tường ${WORD} đổ`) {
  vi.useFakeTimers();
  const backend = new MemoryBackend({ checker: fakeChecker });
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] };
  const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '', body: doc });
  const opened = await openInEditor(backend, article.id);
  await vi.advanceTimersByTimeAsync(10);
  await drawUnderlines();
  return { ...opened, pm: opened.editor.body.view };
}

/** The column scrolled (several events in one frame), then a frame went by. */
async function scrollTo(box: Box): Promise<void> {
  word = box;
  for (let i = 0; i < 3; i++) $('.editor-scroll').dispatchEvent(new Event('scroll'));
  await vi.advanceTimersByTimeAsync(20);
  flushSync();
}

describe('the finding popup in the window', () => {
  it('opens below its word, or above it at the bottom of the window, inside the window on the right', async () => {
    const { pm } = await open();
    pointAt(pm, underline(), 'click');
    flushSync();
    expect($('#finding-popup').hidden).toBe(false);
    expect(popupBox()).toEqual({ left: 100, top: 324 });
    $('#headline').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    flushSync();

    word = { left: 700, top: 560, bottom: 580, right: 760 };
    pointAt(pm, underline(), 'click');
    flushSync();
    // Above the word (560 − 4 − 160) and pulled left so all 300 px are in the 800 px window.
    expect(popupBox()).toEqual({ left: 496, top: 396 });
  });

  it('never covers the bars at the top: with room on neither side it stays below them', () => {
    const area = { top: COLUMN.top, bottom: 300, width: 800 };
    expect(placePopup({ left: 10, top: 200, bottom: 220 }, POPUP, area)).toEqual({ left: 10, top: 94 });
    // Room below wins when it is larger; the popup is pulled up only as far as the bars.
    expect(placePopup({ left: 10, top: 120, bottom: 140 }, POPUP, area)).toEqual({ left: 10, top: 136 });
    expect(placePopup({ left: 10, top: 95, bottom: 115 }, POPUP, { ...area, bottom: 600 })).toEqual({ left: 10, top: 119 });
  });

  it('follows its word as the column scrolls, once a frame, and closes when the word goes under the bars', async () => {
    const { pm } = await open();
    pointAt(pm, underline(), 'click');
    flushSync();
    expect(popupBox().top).toBe(324);
    const before = asked;
    await scrollTo({ left: 100, top: 250, bottom: 270, right: 160 });
    expect(asked - before).toBe(1);
    expect(popupBox()).toEqual({ left: 100, top: 274 });
    // Resizing the window places it again too.
    word = { left: 100, top: 500, bottom: 520, right: 160 };
    window.dispatchEvent(new Event('resize'));
    await vi.advanceTimersByTimeAsync(20);
    flushSync();
    expect(popupBox().top).toBe(500 - 4 - POPUP.height);
    await scrollTo({ left: 100, top: 40, bottom: 60, right: 160 });
    expect($('#finding-popup').hidden).toBe(true);
  });

  it('closes on Escape typed in the text, which keeps the focus and the cursor', async () => {
    const { pm } = await open();
    const at = findingById(pm.state, underline().dataset.findingId!)!;
    pm.focus();
    pm.dispatch(pm.state.tr.setSelection(TextSelection.create(pm.state.doc, at.from + 1)));
    flushSync();
    expect($('#finding-popup').hidden).toBe(false);
    const selection = pm.state.selection;
    // keyCode as browsers send it: ProseMirror swallows Escape (27) by its code.
    pm.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true, cancelable: true }));
    flushSync();
    expect($('#finding-popup').hidden).toBe(true);
    expect(document.activeElement).toBe(pm.dom);
    // Escape only closed the popup: it did not select the paragraph as the editor's Escape does.
    expect(pm.state.selection.eq(selection)).toBe(true);
  });

  it('moves between its buttons with the arrow keys (round), and Enter applies the suggestion picked', async () => {
    const { pm } = await open();
    const at = findingById(pm.state, underline().dataset.findingId!)!;
    pm.dispatch(pm.state.tr.setSelection(TextSelection.create(pm.state.doc, at.from + 1)));
    pm.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    const popup = $('#finding-popup');
    const focused = () => (document.activeElement as HTMLElement).textContent!.trim();
    const press = (key: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    expect(focused()).toBe('nghiêng');
    press('ArrowRight');
    expect(focused()).toBe('nghiến');
    press('ArrowLeft');
    press('ArrowUp');
    expect(document.activeElement).toBe(popup.querySelector('.ignore-finding'));
    press('Home');
    expect(focused()).toBe('nghiêng');
    press('ArrowDown');
    press('Enter');
    flushSync();
    expect(pm.state.doc.textContent).toBe('Tường nghiến đổ');
    expect(popup.hidden).toBe(true);
    expect(document.activeElement).toBe(pm.dom);
  });

  it('opened from the panel, brings its word to the middle of the column first, then opens by it', async () => {
    await open();
    const scrolled: Array<{ element: Element; options: unknown; popupHidden: boolean }> = [];
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: Element, options: unknown) {
        scrolled.push({ element: this, options, popupHidden: $('#finding-popup').hidden });
        word = { left: 100, top: 340, bottom: 360, right: 160 };
      },
    });
    try {
      $('#checks-toggle').click();
      flushSync();
      $('#checks-panel .check-finding[data-field="body"]').click();
      flushSync();
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0]!.element).toBe(underline().querySelector('.finding-piece'));
    expect(scrolled[0]!.options).toEqual({ block: 'center' });
    expect(scrolled[0]!.popupHidden).toBe(true);
    expect($('#finding-popup').hidden).toBe(false);
    // Placed by the word where the scroll left it.
    expect(popupBox()).toEqual({ left: 100, top: 364 });
  });
});

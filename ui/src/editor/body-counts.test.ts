// The body's counts under the field follow typing once it pauses, and now and then while it goes on.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps, openInEditor } from '../app/testing';
import { MemoryBackend } from '../backend/memory';
import { COUNTS_LATEST_MS, COUNTS_PAUSE_MS } from './article-editor.svelte';

afterEach(() => {
  destroyApps();
  vi.useRealTimers();
  document.body.textContent = '';
});

const shown = () => document.querySelector('#count-body')!.textContent;

async function open() {
  vi.useFakeTimers();
  const backend = new MemoryBackend();
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hai tiếng' }] }] };
  const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '', body });
  const { editor } = await openInEditor(backend, article.id);
  await vi.advanceTimersByTimeAsync(10);
  const view = editor.body.view;
  /** One key, as the keyboard types it at the end of the body. */
  const key = (text: string) => {
    view.dispatch(view.state.tr.insertText(text, view.state.doc.content.size - 1));
    flushSync();
  };
  return { key };
}

describe("the body's counts", () => {
  it('show the new total once typing pauses, not at every key', async () => {
    const { key } = await open();
    expect(shown()).toBe('2 tiếng · 9 ký tự');
    for (const ch of ' mới') {
      key(ch);
      await vi.advanceTimersByTimeAsync(COUNTS_PAUSE_MS / 3);
    }
    expect(shown()).toBe('2 tiếng · 9 ký tự');
    await vi.advanceTimersByTimeAsync(COUNTS_PAUSE_MS);
    flushSync();
    expect(shown()).toBe('3 tiếng · 13 ký tự');
  });

  it('follow typing that never pauses at least every few seconds', async () => {
    const { key } = await open();
    const step = COUNTS_PAUSE_MS / 2;
    let typed = 0;
    for (let t = 0; t < COUNTS_LATEST_MS + step; t += step) {
      key('a');
      typed++;
      await vi.advanceTimersByTimeAsync(step);
    }
    flushSync();
    const chars = Number(/(\d+) ký tự/.exec(shown()!)![1]);
    expect(chars).toBeGreaterThan(9);
    expect(chars).toBeLessThanOrEqual(9 + typed);
  });
});

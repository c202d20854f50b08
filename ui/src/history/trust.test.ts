// History people can trust: revisions numbered as the top bar counts them, a bulk fix as a
// revision of its own, and a restore that asks first and can be undone.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps, openInEditor } from '../app/testing';
import type { CheckInput } from '../bindings/CheckInput';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { RevisionMark } from '../bindings/RevisionMark';
import { MemoryBackend } from '../backend/memory';
import type { FakeFinding } from '../backend/memory-checks';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const $$ = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
const doc = (...paragraphs: string[]): PmNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

afterEach(() => {
  vi.useRealTimers();
  destroyApps();
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

function type(selector: string, value: string): void {
  const field = $<HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const topBar = () => $('.version-label').textContent;
/** "Khôi phục" on the revision shown, then confirmed. */
async function restoreShown(): Promise<void> {
  $<HTMLButtonElement>('.restore-revision').click();
  flushSync();
  $<HTMLButtonElement>('.confirm-restore').click();
  await settle();
}
const openHistory = async () => {
  $<HTMLButtonElement>('#history-toggle').click();
  await settle();
};

/** In the body, "ngiêng" is misspelt ("nghiêng") and "hoà" is in the other tone style ("hòa"). */
const RULES = [
  ['ngiêng', 'spelling', 'nghiêng'],
  ['hoà', 'tone-style', 'hòa'],
] as const;
const checker = (input: CheckInput): FakeFinding[] =>
  input.blocks.flatMap((text, block) =>
    RULES.flatMap(([needle, kind, fix]) =>
      [...text.matchAll(new RegExp(needle, 'g'))].map((m) => ({
        field: 'body' as const,
        block,
        kind,
        start: m.index,
        end: m.index + needle.length,
        text: needle,
        message: needle,
        suggestions: [fix],
      })),
    ),
  );

const checkedBackend = () => new MemoryBackend({ checker, toneStyle: (s) => s.replaceAll('hoà', 'hòa') });

describe('Revision numbers', () => {
  it('number the revisions oldest first; the top bar shows the one the article is at, not the save counter', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Một' });
    const two = await backend.updateArticle(article.id, { base_version: article.version, headline: 'Hai' });
    await backend.changeStatus(article.id, { to: 'submitted' });
    // Text that lost a conflict is kept in the history, but the article is not at it.
    await backend.keepUnsavedCopy(article.id, { base_version: two.version, headline: 'Chưa lưu' });
    const { editor } = await openInEditor(backend, article.id);
    await settle();
    const listed = await backend.listRevisions(article.id);
    const at = listed.length - 1;
    expect(topBar()).toBe(`Bản ${at}`);

    await openHistory();
    const numbers = $$('.revision-item .revision-number').map((n) => n.textContent);
    expect(numbers).toEqual(listed.map((r) => `Bản ${r.number}`));
    expect(listed.map((r) => r.number)).toEqual([...listed.keys()].map((i) => listed.length - i));
    // A workflow step is not a revision: it has no number.
    expect($$('.history-step').length).toBe(1);
    expect($$('.history-step .revision-number')).toEqual([]);

    // A save that starts a new revision moves the top bar and the open list with it.
    type('#headline', 'Ba');
    await editor.flush();
    await settle();
    expect(topBar()).toBe(`Bản ${listed.length + 1}`);
    expect($$('.revision-item .revision-number')[0]!.textContent).toBe(`Bản ${listed.length + 1}`);
  });

  it('asks where the article is only when a save may have left the open revision', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const openUntil = new Date(Date.now() + 60_000).toISOString();
    class BurstBackend extends MemoryBackend {
      marks = 0;
      override async revisionMark(articleId: number): Promise<RevisionMark> {
        this.marks++;
        return { ...(await super.revisionMark(articleId)), open_until: openUntil };
      }
    }
    const backend = new BurstBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít' });
    const { editor } = await openInEditor(backend, article.id);
    await settle();
    const asked = backend.marks;
    for (const headline of ['Tít 1', 'Tít 12', 'Tít 123']) {
      type('#headline', headline);
      await editor.flush();
    }
    expect(backend.marks).toBe(asked);

    // Five minutes on, the burst has closed: the next save may be a new revision.
    vi.setSystemTime(Date.parse(openUntil) + 1);
    type('#headline', 'Tít 1234');
    await editor.flush();
    await settle();
    expect(backend.marks).toBe(asked + 1);
    expect(topBar()).toBe('Bản 5');
  });
});

describe('A bulk fix', () => {
  it('"Sửa tất cả" saves what was typed first, then the fix as a revision of its own', async () => {
    const backend = checkedBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít', body: doc('Tường ngiêng.', 'Cột ngiêng.') });
    const { editor } = await openInEditor(backend, article.id);
    await settle();
    type('#headline', 'Tít gõ dở');
    $<HTMLButtonElement>('#checks-toggle').click();
    flushSync();
    $<HTMLButtonElement>('.fix-all[data-kind="spelling"]').click();
    await settle();

    const [fix, typed, created] = await backend.listRevisions(article.id);
    expect([fix!.reason, typed!.reason, created!.reason]).toEqual(['bulk_fix', 'edited', 'created']);
    expect((await backend.getRevision(typed!.id)).content).toMatchObject({ headline: 'Tít gõ dở', body: doc('Tường ngiêng.', 'Cột ngiêng.') });
    expect((await backend.getRevision(fix!.id)).content).toMatchObject({ headline: 'Tít gõ dở', body: doc('Tường nghiêng.', 'Cột nghiêng.') });
    expect(topBar()).toBe(`Bản ${fix!.number}`);

    // Typing after it is a new revision, and the history says what the fix was.
    type('#headline', 'Tít xong');
    await editor.flush();
    expect((await backend.listRevisions(article.id)).map((r) => r.reason)).toEqual(['edited', 'bulk_fix', 'edited', 'created']);
    await openHistory();
    expect($$('.revision-reason').map((r) => r.textContent)).toContain('Sửa hàng loạt');

    // Restoring the revision before the fix undoes exactly the fix.
    $<HTMLButtonElement>(`.revision-item[data-revision-id="${typed!.id}"]`).click();
    await settle();
    await restoreShown();
    expect(await backend.getArticle(article.id)).toMatchObject({ headline: 'Tít gõ dở', body: doc('Tường ngiêng.', 'Cột ngiêng.') });
  });

  it('"Sửa kiểu bỏ dấu" is a revision of its own too', async () => {
    const backend = checkedBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít', body: doc('Hoà bình, hoà hợp.') });
    const { editor } = await openInEditor(backend, article.id);
    await settle();
    type('#sapo', 'Sapo hoà');
    $<HTMLButtonElement>('#checks-toggle').click();
    flushSync();
    $<HTMLButtonElement>('.fix-all[data-kind="tone-style"]').click();
    await settle();
    await editor.flush();

    const [fix, typed] = await backend.listRevisions(article.id);
    expect([fix!.reason, typed!.reason]).toEqual(['bulk_fix', 'edited']);
    expect((await backend.getRevision(typed!.id)).content).toMatchObject({ sapo: 'Sapo hoà', body: doc('Hoà bình, hoà hợp.') });
    expect((await backend.getRevision(fix!.id)).content).toMatchObject({ sapo: 'Sapo hòa', body: doc('Hoà bình, hòa hợp.') });
  });
});

describe('Restore', () => {
  async function restoredArticle() {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít cũ', body: doc('Đoạn cũ.') });
    await backend.updateArticle(article.id, { base_version: article.version, headline: 'Tít mới', body: doc('Đoạn mới.') });
    const opened = await openInEditor(backend, article.id);
    await openHistory();
    [...document.querySelectorAll<HTMLButtonElement>('.revision-item')].at(-1)!.click();
    await settle();
    return { backend, article, ...opened };
  }

  it('asks first, inline, and "Huỷ" leaves the article as it is', async () => {
    const { backend, article } = await restoredArticle();
    $<HTMLButtonElement>('.restore-revision').click();
    flushSync();
    expect($('.restore-confirm #restore-question').textContent).toBe('Khôi phục bản 1?');
    expect(document.activeElement).toBe($('.confirm-restore'));
    expect(document.querySelector('.restore-revision')).toBeNull();
    $<HTMLButtonElement>('.cancel-restore').click();
    await settle();
    expect(document.querySelector('.restore-confirm')).toBeNull();
    expect((await backend.getArticle(article.id)).headline).toBe('Tít mới');
    expect(await backend.listRevisions(article.id)).toHaveLength(2);
  });

  it('"Hoàn tác" puts back the article as it was before the restore', async () => {
    const { backend, article, editor } = await restoredArticle();
    await restoreShown();
    expect(await backend.getArticle(article.id)).toMatchObject({ headline: 'Tít cũ', body: doc('Đoạn cũ.') });
    expect(topBar()).toBe('Bản 4');

    $<HTMLButtonElement>('.undo-restore').click();
    await settle();
    expect(await backend.getArticle(article.id)).toMatchObject({ headline: 'Tít mới', body: doc('Đoạn mới.') });
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Tít mới');
    expect(editor.body.toJSON()).toEqual(doc('Đoạn mới.'));
    expect($('#history-panel .panel-status').textContent).toBe('Đã hoàn tác: bài trở lại như trước khi khôi phục.');
    expect(document.querySelector('.undo-restore')).toBeNull();
    expect(topBar()).toBe('Bản 6');
  });

  it('Ctrl+Z in the body right after a restore takes the body back, and that is saved', async () => {
    const { backend, article, editor } = await restoredArticle();
    await restoreShown();
    expect(editor.body.toJSON()).toEqual(doc('Đoạn cũ.'));

    const pm = editor.body.view;
    pm.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(editor.body.toJSON()).toEqual(doc('Đoạn mới.'));
    await editor.flush();
    expect((await backend.getArticle(article.id)).body).toEqual(doc('Đoạn mới.'));
  });
});

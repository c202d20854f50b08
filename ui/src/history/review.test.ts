// The history panel's workflow steps, and "Xem thay đổi": what changed, kept or undone.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { destroyApps, openInEditor } from '../app/testing';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { StatusChange } from '../bindings/StatusChange';
import { MemoryBackend } from '../backend/memory';
import { formatVietnamTime } from '../text/time';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const $$ = <T extends HTMLElement = HTMLElement>(selector: string): T[] => [...document.querySelectorAll<T>(selector)];
const doc = (...paragraphs: string[]): PmNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const step = (to: StatusChange['to'], extra: Partial<StatusChange> = {}): StatusChange => ({ to, note: '', override_note: '', ...extra });

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

/** A library whose clock moves a minute per call, from 09:00 02/12/2026 Vietnam time. */
function desk() {
  let minute = 0;
  return new MemoryBackend({ now: () => Date.UTC(2026, 11, 2, 2, minute++) });
}

/** An article handed in by An, then edited: "lớn" became "to" in the second paragraph. */
async function handedInAndEdited(backend: MemoryBackend) {
  await backend.setUser({ name: 'An', role: 'reporter' });
  const created = await backend.createArticle({ ...blank, headline: 'Mưa lớn', section: 'Thời sự', body: doc('Đoạn một.', 'Mưa lớn ở Hà Nội.', 'Đoạn ba.') });
  const submitted = await backend.changeStatus(created.id, step('submitted'));
  await backend.setUser({ name: 'Minh', role: 'editor' });
  const taken = await backend.changeStatus(created.id, step('in_review'));
  await backend.updateArticle(created.id, { base_version: taken.version, body: doc('Đoạn một.', 'Mưa to ở Hà Nội.', 'Đoạn ba.') });
  return submitted;
}

async function openHistory(backend: MemoryBackend, id: number) {
  const opened = await openInEditor(backend, id);
  $<HTMLButtonElement>('#history-toggle').click();
  await settle();
  return opened;
}

async function openReview(): Promise<void> {
  $<HTMLButtonElement>('#history-what-changed').click();
  await settle();
}

describe('History: workflow steps', () => {
  it('lists the steps among the revisions, newest first, with who, the note and what was overridden', async () => {
    const backend = desk();
    await backend.setUser({ name: 'An', role: 'reporter' });
    const article = await backend.createArticle({ ...blank, headline: 'Bão số 3' });
    await backend.changeStatus(article.id, step('submitted'));
    await backend.setUser({ name: 'Minh', role: 'editor' });
    await backend.changeStatus(article.id, step('in_review'));
    await backend.changeStatus(article.id, step('returned', { note: 'Thiếu nguồn ở đoạn 2.\nGọi lại cho sở.' }));
    await backend.setUser({ name: 'An', role: 'reporter' });
    await backend.changeStatus(article.id, step('submitted'));
    await backend.setUser({ name: 'Minh', role: 'editor' });
    await backend.changeStatus(article.id, step('in_review'));
    await backend.changeStatus(article.id, step('approved', { override_note: 'Sapo viết sau.' }));
    await openHistory(backend, article.id);

    const steps = $$('.history-step');
    expect(steps.map((s) => s.querySelector('.step-line')!.textContent)).toEqual([
      'Minh (biên tập viên): Đang biên tập → Đã duyệt',
      'Minh (biên tập viên): Chờ duyệt → Đang biên tập',
      'An (phóng viên): Trả lại → Chờ duyệt',
      'Minh (biên tập viên): Đang biên tập → Trả lại',
      'Minh (biên tập viên): Chờ duyệt → Đang biên tập',
      'An (phóng viên): Nháp → Chờ duyệt',
    ]);
    const returned = steps[3]!;
    expect(returned.querySelector('.step-note')!.textContent).toBe('Thiếu nguồn ở đoạn 2.\nGọi lại cho sở.');
    const returnedAt = (await backend.listTransitions(article.id)).find((t) => t.to === 'returned')!.at;
    expect(returned.querySelector('.revision-time')!.textContent).toBe(formatVietnamTime(returnedAt));
    expect(formatVietnamTime(returnedAt)).toMatch(/^09:\d\d 02\/12\/2026$/);
    expect(steps[0]!.querySelector('.step-overridden')!.textContent).toBe('Duyệt khi còn mục chưa đạt: sapo, chuyên mục');
    expect(steps[0]!.querySelector('.step-note')!.textContent).toBe('Sapo viết sau.');
    expect(steps[1]!.querySelector('.step-overridden')).toBeNull();

    // Newest first throughout, steps and revisions interleaved, the created revision last.
    const items = $$('#history-panel .revision-list > li');
    const times = items.map((i) => i.querySelector('.revision-time')!.textContent!);
    expect(times).toEqual([...times].sort().reverse());
    expect(items.findIndex((i) => i.classList.contains('history-step'))).toBeLessThan(2);
    expect(items.at(-1)!.querySelector('.revision-reason')!.textContent).toBe('Tạo bài');
    // Restoring a revision still works from the same list.
    expect($$('.revision-item').length).toBeGreaterThan(1);
  });
});

describe('History: what changed', () => {
  it('sums up the changes since the article was handed in and shows them word by word', async () => {
    const backend = desk();
    const article = await handedInAndEdited(backend);
    await openHistory(backend, article.id);
    expect($('.since-submitted').textContent).toMatch(/^Có 1 chỗ đổi kể từ lần chuyển bài gần nhất/);
    $<HTMLButtonElement>('.since-submitted-link').click();
    await settle();

    const view = $('#review-view');
    expect(view.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(view);
    expect($<HTMLSelectElement>('#review-from').selectedOptions[0]!.textContent).toBe('Lần chuyển bài gần nhất (gửi duyệt / trả lại)');
    expect($<HTMLSelectElement>('#review-to').selectedOptions[0]!.textContent).toBe('Hiện tại');
    expect($('.review-count').textContent).toBe('1 thay đổi');
    const changed = $('.diff-block[data-block="1"]');
    expect(changed.querySelector('del')!.textContent).toBe('lớn');
    expect(changed.querySelector('del')!.getAttribute('aria-label')).toBe('Xoá: lớn');
    expect(changed.querySelector('ins')!.textContent).toBe('to');
    expect(changed.querySelector('ins')!.getAttribute('aria-label')).toBe('Thêm: to');
    // The old text reads through the deletion, the new through the insertion: nothing added between.
    expect(changed.querySelector('.diff-text')!.textContent).toBe('Mưa lớntoGiữBỏ ở Hà Nội.');
    expect($<HTMLButtonElement>('.keep-change').getAttribute('aria-label')).toBe('Giữ thay đổi: “lớn” thành “to”');

    // The headline is shown dimmed; the unchanged paragraphs are folded until asked for.
    expect($('.diff-headline').classList.contains('unchanged')).toBe(true);
    expect($$('.diff-folded').map((p) => p.textContent)).toEqual(['… 1 đoạn không đổi', '… 1 đoạn không đổi']);
    const showAll = $<HTMLInputElement>('#review-show-all');
    showAll.checked = true;
    showAll.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect($$('.diff-folded')).toEqual([]);
    expect($$('.diff-body .diff-text').map((p) => p.textContent)).toEqual(['Đoạn một.', 'Mưa lớntoGiữBỏ ở Hà Nội.', 'Đoạn ba.']);

    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(document.querySelector('#review-view')).toBeNull();
    expect(document.activeElement).toBe($('#history-what-changed'));
  });

  it('"Bỏ" brings the old word back into the editor, saving what was typed first', async () => {
    const backend = desk();
    const article = await handedInAndEdited(backend);
    const { editor } = await openHistory(backend, article.id);
    const headline = $<HTMLTextAreaElement>('#headline');
    headline.value = 'Mưa lớn kéo dài';
    headline.dispatchEvent(new Event('input', { bubbles: true }));
    await openReview();
    // What was typed is part of "now": the headline's change is there too.
    expect($('.review-count').textContent).toBe('2 thay đổi');

    const undo = $<HTMLButtonElement>('.diff-block[data-block="1"] .undo-change');
    expect(undo.getAttribute('aria-label')).toBe('Bỏ thay đổi, lấy lại chữ cũ: “lớn” thành “to”');
    undo.click();
    await settle();
    const stored = await backend.getArticle(article.id);
    expect(stored.headline).toBe('Mưa lớn kéo dài');
    expect(stored.body).toEqual(doc('Đoạn một.', 'Mưa lớn ở Hà Nội.', 'Đoạn ba.'));
    expect(editor.body.toJSON()).toEqual(stored.body);
    expect(editor.version).toBe(stored.version);
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Mưa lớn kéo dài');
    expect($('.review-status').textContent).toBe('Đã bỏ thay đổi: chữ cũ đã trở lại trong bài.');
    expect($('.review-count').textContent).toBe('1 thay đổi');
    expect(document.querySelector('.diff-block[data-block="1"] del')).toBeNull();
    // The focus goes on to the next change.
    expect(document.activeElement).toBe($('.diff-headline .keep-change'));
  });

  it('"Giữ" marks a change kept and takes its buttons away; "Giữ tất cả" keeps the rest', async () => {
    const backend = desk();
    const article = await handedInAndEdited(backend);
    const stored = await backend.getArticle(article.id);
    await backend.updateArticle(article.id, { base_version: stored.version, headline: 'Mưa to' });
    await openHistory(backend, article.id);
    await openReview();
    expect($('.review-count').textContent).toBe('2 thay đổi');

    $<HTMLButtonElement>('.diff-block[data-block="1"] .keep-change').click();
    await settle();
    const kept = $('.diff-block[data-block="1"] .diff-change');
    expect(kept.classList.contains('kept')).toBe(true);
    expect(kept.querySelector('.change-kept')!.textContent).toBe('Đã giữ');
    expect(kept.querySelector('button')).toBeNull();
    expect($$('.keep-change').length).toBe(1);
    expect((await backend.diffArticle(article.id, null, null)).accepted).toEqual(['body:1:0']);

    $<HTMLButtonElement>('#review-keep-all').click();
    await settle();
    expect($$('.diff-change.kept').length).toBe(2);
    expect($$('.keep-change, .undo-change, #review-keep-all')).toEqual([]);
    // Keeping saves nothing: the article is as it was.
    expect((await backend.getArticle(article.id)).headline).toBe('Mưa to');
  });

  it('compares any two revisions chosen in the selects, without keep or undo', async () => {
    const backend = desk();
    const a = await backend.createArticle({ ...blank, headline: 'Một', body: doc('Chữ đầu.') });
    const b = await backend.updateArticle(a.id, { base_version: a.version, headline: 'Hai' });
    await backend.updateArticle(a.id, { base_version: b.version, headline: 'Ba', body: doc('Chữ cuối.') });
    await openHistory(backend, a.id);
    await openReview();
    // Never handed in: the comparison starts from the first version.
    expect($<HTMLSelectElement>('#review-from').selectedOptions[0]!.textContent).toBe('Bản đầu tiên');

    const [newest, middle, oldest] = await backend.listRevisions(a.id);
    const choose = (id: string, value: number) => {
      const select = $<HTMLSelectElement>(id);
      select.value = String(value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('#review-from', oldest!.id);
    await settle();
    choose('#review-to', middle!.id);
    await settle();
    expect($('.diff-headline del').textContent).toBe('Một');
    expect($('.diff-headline ins').textContent).toBe('Hai');
    expect($$('.diff-body del, .diff-body ins')).toEqual([]);
    expect($('.review-count').textContent).toBe('1 thay đổi');
    expect($$('.keep-change, .undo-change, #review-keep-all')).toEqual([]);

    choose('#review-to', newest!.id);
    await settle();
    expect($('.diff-headline ins').textContent).toBe('Ba');
    expect($('.diff-body ins').textContent).toBe('cuối.');
    expect($('.review-count').textContent).toBe('2 thay đổi');
  });
});

import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryBackend } from '../backend/memory';
import { bootApp, destroyApps, openInEditor } from '../app/testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const steps = () => [...document.querySelectorAll<HTMLButtonElement>('.workflow-steps button')].map((b) => b.textContent?.trim());

async function article(backend: MemoryBackend, fields: { sapo?: string; section?: string } = {}) {
  return backend.createArticle({ headline: 'Giá xăng tăng', sapo: fields.sapo ?? 'Từ 15 giờ.', section: fields.section ?? 'Kinh tế', keywords: [], byline: 'Lan', dateline: '' });
}

async function press(selector: string): Promise<void> {
  const button = await vi.waitFor(() => {
    const b = document.querySelector<HTMLButtonElement>(selector);
    if (!b || b.disabled) throw new Error(`${selector} not ready`);
    return b;
  });
  button.click();
  flushSync();
}

function type(selector: string, text: string): void {
  const field = $<HTMLTextAreaElement | HTMLInputElement>(selector);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('the workflow in the editor', () => {
  it('offers only the steps that follow, and takes one with what was typed saved first', async () => {
    const backend = new MemoryBackend();
    const a = await article(backend);
    const { editor } = await openInEditor(backend, a.id);
    await vi.waitFor(() => expect(steps()).toEqual(['Gửi duyệt']));
    type('#headline', 'Giá xăng tăng lần ba');
    await press('#step-submitted');
    await vi.waitFor(() => expect($('#status').dataset.status).toBe('submitted'));
    expect(await backend.getArticle(a.id)).toMatchObject({ status: 'submitted', headline: 'Giá xăng tăng lần ba' });
    await vi.waitFor(() => expect(steps()).toEqual(['Nhận biên tập', 'Trả lại', 'Rút về nháp']));
    // Typing goes on saving after the step (its version followed the step's).
    type('#headline', 'Giá xăng tăng lần thứ ba');
    await editor.flush();
    expect($('#save-state').dataset.state).toBe('saved');
    expect((await backend.getArticle(a.id)).headline).toBe('Giá xăng tăng lần thứ ba');
  });

  it('returning asks for a note, and Escape leaves everything as it was', async () => {
    const backend = new MemoryBackend();
    const a = await article(backend);
    await backend.changeStatus(a.id, { to: 'submitted' });
    await backend.changeStatus(a.id, { to: 'in_review' });
    await openInEditor(backend, a.id);
    await press('#step-returned');
    const dialog = $('#step-dialog');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe($('#step-note'));
    expect($<HTMLButtonElement>('#step-confirm').disabled).toBe(true);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(document.querySelector('#step-dialog')).toBeNull();
    expect(document.activeElement).toBe($('#step-returned'));
    expect((await backend.getArticle(a.id)).status).toBe('in_review');

    await press('#step-returned');
    type('#step-note', 'Thiếu nguồn ở đoạn 2.');
    await press('#step-confirm');
    await vi.waitFor(() => expect($('#status').dataset.status).toBe('returned'));
    const [, , back] = await backend.listTransitions(a.id);
    expect(back).toMatchObject({ from: 'in_review', to: 'returned', note: 'Thiếu nguồn ở đoạn 2.' });
  });

  it('approving shows the checklist, and open items need a reason that is recorded', async () => {
    const backend = new MemoryBackend();
    const a = await article(backend, { section: '' });
    await backend.changeStatus(a.id, { to: 'submitted' });
    await backend.changeStatus(a.id, { to: 'in_review' });
    await openInEditor(backend, a.id);
    await press('#step-approved');
    await vi.waitFor(() => expect(document.querySelectorAll('.checklist-item')).toHaveLength(6));
    const open = [...document.querySelectorAll<HTMLElement>('.checklist-item.open')].map((i) => i.dataset.key);
    expect(open).toEqual(['section']);
    expect($<HTMLButtonElement>('#step-confirm').disabled).toBe(true);
    type('#step-override', 'Tin nóng, chuyên mục chọn sau.');
    await press('#step-confirm');
    await vi.waitFor(() => expect($('#status').dataset.status).toBe('approved'));
    const last = (await backend.listTransitions(a.id)).at(-1)!;
    expect(last).toMatchObject({ to: 'approved', overridden: ['section'], note: 'Tin nóng, chuyên mục chọn sau.' });
  });

  it('a refused step says why and leaves the status', async () => {
    const backend = new MemoryBackend();
    const a = await article(backend);
    await openInEditor(backend, a.id);
    vi.spyOn(backend, 'changeStatus').mockRejectedValueOnce(
      Object.assign(new Error('x'), { code: 'workflow_refused', message: 'Không thể chuyển bài.' }),
    );
    await press('#step-submitted');
    await vi.waitFor(() => expect($('#workflow-error').textContent).toBe('Không thể chuyển bài.'));
    expect($('#status').dataset.status).toBe('draft');
  });
});

describe('the home screen queue', () => {
  it('starts on the whole library until the user says who they are, then on their queue', async () => {
    const backend = new MemoryBackend();
    const a = await article(backend);
    await backend.changeStatus(a.id, { to: 'submitted' });
    const mounted = await bootApp(backend);
    flushSync();
    expect($('#home-all').getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('#queue-view')).toBeNull();

    mounted.app.toggleSettings(true);
    flushSync();
    type('#user-name', 'Minh');
    $('#user-name').dispatchEvent(new Event('change', { bubbles: true }));
    const role = $<HTMLSelectElement>('#user-role');
    role.value = 'editor';
    role.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect((await backend.getSettings()).user).toEqual({ name: 'Minh', role: 'editor' }));

    $('#home-queue').click();
    flushSync();
    await vi.waitFor(() => expect($('#queue-submitted .queue-count').textContent).toBe('1'));
    expect($('#queue-submitted .queue-headline').textContent).toBe('Giá xăng tăng');
    $('#queue-submitted .queue-item').click();
    await vi.waitFor(() => expect(mounted.app.editor?.articleId).toBe(a.id));
  });

  it('a reporter with a name set opens on their queue: returned articles first', async () => {
    const backend = new MemoryBackend();
    await backend.setUser({ name: 'Lan', role: 'reporter' });
    const a = await article(backend);
    await backend.changeStatus(a.id, { to: 'submitted' });
    await backend.changeStatus(a.id, { to: 'returned', note: 'Viết lại đoạn đầu' });
    await article(backend);
    await bootApp(backend);
    flushSync();
    await vi.waitFor(() => expect($('#home-queue').getAttribute('aria-selected')).toBe('true'));
    await vi.waitFor(() => expect($('#queue-returned .queue-count').textContent).toBe('1'));
    const groups = [...document.querySelectorAll('.queue-group')].map((g) => g.id);
    expect(groups).toEqual(['queue-returned', 'queue-drafts', 'queue-waiting']);
    expect($('#queue-drafts .queue-count').textContent).toBe('1');
  });
});

// The side-by-side chooser on its own: a modal dialog for the keyboard, choices, a refused apply.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState } from '../app/app-state.svelte';
import { appContext } from '../app/context';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import { MemoryBackend } from '../backend/memory';
import { ConflictChooser, type ConflictSource } from './conflict-chooser.svelte';
import ConflictDialog from './ConflictDialog.svelte';

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const hunks: ConflictHunk[] = [
  { field: 'headline', base: ['Tít'], local: ['Tít ở đây'], remote: ['Tít nơi khác'] },
  { field: 'sapo', base: [''], local: ['Sapo'], remote: [''] },
];
let teardown: (() => void) | null = null;

afterEach(() => {
  teardown?.();
  teardown = null;
  document.body.textContent = '';
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

function shown(): { chooser: ConflictChooser; opener: HTMLButtonElement } {
  const opener = document.body.appendChild(document.createElement('button'));
  const target = document.body.appendChild(document.createElement('div'));
  const chooser = new ConflictChooser();
  const component = mount(ConflictDialog, { target, props: { chooser }, context: appContext(new AppState(new MemoryBackend())) });
  teardown = () => unmount(component);
  opener.focus();
  return { chooser, opener };
}

function source(apply: ConflictSource['apply'], closed: () => void): ConflictSource {
  return { kind: 'edit', hunks: async () => hunks, apply, closed };
}

const tab = (shiftKey = false) => {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
  document.activeElement!.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('Conflict dialog', () => {
  it('is a modal dialog that keeps Tab inside, and gives the focus back when closed', async () => {
    const { chooser, opener } = shown();
    let closed = 0;
    const outcome = chooser.open(source(async () => true, () => (closed++, opener.focus())));
    await settle();
    const view = $('#conflict-view');
    expect(view.getAttribute('aria-modal')).toBe('true');
    expect(view.getAttribute('aria-labelledby')).toBe('conflict-title');
    expect(document.activeElement).toBe($('#conflict-0-local'));
    // An empty side says so, rather than showing nothing.
    expect(document.querySelectorAll('.conflict-hunk')[1]!.querySelector('.side-remote .side-text')!.textContent).toBe('(trống)');
    // Áp dụng is disabled until every place is chosen: the last control is the second place's choice.
    $('#conflict-1-remote').focus();
    expect(tab()).toBe(true);
    expect(document.activeElement).toBe($('#conflict-close'));
    expect(tab(true)).toBe(true);
    expect(document.activeElement).toBe($('#conflict-1-remote'));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(view.hidden).toBe(true);
    expect(await outcome).toBe(false);
    await settle();
    expect(closed).toBe(1);
    expect(document.activeElement).toBe(opener);
  });

  it('applies once every place is chosen; a refusal is shown and the dialog stays', async () => {
    const { chooser } = shown();
    let attempts = 0;
    const outcome = chooser.open(
      source(async (choices) => {
        if (++attempts === 1) throw { code: 'io', message: 'Ổ đĩa đầy' };
        expect(choices).toEqual(['local', 'remote']);
        return true;
      }, () => undefined),
    );
    await settle();
    expect($('.conflict-remaining').textContent).toBe('Còn 2 chỗ chưa chọn.');
    const remote = $<HTMLInputElement>('#conflict-1-remote');
    remote.checked = true;
    remote.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect($('.conflict-remaining').textContent).toBe('Còn 1 chỗ chưa chọn.');
    expect($<HTMLButtonElement>('#conflict-apply').disabled).toBe(true);
    $<HTMLButtonElement>('#conflict-0-local').click();
    flushSync();
    expect($<HTMLButtonElement>('#conflict-apply').disabled).toBe(false);
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    expect($('#conflict-view').hidden).toBe(false);
    expect($('#conflict-status').textContent).toBe('Không áp dụng được: Ổ đĩa đầy');
    $<HTMLButtonElement>('#conflict-apply').click();
    await settle();
    expect($('#conflict-view').hidden).toBe(true);
    expect(await outcome).toBe(true);
  });
});

// The body toolbar: pressed where the cursor is, the link field (Ctrl+K), the photo button, the language.
import { flushSync } from 'svelte';
import { TextSelection } from 'prosemirror-state';
import { completeHref } from './schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps } from '../app/testing';
import type { PmNode } from '../bindings/PmNode';
import { open } from '../photos/testing';
import type { ArticleEditor } from './article-editor.svelte';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

const BODY: PmNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Thường ' },
        { type: 'text', marks: [{ type: 'strong' }], text: 'đậm' },
        { type: 'text', text: ' và ' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://vnexpress.net', title: null } }], text: 'liên kết' },
      ],
    },
  ],
};

const tool = (name: string) => document.querySelector<HTMLButtonElement>(`#body .toolbar .tb[data-command="${name}"]`)!;
const pressed = (name: string) => [tool(name).getAttribute('aria-pressed'), tool(name).classList.contains('active')];

/** Puts the cursor just after the first `needle` in the body. */
function cursorAfter(editor: ArticleEditor, needle: string): void {
  const view = editor.body.view;
  let at = -1;
  view.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(needle)) at = pos + node.text!.indexOf(needle) + needle.length;
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
  flushSync();
}

describe('body toolbar', () => {
  it('shows bold pressed with the cursor in bold text, and undo once there is something to undo', async () => {
    const { editor } = await open(BODY);
    cursorAfter(editor, 'đậ');
    expect(pressed('bold')).toEqual(['true', true]);
    expect(pressed('italic')).toEqual(['false', false]);
    expect(pressed('paragraph')).toEqual(['true', true]);
    expect(tool('undo').disabled).toBe(true);
    cursorAfter(editor, 'Thườ');
    expect(pressed('bold')).toEqual(['false', false]);
    editor.body.view.dispatch(editor.body.view.state.tr.insertText('x'));
    flushSync();
    expect(tool('undo').disabled).toBe(false);
    // The mouse acts on mousedown and keeps the cursor in the text.
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    tool('bold').dispatchEvent(down);
    flushSync();
    expect(down.defaultPrevented).toBe(true);
    expect(pressed('bold')).toEqual(['true', true]);
  });

  it('follows typing: pressed buttons stay, undo lights up, and a key that also changes the block shows the new block', async () => {
    const { editor } = await open(BODY);
    const view = editor.body.view;
    cursorAfter(editor, 'đậ');
    for (const key of 'mm') view.dispatch(view.state.tr.insertText(key));
    flushSync();
    expect(pressed('bold')).toEqual(['true', true]);
    expect(pressed('paragraph')).toEqual(['true', true]);
    expect(tool('undo').disabled).toBe(false);
    // One transaction that types and turns the paragraph into a heading: every button is asked again.
    const { $from } = view.state.selection;
    view.dispatch(view.state.tr.setBlockType($from.before(), $from.after(), view.state.schema.nodes.heading!, { level: 2 }).insertText('n'));
    flushSync();
    expect(pressed('h2')).toEqual(['true', true]);
    expect(pressed('paragraph')).toEqual(['false', false]);
    // Typing on in plain text after the bold run: bold is no longer pressed.
    cursorAfter(editor, 'Thườ');
    view.dispatch(view.state.tr.insertText('x'));
    flushSync();
    expect(pressed('bold')).toEqual(['false', false]);
    expect(pressed('h2')).toEqual(['true', true]);
  });

  it('completes what people type as a link: a bare domain, an e-mail address', () => {
    expect(completeHref('hanoi.gov.vn')).toBe('https://hanoi.gov.vn');
    expect(completeHref('www.vnexpress.net/thoi-su?x=1#a')).toBe('https://www.vnexpress.net/thoi-su?x=1#a');
    expect(completeHref('bộ-công-thương.vn')).toBe('https://bộ-công-thương.vn');
    expect(completeHref('toasoan@baomoi.vn')).toBe('mailto:toasoan@baomoi.vn');
    expect(completeHref('http://a.vn')).toBe('http://a.vn');
    // Not an address: left as typed, and refused.
    expect(completeHref('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(completeHref('Hà Nội')).toBe('Hà Nội');
  });

  it('asks for a link with Ctrl+K, refuses an unsafe address, edits the link under the cursor, closes on Escape', async () => {
    const { editor } = await open(BODY);
    const form = document.querySelector<HTMLFormElement>('#body .link-form')!;
    const input = form.querySelector<HTMLInputElement>('.link-input')!;
    expect(form.hidden).toBe(true);
    cursorAfter(editor, 'liên');
    expect(pressed('link')).toEqual(['true', true]);
    editor.body.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect(form.hidden).toBe(false);
    expect(input.value).toBe('https://vnexpress.net');
    expect(document.activeElement).toBe(input);

    input.value = 'javascript:alert(1)';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    flushSync();
    expect(form.querySelector('.link-error')!.textContent).toBe('Chỉ nhận địa chỉ http://, https:// hoặc mailto:');
    expect(form.hidden).toBe(false);

    // A bare domain, as people type it, gets https:// in front.
    input.value = ' hanoi.gov.vn/tin-tuc ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    flushSync();
    expect(form.hidden).toBe(true);
    const linked = editor.body.toJSON().content![0]!.content!.filter((n) => n.marks?.some((m) => m.type === 'link'));
    expect(linked.map((n) => [n.text, n.marks![0]!.attrs!.href])).toEqual([['liên kết', 'https://hanoi.gov.vn/tin-tuc']]);

    tool('link').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    flushSync();
    expect(form.hidden).toBe(false);
    expect(form.querySelector('.link-error')!.textContent).toBe('');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(form.hidden).toBe(true);
    expect(document.activeElement).toBe(editor.body.view.dom);
  });

  it('opens the file chooser from "Ảnh" without taking the cursor from the text', async () => {
    const { editor } = await open(BODY);
    const button = document.querySelector<HTMLButtonElement>('#body .toolbar #insert-photo')!;
    expect(button.textContent).toBe('Ảnh');
    expect(button.classList.contains('tb')).toBe(true);
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    const chooser = vi.spyOn(editor.photos.fileInput!, 'click');
    button.click();
    expect(chooser).toHaveBeenCalledTimes(1);
    expect(document.querySelector('#editor-view input[type=file]')).toBe(editor.photos.fileInput);
  });

  it('relabels its buttons and the link field when the language changes', async () => {
    const { app } = await open(BODY);
    expect(tool('bold').title).toBe('Đậm (Ctrl+B)');
    app.i18n.set('en');
    flushSync();
    expect(tool('bold').title).toBe('Bold (Ctrl+B)');
    expect(tool('bold').getAttribute('aria-label')).toBe('Bold (Ctrl+B)');
    expect(document.querySelector<HTMLInputElement>('#body .link-input')!.placeholder).toBe('Link address (http, https or mailto)');
    expect(document.querySelector('#insert-photo')!.textContent).toBe('Photo');
  });
});

import { NodeSelection, TextSelection } from 'prosemirror-state';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { BodyEditor } from './body-editor';
import { toggleStrong, undo } from './commands';
import { destroyEditors, mountEditor } from './testing';

const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', marks, text: t } : { type: 'text', text: t });
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

// jsdom lays nothing out: ranges measure as empty, as elements do, so the caret can be scrolled to.
beforeAll(() => {
  const empty = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= empty;
});

function mount(body: PmNode): BodyEditor {
  const editor = mountEditor(body);
  editor.view.focus();
  return editor;
}
afterEach(destroyEditors);

function caretAt(editor: BodyEditor, pos: number): void {
  const { state } = editor.view;
  editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

/** A key as the browser announces it before editing: returns whether the editor took it. */
function key(editor: BodyEditor, data: string, init: Partial<InputEventInit> = {}): boolean {
  const event = new InputEvent('beforeinput', { inputType: 'insertText', data, bubbles: true, cancelable: true, ...init });
  editor.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

const paragraph = (editor: BodyEditor) => editor.doc.firstChild!.textContent;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

describe('typed text', () => {
  it('goes into the document at the caret, the caret after it, each key in turn', () => {
    const editor = mount(doc(text('Hà Nội')));
    caretAt(editor, 1 + 'Hà'.length);
    for (const ch of ' thủ đô') expect(key(editor, ch)).toBe(true);
    expect(paragraph(editor)).toBe('Hà thủ đô Nội');
    expect(editor.view.state.selection.head).toBe(1 + 'Hà thủ đô'.length);
    expect(editor.view.dom.textContent).toBe('Hà thủ đô Nội');
  });

  it('replaces a selection, takes the marks of the cursor and undoes as typing does', () => {
    const editor = mount(doc(text('Tin nóng')));
    const { state } = editor.view;
    editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, 5, 9)));
    key(editor, 'm');
    expect(paragraph(editor)).toBe('Tin m');
    toggleStrong(editor.view.state, editor.view.dispatch);
    key(editor, 'ới');
    const last = editor.doc.firstChild!.lastChild!;
    expect(last.text).toBe('ới');
    expect(last.marks.map((m) => m.type.name)).toEqual(['strong']);
    undo(editor.view.state, editor.view.dispatch);
    expect(paragraph(editor)).toBe('Tin nóng');
  });

  /**
   * Types `typed` at the end of the first paragraph's text node, the page's caret put where a
   * browser would (jsdom does not move it for ProseMirror); returns the node, the calls of the
   * `CharacterData` method named, and how often a node's whole value was replaced.
   */
  function typeWatched(editor: BodyEditor, typed: string, method: 'insertData' | 'replaceData') {
    const node = editor.view.dom.querySelector('p')!.firstChild as Text;
    const data = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!;
    const nodeValue = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue')!;
    let replaced = 0;
    const spy = vi.spyOn(CharacterData.prototype, method);
    Object.defineProperty(CharacterData.prototype, 'data', { ...data, set(v: string) { replaced++; data.set!.call(this, v); } });
    Object.defineProperty(Node.prototype, 'nodeValue', { ...nodeValue, set(v: string | null) { replaced++; nodeValue.set!.call(this, v); } });
    try {
      for (const ch of typed) {
        document.getSelection()!.collapse(node, node.length);
        key(editor, ch);
      }
      return { node, calls: [...spy.mock.calls] as unknown[][], replaced };
    } finally {
      Object.defineProperty(CharacterData.prototype, 'data', data);
      Object.defineProperty(Node.prototype, 'nodeValue', nodeValue);
      spy.mockRestore();
    }
  }

  it("writes a key into the caret's text node as an insertion, not by replacing the node's text", () => {
    const editor = mount(doc(text('Hà Nội')));
    caretAt(editor, 1 + 'Hà Nội'.length);
    const { node, calls, replaced } = typeWatched(editor, ' mùa thu', 'insertData');
    expect(calls.length).toBe(' mùa thu'.length);
    expect(replaced).toBe(0);
    expect(editor.view.dom.querySelector('p')!.firstChild).toBe(node);
    expect(node.data).toBe('Hà Nội mùa thu');
    expect(paragraph(editor)).toBe('Hà Nội mùa thu');
  });

  it("composes a typed mark in the caret's text node, changing only its letter there", () => {
    const editor = mount(doc(text('Hà Nội')));
    caretAt(editor, 1 + 'Hà Nội'.length);
    const typed = ' mùa thu, Đường Láng'.normalize('NFD');
    const { node, calls, replaced } = typeWatched(editor, typed, 'replaceData');
    const marks = [...typed].filter((ch) => /\p{M}/u.test(ch)).length;
    // Each mark replaced its letter (one character, or two for ư/ơ/ă/â/ê/ô with a tone).
    expect(calls.length).toBe(marks);
    for (const [, count, written] of calls) {
      expect(count).toBeGreaterThan(0);
      expect(written).toBe((written as string).normalize('NFC'));
    }
    expect(replaced).toBe(0);
    expect(editor.view.dom.querySelector('p')!.firstChild).toBe(node);
    expect(node.data).toBe('Hà Nội mùa thu, Đường Láng');
    expect(paragraph(editor)).toBe('Hà Nội mùa thu, Đường Láng');
  });

  it('leaves the page as the document is where the key goes into another node than the caret is in', () => {
    // At the start of bold text the key takes the marks before it (none): ProseMirror puts it in
    // the plain node, while the page's caret may sit in the bold one.
    const editor = mount(doc(text('Tin '), text('nóng', [{ type: 'strong' }])));
    caretAt(editor, 1 + 'Tin '.length);
    const bold = editor.view.dom.querySelector('strong')!.firstChild as Text;
    const selection = document.getSelection()!;
    selection.collapse(bold, 0);
    key(editor, 'x');
    expect(paragraph(editor)).toBe('Tin xnóng');
    expect(editor.doc.firstChild!.child(0).text).toBe('Tin x');
    expect(editor.view.dom.querySelector('strong')!.textContent).toBe('nóng');
    expect(editor.view.dom.querySelector('p')!.textContent).toBe('Tin xnóng');
    // With bold pending, the text goes in a bold node of its own.
    caretAt(editor, 1 + 'Tin xnóng'.length);
    toggleStrong(editor.view.state, editor.view.dispatch);
    toggleStrong(editor.view.state, editor.view.dispatch);
    key(editor, '!');
    expect(editor.view.dom.querySelector('p')!.textContent).toBe('Tin xnóng!');
    expect(editor.view.dom.querySelector('p')!.textContent).toBe(paragraph(editor));
  });

  it('composes a combining mark with its letter', () => {
    const editor = mount(doc(text('Đa Na')));
    caretAt(editor, 1 + 'Đa'.length);
    key(editor, '\u0300');
    caretAt(editor, 1 + 'Đà Na'.length);
    key(editor, '\u0306');
    key(editor, '\u0303');
    key(editor, 'n');
    key(editor, 'g');
    expect(paragraph(editor)).toBe('Đà Nẵng');
  });

  it('leaves compositions, line breaks, other edits and a selected figure to the browser', () => {
    const editor = mount(doc(text('Hà Nội')));
    caretAt(editor, 1);
    expect(key(editor, 'a', { isComposing: true })).toBe(false);
    expect(key(editor, 'a\nb')).toBe(false);
    expect(key(editor, '', { inputType: 'insertParagraph' })).toBe(false);
    expect(key(editor, 'x', { inputType: 'insertReplacementText' })).toBe(false);
    expect(paragraph(editor)).toBe('Hà Nội');
    const { state } = editor.view;
    editor.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, 0)));
    expect(key(editor, 'a')).toBe(false);
  });

  it('brings the caret into view once a frame, not once a key, and with no transaction', async () => {
    const editor = mount(doc(text('Hà Nội')));
    caretAt(editor, 1);
    const measure = vi.spyOn(editor.view, 'coordsAtPos');
    for (const ch of 'Thủ đô ') key(editor, ch);
    expect(measure).not.toHaveBeenCalled();
    const typed = editor.view.state;
    await nextFrame();
    await nextFrame();
    expect(measure.mock.calls.length).toBeGreaterThan(0);
    expect(measure.mock.calls.length).toBeLessThanOrEqual(2);
    expect(editor.view.state).toBe(typed);
  });
});

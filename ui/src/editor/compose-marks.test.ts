import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { BodyEditor } from './body-editor';
import { undo } from './commands';
import { destroyEditors, mountEditor } from './testing';

const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', marks, text: t } : { type: 'text', text: t });
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

const mount = mountEditor;
afterEach(destroyEditors);

/** Puts the caret after `prefix` in the first paragraph. */
function caretAfter(editor: BodyEditor, prefix: string): void {
  const { state } = editor.view;
  editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, 1 + prefix.length)));
}

/**
 * Types `typed` at the caret the way ProseMirror does after reading the browser's change: the
 * text-input handlers first, else the default insertion (the caret after the typed text).
 */
function type(editor: BodyEditor, typed: string): void {
  const { view } = editor;
  for (const ch of typed) {
    const { from, to } = view.state.selection;
    const deflt = () => {
      const tr = view.state.tr.insertText(ch, from, to);
      return tr.setSelection(TextSelection.create(tr.doc, from + ch.length));
    };
    if (!view.someProp('handleTextInput', (f) => f(view, from, to, ch, deflt))) view.dispatch(deflt());
  }
}

const paragraph = (editor: BodyEditor) => editor.doc.firstChild!.textContent;
const caret = (editor: BodyEditor) => editor.view.state.selection.head;

describe('typed combining marks ("tổ hợp")', () => {
  it('composes each mark with the letter before it, as it is typed', () => {
    const editor = mount(doc(text('Con đg')));
    caretAfter(editor, 'Con đ');
    type(editor, 'u\u031Bo\u031B\u0300n');
    expect(paragraph(editor)).toBe('Con đường'.normalize('NFC'));
    expect(caret(editor)).toBe(1 + 'Con đườn'.length);
  });

  it('holds the whole of a decomposed sentence in NFC, the caret after the last key', () => {
    const editor = mount(doc(text('Mở đầu. ')));
    caretAfter(editor, 'Mở đầu. ');
    const sentence = 'Đường ven biển được mở rộng thêm ba làn xe.';
    type(editor, sentence.normalize('NFD'));
    expect(paragraph(editor)).toBe(`Mở đầu. ${sentence}`.normalize('NFC'));
    expect(caret(editor)).toBe(1 + `Mở đầu. ${sentence}`.normalize('NFC').length);
  });

  it('keeps the letter\'s marks and undoes the composed letter with its typing', () => {
    const editor = mount(doc(text('Tin '), text('nong', [{ type: 'strong' }])));
    caretAfter(editor, 'Tin no');
    type(editor, '\u0301');
    expect(paragraph(editor)).toBe('Tin nóng');
    const strong = editor.doc.firstChild!.child(1);
    expect(strong.text).toBe('nóng');
    expect(strong.marks.map((m) => m.type.name)).toEqual(['strong']);
    undo(editor.view.state, editor.view.dispatch);
    expect(paragraph(editor)).toBe('Tin nong');
  });

  it('leaves ordinary keys, a mark at the start of a paragraph and a mark with no composed form to the browser', () => {
    const editor = mount(doc(text('q')));
    caretAfter(editor, 'q');
    type(editor, '\u0301');
    expect(paragraph(editor)).toBe('q\u0301');
    caretAfter(editor, '');
    type(editor, '\u0300a');
    expect(paragraph(editor)).toBe('\u0300aq\u0301');
  });
});

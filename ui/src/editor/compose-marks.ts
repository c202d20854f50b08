/**
 * Typed Vietnamese is kept in NFC. Unikey's "Unicode tổ hợp" and other decomposed input send a
 * base letter, then each combining mark as text of its own (`u`, U+031B, U+0300 for `ừ`), and
 * each would go into the paragraph as it came. This plugin composes each mark with the letter before it
 * as it is typed, so the paragraph holds what a paste or a save would store: the checks' offsets
 * (counted in NFC) fit it, and find, counts and the stored text agree with the screen.
 */
import { Plugin, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

const MARK = /\p{M}/u;
/** The last letter of a text and the combining marks after it. */
const LAST_CLUSTER = /\P{M}\p{M}*$/u;

/** Text input with combining marks, composed with the letter before it; false: left to the default. */
export function composeTypedMarks(view: EditorView, from: number, _to: number, text: string, deflt: () => Transaction): boolean {
  // Every ordinary key takes this one test and nothing else.
  if (!MARK.test(text) || view.composing) return false;
  const before = view.state.doc.resolve(from).nodeBefore;
  const tail = before?.isText ? (before.text!.match(LAST_CLUSTER)?.[0] ?? '') : '';
  const typed = tail + text;
  const composed = typed.normalize('NFC');
  if (composed === typed) return false;
  // The default inserts the typed text with the cursor's marks and the caret after it; the
  // composed cluster then replaces the letter and its marks, in the same step of the undo history.
  const tr = deflt();
  tr.insertText(composed, from - tail.length, from + text.length);
  view.dispatch(tr);
  return true;
}

export function composeMarksPlugin(): Plugin {
  return new Plugin({ props: { handleTextInput: composeTypedMarks } });
}

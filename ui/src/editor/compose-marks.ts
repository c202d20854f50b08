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

/**
 * What typing `text` at `pos` (a text cursor) leaves there in NFC: the last `replace` characters
 * before `pos` and the typed text become `composed`. Null where nothing composes (no combining
 * mark was typed, or it composes with nothing).
 */
export function composedTyping(view: EditorView, pos: number, text: string): { replace: number; composed: string } | null {
  // Every ordinary key takes this one test and nothing else.
  if (!MARK.test(text)) return null;
  const before = view.state.doc.resolve(pos).nodeBefore;
  const tail = before?.isText ? (before.text!.match(LAST_CLUSTER)?.[0] ?? '') : '';
  const typed = tail + text;
  const composed = typed.normalize('NFC');
  return composed === typed ? null : { replace: tail.length, composed };
}

/** Text input with combining marks, composed with the letter before it; false: left to the default. */
export function composeTypedMarks(view: EditorView, from: number, _to: number, text: string, deflt: () => Transaction): boolean {
  const composition = view.composing ? null : composedTyping(view, from, text);
  if (!composition) return false;
  // The default inserts the typed text with the cursor's marks and the caret after it; the
  // composed cluster then replaces the letter and its marks, in the same step of the undo history.
  const tr = deflt();
  tr.insertText(composition.composed, from - composition.replace, from + text.length);
  view.dispatch(tr);
  return true;
}

export function composeMarksPlugin(): Plugin {
  return new Plugin({ props: { handleTextInput: composeTypedMarks } });
}

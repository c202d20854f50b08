/**
 * Typed characters go straight into the document, and the caret is brought into view once a
 * frame, not once a key.
 *
 * ProseMirror normally lets the browser edit the page and then reads the change back; in
 * WebKitGTK the browser's own editing command is the costliest part of a keystroke, and reading
 * it back costs a parse of the paragraph and a diff. A plain `insertText` (a key, or text an
 * input method commits without composing) at a text cursor is taken here instead: the same
 * text-input handlers run (composed marks), the transaction inserts the text with the cursor's
 * marks, and ProseMirror writes the paragraph. Compositions (preedit), replacements, line breaks
 * and anything outside a text block are left to the browser and ProseMirror as before.
 *
 * Keeping the caret in view measures it, which lays the paragraph out there and then: 1.5–1.9 ms
 * of a key's 2.3 ms at 20,000 tiếng. For typed text that measurement waits for the next animation
 * frame, where the page is laid out for painting anyway, and is done once however many keys
 * came in that frame. (WebKit also scrolls to a caret that ProseMirror puts back in an editable
 * element; the frame's measurement is what every engine gets.)
 */
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Internal to ProseMirror but stable: reading pending DOM changes first keeps the state current. */
type Flushable = { domObserver?: { flush?: () => void } };

/** Inserts the text of a plain `insertText` at a text cursor; false: left to the browser. */
export function insertTypedText(view: EditorView, event: InputEvent, typed: () => void): boolean {
  const text = event.data;
  if (event.inputType !== 'insertText' || event.isComposing || view.composing || !text || /[\r\n]/.test(text)) return false;
  const target = event.target;
  if (!(target instanceof Node) || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return false;
  (view as unknown as Flushable).domObserver?.flush?.();
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to) || !selection.$from.parent.inlineContent) return false;
  event.preventDefault();
  const { from, to } = selection;
  const deflt = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  typed();
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
  return true;
}

export function typedTextPlugin(): Plugin {
  let typed = false;
  let reveal = 0;
  return new Plugin({
    props: {
      handleDOMEvents: {
        beforeinput: (view, event) => insertTypedText(view, event as InputEvent, () => (typed = true)),
      },
      handleScrollToSelection: (view) => {
        if (!typed || typeof requestAnimationFrame !== 'function') return false;
        typed = false;
        if (!reveal) {
          reveal = requestAnimationFrame(() => {
            reveal = 0;
            // ProseMirror's own scrolling (its margins and thresholds), for the caret as it is now.
            if (!view.isDestroyed && view.hasFocus()) view.dispatch(view.state.tr.scrollIntoView().setMeta('addToHistory', false));
          });
        }
        return true;
      },
    },
    view: () => ({
      destroy: () => {
        if (reveal) cancelAnimationFrame(reveal);
      },
    }),
  });
}

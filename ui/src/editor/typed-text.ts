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
 * The text also reaches the page as an insertion into the caret's text node, made just before the
 * transaction, so ProseMirror finds that node already right and leaves it. Otherwise it would
 * replace the node's whole value, and WebKit then lays the paragraph out and shapes every word of
 * it again at the next frame, where an insertion costs it only what changed (a ProseMirror view
 * with no inline element in its paragraphs, typed in bursts in the window: 5.2 ms a key to the
 * screen when the node's value was replaced, 3.3 with the insertion, as a plain
 * `contenteditable`). A paragraph holding any inline element (an underline, bold, a link) is
 * laid out again whole whichever way the text arrives: that is WebKit's, not ours. Afterwards
 * the node is checked against the document and rewritten if they differ.
 *
 * Keeping the caret in view measures it, which lays the paragraph out there and then: 1.5–1.9 ms
 * of a key's 2.3 ms at 20,000 tiếng. For typed text that measurement waits for the next animation
 * frame, where the page is laid out for painting anyway, and is done once however many keys
 * came in that frame. (WebKit also scrolls to a caret that ProseMirror puts back in an editable
 * element; the frame's measurement is what every engine gets.)
 */
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { composedTyping } from './compose-marks';

/**
 * Internal to ProseMirror but stable: reading pending DOM changes first keeps the state current;
 * stopping and starting the observer around our own write keeps it from reading that back.
 */
type Observed = { domObserver?: { flush?: () => void; stop?: () => void; start?: () => void } };

/** Runs `write` with ProseMirror's DOM observer stopped (not at all where there is none). */
function unobserved(view: EditorView, write: () => void): boolean {
  const observer = (view as unknown as Observed).domObserver;
  if (typeof observer?.stop !== 'function' || typeof observer.start !== 'function') return false;
  observer.stop();
  try {
    write();
  } finally {
    observer.start();
  }
  return true;
}

/** The text node the caret is in or right after, with the caret's offset in it; null elsewhere. */
function caretTextNode(view: EditorView): { node: Text; offset: number } | null {
  const selection = (view.root as Document).getSelection?.();
  if (!selection || !selection.isCollapsed || !selection.focusNode) return null;
  let node: Node = selection.focusNode;
  let offset = selection.focusOffset;
  if (node.nodeType !== Node.TEXT_NODE) {
    const before = node.childNodes[offset - 1];
    if (!before || before.nodeType !== Node.TEXT_NODE) return null;
    node = before;
    offset = (before as Text).length;
  }
  return view.dom.contains(node) ? { node: node as Text, offset } : null;
}

/** The document's text for a text node of the view (clamped to ProseMirror's own node), or null. */
function documentText(view: EditorView, node: Text): string | null {
  if (!node.isConnected || !view.dom.contains(node)) return null;
  try {
    const from = view.posAtDOM(node, 0);
    const to = view.posAtDOM(node, node.length);
    return view.state.doc.textBetween(from, Math.max(from, to));
  } catch {
    return null;
  }
}

/**
 * Writes `text` into the caret's text node ahead of the transaction (see the top of the file), as
 * the document will hold it: a typed combining mark composed with the letter before it
 * (compose-marks.ts), so that only that letter changes in the node. Returns the node, or null
 * where the caret's DOM position is not the document's `from` or marks are pending (the text would
 * go into a node of its own).
 */
function insertAhead(view: EditorView, from: number, text: string): Text | null {
  if (view.state.storedMarks) return null;
  const caret = caretTextNode(view);
  if (!caret) return null;
  let start: number;
  try {
    start = view.posAtDOM(caret.node, 0);
  } catch {
    return null;
  }
  if (start + caret.offset !== from) return null;
  const { replace, composed } = composedTyping(view, from, text) ?? { replace: 0, composed: text };
  const at = caret.offset - replace;
  if (at < 0 || (replace > 0 && caret.node.data.slice(at, caret.offset) !== view.state.doc.textBetween(from - replace, from))) return null;
  const write = () => (replace ? caret.node.replaceData(at, replace, composed) : caret.node.insertData(at, composed));
  return unobserved(view, write) ? caret.node : null;
}

/** After the transaction: the node written ahead holds exactly the document's text, or is made to. */
function settle(view: EditorView, node: Text): void {
  const wanted = documentText(view, node);
  if (wanted !== null && node.data !== wanted) unobserved(view, () => (node.data = wanted));
}

/**
 * ProseMirror's own scrolling (its margins and thresholds) for the caret as it is now. Called
 * directly (internal but stable: its DOM observer calls it too), since a transaction would run
 * every plugin, the view's update and the toolbar again for a selection that did not change
 * (0.26 ms a frame with it, 0.20 without, at 5,022 tiếng; the rest is the layout that measuring
 * the caret forces, which the frame needs anyway).
 */
function scrollToCaret(view: EditorView): void {
  const internal = view as unknown as { scrollToSelection?: () => void };
  if (typeof internal.scrollToSelection === 'function') internal.scrollToSelection();
  else view.dispatch(view.state.tr.scrollIntoView().setMeta('addToHistory', false));
}

/** Inserts the text of a plain `insertText` at a text cursor; false: left to the browser. */
export function insertTypedText(view: EditorView, event: InputEvent, typed: () => void): boolean {
  const text = event.data;
  if (event.inputType !== 'insertText' || event.isComposing || view.composing || !text || /[\r\n]/.test(text)) return false;
  const target = event.target;
  if (!(target instanceof Node) || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return false;
  (view as unknown as Observed).domObserver?.flush?.();
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to) || !selection.$from.parent.inlineContent) return false;
  event.preventDefault();
  const { from, to } = selection;
  const deflt = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  typed();
  const ahead = from === to ? insertAhead(view, from, text) : null;
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
  if (ahead) settle(view, ahead);
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
            if (!view.isDestroyed && view.hasFocus()) scrollToCaret(view);
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

/** The body editor: a ProseMirror view over the article schema, its toolbar's state and its counts. */
import { Node as PmDocNode } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { EditorState, Selection, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { PmNode } from '../bindings/PmNode';
import type { I18n } from '../i18n';
import { countText, type TextCounts } from '../text/counts';
import { BodyCounter } from './body-counts';
import { BodyToolbarState } from './body-toolbar.svelte';
import { editorPlugins } from './commands';
import { FigureView, type FigureContext } from './figure-view';
import { figureFocusPlugin } from './figures';
import { RawBlockView } from './raw-block-view';
import { schema } from './schema';

export type BodyEditorOptions = {
  doc: PmNode | null;
  /** The app's language: the figures' and kept blocks' labels follow it. */
  i18n: I18n;
  /** Called after every change of the document (not on selection moves). */
  onChange?: (editor: BodyEditor) => void;
  editable?: boolean;
  /** More plugins (findings, legacy-font paste); they run before the editing keymap. */
  plugins?: Plugin[];
  /** Photo sizes for the figures' crop presets; without it presets do nothing. */
  figures?: FigureContext;
};

export function docFromJSON(json: PmNode | null): PmDocNode {
  if (!json) return schema.node('doc', null, [schema.node('paragraph')]);
  return PmDocNode.fromJSON(schema, json);
}

/**
 * Body text for counting: block boundaries and hard breaks count as whitespace; a kept
 * WordPress block has no text (as `doc_to_text` in Rust), so it adds nothing.
 */
export function docText(doc: PmDocNode): string {
  return doc.textBetween(0, doc.content.size, '\n', (leaf) => (leaf.type.name === 'raw_block' ? '' : '\n'));
}

export function docCounts(doc: PmDocNode): TextCounts {
  return countText(docText(doc));
}

const nfc = (s: string): string => s.normalize('NFC');

/**
 * Where the cursor goes in a new version of the document: the same offset in the same block,
 * found by its content (the nearest copy), else the same position as far as the new one goes.
 */
function carriedSelection(before: EditorState, doc: PmDocNode): Selection {
  const { $from } = before.selection;
  const index = $from.index(0);
  const block = before.doc.maybeChild(index);
  let found = -1;
  if (block) doc.forEach((node, _offset, i) => {
    if (node.eq(block) && (found < 0 || Math.abs(i - index) < Math.abs(found - index))) found = i;
  });
  if (found < 0) return Selection.near(doc.resolve(Math.min($from.pos, doc.content.size)));
  let start = 0;
  for (let i = 0; i < found; i++) start += doc.child(i).nodeSize;
  return Selection.near(doc.resolve(start + $from.pos - $from.posAtIndex(index, 0)));
}

export class BodyEditor {
  readonly view: EditorView;
  /** What BodyToolbar.svelte shows; none for a read-only editor. */
  readonly toolbar: BodyToolbarState | null;
  private editable: boolean;
  private readonly counter = new BodyCounter();

  /** An editor not yet on screen: a component puts it there with `attach`. */
  static detached(options: BodyEditorOptions): BodyEditor {
    return new BodyEditor(null, options);
  }

  /** `place`: the element ProseMirror's own goes into (null: see `attach`). */
  constructor(place: HTMLElement | null, private readonly options: BodyEditorOptions) {
    const editable = (this.editable = options.editable ?? true);
    this.toolbar = editable ? new BodyToolbarState(() => this.view) : null;
    const { i18n } = options;
    this.view = new EditorView(place, {
      state: this.freshState(docFromJSON(options.doc)),
      editable: () => this.editable,
      // Text pasted from macOS files, PDFs or Unikey "tổ hợp" arrives decomposed: store NFC.
      transformPastedText: nfc,
      transformPastedHTML: nfc,
      attributes: { spellcheck: 'false', lang: 'vi' },
      dispatchTransaction: (tr: Transaction) => this.apply(tr),
      nodeViews: {
        figure: (node, view, getPos) => new FigureView(node, view, getPos, i18n, options.figures ?? null),
        raw_block: (node) => new RawBlockView(node, i18n),
      },
    });
    this.toolbar?.update(this.view.state);
  }

  private freshState(doc: PmDocNode, selection?: Selection): EditorState {
    return EditorState.create({
      schema,
      doc,
      selection,
      plugins: [...(this.options.plugins ?? []), figureFocusPlugin(), ...editorPlugins((view) => this.toolbar?.askLink(view))],
    });
  }

  private apply(tr: Transaction): void {
    // Read-only for a moment (a merge): no edit from the toolbar, a drop or a figure either.
    if (!this.editable && tr.docChanged) return;
    this.view.updateState(this.view.state.apply(tr));
    this.toolbar?.update(this.view.state);
    if (tr.docChanged) this.options.onChange?.(this);
  }

  /** A Svelte attachment: ProseMirror's element goes into `target` while the component is there. */
  readonly attach = (target: HTMLElement): (() => void) => {
    target.append(this.view.dom);
    return () => this.view.dom.remove();
  };

  get doc(): PmDocNode {
    return this.view.state.doc;
  }

  toJSON(): PmNode {
    return this.view.state.doc.toJSON() as PmNode;
  }

  /** The body's counts; a keystroke recounts only the block it changed. */
  counts(): TextCounts {
    return this.counter.count(this.view.state.doc);
  }

  /** Replaces the document and starts a fresh undo history (reload, restore, merge); the cursor stays in its block. */
  setDoc(json: PmNode | null): void {
    const doc = docFromJSON(json);
    this.view.updateState(this.freshState(doc, carriedSelection(this.view.state, doc)));
    this.toolbar?.update(this.view.state);
  }

  /**
   * Replaces the document as one step of the undo history (a restore from the history), so
   * Ctrl+Z brings back what was there; the cursor stays in its block.
   */
  replaceDoc(json: PmNode | null): void {
    const doc = docFromJSON(json);
    const { state } = this.view;
    if (doc.eq(state.doc)) return;
    const tr = closeHistory(state.tr.replaceWith(0, state.doc.content.size, doc.content));
    tr.setSelection(carriedSelection(state, tr.doc));
    // Not through `apply`: like `setDoc`, this is the stored text, not an edit to save again.
    this.view.updateState(state.apply(tr));
    this.toolbar?.update(this.view.state);
  }

  /** Off: the text cannot be changed (a merge is running); on again afterwards. */
  setEditable(on: boolean): void {
    this.editable = on;
    this.view.setProps({});
  }

  destroy(): void {
    this.view.destroy();
  }
}

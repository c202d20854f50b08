/** The body editor: a ProseMirror view over the article schema, with toolbar and counts. */
import { Node as PmDocNode } from 'prosemirror-model';
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { PmNode } from '../bindings/PmNode';
import { countText, type TextCounts } from '../text/counts';
import { editorPlugins } from './commands';
import { FigureView, type FigureContext } from './figure-view';
import { figureFocusPlugin } from './figures';
import { RawBlockView } from './raw-block-view';
import { schema } from './schema';
import { Toolbar } from './toolbar';

export type BodyEditorOptions = {
  doc: PmNode | null;
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

export class BodyEditor {
  readonly view: EditorView;
  readonly toolbar: Toolbar | null;

  constructor(mount: HTMLElement, private readonly options: BodyEditorOptions) {
    const editable = options.editable ?? true;
    this.toolbar = editable ? new Toolbar(() => this.view) : null;
    if (this.toolbar) mount.appendChild(this.toolbar.element);
    const host = document.createElement('div');
    host.className = 'body-host';
    mount.appendChild(host);
    this.view = new EditorView(host, {
      state: this.freshState(options.doc),
      editable: () => editable,
      // Text pasted from macOS files, PDFs or Unikey "tổ hợp" arrives decomposed: store NFC.
      transformPastedText: nfc,
      transformPastedHTML: nfc,
      attributes: { spellcheck: 'false', lang: 'vi' },
      dispatchTransaction: (tr: Transaction) => this.apply(tr),
      nodeViews: {
        figure: (node, view, getPos) => new FigureView(node, view, getPos, options.figures ?? null),
        raw_block: (node) => new RawBlockView(node),
      },
    });
    this.toolbar?.update(this.view.state);
  }

  private freshState(json: PmNode | null): EditorState {
    return EditorState.create({
      schema,
      doc: docFromJSON(json),
      plugins: [...(this.options.plugins ?? []), figureFocusPlugin(), ...editorPlugins((view) => this.toolbar?.askLink(view))],
    });
  }

  private apply(tr: Transaction): void {
    this.view.updateState(this.view.state.apply(tr));
    this.toolbar?.update(this.view.state);
    if (tr.docChanged) this.options.onChange?.(this);
  }

  get doc(): PmDocNode {
    return this.view.state.doc;
  }

  toJSON(): PmNode {
    return this.view.state.doc.toJSON() as PmNode;
  }

  counts(): TextCounts {
    return docCounts(this.view.state.doc);
  }

  /** Replaces the document and starts a fresh undo history (after a reload or restore). */
  setDoc(json: PmNode | null): void {
    this.view.updateState(this.freshState(json));
    this.toolbar?.update(this.view.state);
  }

  relabel(): void {
    this.toolbar?.relabel();
  }

  destroy(): void {
    this.view.destroy();
  }
}

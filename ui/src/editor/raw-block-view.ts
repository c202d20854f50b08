/**
 * A WordPress block kept as it came (gallery, embed, table…) in the editor: a read-only label
 * in the interface language, relabelled on a language switch. Its HTML stays in the node's
 * attribute and never reaches the DOM.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
import { setText } from '../views/dom';
import { rawBlockName } from './schema';

export class RawBlockView implements NodeView {
  readonly dom: HTMLElement;

  constructor(node: PmDocNode) {
    this.dom = document.createElement('div');
    this.dom.className = 'raw-block';
    this.dom.setAttribute('contenteditable', 'false');
    setText(this.dom, 'editor.rawBlock', { name: rawBlockName(String(node.attrs.html ?? '')) });
  }

  /** Relabelling changes the text; that is not an edit of the document. */
  ignoreMutation(): boolean {
    return true;
  }
}

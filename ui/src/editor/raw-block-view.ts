/**
 * A WordPress block kept as it came (gallery, embed, table…) in the editor: a read-only label
 * in the interface language, following a language switch. Its HTML stays in the node's
 * attribute and never reaches the DOM.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
import type { I18n } from '../i18n';
import { el, NodeLabels } from './node-dom.svelte';
import { rawBlockName } from './schema';

export class RawBlockView implements NodeView {
  readonly dom: HTMLElement;
  private readonly labels: NodeLabels;

  constructor(node: PmDocNode, i18n: I18n) {
    const dom = (this.dom = el('div', { class: 'raw-block', contenteditable: 'false' }));
    const name = rawBlockName(String(node.attrs.html ?? ''));
    this.labels = new NodeLabels(i18n);
    this.labels.add(() => (dom.textContent = i18n.t('editor.rawBlock', { name })));
  }

  /** Relabelling changes the text; that is not an edit of the document. */
  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.labels.destroy();
  }
}

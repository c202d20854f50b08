/** The body toolbar: formatting buttons with active state, and the link field (Mod-k). */
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { undoDepth, redoDepth } from 'prosemirror-history';
import type { MessageKey } from '../i18n';
import { el, relabel, setAttrText, setText } from '../views/dom';
import {
  blockActive,
  insideNode,
  linkRangeAt,
  markActive,
  redo,
  removeLink,
  setHeading2,
  setHeading3,
  setLink,
  setParagraph,
  toggleEm,
  toggleStrong,
  undo,
  wrapInBlockquote,
  wrapInBulletList,
  wrapInOrderedList,
} from './commands';
import { isSafeHref, schema } from './schema';

type ButtonSpec = {
  name: string;
  face: string;
  label: MessageKey;
  run: Command | 'link';
  active?: (state: EditorState) => boolean;
  enabled?: (state: EditorState) => boolean;
};

const { nodes, marks } = schema;

const BUTTONS: Array<ButtonSpec | 'gap'> = [
  { name: 'bold', face: 'B', label: 'toolbar.bold', run: toggleStrong, active: (s) => markActive(s, marks.strong) },
  { name: 'italic', face: 'I', label: 'toolbar.italic', run: toggleEm, active: (s) => markActive(s, marks.em) },
  { name: 'link', face: 'URL', label: 'toolbar.link', run: 'link', active: (s) => markActive(s, marks.link) },
  'gap',
  { name: 'h2', face: 'H2', label: 'toolbar.h2', run: setHeading2, active: (s) => blockActive(s, nodes.heading, { level: 2 }) },
  { name: 'h3', face: 'H3', label: 'toolbar.h3', run: setHeading3, active: (s) => blockActive(s, nodes.heading, { level: 3 }) },
  { name: 'paragraph', face: '¶', label: 'toolbar.paragraph', run: setParagraph, active: (s) => blockActive(s, nodes.paragraph) },
  { name: 'quote', face: '“ ”', label: 'toolbar.quote', run: wrapInBlockquote, active: (s) => insideNode(s, nodes.blockquote) },
  { name: 'bullet-list', face: '•', label: 'toolbar.bulletList', run: wrapInBulletList, active: (s) => insideNode(s, nodes.bullet_list) },
  { name: 'ordered-list', face: '1.', label: 'toolbar.orderedList', run: wrapInOrderedList, active: (s) => insideNode(s, nodes.ordered_list) },
  'gap',
  { name: 'undo', face: '↶', label: 'toolbar.undo', run: undo, enabled: (s) => undoDepth(s) > 0 },
  { name: 'redo', face: '↷', label: 'toolbar.redo', run: redo, enabled: (s) => redoDepth(s) > 0 },
];

export class Toolbar {
  readonly element: HTMLElement;
  private readonly buttons: Array<{ spec: ButtonSpec; button: HTMLButtonElement }> = [];
  private readonly linkForm: HTMLFormElement;
  private readonly linkInput: HTMLInputElement;
  private readonly linkError: HTMLElement;

  constructor(private readonly getView: () => EditorView) {
    this.element = el('div', { class: 'toolbar', role: 'toolbar' });
    for (const spec of BUTTONS) {
      if (spec === 'gap') {
        this.element.appendChild(el('span', { class: 'toolbar-gap', 'aria-hidden': 'true' }));
        continue;
      }
      const button = el('button', { type: 'button', class: `tb tb-${spec.name}`, 'data-command': spec.name }, spec.face);
      setAttrText(button, 'title', spec.label);
      setAttrText(button, 'aria-label', spec.label);
      // Keep the editor's selection: act on mousedown, never take focus.
      button.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.run(spec);
      });
      button.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.run(spec);
        }
      });
      this.buttons.push({ spec, button });
      this.element.appendChild(button);
    }

    this.linkInput = el('input', { type: 'url', class: 'link-input', spellcheck: 'false' });
    setAttrText(this.linkInput, 'placeholder', 'toolbar.linkPrompt');
    setAttrText(this.linkInput, 'aria-label', 'toolbar.linkPrompt');
    this.linkError = el('span', { class: 'link-error', role: 'alert' });
    const apply = setText(el('button', { type: 'submit', class: 'btn small' }), 'toolbar.linkApply');
    const remove = setText(el('button', { type: 'button', class: 'btn small quiet' }), 'toolbar.linkRemove');
    this.linkForm = el('form', { class: 'link-form', hidden: true }, this.linkInput, apply, remove, this.linkError);
    this.linkForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.applyLink();
    });
    remove.addEventListener('click', () => {
      const view = this.getView();
      removeLink(view.state, view.dispatch);
      this.closeLink();
    });
    this.linkInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeLink();
      }
    });
    this.element.appendChild(this.linkForm);
  }

  private run(spec: ButtonSpec): void {
    const view = this.getView();
    if (spec.run === 'link') {
      this.askLink(view);
      return;
    }
    spec.run(view.state, view.dispatch, view);
    view.focus();
  }

  /** Shows the link field, filled with the link under the cursor. */
  askLink(view: EditorView): void {
    const current = linkRangeAt(view.state);
    this.linkInput.value = current?.href ?? '';
    this.linkError.textContent = '';
    delete this.linkError.dataset.i18n;
    this.linkForm.hidden = false;
    this.linkInput.focus();
    this.linkInput.select();
  }

  private applyLink(): void {
    const view = this.getView();
    const href = this.linkInput.value.trim();
    if (!href) {
      removeLink(view.state, view.dispatch);
      this.closeLink();
      return;
    }
    let state = view.state;
    // With the cursor inside a link and no selection, edit that whole link.
    const range = state.selection.empty ? linkRangeAt(state) : null;
    if (range) {
      if (isSafeHref(href)) {
        const tr = state.tr.removeMark(range.from, range.to, marks.link);
        tr.addMark(range.from, range.to, marks.link.create({ href, title: null }));
        view.dispatch(tr);
        this.closeLink();
        return;
      }
    }
    state = view.state;
    if (!setLink(href)(state, view.dispatch)) {
      setText(this.linkError, 'toolbar.linkInvalid');
      return;
    }
    this.closeLink();
  }

  private closeLink(): void {
    this.linkForm.hidden = true;
    this.getView().focus();
  }

  /** Adds controls from outside (the photo button) at the end of the bar, before the link field. */
  addTool(...nodes: HTMLElement[]): void {
    this.element.insertBefore(el('span', { class: 'toolbar-gap', 'aria-hidden': 'true' }), this.linkForm);
    for (const node of nodes) this.element.insertBefore(node, this.linkForm);
  }

  update(state: EditorState): void {
    for (const { spec, button } of this.buttons) {
      const active = spec.active?.(state) ?? false;
      button.classList.toggle('active', active);
      button.setAttribute('aria-pressed', String(active));
      const enabled = spec.enabled ? spec.enabled(state) : spec.run === 'link' || spec.run(state);
      button.disabled = !enabled && !active;
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

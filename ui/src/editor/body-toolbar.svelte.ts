/**
 * What the body toolbar shows (BodyToolbar.svelte renders it): which formatting is active or
 * possible at the cursor, and the link field (Mod-k). BodyEditor updates it on each transaction.
 */
import { Mark } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { undoDepth, redoDepth } from 'prosemirror-history';
import type { MessageKey } from '../i18n';
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
import { completeHref, isSafeHref, schema } from './schema';

export type ToolSpec = {
  name: string;
  face: string;
  label: MessageKey;
  run: Command | 'link';
  active?: (state: EditorState) => boolean;
  enabled?: (state: EditorState) => boolean;
};

const { nodes, marks } = schema;

/** The buttons in order, in groups (a gap between groups). */
export const TOOL_GROUPS: ToolSpec[][] = [
  [
    { name: 'bold', face: 'B', label: 'toolbar.bold', run: toggleStrong, active: (s) => markActive(s, marks.strong) },
    { name: 'italic', face: 'I', label: 'toolbar.italic', run: toggleEm, active: (s) => markActive(s, marks.em) },
    { name: 'link', face: 'URL', label: 'toolbar.link', run: 'link', active: (s) => markActive(s, marks.link) },
  ],
  [
    { name: 'h2', face: 'H2', label: 'toolbar.h2', run: setHeading2, active: (s) => blockActive(s, nodes.heading, { level: 2 }) },
    { name: 'h3', face: 'H3', label: 'toolbar.h3', run: setHeading3, active: (s) => blockActive(s, nodes.heading, { level: 3 }) },
    { name: 'paragraph', face: '¶', label: 'toolbar.paragraph', run: setParagraph, active: (s) => blockActive(s, nodes.paragraph) },
    { name: 'quote', face: '“ ”', label: 'toolbar.quote', run: wrapInBlockquote, active: (s) => insideNode(s, nodes.blockquote) },
    { name: 'bullet-list', face: '•', label: 'toolbar.bulletList', run: wrapInBulletList, active: (s) => insideNode(s, nodes.bullet_list) },
    { name: 'ordered-list', face: '1.', label: 'toolbar.orderedList', run: wrapInOrderedList, active: (s) => insideNode(s, nodes.ordered_list) },
  ],
  [
    { name: 'undo', face: '↶', label: 'toolbar.undo', run: undo, enabled: (s) => undoDepth(s) > 0 },
    { name: 'redo', face: '↷', label: 'toolbar.redo', run: redo, enabled: (s) => redoDepth(s) > 0 },
  ],
];

const TOOLS = TOOL_GROUPS.flat();
/** What can change while the cursor types along in one block: the history's buttons. */
const HISTORY_TOOLS = TOOLS.filter((tool) => tool.name === 'undo' || tool.name === 'redo');

/**
 * Whether every button but undo/redo reads the same in `b` as in `a`: a cursor in a block of the
 * same kind at the same place in the same kinds of parents, with the same marks (a key typed).
 * Each button depends only on that, so a keystroke re-asks two buttons, not twelve.
 */
function sameCursorContext(a: EditorState, b: EditorState): boolean {
  if (!a.selection.empty || !b.selection.empty || a.storedMarks !== b.storedMarks) return false;
  const [from, to] = [a.selection.$from, b.selection.$from];
  if (from.depth !== to.depth) return false;
  for (let d = 0; d <= from.depth; d++) {
    const node = to.node(d);
    if (!from.node(d).hasMarkup(node.type, node.attrs, node.marks)) return false;
    if (d < from.depth && from.index(d) !== to.index(d)) return false;
  }
  return Mark.sameSet(from.marks(), to.marks());
}
const none = () => Object.fromEntries(TOOLS.map((tool) => [tool.name, false]));

export class BodyToolbarState {
  /** Per button: the cursor is in bold, a heading… (shown pressed). */
  readonly active = $state<Record<string, boolean>>(none());
  /** Per button: it would do something here (else it is disabled). */
  readonly enabled = $state<Record<string, boolean>>(none());
  linkOpen = $state(false);
  linkValue = $state('');
  linkError = $state<MessageKey | null>(null);
  /** Counts Mod-k presses: each one puts the focus in the link field. */
  linkAsked = $state(0);
  private shown: EditorState | null = null;

  constructor(private readonly getView: () => EditorView) {}

  /** Follows the editor's state; only what changed reaches the screen. */
  update(state: EditorState): void {
    if (state === this.shown) return;
    const before = this.shown;
    this.shown = state;
    // A transaction that moved nothing the buttons depend on (a decoration, a plugin's meta).
    if (before && before.doc === state.doc && before.selection.eq(state.selection) && before.storedMarks === state.storedMarks) return;
    const tools = before && sameCursorContext(before, state) ? HISTORY_TOOLS : TOOLS;
    for (const tool of tools) {
      const active = tool.active?.(state) ?? false;
      const enabled = tool.enabled ? tool.enabled(state) : tool.run === 'link' || tool.run(state);
      // Assigning an equal value does not re-render.
      this.active[tool.name] = active;
      this.enabled[tool.name] = enabled || active;
    }
  }

  run(tool: ToolSpec): void {
    const view = this.getView();
    if (tool.run === 'link') {
      this.askLink(view);
      return;
    }
    tool.run(view.state, view.dispatch, view);
    view.focus();
  }

  /** Shows the link field, filled with the link under the cursor. */
  askLink(view: EditorView = this.getView()): void {
    this.linkValue = linkRangeAt(view.state)?.href ?? '';
    this.linkError = null;
    this.linkOpen = true;
    this.linkAsked++;
  }

  applyLink(): void {
    const view = this.getView();
    const href = completeHref(this.linkValue);
    if (!href) {
      this.removeLink();
      return;
    }
    const state = view.state;
    // With the cursor inside a link and no selection, edit that whole link.
    const range = state.selection.empty ? linkRangeAt(state) : null;
    if (range && isSafeHref(href)) {
      const tr = state.tr.removeMark(range.from, range.to, marks.link);
      tr.addMark(range.from, range.to, marks.link.create({ href, title: null }));
      view.dispatch(tr);
      this.closeLink();
      return;
    }
    if (!setLink(href)(view.state, view.dispatch)) {
      this.linkError = 'toolbar.linkInvalid';
      return;
    }
    this.closeLink();
  }

  removeLink(): void {
    const view = this.getView();
    removeLink(view.state, view.dispatch);
    this.closeLink();
  }

  closeLink(): void {
    this.linkOpen = false;
    this.getView().focus();
  }
}

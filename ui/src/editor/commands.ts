/** Editing commands and the keymap of the body editor. */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Attrs, MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState, Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { composeMarksPlugin } from './compose-marks';
import { exitFigcaption } from './figures';
import { typedTextPlugin } from './typed-text';
import { isSafeHref, schema } from './schema';

const { nodes, marks } = schema;

export const toggleStrong = toggleMark(marks.strong);
export const toggleEm = toggleMark(marks.em);
export const setParagraph = setBlockType(nodes.paragraph);
export const setHeading2 = setBlockType(nodes.heading, { level: 2 });
export const setHeading3 = setBlockType(nodes.heading, { level: 3 });
export const wrapInBlockquote = wrapIn(nodes.blockquote);
export const wrapInBulletList = wrapInList(nodes.bullet_list);
export const wrapInOrderedList = wrapInList(nodes.ordered_list);
export { redo, undo };

/** Puts a link on the selection; refuses (returns false) anything but http, https, mailto. */
export function setLink(href: string, title: string | null = null): Command {
  return (state, dispatch) => {
    const target = href.trim();
    if (!isSafeHref(target) || state.selection.empty) return false;
    if (dispatch) {
      const { from, to } = state.selection;
      const tr = state.tr.removeMark(from, to, marks.link).addMark(from, to, marks.link.create({ href: target, title }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Removes links from the selection, or from the whole link around the cursor. */
export const removeLink: Command = (state, dispatch) => {
  let { from, to } = state.selection;
  if (state.selection.empty) {
    const range = linkRangeAt(state);
    if (!range) return false;
    ({ from, to } = range);
  } else if (!state.doc.rangeHasMark(from, to, marks.link)) {
    return false;
  }
  if (dispatch) dispatch(state.tr.removeMark(from, to, marks.link));
  return true;
};

/** The extent of the link the cursor is in, if any: the run of siblings carrying that link. */
export function linkRangeAt(state: EditorState): { from: number; to: number; href: string } | null {
  const $pos = state.selection.$from;
  const parent = $pos.parent;
  const child = parent.maybeChild($pos.index()) ?? parent.maybeChild($pos.index() - 1);
  const mark = child ? marks.link.isInSet(child.marks) : undefined;
  if (!mark) return null;
  const runs: Array<{ from: number; to: number }> = [];
  parent.forEach((node, offset) => {
    const pos = $pos.start() + offset;
    if (!mark.isInSet(node.marks)) return;
    const last = runs[runs.length - 1];
    if (last && last.to === pos) last.to = pos + node.nodeSize;
    else runs.push({ from: pos, to: pos + node.nodeSize });
  });
  const run = runs.find((r) => r.from <= $pos.pos && $pos.pos <= r.to);
  return run ? { ...run, href: String(mark.attrs.href) } : null;
}

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

export function blockActive(state: EditorState, type: NodeType, attrs: Attrs = {}): boolean {
  const { $from, to } = state.selection;
  if (to > $from.end()) return false;
  const parent = $from.parent;
  return parent.type === type && Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v);
}

/** True when the selection sits inside a node of this type (blockquote, lists). */
export function insideNode(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

/** History and keys. `askLink` opens the link field of the toolbar (Mod-k). */
export function editorPlugins(askLink: (view: EditorView) => void): Plugin[] {
  const keys: Record<string, Command> = {
    'Mod-z': undo,
    'Mod-Shift-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleStrong,
    'Mod-B': toggleStrong,
    'Mod-i': toggleEm,
    'Mod-I': toggleEm,
    'Mod-k': (_state, _dispatch, view) => {
      if (view) askLink(view);
      return true;
    },
    'Ctrl-Alt-0': setParagraph,
    'Ctrl-Alt-2': setHeading2,
    'Ctrl-Alt-3': setHeading3,
    'Ctrl->': wrapInBlockquote,
    // Ctrl+Enter is "Gửi" (the editor view sends the article); Shift+Enter breaks the line.
    'Shift-Enter': insertHardBreak,
    Enter: chainCommands(exitFigcaption, splitListItem(nodes.list_item)),
    Tab: sinkListItem(nodes.list_item),
    'Shift-Tab': liftListItem(nodes.list_item),
  };
  return [history(), typedTextPlugin(), composeMarksPlugin(), keymap(keys), keymap(baseKeymap)];
}

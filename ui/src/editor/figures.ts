/** Figures in the body: making them from photos, editing their attributes, the submit check. */
import { Fragment, Slice, type Node as PmDocNode } from 'prosemirror-model';
import { NodeSelection, Plugin, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { MediaItem } from '../bindings/MediaItem';
import type { FigureAttrs } from './figure-spec';
import { schema } from './schema';

const { figure, figcaption } = schema.nodes;

/** A figure for a photo, prefilled from its metadata: caption, credit (else by-line); alt empty. */
export function figureFromMedia(item: MediaItem): PmDocNode {
  const caption = item.caption.normalize('NFC').trim();
  const attrs: FigureAttrs = {
    media_id: item.id,
    credit: (item.credit.trim() || item.by_line.trim()).normalize('NFC'),
    alt: '',
    crop: null,
    rotation: 0,
  };
  return figure.create(attrs, figcaption.create(null, caption ? schema.text(caption) : null));
}

/** The depth of the figure around the selection, if any. */
function figureDepth(state: EditorState): number | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === figure) return d;
  return null;
}

/** Inserts figures for `items` at the cursor (after the figure the cursor is in, if any). */
export function insertFigures(items: MediaItem[]): Command {
  return (state, dispatch) => {
    if (items.length === 0) return false;
    const nodes = Fragment.from(items.map(figureFromMedia));
    if (dispatch) {
      const tr = state.tr;
      const sel = state.selection;
      const depth = figureDepth(state);
      if (sel instanceof NodeSelection && sel.node.type === figure) tr.insert(sel.to, nodes);
      else if (depth !== null) tr.insert(sel.$from.after(depth), nodes);
      else tr.replaceSelection(new Slice(nodes, 0, 0));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Changes attributes of the figure at `pos` in one (undoable) step, keeping it selected. */
export function setFigureAttrs(pos: number, changes: Partial<FigureAttrs>): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node || node.type !== figure) return false;
    if (dispatch) {
      const selected = state.selection instanceof NodeSelection && state.selection.from === pos;
      const tr = state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...changes });
      if (selected) tr.setSelection(NodeSelection.create(tr.doc, pos));
      dispatch(tr);
    }
    return true;
  };
}

/** Enter in a caption: a new paragraph after the figure (a figure has one caption). */
export const exitFigcaption: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.parent.type !== figcaption) return false;
  if (dispatch) {
    const tr = state.tr.deleteSelection();
    const pos = tr.mapping.map($from.after($from.depth - 1));
    tr.insert(pos, schema.nodes.paragraph.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView());
  }
  return true;
};

export type MissingField = 'caption' | 'credit' | 'alt';

/** What a figure still needs before the article can be submitted. */
export function figureMissing(node: PmDocNode): MissingField[] {
  const attrs = node.attrs as FigureAttrs;
  const missing: MissingField[] = [];
  if (!node.textContent.trim()) missing.push('caption');
  if (!attrs.credit.trim()) missing.push('credit');
  if (!attrs.alt.trim()) missing.push('alt');
  return missing;
}

export type IncompleteFigure = { number: number; pos: number; missing: MissingField[] };

/** Figures missing a caption, credit or alt text, numbered from 1 in reading order (as Rust). */
export function incompleteFigures(doc: PmDocNode): IncompleteFigure[] {
  const out: IncompleteFigure[] = [];
  let number = 0;
  doc.descendants((node, pos) => {
    if (node.type !== figure) return !node.isTextblock; // no figure inside a paragraph's text
    number += 1;
    const missing = figureMissing(node);
    if (missing.length) out.push({ number, pos, missing });
    return false;
  });
  return out;
}

/** The position of figure `number` (from 1, in reading order), if there is one. */
export function figurePos(doc: PmDocNode, number: number): number | null {
  let seen = 0;
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type !== figure) return true;
    if (++seen === number) found = pos;
    return false;
  });
  return found;
}

/** Marks the figure holding the selection (`figure-active`), which shows its toolbar. */
export function figureFocusPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const sel = state.selection;
        if (sel instanceof NodeSelection && sel.node.type === figure) {
          return DecorationSet.create(state.doc, [Decoration.node(sel.from, sel.to, { class: 'figure-active' })]);
        }
        const depth = figureDepth(state);
        if (depth === null) return null;
        const start = sel.$from.before(depth);
        const node = sel.$from.node(depth);
        return DecorationSet.create(state.doc, [Decoration.node(start, start + node.nodeSize, { class: 'figure-active' })]);
      },
    },
  });
}

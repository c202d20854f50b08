/**
 * Findings in the body: kept as inline decorations, which map through every edit, so a finding
 * stays on its words until the next check replaces the set; each carries its finding (spec).
 * They are not drawn as decorations (spans in the text) but by the underline layer beside the
 * text (see underline-layer.ts for why); the pointer finds them there.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { UnderlineLayer, wordStart } from './underline-layer';
import type { ArticleFinding } from '../bindings/ArticleFinding';

export type Finding = ArticleFinding & { id: string };
export type PlacedFinding = { from: number; to: number; finding: Finding };

type Meta = { set?: DecorationSet; remove?: readonly string[] };

export const findingsKey = new PluginKey<DecorationSet>('findings');

/** Tracks a finding's span; it is drawn by the underline layer, not as a span in the text. */
function findingDecoration(placed: PlacedFinding): Decoration {
  return Decoration.inline(placed.from, placed.to, {}, { finding: placed.finding });
}

/** A transaction that shows exactly these findings (nothing else changes). */
export function setFindings(state: EditorState, placed: readonly PlacedFinding[]): Transaction {
  const set = DecorationSet.create(state.doc, placed.filter((p) => p.to > p.from).map(findingDecoration));
  return state.tr.setMeta(findingsKey, { set } satisfies Meta).setMeta('addToHistory', false);
}

/** Marks `tr` to drop these findings (they were fixed or ignored). */
export function removeFindings(tr: Transaction, ids: readonly string[]): Transaction {
  return tr.setMeta(findingsKey, { remove: ids } satisfies Meta);
}

function toPlaced(d: Decoration): PlacedFinding {
  return { from: d.from, to: d.to, finding: (d.spec as { finding: Finding }).finding };
}

/** Every finding in the body (or between `from` and `to`) with its current position, in document order. */
export function bodyFindings(state: EditorState, from?: number, to?: number): PlacedFinding[] {
  const set = findingsKey.getState(state);
  return set ? set.find(from, to).map(toPlaced).sort((a, b) => a.from - b.from || a.to - b.to) : [];
}

export function findingById(state: EditorState, id: string): PlacedFinding | null {
  const set = findingsKey.getState(state);
  const found = set?.find(undefined, undefined, (spec) => (spec as { finding?: Finding }).finding?.id === id);
  return found && found.length > 0 ? toPlaced(found[0]!) : null;
}

/** The innermost finding around a cursor position. */
export function findingAt(state: EditorState, pos: number): PlacedFinding | null {
  const set = findingsKey.getState(state);
  const found = (set?.find(pos, pos) ?? []).filter((d) => d.from <= pos && pos <= d.to).map(toPlaced);
  found.sort((a, b) => a.to - a.from - (b.to - b.from));
  return found[0] ?? null;
}

export type FindingsHandlers = {
  /** Pointer over an underline (or a click on it). */
  point: (id: string, target: HTMLElement) => void;
  /** Pointer left an underline. */
  leave: () => void;
  /** The cursor moved (no edit) into a finding, or out of all (`null`). */
  cursor: (id: string | null) => void;
  /** Alt+Enter on a finding: open its popup with focus on the first action. */
  open: (id: string) => void;
  /** Escape in the text: true when it closed the popup (then the editor does nothing more). */
  escape: () => boolean;
};

const layers = new WeakMap<EditorView, UnderlineLayer>();

/**
 * Which underlines an update can have moved: none (false), those of one textblock typed into
 * (the position before it), or any ('all'). Typing in a paragraph without findings, or after
 * the last finding's word, moves none, unless the paragraph gained or lost a line, and then the
 * body's height changed: the layer's size observer sees that. So such keys cost the layer
 * nothing (not even reading a box, which lays the page out before its frame), and a key before
 * a finding costs it that paragraph's.
 */
export function findingsMoved(state: EditorState, prev: EditorState): false | 'all' | number {
  const set = findingsKey.getState(state);
  const before = findingsKey.getState(prev);
  if (set === before) return false;
  if (!set || set === DecorationSet.empty) return before !== DecorationSet.empty && 'all';
  if (state.doc === prev.doc) return 'all';
  const start = prev.doc.content.findDiffStart(state.doc.content);
  const end = prev.doc.content.findDiffEnd(state.doc.content);
  if (start === null || !end) return 'all';
  const $from = state.doc.resolve(start);
  const $to = state.doc.resolve(Math.max(start, end.b));
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return 'all';
  // Lines break from the block's start: words before the word changed stay where they were
  // (unless the block gains or loses a line, which the layer's size observer sees). So only the
  // findings from that word on can have moved, in the block as it is and as it was (a fix or an
  // ignore removes the one it touched).
  const from = $from.start() + wordStart($from.parent, $from.parentOffset);
  const $was = prev.doc.resolve(start);
  const touched = set.find(from, $from.end()).length > 0 || (before?.find(from, $was.end()).length ?? 0) > 0;
  return touched && $from.before();
}

/** A finding's underline on the page (its first line), for the popup and scrolling; null when not drawn. */
export function findingUnderline(view: EditorView, id: string): HTMLElement | null {
  return layers.get(view)?.pieceOf(id) ?? null;
}

export function findingsPlugin(handlers: FindingsHandlers): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findingsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const meta = tr.getMeta(findingsKey) as Meta | undefined;
        if (meta?.set) return meta.set;
        let next = tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
        if (meta?.remove?.length) {
          const ids = new Set(meta.remove);
          next = next.remove(next.find(undefined, undefined, (spec) => ids.has((spec as { finding: Finding }).finding.id)));
        }
        return next;
      },
    },
    props: {
      handleDOMEvents: {
        mousemove: (view, event) => {
          const layer = layers.get(view);
          if (!layer) return false;
          const at = layer.hit(event.clientX, event.clientY);
          // Written only when it changes: a style write restyles the whole body.
          if (!at !== !layer.pointed) view.dom.style.cursor = at ? 'pointer' : '';
          if (at && at.id !== layer.pointed) handlers.point(at.id, at.piece);
          else if (!at && layer.pointed) handlers.leave();
          layer.pointed = at?.id ?? null;
          return false;
        },
        mouseleave: (view) => {
          const layer = layers.get(view);
          if (!layer?.pointed) return false;
          handlers.leave();
          view.dom.style.cursor = '';
          layer.pointed = null;
          return false;
        },
        click: (view, event) => {
          const at = layers.get(view)?.hit(event.clientX, event.clientY);
          if (at) handlers.point(at.id, at.piece);
          return false;
        },
      },
      handleKeyDown: (view: EditorView, event: KeyboardEvent) => {
        const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
        if (event.key === 'Escape' && plain) return handlers.escape();
        if (event.key !== 'Enter' || !event.altKey) return false;
        const found = findingAt(view.state, view.state.selection.head);
        if (!found) return false;
        handlers.open(found.finding.id);
        return true;
      },
    },
    view: (view) => {
      const layer = new UnderlineLayer(view, bodyFindings);
      layers.set(view, layer);
      return {
        update: (view, prev) => {
          const moved = findingsMoved(view.state, prev);
          if (moved !== false) layer.schedule(moved === 'all' ? undefined : (view.nodeDOM(moved) ?? undefined));
          if (view.state.doc !== prev.doc || view.state.selection.eq(prev.selection)) return;
          const { selection } = view.state;
          const found = selection.empty ? findingAt(view.state, selection.head) : null;
          handlers.cursor(found ? found.finding.id : null);
        },
        destroy: () => {
          layer.destroy();
          layers.delete(view);
        },
      };
    },
  });
}

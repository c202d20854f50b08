/**
 * Findings in the body as inline decorations (wavy underlines). The decorations map through
 * every edit, so an underline stays on its words until the next check replaces the set; each
 * carries its finding (spec) and `data-finding-id`, which the popup and the panel look up.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { ArticleFinding } from '../bindings/ArticleFinding';

export type Finding = ArticleFinding & { id: string };
export type PlacedFinding = { from: number; to: number; finding: Finding };

type Meta = { set?: DecorationSet; remove?: readonly string[] };

export const findingsKey = new PluginKey<DecorationSet>('findings');

/** The colour group of a kind: red for spelling, blue for tone style, amber for style. */
export function kindGroup(kind: string): 'spelling' | 'tone' | 'style' {
  if (kind === 'spelling' || kind === 'real-word') return 'spelling';
  if (kind === 'tone-style' || kind === 'mixed-tone-style') return 'tone';
  return 'style';
}

const safeKind = (kind: string): string => kind.toLowerCase().replace(/[^a-z0-9-]/g, '');

export function findingDecoration(placed: PlacedFinding): Decoration {
  const { finding } = placed;
  const kind = safeKind(finding.kind);
  return Decoration.inline(
    placed.from,
    placed.to,
    {
      class: `finding finding-${kind} finding-group-${kindGroup(finding.kind)}`,
      'data-finding-id': finding.id,
      'data-kind': kind,
    },
    { finding },
  );
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

/** Every finding in the body with its current position, in document order. */
export function bodyFindings(state: EditorState): PlacedFinding[] {
  const set = findingsKey.getState(state);
  return set ? set.find().map(toPlaced).sort((a, b) => a.from - b.from || a.to - b.to) : [];
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

function targetFinding(event: Event): HTMLElement | null {
  const target = event.target as Node | null;
  const el = target instanceof Element ? target : target?.parentElement;
  return el?.closest<HTMLElement>('.finding[data-finding-id]') ?? null;
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
      decorations: (state) => findingsKey.getState(state),
      handleDOMEvents: {
        mouseover: (_view, event) => {
          const el = targetFinding(event);
          if (el) handlers.point(el.dataset.findingId!, el);
          return false;
        },
        mouseout: (_view, event) => {
          const from = targetFinding(event);
          const to = (event as MouseEvent).relatedTarget;
          if (from && !(to instanceof Node && from.contains(to))) handlers.leave();
          return false;
        },
        click: (_view, event) => {
          const el = targetFinding(event);
          if (el) handlers.point(el.dataset.findingId!, el);
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
    view: () => ({
      update: (view, prev) => {
        if (view.state.doc !== prev.doc || view.state.selection.eq(prev.selection)) return;
        const { selection } = view.state;
        const found = selection.empty ? findingAt(view.state, selection.head) : null;
        handlers.cursor(found ? found.finding.id : null);
      },
    }),
  });
}

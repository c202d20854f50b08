/**
 * Tìm và thay in the body: the matches of the query as decorations (the current one marked),
 * kept as the text changes. Case is ignored; diacritics are not (tìm "hoà" finds "Hoà", not
 * "hòa" or "hoa"). A match never spans two blocks. The headline and sapo use `findInText`.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export type Match = { from: number; to: number };
/** `current` is -1 when no body match is current (none, or the current one is in a field). */
type FindState = { query: string; matches: Match[]; current: number; decorations: DecorationSet };

export const findKey = new PluginKey<FindState>('find');

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

/** Every match of `query` in a plain text (a headline, a sapo, a block), as UTF-16 offsets. */
export function findInText(text: string, query: string): Match[] {
  const needle = fold(query);
  const hay = fold(text);
  // Lowercasing Vietnamese keeps each letter's length, so offsets stay aligned.
  if (!needle || hay.length !== text.length) return [];
  const out: Match[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push({ from: i, to: i + needle.length });
  return out;
}

/** Every match of `query` in the document's text blocks, in order. */
export function findMatches(doc: PmDocNode, query: string): Match[] {
  if (!query) return [];
  const out: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // The block's text with each UTF-16 unit's document position (a hard break is one '\n').
    let text = '';
    const at: number[] = [];
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      if (child.isText) {
        const t = child.text ?? '';
        for (let i = 0; i < t.length; i++) at.push(start + i);
        text += t;
      } else {
        at.push(start);
        text += '\n';
      }
    });
    for (const m of findInText(text, query)) out.push({ from: at[m.from]!, to: at[m.to - 1]! + 1 });
    return false;
  });
  return out;
}

function decorate(doc: PmDocNode, matches: Match[], current: number): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-current' : 'find-match' })),
  );
}

/** The matches in `doc`; the current one is the first at or after `near` (none without `near`). */
function fresh(doc: PmDocNode, query: string, near: number | null): FindState {
  const matches = findMatches(doc, query);
  const after = near === null ? -1 : matches.findIndex((m) => m.from >= near);
  const current = near === null || matches.length === 0 ? -1 : after < 0 ? 0 : after;
  return { query, matches, current, decorations: decorate(doc, matches, current) };
}

/** A new query (no body match current until the bar says which), or which one is current. */
export type FindMeta = { query: string } | { current: number };

/** `changed`: the matches or the current one after any update (the bar shows "3/12"). */
export function findPlugin(changed: (matches: readonly Match[], current: number) => void): Plugin<FindState> {
  let last: FindState | undefined;
  return new Plugin<FindState>({
    key: findKey,
    view: () => ({
      update(view) {
        const state = findKey.getState(view.state);
        if (state && state !== last) {
          last = state;
          changed(state.matches, state.current);
        }
      },
    }),
    state: {
      init: () => ({ query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value: FindState, _old: EditorState, state: EditorState): FindState {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (meta && 'query' in meta) return fresh(state.doc, meta.query, null);
        if (meta && 'current' in meta) {
          return { ...value, current: meta.current, decorations: decorate(state.doc, value.matches, meta.current) };
        }
        if (tr.docChanged && value.query) {
          // The current match follows the edit; none stays none (the current one is in a field).
          const current = value.matches[value.current];
          return fresh(state.doc, value.query, current ? tr.mapping.map(current.from) : null);
        }
        return value;
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

/**
 * Notes in the body as inline decorations (`note-highlight`, `data-note-id`), never as marks:
 * nothing of a note ever enters the document. The plugin keeps every attached note's range
 * and maps it through each edit, so a highlight follows typing at once; the next fetch after
 * a save replaces the ranges (see EditorNotes). The range a new note is being written for
 * (the draft) is kept the same way.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PmDocNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { BodyRange } from './anchors';

/** How a note's range shows: highlighted, faint (resolved, shown by the filter) or not at all. */
export type NoteLook = 'open' | 'resolved' | 'hidden';
export type NoteRange = BodyRange & { noteId: number; look: NoteLook };

type NotesState = { notes: NoteRange[]; draft: BodyRange | null; decorations: DecorationSet };
type Meta = { notes?: NoteRange[]; draft?: BodyRange | null };
type Mapping = Transaction['mapping'];

export const notesKey = new PluginKey<NotesState>('notes');

/** Ctrl+Alt+M (Cmd+Alt+M): a note on the selection. `code`, as Alt changes the key on macOS. */
export function isNoteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && (event.code === 'KeyM' || event.key.toLowerCase() === 'm');
}

/** An edit moves a range; one whose text is all gone is dropped (Rust detaches the note). */
function mapRange<T extends BodyRange>(range: T, mapping: Mapping): T | null {
  const from = mapping.map(range.from, 1);
  const to = mapping.map(range.to, -1);
  return to > from ? { ...range, from, to } : null;
}

function decorate(doc: PmDocNode, notes: readonly NoteRange[], draft: BodyRange | null): DecorationSet {
  const size = doc.content.size;
  const fits = (r: BodyRange) => r.from >= 0 && r.to <= size && r.to > r.from;
  const decorations = notes
    .filter((n) => n.look !== 'hidden' && fits(n))
    .map((n) =>
      Decoration.inline(
        n.from,
        n.to,
        { class: n.look === 'resolved' ? 'note-highlight note-resolved' : 'note-highlight', 'data-note-id': String(n.noteId) },
        { noteId: n.noteId },
      ),
    );
  if (draft && fits(draft)) decorations.push(Decoration.inline(draft.from, draft.to, { class: 'note-draft' }, { draft: true }));
  return DecorationSet.create(doc, decorations);
}

/** Shows exactly these notes' ranges (the draft stays). */
export function setNoteRanges(state: EditorState, notes: NoteRange[]): Transaction {
  return state.tr.setMeta(notesKey, { notes } satisfies Meta).setMeta('addToHistory', false);
}

/** Marks the range a new note is being written for (null: none any more). */
export function setDraftRange(state: EditorState, draft: BodyRange | null): Transaction {
  return state.tr.setMeta(notesKey, { draft } satisfies Meta).setMeta('addToHistory', false);
}

/** Every attached note's range as it is now, by note id (hidden ones too). */
export function noteRanges(state: EditorState): Map<number, NoteRange> {
  return new Map((notesKey.getState(state)?.notes ?? []).map((n) => [n.noteId, n]));
}

export function draftRange(state: EditorState): BodyRange | null {
  return notesKey.getState(state)?.draft ?? null;
}

export type NotesHandlers = {
  /** The ranges for a fresh document (the article was reloaded or restored). */
  place: (doc: PmDocNode) => NoteRange[];
  /** A highlight was clicked. */
  point: (noteId: number) => void;
  /** Ctrl+Alt+M in the body. */
  add: () => void;
  /** The selection changed: does it cover any text a note could be anchored to? */
  selection: (hasText: boolean) => void;
  focus: () => void;
};

function selectionHasText(state: EditorState): boolean {
  const { from, to, empty } = state.selection;
  return !empty && state.doc.textBetween(from, to, '', '\n').length > 0;
}

export function notesPlugin(handlers: NotesHandlers): Plugin<NotesState> {
  return new Plugin<NotesState>({
    key: notesKey,
    state: {
      init: (_config, state) => {
        const notes = handlers.place(state.doc);
        return { notes, draft: null, decorations: decorate(state.doc, notes, null) };
      },
      apply(tr, prev) {
        const meta = tr.getMeta(notesKey) as Meta | undefined;
        if (!tr.docChanged && !meta) return prev;
        let { notes, draft } = prev;
        if (tr.docChanged) {
          notes = notes.flatMap((n) => mapRange(n, tr.mapping) ?? []);
          draft = draft && mapRange(draft, tr.mapping);
        }
        // A plain edit maps the highlights as it maps the ranges (the same sides stick), at the
        // cost of the edit; only new ranges rebuild them.
        if (!meta) return { notes, draft, decorations: prev.decorations.map(tr.mapping, tr.doc) };
        if (meta.notes) notes = meta.notes;
        if ('draft' in meta) draft = meta.draft ?? null;
        return { notes, draft, decorations: decorate(tr.doc, notes, draft) };
      },
    },
    props: {
      decorations: (state) => notesKey.getState(state)?.decorations,
      handleDOMEvents: {
        click: (_view, event) => {
          const target = event.target as Node | null;
          const el = (target instanceof Element ? target : target?.parentElement)?.closest<HTMLElement>('.note-highlight[data-note-id]');
          if (el) handlers.point(Number(el.dataset.noteId));
          return false;
        },
        focus: () => {
          handlers.focus();
          return false;
        },
      },
      handleKeyDown: (_view, event) => {
        if (!isNoteShortcut(event)) return false;
        handlers.add();
        return true;
      },
    },
    view: (view) => {
      handlers.selection(selectionHasText(view.state));
      return {
        update: (view, prev) => {
          if (view.state.doc !== prev.doc || !view.state.selection.eq(prev.selection)) handlers.selection(selectionHasText(view.state));
        },
      };
    },
  });
}

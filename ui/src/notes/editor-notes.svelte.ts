/**
 * The open article's notes (NotesPanel renders them): the list, fetched again for every new
 * stored version (Rust moves the anchors on each save), the highlights in the body and the
 * headline and sapo markers, the note being written, replies, resolve, reopen and delete.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import { TextSelection, type Plugin } from 'prosemirror-state';
import { untrack } from 'svelte';
import type { Note } from '../bindings/Note';
import type { NoteAnchor } from '../bindings/NoteAnchor';
import type { NoteField } from '../bindings/NoteField';
import { toAppError, type Backend } from '../backend/backend';
import { textRange } from '../checks/blocks';
import type { BodyEditor } from '../editor/body-editor';
import type { MessageKey, Params } from '../i18n';
import { anchorRange, fieldAnchor, rangeAnchor } from './anchors';
import { draftRange, isNoteShortcut, noteRanges, notesPlugin, setDraftRange, setNoteRanges, type NoteRange } from './notes-plugin';

export type LeadField = 'headline' | 'sapo';

/** What the notes need of the editor. */
export type NotesHost = {
  /** The stored version: each new one (a save, a reload, a restore) fetches the notes again. */
  version: () => number;
  fields: Record<LeadField, () => HTMLTextAreaElement | undefined>;
  /** Saves what is pending, so a new note's anchor is in the stored text. */
  flush: () => Promise<void>;
  showPanel: () => void;
};

/** The text a new note is for: a body range (the plugin maps it) or a field's UTF-16 selection. */
export type NoteDraft = { field: NoteField; quote: string; from: number; to: number };
export type NotesMessage = { key: MessageKey; params?: Params };


export class EditorNotes {
  notes = $state.raw<Note[]>([]);
  hideResolved = $state(true);
  status = $state.raw<NotesMessage | null>(null);
  /** Null: the box at the top writes a general note. */
  draft = $state.raw<NoteDraft | null>(null);
  draftText = $state('');
  draftPhoto = $state(false);
  /** Set when the new note's box should take the focus once it is on screen. */
  focusDraft = $state(false);
  /** The note last pointed at (its highlight or the marker clicked), shown as current. */
  current = $state<number | null>(null);
  /** Set when `current` should be scrolled into view in the panel. */
  revealCurrent = $state(false);
  /** The body's selection covers some text: the toolbar's button can add a note on it. */
  bodyHasSelection = $state(false);
  busy = $state(false);

  readonly openCount = $derived(this.notes.filter((n) => !n.resolved).length);
  readonly shown = $derived(this.hideResolved ? this.notes.filter((n) => !n.resolved) : this.notes);

  private body: BodyEditor | null = null;
  /** Where the text was last in focus: "the selected text" means that one's selection. */
  private lastSource: NoteField = 'body';
  /** Increases per change of the list, so an older answer never replaces a newer list. */
  private generation = 0;
  private disposed = false;
  private readonly stopWatching: () => void;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    private readonly host: NotesHost,
  ) {
    this.stopWatching = $effect.root(() => {
      $effect(() => {
        host.version();
        untrack(() => void this.refresh());
      });
    });
  }

  /** The body editor's plugin: highlights, their clicks, Ctrl+Alt+M. */
  plugins(): Plugin[] {
    return [
      notesPlugin({
        place: (doc) => this.ranges(doc, new Map()),
        point: (id) => this.point(id),
        add: () => this.startFromBody(),
        selection: (hasText) => {
          if (this.bodyHasSelection !== hasText) this.bodyHasSelection = hasText;
        },
        focus: () => (this.lastSource = 'body'),
      }),
    ];
  }

  attach(body: BodyEditor): void {
    this.body = body;
    this.placeHighlights();
  }

  /** Headline and sapo: Ctrl+Alt+M there, and which of them had the focus last. */
  wireField(input: HTMLTextAreaElement, field: LeadField): () => void {
    const focus = () => (this.lastSource = field);
    const keydown = (event: KeyboardEvent) => {
      if (!isNoteShortcut(event)) return;
      event.preventDefault();
      this.startFromField(field);
    };
    input.addEventListener('focus', focus);
    input.addEventListener('keydown', keydown);
    return () => {
      input.removeEventListener('focus', focus);
      input.removeEventListener('keydown', keydown);
    };
  }

  /** Open notes anchored to a field (its marker shows how many). */
  fieldNotes(field: LeadField): Note[] {
    return this.notes.filter((n) => !n.resolved && !n.detached && n.anchor?.field === field);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const notes = await this.backend.listNotes(this.articleId);
      if (generation !== this.generation || this.disposed) return;
      this.notes = notes;
      this.placeHighlights();
    } catch (reason) {
      if (generation === this.generation) this.fail(reason);
    }
  }

  setHideResolved(on: boolean): void {
    this.hideResolved = on;
    this.placeHighlights();
  }

  /**
   * Each attached body note's range in `doc`: where its anchor says when the text there is its
   * quote (the anchor is fresh), else where the edits since took it (`live`), else the anchor.
   */
  private ranges(doc: PmDocNode, live: Map<number, NoteRange>): NoteRange[] {
    return this.notes.flatMap((note) => {
      if (note.detached || note.anchor?.field !== 'body') return [];
      const fetched = anchorRange(doc, note.anchor);
      const range = fetched && fetched.text === note.quote ? fetched : (live.get(note.id) ?? fetched);
      if (!range) return [];
      const look = !note.resolved ? 'open' : this.hideResolved ? 'hidden' : 'resolved';
      return [{ from: range.from, to: range.to, noteId: note.id, look }];
    });
  }

  private placeHighlights(): void {
    const view = this.body?.view;
    if (!view || this.disposed) return;
    view.dispatch(setNoteRanges(view.state, this.ranges(view.state.doc, noteRanges(view.state))));
  }

  /** A highlight or a marker was clicked: the panel shows that note (the focus stays in the text). */
  point(noteId: number): void {
    this.current = noteId;
    this.revealCurrent = true;
    this.host.showPanel();
  }

  /** A field's marker: the panel, at the field's first note. */
  showField(field: LeadField): void {
    const first = this.fieldNotes(field)[0];
    if (first) this.point(first.id);
    else this.host.showPanel();
  }

  /** From the panel: selects the note's text in the body or its field. */
  goTo(note: Note): void {
    this.current = note.id;
    const anchor = note.anchor;
    if (!anchor || note.detached) return;
    if (anchor.field === 'body') {
      const view = this.body?.view;
      const range = view && (noteRanges(view.state).get(note.id) ?? anchorRange(view.state.doc, anchor));
      if (!view || !range) return;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
      view.focus();
      return;
    }
    const input = this.host.fields[anchor.field]();
    if (!input) return;
    const { from, to } = textRange(input.value, anchor.start, anchor.end);
    input.focus();
    input.setSelectionRange(from, to);
  }

  /** "Thêm ghi chú" or Ctrl+Alt+M in the body: a note on the selection (none: a general note). */
  startFromBody(): void {
    const view = this.body?.view;
    if (!view) return;
    const { from, to } = view.state.selection;
    const placed = rangeAnchor(view.state.doc, from, to);
    if (!placed) return this.startGeneral();
    view.dispatch(setDraftRange(view.state, { from: placed.from, to: placed.to }));
    this.begin({ field: 'body', quote: placed.quote, from: placed.from, to: placed.to });
  }

  startFromField(field: LeadField): void {
    const input = this.host.fields[field]();
    if (!input) return;
    const placed = fieldAnchor(field, input.value, input.selectionStart, input.selectionEnd);
    if (!placed) return this.startGeneral();
    this.dropBodyDraft();
    this.begin({ field, quote: placed.quote, from: input.selectionStart, to: input.selectionEnd });
  }

  /** "Ghi chú cho đoạn đang chọn" in the panel: the selection of the text last in focus. */
  startFromSelection(): void {
    if (this.lastSource === 'body') {
      if (this.bodyHasSelection) return this.startFromBody();
    } else {
      const input = this.host.fields[this.lastSource]();
      if (input && input.selectionEnd > input.selectionStart) return this.startFromField(this.lastSource);
    }
    this.status = { key: 'notes.selectFirst' };
  }

  startGeneral(): void {
    this.dropBodyDraft();
    this.begin(null);
  }

  private begin(draft: NoteDraft | null): void {
    this.draft = draft;
    this.status = null;
    this.focusDraft = true;
    this.host.showPanel();
  }

  /** Escape in the box: the selection's note is dropped and the focus goes back to that text. */
  cancelDraft(): void {
    const draft = this.draft;
    this.resetDraft();
    if (draft?.field === 'body') this.body?.view.focus();
    else if (draft) {
      const input = this.host.fields[draft.field as LeadField]();
      input?.focus();
      input?.setSelectionRange(draft.from, draft.to);
    }
  }

  private resetDraft(): void {
    this.dropBodyDraft();
    this.draft = null;
    this.draftText = '';
    this.draftPhoto = false;
  }

  private dropBodyDraft(): void {
    const view = this.body?.view;
    if (view && draftRange(view.state)) view.dispatch(setDraftRange(view.state, null));
  }

  /** The draft's anchor in the text as it is now (the body range has followed the edits). */
  private draftAnchor(draft: NoteDraft): NoteAnchor | null {
    if (draft.field === 'body') {
      const view = this.body?.view;
      const range = view && draftRange(view.state);
      return (view && range && rangeAnchor(view.state.doc, range.from, range.to)?.anchor) || null;
    }
    const input = this.host.fields[draft.field as LeadField]();
    return input ? (fieldAnchor(draft.field as LeadField, input.value, draft.from, draft.to)?.anchor ?? null) : null;
  }

  /** "Lưu": the text is saved first, so the anchor points into what is stored. */
  async saveDraft(): Promise<boolean> {
    const text = this.draftText.trim();
    if (!text) {
      this.status = { key: 'notes.emptyText' };
      return false;
    }
    if (this.busy) return false;
    this.busy = true;
    try {
      await this.host.flush();
      const draft = this.draft;
      const anchor = draft ? this.draftAnchor(draft) : null;
      if (draft && !anchor) {
        this.status = { key: 'notes.gone' };
        return false;
      }
      const note = await this.backend.addNote(this.articleId, { text, anchor: anchor ?? undefined, photo_request: this.draftPhoto });
      this.resetDraft();
      this.current = note.id;
      this.revealCurrent = true;
      this.status = { key: 'notes.added' };
      await this.refresh();
      return true;
    } catch (reason) {
      this.fail(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async reply(note: Note, text: string): Promise<boolean> {
    const clean = text.trim();
    if (!clean) return false;
    try {
      this.replace(await this.backend.addNote(this.articleId, { text: clean, photo_request: false, reply_to: note.id }));
      return true;
    } catch (reason) {
      this.fail(reason);
      return false;
    }
  }

  async setResolved(note: Note, resolved: boolean): Promise<void> {
    try {
      this.replace(await this.backend.setNoteResolved(note.id, resolved));
    } catch (reason) {
      this.fail(reason);
    }
  }

  async remove(note: Note): Promise<void> {
    try {
      await this.backend.deleteNote(note.id);
      this.generation++;
      this.notes = this.notes.filter((n) => n.id !== note.id);
      this.placeHighlights();
    } catch (reason) {
      this.fail(reason);
    }
  }

  private replace(updated: Note): void {
    this.generation++;
    this.notes = this.notes.map((n) => (n.id === updated.id ? updated : n));
    this.placeHighlights();
  }

  private fail(reason: unknown): void {
    if (!this.disposed) this.status = { key: 'error.generic', params: { message: toAppError(reason).message } };
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
  }
}

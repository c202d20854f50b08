/**
 * "Tìm và thay" (Ctrl+F) over the headline, the sapo and the body, in that order: the query,
 * the replacement, how many matches and which one is current. Moving between matches selects
 * each where it is and scrolls to it; "Thay" replaces the current one, "Thay tất cả" every one
 * (the body's part in a single step that one Ctrl+Z undoes). The fields' matches are derived
 * from the editor's text and change through its setter, as typing does.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { findInText, findKey, findPlugin, type Match } from './find-plugin';

export type FindField = 'headline' | 'sapo';
export type FindPlace = FindField | 'body';
export type PlacedMatch = Match & { place: FindPlace };

/** The editor's plain fields, as the find bar reads and changes them. */
export type FindFields = {
  text(field: FindField): string;
  /** The field's element on screen (to select a match in it). */
  input(field: FindField): HTMLInputElement | HTMLTextAreaElement | undefined;
  /** The same setter typing goes through (autosave, counts and checks follow). */
  edit(field: FindField, value: string): void;
  readOnly(): boolean;
};

const FIELDS: readonly FindField[] = ['headline', 'sapo'];
const ORDER: readonly FindPlace[] = ['headline', 'sapo', 'body'];

/** `text` with each match replaced (matches in order, not overlapping). */
function replaced(text: string, matches: readonly Match[], replacement: string): string {
  let out = text;
  for (const m of [...matches].reverse()) out = out.slice(0, m.from) + replacement + out.slice(m.to);
  return out;
}

export class FindBar {
  open = $state(false);
  query = $state('');
  replacement = $state('');
  /** Bumped when the query field should take the focus. */
  focusRequest = $state(0);
  private bodyMatches = $state.raw<readonly Match[]>([]);
  private bodyCurrent = $state(-1);
  /** Where the current match is; for a field, its index there (the body's is the plugin's). */
  private at = $state.raw<{ place: FindPlace; index: number } | null>(null);
  /** Where a new query starts looking: the field (or body) the user was in. */
  private origin: FindPlace = 'body';
  readonly plugin = findPlugin((matches, current) => {
    this.bodyMatches = matches;
    this.bodyCurrent = current;
  });

  constructor(
    private readonly view: () => EditorView,
    private readonly fields: FindFields,
  ) {}

  /** The matches in the headline and the sapo, following their text as it is typed. */
  readonly fieldMatches = $derived.by((): Record<FindField, Match[]> => {
    const on = this.open && this.query !== '';
    return {
      headline: on ? findInText(this.fields.text('headline'), this.query) : [],
      sapo: on ? findInText(this.fields.text('sapo'), this.query) : [],
    };
  });

  /** Every match in order: headline, sapo, body. */
  readonly matches = $derived.by((): PlacedMatch[] => [
    ...this.fieldMatches.headline.map((m) => ({ ...m, place: 'headline' as const })),
    ...this.fieldMatches.sapo.map((m) => ({ ...m, place: 'sapo' as const })),
    ...this.bodyMatches.map((m) => ({ ...m, place: 'body' as const })),
  ]);

  readonly count = $derived(this.matches.length);

  /** 0-based over all matches; -1 when none is current (none at all, or the current one was edited away). */
  readonly current = $derived.by(() => {
    const at = this.at;
    if (!at) return -1;
    const { headline, sapo } = this.fieldMatches;
    if (at.place === 'body') return this.bodyCurrent < 0 ? -1 : headline.length + sapo.length + this.bodyCurrent;
    const n = this.fieldMatches[at.place].length;
    return n === 0 ? -1 : (at.place === 'sapo' ? headline.length : 0) + Math.min(at.index, n - 1);
  });

  /** The field the current match is in (it is marked there), if any. */
  readonly currentField = $derived.by((): FindField | null => {
    const place = this.matches[this.current]?.place;
    return place === 'headline' || place === 'sapo' ? place : null;
  });

  /** Ctrl+F: opens with the selected words (one line at most) as the query. */
  show(): void {
    const field = FIELDS.find((f) => this.fields.input(f) === document.activeElement);
    let selected = '';
    if (field) {
      const input = this.fields.input(field)!;
      selected = input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    } else {
      const { state } = this.view();
      const { from, to, empty } = state.selection;
      selected = empty ? '' : state.doc.textBetween(from, to, '\n');
    }
    this.origin = field ?? 'body';
    this.open = true;
    if (selected && !selected.includes('\n') && selected.length <= 200) this.search(selected);
    else if (this.query) this.search(this.query);
    this.focusRequest++;
  }

  /** A new query: the current match is the first one from where the user was on. */
  search(query: string): void {
    this.query = query;
    const view = this.view();
    view.dispatch(view.state.tr.setMeta(findKey, { query }));
    const origin = this.origin;
    const input = origin === 'body' ? undefined : this.fields.input(origin);
    const offset = origin === 'body' ? view.state.selection.from : (input?.selectionStart ?? 0);
    this.mark(this.nextFrom(origin, offset), false);
  }

  /** The next match (or the previous one), selected where it is and scrolled to. */
  go(step: 1 | -1): void {
    if (this.count === 0) return;
    const from = this.current < 0 ? (step > 0 ? -1 : 0) : this.current;
    this.mark((from + step + this.count) % this.count, true);
  }

  /** The index of the first match at or after `offset` in `place`, or in a place after it (wrapping). */
  private nextFrom(place: FindPlace, offset: number): number {
    const rank = ORDER.indexOf(place);
    const index = this.matches.findIndex((m) => ORDER.indexOf(m.place) > rank || (m.place === place && m.from >= offset));
    return index >= 0 ? index : this.count > 0 ? 0 : -1;
  }

  /** Makes match `index` the current one; `reveal` also selects it and scrolls to it. */
  private mark(index: number, reveal: boolean): void {
    const match = this.matches[index];
    const view = this.view();
    const before = this.matches.findIndex((m) => m.place === match?.place);
    this.at = match ? { place: match.place, index: index - before } : null;
    const tr = view.state.tr.setMeta(findKey, { current: match?.place === 'body' ? index - before : -1 });
    if (match?.place === 'body' && reveal) tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
    view.dispatch(tr);
    if (!match || match.place === 'body') return;
    this.origin = match.place;
    if (reveal) this.selectInField(match.place, match);
  }

  /**
   * Selects the match in its field and brings it into view. The field takes the focus for that
   * (a textarea scrolls to its selection only then) and gives it back to the find bar.
   */
  private selectInField(field: FindField, match: Match): void {
    const input = this.fields.input(field);
    if (!input) return;
    const back = document.activeElement;
    input.focus({ preventScroll: true });
    input.setSelectionRange(match.from, match.to);
    input.scrollIntoView?.({ block: 'nearest' });
    if (back instanceof HTMLElement && back !== input) back.focus({ preventScroll: true });
  }

  /** "Thay": the current match becomes the replacement; the next one is current. */
  replaceOne(): void {
    const match = this.matches[this.current];
    if (!match || this.fields.readOnly()) return;
    if (match.place === 'body') {
      const view = this.view();
      view.dispatch(view.state.tr.insertText(this.replacement, match.from, match.to).scrollIntoView());
    } else {
      this.setField(match.place, replaced(this.fields.text(match.place), [match], this.replacement));
    }
    this.mark(this.nextFrom(match.place, match.from + this.replacement.length), true);
  }

  /**
   * "Thay tất cả": every match, the body's as one undoable change, the fields' through the
   * editor's setter (all in one autosave). Returns how many in all, and how many in the fields.
   */
  replaceAll(): { count: number; inFields: number } {
    if (this.count === 0 || this.fields.readOnly()) return { count: 0, inFields: 0 };
    let inFields = 0;
    for (const field of FIELDS) {
      const found = this.fieldMatches[field];
      if (found.length === 0) continue;
      this.setField(field, replaced(this.fields.text(field), found, this.replacement));
      inFields += found.length;
    }
    const body = this.bodyMatches;
    if (body.length > 0) {
      const view = this.view();
      const tr = view.state.tr;
      for (const match of [...body].reverse()) tr.insertText(this.replacement, match.from, match.to);
      view.dispatch(tr);
    }
    return { count: inFields + body.length, inFields };
  }

  /**
   * As typing does: the element holds the new text first (so the match selected next is not
   * lost when the view writes it later), then the editor's setter takes it.
   */
  private setField(field: FindField, value: string): void {
    const input = this.fields.input(field);
    if (input) input.value = value;
    this.fields.edit(field, value);
  }

  close(): void {
    const field = this.currentField;
    this.open = false;
    this.at = null;
    const view = this.view();
    view.dispatch(view.state.tr.setMeta(findKey, { query: '' }));
    // Back to where the current match was.
    if (field) this.fields.input(field)?.focus();
    else view.focus();
  }
}

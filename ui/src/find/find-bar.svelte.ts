/**
 * "Tìm và thay" (Ctrl+F) over the body: the query, the replacement, how many matches and which
 * one is current. Moving between matches selects each in the text and scrolls to it; "Thay"
 * replaces the current one, "Thay tất cả" every one in a single step (one Ctrl+Z undoes it).
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { findKey, findPlugin, type Match } from './find-plugin';

export class FindBar {
  open = $state(false);
  query = $state('');
  replacement = $state('');
  count = $state(0);
  /** 0-based; -1 when there is no match. */
  current = $state(-1);
  /** Bumped when the query field should take the focus. */
  focusRequest = $state(0);
  private matches: readonly Match[] = [];
  readonly plugin = findPlugin((matches, current) => {
    this.matches = matches;
    this.count = matches.length;
    this.current = current;
  });

  constructor(private readonly view: () => EditorView) {}

  /** Ctrl+F: opens with the selected words (one line at most) as the query. */
  show(): void {
    const { state } = this.view();
    const { from, to, empty } = state.selection;
    const selected = empty ? '' : state.doc.textBetween(from, to, '\n');
    if (selected && !selected.includes('\n') && selected.length <= 200) this.search(selected);
    else if (this.query) this.search(this.query);
    this.open = true;
    this.focusRequest++;
  }

  search(query: string): void {
    this.query = query;
    const view = this.view();
    view.dispatch(view.state.tr.setMeta(findKey, { query }));
  }

  /** The next match (or the previous one), selected in the text and scrolled to. */
  go(step: 1 | -1): void {
    if (this.count === 0) return;
    const current = (this.current + step + this.count) % this.count;
    this.select(current);
  }

  private select(index: number): void {
    const match = this.matches[index];
    if (!match) return;
    const view = this.view();
    const tr = view.state.tr.setMeta(findKey, { current: index });
    tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
    view.dispatch(tr);
  }

  /** "Thay": the current match becomes the replacement; the next one is current. */
  replaceOne(): void {
    const match = this.matches[this.current];
    if (!match) return;
    const view = this.view();
    view.dispatch(view.state.tr.insertText(this.replacement, match.from, match.to).scrollIntoView());
    if (this.count > 0) this.select(Math.min(this.current, this.count - 1));
  }

  /** "Thay tất cả": every match at once, as one undoable change. Returns how many. */
  replaceAll(): number {
    if (this.matches.length === 0) return 0;
    const view = this.view();
    const tr = view.state.tr;
    for (const match of [...this.matches].reverse()) tr.insertText(this.replacement, match.from, match.to);
    const n = this.matches.length;
    view.dispatch(tr);
    return n;
  }

  close(): void {
    this.open = false;
    const view = this.view();
    view.dispatch(view.state.tr.setMeta(findKey, { query: '' }));
    view.focus();
  }
}

/**
 * The figure check: which figures still lack a caption, a credit or alt text, read from the
 * body on every change (so a filled field drops its warning at once), and whether the list is
 * on screen (after a refused submit). A warning leads to the field that is missing.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import { NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { figurePos, incompleteFigures, type IncompleteFigure } from '../editor/figures';

const same = (a: IncompleteFigure[], b: IncompleteFigure[]) =>
  a.length === b.length && a.every((f, i) => f.number === b[i]!.number && f.missing.join() === b[i]!.missing.join());

export class FigureCheck {
  /** The figures missing something, numbered from 1 in reading order (as Rust numbers them). */
  incomplete = $state.raw<IncompleteFigure[]>([]);
  /** The list is on screen: submitting was refused, and it was not closed since. */
  shown = $state(false);
  /** Rust's own words when it refused; the standard title otherwise. */
  refusal = $state<string | null>(null);
  visible = $derived(this.shown && (this.incomplete.length > 0 || this.refusal !== null));
  private view: EditorView | null = null;

  /**
   * The body changed (or was replaced): the list on screen follows it. Off screen nothing reads
   * it, so typing does not walk the body for figures; `show` reads it afresh.
   */
  update(view: EditorView): void {
    this.view = view;
    if (this.shown) this.read(view.state.doc);
  }

  private read(doc: PmDocNode): void {
    const next = incompleteFigures(doc);
    // Everything filled in: the refusal is answered, the list goes.
    if (next.length === 0 && this.incomplete.length > 0) this.close();
    if (!same(next, this.incomplete)) this.incomplete = next;
  }

  /** Puts the list on screen (with Rust's message, if it refused); false when nothing is missing. */
  show(refusal: string | null): boolean {
    if (this.view) this.read(this.view.state.doc);
    if (this.incomplete.length === 0 && refusal === null) {
      this.close();
      return false;
    }
    this.refusal = refusal;
    this.shown = true;
    return true;
  }

  close(): void {
    this.shown = false;
    this.refusal = null;
  }

  /** Leads to the first missing field of figure `number`: its caption, credit or alt input. */
  focus(number: number): void {
    const view = this.view;
    const pos = view ? figurePos(view.state.doc, number) : null;
    if (!view || pos === null) return;
    const field = this.incomplete.find((f) => f.number === number)?.missing[0] ?? 'caption';
    if (field === 'caption') {
      // The caption is the figure's text: the cursor goes into it (pos + 1 is the figcaption).
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + 2)).scrollIntoView());
      view.focus();
      return;
    }
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
    const input = (view.nodeDOM(pos) as HTMLElement | null)?.querySelector<HTMLInputElement>(`.figure-${field}`);
    input?.scrollIntoView?.({ block: 'center' });
    input?.focus();
  }
}

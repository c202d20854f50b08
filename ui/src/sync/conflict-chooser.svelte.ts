/**
 * A conflict being decided side by side (ConflictDialog renders it): the places both sides
 * changed, one choice per place, and what came of "Áp dụng". Two sources use it: a sync
 * conflict (the site's version; applying saves and sends) and an edit merge (a version saved
 * elsewhere while this one was being edited).
 */
import { tick } from 'svelte';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import { toAppError } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';
import type { ConflictKind } from './conflict-wording';

export type { ConflictKind } from './conflict-wording';

export type ConflictSource = {
  kind: ConflictKind;
  /** The places to decide. */
  hunks: () => Promise<ConflictHunk[]>;
  /** One side per place, in order; false (or a rejection, shown) leaves the view open. */
  apply: (choices: ConflictSide[]) => Promise<boolean>;
  /** The view closed, decided or not: where the focus goes back to. */
  closed: () => void;
};

export type ConflictMessage = { key: MessageKey; params?: Params };

export class ConflictChooser {
  /** The conflict shown; null while the dialog is closed. */
  source = $state.raw<ConflictSource | null>(null);
  hunks = $state.raw<ConflictHunk[]>([]);
  choices = $state<Array<ConflictSide | null>>([]);
  status = $state.raw<ConflictMessage | null>(null);
  applying = $state(false);
  /** Settles the promise `open` returned: true once applied, false when closed undecided. */
  private settle: ((applied: boolean) => void) | null = null;

  get isOpen(): boolean {
    return this.source !== null;
  }

  get kind(): ConflictKind {
    return this.source?.kind ?? 'sync';
  }

  get remaining(): number {
    return this.choices.filter((c) => c === null).length;
  }

  get canApply(): boolean {
    return !this.applying && this.choices.length > 0 && this.remaining === 0;
  }

  /** Shows `source`'s places; resolves true once its choices were applied, false if closed undecided. */
  open(source: ConflictSource): Promise<boolean> {
    this.settle?.(false);
    this.source = source;
    this.hunks = [];
    this.choices = [];
    this.applying = false;
    this.status = { key: 'conflict.loading' };
    const outcome = new Promise<boolean>((resolve) => (this.settle = resolve));
    source.hunks().then(
      (hunks) => {
        if (this.source !== source) return;
        this.hunks = hunks;
        this.choices = hunks.map(() => null);
        this.status = hunks.length === 0 ? { key: 'conflict.none' } : null;
      },
      (reason) => {
        if (this.source === source) this.status = { key: 'error.generic', params: { message: toAppError(reason).message } };
      },
    );
    return outcome;
  }

  close(): void {
    this.finish(false);
  }

  choose(index: number, side: ConflictSide): void {
    this.choices[index] = side;
  }

  chooseAll(side: ConflictSide): void {
    this.choices = this.choices.map(() => side);
  }

  /** "Áp dụng": every place decided; the view closes once the source took the choices. */
  async apply(): Promise<void> {
    const source = this.source;
    const choices = this.choices.filter((c): c is ConflictSide => c !== null);
    if (!source || !this.canApply) return;
    this.applying = true;
    try {
      if (await source.apply(choices)) {
        if (this.source === source) this.finish(true);
        return;
      }
    } catch (reason) {
      if (this.source === source) this.status = { key: 'conflict.failed', params: { message: toAppError(reason).message } };
    } finally {
      if (this.source === source || this.source === null) this.applying = false;
    }
  }

  private finish(applied: boolean): void {
    const [source, settle] = [this.source, this.settle];
    if (!source) return;
    this.source = null;
    this.settle = null;
    settle?.(applied);
    // The focus goes back once the screen shows the outcome (the button that opened it may be gone).
    void tick().then(() => source.closed());
  }
}

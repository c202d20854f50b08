/**
 * "Xem thay đổi": two versions of the open article compared (ChangeReview.svelte shows it).
 * By default the text as handed in against the article now; then each change can be kept
 * ("Giữ": not asked about again) or undone ("Bỏ": the old words come back as a new save,
 * which the editor then shows, after saving what was typed — as a restore does).
 */
import type { Article } from '../bindings/Article';
import type { ArticleDiff } from '../bindings/ArticleDiff';
import { toAppError, type Backend } from '../backend/backend';
import { changeIds, changeWords, sameWords } from './diff-layout';
import type { HistoryMessage } from './revision-history.svelte';

export type ReviewCallbacks = {
  /** Saves pending edits, so "now" is what the user sees; false if that failed. */
  save: () => Promise<boolean>;
  /** A change was undone: the editor shows the stored article. */
  saved: (article: Article) => void;
  /** Something was kept or undone: the history list and its summary are stale. */
  changed: () => void;
};

export class ChangeReview {
  isOpen = $state(false);
  /** Revision ids; `from` null is "as submitted", `to` null is the article now. */
  from = $state<number | null>(null);
  to = $state<number | null>(null);
  diff = $state.raw<ArticleDiff | null>(null);
  status = $state.raw<HistoryMessage | null>(null);
  /** Unchanged body blocks shown too, rather than folded. */
  showAll = $state(false);
  /** A keep or undo is under way: the buttons wait. */
  busy = $state(false);
  private generation = 0;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    private readonly callbacks: ReviewCallbacks,
  ) {}

  /** Keep and undo apply only against the article now. */
  get againstNow(): boolean {
    return this.diff !== null && this.diff.to === null;
  }

  get changes(): string[] {
    return this.diff ? changeIds(this.diff.fields) : [];
  }

  /** The changes not kept yet, in reading order. */
  get pending(): string[] {
    const accepted = new Set(this.diff?.accepted ?? []);
    return this.changes.filter((c) => !accepted.has(c));
  }

  /** Opens on "as submitted" against now, what was typed saved first. */
  async open(): Promise<void> {
    this.isOpen = true;
    this.from = null;
    this.to = null;
    this.diff = null;
    this.status = null;
    await this.callbacks.save();
    await this.load();
  }

  close(): void {
    this.isOpen = false;
    this.generation++;
    this.diff = null;
    this.status = null;
  }

  async compare(from: number | null, to: number | null): Promise<void> {
    this.from = from;
    this.to = to;
    await this.load();
  }

  /** Compares again (after a choice, a keep or an undo); an older answer never replaces a newer one. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.status = { key: 'review.loading' };
    try {
      const diff = await this.backend.diffArticle(this.articleId, this.from, this.to);
      if (generation !== this.generation) return;
      this.diff = diff;
      this.status = null;
    } catch (reason) {
      if (generation === this.generation) this.fail(reason);
    }
  }

  async accept(change: string): Promise<void> {
    await this.act(async (diff) => {
      this.diff = await this.backend.acceptChange(this.articleId, diff.from, change);
    });
  }

  /** "Giữ tất cả": every change not kept yet, one after the other. */
  async acceptAll(): Promise<void> {
    await this.act(async (diff) => {
      for (const change of this.pending) this.diff = await this.backend.acceptChange(this.articleId, diff.from, change);
    });
  }

  /**
   * Undoes `change`: what was typed is saved first, then the change is looked up again in
   * the article as stored (by its words: a save may have moved it), undone on that version,
   * and the editor reloads. If the text moved on meanwhile, the comparison is refreshed instead.
   */
  async reject(change: string): Promise<void> {
    await this.act(async (diff) => {
      const words = changeWords(diff.fields, change);
      if (!(await this.callbacks.save())) return;
      const fresh = await this.backend.diffArticle(this.articleId, diff.from, null);
      if (!sameWords(words, changeWords(fresh.fields, change))) {
        this.diff = fresh;
        this.status = { key: 'review.stale' };
        return;
      }
      try {
        this.callbacks.saved(await this.backend.rejectChange(this.articleId, diff.from, change, fresh.version));
      } catch (reason) {
        if (toAppError(reason).code !== 'conflict') throw reason;
        this.diff = await this.backend.diffArticle(this.articleId, diff.from, null);
        this.status = { key: 'review.stale' };
        return;
      }
      this.diff = await this.backend.diffArticle(this.articleId, diff.from, null);
      this.status = { key: 'review.undone' };
    });
  }

  /** One keep or undo at a time, against now; the list is told afterwards. */
  private async act(run: (diff: ArticleDiff) => Promise<void>): Promise<void> {
    const diff = this.diff;
    if (!diff || diff.to !== null || this.busy) return;
    this.busy = true;
    this.generation++;
    this.status = null;
    try {
      await run(diff);
    } catch (reason) {
      this.fail(reason);
    } finally {
      this.busy = false;
      this.callbacks.changed();
    }
  }

  private fail(reason: unknown): void {
    this.status = { key: 'error.generic', params: { message: toAppError(reason).message } };
  }
}

/**
 * The open article's history (HistoryPanel renders it): its revisions (numbered 1..N, oldest
 * first) and workflow steps, the revision shown read-only and restoring it (asked first, and
 * undoable), how much changed since it was handed in, the comparison ("Xem thay đổi"), and the
 * number of the revision the article is at (the top bar's "Bản N"). Pending edits are saved
 * before a restore or an undone change, so nothing is lost.
 */
import type { Article } from '../bindings/Article';
import type { Revision } from '../bindings/Revision';
import type { RevisionMark } from '../bindings/RevisionMark';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { Transition } from '../bindings/Transition';
import { toAppError, type Backend } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { ChangeReview } from './change-review.svelte';
import { changeIds } from './diff-layout';
import { timeline, wasHandedIn } from './timeline';

export type HistoryCallbacks = {
  /** Saves pending edits first, so a restore (or an undone change) is based on what the user sees. */
  beforeRestore: () => Promise<boolean>;
  /** The stored article replaced the editor's text (a restore, an undone change): show it, undoably. */
  restored: (article: Article) => void;
};

export type HistoryMessage = { key: MessageKey; params?: Params };
export type RevisionPreview = { revision: Revision; summary: RevisionSummary };

export class RevisionHistory {
  revisions = $state.raw<RevisionSummary[]>([]);
  steps = $state.raw<Transition[]>([]);
  /** How many changes since the article was handed in; null if it never was. */
  sinceSubmitted = $state<number | null>(null);
  status = $state.raw<HistoryMessage | null>(null);
  /** The revision clicked last (its preview may still be loading). */
  selected = $state<number | null>(null);
  preview = $state.raw<RevisionPreview | null>(null);
  /** The revision whose restore waits for "Khôi phục" to be confirmed. */
  confirming = $state<number | null>(null);
  /** After a restore: the state before it, which "Hoàn tác" puts back. */
  undoable = $state.raw<RevisionSummary | null>(null);
  /** The revision the article is at and until when edits join it; null until known. */
  mark = $state.raw<RevisionMark | null>(null);
  /** Revisions and steps in one list, newest first. */
  entries = $derived(timeline(this.revisions, this.steps));
  handedIn = $derived(wasHandedIn(this.steps));
  /** Increases per list fetch, so an old answer never replaces a newer one. */
  private generation = 0;
  private markGeneration = 0;
  /** The panel is open: a new revision refreshes the list too. */
  private listed = false;
  readonly review: ChangeReview;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    private readonly callbacks: HistoryCallbacks,
  ) {
    this.review = new ChangeReview(backend, articleId, {
      save: () => callbacks.beforeRestore(),
      saved: (article) => callbacks.restored(article),
      changed: () => void this.refresh(),
    });
  }

  /** The panel opened: list the history (and keep it current while it is open). */
  opened(): Promise<void> {
    this.listed = true;
    return this.refresh();
  }

  /** Fetches the list and the mark again (the panel opens, a restore, a step, a new revision). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const markGeneration = ++this.markGeneration;
    this.status = { key: 'history.loading' };
    try {
      const [revisions, steps, mark] = await Promise.all([
        this.backend.listRevisions(this.articleId),
        this.backend.listTransitions(this.articleId),
        this.backend.revisionMark(this.articleId),
      ]);
      const since = wasHandedIn(steps) ? changeIds((await this.backend.diffArticle(this.articleId, null, null)).fields).length : null;
      if (markGeneration === this.markGeneration) this.mark = mark;
      if (generation !== this.generation) return;
      this.revisions = revisions;
      this.steps = steps;
      this.sinceSubmitted = since;
      this.status = revisions.length === 0 ? { key: 'history.empty' } : null;
    } catch (reason) {
      if (generation === this.generation) this.fail(reason);
    }
  }

  /** The panel closed: the comparison, a pending confirmation and the undo offer go with it. */
  closed(): void {
    this.listed = false;
    this.confirming = null;
    this.undoable = null;
    this.review.close();
  }

  /** A save returned: asks where the article is only when the save may have started a new revision. */
  saved(): void {
    const until = this.mark?.open_until;
    if (until && Date.now() < Date.parse(until)) return;
    void this.locate();
  }

  /** Asks which revision the article is at (on open, after a save or a change made elsewhere). */
  async locate(): Promise<void> {
    const generation = ++this.markGeneration;
    try {
      const mark = await this.backend.revisionMark(this.articleId);
      if (generation !== this.markGeneration) return;
      const moved = this.mark !== null && mark.number !== this.mark.number;
      this.mark = mark;
      if (!moved) return;
      // The article moved on from a restore: "Hoàn tác" would now drop more than the restore.
      this.undoable = null;
      if (this.listed) await this.refresh();
    } catch {
      // The number stays as it was; the next save asks again.
      if (generation === this.markGeneration && this.mark) this.mark = { ...this.mark, open_until: null };
    }
  }

  /** Shows `summary`'s text read-only, with "Khôi phục". */
  async show(summary: RevisionSummary): Promise<void> {
    this.selected = summary.id;
    this.confirming = null;
    try {
      const revision = await this.backend.getRevision(summary.id);
      if (this.selected === summary.id) this.preview = { revision, summary };
    } catch (reason) {
      this.fail(reason);
    }
  }

  /** "Khôi phục": asks first ("Khôi phục bản N?"). */
  askRestore(summary: RevisionSummary): void {
    this.confirming = summary.id;
  }

  cancelRestore(): void {
    this.confirming = null;
  }

  /** Restores `summary` (confirmed); the state before it is offered back by "Hoàn tác". */
  async restore(summary: RevisionSummary): Promise<void> {
    this.confirming = null;
    if (!(await this.restoreQuietly(summary))) return;
    this.undoable = this.revisions.find((r) => r.reason === 'before_restore') ?? null;
    this.status = { key: 'history.restored', params: { number: summary.number, time: formatVietnamTime(summary.created_at) } };
  }

  /** "Hoàn tác": the article as it was just before the last restore. */
  async undoRestore(): Promise<void> {
    const before = this.undoable;
    if (!before) return;
    this.undoable = null;
    if (await this.restoreQuietly(before)) this.status = { key: 'history.restoreUndone' };
  }

  private async restoreQuietly(summary: RevisionSummary): Promise<boolean> {
    if (!(await this.callbacks.beforeRestore())) return false;
    try {
      const article = await this.backend.restoreRevision(summary.id);
      this.callbacks.restored(article);
      this.preview = null;
      this.selected = null;
      await this.refresh();
      return true;
    } catch (reason) {
      this.fail(reason);
      return false;
    }
  }

  private fail(reason: unknown): void {
    this.status = { key: 'error.generic', params: { message: toAppError(reason).message } };
  }
}

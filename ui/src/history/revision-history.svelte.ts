/**
 * The open article's history (HistoryPanel renders it): its revisions and workflow steps, the
 * revision shown read-only and restoring it, how much changed since it was handed in, and the
 * comparison ("Xem thay đổi"). Pending edits are saved before a restore or an undone change,
 * so nothing is lost.
 */
import type { Article } from '../bindings/Article';
import type { Revision } from '../bindings/Revision';
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
  /** The stored article replaced the editor's text (a restore, an undone change): show it. */
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
  /** Revisions and steps in one list, newest first. */
  entries = $derived(timeline(this.revisions, this.steps));
  handedIn = $derived(wasHandedIn(this.steps));
  /** Increases per list fetch, so an old answer never replaces a newer one. */
  private generation = 0;
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

  /** Fetches the list again (each time the panel opens, and after a restore). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.status = { key: 'history.loading' };
    try {
      const [revisions, steps] = await Promise.all([this.backend.listRevisions(this.articleId), this.backend.listTransitions(this.articleId)]);
      const since = wasHandedIn(steps) ? changeIds((await this.backend.diffArticle(this.articleId, null, null)).fields).length : null;
      if (generation !== this.generation) return;
      this.revisions = revisions;
      this.steps = steps;
      this.sinceSubmitted = since;
      this.status = revisions.length === 0 ? { key: 'history.empty' } : null;
    } catch (reason) {
      if (generation === this.generation) this.fail(reason);
    }
  }

  /** Shows `summary`'s text read-only, with "Khôi phục". */
  async show(summary: RevisionSummary): Promise<void> {
    this.selected = summary.id;
    try {
      const revision = await this.backend.getRevision(summary.id);
      if (this.selected === summary.id) this.preview = { revision, summary };
    } catch (reason) {
      this.fail(reason);
    }
  }

  async restore(summary: RevisionSummary): Promise<void> {
    if (!(await this.callbacks.beforeRestore())) return;
    try {
      const article = await this.backend.restoreRevision(summary.id);
      this.callbacks.restored(article);
      this.preview = null;
      this.selected = null;
      await this.refresh();
      this.status = { key: 'history.restored', params: { time: formatVietnamTime(summary.created_at) } };
    } catch (reason) {
      this.fail(reason);
    }
  }

  private fail(reason: unknown): void {
    this.status = { key: 'error.generic', params: { message: toAppError(reason).message } };
  }
}

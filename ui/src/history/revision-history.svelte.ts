/**
 * The open article's revision history (HistoryPanel renders it): the revisions, the one shown
 * read-only, and restoring it. Pending edits are saved before a restore, so nothing is lost.
 */
import type { Article } from '../bindings/Article';
import type { Revision } from '../bindings/Revision';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import { toAppError, type Backend } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';
import { formatVietnamTime } from '../text/time';

export type HistoryCallbacks = {
  /** Saves pending edits first, so the restore is based on what the user sees. */
  beforeRestore: () => Promise<boolean>;
  restored: (article: Article, revision: RevisionSummary) => void;
};

export type HistoryMessage = { key: MessageKey; params?: Params };
export type RevisionPreview = { revision: Revision; summary: RevisionSummary };

export class RevisionHistory {
  revisions = $state.raw<RevisionSummary[]>([]);
  status = $state.raw<HistoryMessage | null>(null);
  /** The revision clicked last (its preview may still be loading). */
  selected = $state<number | null>(null);
  preview = $state.raw<RevisionPreview | null>(null);
  /** Increases per list fetch, so an old answer never replaces a newer one. */
  private generation = 0;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    private readonly callbacks: HistoryCallbacks,
  ) {}

  /** Fetches the list again (each time the panel opens, and after a restore). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.status = { key: 'history.loading' };
    try {
      const revisions = await this.backend.listRevisions(this.articleId);
      if (generation !== this.generation) return;
      this.revisions = revisions;
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
      this.callbacks.restored(article, summary);
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

/**
 * The open article follows changes saved elsewhere (the CLI, a pull, the sync worker): with
 * nothing unsaved here the stored article is shown; with unsaved text the editor turns
 * read-only for the moment, that text is merged three-way with the stored article (Rust's
 * `merge_edit`) and saved, and what both changed differently is shown side by side first.
 * Declined, the conflict banner stays as before (keep mine / reload): nothing is lost.
 * MergeStatus.svelte shows `notice`.
 */
import type { Article } from '../bindings/Article';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import { toAppError, type AppError, type ArticleChanges, type Backend } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';
import type { ConflictChooser } from '../sync/conflict-chooser.svelte';
import type { AutosaveController, PatchFields } from './autosave';

const NOTICE_MS = 6000;
/** Merges in a row that met yet another version before they were saved. */
const MAX_RETRIES = 3;

/** What the merge needs of the editor. */
export type MergeHost = {
  readonly articleId: number;
  readonly controller: AutosaveController;
  readonly conflict: ConflictChooser;
  /** Everything the editor shows, as one patch. */
  snapshot(): PatchFields;
  /** Shows a stored article, dropping what is pending (it is in that article). */
  show(article: Article): void;
  /** No edit of any kind while on; the fields keep their focus. */
  setReadOnly(on: boolean): void;
  /** Resolves when no input method is composing a word here. */
  composed(): Promise<void>;
  /** The conflict banner, when the merge was declined or failed. */
  showConflict(error: AppError): void;
};

export class EditorMerge {
  /** "Đang gộp thay đổi…", then what came of it (for a while); null when there is nothing to say. */
  notice = $state.raw<{ key: MessageKey; params?: Params } | null>(null);
  /** The article as last loaded or saved here: what the unsaved text was made from. */
  private base: Article;
  /** A stored version the person chose not to merge with (Escape): not offered again by itself. */
  private declined: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private retries = 0;

  constructor(private readonly backend: Backend, private readonly host: MergeHost, article: Article) {
    this.base = article;
  }

  /** The editor shows or saved `article`: the base of the next merge. */
  loaded(article: Article): void {
    this.base = article;
    this.declined = null;
    this.retries = 0;
  }

  /**
   * The library changed elsewhere, or a save met a newer version: bring the editor up to date.
   * Calls while one runs are folded into one more pass after it.
   */
  follow(): Promise<void> {
    this.again = true;
    const run = async () => {
      try {
        while (this.again) {
          this.again = false;
          await this.followOnce();
        }
      } finally {
        this.running = null; // in the same turn as the last look at `again`
      }
    };
    this.running ??= run();
    return this.running;
  }

  /** The banner's "Xem và gộp": offer the merge again after it was declined. */
  retry(): Promise<void> {
    this.declined = null;
    return this.follow();
  }

  private async followOnce(): Promise<void> {
    // An input method's half-typed word is not in the document yet: let it land first.
    await this.host.composed();
    const c = this.host.controller;
    let stored: Article;
    try {
      stored = await this.backend.getArticle(this.host.articleId);
    } catch {
      return; // Deleted or unreadable: the next save says so.
    }
    if (this.disposed || stored.version === c.version) return;
    if (!c.dirty) this.host.show(stored);
    else if (stored.version === this.declined) {
      if (c.inConflict) this.host.showConflict(c.error!);
    } else await this.mergeWith();
  }

  private async mergeWith(): Promise<void> {
    const c = this.host.controller;
    this.host.setReadOnly(true);
    let storedVersion: number | null = null;
    try {
      await c.hold(async () => {
        // No save in flight now, and none starts until this ends.
        const stored = await this.backend.getArticle(this.host.articleId);
        storedVersion = stored.version;
        if (stored.version === c.version) return; // It was this editor's own save.
        const unsaved = c.unsaved;
        if (!unsaved) return this.host.show(stored);
        this.say('merge.merging');
        const local: ArticleChanges = { ...unsaved, ...this.host.snapshot(), base_version: this.base.version };
        let merge = await this.backend.mergeEdit(this.base, local, null);
        if (merge.conflicts.length > 0) {
          const choices = await this.choose(merge.conflicts);
          if (!choices) {
            this.declined = stored.version;
            this.say(null);
            return;
          }
          merge = await this.backend.mergeEdit(this.base, local, choices);
        }
        this.host.show(await this.backend.updateArticle(this.host.articleId, merge.patch));
        this.say('merge.merged', undefined, NOTICE_MS);
      });
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'conflict' && ++this.retries <= MAX_RETRIES) {
        // Saved elsewhere once more meanwhile: merge with that version.
        this.again = true;
        return;
      }
      // Not offered again by itself; the banner keeps both ways out (and "Xem và gộp").
      this.declined = storedVersion;
      this.say('merge.failed', { message: error.message });
      if (c.inConflict) this.host.showConflict(c.error!);
    } finally {
      this.host.setReadOnly(false);
    }
  }

  /** The conflicts side by side; the choices, or null when the person closed the view. */
  private async choose(hunks: ConflictHunk[]): Promise<ConflictSide[] | null> {
    let chosen: ConflictSide[] | null = null;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    await this.host.conflict.open({
      kind: 'edit',
      hunks: async () => hunks,
      apply: async (choices) => {
        chosen = choices;
        return true;
      },
      closed: () => focused?.focus(),
    });
    return chosen;
  }

  private say(key: MessageKey | null, params?: Params, hideAfterMs?: number): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
    this.notice = key === null ? null : { key, params };
    if (key !== null && hideAfterMs) this.noticeTimer = setTimeout(() => (this.notice = null), hideAfterMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
  }
}

/**
 * The open article's publishing state for the editor: the sites to send to, the site chosen,
 * the article's sync state, "Gửi" (Ctrl+Enter) and "Thử lại". SyncBar and SyncStrip render it.
 */
import type { Article } from '../bindings/Article';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { Endpoint } from '../bindings/Endpoint';
import type { SyncProgress } from '../bindings/SyncProgress';
import { toAppError, type AppError, type ArticleChanges, type Backend } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';

export type EditorSyncOptions = {
  articleId: number;
  /** Runs the send in the autosave's place, so the pending edit goes with it (`saveVia`). */
  sendWith: (run: (patch: ArticleChanges | null) => Promise<Article>) => Promise<Article>;
  openConflict: () => void;
};

/** What the bar says after an action, in no particular language (the view translates it). */
export type SyncMessage = { key: MessageKey; params?: Params; error: boolean };

export class EditorSync {
  endpoints = $state.raw<Endpoint[]>([]);
  /** The article's state on its site; null while it was never sent. */
  sync = $state.raw<ArticleSync | null>(null);
  sending = $state(false);
  message = $state.raw<SyncMessage | null>(null);
  /** The site picked in the picker (the article's own site once it has been sent). */
  private picked = $state<number | null>(null);
  /** Increases per fetch of the state, so an old answer never replaces a newer one. */
  private generation = 0;

  constructor(private readonly backend: Backend, private readonly options: EditorSyncOptions) {}

  /** The site the picker shows: the one picked if it still exists, else the first. */
  readonly pickerValue = $derived(this.endpoints.some((e) => e.id === this.picked) ? this.picked : (this.endpoints[0]?.id ?? null));

  /** A post lives on one site: once it is there, the article goes on syncing to it. */
  get siteFixed(): boolean {
    return this.sync?.remote_id != null;
  }

  get chosenEndpoint(): number | null {
    if (this.sync && this.siteFixed) return this.sync.endpoint_id;
    return this.pickerValue;
  }

  pick(endpointId: number): void {
    this.picked = endpointId;
  }

  /** The sites and the article's state, on open. */
  async load(): Promise<void> {
    await Promise.all([this.reloadEndpoints(), this.refresh()]);
  }

  async reloadEndpoints(): Promise<void> {
    try {
      this.endpoints = await this.backend.listEndpoints();
    } catch (reason) {
      this.say('error.generic', toAppError(reason));
    }
  }

  /** Fetches the article's state again (on open, after "Gửi", on `sync-changed`). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const [sync] = await this.backend.articleSyncs([this.options.articleId]);
      if (generation !== this.generation) return;
      this.show(sync ?? null);
    } catch (reason) {
      if (generation === this.generation) this.say('error.generic', toAppError(reason));
    }
  }

  /** The article was saved here: a synced article now has changes the site lacks. */
  savedHere(): void {
    if (this.sync?.badge === 'synced') void this.refresh();
  }

  /** The worker started sending this article: say so before its outcome arrives. */
  progress(p: SyncProgress): void {
    if (p.article_id !== this.options.articleId || p.phase !== 'sending' || !this.sync) return;
    this.show({ ...this.sync, badge: 'sending' });
  }

  /** "Gửi": the pending edit is saved and the article queued, in one call. */
  async send(): Promise<void> {
    if (this.sending) return;
    const endpointId = this.chosenEndpoint;
    if (endpointId === null) {
      this.message = { key: 'sync.noEndpoint', error: false };
      return;
    }
    this.sending = true;
    this.message = null;
    try {
      await this.options.sendWith(async (patch) => {
        const [article] = await this.backend.sendArticle(this.options.articleId, patch, endpointId);
        return article;
      });
      await this.refresh();
    } catch (reason) {
      this.say('sync.sendFailed', toAppError(reason));
    } finally {
      this.sending = false;
    }
  }

  /** "Thử lại" after an error: queued again at once. */
  async retry(): Promise<void> {
    this.message = null;
    try {
      await this.backend.retrySync(this.options.articleId);
    } catch (reason) {
      this.say('error.generic', toAppError(reason));
    }
    await this.refresh();
  }

  /** "Xem xung đột": the conflict side by side. */
  openConflict(): void {
    this.options.openConflict();
  }

  private show(sync: ArticleSync | null): void {
    this.sync = sync;
    // The picker shows the site the article went to.
    if (sync) this.picked = sync.endpoint_id;
  }

  private say(key: 'error.generic' | 'sync.sendFailed', error: AppError): void {
    this.message = { key, params: { message: error.message }, error: true };
  }
}

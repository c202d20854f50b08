/**
 * The editor's publishing bar: "Gửi" (Ctrl+Enter), the site picker when there are several,
 * and the article's sync state with what can be done about it: the post's link (opened in the
 * system browser), the next attempt and its reason, "Thử lại", the conflict view.
 */
import type { Article } from '../bindings/Article';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { Endpoint } from '../bindings/Endpoint';
import type { SyncProgress } from '../bindings/SyncProgress';
import { toAppError, type AppError, type ArticleChanges, type Backend } from '../backend/backend';
import { errorHintKey, t } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';
import { showSyncBadge } from './sync-badge';

export type SyncBarOptions = {
  articleId: number;
  /** Runs the send in the autosave's place, so the pending edit goes with it (`saveVia`). */
  sendWith: (run: (patch: ArticleChanges | null) => Promise<Article>) => Promise<Article>;
  openConflict: () => void;
};

export class SyncBar {
  readonly element: HTMLElement;
  /** Under the top bar: why it failed or waits, and what to do ("Thử lại"). */
  readonly strip: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly message: HTMLElement;
  private endpoints: Endpoint[] = [];
  private sync: ArticleSync | null = null;
  private sending = false;
  /** Increases per fetch of the state, so an old answer never replaces a newer one. */
  private generation = 0;

  constructor(private readonly backend: Backend, private readonly options: SyncBarOptions) {
    this.picker = el('select', { id: 'sync-endpoint', class: 'sync-endpoint', hidden: true });
    setAttrText(this.picker, 'aria-label', 'sync.endpoint');
    this.sendButton = tr('button', 'sync.send', { id: 'sync-send', type: 'button', class: 'btn primary small', 'aria-keyshortcuts': 'Control+Enter' });
    setAttrText(this.sendButton, 'title', 'sync.sendTitle');
    this.sendButton.addEventListener('click', () => void this.send());
    this.badge = el('span', { id: 'sync-badge', class: 'sync-badge-slot' });
    this.detail = el('span', { id: 'sync-detail', class: 'sync-detail' });
    this.message = el('span', { id: 'sync-message', class: 'sync-message', role: 'status', 'aria-live': 'polite' });
    this.element = el('div', { id: 'sync-bar', class: 'sync-bar' }, this.picker, this.sendButton, this.badge, this.detail, this.message);
    this.strip = el('div', { id: 'sync-strip', class: 'sync-strip', hidden: true });
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
    this.renderPicker();
  }

  /** Fetches the article's state again (on open, after "Gửi", on `sync-changed`). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const [sync] = await this.backend.articleSyncs(this.options.articleId);
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

  get chosenEndpoint(): number | null {
    if (this.sync?.remote_id != null) return this.sync.endpoint_id;
    const value = Number(this.picker.value);
    return this.endpoints.some((e) => e.id === value) ? value : (this.endpoints[0]?.id ?? null);
  }

  /** "Gửi": the pending edit is saved and the article queued, in one call. */
  async send(): Promise<void> {
    if (this.sending) return;
    const endpointId = this.chosenEndpoint;
    if (endpointId === null) {
      setText(this.message, 'sync.noEndpoint');
      return;
    }
    this.sending = true;
    this.sendButton.disabled = true;
    this.clearMessage();
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
      this.sendButton.disabled = this.endpoints.length === 0;
    }
  }

  private async retry(): Promise<void> {
    this.clearMessage();
    try {
      await this.backend.retrySync(this.options.articleId);
    } catch (reason) {
      this.say('error.generic', toAppError(reason));
    }
    await this.refresh();
  }

  private renderPicker(): void {
    const chosen = this.sync?.endpoint_id ?? (this.picker.value ? Number(this.picker.value) : null);
    clear(this.picker);
    for (const e of this.endpoints) append(this.picker, el('option', { value: e.id }, e.name));
    if (chosen !== null && this.endpoints.some((e) => e.id === chosen)) this.picker.value = String(chosen);
    this.picker.hidden = this.endpoints.length < 2;
    // A post lives on one site: once it is there, the article goes on syncing to it.
    this.picker.disabled = this.sync?.remote_id != null;
    this.sendButton.disabled = this.endpoints.length === 0 || this.sending;
    if (this.endpoints.length === 0) setAttrText(this.sendButton, 'title', 'sync.noEndpoint');
    else setAttrText(this.sendButton, 'title', 'sync.sendTitle');
  }

  private show(sync: ArticleSync | null): void {
    this.sync = sync;
    showSyncBadge(this.badge, sync);
    this.element.dataset.badge = sync?.badge ?? 'none';
    const { inline, strip } = sync ? this.details(sync) : { inline: [], strip: [] };
    this.detail.replaceChildren(...inline);
    this.strip.replaceChildren(...strip);
    this.strip.hidden = strip.length === 0;
    this.strip.dataset.badge = sync?.badge ?? 'none';
    this.renderPicker();
  }

  /** What goes beside the badge, and what goes in the strip under the top bar. */
  private details(sync: ArticleSync): { inline: Node[]; strip: Node[] } {
    const reason = (error: { code: AppError['code']; message: string } | null): Node[] => {
      if (!error) return [];
      const hint = errorHintKey(error.code);
      return [el('span', { class: 'sync-reason-text' }, error.message), ...(hint ? [tr('span', hint, { class: 'hint sync-hint' })] : [])];
    };
    switch (sync.badge) {
      case 'synced':
      case 'changed': {
        const link = this.link(sync);
        return { inline: link ? [link] : [], strip: [] };
      }
      case 'pending': {
        if (!sync.error || !sync.next_attempt_at) return { inline: [], strip: [] };
        const next = tr('span', 'sync.nextAttempt', { class: 'sync-next' }, { time: formatVietnamTime(sync.next_attempt_at) });
        return { inline: [], strip: [next, ...reason(sync.error)] };
      }
      case 'error': {
        const retry = tr('button', 'sync.retry', { id: 'sync-retry', type: 'button', class: 'btn small' });
        retry.addEventListener('click', () => void this.retry());
        return { inline: [], strip: [...reason(sync.error), retry] };
      }
      case 'conflict': {
        const open = tr('button', 'sync.openConflict', { id: 'sync-conflict', type: 'button', class: 'btn small danger' });
        open.addEventListener('click', () => this.options.openConflict());
        return { inline: [open], strip: [] };
      }
      case 'remote_gone':
        return { inline: [], strip: reason(sync.error) };
      case 'sending':
        return { inline: [], strip: [] };
    }
  }

  /**
   * "Xem trên trang": a plain link; every link click in the page is stopped at the document
   * and opened in the system browser, never in this window (`views/links.ts`).
   */
  private link(sync: ArticleSync): Node | null {
    const url = sync.link;
    if (!url || !/^https?:\/\//i.test(url)) return null;
    const a = tr('a', 'sync.view', { id: 'sync-view', href: url, class: 'sync-link', rel: 'noopener noreferrer' });
    // Redrawn on a language change (the editor refreshes the bar), so a plain title will do.
    if (sync.synced_at) a.title = t('sync.syncedAt', { time: formatVietnamTime(sync.synced_at) });
    return a;
  }

  private say(key: 'error.generic' | 'sync.sendFailed', error: AppError): void {
    setText(this.message, key, { message: error.message });
    this.message.dataset.kind = 'error';
  }

  private clearMessage(): void {
    this.message.textContent = '';
    delete this.message.dataset.i18n;
    delete this.message.dataset.kind;
  }

  relabel(): void {
    relabel(this.element);
    relabel(this.strip);
  }
}

/** The library list: newest change first, status filter, folded search, paging, publishing badges. */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { SearchHit } from '../bindings/SearchHit';
import type { Backend } from '../backend/backend';
import { toAppError } from '../backend/backend';
import { ALL_STATUSES, statusKey } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';
import { PullDialog } from './pull-dialog';
import { showSyncBadge } from './sync-badge';

export const PAGE_SIZE = 50;
const SEARCH_LIMIT = 50;
const SEARCH_DEBOUNCE_MS = 150;

export type LibraryCallbacks = {
  open: (id: number) => void;
  create: () => void;
};

export class LibraryView {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly filter: HTMLSelectElement;
  private readonly list: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly message: HTMLElement;
  private offset = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Increases on every new query, so a slow old answer never replaces a newer one. */
  private generation = 0;
  private syncs = new Map<number, ArticleSync>();
  private syncGeneration = 0;
  readonly pull: PullDialog;

  constructor(private readonly backend: Backend, private readonly callbacks: LibraryCallbacks) {
    const newButton = tr('button', 'library.new', { id: 'new-article', type: 'button', class: 'btn primary' });
    newButton.addEventListener('click', () => callbacks.create());
    this.pull = new PullDialog(backend, { pulled: () => void this.reload() });
    const pullButton = tr('button', 'pull.open', { id: 'pull-open', type: 'button', class: 'btn', 'aria-haspopup': 'dialog' });
    setAttrText(pullButton, 'title', 'pull.openTitle');
    pullButton.addEventListener('click', () => (this.pull.isOpen ? this.pull.close() : void this.pull.open()));

    this.search = el('input', { id: 'search', type: 'search', autocomplete: 'off', spellcheck: 'false' });
    setAttrText(this.search, 'placeholder', 'library.search');
    setAttrText(this.search, 'aria-label', 'library.searchLabel');
    this.search.addEventListener('input', () => this.scheduleSearch());
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.rows()[0]?.focus();
      }
    });

    this.filter = el('select', { id: 'status-filter' });
    setAttrText(this.filter, 'aria-label', 'library.filter');
    append(this.filter, tr('option', 'library.allStatuses', { value: '' }));
    for (const status of ALL_STATUSES) append(this.filter, tr('option', statusKey(status), { value: status }));
    this.filter.addEventListener('change', () => void this.reload());

    const header = el(
      'div',
      { class: 'library-header' },
      tr('h1', 'library.title', { class: 'view-title' }),
      el('div', { class: 'library-tools' }, this.search, this.filter, pullButton, newButton),
      this.pull.element,
    );
    const columns = el(
      'div',
      { class: 'list-columns', 'aria-hidden': 'true' },
      tr('span', 'library.colHeadline'),
      tr('span', 'library.colSection'),
      tr('span', 'library.colStatus'),
      tr('span', 'library.colUpdated'),
    );
    this.list = el('div', { class: 'article-list', role: 'list' });
    this.list.addEventListener('keydown', (event) => this.onListKey(event));
    this.message = el('p', { class: 'list-message', role: 'status' });
    this.footer = el('div', { class: 'list-footer' });
    this.element = el('section', { id: 'library-view', class: 'view' }, header, columns, this.list, this.message, this.footer);
  }

  private get status(): ArticleStatus | null {
    return (this.filter.value || null) as ArticleStatus | null;
  }

  private get query(): string {
    return this.search.value.trim();
  }

  private rows(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('.article-row')];
  }

  private scheduleSearch(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.reload();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** Shows the first page (or the search results) for the current query and filter. */
  async reload(): Promise<void> {
    await Promise.all([this.reloadList(), this.refreshSyncs()]);
  }

  /** The library changed elsewhere: as many rows again, with the same scroll and focus. */
  async refresh(): Promise<void> {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('.article-row') : null;
    const scrolled = this.list.scrollTop;
    await Promise.all([this.reloadList(Math.max(PAGE_SIZE, this.offset)), this.refreshSyncs()]);
    this.list.scrollTop = scrolled;
    if (focused && !focused.isConnected) this.list.querySelector<HTMLElement>(`.article-row[data-id="${focused.dataset.id}"]`)?.focus();
  }

  private async reloadList(limit = PAGE_SIZE): Promise<void> {
    const generation = ++this.generation;
    this.offset = 0;
    try {
      if (this.query) {
        const hits = await this.backend.searchArticles(this.query, this.status, SEARCH_LIMIT);
        if (generation !== this.generation) return;
        clear(this.list);
        clear(this.footer);
        hits.forEach((hit) => this.list.appendChild(this.row(hit)));
        if (hits.length === 0) setText(this.message, 'library.noResults', { query: this.query });
        else setText(this.message, 'library.resultCount', { count: hits.length });
        return;
      }
      const page = await this.backend.listArticles({ status: this.status ?? undefined, limit, offset: 0 });
      if (generation !== this.generation) return;
      clear(this.list);
      this.showPage(page, limit);
    } catch (reason) {
      if (generation !== this.generation) return;
      setText(this.message, 'error.generic', { message: toAppError(reason).message });
    }
  }

  private async loadMore(): Promise<void> {
    const generation = this.generation;
    try {
      const page = await this.backend.listArticles({ status: this.status ?? undefined, limit: PAGE_SIZE, offset: this.offset });
      if (generation !== this.generation) return;
      this.showPage(page);
    } catch (reason) {
      setText(this.message, 'error.generic', { message: toAppError(reason).message });
    }
  }

  private showPage(page: ArticleSummary[], limit = PAGE_SIZE): void {
    page.forEach((summary) => this.list.appendChild(this.row(summary)));
    this.offset += page.length;
    clear(this.footer);
    if (this.offset === 0) {
      setText(this.message, this.status ? 'library.emptyFiltered' : 'library.empty');
    } else {
      this.message.textContent = '';
      delete this.message.dataset.i18n;
    }
    if (page.length === limit) {
      const more = tr('button', 'library.loadMore', { id: 'load-more', type: 'button', class: 'btn' });
      more.addEventListener('click', () => void this.loadMore());
      this.footer.appendChild(more);
    }
  }

  /** Fetches every article's publishing state again and updates the badges in place. */
  async refreshSyncs(): Promise<void> {
    const generation = ++this.syncGeneration;
    let syncs: ArticleSync[];
    try {
      syncs = await this.backend.articleSyncs(null);
    } catch {
      return; // The list is still right; the badges wait for the next change.
    }
    if (generation !== this.syncGeneration) return;
    this.syncs = new Map(syncs.map((s) => [s.article_id, s]));
    for (const row of this.rows()) {
      const slot = row.querySelector<HTMLElement>('.row-sync');
      if (slot) showSyncBadge(slot, this.syncs.get(Number(row.dataset.id)) ?? null);
    }
  }

  private row(item: ArticleSummary | SearchHit): HTMLElement {
    const headline = item.headline
      ? el('span', { class: 'row-headline' }, item.headline)
      : tr('span', 'library.untitled', { class: 'row-headline untitled' });
    const main = el('div', { class: 'row-main' }, headline);
    if ('snippet' in item && item.snippet.length > 0) {
      const snippet = el('div', { class: 'row-snippet' });
      for (const part of item.snippet) append(snippet, part.hit ? el('mark', {}, part.text) : part.text);
      main.appendChild(snippet);
    }
    const row = el(
      'div',
      { class: 'article-row', role: 'listitem', tabindex: 0, 'data-id': item.id },
      main,
      item.section ? el('span', { class: 'row-section' }, item.section) : tr('span', 'library.noSection', { class: 'row-section' }),
      el(
        'span',
        { class: 'row-status' },
        tr('span', statusKey(item.status), { class: `badge status-${item.status}` }),
        el('span', { class: 'row-sync' }),
      ),
      el('time', { class: 'row-time', datetime: item.updated_at }, formatVietnamTime(item.updated_at)),
    );
    showSyncBadge(row.querySelector<HTMLElement>('.row-sync')!, this.syncs.get(item.id) ?? null);
    row.addEventListener('click', () => this.callbacks.open(item.id));
    return row;
  }

  private onListKey(event: KeyboardEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.article-row');
    if (!row) return;
    const rows = this.rows();
    const index = rows.indexOf(row);
    if (event.key === 'Enter') {
      event.preventDefault();
      this.callbacks.open(Number(row.dataset.id));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      rows[Math.min(rows.length - 1, index + 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) this.search.focus();
      else rows[index - 1]?.focus();
    }
  }

  focusSearch(): void {
    this.search.focus();
  }

  relabel(): void {
    relabel(this.element);
  }

  dispose(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.generation++;
  }
}

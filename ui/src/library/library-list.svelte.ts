/**
 * The library list's state: the query, the status filter, the rows shown (a page of the list or
 * the search hits), each article's publishing state, and what to say when there is nothing.
 * A slow old answer never replaces a newer one (each load has a generation).
 */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { ListQuery } from '../bindings/ListQuery';
import type { ListSort } from '../bindings/ListSort';
import type { SearchHit } from '../bindings/SearchHit';
import type { Shelf } from '../bindings/Shelf';
import type { ShelfCounts } from '../bindings/ShelfCounts';
import { toAppError, type Backend } from '../backend/backend';
import type { MessageKey, Params } from '../i18n';

export const PAGE_SIZE = 50;
const SEARCH_LIMIT = 50;
const SEARCH_DEBOUNCE_MS = 150;

export type LibraryItem = ArticleSummary | SearchHit;
/** A message in no particular language: the view translates it, so a switch relabels it. */
export type ListMessage = { key: MessageKey; params?: Params } | { text: string };
export type FocusRequest = { target: 'search' | 'first-row'; serial: number };

export class LibraryList {
  query = $state('');
  status = $state<ArticleStatus | null>(null);
  /** Only this byline (null: everyone's). */
  author = $state<string | null>(null);
  /** The column the list is sorted by, and whether the other way round (a search ranks by match). */
  sort = $state<ListSort>('updated');
  reverse = $state(false);
  /** Bylines in the library, for the author filter. */
  authors = $state.raw<string[]>([]);
  /** The daily list, the archive or the trash. */
  shelf = $state<Shelf>('active');
  /** How many articles each shelf holds (the trash's count is on its tab). */
  counts = $state.raw<ShelfCounts | null>(null);
  items = $state.raw<LibraryItem[]>([]);
  syncs = $state.raw<ReadonlyMap<number, ArticleSync>>(new Map());
  message = $state.raw<ListMessage | null>(null);
  hasMore = $state(false);
  /** Rows focus themselves when asked; the view answers the latest request once. */
  focus = $state.raw<FocusRequest | null>(null);
  private offset = 0;
  private generation = 0;
  private syncGeneration = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly backend: Backend) {}

  private get trimmed(): string {
    return this.query.trim();
  }

  setQuery(query: string): void {
    this.query = query;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.reload();
    }, SEARCH_DEBOUNCE_MS);
  }

  setStatus(status: ArticleStatus | null): void {
    this.status = status;
    void this.reload();
  }

  setAuthor(author: string | null): void {
    this.author = author;
    void this.reload();
  }

  setShelf(shelf: Shelf): void {
    this.shelf = shelf;
    void this.reload();
  }

  /** To the trash, to the archive (or back): the list and the counts follow. */
  async moveToTrash(ids: number[]): Promise<void> {
    await this.backend.moveToTrash(ids);
    await this.reload();
  }

  async restoreFromTrash(ids: number[]): Promise<void> {
    await this.backend.restoreFromTrash(ids);
    await this.reload();
  }

  async archive(ids: number[], undo = false): Promise<void> {
    await this.backend.archiveArticles(ids, undo);
    await this.reload();
  }

  /** Deletes the trash for good; resolves to how many went. */
  async emptyTrash(): Promise<number> {
    const deleted = await this.backend.emptyTrash();
    await this.reload();
    return deleted;
  }

  /** A column head clicked: sorted by it, or the other way round when it already is. */
  sortBy(sort: ListSort): void {
    this.reverse = this.sort === sort ? !this.reverse : false;
    this.sort = sort;
    void this.reload();
  }

  private listQuery(limit: number, offset: number): ListQuery {
    return {
      status: this.status ?? undefined,
      author: this.author ?? undefined,
      sort: this.sort,
      reverse: this.reverse,
      shelf: this.shelf,
      limit,
      offset,
    };
  }

  requestFocus(target: FocusRequest['target']): void {
    this.focus = { target, serial: (this.focus?.serial ?? 0) + 1 };
  }

  /** Shows the first page (or the search results) for the current query and filter. */
  async reload(): Promise<void> {
    await Promise.all([this.load().then(() => this.refreshSyncs()), this.loadAuthors(), this.loadCounts()]);
  }

  /**
   * The first load: resolves once the rows (with their publishing states) are in, without
   * waiting for the shelf counts and the author filter, which follow on their own.
   */
  async firstLoad(): Promise<void> {
    const rows = this.load().then(() => this.refreshSyncs());
    void this.loadAuthors();
    void this.loadCounts();
    await rows;
  }

  private async loadCounts(): Promise<void> {
    try {
      this.counts = await this.backend.shelfCounts();
    } catch {
      // The tabs keep the counts they had.
    }
  }

  private async loadAuthors(): Promise<void> {
    try {
      this.authors = await this.backend.listAuthors();
    } catch {
      // The filter keeps the names it had.
    }
  }

  /** The library changed elsewhere: as many rows again (the view keeps scroll and focus). */
  async refresh(): Promise<void> {
    await Promise.all([this.load(Math.max(PAGE_SIZE, this.offset)).then(() => this.refreshSyncs()), this.loadCounts()]);
  }

  private async load(limit = PAGE_SIZE): Promise<void> {
    const generation = ++this.generation;
    const query = this.trimmed;
    try {
      if (query) {
        const hits = await this.backend.searchArticles(query, this.status, SEARCH_LIMIT);
        if (generation !== this.generation) return;
        this.offset = hits.length;
        this.items = hits;
        this.hasMore = false;
        this.message =
          hits.length === 0 ? { key: 'library.noResults', params: { query } } : { key: 'library.resultCount', params: { count: hits.length } };
        return;
      }
      const page = await this.backend.listArticles(this.listQuery(limit, 0));
      if (generation !== this.generation) return;
      this.offset = 0;
      this.items = [];
      this.showPage(page, limit);
    } catch (reason) {
      if (generation !== this.generation) return;
      this.message = { key: 'error.generic', params: { message: toAppError(reason).message } };
    }
  }

  async loadMore(): Promise<void> {
    const generation = this.generation;
    try {
      const page = await this.backend.listArticles(this.listQuery(PAGE_SIZE, this.offset));
      if (generation !== this.generation) return;
      this.showPage(page, PAGE_SIZE);
      void this.addSyncs(page.map((item) => item.id));
    } catch (reason) {
      this.message = { key: 'error.generic', params: { message: toAppError(reason).message } };
    }
  }

  private showPage(page: ArticleSummary[], limit: number): void {
    this.items = [...this.items, ...page];
    this.offset += page.length;
    this.hasMore = page.length === limit;
    if (this.offset === 0) this.message = { key: this.emptyMessage() };
    else this.message = null;
  }

  private emptyMessage(): MessageKey {
    if (this.status || this.author) return 'library.emptyFiltered';
    if (this.shelf === 'trash') return 'library.trashEmpty';
    if (this.shelf === 'archived') return 'library.archiveEmpty';
    return 'library.empty';
  }

  /**
   * Fetches the publishing state of the rows loaded (the badges follow): what is on screen, not
   * every article ever published.
   */
  async refreshSyncs(): Promise<void> {
    const generation = ++this.syncGeneration;
    const syncs = await this.fetchSyncs(this.items.map((item) => item.id));
    if (syncs === null || generation !== this.syncGeneration) return;
    this.syncs = new Map(syncs.map((s) => [s.article_id, s]));
  }

  /** A page was added below: its rows' badges join the others. */
  private async addSyncs(ids: number[]): Promise<void> {
    const generation = this.syncGeneration;
    const syncs = await this.fetchSyncs(ids);
    if (syncs === null || syncs.length === 0 || generation !== this.syncGeneration) return;
    const next = new Map(this.syncs);
    for (const s of syncs) next.set(s.article_id, s);
    this.syncs = next;
  }

  private async fetchSyncs(ids: number[]): Promise<ArticleSync[] | null> {
    if (ids.length === 0) return [];
    try {
      return await this.backend.articleSyncs(ids);
    } catch {
      return null; // The list is still right; the badges wait for the next change.
    }
  }

  dispose(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.generation++;
  }
}

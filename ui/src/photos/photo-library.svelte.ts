/**
 * The photo panel's state: the article's photos, the featured one, and the search over the
 * whole photo library (folded, so "cau rong" finds "Cầu Rồng"; the latest query wins).
 */
import type { MediaItem } from '../bindings/MediaItem';
import { toAppError, type Backend } from '../backend/backend';

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 40;

/** What the panel says above its list, translated by the view. */
export type PanelMessage = { key: 'photos.empty' } | { key: 'photos.failed'; message: string };

export type PhotoLibraryCallbacks = {
  /** Into the body at the cursor, as a figure. */
  insert: (item: MediaItem) => void;
  /** The new featured photo, or null to remove it. */
  featured: (id: number | null) => void;
};

export class PhotoLibrary {
  items = $state.raw<MediaItem[]>([]);
  featured = $state<number | null>(null);
  message = $state.raw<PanelMessage | null>(null);
  query = $state('');
  /** The library's photos for the query; null until a search ran. */
  results = $state.raw<MediaItem[] | null>(null);
  /** A desktop drop hovers over the panel. */
  dropOver = $state(false);
  /** The panel is on screen (it refreshes after imports only then). */
  open = false;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    featured: number | null,
    private readonly callbacks: PhotoLibraryCallbacks,
  ) {
    this.featured = featured;
  }

  /** The panel came on screen: load the article's photos; the returned function is its going. */
  opened(): () => void {
    this.open = true;
    void this.refresh();
    return () => {
      this.open = false;
      this.dropOver = false;
    };
  }

  /** Reloads the article's photos from the library. */
  async refresh(): Promise<void> {
    try {
      this.items = await this.backend.articleMedia(this.articleId);
      this.message = this.items.length === 0 ? { key: 'photos.empty' } : null;
    } catch (reason) {
      this.message = { key: 'photos.failed', message: toAppError(reason).message };
    }
  }

  /** "Chèn": the photo goes into the body at the cursor. */
  insert(item: MediaItem): void {
    this.callbacks.insert(item);
  }

  thumbUrl(id: number): string {
    return this.backend.mediaUrl(id, 'thumb');
  }

  /** "Ảnh đại diện" on a photo: it becomes the featured one, or stops being it. */
  toggleFeatured(id: number): void {
    this.featured = this.featured === id ? null : id;
    this.callbacks.featured(this.featured);
  }

  setQuery(query: string): void {
    this.query = query;
    this.searchSoon();
  }

  /** The search field took the focus: show the library at once if nothing is listed yet. */
  searchFocused(): void {
    if (this.results === null) this.searchSoon(0);
  }

  private searchSoon(delay = SEARCH_DELAY_MS): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(), delay);
  }

  /** Searches the library now; the latest query wins. */
  async search(): Promise<void> {
    this.searchTimer = null;
    const seq = ++this.searchSeq;
    try {
      const found = await this.backend.searchMedia(this.query, SEARCH_LIMIT);
      if (seq === this.searchSeq) this.results = found;
    } catch (reason) {
      this.message = { key: 'photos.failed', message: toAppError(reason).message };
    }
  }

  /** A library photo joins the article and goes into the body at the cursor. */
  async pick(item: MediaItem): Promise<void> {
    try {
      await this.backend.attachMedia(this.articleId, item.id);
      this.callbacks.insert(item);
      await this.refresh();
    } catch (reason) {
      this.message = { key: 'photos.failed', message: toAppError(reason).message };
    }
  }

  dispose(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }
}

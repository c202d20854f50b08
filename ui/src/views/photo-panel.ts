/**
 * The article's photo panel: its photos as thumbnails, each to insert as a figure or to make
 * the featured image, a drop zone for more, and a search over the whole photo library.
 */
import type { MediaItem } from '../bindings/MediaItem';
import { toAppError, type Backend } from '../backend/backend';
import { clear, el, setAttrText, setText, tr } from './dom';

export type PhotoPanelCallbacks = {
  insert: (item: MediaItem) => void;
  /** The new featured photo, or null to remove it. */
  feature: (id: number | null) => void;
  /** "Add photos": the file chooser; the photos join the panel only. */
  add: () => void;
  /** Image files dropped on the panel in the browser (the desktop app gives paths instead). */
  dropFiles: (files: File[]) => void;
};

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 40;

export class PhotoPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly results: HTMLElement;
  private featured: number | null;
  private items: MediaItem[] = [];
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    featured: number | null,
    private readonly callbacks: PhotoPanelCallbacks,
  ) {
    this.featured = featured;
    this.list = el('ul', { class: 'photo-list' });
    this.status = el('p', { class: 'panel-status', role: 'status' });
    const add = tr('button', 'photos.add', { id: 'photos-add', type: 'button', class: 'btn small' });
    add.addEventListener('click', () => callbacks.add());
    this.search = el('input', { id: 'photo-search', type: 'search', lang: 'vi', spellcheck: 'false' });
    setAttrText(this.search, 'placeholder', 'photos.search');
    this.search.addEventListener('input', () => this.scheduleSearch());
    this.search.addEventListener('focus', () => {
      if (this.results.childElementCount === 0) this.scheduleSearch(0);
    });
    this.results = el('ul', { class: 'photo-results' });
    this.element = el(
      'aside',
      { id: 'photos-panel', class: 'side-panel photos-panel', hidden: true },
      el('div', { class: 'panel-head' }, tr('h2', 'photos.title', { class: 'panel-title' }), add),
      this.status,
      this.list,
      tr('label', 'photos.searchLabel', { for: 'photo-search', class: 'field-label' }),
      this.search,
      this.results,
    );
    this.element.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      this.element.classList.add('drop-target');
    });
    this.element.addEventListener('dragleave', () => this.element.classList.remove('drop-target'));
    this.element.addEventListener('drop', (e) => {
      this.element.classList.remove('drop-target');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      callbacks.dropFiles(files);
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  async setOpen(open: boolean): Promise<void> {
    this.element.hidden = !open;
    if (open) await this.refresh();
  }

  /** Reloads the article's photos from the library. */
  async refresh(): Promise<void> {
    try {
      this.items = await this.backend.articleMedia(this.articleId);
      this.render();
    } catch (reason) {
      setText(this.status, 'photos.failed', { message: toAppError(reason).message });
    }
  }

  get featuredId(): number | null {
    return this.featured;
  }

  setFeatured(id: number | null): void {
    this.featured = id;
    this.render();
  }

  private render(): void {
    clear(this.list);
    for (const item of this.items) this.list.appendChild(this.row(item));
    if (this.items.length === 0) setText(this.status, 'photos.empty');
    else {
      this.status.textContent = '';
      delete this.status.dataset.i18n;
    }
  }

  private thumb(item: MediaItem): HTMLImageElement {
    return el('img', { class: 'photo-thumb', src: this.backend.mediaUrl(item.id, 'thumb'), alt: item.caption, loading: 'lazy' });
  }

  private describe(item: MediaItem): HTMLElement {
    const caption = item.caption ? el('span', { class: 'photo-caption' }, item.caption) : tr('span', 'photos.noCaption', { class: 'photo-caption muted' });
    const credit = item.credit || item.by_line;
    return el('span', { class: 'photo-text' }, caption, credit ? el('span', { class: 'photo-credit' }, credit) : null, el('span', { class: 'photo-file hint' }, item.original_name));
  }

  private row(item: MediaItem): HTMLElement {
    const featured = item.id === this.featured;
    const insert = tr('button', 'photos.insertOne', { type: 'button', class: 'btn small photo-insert' });
    setAttrText(insert, 'title', 'photos.insertOneTitle');
    insert.addEventListener('mousedown', (e) => e.preventDefault());
    insert.addEventListener('click', () => this.callbacks.insert(item));
    const feature = tr('button', featured ? 'photos.unfeature' : 'photos.feature', {
      type: 'button',
      class: 'btn small photo-feature',
      'aria-pressed': String(featured),
    });
    setAttrText(feature, 'title', 'photos.featureTitle');
    feature.addEventListener('click', () => {
      this.setFeatured(featured ? null : item.id);
      this.callbacks.feature(this.featured);
    });
    return el(
      'li',
      { class: 'photo-item', 'data-media-id': item.id, 'data-featured': featured ? 'true' : null },
      this.thumb(item),
      this.describe(item),
      featured ? tr('span', 'photos.featuredBadge', { class: 'photo-featured-badge' }) : null,
      el('span', { class: 'photo-actions' }, insert, feature),
    );
  }

  private scheduleSearch(delay = SEARCH_DELAY_MS): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.runSearch(), delay);
  }

  /** Searches the library now; the latest query wins. */
  async runSearch(): Promise<void> {
    this.searchTimer = null;
    const seq = ++this.searchSeq;
    try {
      const found = await this.backend.searchMedia(this.search.value, SEARCH_LIMIT);
      if (seq !== this.searchSeq) return;
      clear(this.results);
      if (found.length === 0) this.results.appendChild(tr('li', 'photos.noResults', { class: 'hint' }));
      for (const item of found) this.results.appendChild(this.result(item));
    } catch (reason) {
      setText(this.status, 'photos.failed', { message: toAppError(reason).message });
    }
  }

  private result(item: MediaItem): HTMLElement {
    const row = el('li', { class: 'photo-result', 'data-media-id': item.id, role: 'button', tabindex: 0 }, this.thumb(item), this.describe(item));
    const pick = () => void this.pick(item);
    row.addEventListener('mousedown', (e) => e.preventDefault());
    row.addEventListener('click', pick);
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick();
      }
    });
    return row;
  }

  /** A library photo joins the article and goes into the body at the cursor. */
  private async pick(item: MediaItem): Promise<void> {
    try {
      await this.backend.attachMedia(this.articleId, item.id);
      this.callbacks.insert(item);
      await this.refresh();
    } catch (reason) {
      setText(this.status, 'photos.failed', { message: toAppError(reason).message });
    }
  }
}

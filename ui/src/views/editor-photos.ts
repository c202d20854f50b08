/**
 * Photos in the editor: the toolbar's "Ảnh" button, pasted and dropped images, desktop drops
 * (paths from the shell), the photo panel and featured image, and the figure check before
 * an article is submitted (here and when Rust refuses with `incomplete_figures`).
 */
import { NodeSelection, Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView as PmView } from 'prosemirror-view';
import type { MediaItem } from '../bindings/MediaItem';
import type { AppError, Backend, FileDropEvent } from '../backend/backend';
import type { PatchFields } from '../editor/autosave';
import type { BodyEditor } from '../editor/body-editor';
import type { FigureContext } from '../editor/figure-view';
import { figurePos, incompleteFigures, insertFigures, type MissingField } from '../editor/figures';
import { t, type MessageKey } from '../i18n';
import { clear, el, setAttrText, setText, tr } from './dom';
import { PhotoImporter } from './photo-import';
import { PhotoPanel } from './photo-panel';

export const PHOTO_ACCEPT =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif,image/tiff,image/gif,image/bmp,.heic,.heif,.avif,.tif,.tiff,.gif,.bmp';
const MISSING: Record<MissingField, MessageKey> = { caption: 'figure.missingCaption', credit: 'figure.missingCredit', alt: 'figure.missingAlt' };

export type EditorPhotosOptions = {
  featured: number | null;
  /** The featured photo changed (0 removes it), to be saved with the article. */
  onFeatured: (id: number) => void;
};

export class EditorPhotos {
  readonly toggle: HTMLButtonElement;
  readonly panel: PhotoPanel;
  readonly importer: PhotoImporter;
  /** The list of incomplete figures shown when submitting is refused. */
  readonly check: HTMLElement;
  readonly figureContext: FigureContext;
  private readonly checkTitle: HTMLElement;
  private readonly checkList: HTMLElement;
  private readonly fileInput: HTMLInputElement;
  private readonly sizes = new Map<number, Promise<MediaItem>>();
  private body: BodyEditor | null = null;
  private fileTarget: 'insert' | 'panel' = 'insert';
  private unlistenDrop: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly backend: Backend, articleId: number, options: EditorPhotosOptions) {
    this.importer = new PhotoImporter(backend, articleId);
    this.panel = new PhotoPanel(backend, articleId, options.featured, {
      insert: (item) => this.insert([item]),
      feature: (id) => options.onFeatured(id ?? 0),
      add: () => this.chooseFiles('panel'),
      dropFiles: (files) => void this.importFiles(files, 'panel'),
    });
    this.toggle = tr('button', 'photos.toggle', { id: 'photos-toggle', type: 'button', class: 'btn quiet', 'aria-pressed': 'false' });
    this.toggle.addEventListener('click', () => {
      void this.panel.setOpen(!this.panel.isOpen).then(() => this.toggle.setAttribute('aria-pressed', String(this.panel.isOpen)));
    });
    this.fileInput = el('input', { id: 'photo-file-input', type: 'file', multiple: true, accept: PHOTO_ACCEPT, hidden: true });
    this.fileInput.addEventListener('change', () => {
      const files = [...(this.fileInput.files ?? [])];
      this.fileInput.value = '';
      void this.importFiles(files, this.fileTarget);
    });
    this.checkTitle = el('p', { class: 'figure-check-title' });
    this.checkList = el('ul', { class: 'figure-check-list' });
    const close = tr('button', 'app.close', { type: 'button', class: 'btn small quiet' });
    close.addEventListener('click', () => (this.check.hidden = true));
    this.check = el('div', { id: 'figure-check', class: 'figure-check', role: 'alert', hidden: true }, this.checkTitle, this.checkList, close);
    this.figureContext = { mediaInfo: (id) => this.mediaInfo(id) };
    void backend.onFileDrop((event) => this.onDesktopDrop(event)).then((stop) => {
      if (this.disposed) stop();
      else this.unlistenDrop = stop;
    });
  }

  private mediaInfo(id: number): Promise<MediaItem> {
    let known = this.sizes.get(id);
    if (!known) {
      known = this.backend.mediaInfo(id);
      known.catch(() => this.sizes.delete(id));
      this.sizes.set(id, known);
    }
    return known;
  }

  /** Paste and browser drops of image files into the body. */
  plugins(): Plugin[] {
    return [
      new Plugin({
        props: {
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            const files = [...(data?.files ?? [])].filter((f) => f.type.startsWith('image/'));
            // Word and browsers put a picture of copied text beside the text: keep the text.
            if (files.length === 0 || (data?.getData('text/plain') ?? '').trim() !== '') return false;
            void this.importFiles(files, 'insert');
            return true;
          },
          handleDrop: (view, event) => {
            const files = [...(event.dataTransfer?.files ?? [])];
            if (files.length === 0) return false;
            event.preventDefault();
            this.placeCursor(view, event.clientX, event.clientY);
            void this.importFiles(files, 'insert');
            return true;
          },
        },
      }),
    ];
  }

  attach(body: BodyEditor): void {
    this.body = body;
    const button = tr('button', 'photos.insert', { id: 'insert-photo', type: 'button', class: 'tb tb-photo' });
    setAttrText(button, 'title', 'photos.insertTitle');
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', () => this.chooseFiles('insert'));
    body.toolbar?.addTool(button, this.fileInput);
    if (!body.toolbar) this.panel.element.appendChild(this.fileInput);
  }

  private chooseFiles(target: 'insert' | 'panel'): void {
    this.fileTarget = target;
    this.fileInput.click();
  }

  async importFiles(files: File[], target: 'insert' | 'panel'): Promise<void> {
    this.done(await this.importer.importFiles(files), target);
  }

  async importPaths(paths: string[], target: 'insert' | 'panel'): Promise<void> {
    this.done(await this.importer.importPaths(paths), target);
  }

  private done(items: MediaItem[], target: 'insert' | 'panel'): void {
    if (this.disposed) return;
    if (target === 'insert') this.insert(items);
    if (this.panel.isOpen) void this.panel.refresh();
  }

  private insert(items: MediaItem[]): void {
    const view = this.body?.view;
    if (!view || items.length === 0) return;
    insertFigures(items)(view.state, view.dispatch);
    view.focus();
  }

  private placeCursor(view: PmView, x: number, y: number): void {
    const at = view.posAtCoords?.({ left: x, top: y });
    if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
  }

  private onDesktopDrop(event: FileDropEvent): void {
    const hit = document.elementFromPoint?.(event.x, event.y) ?? null;
    const view = this.body?.view;
    const host = view?.dom.closest<HTMLElement>('.body-editor') ?? null;
    const onPanel = !!hit?.closest('#photos-panel') && this.panel.isOpen;
    const onBody = !onPanel && !!hit && !!host?.contains(hit);
    const hovering = event.type === 'enter' || event.type === 'over';
    this.panel.element.classList.toggle('drop-target', hovering && onPanel);
    host?.classList.toggle('drop-target', hovering && onBody);
    if (event.type !== 'drop' || event.paths.length === 0 || !view) return;
    // Dropped on the text: the photos go where they were dropped; elsewhere, at the cursor.
    if (onBody) this.placeCursor(view, event.x, event.y);
    void this.importPaths(event.paths, onPanel ? 'panel' : 'insert');
  }

  /** False (with the list on screen) while a figure lacks a caption, a credit or alt text. */
  submitAllowed(): boolean {
    return !this.showIncomplete(null);
  }

  /** Rust refused `submitted` for incomplete figures: keep the other fields, drop the status. */
  refused(error: AppError, fields: PatchFields): PatchFields | null {
    if (error.code !== 'incomplete_figures' || fields.status === undefined) return null;
    this.showIncomplete(error.message);
    const { status: _status, ...rest } = fields;
    return rest;
  }

  private showIncomplete(message: string | null): boolean {
    const view = this.body?.view;
    const incomplete = view ? incompleteFigures(view.state.doc) : [];
    if (incomplete.length === 0 && message === null) {
      this.check.hidden = true;
      return false;
    }
    if (message) this.checkTitle.textContent = message;
    else setText(this.checkTitle, 'figure.checkTitle');
    clear(this.checkList);
    for (const figure of incomplete) {
      const fields = figure.missing.map((m) => t(MISSING[m])).join(', ');
      const item = el('button', { type: 'button', class: 'figure-check-item', 'data-figure': figure.number }, t('figure.checkItem', { number: figure.number, fields }));
      item.addEventListener('click', () => {
        const pos = view ? figurePos(view.state.doc, figure.number) : null;
        if (!view || pos === null) return;
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)).scrollIntoView());
        view.focus();
      });
      this.checkList.appendChild(el('li', {}, item));
    }
    this.check.hidden = false;
    return true;
  }

  get featured(): number | null {
    return this.panel.featuredId;
  }

  setFeatured(id: number | null): void {
    this.panel.setFeatured(id);
  }

  dispose(): void {
    this.disposed = true;
    this.unlistenDrop?.();
  }
}

/**
 * Photos in the editor: the file chooser (the toolbar's "Ảnh" opens it), pasted and dropped
 * images, desktop drops (paths from the shell), the photo panel and featured image, and the
 * figure check before an article is submitted (here and when Rust refuses with `incomplete_figures`).
 */
import { isDocumentPath } from '../interchange/document-imports.svelte';
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView as PmView } from 'prosemirror-view';
import type { MediaItem } from '../bindings/MediaItem';
import type { Backend, FileDropEvent } from '../backend/backend';
import type { BodyEditor } from '../editor/body-editor';
import type { FigureContext } from '../editor/figure-view';
import { insertFigures } from '../editor/figures';
import { FigureCheck } from './figure-check.svelte';
import { PhotoImporter } from './photo-importer.svelte';
import { PhotoLibrary } from './photo-library.svelte';

export type EditorPhotosOptions = {
  featured: number | null;
  /** The featured photo changed (0 removes it), to be saved with the article. */
  onFeatured: (id: number) => void;
};

/** Where imported photos go: into the body at the cursor, or only into the article's panel. */
export type ImportTarget = 'insert' | 'panel';

export class EditorPhotos {
  readonly importer: PhotoImporter;
  readonly library: PhotoLibrary;
  readonly check: FigureCheck;
  readonly figureContext: FigureContext;
  /** The hidden file chooser, put on screen by PhotoImports.svelte. */
  fileInput: HTMLInputElement | null = null;
  /** Files from the desktop are being dragged over the body (it shows where they would go). */
  bodyDropOver = $state(false);
  private readonly sizes = new Map<number, Promise<MediaItem>>();
  private body: BodyEditor | null = null;
  private fileTarget: ImportTarget = 'insert';
  private unlistenDrop: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly backend: Backend, articleId: number, options: EditorPhotosOptions) {
    this.importer = new PhotoImporter(backend, articleId);
    this.library = new PhotoLibrary(backend, articleId, options.featured, {
      insert: (item) => this.insert([item]),
      featured: (id) => options.onFeatured(id ?? 0),
    });
    this.check = new FigureCheck();
    this.figureContext = { mediaInfo: (id) => this.mediaInfo(id), imageSource: (id, look) => backend.mediaUrl(id, 'web', look) };
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

  /** Paste and browser drops of image files into the body; the figure check follows the body. */
  plugins(): Plugin[] {
    const check = this.check;
    return [
      new Plugin({
        view(view) {
          check.update(view);
          return {
            update: (view, before) => {
              if (view.state.doc !== before.doc) check.update(view);
            },
          };
        },
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

  /** The body photos are inserted into (at its cursor). */
  attach(body: BodyEditor): void {
    this.body = body;
  }

  /** Opens the file chooser; the chosen photos go to `target`. */
  chooseFiles(target: ImportTarget): void {
    this.fileTarget = target;
    this.fileInput?.click();
  }

  /** The file chooser answered. */
  filesChosen(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.importFiles(files, this.fileTarget);
  }

  async importFiles(files: File[], target: ImportTarget): Promise<void> {
    this.done(await this.importer.importFiles(files), target);
  }

  async importPaths(paths: string[], target: ImportTarget): Promise<void> {
    this.done(await this.importer.importPaths(paths), target);
  }

  private done(items: MediaItem[], target: ImportTarget): void {
    if (this.disposed) return;
    if (target === 'insert') this.insert(items);
    if (this.library.open) void this.library.refresh();
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
    const onPanel = !!hit?.closest('#photos-panel') && this.library.open;
    const onBody = !onPanel && !!hit && !!host?.contains(hit);
    const hovering = event.type === 'enter' || event.type === 'over';
    this.library.dropOver = hovering && onPanel;
    this.bodyDropOver = hovering && onBody;
    // Word and handover files in the same drop are the app's (they become articles).
    const photos = event.paths.filter((path) => !isDocumentPath(path));
    if (event.type !== 'drop' || photos.length === 0 || !view) return;
    // Dropped on the text: the photos go where they were dropped; elsewhere, at the cursor.
    if (onBody) this.placeCursor(view, event.x, event.y);
    void this.importPaths(photos, onPanel ? 'panel' : 'insert');
  }

  /** False (with the list on screen) while a figure lacks a caption, a credit or alt text. */
  submitAllowed(): boolean {
    return !this.check.show(null);
  }

  /** Rust refused to submit for incomplete figures: its message, with the list on screen. */
  showFigureCheck(message: string): void {
    this.check.show(message);
  }

  /** The writing goes on (a strip the focus was in has gone). */
  focusBody(): void {
    this.body?.view.focus();
  }

  get featured(): number | null {
    return this.library.featured;
  }

  setFeatured(id: number | null): void {
    this.library.featured = id;
  }

  dispose(): void {
    this.disposed = true;
    this.unlistenDrop?.();
    this.library.dispose();
    this.importer.dispose();
  }
}

/**
 * Photo imports of the open article: by path (a desktop drop; the shell reads only paths it
 * handed out itself) through one job with a progress Channel, or as bytes (paste,
 * `<input type=file>`, a browser drop) one file at a time. Shows a progress bar with a stop button and names every file that could not be
 * imported; the others go on. Imports run one after another, never blocking the page.
 */
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { MediaItem } from '../bindings/MediaItem';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import { toAppError, type Backend } from '../backend/backend';
import { t } from '../i18n';
import { clear, el, setText, tr } from './dom';

const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;
let jobCounter = 0;

function refused(file: string, error: ErrorPayload): PhotoImportResult {
  return { file, media: null, duplicate: false, web_path: null, thumb_path: null, error };
}
const failure = (file: string, reason: unknown) => refused(file, toAppError(reason).toPayload());

export class PhotoImporter {
  readonly element: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly label: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly errors: HTMLElement;
  private queue: Promise<unknown> = Promise.resolve();
  private stop: (() => void) | null = null;

  constructor(private readonly backend: Backend, private readonly articleId: number) {
    this.progress = el('progress', { id: 'import-progress', max: 1, value: 0 });
    this.label = el('span', { class: 'import-label' });
    this.cancelButton = tr('button', 'import.cancel', { id: 'import-cancel', type: 'button', class: 'btn small' });
    this.cancelButton.addEventListener('click', () => this.stop?.());
    this.summary = el('p', { class: 'import-summary' });
    this.errors = el('ul', { class: 'import-errors' });
    const dismiss = tr('button', 'app.close', { type: 'button', class: 'btn small quiet import-dismiss' });
    dismiss.addEventListener('click', () => (this.element.hidden = true));
    this.element = el(
      'div',
      { id: 'import-status', class: 'import-status', role: 'status', 'aria-live': 'polite', hidden: true },
      el('div', { class: 'import-running' }, this.label, this.progress, this.cancelButton),
      el('div', { class: 'import-report' }, this.summary, dismiss),
      this.errors,
    );
  }

  /** Files by path; resolves with the photos that made it, in the order given. */
  importPaths(paths: string[]): Promise<MediaItem[]> {
    return this.enqueue(paths.length, async () => {
      const jobId = `import-${this.articleId}-${Date.now()}-${++jobCounter}`;
      this.stop = () => void this.backend.cancelImport(jobId).catch(() => undefined);
      try {
        return await this.backend.importPhotoFiles(jobId, paths, this.articleId, (p) => this.showProgress(p.done, p.total));
      } catch (reason) {
        return paths.map((path) => failure(path, reason));
      }
    });
  }

  /** Files as bytes (no path in the web view for pasted or chosen files). */
  importFiles(files: File[]): Promise<MediaItem[]> {
    return this.enqueue(files.length, async () => {
      let stopped = false;
      this.stop = () => (stopped = true);
      // A few at a time: the shell decodes each on its own worker, so chosen files import in
      // parallel like dropped ones; results keep the order the files were chosen in.
      const results: PhotoImportResult[] = new Array<PhotoImportResult>(files.length);
      let next = 0;
      let done = 0;
      const worker = async (): Promise<void> => {
        while (next < files.length) {
          const i = next++;
          const file = files[i]!;
          const name = file.name || 'ảnh dán';
          if (stopped) {
            results[i] = refused(name, { code: 'cancelled', message: '' });
          } else {
            try {
              const bytes = new Uint8Array(await file.arrayBuffer());
              results[i] = await this.backend.importPhotoData(name, bytes, this.articleId);
            } catch (reason) {
              results[i] = failure(name, reason);
            }
          }
          this.showProgress(++done, files.length);
        }
      };
      const parallel = Math.min(files.length, Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));
      await Promise.all(Array.from({ length: parallel }, worker));
      return results;
    });
  }

  private enqueue(total: number, run: () => Promise<PhotoImportResult[]>): Promise<MediaItem[]> {
    if (total === 0) return Promise.resolve([]);
    const next = this.queue.then(async () => {
      this.begin(total);
      const results = await run();
      this.stop = null;
      return this.report(results);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private begin(total: number): void {
    clear(this.errors);
    this.summary.textContent = '';
    this.element.hidden = false;
    this.element.dataset.state = 'running';
    this.cancelButton.disabled = false;
    this.showProgress(0, total);
  }

  private showProgress(done: number, total: number): void {
    this.progress.max = Math.max(1, total);
    this.progress.value = done;
    setText(this.label, 'import.progress', { done, total });
  }

  private report(results: PhotoImportResult[]): MediaItem[] {
    this.element.dataset.state = 'done';
    this.cancelButton.disabled = true;
    const imported = results.flatMap((r) => (r.media && !r.error ? [r.media] : []));
    const failed = results.filter((r) => r.error && r.error.code !== 'cancelled');
    const cancelled = results.filter((r) => r.error?.code === 'cancelled').length;
    const lines = [t('import.done', { count: imported.length })];
    if (cancelled) lines.push(t('import.cancelled', { count: cancelled }));
    if (failed.length) lines.push(t('import.failed', { count: failed.length }));
    this.summary.textContent = lines.join(' ');
    for (const r of failed) {
      const name = baseName(r.file);
      const message = r.error!.message;
      // Rust names the file in its message already; say it once.
      this.errors.appendChild(
        el('li', { class: 'import-error', 'data-code': r.error!.code }, message.includes(name) ? message : `${name}: ${message}`),
      );
    }
    return imported;
  }
}

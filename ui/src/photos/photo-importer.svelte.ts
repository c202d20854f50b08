/**
 * Photo imports of the open article, as state for the import strip: by path (a desktop drop;
 * the shell reads only paths it handed out itself) through one job with a progress Channel, or
 * as bytes (paste, the file chooser, a browser drop) a few files at a time. Imports run one after
 * another; a stop ends the current one; every file that failed is named, the others go on.
 */
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { MediaItem } from '../bindings/MediaItem';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import { toAppError, type Backend } from '../backend/backend';

export const PHOTO_ACCEPT =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif,image/tiff,image/gif,image/bmp,.heic,.heif,.avif,.tif,.tiff,.gif,.bmp';
/** A clean result ("Đã nhập N ảnh.") goes by itself; a report naming failures stays until closed. */
export const IMPORT_NOTICE_MS = 5000;

export type ImportPhase = 'idle' | 'running' | 'done';
/** A file that was not imported, in words to show as they are (Rust names the file). */
export type ImportFailure = { code: string; text: string };
export type ImportReport = { imported: number; cancelled: number; failed: ImportFailure[] };

const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;
const refused = (file: string, error: ErrorPayload): PhotoImportResult => ({
  file,
  media: null,
  duplicate: false,
  web_path: null,
  thumb_path: null,
  error,
});
const failure = (file: string, reason: unknown) => refused(file, toAppError(reason).toPayload());

export class PhotoImporter {
  phase = $state<ImportPhase>('idle');
  done = $state(0);
  total = $state(0);
  report = $state.raw<ImportReport | null>(null);
  private queue: Promise<unknown> = Promise.resolve();
  private stop: (() => void) | null = null;
  private jobs = 0;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly backend: Backend, private readonly articleId: number) {}

  /** Files by path; resolves with the photos that made it, in the order given. */
  importPaths(paths: string[]): Promise<MediaItem[]> {
    return this.enqueue(paths.length, async () => {
      const jobId = `import-${this.articleId}-${Date.now()}-${++this.jobs}`;
      this.stop = () => void this.backend.cancelImport(jobId).catch(() => undefined);
      try {
        return await this.backend.importPhotoFiles(jobId, paths, this.articleId, (p) => this.progress(p.done, p.total));
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
      const results = new Array<PhotoImportResult>(files.length);
      let next = 0;
      let finished = 0;
      const worker = async (): Promise<void> => {
        while (next < files.length) {
          const i = next++;
          const file = files[i]!;
          const name = file.name || 'ảnh dán';
          if (stopped) results[i] = refused(name, { code: 'cancelled', message: '' });
          else {
            try {
              results[i] = await this.backend.importPhotoData(name, new Uint8Array(await file.arrayBuffer()), this.articleId);
            } catch (reason) {
              results[i] = failure(name, reason);
            }
          }
          this.progress(++finished, files.length);
        }
      };
      const parallel = Math.min(files.length, Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));
      await Promise.all(Array.from({ length: parallel }, worker));
      return results;
    });
  }

  /** "Dừng": the files not yet imported are left out (and not reported as errors). */
  cancel(): void {
    this.stop?.();
  }

  /** Takes the strip away (the close button, or the clean result's own time). */
  dismiss(): void {
    this.clearNoticeTimer();
    if (this.phase === 'done') this.phase = 'idle';
  }

  private enqueue(total: number, run: () => Promise<PhotoImportResult[]>): Promise<MediaItem[]> {
    if (total === 0) return Promise.resolve([]);
    const next = this.queue.then(async () => {
      this.begin(total);
      const results = await run();
      this.stop = null;
      return this.finish(results);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private begin(total: number): void {
    this.clearNoticeTimer();
    this.report = null;
    this.phase = 'running';
    this.progress(0, total);
  }

  private progress(done: number, total: number): void {
    this.done = done;
    this.total = total;
  }

  private finish(results: PhotoImportResult[]): MediaItem[] {
    const imported = results.flatMap((r) => (r.media && !r.error ? [r.media] : []));
    const failed = results.flatMap((r) => {
      if (!r.error || r.error.code === 'cancelled') return [];
      const name = baseName(r.file);
      // Rust names the file in its message already; say it once.
      return [{ code: r.error.code, text: r.error.message.includes(name) ? r.error.message : `${name}: ${r.error.message}` }];
    });
    const cancelled = results.filter((r) => r.error?.code === 'cancelled').length;
    this.report = { imported: imported.length, cancelled, failed };
    this.phase = 'done';
    if (failed.length === 0) this.noticeTimer = setTimeout(() => this.dismiss(), IMPORT_NOTICE_MS);
    return imported;
  }

  private clearNoticeTimer(): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
  }

  dispose(): void {
    this.clearNoticeTimer();
  }
}

/**
 * An in-memory Backend with the same semantics as the Rust library (see `memory-library.ts`),
 * the checks (`memory-checks.ts`) and the photo library (`memory-photos.ts`). Used by the
 * tests and by the UI in a plain browser.
 */
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { FontRun } from '../bindings/FontRun';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { MediaItem } from '../bindings/MediaItem';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import type { PhotoSettings } from '../bindings/PhotoSettings';
import type { PmNode } from '../bindings/PmNode';
import type { RenditionSize } from '../bindings/RenditionSize';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import type { Backend, FileDropEvent, ImageLook } from './backend';
import { MemoryLibrary } from './memory-library';

export { slugify, type MemoryOptions } from './memory-library';

export class MemoryBackend extends MemoryLibrary implements Backend {
  private dropHandlers: Array<(event: FileDropEvent) => void> = [];

  async checkDocument(input: CheckInput): Promise<CheckReport> {
    await this.tick();
    return this.checks.check(input);
  }

  async getCheckSettings(): Promise<CheckSettings> {
    await this.tick();
    return this.checks.getSettings();
  }

  async setCheckSettings(settings: CheckSettings): Promise<CheckSettings> {
    await this.tick();
    return this.checks.setSettings(settings);
  }

  async listUserWords(): Promise<string[]> {
    await this.tick();
    return this.checks.userWords();
  }

  async addUserWord(word: string): Promise<string[]> {
    await this.tick();
    return this.checks.addWord(word);
  }

  async removeUserWord(word: string): Promise<string[]> {
    await this.tick();
    return this.checks.removeWord(word);
  }

  async convertFontRuns(runs: FontRun[]): Promise<ConvertedRun[]> {
    await this.tick();
    return this.checks.convertRuns(runs);
  }

  async fixToneStyle(headline: string, sapo: string, body: PmNode): Promise<ToneStyleFix> {
    await this.tick();
    return this.checks.fixToneStyle(headline, sapo, this.checkBody(body));
  }

  async importPhotoFiles(
    jobId: string,
    paths: string[],
    articleId: number | null,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<PhotoImportResult[]> {
    if (articleId !== null) this.find(articleId);
    return this.photos.importAll(jobId, paths, articleId, onProgress, () => this.tick());
  }

  async cancelImport(jobId: string): Promise<void> {
    this.photos.cancel(jobId);
  }

  async importPhotoData(name: string, bytes: Uint8Array, articleId: number | null): Promise<PhotoImportResult> {
    await this.tick();
    return this.photos.importOne(name, articleId, bytes);
  }

  async mediaInfo(id: number): Promise<MediaItem> {
    await this.tick();
    return this.photos.get(id);
  }

  async articleMedia(articleId: number): Promise<MediaItem[]> {
    await this.tick();
    this.find(articleId);
    return this.photos.panel(articleId);
  }

  async attachMedia(articleId: number, mediaId: number): Promise<void> {
    await this.tick();
    this.find(articleId);
    this.photos.attach(articleId, mediaId);
  }

  async searchMedia(query: string, limit: number): Promise<MediaItem[]> {
    await this.tick();
    return this.photos.search(query, limit);
  }

  async getPhotoSettings(): Promise<PhotoSettings> {
    await this.tick();
    return this.photos.getSettings();
  }

  async setPhotoSettings(settings: PhotoSettings): Promise<PhotoSettings> {
    await this.tick();
    return this.photos.setSettings(settings);
  }

  mediaUrl(id: number, size: RenditionSize, look?: ImageLook): string {
    return this.photos.url(id, size, look);
  }

  async onFileDrop(handler: (event: FileDropEvent) => void): Promise<() => void> {
    this.dropHandlers.push(handler);
    return () => {
      this.dropHandlers = this.dropHandlers.filter((h) => h !== handler);
    };
  }

  /** Test helper: files dropped from the desktop at (x, y). */
  dropFiles(paths: string[], x = 0, y = 0): void {
    for (const h of this.dropHandlers) h({ type: 'drop', paths, x, y });
  }
}

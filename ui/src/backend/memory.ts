/**
 * An in-memory Backend with the same semantics as the Rust library (see `memory-library.ts`),
 * the checks (`memory-checks.ts`), the photo library (`memory-photos.ts`) and publishing
 * (`memory-sync.ts`, against simulated sites). Used by the tests and by the UI in a plain browser.
 */
import type { Article } from '../bindings/Article';
import type { AbbreviationList } from '../bindings/AbbreviationList';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { FindingKey } from '../bindings/FindingKey';
import type { ConflictSide } from '../bindings/ConflictSide';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointCheck } from '../bindings/EndpointCheck';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { FontRun } from '../bindings/FontRun';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { MediaItem } from '../bindings/MediaItem';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import type { PhotoSettings } from '../bindings/PhotoSettings';
import type { PmNode } from '../bindings/PmNode';
import type { PullProgress } from '../bindings/PullProgress';
import type { PullSummary } from '../bindings/PullSummary';
import type { RenditionSize } from '../bindings/RenditionSize';
import type { SyncConflict } from '../bindings/SyncConflict';
import type { SyncJob } from '../bindings/SyncJob';
import type { SyncProgress } from '../bindings/SyncProgress';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import type { ArticleChanges, Backend, FileDropEvent, ImageLook } from './backend';
import type { ArticleDiff } from '../bindings/ArticleDiff';
import type { Checklist } from '../bindings/Checklist';
import type { NewNote } from '../bindings/NewNote';
import type { NextStep } from '../bindings/NextStep';
import type { Note } from '../bindings/Note';
import type { Queue } from '../bindings/Queue';
import type { Role } from '../bindings/Role';
import type { StatusChange } from '../bindings/StatusChange';
import type { Transition } from '../bindings/Transition';
import { MemoryDesk } from './memory-desk';
import { MemoryLibrary, type MemoryOptions } from './memory-library';
import { readerHtml } from './memory-preview';
import { MemorySync } from './memory-sync';

export { slugify, type MemoryOptions } from './memory-library';
export { MemorySite } from './memory-site';

export class MemoryBackend extends MemoryLibrary implements Backend {
  private dropHandlers: Array<(event: FileDropEvent) => void> = [];
  /** Profiles, outbox, sync records and the simulated sites (`sync.addSite`, `sync.runOutbox`). */
  readonly sync: MemorySync;
  /** Workflow steps, notes, queues, the checklist and the diff. */
  readonly desk: MemoryDesk;

  constructor(options: MemoryOptions = {}) {
    super(options);
    this.desk = new MemoryDesk({
      article: (id) => this.publicCopy(this.find(id)),
      articles: () => this.allArticles(),
      revisions: (id) => this.revisionsOf(id),
      save: (id, patch) => this.storeEdit(id, patch),
      user: () => this.currentUser(),
      now: () => this.now(),
    });
    this.sync = new MemorySync(options, {
      article: (id) => this.publicCopy(this.find(id)),
      save: (id, patch, reason) => this.storeEdit(id, patch, reason),
      create: (input) => this.storeNew(input),
      keepCopy: (id, patch, reason) => this.keepCopy(id, patch, reason),
      pause: () => this.tick(),
      now: () => this.now(),
    });
  }

  override async deleteArticle(id: number): Promise<void> {
    await super.deleteArticle(id);
    this.sync.forget(id);
  }

  async changeStatus(id: number, change: StatusChange): Promise<Article> {
    await this.tick();
    return this.desk.changeStatus(id, change);
  }

  async nextSteps(id: number): Promise<NextStep[]> {
    await this.tick();
    return this.desk.nextSteps(id);
  }

  async listTransitions(id: number): Promise<Transition[]> {
    await this.tick();
    return this.desk.listTransitions(id);
  }

  async checklist(id: number): Promise<Checklist> {
    await this.tick();
    return this.desk.checklist(id);
  }

  async listNotes(id: number): Promise<Note[]> {
    await this.tick();
    return this.desk.listNotes(id);
  }

  async addNote(id: number, note: NewNote): Promise<Note> {
    await this.tick();
    return this.desk.addNote(id, note);
  }

  async setNoteResolved(noteId: number, resolved: boolean): Promise<Note> {
    await this.tick();
    return this.desk.setNoteResolved(noteId, resolved);
  }

  async deleteNote(noteId: number): Promise<void> {
    await this.tick();
    this.desk.deleteNote(noteId);
  }

  async queue(role: Role): Promise<Queue> {
    await this.tick();
    return this.desk.queue(role);
  }

  async diffArticle(id: number, from: number | null, to: number | null): Promise<ArticleDiff> {
    await this.tick();
    return this.desk.diffArticle(id, from, to);
  }

  async acceptChange(id: number, from: number, change: string): Promise<ArticleDiff> {
    await this.tick();
    return this.desk.acceptChange(id, from, change);
  }

  async rejectChange(id: number, from: number, change: string, baseVersion: number): Promise<Article> {
    await this.tick();
    return this.desk.rejectChange(id, from, change, baseVersion);
  }

  async previewArticle(id: number): Promise<string> {
    await this.tick();
    return readerHtml(this.publicCopy(this.find(id)), (mediaId, look) => this.photos.url(mediaId, 'web', look));
  }

  async checkDocument(input: CheckInput): Promise<CheckReport> {
    await this.tick();
    return this.checks.check(input);
  }

  async ignoreFinding(articleId: number, key: FindingKey): Promise<void> {
    await this.tick();
    this.find(articleId);
    this.checks.ignore(articleId, key);
  }

  async unignoreFinding(articleId: number, key: FindingKey): Promise<void> {
    await this.tick();
    this.checks.unignore(articleId, key);
  }

  async getCheckSettings(): Promise<CheckSettings> {
    await this.tick();
    return this.checks.getSettings();
  }

  async setCheckSettings(settings: CheckSettings): Promise<CheckSettings> {
    await this.tick();
    return this.checks.setSettings(settings);
  }

  async abbreviationList(): Promise<AbbreviationList> {
    await this.tick();
    return this.checks.abbreviations();
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

  /** Links opened, in order (in a plain browser they also open in a new tab). */
  readonly openedLinks: string[] = [];

  async openLink(url: string): Promise<void> {
    this.openedLinks.push(url);
    if (!navigator.userAgent.includes('jsdom')) window.open(url, '_blank', 'noopener,noreferrer');
  }

  /** Test helper: files dropped from the desktop at (x, y). */
  dropFiles(paths: string[], x = 0, y = 0): void {
    for (const h of this.dropHandlers) h({ type: 'drop', paths, x, y });
  }

  async listEndpoints(): Promise<Endpoint[]> {
    await this.tick();
    return this.sync.listEndpoints();
  }

  async saveEndpoint(input: EndpointInput, password: string): Promise<EndpointCheck> {
    await this.tick();
    return this.sync.saveEndpoint(input, password);
  }

  async testEndpoint(name: string): Promise<EndpointCheck> {
    await this.tick();
    return this.sync.testEndpoint(name);
  }

  async removeEndpoint(name: string): Promise<Endpoint> {
    await this.tick();
    return this.sync.removeEndpoint(name);
  }

  async keychainAvailable(): Promise<boolean> {
    return this.sync.keychain;
  }

  /** As Rust: the save and the job together, or neither. */
  async sendArticle(id: number, patch: ArticleChanges | null, endpointId: number): Promise<[Article, SyncJob]> {
    await this.tick();
    this.find(id);
    this.sync.checkQueue(id, endpointId);
    const article = patch ? this.storeEdit(id, patch) : this.publicCopy(this.find(id));
    const job = this.sync.queue(id, endpointId);
    this.sync.wake();
    return [article, job];
  }

  async retrySync(id: number): Promise<void> {
    await this.tick();
    this.sync.retryNow(id);
    this.sync.wake();
  }

  async cancelSync(id: number): Promise<void> {
    await this.tick();
    this.sync.cancel(id);
  }

  async listOutbox(): Promise<SyncJob[]> {
    await this.tick();
    return this.sync.outbox();
  }

  async articleSyncs(ids: readonly number[]): Promise<ArticleSync[]> {
    await this.tick();
    return this.sync.articleSyncs(ids);
  }

  async syncConflict(id: number): Promise<SyncConflict | null> {
    await this.tick();
    return this.sync.syncConflict(id);
  }

  async resolveConflict(id: number, choices: ConflictSide[]): Promise<void> {
    await this.tick();
    this.sync.resolve(id, choices);
  }

  async pullPosts(endpointId: number, statuses: string[], onProgress: (progress: PullProgress) => void): Promise<PullSummary> {
    await this.tick();
    return this.sync.pull(endpointId, statuses, onProgress);
  }

  async onSyncProgress(handler: (progress: SyncProgress) => void): Promise<() => void> {
    return this.sync.onProgress(handler);
  }

  async onSyncChanged(handler: (articleId: number) => void): Promise<() => void> {
    return this.sync.onChanged(handler);
  }
}

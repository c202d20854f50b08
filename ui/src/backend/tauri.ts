/** The Backend over Tauri commands. The only file in the UI that calls `invoke`. */
import { Channel, convertFileSrc, invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { openUrl } from '@tauri-apps/plugin-opener';
import type { Article } from '../bindings/Article';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { AbbreviationList } from '../bindings/AbbreviationList';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { FindingKey } from '../bindings/FindingKey';
import type { ConflictSide } from '../bindings/ConflictSide';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { EditMerge } from '../bindings/EditMerge';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointCheck } from '../bindings/EndpointCheck';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { FontRun } from '../bindings/FontRun';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { MediaItem } from '../bindings/MediaItem';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { ListQuery } from '../bindings/ListQuery';
import type { Locale } from '../bindings/Locale';
import type { NewArticle } from '../bindings/NewArticle';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import type { PhotoSettings } from '../bindings/PhotoSettings';
import type { PmNode } from '../bindings/PmNode';
import type { PullProgress } from '../bindings/PullProgress';
import type { PullSummary } from '../bindings/PullSummary';
import type { RenditionSize } from '../bindings/RenditionSize';
import type { Revision } from '../bindings/Revision';
import type { RevisionMark } from '../bindings/RevisionMark';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { SearchHit } from '../bindings/SearchHit';
import type { ShelfCounts } from '../bindings/ShelfCounts';
import type { ExportDone } from '../bindings/ExportDone';
import type { DocumentImportResult } from '../bindings/DocumentImportResult';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { Settings } from '../bindings/Settings';
import type { SyncConflict } from '../bindings/SyncConflict';
import type { SyncJob } from '../bindings/SyncJob';
import type { SyncProgress } from '../bindings/SyncProgress';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import type { ArticleDiff } from '../bindings/ArticleDiff';
import type { Checklist } from '../bindings/Checklist';
import type { NewNote } from '../bindings/NewNote';
import type { NextStep } from '../bindings/NextStep';
import type { Note } from '../bindings/Note';
import type { Queue } from '../bindings/Queue';
import type { Role } from '../bindings/Role';
import type { StatusChange } from '../bindings/StatusChange';
import type { Transition } from '../bindings/Transition';
import type { UserProfile } from '../bindings/UserProfile';
import { lookQuery, toAppError, type ArticleChanges, type Backend, type FileDropEvent, type ImageLook } from './backend';

async function call<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await (options ? invoke<T>(command, args, options) : invoke<T>(command, args));
  } catch (reason) {
    throw toAppError(reason);
  }
}

export class TauriBackend implements Backend {
  /** `media://localhost/` on Linux and macOS, `http://media.localhost/` on Windows. */
  private mediaBase: string | null = null;

  libraryInfo(): Promise<LibraryInfo> {
    return call('library_info');
  }
  setUser(user: UserProfile): Promise<Settings> {
    return call('set_user', { user });
  }
  changeStatus(id: number, change: StatusChange): Promise<Article> {
    return call('change_status', { id, change });
  }
  nextSteps(id: number): Promise<NextStep[]> {
    return call('next_steps', { id });
  }
  listTransitions(id: number): Promise<Transition[]> {
    return call('list_transitions', { id });
  }
  checklist(id: number): Promise<Checklist> {
    return call('article_checklist', { id });
  }
  listNotes(id: number): Promise<Note[]> {
    return call('list_notes', { id });
  }
  addNote(id: number, note: NewNote): Promise<Note> {
    return call('add_note', { id, note });
  }
  setNoteResolved(noteId: number, resolved: boolean): Promise<Note> {
    return call('set_note_resolved', { noteId, resolved });
  }
  deleteNote(noteId: number): Promise<void> {
    return call('delete_note', { noteId });
  }
  queue(role: Role): Promise<Queue> {
    return call('desk_queue', { role });
  }
  diffArticle(id: number, from: number | null, to: number | null): Promise<ArticleDiff> {
    return call('diff_article', { id, from, to });
  }
  acceptChange(id: number, from: number, change: string): Promise<ArticleDiff> {
    return call('accept_change', { id, from, change });
  }
  rejectChange(id: number, from: number, change: string, baseVersion: number): Promise<Article> {
    return call('reject_change', { id, from, change, baseVersion });
  }
  listAuthors(): Promise<string[]> {
    return call('list_authors');
  }
  listArticles(query: ListQuery): Promise<ArticleSummary[]> {
    return call('list_articles', { query });
  }
  searchArticles(query: string, status: ArticleStatus | null, limit: number): Promise<SearchHit[]> {
    return call('search_articles', { query, status, limit });
  }
  getArticle(id: number): Promise<Article> {
    return call('get_article', { id });
  }
  createArticle(input: NewArticle): Promise<Article> {
    return call('create_article', { input });
  }
  updateArticle(id: number, patch: ArticleChanges): Promise<Article> {
    return call('update_article', { id, patch });
  }
  async moveToTrash(ids: number[]): Promise<void> {
    await call<null>('move_to_trash', { ids });
  }
  async restoreFromTrash(ids: number[]): Promise<void> {
    await call<null>('restore_from_trash', { ids });
  }
  async archiveArticles(ids: number[], undo: boolean): Promise<void> {
    await call<null>('archive_articles', { ids, undo });
  }
  emptyTrash(): Promise<number> {
    return call('empty_trash');
  }
  shelfCounts(): Promise<ShelfCounts> {
    return call('shelf_counts');
  }
  importDocumentPaths(paths: string[], choices: ConflictSide[] | null): Promise<DocumentImportResult[]> {
    return call('import_documents', { paths, choices });
  }
  importDocumentData(name: string, bytes: Uint8Array, choices: ConflictSide[] | null): Promise<DocumentImportResult> {
    // Raw body, like a photo: a Word file with its pictures never goes through JSON.
    const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(name) };
    if (choices) headers['x-choices'] = choices.join(',');
    return call('import_document_data', bytes, { headers });
  }
  exportArticle(id: number, format: ExportFormat): Promise<ExportDone | null> {
    return call('export_article', { id, format });
  }
  duplicateArticle(id: number): Promise<Article> {
    return call('duplicate_article', { id });
  }
  async deleteArticle(id: number): Promise<void> {
    await call<null>('delete_article', { id });
  }
  previewArticle(id: number): Promise<string> {
    return call('preview_article', { id });
  }
  listRevisions(articleId: number): Promise<RevisionSummary[]> {
    return call('list_revisions', { articleId });
  }
  getRevision(revisionId: number): Promise<Revision> {
    return call('get_revision', { revisionId });
  }
  restoreRevision(revisionId: number): Promise<Article> {
    return call('restore_revision', { revisionId });
  }
  revisionMark(articleId: number): Promise<RevisionMark> {
    return call('revision_mark', { articleId });
  }
  saveBulkFix(id: number, patch: ArticleChanges): Promise<Article> {
    return call('save_bulk_fix', { id, patch });
  }
  getSettings(): Promise<Settings> {
    return call('get_settings');
  }
  setLocale(locale: Locale): Promise<Settings> {
    return call('set_locale', { locale });
  }
  async setLastArticle(id: number | null): Promise<void> {
    await call<null>('set_last_article', { id });
  }
  async uiReady(phases: string): Promise<void> {
    await call<null>('ui_ready', { phases });
  }
  async onFlushRequest(handler: () => Promise<void>): Promise<() => void> {
    return listen('flush-request', () => {
      void handler();
    });
  }
  keepUnsavedCopy(articleId: number, patch: ArticleChanges): Promise<RevisionSummary> {
    return call('keep_unsaved_copy', { articleId, patch });
  }
  mergeEdit(base: Article, local: ArticleChanges, choices: ConflictSide[] | null): Promise<EditMerge> {
    return call('merge_edit', { base, local, choices });
  }
  async onLibraryChanged(handler: () => void): Promise<() => void> {
    return listen('library-changed', () => handler());
  }
  async flushDone(): Promise<void> {
    await call<null>('flush_done');
  }
  async setWindowTitle(title: string): Promise<void> {
    await getCurrentWindow().setTitle(title);
  }
  async closeWindow(): Promise<void> {
    await getCurrentWindow().close();
  }
  checkDocument(input: CheckInput): Promise<CheckReport> {
    return call('check_document', { input });
  }
  async ignoreFinding(articleId: number, key: FindingKey): Promise<void> {
    await call<null>('ignore_finding', { article: articleId, key });
  }
  async unignoreFinding(articleId: number, key: FindingKey): Promise<void> {
    await call<null>('unignore_finding', { article: articleId, key });
  }
  getCheckSettings(): Promise<CheckSettings> {
    return call('get_check_settings');
  }
  setCheckSettings(settings: CheckSettings): Promise<CheckSettings> {
    return call('set_check_settings', { settings });
  }
  abbreviationList(): Promise<AbbreviationList> {
    return call('abbreviation_list');
  }
  listUserWords(): Promise<string[]> {
    return call('list_user_words');
  }
  addUserWord(word: string): Promise<string[]> {
    return call('add_user_word', { word });
  }
  removeUserWord(word: string): Promise<string[]> {
    return call('remove_user_word', { word });
  }
  convertFontRuns(runs: FontRun[]): Promise<ConvertedRun[]> {
    return call('convert_font_runs', { runs });
  }
  fixToneStyle(headline: string, sapo: string, body: PmNode): Promise<ToneStyleFix> {
    return call('fix_tone_style', { headline, sapo, body });
  }
  importPhotoFiles(
    jobId: string,
    paths: string[],
    articleId: number | null,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<PhotoImportResult[]> {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call('import_photo_files', { jobId, paths, articleId, onProgress: channel });
  }
  async cancelImport(jobId: string): Promise<void> {
    await call<null>('cancel_import', { jobId });
  }
  importPhotoData(name: string, bytes: Uint8Array, articleId: number | null): Promise<PhotoImportResult> {
    // Raw body: megabytes of image never go through JSON. The name is percent-encoded UTF-8.
    const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(name) };
    if (articleId !== null) headers['x-article-id'] = String(articleId);
    return call('import_photo_data', bytes, { headers });
  }
  mediaInfo(id: number): Promise<MediaItem> {
    return call('media_info', { id });
  }
  articleMedia(articleId: number): Promise<MediaItem[]> {
    return call('article_media', { articleId });
  }
  async attachMedia(articleId: number, mediaId: number): Promise<void> {
    await call<null>('attach_media', { articleId, mediaId });
  }
  searchMedia(query: string, limit: number): Promise<MediaItem[]> {
    return call('search_media', { query, limit });
  }
  getPhotoSettings(): Promise<PhotoSettings> {
    return call('get_photo_settings');
  }
  setPhotoSettings(settings: PhotoSettings): Promise<PhotoSettings> {
    return call('set_photo_settings', { settings });
  }
  /** Parsed by src-tauri/src/media_protocol.rs, whose tests read the URLs tauri.test.ts expects. */
  mediaUrl(id: number, size: RenditionSize, look?: ImageLook): string {
    this.mediaBase ??= convertFileSrc('', 'media');
    return `${this.mediaBase}${id}/${size}${lookQuery(look)}`;
  }
  async onFileDrop(handler: (event: FileDropEvent) => void): Promise<() => void> {
    return getCurrentWebview().onDragDropEvent(({ payload }) => {
      // Positions come in physical pixels; the page works in CSS pixels.
      const scale = window.devicePixelRatio || 1;
      const position = 'position' in payload ? payload.position : null;
      handler({
        type: payload.type,
        paths: 'paths' in payload ? payload.paths : [],
        x: position ? position.x / scale : 0,
        y: position ? position.y / scale : 0,
      });
    });
  }
  async openLink(url: string): Promise<void> {
    // The shell allows http, https and mailto only (capabilities/open-links.json).
    try {
      await openUrl(url);
    } catch (reason) {
      throw toAppError(reason);
    }
  }
  listEndpoints(): Promise<Endpoint[]> {
    return call('list_endpoints');
  }
  saveEndpoint(input: EndpointInput, password: string): Promise<EndpointCheck> {
    return call('save_endpoint', { input, password });
  }
  testEndpoint(name: string): Promise<EndpointCheck> {
    return call('test_endpoint', { name });
  }
  removeEndpoint(name: string): Promise<Endpoint> {
    return call('remove_endpoint', { name });
  }
  keychainAvailable(): Promise<boolean> {
    return call('keychain_available');
  }
  sendArticle(id: number, patch: ArticleChanges | null, endpointId: number): Promise<[Article, SyncJob]> {
    return call('send_article', { id, patch, endpointId });
  }
  async retrySync(id: number): Promise<void> {
    await call<null>('retry_sync', { id });
  }
  async cancelSync(id: number): Promise<void> {
    await call<null>('cancel_sync', { id });
  }
  listOutbox(): Promise<SyncJob[]> {
    return call('list_outbox');
  }
  articleSyncs(ids: readonly number[]): Promise<ArticleSync[]> {
    return call('article_syncs', { ids });
  }
  syncConflict(id: number): Promise<SyncConflict | null> {
    return call('sync_conflict', { id });
  }
  async resolveConflict(id: number, choices: ConflictSide[]): Promise<void> {
    await call<null>('resolve_conflict', { id, choices });
  }
  pullPosts(endpointId: number, statuses: string[], onProgress: (progress: PullProgress) => void): Promise<PullSummary> {
    const channel = new Channel<PullProgress>();
    channel.onmessage = onProgress;
    return call('pull_posts', { endpointId, statuses, onProgress: channel });
  }
  async onSyncProgress(handler: (progress: SyncProgress) => void): Promise<() => void> {
    return listen<SyncProgress>('sync-progress', (event) => handler(event.payload));
  }
  async onSyncChanged(handler: (articleId: number) => void): Promise<() => void> {
    return listen<number>('sync-changed', (event) => handler(event.payload));
  }
}

/** The one interface the UI uses to reach Rust. Implementations: `tauri.ts`, `memory.ts`. */
import type { Article } from '../bindings/Article';
import type { ArticlePatch } from '../bindings/ArticlePatch';
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
import type { CropRect } from '../bindings/CropRect';
import type { EditMerge } from '../bindings/EditMerge';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointCheck } from '../bindings/EndpointCheck';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { ListQuery } from '../bindings/ListQuery';
import type { Locale } from '../bindings/Locale';
import type { FontRun } from '../bindings/FontRun';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { MediaItem } from '../bindings/MediaItem';
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

/**
 * A save as Rust reads it: every field but `base_version` may be left out. (The generated
 * `ArticlePatch` marks `featured_media_id` required: its `#[ts(type)]` drops `optional_fields`.)
 */
export type ArticleChanges = Omit<ArticlePatch, 'featured_media_id'> & { featured_media_id?: number };

/** How a figure shows its photo: a crop (fractions of the picture as shown) and quarter turns. */
export type ImageLook = { crop: CropRect | null; rotation: number };

/** Files dragged over or dropped on the window, at a point in CSS pixels. */
export type FileDropEvent = { type: 'enter' | 'over' | 'drop' | 'leave'; paths: string[]; x: number; y: number };

/**
 * Publishing to a site (WordPress): endpoint profiles, "Gửi" and the outbox, each article's
 * sync state, conflicts and pull for review. Passwords go in and never come back out.
 */
export interface PublishingBackend {
  listEndpoints(): Promise<Endpoint[]>;
  /** Checks the credentials with the site first; rejects with `auth_failed`, `unreachable`… */
  saveEndpoint(input: EndpointInput, password: string): Promise<EndpointCheck>;
  /** Checks a saved profile's credentials again (with the kept password). */
  testEndpoint(name: string): Promise<EndpointCheck>;
  removeEndpoint(name: string): Promise<Endpoint>;
  /** False: passwords are kept in memory until the app closes, never on disk. */
  keychainAvailable(): Promise<boolean>;
  /** "Gửi": saves `patch` (when given) and queues the article, in one call. */
  sendArticle(id: number, patch: ArticleChanges | null, endpointId: number): Promise<[Article, SyncJob]>;
  /** "Thử lại": a failed or waiting job is sent again now. */
  retrySync(id: number): Promise<void>;
  cancelSync(id: number): Promise<void>;
  listOutbox(): Promise<SyncJob[]>;
  /** The sync state of the articles named; one never sent anywhere has none. */
  articleSyncs(ids: readonly number[]): Promise<ArticleSync[]>;
  syncConflict(id: number): Promise<SyncConflict | null>;
  /** One side per hunk, in order: the merge is saved and sent. */
  resolveConflict(id: number, choices: ConflictSide[]): Promise<void>;
  /** The site's posts with these statuses (`pending`, `draft`) into the library. */
  pullPosts(endpointId: number, statuses: string[], onProgress: (progress: PullProgress) => void): Promise<PullSummary>;
  /** The outbox worker's progress ("Đang gửi 2/5"). Returns an unsubscribe. */
  onSyncProgress(handler: (progress: SyncProgress) => void): Promise<() => void>;
  /** An article's sync state changed (sent, failed, conflict). Returns an unsubscribe. */
  onSyncChanged(handler: (articleId: number) => void): Promise<() => void>;
}

/**
 * The editor's desk: who is at it, workflow steps, notes anchored to the text, the pre-publish
 * checklist, queues per role, what changed between versions.
 */
export interface DeskBackend {
  setUser(user: UserProfile): Promise<Settings>;
  /** One workflow step; rejects with `workflow_refused` (the message says why) or `incomplete_figures`. */
  changeStatus(id: number, change: StatusChange): Promise<Article>;
  nextSteps(id: number): Promise<NextStep[]>;
  listTransitions(id: number): Promise<Transition[]>;
  checklist(id: number): Promise<Checklist>;
  /** Notes oldest first, each with its replies; anchors as the stored text has them now. */
  listNotes(id: number): Promise<Note[]>;
  /** A note or a reply (`reply_to`); returns the top note with its replies. */
  addNote(id: number, note: NewNote): Promise<Note>;
  setNoteResolved(noteId: number, resolved: boolean): Promise<Note>;
  deleteNote(noteId: number): Promise<void>;
  queue(role: Role): Promise<Queue>;
  /** `from` null: as submitted; `to` null: now. */
  diffArticle(id: number, from: number | null, to: number | null): Promise<ArticleDiff>;
  acceptChange(id: number, from: number, change: string): Promise<ArticleDiff>;
  /** Undoes one change as a new save based on `baseVersion`; rejects with `conflict` when stale. */
  rejectChange(id: number, from: number, change: string, baseVersion: number): Promise<Article>;
}

export interface Backend extends PublishingBackend, DeskBackend {
  libraryInfo(): Promise<LibraryInfo>;
  listArticles(query: ListQuery): Promise<ArticleSummary[]>;
  searchArticles(query: string, status: ArticleStatus | null, limit: number): Promise<SearchHit[]>;
  /** Bylines in the library, in Vietnamese order (the list's author filter). */
  listAuthors(): Promise<string[]>;
  getArticle(id: number): Promise<Article>;
  createArticle(input: NewArticle): Promise<Article>;
  /** `patch.base_version` must be the version the edit was based on; rejects with `conflict`. */
  updateArticle(id: number, patch: ArticleChanges): Promise<Article>;
  deleteArticle(id: number): Promise<void>;
  /** The trash: out of every list, queue and search until restored; not an edit. */
  moveToTrash(ids: number[]): Promise<void>;
  restoreFromTrash(ids: number[]): Promise<void>;
  /** The archive: out of the daily list and queues, still found by search (`undo` takes back). */
  archiveArticles(ids: number[], undo: boolean): Promise<void>;
  /** Deletes what is in the trash for good; resolves to how many. */
  emptyTrash(): Promise<number>;
  shelfCounts(): Promise<ShelfCounts>;
  /**
   * Word documents and handover files dropped on the window (paths the shell handed the page),
   * one result per path. `choices` settle a handover conflict (one side per place, in order).
   */
  importDocumentPaths(paths: string[], choices: ConflictSide[] | null): Promise<DocumentImportResult[]>;
  /** One Word document or handover file from the file chooser, as bytes. */
  importDocumentData(name: string, bytes: Uint8Array, choices: ConflictSide[] | null): Promise<DocumentImportResult>;
  /** "Xuất bài": the desktop's save dialog, then the file; null when the dialog was closed. */
  exportArticle(id: number, format: ExportFormat): Promise<ExportDone | null>;
  /** "Nhân bản": a new draft with the article's text, photos and details; its own identity. */
  duplicateArticle(id: number): Promise<Article>;
  /** "Xem trước": the stored article as a reader sees it, one whole HTML page (escaped, no script). */
  previewArticle(id: number): Promise<string>;
  listRevisions(articleId: number): Promise<RevisionSummary[]>;
  getRevision(revisionId: number): Promise<Revision>;
  restoreRevision(revisionId: number): Promise<Article>;
  /** The number of the revision the article is at ("Bản N") and until when an edit joins it. */
  revisionMark(articleId: number): Promise<RevisionMark>;
  /** A save made all at once ("Sửa tất cả", the tone style), kept as a revision of its own. */
  saveBulkFix(id: number, patch: ArticleChanges): Promise<Article>;
  /** Keeps text that could not be saved as the article as a revision of its own. */
  keepUnsavedCopy(articleId: number, patch: ArticleChanges): Promise<RevisionSummary>;
  /**
   * Merges an editor's unsaved edit (`local`, made from `base`: the article as last loaded or
   * saved there) with the article as stored now. Nothing is saved: `patch` is based on the
   * stored version; each conflict holds the editor's side unless `choices` (one per conflict,
   * in order) say otherwise.
   */
  mergeEdit(base: Article, local: ArticleChanges, choices: ConflictSide[] | null): Promise<EditMerge>;
  /** Another process (the CLI, a script) changed the library. Returns an unsubscribe. */
  onLibraryChanged(handler: () => void): Promise<() => void>;
  getSettings(): Promise<Settings>;
  setLocale(locale: Locale): Promise<Settings>;
  setLastArticle(id: number | null): Promise<void>;
  /**
   * Called once, right after the first list page is on screen, with the start-up phases
   * (`name=ms` since navigation, space-separated; `make bench` prints them).
   */
  uiReady(phases: string): Promise<void>;
  /** The window is closing: save what is pending, then call `flushDone`. Returns an unsubscribe. */
  onFlushRequest(handler: () => Promise<void>): Promise<() => void>;
  flushDone(): Promise<void>;
  /** Closes the window the way its close button does (the flush handshake runs first). */
  closeWindow(): Promise<void>;
  /** The native window's title (the open article's headline). */
  setWindowTitle(title: string): Promise<void>;
  /**
   * Checks headline, sapo and the body's text blocks; offsets are code points into NFC text.
   * With `input.article`, the findings that article ignores come back in `ignored` instead.
   */
  checkDocument(input: CheckInput): Promise<CheckReport>;
  /** "Bỏ qua": the article leaves this finding out of its checks from now on (kept in the library). */
  ignoreFinding(articleId: number, key: FindingKey): Promise<void>;
  /** "Hiện lại": the article reports the finding again. */
  unignoreFinding(articleId: number, key: FindingKey): Promise<void>;
  getCheckSettings(): Promise<CheckSettings>;
  /**
   * `abbreviations` is the house text on top of the built-in list (`ABBR = full form` adds or
   * replaces, `-ABBR` drops). Rejects with `invalid_input` (message names the line) for a line
   * that is neither.
   */
  setCheckSettings(settings: CheckSettings): Promise<CheckSettings>;
  /** The built-in abbreviation list and what the saved house text makes of it. */
  abbreviationList(): Promise<AbbreviationList>;
  /** The newsroom dictionary. Each call returns the whole list after the change. */
  listUserWords(): Promise<string[]>;
  addUserWord(word: string): Promise<string[]>;
  removeUserWord(word: string): Promise<string[]>;
  /** Pasted runs in TCVN3/VNI fonts as Unicode (NFC); same order, `from` null when not legacy. */
  convertFontRuns(runs: FontRun[]): Promise<ConvertedRun[]>;
  /** Headline, sapo and body with every syllable in the library's house tone style. */
  fixToneStyle(headline: string, sapo: string, body: PmNode): Promise<ToneStyleFix>;
  /**
   * Imports files by path (from a desktop drop: the shell refuses, with `invalid_input`, any
   * path it did not hand out), one result per path in order; a bad file has `error` and the
   * rest go on. Progress is cumulative; `cancelImport(jobId)` stops before the
   * next file (the rest come back with code `cancelled`). `articleId` joins them to its panel.
   */
  importPhotoFiles(
    jobId: string,
    paths: string[],
    articleId: number | null,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<PhotoImportResult[]>;
  cancelImport(jobId: string): Promise<void>;
  /** One image as bytes (paste, `<input type=file>`): the web view has no path for those. */
  importPhotoData(name: string, bytes: Uint8Array, articleId: number | null): Promise<PhotoImportResult>;
  mediaInfo(id: number): Promise<MediaItem>;
  /** The article's photo panel, in order. */
  articleMedia(articleId: number): Promise<MediaItem[]>;
  attachMedia(articleId: number, mediaId: number): Promise<void>;
  /** Diacritic-insensitive over captions, credits, by-line and file names; '' = newest first. */
  searchMedia(query: string, limit: number): Promise<MediaItem[]>;
  getPhotoSettings(): Promise<PhotoSettings>;
  setPhotoSettings(settings: PhotoSettings): Promise<PhotoSettings>;
  /** Where the web view loads a rendition of photo `id` (the only way a photo is shown). */
  mediaUrl(id: number, size: RenditionSize, look?: ImageLook): string;
  /** Files dropped from the desktop (paths). Returns an unsubscribe. */
  onFileDrop(handler: (event: FileDropEvent) => void): Promise<() => void>;
  /** Opens an http, https or mailto link in the system browser (never in the app window). */
  openLink(url: string): Promise<void>;
}

/** `?crop=x,y,w,h&rot=n` for a rendition URL; '' for the picture as it is. */
export function lookQuery(look?: ImageLook): string {
  const parts: string[] = [];
  if (look?.crop) {
    const { x, y, width, height } = look.crop;
    parts.push('crop=' + [x, y, width, height].map((v) => String(Math.round(v * 1e6) / 1e6)).join(','));
  }
  if (look && look.rotation % 4 !== 0) parts.push(`rot=${look.rotation % 4}`);
  return parts.length ? '?' + parts.join('&') : '';
}

/** An error from the backend: a stable code to switch on, and a message for people. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

// A Record, so a code added in Rust fails the type check until it is listed here.
const KNOWN_CODES: Record<ErrorCode, true> = {
  not_found: true,
  conflict: true,
  invalid_input: true,
  invalid_body: true,
  article_damaged: true,
  library_corrupt: true,
  library_too_new: true,
  library_unwritable: true,
  library_in_use: true,
  invalid_media: true,
  incomplete_figures: true,
  cancelled: true,
  io: true,
  internal: true,
  endpoint_address: true,
  unreachable: true,
  not_wordpress: true,
  auth_failed: true,
  remote_refused: true,
  remote_unavailable: true,
  remote_gone: true,
  sync_conflict: true,
  keychain_unavailable: true,
  workflow_refused: true,
  invalid_file: true,
};
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && ERROR_CODES.has(v.code) && typeof v.message === 'string';
}

/** Turns whatever a rejection carries into an `AppError`; never loses the message. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isErrorPayload(reason)) return new AppError(reason.code, reason.message);
  if (reason instanceof Error) return new AppError('internal', reason.message);
  return new AppError('internal', typeof reason === 'string' ? reason : JSON.stringify(reason));
}

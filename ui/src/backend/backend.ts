/** The one interface the UI uses to reach Rust. Implementations: `tauri.ts`, `memory.ts`. */
import type { Article } from '../bindings/Article';
import type { ArticlePatch } from '../bindings/ArticlePatch';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { ListQuery } from '../bindings/ListQuery';
import type { Locale } from '../bindings/Locale';
import type { FontRun } from '../bindings/FontRun';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { Revision } from '../bindings/Revision';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { SearchHit } from '../bindings/SearchHit';
import type { Settings } from '../bindings/Settings';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';

export interface Backend {
  libraryInfo(): Promise<LibraryInfo>;
  listArticles(query: ListQuery): Promise<ArticleSummary[]>;
  searchArticles(query: string, status: ArticleStatus | null, limit: number): Promise<SearchHit[]>;
  getArticle(id: number): Promise<Article>;
  createArticle(input: NewArticle): Promise<Article>;
  /** `patch.base_version` must be the version the edit was based on; rejects with `conflict`. */
  updateArticle(id: number, patch: ArticlePatch): Promise<Article>;
  deleteArticle(id: number): Promise<void>;
  listRevisions(articleId: number): Promise<RevisionSummary[]>;
  getRevision(revisionId: number): Promise<Revision>;
  restoreRevision(revisionId: number): Promise<Article>;
  /** Keeps text that could not be saved as the article as a revision of its own. */
  keepUnsavedCopy(articleId: number, patch: ArticlePatch): Promise<RevisionSummary>;
  getSettings(): Promise<Settings>;
  setLocale(locale: Locale): Promise<Settings>;
  setLastArticle(id: number | null): Promise<void>;
  /** Called once, right after the first list page is on screen. */
  uiReady(): Promise<void>;
  /** The window is closing: save what is pending, then call `flushDone`. Returns an unsubscribe. */
  onFlushRequest(handler: () => Promise<void>): Promise<() => void>;
  flushDone(): Promise<void>;
  /** Closes the window the way its close button does (the flush handshake runs first). */
  closeWindow(): Promise<void>;
  /** Checks headline, sapo and the body's text blocks; offsets are code points into NFC text. */
  checkDocument(input: CheckInput): Promise<CheckReport>;
  getCheckSettings(): Promise<CheckSettings>;
  /** Rejects with `invalid_input` (message names the line) for a bad abbreviation line. */
  setCheckSettings(settings: CheckSettings): Promise<CheckSettings>;
  /** The newsroom dictionary. Each call returns the whole list after the change. */
  listUserWords(): Promise<string[]>;
  addUserWord(word: string): Promise<string[]>;
  removeUserWord(word: string): Promise<string[]>;
  /** Pasted runs in TCVN3/VNI fonts as Unicode (NFC); same order, `from` null when not legacy. */
  convertFontRuns(runs: FontRun[]): Promise<ConvertedRun[]>;
  /** Headline, sapo and body with every syllable in the library's house tone style. */
  fixToneStyle(headline: string, sapo: string, body: PmNode): Promise<ToneStyleFix>;
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

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'not_found',
  'conflict',
  'invalid_input',
  'invalid_body',
  'library_corrupt',
  'library_too_new',
  'library_unwritable',
  'library_in_use',
  'io',
  'internal',
]);

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

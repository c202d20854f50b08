/** The Backend over Tauri commands. The only file in the UI that calls `invoke`. */
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';
import type { Article } from '../bindings/Article';
import type { ArticlePatch } from '../bindings/ArticlePatch';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { FontRun } from '../bindings/FontRun';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { ListQuery } from '../bindings/ListQuery';
import type { Locale } from '../bindings/Locale';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { Revision } from '../bindings/Revision';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { SearchHit } from '../bindings/SearchHit';
import type { Settings } from '../bindings/Settings';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import { toAppError, type Backend } from './backend';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}

export class TauriBackend implements Backend {
  libraryInfo(): Promise<LibraryInfo> {
    return call('library_info');
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
  updateArticle(id: number, patch: ArticlePatch): Promise<Article> {
    return call('update_article', { id, patch });
  }
  async deleteArticle(id: number): Promise<void> {
    await call<null>('delete_article', { id });
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
  getSettings(): Promise<Settings> {
    return call('get_settings');
  }
  setLocale(locale: Locale): Promise<Settings> {
    return call('set_locale', { locale });
  }
  async setLastArticle(id: number | null): Promise<void> {
    await call<null>('set_last_article', { id });
  }
  async uiReady(): Promise<void> {
    await call<null>('ui_ready');
  }
  async onFlushRequest(handler: () => Promise<void>): Promise<() => void> {
    return listen('flush-request', () => {
      void handler();
    });
  }
  keepUnsavedCopy(articleId: number, patch: ArticlePatch): Promise<RevisionSummary> {
    return call('keep_unsaved_copy', { articleId, patch });
  }
  async flushDone(): Promise<void> {
    await call<null>('flush_done');
  }
  async closeWindow(): Promise<void> {
    await getCurrentWindow().close();
  }
  checkDocument(input: CheckInput): Promise<CheckReport> {
    return call('check_document', { input });
  }
  getCheckSettings(): Promise<CheckSettings> {
    return call('get_check_settings');
  }
  setCheckSettings(settings: CheckSettings): Promise<CheckSettings> {
    return call('set_check_settings', { settings });
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
}

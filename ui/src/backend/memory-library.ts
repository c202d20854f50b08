/**
 * The library part of the in-memory Backend, with the same semantics as the Rust library:
 * versions and conflicts, NFC text, slugs that follow the headline, newest-first lists, folded
 * search with exact hits first, revisions and restore, and the photos a save links.
 */
import type { Shelf } from '../bindings/Shelf';
import type { ShelfCounts } from '../bindings/ShelfCounts';
import type { ExportDone } from '../bindings/ExportDone';
import type { DocumentImportResult } from '../bindings/DocumentImportResult';
import type { ExportFormat } from '../bindings/ExportFormat';
import type { Article } from '../bindings/Article';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSummary } from '../bindings/ArticleSummary';
import type { ConflictSide } from '../bindings/ConflictSide';
import type { EditMerge } from '../bindings/EditMerge';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { ListQuery } from '../bindings/ListQuery';
import type { ListSort } from '../bindings/ListSort';
import type { Locale } from '../bindings/Locale';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { Revision } from '../bindings/Revision';
import type { RevisionContent } from '../bindings/RevisionContent';
import type { RevisionMark } from '../bindings/RevisionMark';
import type { RevisionReason } from '../bindings/RevisionReason';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import type { SearchHit } from '../bindings/SearchHit';
import type { Settings } from '../bindings/Settings';
import { ALL_STATUSES } from '../i18n';
import { countTieng } from '../text/counts';
import { foldString } from '../text/fold';
import { pmText } from '../text/pm-text';
import { nowRfc3339 } from '../text/time';
import { AppError, type ArticleChanges } from './backend';
import { MemoryChecks, type MemoryCheckOptions } from './memory-checks';
import { mergeArticles } from './memory-merge';
import { figureMediaIds, incompleteFigureIndexes, MemoryPhotos, type MemoryPhotoOptions } from './memory-photos';
import { searchArticle } from './memory-search';
import type { MemorySyncOptions } from './memory-sync';

export type MemoryOptions = {
  /** Clock in ms; tests pass a fake one. */
  now?: () => number;
  /** Makes `libraryInfo` reject, as a library that cannot be opened. */
  openError?: ErrorPayload;
  /** Artificial latency per call, to see the save states in a browser. */
  latencyMs?: number;
} & MemoryCheckOptions &
  MemoryPhotoOptions &
  MemorySyncOptions;

type Stored = Article & { changeSeq: number };

const SLUG_MAX = 80;
const emptyDoc = (): PmNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const nfc = (s: string): string => s.normalize('NFC');

export function slugify(text: string): string {
  return foldString(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** As Rust: an RFC 3339 time, stored in UTC with milliseconds; '' clears it. */
function parseSchedule(value: string): string | null {
  const t = value.trim();
  if (t === '') return null;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(t) ? Date.parse(t) : NaN;
  if (Number.isNaN(ms)) throw new AppError('invalid_input', `Dữ liệu không hợp lệ: '${t}' không phải thời điểm (RFC 3339, ví dụ 2026-12-02T08:00:00+07:00).`);
  return new Date(ms).toISOString();
}

function nfcDoc(node: PmNode): PmNode {
  const out: PmNode = { ...node };
  if (node.text != null) out.text = nfc(node.text);
  if (node.content != null) out.content = node.content.map(nfcDoc);
  return out;
}

/** Articles, revisions and settings; `MemoryBackend` adds the checks and photo calls. */
export class MemoryLibrary {
  private articles = new Map<number, Stored>();
  private revisions: Revision[] = [];
  private nextId = 1;
  private nextRevisionId = 1;
  private seq = 0;
  /** Archive and trash (not edits: no version change). */
  private shelves = new Map<number, { archived: boolean; trashed: number | null }>();
  private settings: Settings = { locale: 'vi', last_article_id: null, window: null, user: { name: '', role: 'reporter' } };
  private flushHandlers: Array<() => Promise<void>> = [];
  private libraryHandlers: Array<() => void> = [];
  protected readonly now: () => number;
  /** Calls recorded for tests (`flush_done`, `ui_ready`). */
  readonly calls: string[] = [];
  /** Check settings, the newsroom dictionary and the recorded check inputs. */
  readonly checks: MemoryChecks;
  /** The photo library, article panels and photo settings. */
  readonly photos: MemoryPhotos;

  constructor(private readonly options: MemoryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.checks = new MemoryChecks(options);
    this.photos = new MemoryPhotos(options, this.now);
  }

  protected async tick(): Promise<void> {
    const ms = this.options.latencyMs ?? 0;
    await new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : queueMicrotask(resolve)));
  }

  protected find(id: number): Stored {
    const article = this.articles.get(id);
    if (!article) throw new AppError('not_found', `Không tìm thấy bài viết ${id}.`);
    return article;
  }

  private uniqueSlug(base: string, ownId: number): string {
    const root = base || 'bai-viet';
    const taken = new Set([...this.articles.values()].filter((a) => a.id !== ownId).map((a) => a.slug));
    if (!taken.has(root)) return root;
    for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
  }

  private contentOf(a: Article): RevisionContent {
    const { headline, sapo, body, section, keywords, byline, dateline, slug } = a;
    return clone({ headline, sapo, body, section, keywords, byline, dateline, slug });
  }

  private record(a: Article, reason: RevisionReason): void {
    this.revisions.push({
      id: this.nextRevisionId++,
      article_id: a.id,
      created_at: nowRfc3339(this.now()),
      reason,
      content: this.contentOf(a),
    });
  }

  private touch(a: Stored): void {
    a.version += 1;
    a.updated_at = nowRfc3339(this.now());
    a.changeSeq = ++this.seq;
  }

  async libraryInfo(): Promise<LibraryInfo> {
    await this.tick();
    const err = this.options.openError;
    if (err) throw new AppError(err.code, err.message);
    return { path: ':memory:', article_count: this.articles.size, schema_version: 1 };
  }

  async listArticles(query: ListQuery): Promise<ArticleSummary[]> {
    await this.tick();
    const status = query.status ?? null;
    const vi = (x: string, y: string) => x.localeCompare(y, 'vi');
    const rank = (a: Stored) => ALL_STATUSES.indexOf(a.status);
    const newest = (a: Stored, b: Stored) => b.changeSeq - a.changeSeq;
    const order: Record<ListSort, (a: Stored, b: Stored) => number> = {
      updated: newest,
      headline: (a, b) => vi(a.headline, b.headline) || newest(a, b),
      section: (a, b) => vi(a.section, b.section) || newest(a, b),
      status: (a, b) => rank(a) - rank(b) || newest(a, b),
      author: (a, b) => vi(a.byline, b.byline) || newest(a, b),
    };
    const shelf = query.shelf ?? 'active';
    if (shelf === 'trash') order.updated = (a, b) => (this.shelfState(b.id).trashed ?? 0) - (this.shelfState(a.id).trashed ?? 0);
    const compare = order[query.sort ?? 'updated'];
    return [...this.articles.values()]
      .filter((a) => this.shelfOf(a.id) === shelf)
      .filter((a) => (status === null || a.status === status) && (query.author == null || a.byline === query.author))
      .sort((a, b) => (query.reverse ? -compare(a, b) : compare(a, b)))
      .slice(query.offset, query.offset + query.limit)
      .map(({ id, headline, section, status, updated_at, byline }) => ({ id, headline, section, status, updated_at, byline }));
  }

  async listAuthors(): Promise<string[]> {
    await this.tick();
    return [...new Set([...this.articles.values()].filter((a) => this.shelfOf(a.id) !== 'trash').map((a) => a.byline).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  async searchArticles(query: string, status: ArticleStatus | null, limit: number): Promise<SearchHit[]> {
    await this.tick();
    const hits: Array<SearchHit & { seq: number }> = [];
    for (const a of this.articles.values()) {
      if (status !== null && a.status !== status) continue;
      if (this.shelfOf(a.id) === 'trash') continue;
      const found = searchArticle(query, [a.headline, a.sapo, pmText(a.body), a.section, a.keywords.join(', ')]);
      if (!found) continue;
      const { id, headline, section, updated_at } = a;
      hits.push({ id, headline, section, status: a.status, updated_at, ...found, seq: a.changeSeq });
    }
    hits.sort((x, y) => Number(y.exact) - Number(x.exact) || y.seq - x.seq);
    return hits.slice(0, limit).map(({ seq: _seq, ...hit }) => hit);
  }

  async getArticle(id: number): Promise<Article> {
    await this.tick();
    return this.publicCopy(this.find(id));
  }

  protected publicCopy(a: Stored): Article {
    const { changeSeq: _changeSeq, ...article } = a;
    return clone(article);
  }

  protected checkBody(body: PmNode): PmNode {
    if (body.type !== 'doc' || !Array.isArray(body.content) || body.content.length === 0) {
      throw new AppError('invalid_body', 'Nội dung bài không hợp lệ: cần một nút doc có ít nhất một khối.');
    }
    return nfcDoc(clone(body));
  }

  async duplicateArticle(id: number): Promise<Article> {
    await this.tick();
    const a = this.find(id);
    const { sapo, body, section, keywords, byline, dateline } = clone(a);
    const copy = this.storeNew({ headline: `${a.headline} (bản sao)`.trimStart(), sapo, body, section, keywords, byline, dateline });
    return a.featured_media_id ? this.storeEdit(copy.id, { base_version: copy.version, featured_media_id: a.featured_media_id }) : copy;
  }

  async createArticle(input: NewArticle): Promise<Article> {
    await this.tick();
    return this.storeNew(input);
  }

  /** A new article, stored now (`createArticle`, and articles pulled from a site). */
  protected storeNew(input: NewArticle): Article {
    const id = this.nextId++;
    const at = nowRfc3339(this.now());
    const headline = nfc(input.headline ?? '');
    const chosen = input.slug != null && input.slug !== '' ? slugify(input.slug) : null;
    const article: Stored = {
      id,
      uid: input.uid?.toLowerCase() ?? `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
      headline,
      sapo: nfc(input.sapo ?? ''),
      body: input.body != null ? this.checkBody(input.body) : emptyDoc(),
      section: nfc(input.section ?? ''),
      keywords: (input.keywords ?? []).map(nfc),
      byline: nfc(input.byline ?? ''),
      dateline: nfc(input.dateline ?? ''),
      slug: '',
      slug_auto: chosen === null,
      status: 'draft',
      editor_note: '',
      featured_media_id: null,
      scheduled_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      changeSeq: ++this.seq,
    };
    article.slug = this.uniqueSlug(chosen ?? slugify(headline), id);
    this.articles.set(id, article);
    this.record(article, 'created');
    return this.publicCopy(article);
  }

  async updateArticle(id: number, patch: ArticleChanges): Promise<Article> {
    await this.tick();
    if (patch.status != null && patch.status !== this.find(id).status) {
      throw new AppError('workflow_refused', 'Trạng thái bài chỉ đổi qua các bước duyệt bài (gửi duyệt, trả lại, duyệt…), không qua lưu bài.');
    }
    return this.storeEdit(id, patch);
  }

  async saveBulkFix(id: number, patch: ArticleChanges): Promise<Article> {
    await this.tick();
    return this.storeEdit(id, patch, 'bulk_fix');
  }

  /** The desk's view of the library (`memory-desk.ts`): what is in the daily list. */
  protected allArticles(): Article[] {
    return [...this.articles.values()].filter((a) => this.shelfOf(a.id) === 'active').map((a) => this.publicCopy(a));
  }

  private shelfState(id: number): { archived: boolean; trashed: number | null } {
    return this.shelves.get(id) ?? { archived: false, trashed: null };
  }

  private shelfOf(id: number): Shelf {
    const { archived, trashed } = this.shelfState(id);
    return trashed !== null ? 'trash' : archived ? 'archived' : 'active';
  }

  private setShelf(ids: number[], change: (state: { archived: boolean; trashed: number | null }) => void): void {
    for (const id of ids) this.find(id); // all or none
    for (const id of ids) {
      const state = { ...this.shelfState(id) };
      change(state);
      this.shelves.set(id, state);
    }
  }

  async moveToTrash(ids: number[]): Promise<void> {
    await this.tick();
    this.setShelf(ids, (s) => (s.trashed = ++this.seq));
  }

  async restoreFromTrash(ids: number[]): Promise<void> {
    await this.tick();
    this.setShelf(ids, (s) => (s.trashed = null));
  }

  async archiveArticles(ids: number[], undo: boolean): Promise<void> {
    await this.tick();
    this.setShelf(ids, (s) => (s.archived = !undo));
  }

  async emptyTrash(): Promise<number> {
    await this.tick();
    const gone = [...this.articles.keys()].filter((id) => this.shelfOf(id) === 'trash');
    for (const id of gone) await this.deleteArticle(id);
    return gone.length;
  }

  /**
   * Test helper: how a Word or handover file imports (by its name). By default a `.docx`
   * becomes a draft titled after the file, and anything else is refused as Rust refuses it.
   */
  documentImporter: ((name: string, choices: ConflictSide[] | null) => Promise<DocumentImportResult>) | null = null;

  async importDocumentData(name: string, _bytes: Uint8Array, choices: ConflictSide[] | null): Promise<DocumentImportResult> {
    await this.tick();
    if (this.documentImporter) return this.documentImporter(name, choices);
    if (!/\.docx$/i.test(name)) {
      return { file: name, imported: null, error: { code: 'invalid_file', message: `${name}: chỉ nhập được tài liệu Word (.docx) và tệp bàn giao (.banthao).` } };
    }
    const article = await this.createArticle({ headline: name.replace(/\.docx$/i, ''), sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    return { file: name, imported: { kind: 'docx', article, photos: 0, converted: [], not_imported: [], notices: [] }, error: null };
  }

  async importDocumentPaths(paths: string[], choices: ConflictSide[] | null): Promise<DocumentImportResult[]> {
    const results: DocumentImportResult[] = [];
    for (const path of paths) results.push(await this.importDocumentData(path, new Uint8Array(), choices));
    return results;
  }

  /** Test helper: what the next save dialog answers (a path, or null for "closed"). */
  exportPath: string | null = '/tmp/bai.json';
  /** Test helper: what was exported, in order. */
  exported: Array<{ id: number; format: ExportFormat; path: string }> = [];

  async exportArticle(id: number, format: ExportFormat): Promise<ExportDone | null> {
    await this.tick();
    this.find(id);
    if (this.exportPath === null) return null;
    this.exported.push({ id, format, path: this.exportPath });
    return { path: this.exportPath, bytes: 1234, format };
  }

  async shelfCounts(): Promise<ShelfCounts> {
    await this.tick();
    const counts: ShelfCounts = { active: 0, archived: 0, trash: 0 };
    for (const id of this.articles.keys()) counts[this.shelfOf(id)] += 1;
    return counts;
  }

  protected revisionsOf(id: number): Revision[] {
    return this.revisions.filter((r) => r.article_id === id).map((r) => clone(r));
  }

  protected currentUser(): Settings['user'] {
    return clone(this.settings.user);
  }

  async setUser(user: Settings['user']): Promise<Settings> {
    await this.tick();
    this.settings.user = { name: nfc(user.name.trim()), role: user.role };
    return clone(this.settings);
  }

  /** One save, as Rust's `save`: version check, validation, write, revision (`reason`). */
  protected storeEdit(id: number, patch: ArticleChanges, reason: RevisionReason = 'edited'): Article {
    const a = this.find(id);
    if (patch.base_version !== a.version) {
      throw new AppError(
        'conflict',
        `Bài ${id} vừa được lưu ở nơi khác (phiên bản ${a.version}, bản sửa này dựa trên ${patch.base_version}).`,
      );
    }
    const next = this.applyPatch(a, patch);
    this.photos.link(id, [...figureMediaIds(next.body), ...(next.featured_media_id ? [next.featured_media_id] : [])]);
    const incomplete = incompleteFigureIndexes(next.body);
    if (next.status === 'submitted' && a.status !== 'submitted' && incomplete.length > 0) {
      const list = incomplete.map((i) => i + 1).join(', ');
      throw new AppError('incomplete_figures', `Trước khi gửi duyệt, mỗi ảnh cần có chú thích, tác giả ảnh và mô tả thay thế (ảnh số ${list}).`);
    }
    Object.assign(a, next);
    this.touch(a);
    this.record(a, reason);
    return this.publicCopy(a);
  }

  /** What `patch` makes of `a` (NFC, slug), not stored: a save, and the editor's side of a merge. */
  private applyPatch<T extends Article>(a: T, patch: ArticleChanges): T {
    const next = this.applyFields(clone(a), patch);
    if (patch.status != null) next.status = patch.status;
    if (patch.editor_note != null) next.editor_note = nfc(patch.editor_note);
    if (patch.featured_media_id != null) next.featured_media_id = patch.featured_media_id > 0 ? patch.featured_media_id : null;
    if (patch.scheduled_at != null) next.scheduled_at = parseSchedule(patch.scheduled_at);
    if (patch.slug != null) {
      next.slug_auto = patch.slug === '';
      if (!next.slug_auto) next.slug = this.uniqueSlug(slugify(patch.slug), a.id);
    }
    if (next.slug_auto) next.slug = this.uniqueSlug(slugify(next.headline), a.id);
    return next;
  }

  /** As Rust: `local` (an edit of `base`) merged with the article as stored now; nothing is saved. */
  async mergeEdit(base: Article, local: ArticleChanges, choices: ConflictSide[] | null): Promise<EditMerge> {
    await this.tick();
    const stored = this.publicCopy(this.find(base.id));
    return mergeArticles(base, this.applyPatch(base, { ...local, base_version: base.version }), stored, choices);
  }

  async onLibraryChanged(handler: () => void): Promise<() => void> {
    this.libraryHandlers.push(handler);
    return () => {
      this.libraryHandlers = this.libraryHandlers.filter((h) => h !== handler);
    };
  }

  /**
   * Test helper: another process (the CLI, a pull) saves `fields` into article `id`, and the
   * window hears `library-changed` as the shell tells it.
   */
  changeElsewhere(id: number, fields: Omit<ArticleChanges, 'base_version'>): Article {
    const saved = this.storeEdit(id, { ...fields, base_version: this.find(id).version });
    for (const h of this.libraryHandlers) h();
    return saved;
  }

  /** The content fields of a patch, NFC, onto `target` (a save, or a kept unsaved copy). */
  private applyFields<T extends Article>(target: T, patch: ArticleChanges): T {
    if (patch.headline != null) target.headline = nfc(patch.headline);
    if (patch.sapo != null) target.sapo = nfc(patch.sapo);
    if (patch.body != null) target.body = this.checkBody(patch.body);
    if (patch.section != null) target.section = nfc(patch.section);
    if (patch.keywords != null) target.keywords = patch.keywords.map(nfc);
    if (patch.byline != null) target.byline = nfc(patch.byline);
    if (patch.dateline != null) target.dateline = nfc(patch.dateline);
    return target;
  }

  async deleteArticle(id: number): Promise<void> {
    await this.tick();
    this.find(id);
    this.articles.delete(id);
    this.shelves.delete(id);
    this.revisions = this.revisions.filter((r) => r.article_id !== id);
    if (this.settings.last_article_id === id) this.settings.last_article_id = null;
  }

  async listRevisions(articleId: number): Promise<RevisionSummary[]> {
    await this.tick();
    this.find(articleId);
    const revisions = this.revisions.filter((r) => r.article_id === articleId).sort((x, y) => y.id - x.id);
    return revisions.map((r, newer) => ({
      id: r.id,
      article_id: r.article_id,
      number: revisions.length - newer,
      created_at: r.created_at,
      reason: r.reason,
      headline: r.content.headline,
      tieng: countTieng(`${r.content.headline}\n${r.content.sapo}\n${pmText(r.content.body)}`),
    }));
  }

  /** As Rust, except that every save here is a revision of its own: no burst stays open. */
  async revisionMark(articleId: number): Promise<RevisionMark> {
    await this.tick();
    this.find(articleId);
    const reasons = this.revisions.filter((r) => r.article_id === articleId).map((r) => r.reason);
    let number = reasons.length;
    while (number > 0 && (reasons[number - 1] === 'unsaved_copy' || reasons[number - 1] === 'remote_copy')) number--;
    return { number, open_until: null };
  }

  private findRevision(revisionId: number): Revision {
    const revision = this.revisions.find((r) => r.id === revisionId);
    if (!revision) throw new AppError('not_found', `Không tìm thấy phiên bản ${revisionId}.`);
    return revision;
  }

  async getRevision(revisionId: number): Promise<Revision> {
    await this.tick();
    return clone(this.findRevision(revisionId));
  }

  async restoreRevision(revisionId: number): Promise<Article> {
    await this.tick();
    const revision = this.findRevision(revisionId);
    const a = this.find(revision.article_id);
    this.record(a, 'before_restore');
    const c = clone(revision.content);
    Object.assign(a, {
      headline: c.headline,
      sapo: c.sapo,
      body: c.body,
      section: c.section,
      keywords: c.keywords,
      byline: c.byline,
      dateline: c.dateline,
    });
    a.slug = this.uniqueSlug(a.slug_auto ? slugify(a.headline) : c.slug, a.id);
    this.touch(a);
    this.record(a, 'restored');
    return this.publicCopy(a);
  }

  /** Text that is not the article (an unsaved edit, the site's side of a conflict) as a revision. */
  protected keepCopy(articleId: number, patch: ArticleChanges, reason: RevisionReason): void {
    this.record(this.applyFields(clone(this.find(articleId)), patch), reason);
  }

  async keepUnsavedCopy(articleId: number, patch: ArticleChanges): Promise<RevisionSummary> {
    await this.tick();
    this.keepCopy(articleId, patch, 'unsaved_copy');
    const [latest] = await this.listRevisions(articleId);
    return latest!;
  }

  async getSettings(): Promise<Settings> {
    await this.tick();
    return clone(this.settings);
  }

  async setLocale(locale: Locale): Promise<Settings> {
    await this.tick();
    this.settings.locale = locale;
    return clone(this.settings);
  }

  async setLastArticle(id: number | null): Promise<void> {
    await this.tick();
    this.settings.last_article_id = id;
  }

  async uiReady(_phases: string): Promise<void> {
    this.calls.push('ui_ready');
  }

  async onFlushRequest(handler: () => Promise<void>): Promise<() => void> {
    this.flushHandlers.push(handler);
    return () => {
      this.flushHandlers = this.flushHandlers.filter((h) => h !== handler);
    };
  }

  async flushDone(): Promise<void> {
    this.calls.push('flush_done');
  }

  /** True once the UI asked to close the window. */
  closeRequested = false;
  /** The title the window would show (tests read it). */
  windowTitle = '';
  async setWindowTitle(title: string): Promise<void> {
    this.windowTitle = title;
  }

  async closeWindow(): Promise<void> {
    this.closeRequested = true;
  }

  /** Test helper: what the shell does when the window closes. */
  async requestFlush(): Promise<void> {
    await Promise.all(this.flushHandlers.map((h) => h()));
  }
}

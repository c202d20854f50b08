/**
 * The publishing part of the in-memory Backend, with the Rust rules: profiles checked against
 * simulated sites (`memory-site.ts`; a ninjs profile only that its address answers), an outbox whose worker sends jobs (queued → sending →
 * synced; retried when the site is down; stopped when it refuses), three-way merges field by
 * field with conflicts for a person, and pulls that bring a site's posts in as articles.
 */
import type { Article } from '../bindings/Article';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ArticleSync } from '../bindings/ArticleSync';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointCheck } from '../bindings/EndpointCheck';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { NewArticle } from '../bindings/NewArticle';
import type { PmNode } from '../bindings/PmNode';
import type { PullProgress } from '../bindings/PullProgress';
import type { PullSummary } from '../bindings/PullSummary';
import type { RevisionReason } from '../bindings/RevisionReason';
import type { SyncBadge } from '../bindings/SyncBadge';
import type { SyncConflict } from '../bindings/SyncConflict';
import type { SyncJob } from '../bindings/SyncJob';
import type { SyncProgress } from '../bindings/SyncProgress';
import { pmText } from '../text/pm-text';
import { nowRfc3339 } from '../text/time';
import { AppError, toAppError, type ArticleChanges } from './backend';
import { mergeValue } from './memory-merge';
import { cleanUrl, MemorySite, RETRYABLE, type PostFields } from './memory-site';
import { DEFAULT_STATUS_MAP, localStatus, REMOTE_STATUSES } from './status-map';

export type MemorySyncOptions = {
  /** Sites the profiles can reach (more with `sync.addSite`); any other address is unreachable. */
  sites?: MemorySite[];
  /** False: no OS keychain, passwords are kept for the session only. Default true. */
  keychain?: boolean;
  /** True: the worker runs only when a test calls `sync.runOutbox()`. */
  manualWorker?: boolean;
};

/** What the library calls the sync code needs (the article store of `MemoryLibrary`). */
export type SyncHost = {
  article(id: number): Article;
  save(id: number, patch: ArticleChanges, reason: RevisionReason): Article;
  create(input: NewArticle): Article;
  keepCopy(id: number, patch: ArticleChanges, reason: RevisionReason): void;
  pause(): Promise<void>;
  now(): number;
};

type Job = Omit<SyncJob, 'headline' | 'endpoint_name'>;
type Conflict = { hunks: ConflictHunk[] };
type SyncRecord = {
  endpointId: number;
  remoteId: number | null;
  link: string | null;
  base: PostFields | null;
  baseModified: number | null;
  syncedVersion: number | null;
  syncedAt: string | null;
  conflict: Conflict | null;
  remoteGone: 'trash' | 'deleted' | null;
};

const FIELDS = ['headline', 'sapo', 'section', 'keywords', 'slug', 'status', 'body'] as const;
const ORDER: readonly ArticleStatus[] = ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled', 'published'];
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const blocksText = (body: PmNode): string[] => (body.content ?? []).map(pmText);

function showField(field: (typeof FIELDS)[number], f: PostFields): string[] {
  if (field === 'body') return blocksText(f.body);
  if (field === 'keywords') return [f.keywords.join(', ')];
  return [f[field]];
}

export class MemorySync {
  private readonly endpoints = new Map<number, Endpoint>();
  private readonly sites = new Map<string, MemorySite>();
  /** This session's passwords, by `user@url` (the keychain in the app). */
  private readonly passwords = new Map<string, string>();
  private readonly records = new Map<number, SyncRecord>();
  private readonly jobs = new Map<number, Job>();
  private progressHandlers: Array<(p: SyncProgress) => void> = [];
  private changedHandlers: Array<(id: number) => void> = [];
  private nextEndpointId = 1;
  private nextJobId = 1;
  private running: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: MemorySyncOptions,
    private readonly host: SyncHost,
  ) {
    for (const site of options.sites ?? []) this.addSite(site);
  }

  addSite(site: MemorySite): MemorySite {
    this.sites.set(site.url, site);
    return site;
  }

  site(url: string): MemorySite {
    const site = this.sites.get(url);
    if (!site) throw new AppError('not_found', url);
    return site;
  }

  private now(): string {
    return nowRfc3339(this.host.now());
  }

  // Profiles

  listEndpoints(): Endpoint[] {
    return [...this.endpoints.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map(clone);
  }

  private byName(name: string): Endpoint {
    const found = [...this.endpoints.values()].find((e) => e.name === name.trim());
    if (!found) throw new AppError('not_found', `Không có điểm đăng bài nào tên “${name.trim()}”.`);
    return found;
  }

  endpoint(id: number): Endpoint {
    const found = this.endpoints.get(id);
    if (!found) throw new AppError('not_found', `Không có điểm đăng bài nào tên “${id}”.`);
    return found;
  }

  private reach(url: string): MemorySite {
    const site = this.sites.get(url);
    if (!site) throw new AppError('unreachable', 'Không kết nối được tới trang (mất mạng, sai địa chỉ hoặc trang đang tắt). Sẽ thử lại.');
    return site;
  }

  private password(e: Endpoint): string {
    const kept = this.passwords.get(`${e.username}@${e.url}`);
    if (kept === undefined) {
      throw new AppError('auth_failed', `Chưa có mật khẩu ứng dụng cho “${e.name}”: hãy nhập lại trong Cài đặt → Đăng bài.`);
    }
    return kept;
  }

  /** The site, with the profile's credentials accepted (`GET /users/me`). */
  private login(e: Endpoint): { site: MemorySite; user: string } {
    if (e.kind === 'ninjs') throw new AppError('remote_refused', `Thư viện thử trong bộ nhớ không mô phỏng việc gửi ninjs tới “${e.name}”.`);
    const site = this.reach(e.url);
    return { site, user: site.me(e.username, this.password(e)) };
  }

  saveEndpoint(input: EndpointInput, password: string): EndpointCheck {
    if (input.kind === 'ninjs') return this.saveNinjs(input, password);
    const url = cleanUrl(input.url, input.allow_http);
    if (password.trim() === '') throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: cần mật khẩu ứng dụng.');
    const user = this.reach(url).me(input.username, password.trim());
    const name = input.name.trim().normalize('NFC');
    const username = input.username.trim().normalize('NFC');
    if (!name) throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: hồ sơ cần có tên.');
    if (!username) throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: cần tên đăng nhập.');
    const endpoint = this.keep({ name, kind: 'wordpress', url, username, allow_http: input.allow_http, signed: false }, input);
    this.passwords.set(`${username}@${url}`, password.trim());
    return { endpoint: clone(endpoint), password_kept: this.keychain ? 'keychain' : 'session_only', remote_user: user };
  }

  /**
   * Like Rust's `save_ninjs`: the address must answer; the assets address defaults to
   * `<url>/assets`; a non-empty secret makes the profile signed, an empty one unsigned. The
   * secret itself is never returned (and, since sending ninjs is not simulated, not kept).
   */
  private saveNinjs(input: EndpointInput, secret: string): EndpointCheck {
    const url = cleanUrl(input.url, input.allow_http);
    const answer = this.reach(url).ping();
    const name = input.name.trim().normalize('NFC');
    if (!name) throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: hồ sơ cần có tên.');
    const assets = input.assets_url?.trim();
    const assets_url = assets ? cleanUrl(assets, input.allow_http) : `${url}/assets`;
    const signed = secret.trim() !== '';
    const username = input.username.trim().normalize('NFC');
    const endpoint = this.keep({ name, kind: 'ninjs', url, assets_url, username, allow_http: input.allow_http, signed }, input);
    return { endpoint: clone(endpoint), password_kept: this.keychain ? 'keychain' : 'session_only', remote_user: answer };
  }

  /** Adds the profile, or updates the one of the same name (its id and creation time stay). */
  private keep(fields: Omit<Endpoint, 'id' | 'status_map' | 'created_at' | 'checked_at'>, input: EndpointInput): Endpoint {
    const map = input.status_map ?? DEFAULT_STATUS_MAP;
    const bad = Object.values(map).find((v) => !(REMOTE_STATUSES as readonly string[]).includes(v));
    if (bad !== undefined) throw new AppError('invalid_input', `Dữ liệu không hợp lệ: '${bad}' không phải trạng thái WordPress.`);
    const existing = [...this.endpoints.values()].find((e) => e.name === fields.name);
    const endpoint: Endpoint = {
      id: existing?.id ?? this.nextEndpointId++,
      ...fields,
      status_map: { ...map },
      created_at: existing?.created_at ?? this.now(),
      checked_at: this.now(),
    };
    this.endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  get keychain(): boolean {
    return this.options.keychain ?? true;
  }

  testEndpoint(name: string): EndpointCheck {
    const endpoint = this.byName(name);
    const { user } = endpoint.kind === 'ninjs' ? { user: this.reach(endpoint.url).ping() } : this.login(endpoint);
    endpoint.checked_at = this.now();
    return { endpoint: clone(endpoint), password_kept: this.keychain ? 'keychain' : 'session_only', remote_user: user };
  }

  removeEndpoint(name: string): Endpoint {
    const endpoint = this.byName(name);
    for (const [id, r] of this.records) if (r.endpointId === endpoint.id) this.records.delete(id);
    for (const [id, j] of this.jobs) if (j.endpoint_id === endpoint.id) this.jobs.delete(id);
    this.endpoints.delete(endpoint.id);
    if (![...this.endpoints.values()].some((e) => e.username === endpoint.username && e.url === endpoint.url)) {
      this.passwords.delete(`${endpoint.username}@${endpoint.url}`);
    }
    return clone(endpoint);
  }

  // The outbox

  /** Throws when the article may not be queued for this endpoint (checked before the save). */
  checkQueue(articleId: number, endpointId: number): void {
    this.endpoint(endpointId);
    const record = this.records.get(articleId);
    if (record && record.endpointId !== endpointId && record.remoteId !== null) {
      const other = this.endpoint(record.endpointId).name;
      throw new AppError('invalid_input', `Dữ liệu không hợp lệ: bài ${articleId} đã đăng lên “${other}”.`);
    }
  }

  /** Binds the article to the endpoint (one per article) and queues a job for it now. */
  queue(articleId: number, endpointId: number): SyncJob {
    this.checkQueue(articleId, endpointId);
    const endpoint = this.endpoint(endpointId);
    const record = this.records.get(articleId);
    if (record) record.endpointId = endpointId;
    else this.records.set(articleId, this.newRecord(endpointId));
    const now = this.now();
    const old = this.jobs.get(articleId);
    const job: Job = {
      id: old?.id ?? this.nextJobId++,
      article_id: articleId,
      endpoint_id: endpoint.id,
      state: old?.state === 'sending' ? 'sending' : 'queued',
      attempts: 0,
      next_attempt_at: now,
      error: null,
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    this.jobs.set(articleId, job);
    return this.jobView(job);
  }

  private newRecord(endpointId: number): SyncRecord {
    const none = { remoteId: null, link: null, base: null, baseModified: null, syncedVersion: null, syncedAt: null };
    return { endpointId, ...none, conflict: null, remoteGone: null };
  }

  private jobView(job: Job): SyncJob {
    return {
      ...clone(job),
      headline: this.host.article(job.article_id).headline,
      endpoint_name: this.endpoint(job.endpoint_id).name,
    };
  }

  outbox(): SyncJob[] {
    return [...this.jobs.values()]
      .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id - b.id)
      .map((j) => this.jobView(j));
  }

  retryNow(articleId: number): void {
    const job = this.jobs.get(articleId);
    if (!job || (job.state !== 'queued' && job.state !== 'failed')) {
      throw new AppError('invalid_input', `Dữ liệu không hợp lệ: bài ${articleId} không có gì đang chờ gửi.`);
    }
    Object.assign(job, { state: 'queued', attempts: 0, next_attempt_at: this.now(), updated_at: this.now() });
  }

  cancel(articleId: number): void {
    if (this.jobs.get(articleId)?.state !== 'sending') this.jobs.delete(articleId);
  }

  /** The article is gone from the library: so are its job and its record. */
  forget(articleId: number): void {
    this.jobs.delete(articleId);
    this.records.delete(articleId);
  }

  /** The worker is told there is work ("Gửi", "Thử lại"); tests with `manualWorker` run it themselves. */
  wake(): void {
    if (!this.options.manualWorker) setTimeout(() => void this.runOutbox(), 0);
  }

  /** Sends every due job, one after another, telling the window as it goes (as the app's worker). */
  runOutbox(): Promise<void> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    const total = this.jobs.size;
    let done = 0;
    for (;;) {
      const now = this.now();
      const job = [...this.jobs.values()]
        .filter((j) => j.state === 'queued' && j.next_attempt_at <= now)
        .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id - b.id)[0];
      if (!job) break;
      Object.assign(job, { state: 'sending', attempts: job.attempts + 1, updated_at: now });
      const headline = this.host.article(job.article_id).headline;
      const progress = (phase: string) =>
        this.progressHandlers.forEach((h) => h({ article_id: job.article_id, headline, done, total: Math.max(total, done), phase }));
      progress('sending');
      await this.host.pause();
      const phase = this.send(job, null);
      done += 1;
      progress(phase);
      this.changedHandlers.forEach((h) => h(job.article_id));
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.options.manualWorker || this.retryTimer) return;
    const next = [...this.jobs.values()].filter((j) => j.state === 'queued').map((j) => Date.parse(j.next_attempt_at))[0];
    if (next === undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.runOutbox();
    }, Math.max(50, next - this.host.now()));
  }

  /** Sends one claimed job and records the outcome: `sent`, `retrying`, `failed` or `conflict`. */
  private send(job: Job, choices: ConflictSide[] | null): string {
    try {
      const outcome = this.push(job.article_id, this.endpoint(job.endpoint_id), choices);
      if (outcome === 'sent') this.jobs.delete(job.article_id);
      return outcome;
    } catch (reason) {
      const error = toAppError(reason).toPayload();
      const retry = RETRYABLE.has(error.code);
      const wait = Math.min(60_000, 1000 * 2 ** job.attempts);
      Object.assign(job, {
        state: retry ? 'queued' : 'failed',
        error,
        next_attempt_at: retry ? nowRfc3339(this.host.now() + wait) : job.next_attempt_at,
        updated_at: this.now(),
      });
      return retry ? 'retrying' : 'failed';
    }
  }

  private fieldsOf(article: Article, endpoint: Endpoint): PostFields {
    const { headline, sapo, section, keywords, slug, body } = article;
    return clone({ headline, sapo, section, keywords, slug, body, status: endpoint.status_map[article.status] });
  }

  private patchFor(article: Article, fields: PostFields, endpoint: Endpoint): ArticleChanges {
    const { status: remote, ...rest } = fields;
    // Keep the workflow status when it already maps to the site's (Đã duyệt and Chờ duyệt are both pending).
    const status = endpoint.status_map[article.status] === remote ? article.status : localStatus(endpoint.status_map, remote, ORDER);
    return { base_version: article.version, ...clone(rest), status };
  }

  /**
   * Field by field: what one side changed is taken, what both changed differently is a
   * conflict, settled by `choices` in order when a person chose (else ours is kept).
   */
  private merge(base: PostFields, ours: PostFields, theirs: PostFields, choices: ConflictSide[] | null) {
    const merged = clone(ours);
    const hunks: ConflictHunk[] = [];
    for (const field of FIELDS) {
      const one = mergeValue(base[field], ours[field], theirs[field]);
      if (one) {
        (merged as Record<string, unknown>)[field] = clone(one.value);
        continue;
      }
      const side = choices?.[hunks.length] ?? 'local';
      hunks.push({ field, base: showField(field, base), local: showField(field, ours), remote: showField(field, theirs) });
      if (side === 'remote') (merged as Record<string, unknown>)[field] = clone(theirs[field]);
    }
    return { merged, hunks };
  }

  private push(articleId: number, endpoint: Endpoint, choices: ConflictSide[] | null): string {
    const { site } = this.login(endpoint);
    const record = this.records.get(articleId)!;
    let article = this.host.article(articleId);
    let ours = this.fieldsOf(article, endpoint);
    if (ours.status === 'future' && !article.scheduled_at) {
      throw new AppError('invalid_input', 'Bài hẹn giờ cần có thời điểm đăng: hãy chọn giờ đăng trong Thông tin bài.');
    }
    if (record.remoteId === null) {
      const post = site.create(ours);
      return this.synced(record, post.id, post.link, ours, post.modified, article.version);
    }
    // Trashed or deleted on the site: reported, never recreated by itself.
    const onSite = site.posts.get(record.remoteId);
    if (!onSite || onSite.gone) record.remoteGone = onSite?.gone ?? 'deleted';
    const post = site.get(record.remoteId);
    if (record.base && post.modified !== record.baseModified) {
      const { merged, hunks } = this.merge(record.base, ours, post.fields, choices);
      if (hunks.length > 0 && !choices) {
        this.conflict(articleId, hunks, post.fields, endpoint);
        return 'conflict';
      }
      if (!same(merged, ours)) article = this.host.save(articleId, this.patchFor(article, merged, endpoint), 'pulled');
      ours = this.fieldsOf(article, endpoint);
    }
    const updated = site.update(post.id, ours);
    return this.synced(record, post.id, post.link, ours, updated.modified, article.version);
  }

  /** The site has `base` now: it is the base of the next merge. */
  private synced(r: SyncRecord, remoteId: number, link: string, base: PostFields, modified: number, version: number): string {
    Object.assign(r, { remoteId, link, base, baseModified: modified, syncedVersion: version, syncedAt: this.now(), conflict: null, remoteGone: null });
    return 'sent';
  }

  /** Both sides changed the same place: the site's version is kept as a revision; the job waits. */
  private conflict(articleId: number, hunks: ConflictHunk[], theirs: PostFields, endpoint: Endpoint): void {
    const article = this.host.article(articleId);
    this.host.keepCopy(articleId, this.patchFor(article, theirs, endpoint), 'remote_copy');
    this.records.get(articleId)!.conflict = { hunks };
    const job = this.jobs.get(articleId);
    if (job) {
      const error: ErrorPayload = { code: 'sync_conflict', message: 'Bài đã được sửa trên trang ở cùng chỗ với bản ở đây: hãy chọn bản giữ lại.' };
      Object.assign(job, { state: 'conflict', error, updated_at: this.now() });
    }
  }

  syncConflict(articleId: number): SyncConflict | null {
    const conflict = this.records.get(articleId)?.conflict;
    return conflict ? { article_id: articleId, hunks: clone(conflict.hunks) } : null;
  }

  /** A person chose a side for each conflict: the merge is saved and sent now. */
  resolve(articleId: number, choices: ConflictSide[]): void {
    const record = this.records.get(articleId);
    if (!record) throw new AppError('not_found', `Không tìm thấy bài viết ${articleId}.`);
    this.queue(articleId, record.endpointId);
    const job = this.jobs.get(articleId)!;
    Object.assign(job, { state: 'sending', attempts: job.attempts + 1 });
    const outcome = this.send(job, choices);
    if (outcome === 'failed') throw new AppError(job.error!.code, job.error!.message);
  }

  /** What the list and the editor show, with the badge rules of Rust's `article_syncs`. */
  articleSyncs(ids: readonly number[]): ArticleSync[] {
    const out: ArticleSync[] = [];
    const wanted = new Set(ids);
    for (const [articleId, r] of this.records) {
      if (!wanted.has(articleId)) continue;
      const job = this.jobs.get(articleId);
      const version = this.host.article(articleId).version;
      let badge: SyncBadge;
      if (job?.state === 'conflict' || r.conflict) badge = 'conflict';
      else if (r.remoteGone) badge = 'remote_gone';
      else if (job?.state === 'failed') badge = 'error';
      else if (job?.state === 'sending') badge = 'sending';
      else if (job?.state === 'queued') badge = 'pending';
      else badge = r.syncedVersion === version ? 'synced' : 'changed';
      const gone = r.remoteGone === 'trash' ? 'Bài đã bị chuyển vào thùng rác trên trang. Không gửi lại tự động.' : 'Bài đã bị xoá trên trang. Không tạo lại tự động.';
      out.push({
        article_id: articleId,
        badge,
        endpoint_id: r.endpointId,
        endpoint_name: this.endpoint(r.endpointId).name,
        remote_id: r.remoteId,
        link: r.link,
        synced_at: r.syncedAt,
        error: r.remoteGone ? { code: 'remote_gone', message: gone } : job?.error ? clone(job.error) : null,
        attempts: job?.attempts ?? 0,
        next_attempt_at: job?.next_attempt_at ?? null,
      });
    }
    return out;
  }

  // Pull for review

  async pull(endpointId: number, statuses: string[], onProgress: (p: PullProgress) => void): Promise<PullSummary> {
    const endpoint = this.endpoint(endpointId);
    const { site } = this.login(endpoint);
    const wanted = statuses.length > 0 ? statuses : ['pending', 'draft'];
    const posts = [...site.posts.values()].filter((p) => p.gone === null && wanted.includes(p.fields.status));
    const summary: PullSummary = { created: 0, updated: 0, unchanged: 0, conflicts: 0 };
    let done = 0;
    for (const post of posts) {
      await this.host.pause();
      const found = [...this.records].find(([, r]) => r.endpointId === endpointId && r.remoteId === post.id);
      if (!found) {
        const f = post.fields;
        let article = this.host.create({ ...clone(f), byline: '', dateline: '', slug: f.slug || undefined });
        const status = localStatus(endpoint.status_map, f.status, ORDER);
        if (status !== article.status) article = this.host.save(article.id, { base_version: article.version, status }, 'pulled');
        const record = this.newRecord(endpointId);
        this.records.set(article.id, record);
        this.synced(record, post.id, post.link, clone(f), post.modified, article.version);
        summary.created += 1;
      } else {
        const [articleId, record] = found;
        if (record.baseModified === post.modified) summary.unchanged += 1;
        else {
          let article = this.host.article(articleId);
          const ours = this.fieldsOf(article, endpoint);
          const { merged, hunks } = this.merge(record.base ?? post.fields, ours, post.fields, null);
          if (hunks.length > 0) {
            this.conflict(articleId, hunks, post.fields, endpoint);
            summary.conflicts += 1;
          } else {
            if (!same(merged, ours)) article = this.host.save(articleId, this.patchFor(article, merged, endpoint), 'pulled');
            const inStep = same(merged, post.fields);
            this.synced(record, post.id, post.link, clone(post.fields), post.modified, inStep ? article.version : -1);
            summary.updated += 1;
          }
        }
      }
      onProgress({ done: ++done, total: posts.length });
    }
    return summary;
  }

  // Events

  onProgress(handler: (p: SyncProgress) => void): () => void {
    this.progressHandlers.push(handler);
    return () => (this.progressHandlers = this.progressHandlers.filter((h) => h !== handler));
  }

  onChanged(handler: (id: number) => void): () => void {
    this.changedHandlers.push(handler);
    return () => (this.changedHandlers = this.changedHandlers.filter((h) => h !== handler));
  }
}

/**
 * Autosave for one open article. Changes are merged into a pending patch and saved after a
 * quiet pause (debounce), or at the latest `maxWaitMs` after the first unsaved change while
 * typing goes on. Saves are serialized: never two in flight, each based on the version the
 * previous one returned. A failed save puts its fields back into the pending patch, so
 * nothing the user wrote is dropped; a conflict stops saving until the user decides.
 */
import type { Article } from '../bindings/Article';
import { AppError, toAppError, type ArticleChanges, type Backend } from '../backend/backend';

export type SaveState = 'saved' | 'saving' | 'pending' | 'error';
export type PatchFields = Omit<ArticleChanges, 'base_version'>;

export type AutosaveOptions = {
  backend: Backend;
  articleId: number;
  version: number;
  debounceMs?: number;
  maxWaitMs?: number;
  onState?: (state: SaveState, error: AppError | null) => void;
  /** The stored article after each successful save (new version, slug, NFC text). */
  onSaved?: (article: Article) => void;
};

/** A field read only when it is saved: the body is serialised per save, not per keystroke. */
type LazyFields = { [K in keyof PatchFields]?: () => PatchFields[K] };

export class AutosaveController {
  private pending: PatchFields = {};
  private lazy: LazyFields = {};
  private hasPending = false;
  private firstPendingAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  /** "Gửi" is saving in the autosave's place (`saveVia`): autosaves wait for it. */
  private handover: Promise<unknown> | null = null;
  private _version: number;
  private _state: SaveState = 'saved';
  private _error: AppError | null = null;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaveOptions) {
    this._version = options.version;
    this.debounceMs = options.debounceMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
  }

  get version(): number {
    return this._version;
  }
  get state(): SaveState {
    return this._state;
  }
  get error(): AppError | null {
    return this._error;
  }
  get inConflict(): boolean {
    return this._error?.code === 'conflict';
  }
  get dirty(): boolean {
    return this.hasPending || this.inFlight !== null || this.handover !== null;
  }

  /** Records changed fields; later values of a field replace earlier ones. */
  change(fields: PatchFields): void {
    this.merge(fields);
    if (!this.inConflict) {
      this._error = null;
      this.setState(this.inFlight ? 'saving' : 'pending');
    }
    this.schedule();
  }

  /**
   * Records a changed field whose value `read` gives when it is saved (the body: turning it into
   * JSON costs the whole article, which a keystroke must not pay).
   */
  changeLazily<K extends keyof PatchFields>(field: K, read: () => PatchFields[K]): void {
    const pending = { ...this.pending };
    delete pending[field];
    this.pending = pending;
    (this.lazy as Record<K, () => PatchFields[K]>)[field] = read;
    this.change({});
  }

  private merge(fields: PatchFields): void {
    if (!this.hasPending) this.firstPendingAt = Date.now();
    // Later fields win; fields that failed to save are merged under newer edits (see `save`).
    this.pending = { ...this.pending, ...fields };
    for (const key of Object.keys(fields)) delete this.lazy[key as keyof PatchFields];
    this.hasPending = true;
  }

  /** The pending patch with its lazy fields read now; `take` also empties it. */
  private current(take = false): PatchFields {
    const fields: PatchFields = { ...this.pending };
    for (const [key, read] of Object.entries(this.lazy)) (fields as Record<string, unknown>)[key] = (read as () => unknown)();
    if (take) {
      this.pending = {};
      this.lazy = {};
      this.hasPending = false;
    }
    return fields;
  }

  private schedule(): void {
    if (this.inConflict) return;
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, delay);
  }

  /** Starts a save of what is pending unless one is already in flight (it chains on). */
  private saveNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.handover) return this.handover.then(
      () => undefined,
      () => undefined,
    );
    if (!this.hasPending || this.inConflict) return Promise.resolve();
    const fields = this.current(true);
    this.setState('saving');
    this.inFlight = this.save(fields).finally(() => {
      this.inFlight = null;
      // Edits made while saving: save them next, based on the version just returned.
      if (this.hasPending && !this.inConflict && !this.timer && !this._error) void this.saveNow();
    });
    return this.inFlight;
  }

  private async save(fields: PatchFields): Promise<void> {
    try {
      const article = await this.options.backend.updateArticle(this.options.articleId, {
        ...fields,
        base_version: this._version,
      });
      this._version = article.version;
      this._error = null;
      this.options.onSaved?.(article);
      this.setState(this.hasPending ? 'pending' : 'saved');
    } catch (reason) {
      const error = toAppError(reason);
      // Keep the unsaved fields; anything typed since wins over them.
      this.pending = { ...fields, ...this.pending };
      if (!this.hasPending) this.firstPendingAt = Date.now();
      this.hasPending = true;
      this._error = error;
      this.setState('error');
    }
  }

  /** Saves everything pending now and resolves when nothing is left in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight || this.handover || (this.hasPending && !this.inConflict)) {
      const before = this._error;
      await this.saveNow();
      // A failing backend must not spin forever: one attempt per flush after an error.
      if (this._error && this._error !== before) break;
      if (this._error && !this.inFlight) break;
    }
  }

  /**
   * Runs another save in the autosave's place ("Gửi" saves and queues in one call): after any
   * save in flight, `run` gets the pending patch based on the current version (null when
   * nothing is pending) and returns the stored article. Autosaves wait for it, so there is
   * never a second save of the same version. If `run` fails, the patch goes back to the
   * autosave (a version conflict shows as one); the error is rethrown for the caller.
   */
  saveVia(run: (patch: ArticleChanges | null) => Promise<Article>): Promise<Article> {
    return this.hold(() => this.handOver(run));
  }

  /**
   * Runs `work` with autosave held: after any save in flight (and any earlier hold), and with
   * no save starting until it ends; what is pending then saves as usual. "Gửi" and merging a
   * change made elsewhere (which reads `unsaved` and may `reset`) run this way.
   */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const before = this.handover;
    const held = (async () => {
      if (before) await before.catch(() => undefined);
      while (this.inFlight) await this.inFlight;
      return work();
    })();
    this.handover = held;
    try {
      return await held;
    } finally {
      if (this.handover === held) this.handover = null;
      if (this.hasPending && !this.inConflict && !this.timer && !this._error) void this.saveNow();
    }
  }

  /** A copy of what is not saved yet (null when nothing is). */
  get unsaved(): PatchFields | null {
    return this.hasPending ? this.current() : null;
  }

  private async handOver(run: (patch: ArticleChanges | null) => Promise<Article>): Promise<Article> {
    if (this.inConflict) throw this._error!;
    const fields = this.hasPending ? this.current(true) : null;
    if (fields) this.setState('saving');
    try {
      const article = await run(fields ? { ...fields, base_version: this._version } : null);
      this._version = article.version;
      this._error = null;
      this.options.onSaved?.(article);
      this.setState(this.hasPending ? 'pending' : 'saved');
      return article;
    } catch (reason) {
      const error = toAppError(reason);
      if (fields) {
        if (!this.hasPending) this.firstPendingAt = Date.now();
        this.pending = { ...fields, ...this.pending };
        this.hasPending = true;
      }
      if (error.code === 'conflict') {
        this._error = error;
        this.setState('error');
      } else if (this.hasPending) {
        // The edit itself may be fine (the sending part failed): autosave saves it as usual.
        this.setState('pending');
        this.schedule();
      }
      throw error;
    }
  }

  /** Retries after a non-conflict error (the "retry" button). */
  retry(): Promise<void> {
    this._error = null;
    return this.flush();
  }

  /**
   * Resolves a conflict by keeping the user's text: `latestVersion` is the stored version
   * now, `allFields` the complete current content, sent as one save based on it.
   */
  overwrite(latestVersion: number, allFields: PatchFields): Promise<void> {
    this._version = latestVersion;
    this._error = null;
    this.merge(allFields);
    return this.flush();
  }

  /** Drops pending edits (after the user chose to reload the stored article). */
  reset(version: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = {};
    this.lazy = {};
    this.hasPending = false;
    this._version = version;
    this._error = null;
    this.setState('saved');
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    this._state = state;
    this.options.onState?.(state, state === 'error' ? this._error : null);
  }
}

export { AppError };

/**
 * The application's state and its navigation: the boot sequence, list ↔ editor, the settings
 * panel, the locale, flushing before close. Components render it; nothing here touches the DOM.
 */
import type { Article } from '../bindings/Article';
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { Locale } from '../bindings/Locale';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import { DocumentImports, isDocumentPath } from '../interchange/document-imports.svelte';
import type { Component } from 'svelte';
import type { ArticleEditor } from '../editor/article-editor.svelte';
import { I18n } from '../i18n';
import { LibraryList } from '../library/library-list.svelte';
import { DeskQueue } from '../queue/desk-queue.svelte';
import { SyncActivity } from '../sync/sync-activity.svelte';
import { Notices } from './notices.svelte';
import { afterNextPaint, markPhase, startupPhases } from './startup-phases';

/**
 * The editor's code (ProseMirror, checks, photos, publishing) in a chunk of its own: start-up
 * parses only the list's code. Loaded once; the module system keeps it.
 */
async function loadEditor() {
  const [store, view] = await Promise.all([import('../editor/article-editor.svelte'), import('../editor/Editor.svelte')]);
  return { ArticleEditor: store.ArticleEditor, view: view.default };
}

const TEXT_SCALES = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
const TEXT_SCALE_KEY = 'banthao.textScale';
/** How long the library may take to open before the page says what it is waiting for. */
export const SLOW_START_MS = 1000;

function readTextScale(): number {
  try {
    const stored = Number(localStorage.getItem(TEXT_SCALE_KEY));
    return TEXT_SCALES.includes(stored) ? stored : 1;
  } catch {
    return 1;
  }
}

export type Screen = 'loading' | 'error' | 'library' | 'editor';

export class AppState {
  readonly i18n = new I18n();
  readonly notices = new Notices();
  readonly library: LibraryList;
  /** Who the user is, and the queue for their role (the home screen). */
  readonly desk: DeskQueue;
  readonly syncActivity: SyncActivity;
  /** Word documents and handover files coming in (the file chooser, or dropped anywhere). */
  readonly documents: DocumentImports;
  screen = $state<Screen>('loading');
  /** The library has taken more than a moment to open (an upgrade): the page says so. */
  slowStart = $state(false);
  error = $state.raw<AppError | null>(null);
  info = $state.raw<LibraryInfo | null>(null);
  settingsOpen = $state(false);
  /** The settings' sections are made the first time the panel opens, not on the way to the list. */
  settingsMade = $state(false);
  /** The writing column's text size (Ctrl+= / Ctrl+− / Ctrl+0), kept between sessions. */
  textScale = $state(readTextScale());
  private shownTitle = '';
  /** The document and window listeners this app added, removed when it is taken down. */
  private readonly listening = new AbortController();
  /** The open article, while the editor shows it. */
  editor = $state.raw<ArticleEditor | null>(null);
  /** The editor's component, loaded with the editor's code (ProseMirror and all) on first use. */
  editorView = $state.raw<Component<{ editor: ArticleEditor }> | null>(null);
  /** One navigation at a time: a double click never opens two editors. */
  private navigating: Promise<unknown> = Promise.resolve();

  constructor(readonly backend: Backend) {
    this.library = new LibraryList(backend);
    this.desk = new DeskQueue(backend);
    this.syncActivity = new SyncActivity((message) => this.notices.show(message), this.i18n);
    this.documents = new DocumentImports(
      backend,
      async (id) => {
        await this.openArticle(id);
        if (this.screen !== 'editor') await this.library.reload();
      },
      (message) => this.notices.show(message),
    );
  }

  get t() {
    return this.i18n.t;
  }

  private useLocale(locale: Locale): void {
    this.i18n.set(locale);
    this.showTitle(this.editor ? this.editor.text.headline : null);
  }

  /** The window's title: the open article's headline, then the app's name. */
  showTitle(headline: string | null): void {
    const name = this.i18n.t('app.name');
    const shown = headline?.trim() ? `${headline.trim()} – ${name}` : name;
    if (shown === this.shownTitle) return;
    this.shownTitle = shown;
    document.title = shown;
    void this.backend.setWindowTitle(shown).catch(() => undefined);
  }

  /** One step bigger (1) or smaller (−1), or back to normal (0). */
  zoomText(step: -1 | 0 | 1): void {
    const at = TEXT_SCALES.indexOf(this.textScale);
    const next = step === 0 ? 1 : TEXT_SCALES[Math.max(0, Math.min(TEXT_SCALES.length - 1, (at < 0 ? 2 : at) + step))]!;
    this.textScale = next;
    try {
      localStorage.setItem(TEXT_SCALE_KEY, String(next));
    } catch {
      // No storage (a locked-down web view): the size holds for this session.
    }
  }

  /** library_info, settings and the list's first page (together) → locale → ui_ready → last article. */
  async start(): Promise<void> {
    // All at once: each round trip to the shell is time before the list is on screen. The list
    // needs nothing from the other two; if the library does not open, its errors go unseen
    // behind the error screen.
    const slow = setTimeout(() => (this.slowStart = true), SLOW_START_MS);
    const listing = this.library.firstLoad();
    const [opened, read] = await Promise.allSettled([this.backend.libraryInfo(), this.backend.getSettings()]);
    clearTimeout(slow);
    this.slowStart = false;
    markPhase('library-open');
    if (opened.status === 'rejected') {
      // The library did not open; its settings may not be readable either.
      if (read.status === 'fulfilled') this.useLocale(read.value.locale);
      this.error = toAppError(opened.reason);
      this.screen = 'error';
      return;
    }
    const info: LibraryInfo = opened.value;
    let lastArticle: number | null = null;
    try {
      // Asked again when it failed: a library reopened by "Thử lại" may have opened after it.
      const settings = read.status === 'fulfilled' ? read.value : await this.backend.getSettings();
      this.useLocale(settings.locale);
      this.desk.started(settings.user);
      lastArticle = settings.last_article_id;
    } catch (reason) {
      this.useLocale('vi');
      this.notices.show(toAppError(reason).message);
    }
    this.info = info;
    this.screen = 'library';
    this.wireEvents();
    await Promise.all([listing, this.desk.reload()]);
    markPhase('list-loaded');
    // Reported once the list has painted, without holding up what follows.
    void afterNextPaint().then(() => {
      markPhase('list-painted');
      // The list is on screen: fetch the editor's code now, so opening an article does not
      // wait (not before: parsing it would hold up the list's first frame).
      void loadEditor().catch(() => undefined);
      return this.backend.uiReady(startupPhases()).catch(() => undefined);
    });
    this.wireFlush();
    if (lastArticle !== null) await this.openArticle(lastArticle, true);
    else this.library.requestFocus('search');
  }

  async changeLocale(locale: Locale): Promise<void> {
    try {
      this.useLocale((await this.backend.setLocale(locale)).locale);
    } catch (reason) {
      this.notices.show(toAppError(reason).message);
      return;
    }
    // Findings carry their messages in the language of the check; sync errors, of the call.
    this.editor?.recheck();
    void this.editor?.sync.refresh();
    void this.library.refreshSyncs();
  }

  /** News from elsewhere: the outbox worker's progress and states, and other processes' writes. */
  private wireEvents(): void {
    // Word and handover files dropped anywhere become articles (photos dropped on an article
    // are the editor's: it takes the other paths of the same drop).
    void this.backend.onFileDrop((event) => {
      if (event.type !== 'drop') return;
      const documents = event.paths.filter(isDocumentPath);
      if (documents.length > 0) void this.documents.importPaths(documents).then(() => this.library.reload());
    });
    void this.backend.onSyncProgress((progress) => {
      this.syncActivity.update(progress);
      this.editor?.sync.progress(progress);
    });
    void this.backend.onSyncChanged((articleId) => {
      void this.library.refreshSyncs();
      if (this.editor?.articleId === articleId) void this.editor.syncChanged();
    });
    // Another process wrote (the CLI, a script): the list shown and the open article follow.
    void this.backend.onLibraryChanged(() => {
      if (this.screen === 'library') {
        void this.library.refresh();
        void this.desk.reload();
      }
      void this.editor?.libraryChanged();
    });
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.navigating.then(work, work);
    this.navigating = next.catch(() => undefined);
    return next;
  }

  /** Saves the open article and closes it; false when something could not be saved. */
  private async leaveEditor(): Promise<boolean> {
    const editor = this.editor;
    if (!editor) return true;
    if (!(await editor.prepareToLeave())) return false;
    editor.dispose();
    this.editor = null;
    return true;
  }

  openArticle(id: number, quiet = false): Promise<void> {
    return this.queue(async () => {
      if (this.editor?.articleId === id) return;
      if (!(await this.leaveEditor())) return;
      let article: Article;
      try {
        article = await this.backend.getArticle(id);
      } catch (reason) {
        if (quiet) await this.backend.setLastArticle(null).catch(() => undefined);
        else this.notices.show(this.i18n.t('editor.loadFailed', { message: toAppError(reason).message }));
        return;
      }
      let loaded: Awaited<ReturnType<typeof loadEditor>>;
      try {
        loaded = await loadEditor();
      } catch (reason) {
        this.notices.show(this.i18n.t('editor.loadFailed', { message: toAppError(reason).message }));
        return;
      }
      this.editorView = loaded.view;
      const editor = new loaded.ArticleEditor(this.backend, article, this.i18n);
      editor.focusHeadline = !article.headline;
      this.editor = editor;
      this.screen = 'editor';
      await this.backend.setLastArticle(id).catch(() => undefined);
    });
  }

  showLibrary(): Promise<void> {
    return this.queue(async () => {
      if (!(await this.leaveEditor())) return;
      this.screen = 'library';
      await this.backend.setLastArticle(null).catch(() => undefined);
      await Promise.all([this.library.reload(), this.desk.reload()]);
      // The first row takes the focus, unless the user already went somewhere (typing a search
      // while the list loads must not lose its keys to a row).
      this.library.requestFocus('first-row');
    });
  }

  async createArticle(): Promise<void> {
    try {
      const article = await this.backend.createArticle({
        headline: '',
        sapo: '',
        section: '',
        keywords: [],
        byline: '',
        dateline: '',
      });
      await this.openArticle(article.id);
    } catch (reason) {
      this.notices.show(toAppError(reason).message);
    }
  }

  /** "Nhân bản bài": what is typed is saved, then the copy opens in the editor. */
  async duplicateArticle(): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    try {
      await editor.flush();
      const copy = await this.backend.duplicateArticle(editor.articleId);
      await this.openArticle(copy.id);
      this.notices.show(this.i18n.t('editor.duplicated'), 'info');
    } catch (reason) {
      this.notices.show(toAppError(reason).message);
    }
  }

  /**
   * "Lưu trữ" / "Chuyển vào thùng rác" from the editor: what is typed is saved, the list comes
   * back, and a notice offers to take it back.
   */
  async shelveOpenArticle(to: 'archive' | 'trash'): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    const id = editor.articleId;
    try {
      await editor.flush();
      await this.showLibrary();
      if (to === 'trash') await this.library.moveToTrash([id]);
      else await this.library.archive([id]);
      await this.desk.reload();
    } catch (reason) {
      this.notices.show(toAppError(reason).message);
      return;
    }
    const undo = () => (to === 'trash' ? this.library.restoreFromTrash([id]) : this.library.archive([id], true));
    this.notices.show(this.i18n.t(`library.moved.${to}`, { count: 1 }), 'info', {
      label: this.i18n.t('library.undo'),
      run: () => void undo().then(() => this.desk.reload()).catch((reason: unknown) => this.notices.show(toAppError(reason).message)),
    });
  }

  toggleSettings(open = !this.settingsOpen): void {
    if (open) this.settingsMade = true;
    this.settingsOpen = open;
  }

  /**
   * The app's own keys, from anywhere: Ctrl+Q quits (through the same save-first handshake as
   * the close button), Ctrl+S saves now, Ctrl+N starts an article, Ctrl+F finds (and replaces)
   * in the headline, sapo and body, Ctrl+= / Ctrl+− / Ctrl+0 size the text.
   */
  private shortcut(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
    const key = event.key.toLowerCase();
    const act = (work: () => void) => {
      event.preventDefault();
      work();
    };
    if (key === 'q') act(() => void this.backend.closeWindow());
    else if (key === 's' && !event.shiftKey) act(() => void this.editor?.flush());
    else if (key === 'n' && !event.shiftKey && this.screen !== 'loading' && this.screen !== 'error') act(() => void this.createArticle());
    else if (key === 'f' && !event.shiftKey && this.editor) act(() => this.editor?.find.show());
    else if (this.screen === 'editor' && (key === '=' || key === '+')) act(() => this.zoomText(1));
    else if (this.screen === 'editor' && (key === '-' || key === '_')) act(() => this.zoomText(-1));
    else if (this.screen === 'editor' && key === '0') act(() => this.zoomText(0));
  }

  /** Taken down (tests mount one app after another in the same document). */
  dispose(): void {
    this.listening.abort();
  }

  /** Saves whatever is pending now (window closing, app hidden). */
  async flush(): Promise<void> {
    await this.editor?.flush();
  }

  private wireFlush(): void {
    void this.backend.onFlushRequest(async () => {
      try {
        await this.editor?.flushForClose();
      } finally {
        await this.backend.flushDone().catch(() => undefined);
      }
    });
    const { signal } = this.listening;
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') void this.flush();
      },
      { signal },
    );
    window.addEventListener('pagehide', () => void this.flush(), { signal });
    document.addEventListener('keydown', (event) => this.shortcut(event), { signal });
  }
}

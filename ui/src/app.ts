/** The application shell: boot sequence, navigation between list and editor, flushing. */
import type { LibraryInfo } from './bindings/LibraryInfo';
import type { Locale } from './bindings/Locale';
import { toAppError, type Backend } from './backend/backend';
import { setLocale, t } from './i18n';
import { CheckSettingsSection } from './views/check-settings';
import { clear, el, relabel, setAttrText, tr } from './views/dom';
import { EditorView } from './views/editor-view';
import { errorScreen } from './views/error-screen';
import { LibraryView } from './views/library';
import { PhotoSettingsSection } from './views/photo-settings';
import { SettingsPanel } from './views/settings';
import { SyncProgressIndicator } from './views/sync-progress';
import { SyncSettingsSection } from './views/sync-settings';

export class App {
  private library: LibraryView | null = null;
  private editor: EditorView | null = null;
  private settings: SettingsPanel | null = null;
  private main: HTMLElement | null = null;
  private notice: HTMLElement | null = null;
  private syncProgress: SyncProgressIndicator | null = null;
  /** One navigation at a time: a double click never opens two editors. */
  private navigating: Promise<unknown> = Promise.resolve();

  constructor(private readonly root: HTMLElement, private readonly backend: Backend) {}

  /** library_info → settings → locale → list → ui_ready → last article. */
  async start(): Promise<void> {
    let info: LibraryInfo;
    try {
      info = await this.backend.libraryInfo();
    } catch (reason) {
      try {
        const settings = await this.backend.getSettings();
        setLocale(settings.locale);
      } catch {
        // The library did not open; its settings may not be readable either.
      }
      clear(this.root);
      this.root.appendChild(errorScreen(toAppError(reason)));
      return;
    }
    let lastArticle: number | null = null;
    try {
      const settings = await this.backend.getSettings();
      setLocale(settings.locale);
      lastArticle = settings.last_article_id;
    } catch (reason) {
      setLocale('vi');
      this.showNotice(toAppError(reason).message);
    }
    document.title = t('app.name');
    this.buildShell(info);
    this.library = new LibraryView(this.backend, {
      open: (id) => void this.openArticle(id),
      create: () => void this.createArticle(),
    });
    this.main!.appendChild(this.library.element);
    this.wireSync();
    await this.library.reload();
    await this.backend.uiReady().catch(() => undefined);
    this.wireFlush();
    if (lastArticle !== null) await this.openArticle(lastArticle, true);
    else this.library.focusSearch();
  }

  private buildShell(info: LibraryInfo): void {
    const settingsToggle = el('button', { id: 'settings-toggle', type: 'button', class: 'btn quiet icon', 'aria-expanded': 'false' }, '⚙');
    setAttrText(settingsToggle, 'title', 'app.settings');
    setAttrText(settingsToggle, 'aria-label', 'app.settings');
    this.settings = new SettingsPanel(
      info,
      (locale) => void this.changeLocale(locale),
      () => this.toggleSettings(false),
      new CheckSettingsSection(this.backend, () => this.editor?.recheck()),
      new PhotoSettingsSection(this.backend),
      new SyncSettingsSection(this.backend, () => void this.editor?.sync.reloadEndpoints()),
    );
    settingsToggle.addEventListener('click', () => this.toggleSettings(!this.settings!.isOpen));
    this.notice = el('div', { id: 'notice', class: 'notice', role: 'status', hidden: true });
    this.syncProgress = new SyncProgressIndicator((message) => this.showNotice(message));
    this.main = el('main', { class: 'app-main' });
    const header = el(
      'header',
      { class: 'app-header' },
      tr('span', 'app.name', { class: 'brand' }),
      this.syncProgress.element,
      this.notice,
      el('span', { class: 'header-spacer' }),
      settingsToggle,
      this.settings.element,
    );
    clear(this.root);
    this.root.append(header, this.main);
  }

  private toggleSettings(open: boolean): void {
    this.settings?.setOpen(open);
    this.root.querySelector('#settings-toggle')?.setAttribute('aria-expanded', String(open));
  }

  private async changeLocale(locale: Locale): Promise<void> {
    try {
      const settings = await this.backend.setLocale(locale);
      setLocale(settings.locale);
    } catch (reason) {
      this.showNotice(toAppError(reason).message);
      return;
    }
    document.title = t('app.name');
    relabel(this.root);
    // Findings carry their messages in the language of the check; sync errors, of the call.
    this.editor?.recheck();
    void this.editor?.sync.refresh();
    void this.library?.refreshSyncs();
  }

  /** News from elsewhere: the outbox worker's progress and states, and other processes' writes. */
  private wireSync(): void {
    void this.backend.onSyncProgress((progress) => {
      this.syncProgress?.update(progress);
      this.editor?.sync.progress(progress);
    });
    void this.backend.onSyncChanged((articleId) => {
      void this.library?.refreshSyncs();
      if (this.editor?.articleId === articleId) void this.editor.syncChanged();
    });
    // Another process wrote (the CLI, a script): the list shown and the open article follow.
    void this.backend.onLibraryChanged(() => {
      if (this.library?.element.isConnected) void this.library.refresh();
      void this.editor?.libraryChanged();
    });
  }

  private showNotice(message: string): void {
    if (!this.notice) return;
    this.notice.textContent = message;
    this.notice.hidden = false;
    setTimeout(() => {
      if (this.notice && this.notice.textContent === message) this.notice.hidden = true;
    }, 6000);
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.navigating.then(work, work);
    this.navigating = next.catch(() => undefined);
    return next;
  }

  /** Saves the open article and closes it; false when something could not be saved. */
  private async leaveEditor(): Promise<boolean> {
    if (!this.editor) return true;
    if (!(await this.editor.prepareToLeave())) return false;
    this.editor.dispose();
    this.editor.element.remove();
    this.editor = null;
    return true;
  }

  openArticle(id: number, quiet = false): Promise<void> {
    return this.queue(async () => {
      if (this.editor?.articleId === id) return;
      if (!(await this.leaveEditor())) return;
      try {
        const article = await this.backend.getArticle(id);
        this.editor = new EditorView(this.backend, article, { back: () => void this.showLibrary() });
        this.library?.element.remove();
        this.main!.appendChild(this.editor.element);
        await this.backend.setLastArticle(id).catch(() => undefined);
        if (!article.headline) this.editor.focusHeadline();
      } catch (reason) {
        if (quiet) await this.backend.setLastArticle(null).catch(() => undefined);
        else this.showNotice(t('editor.loadFailed', { message: toAppError(reason).message }));
      }
    });
  }

  showLibrary(): Promise<void> {
    return this.queue(async () => {
      if (!(await this.leaveEditor())) return;
      if (this.library && !this.library.element.isConnected) this.main!.appendChild(this.library.element);
      await this.backend.setLastArticle(null).catch(() => undefined);
      await this.library?.reload();
      // The first row takes the focus, unless the user already went somewhere (typing a search
      // while the list loads must not lose its keys to a row).
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) {
        this.root.querySelector<HTMLElement>(`.article-row`)?.focus();
      }
    });
  }

  private async createArticle(): Promise<void> {
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
      this.showNotice(toAppError(reason).message);
    }
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
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.flush();
    });
    window.addEventListener('pagehide', () => void this.flush());
    // Ctrl+Q quits like a desktop app; the close goes through the same save-first handshake.
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'q') {
        event.preventDefault();
        void this.backend.closeWindow();
      }
    });
  }

  /** For tests and the notice of a failed save on close. */
  get currentEditor(): EditorView | null {
    return this.editor;
  }
}


/** The article editor: headline, sapo, body, the details panel, autosave, history and publishing. */
import type { Article } from '../bindings/Article';
import type { AppError, Backend } from '../backend/backend';
import { toAppError } from '../backend/backend';
import { AutosaveController, type PatchFields, type SaveState } from '../editor/autosave';
import { BodyEditor } from '../editor/body-editor';
import { setFigureImageSource } from '../editor/figure-spec';
import type { MessageKey } from '../i18n';
import { countText, type TextCounts } from '../text/counts';
import { ConflictView, type ConflictSource } from './conflict-view';
import { el, relabel, setAttrText, setText, tr } from './dom';
import { EditorChecks } from './editor-checks';
import { EditorMerge } from './editor-merge';
import { EditorPhotos } from './editor-photos';
import { HistoryPanel } from './history';
import { ScheduleField } from './schedule-field';
import { StatusField } from './status-field';
import { SyncBar } from './sync-status';

export type EditorCallbacks = { back: () => void };

/** "a, b ,, c" → ["a", "b", "c"]. */
export function parseKeywords(value: string): string[] {
  return value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

const countParams = (c: TextCounts) => ({ tieng: c.tieng, chars: c.chars });
/** Headline and sapo are one paragraph each. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

export class EditorView {
  readonly element: HTMLElement;
  readonly controller: AutosaveController;
  readonly body: BodyEditor;
  readonly checks: EditorChecks;
  readonly photos: EditorPhotos;
  private readonly history: HistoryPanel;
  private readonly fields: {
    headline: HTMLTextAreaElement;
    sapo: HTMLTextAreaElement;
    byline: HTMLInputElement;
    dateline: HTMLInputElement;
    section: HTMLInputElement;
    keywords: HTMLInputElement;
    slug: HTMLInputElement;
  };
  private readonly counts: Record<'headline' | 'sapo' | 'body', HTMLElement>;
  private readonly saveState: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly bannerText: HTMLElement;
  private readonly slugMode: HTMLElement;
  private readonly versionLabel: HTMLElement;
  private slugEdited = false;
  private readonly status: StatusField;
  private readonly schedule: ScheduleField;
  readonly sync: SyncBar;
  readonly conflict: ConflictView;
  readonly merge: EditorMerge;
  /** An input method is composing a word (Vietnamese IMEs compose each one). */
  private composing = false;

  constructor(private readonly backend: Backend, article: Article, callbacks: EditorCallbacks) {
    this.schedule = new ScheduleField((scheduled_at) => this.controller.change({ scheduled_at }));
    // Submitting needs every figure captioned, credited and described (Rust checks too).
    this.status = new StatusField(
      article.status,
      (next, saved) => next !== 'submitted' || saved === 'submitted' || this.photos.submitAllowed(),
      (status) => {
        this.controller.change({ status });
        this.schedule.showFor(status);
      },
    );
    setFigureImageSource((id, look) => backend.mediaUrl(id, 'web', look));
    const photos = (this.photos = new EditorPhotos(backend, article.id, {
      featured: article.featured_media_id,
      onFeatured: (id) => this.controller.change({ featured_media_id: id }),
    }));
    this.controller = new AutosaveController({
      backend,
      articleId: article.id,
      version: article.version,
      onState: (state, error) => this.showSaveState(state, error),
      onSaved: (saved) => this.onSaved(saved),
      onRefused: (error, fields) => {
        const kept = photos.refused(error, fields);
        if (kept) {
          this.status.refused();
          this.schedule.showFor(this.status.value);
        }
        return kept;
      },
    });

    const back = el('button', { id: 'back-to-list', type: 'button', class: 'btn quiet back' }, '← ', tr('span', 'editor.back'));
    back.addEventListener('click', () => callbacks.back());
    this.saveState = el('span', { id: 'save-state', 'data-state': 'saved', role: 'status', 'aria-live': 'polite' });
    setText(this.saveState, 'save.saved');
    const historyToggle = tr('button', 'editor.history', { id: 'history-toggle', type: 'button', class: 'btn quiet', 'aria-pressed': 'false' });
    historyToggle.addEventListener('click', () => {
      void this.history.toggle().then(() => historyToggle.setAttribute('aria-pressed', String(this.history.isOpen)));
    });
    this.versionLabel = el('span', { class: 'version-label' });
    this.sync = new SyncBar(backend, {
      articleId: article.id,
      sendWith: (run) => this.controller.saveVia(run),
      openConflict: () => void this.conflict.open(this.syncConflict()),
    });
    this.conflict = new ConflictView();
    this.merge = new EditorMerge(backend, {
      articleId: article.id,
      controller: this.controller,
      conflict: this.conflict,
      snapshot: () => this.snapshot(),
      show: (stored) => this.replaceWith(stored),
      setReadOnly: (on) => this.setReadOnly(on),
      composed: () => this.composed(),
      showConflict: (error) => this.showBanner(error),
    }, article);
    const topbar = el(
      'div',
      { class: 'editor-topbar' },
      back,
      el('span', { class: 'topbar-spacer' }),
      this.versionLabel,
      this.merge.status,
      this.saveState,
      historyToggle,
      this.sync.element,
    );

    this.bannerText = el('span', { class: 'banner-text' });
    const reload = tr('button', 'save.conflictReload', { type: 'button', class: 'btn small', id: 'conflict-reload' });
    reload.addEventListener('click', () => void this.reloadFromServer());
    const keep = tr('button', 'save.conflictKeepMine', { type: 'button', class: 'btn small primary', id: 'conflict-keep' });
    keep.addEventListener('click', () => void this.keepMine());
    const merge = tr('button', 'save.conflictMerge', { type: 'button', class: 'btn small', id: 'conflict-merge' });
    merge.addEventListener('click', () => void this.merge.retry());
    const retry = tr('button', 'save.retry', { type: 'button', class: 'btn small', id: 'save-retry' });
    retry.addEventListener('click', () => void this.controller.retry());
    this.banner = el(
      'div',
      { class: 'save-banner', role: 'alert', hidden: true },
      this.bannerText,
      el('span', { class: 'banner-actions' }, retry, merge, reload, keep),
    );

    const f = (this.fields = {
      headline: el('textarea', { id: 'headline', rows: 2, class: 'headline-input', spellcheck: 'false' }),
      sapo: el('textarea', { id: 'sapo', rows: 3, class: 'sapo-input', spellcheck: 'false' }),
      byline: el('input', { id: 'byline', type: 'text' }),
      dateline: el('input', { id: 'dateline', type: 'text' }),
      section: el('input', { id: 'section', type: 'text' }),
      keywords: el('input', { id: 'keywords', type: 'text' }),
      slug: el('input', { id: 'slug', type: 'text', spellcheck: 'false', class: 'mono' }),
    });
    setAttrText(f.headline, 'placeholder', 'editor.headlinePlaceholder');
    setAttrText(f.sapo, 'placeholder', 'editor.sapoPlaceholder');
    this.counts = {
      headline: el('span', { id: 'count-headline', class: 'count' }),
      sapo: el('span', { id: 'count-sapo', class: 'count' }),
      body: el('span', { id: 'count-body', class: 'count' }),
    };

    const checks = (this.checks = new EditorChecks(backend, { headline: f.headline, sapo: f.sapo }));
    topbar.insertBefore(checks.notice, topbar.querySelector('.topbar-spacer'));
    historyToggle.before(checks.toggle, photos.toggle);
    const bodyHost = el('div', { id: 'body', class: 'body-editor' });
    this.body = new BodyEditor(bodyHost, {
      doc: article.body,
      plugins: [...checks.plugins(), ...photos.plugins()],
      figures: photos.figureContext,
      onChange: (editor) => {
        this.controller.change({ body: editor.toJSON() });
        this.updateCounts();
        checks.changed();
      },
    });

    const fromHeadline = tr('button', 'editor.slugFromHeadline', { id: 'slug-from-headline', type: 'button', class: 'btn small' });
    fromHeadline.addEventListener('click', () => {
      this.slugEdited = false;
      this.controller.change({ slug: '' });
    });
    this.slugMode = el('span', { class: 'slug-mode hint' });

    const main = el(
      'div',
      { class: 'editor-main' },
      this.labelled('headline', 'editor.headline', f.headline, this.counts.headline, checks.markers.headline),
      this.labelled('sapo', 'editor.sapo', f.sapo, this.counts.sapo, checks.markers.sapo),
      el('div', { class: 'field body-field' }, el('div', { class: 'field-head' }, tr('span', 'editor.body', { class: 'field-label' }), this.counts.body), bodyHost),
    );
    const side = el(
      'aside',
      { class: 'side-panel details-panel' },
      tr('h2', 'editor.details', { class: 'panel-title' }),
      this.labelled('status', 'editor.status', this.status.element),
      this.schedule.element,
      this.labelled('byline', 'editor.byline', f.byline),
      this.labelled('dateline', 'editor.dateline', f.dateline),
      this.labelled('section', 'editor.section', f.section),
      this.labelled('keywords', 'editor.keywords', f.keywords, tr('span', 'editor.keywordsHint', { class: 'hint' })),
      this.labelled('slug', 'editor.slug', f.slug, el('span', { class: 'slug-tools' }, this.slugMode, fromHeadline)),
    );
    this.history = new HistoryPanel(backend, article.id, {
      beforeRestore: () => this.prepareToLeave(),
      restored: (restored) => this.replaceWith(restored),
    });

    this.element = el(
      'section',
      { id: 'editor-view', class: 'view', 'data-article-id': article.id },
      topbar,
      this.sync.strip,
      this.banner,
      photos.importer.element,
      photos.check,
      el('div', { class: 'editor-layout' }, el('div', { class: 'editor-scroll' }, main), side, checks.panel.element, photos.panel.element, this.history.element),
      checks.popup.element,
      this.conflict.element,
    );
    // Ctrl+Enter sends from anywhere in the article (the body's own keys leave it alone).
    this.element.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === 'Enter') {
        event.preventDefault();
        void this.sync.send();
      }
    });
    this.element.addEventListener('compositionstart', () => (this.composing = true));
    this.element.addEventListener('compositionend', () => (this.composing = false));

    this.wireInputs();
    this.fill(article);
    checks.attach(this.body);
    photos.attach(this.body);
    void this.sync.load();
  }

  private labelled(id: string, key: MessageKey, control: HTMLElement, extra?: HTMLElement, marker?: HTMLElement): HTMLElement {
    return el(
      'div',
      { class: `field field-${id}` },
      el('div', { class: 'field-head' }, tr('label', key, { for: id, class: 'field-label' }), marker, extra && extra.classList.contains('count') ? extra : null),
      control,
      extra && !extra.classList.contains('count') ? extra : null,
    );
  }

  private wireInputs(): void {
    const f = this.fields;
    const onText = (input: HTMLInputElement | HTMLTextAreaElement, send: (value: string) => PatchFields) =>
      input.addEventListener('input', () => {
        this.controller.change(send(input.value));
        this.updateCounts();
        if (input === f.headline || input === f.sapo) this.checks.changed();
      });
    // Headline and sapo are single paragraphs: Enter moves on instead of adding a line.
    const plainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey;
    f.headline.addEventListener('keydown', (e) => {
      if (plainEnter(e)) {
        e.preventDefault();
        f.sapo.focus();
      }
    });
    f.sapo.addEventListener('keydown', (e) => {
      if (plainEnter(e)) {
        e.preventDefault();
        this.body.view.focus();
      }
    });
    onText(f.headline, (v) => ({ headline: oneLine(v) }));
    onText(f.sapo, (v) => ({ sapo: oneLine(v) }));
    onText(f.byline, (v) => ({ byline: v }));
    onText(f.dateline, (v) => ({ dateline: v }));
    onText(f.section, (v) => ({ section: v }));
    onText(f.keywords, (v) => ({ keywords: parseKeywords(v) }));
    onText(f.slug, (v) => {
      this.slugEdited = v.trim() !== '';
      return { slug: v.trim() };
    });
  }

  /** Puts a stored article into every field (on open, reload and restore). */
  private fill(article: Article): void {
    const f = this.fields;
    f.headline.value = article.headline;
    f.sapo.value = article.sapo;
    f.byline.value = article.byline;
    f.dateline.value = article.dateline;
    f.section.value = article.section;
    f.keywords.value = article.keywords.join(', ');
    f.slug.value = article.slug;
    this.status.fill(article.status);
    this.schedule.fill(article.scheduled_at);
    this.schedule.showFor(article.status);
    this.photos.setFeatured(article.featured_media_id);
    this.slugEdited = false;
    this.showSlugMode(article.slug_auto);
    setText(this.versionLabel, 'editor.version', { version: article.version });
    this.updateCounts();
  }

  private onSaved(article: Article): void {
    this.merge.loaded(article);
    this.sync.savedHere();
    this.status.stored(article.status);
    setText(this.versionLabel, 'editor.version', { version: article.version });
    this.showSlugMode(article.slug_auto);
    // Show the server's slug unless the user is typing one right now.
    if (document.activeElement !== this.fields.slug && !this.slugEdited) this.fields.slug.value = article.slug;
    if (document.activeElement !== this.fields.slug) this.slugEdited = false;
  }

  private showSlugMode(auto: boolean): void {
    setText(this.slugMode, auto ? 'editor.slugAuto' : 'editor.slugManual');
  }

  private updateCounts(): void {
    setText(this.counts.headline, 'editor.counts', countParams(countText(this.fields.headline.value)));
    setText(this.counts.sapo, 'editor.counts', countParams(countText(this.fields.sapo.value)));
    setText(this.counts.body, 'editor.counts', countParams(this.body.counts()));
  }

  private showSaveState(state: SaveState, error: AppError | null): void {
    this.saveState.dataset.state = state;
    if (state === 'error' && error) {
      setText(this.saveState, 'save.error', { message: error.message });
      // Saved elsewhere meanwhile: merge (the banner comes only if that cannot be done).
      if (error.code === 'conflict') void this.merge.follow();
      else this.showBanner(error);
    } else {
      setText(this.saveState, `save.${state}`);
      if (state === 'saved') this.banner.hidden = true;
    }
  }

  private showBanner(error: AppError, blocked = false): void {
    const conflict = error.code === 'conflict';
    if (conflict) setText(this.bannerText, blocked ? 'save.conflictBlocked' : 'save.conflict');
    else setText(this.bannerText, 'save.error', { message: error.message });
    this.banner.querySelector<HTMLElement>('#save-retry')!.hidden = conflict;
    this.banner.querySelector<HTMLElement>('#conflict-reload')!.hidden = !conflict;
    this.banner.querySelector<HTMLElement>('#conflict-keep')!.hidden = !conflict;
    this.banner.querySelector<HTMLElement>('#conflict-merge')!.hidden = !conflict;
    this.banner.dataset.kind = conflict ? 'conflict' : 'error';
    this.banner.hidden = false;
  }

  /** Everything the editor shows, as one patch (to overwrite after a conflict). */
  snapshot(): PatchFields {
    const f = this.fields;
    const fields: PatchFields = {
      headline: oneLine(f.headline.value),
      sapo: oneLine(f.sapo.value),
      body: this.body.toJSON(),
      byline: f.byline.value,
      dateline: f.dateline.value,
      section: f.section.value,
      keywords: parseKeywords(f.keywords.value),
      status: this.status.value,
      featured_media_id: this.photos.featured ?? 0,
      scheduled_at: this.schedule.value,
    };
    if (this.slugEdited) fields.slug = f.slug.value.trim();
    return fields;
  }

  private async keepMine(): Promise<void> {
    try {
      const latest = await this.backend.getArticle(this.articleId);
      await this.controller.overwrite(latest.version, this.snapshot());
    } catch (reason) {
      this.showBanner(toAppError(reason));
    }
  }

  private async reloadFromServer(): Promise<void> {
    try {
      this.replaceWith(await this.backend.getArticle(this.articleId));
    } catch (reason) {
      this.showBanner(toAppError(reason));
    }
  }

  /** Shows a stored article, dropping pending edits (reload, restore, merge). */
  private replaceWith(article: Article): void {
    this.merge.loaded(article);
    this.controller.reset(article.version);
    this.fill(article);
    this.body.setDoc(article.body);
    this.updateCounts();
    this.checks.recheck();
  }

  get articleId(): number {
    return Number(this.element.dataset.articleId);
  }

  /** The publishing conflict, side by side: the choices are saved and sent. */
  private syncConflict(): ConflictSource {
    return {
      kind: 'sync',
      hunks: async () => (await this.backend.syncConflict(this.articleId))?.hunks ?? [],
      apply: async (choices) => {
        if (!(await this.prepareToLeave())) return false;
        await this.backend.resolveConflict(this.articleId, choices);
        this.replaceWith(await this.backend.getArticle(this.articleId));
        await this.sync.refresh();
        return true;
      },
      closed: () => this.element.querySelector<HTMLElement>('#sync-conflict, #sync-send')?.focus(),
    };
  }

  /** Read-only while a change made elsewhere is merged: no keystroke lands and is then replaced. */
  private setReadOnly(on: boolean): void {
    this.element.toggleAttribute('data-merging', on);
    this.element.setAttribute('aria-busy', String(on));
    this.body.setEditable(!on);
    const texts = this.element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      '.editor-main input, .editor-main textarea, .details-panel input, .details-panel textarea',
    );
    texts.forEach((input) => (input.readOnly = on));
    this.element.querySelectorAll<HTMLSelectElement | HTMLButtonElement>('.details-panel select, .details-panel button').forEach((c) => (c.disabled = on));
  }

  private composed(): Promise<void> {
    if (!this.composing) return Promise.resolve();
    // ProseMirror reads the finished word shortly after compositionend.
    return new Promise((resolve) =>
      this.element.addEventListener('compositionend', () => setTimeout(() => resolve(this.composed()), 50), { once: true }),
    );
  }

  /** Saves everything; false (with the reason on screen) if something could not be saved. */
  async prepareToLeave(): Promise<boolean> {
    await this.controller.flush();
    const error = this.controller.error;
    if (this.controller.dirty && error) {
      this.showBanner(error, true);
      return false;
    }
    return true;
  }

  flush(): Promise<void> {
    return this.controller.flush();
  }

  /**
   * The window is closing: save, and if the text cannot become the article (a colleague
   * saved first, or the save failed), keep it as a revision of its own so nothing is lost.
   */
  async flushForClose(): Promise<void> {
    this.conflict.close(); // A merge waiting for a choice gives way (its text is kept below).
    await this.controller.flush();
    if (this.controller.dirty && this.controller.error) {
      await this.backend.keepUnsavedCopy(this.articleId, { ...this.snapshot(), base_version: this.controller.version });
    }
  }

  focusHeadline(): void {
    this.fields.headline.focus();
  }

  relabel(): void {
    relabel(this.element);
  }

  /**
   * The article's sync state changed (`sync-changed`): show it, and follow the article when
   * the sync saved into it (the site's edits merged in), as for any change made elsewhere.
   */
  async syncChanged(): Promise<void> {
    await this.sync.refresh();
    await this.merge.follow();
  }

  /** Another process changed the library (`library-changed`): follow this article. */
  libraryChanged(): Promise<void> {
    return this.merge.follow();
  }

  /** Checks again now (check settings, dictionary or language changed). */
  recheck(): void {
    this.checks.recheck();
  }

  dispose(): void {
    this.merge.dispose();
    this.checks.dispose();
    this.photos.dispose();
    this.controller.dispose();
    this.body.destroy();
  }
}

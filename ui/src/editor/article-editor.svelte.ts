/**
 * The open article and its save state: what each field holds, the stored version, autosave,
 * the conflict banner, read-only while a merge runs, the one side panel shown. Editor.svelte
 * renders it; the body is a ProseMirror view (BodyEditor); checks, photos, publishing and the
 * merge with changes made elsewhere hang off it.
 */
import type { Article } from '../bindings/Article';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import type { I18n } from '../i18n';
import { countText, type TextCounts } from '../text/counts';
import { FindBar } from '../find/find-bar.svelte';
import { ArticleWorkflow } from '../workflow/article-workflow.svelte';
import { fromVietnamInput, toVietnamInput } from '../text/time';
import { ConflictChooser, type ConflictSource } from '../sync/conflict-chooser.svelte';
import { EditorChecks } from '../checks/editor-checks';
import { EditorMerge } from './editor-merge.svelte';
import { EditorPhotos } from '../photos/editor-photos.svelte';
import { RevisionHistory } from '../history/revision-history.svelte';
import { EditorNotes } from '../notes/editor-notes.svelte';
import { EditorSync } from '../sync/editor-sync.svelte';
import { AutosaveController, type PatchFields, type SaveState } from './autosave';
import { BodyEditor } from './body-editor';

/** "a, b ,, c" → ["a", "b", "c"]. */
export function parseKeywords(value: string): string[] {
  return value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** Headline and sapo are one paragraph each. */
export const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

/** The body's counts are shown again once typing pauses this long… */
export const COUNTS_PAUSE_MS = 300;
/** …or, while it goes on, this long after the first key they do not show. */
export const COUNTS_LATEST_MS = 2000;

export type TextField = 'headline' | 'sapo' | 'byline' | 'dateline' | 'section' | 'keywords' | 'slug';
export type SidePanel = 'details' | 'checks' | 'photos' | 'history' | 'notes';
export type Banner = { error: AppError; blocked: boolean };

const patchFor: Record<TextField, (value: string) => PatchFields> = {
  headline: (v) => ({ headline: oneLine(v) }),
  sapo: (v) => ({ sapo: oneLine(v) }),
  byline: (v) => ({ byline: v }),
  dateline: (v) => ({ dateline: v }),
  section: (v) => ({ section: v }),
  keywords: (v) => ({ keywords: parseKeywords(v) }),
  slug: (v) => ({ slug: v.trim() }),
};

export class ArticleEditor {
  readonly articleId: number;
  /** What each text field shows (as typed; the patch sends it cleaned). */
  text = $state<Record<TextField, string>>({ headline: '', sapo: '', byline: '', dateline: '', section: '', keywords: '', slug: '' });
  status = $state<ArticleStatus>('draft');
  /** "Giờ đăng" as the datetime-local input shows it (Vietnam time). */
  scheduledInput = $state('');
  version = $state(0);
  slugAuto = $state(true);
  saveState = $state<SaveState>('saved');
  saveError = $state.raw<AppError | null>(null);
  banner = $state.raw<Banner | null>(null);
  /** A change made elsewhere is being merged in: nothing may be typed meanwhile. */
  readOnly = $state(false);
  bodyCounts = $state.raw<TextCounts>({ tieng: 0, chars: 0 });
  /** One side panel at a time, so the writing column keeps its width. */
  sidePanel = $state<SidePanel | null>('details');
  /** Set when the headline should take the focus once it is on screen. */
  focusHeadline = $state(false);
  /** The text inputs on screen (the checks select and fix text in them). */
  readonly inputs: Partial<Record<TextField, HTMLInputElement | HTMLTextAreaElement>> = {};
  private slugEdited = false;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the counts shown must follow the body at the latest, while typing goes on. */
  private countsDue: number | null = null;
  private composing = false;
  private composedWaiters: Array<() => void> = [];

  readonly controller: AutosaveController;
  readonly body: BodyEditor;
  readonly checks: EditorChecks;
  readonly photos: EditorPhotos;
  readonly history: RevisionHistory;
  readonly notes: EditorNotes;
  /** Tìm và thay (Ctrl+F) in the headline, the sapo and the body. */
  readonly find = new FindBar(() => this.body.view, {
    text: (field) => this.text[field],
    input: (field) => this.inputs[field],
    edit: (field, value) => this.edit(field, value),
    readOnly: () => this.readOnly,
  });
  readonly sync: EditorSync;
  readonly conflict: ConflictChooser;
  readonly merge: EditorMerge;
  readonly workflow: ArticleWorkflow;

  constructor(private readonly backend: Backend, article: Article, i18n: I18n) {
    this.articleId = article.id;
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
    });
    this.sync = new EditorSync(backend, {
      articleId: article.id,
      sendWith: (run) => this.controller.saveVia(run),
      openConflict: () => void this.conflict.open(this.syncConflict()),
    });
    this.conflict = new ConflictChooser();
    this.workflow = new ArticleWorkflow(backend, {
      articleId: article.id,
      controller: this.controller,
      figuresReady: () => photos.submitAllowed(),
      showFigures: (message) => photos.showFigureCheck(message),
      taken: (stored) => this.stepTaken(stored),
    });
    void this.workflow.load();
    this.merge = new EditorMerge(
      backend,
      {
        articleId: article.id,
        controller: this.controller,
        conflict: this.conflict,
        snapshot: () => this.snapshot(),
        show: (stored) => this.replaceWith(stored, 'reload'),
        setReadOnly: (on) => this.setReadOnly(on),
        composed: () => this.composed(),
        showConflict: (error) => (this.banner = { error, blocked: false }),
      },
      article,
    );
    const field = (name: 'headline' | 'sapo') => () => this.inputs[name] as HTMLTextAreaElement;
    const text = (name: 'headline' | 'sapo') => () => this.text[name];
    const checks = (this.checks = new EditorChecks(backend, article.id, { headline: field('headline'), sapo: field('sapo') }, { headline: text('headline'), sapo: text('sapo') }));
    checks.pastedImages = (files) => void photos.importFiles(files, 'insert');
    checks.choosePhotos = () => photos.chooseFiles('insert');
    const notes = (this.notes = new EditorNotes(backend, article.id, {
      version: () => this.version,
      fields: { headline: () => this.inputs.headline as HTMLTextAreaElement | undefined, sapo: () => this.inputs.sapo as HTMLTextAreaElement | undefined },
      flush: () => this.controller.flush(),
      showPanel: () => (this.sidePanel = 'notes'),
    }));
    this.body = BodyEditor.detached({
      doc: article.body,
      i18n,
      plugins: [...checks.plugins(), ...photos.plugins(), ...notes.plugins(), this.find.plugin],
      figures: photos.figureContext,
      onChange: (editor) => {
        this.controller.changeLazily('body', () => editor.toJSON());
        this.countSoon();
        checks.changed();
      },
    });
    this.history = new RevisionHistory(backend, article.id, {
      beforeRestore: () => this.prepareToLeave(),
      restored: (restored) => this.replaceWith(restored, 'restore'),
    });
    void this.history.locate();
    this.fill(article);
    checks.bulkChange = (apply) => this.bulkChange(apply);
    checks.attach(this.body);
    photos.attach(this.body);
    notes.attach(this.body);
    void this.sync.load();
  }

  /** The user typed in a text field. */
  edit(field: TextField, value: string): void {
    this.text[field] = value;
    if (field === 'slug') this.slugEdited = value.trim() !== '';
    this.controller.change(patchFor[field](value));
    if (field === 'headline' || field === 'sapo') this.checks.changed();
  }

  /** "Theo tít": the slug follows the headline again. */
  slugFromHeadline(): void {
    this.slugEdited = false;
    this.controller.change({ slug: '' });
  }

  /** A workflow step was taken: the status (and time) as stored, the history has a new step. */
  private stepTaken(article: Article): void {
    this.status = article.status;
    this.scheduledInput = toVietnamInput(article.scheduled_at);
    void this.history.refresh();
  }

  chooseScheduledAt(input: string): void {
    this.scheduledInput = input;
    this.controller.change({ scheduled_at: fromVietnamInput(input) });
  }

  togglePanel(panel: SidePanel): void {
    this.sidePanel = this.sidePanel === panel ? null : panel;
  }

  /**
   * The body's counts follow typing when it pauses, and at least every COUNTS_LATEST_MS while it
   * goes on. Shown at every key, the new figure cost each keystroke about half a millisecond of
   * script, style and paint in the real window (4.2 against 3.7 ms a key at 5,022 tiếng).
   */
  private countSoon(): void {
    const now = performance.now();
    this.countsDue ??= now + COUNTS_LATEST_MS;
    if (this.countsTimer !== null) clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      this.countsTimer = null;
      this.countsDue = null;
      this.bodyCounts = this.body.counts();
    }, Math.max(0, Math.min(COUNTS_PAUSE_MS, this.countsDue - now)));
  }

  headlineCounts = $derived(countText(this.text.headline));
  sapoCounts = $derived(countText(this.text.sapo));

  /** Puts a stored article into every field (on open, reload and restore). */
  private fill(article: Article): void {
    this.text = {
      headline: article.headline,
      sapo: article.sapo,
      byline: article.byline,
      dateline: article.dateline,
      section: article.section,
      keywords: article.keywords.join(', '),
      slug: article.slug,
    };
    this.status = article.status;
    this.scheduledInput = toVietnamInput(article.scheduled_at);
    this.photos.setFeatured(article.featured_media_id);
    this.slugEdited = false;
    this.slugAuto = article.slug_auto;
    this.version = article.version;
    this.bodyCounts = this.body?.counts() ?? countText('');
  }

  private onSaved(article: Article): void {
    this.merge.loaded(article);
    this.sync.savedHere();
    this.status = article.status;
    this.version = article.version;
    this.slugAuto = article.slug_auto;
    // Show the library's slug unless the user is typing one right now.
    const typing = document.activeElement === this.inputs.slug && document.activeElement !== null;
    if (!typing && !this.slugEdited) this.text.slug = article.slug;
    if (!typing) this.slugEdited = false;
    this.history.saved();
  }

  /**
   * A bulk change ("Sửa tất cả", the tone style) is a revision of its own: what was typed is
   * saved first (its burst closes), then the change alone, so restoring the revision before it
   * undoes exactly the change. Typing after it starts a new revision.
   */
  private async bulkChange(apply: () => boolean): Promise<void> {
    // Nothing runs between the end of the flush and the bulk save: the patch is the change alone
    // (and with nothing to save first, the change applies at once, as the click's own step).
    if (this.controller.dirty) await this.controller.flush();
    if (!apply()) return;
    try {
      await this.controller.saveVia((patch) => (patch ? this.backend.saveBulkFix(this.articleId, patch) : this.backend.getArticle(this.articleId)));
    } catch {
      // Not saved: the change stays pending and autosaves; the save state says why.
    }
    void this.history.locate();
  }

  private showSaveState(state: SaveState, error: AppError | null): void {
    this.saveState = state;
    this.saveError = state === 'error' ? error : null;
    if (state === 'error' && error) {
      // Saved elsewhere meanwhile: merge (the banner comes only if that cannot be done).
      if (error.code === 'conflict') void this.merge.follow();
      else this.banner = { error, blocked: false };
    } else if (state === 'saved') {
      this.banner = null;
    }
  }

  /** Everything the editor shows, as one patch (to overwrite after a conflict). */
  snapshot(): PatchFields {
    const fields: PatchFields = {
      ...patchFor.headline(this.text.headline),
      ...patchFor.sapo(this.text.sapo),
      body: this.body.toJSON(),
      byline: this.text.byline,
      dateline: this.text.dateline,
      section: this.text.section,
      keywords: parseKeywords(this.text.keywords),
      featured_media_id: this.photos.featured ?? 0,
      scheduled_at: fromVietnamInput(this.scheduledInput),
    };
    if (this.slugEdited) fields.slug = this.text.slug.trim();
    return fields;
  }

  async keepMine(): Promise<void> {
    try {
      const latest = await this.backend.getArticle(this.articleId);
      await this.controller.overwrite(latest.version, this.snapshot());
    } catch (reason) {
      this.banner = { error: toAppError(reason), blocked: false };
    }
  }

  async reloadFromLibrary(): Promise<void> {
    try {
      this.replaceWith(await this.backend.getArticle(this.articleId), 'reload');
    } catch (reason) {
      this.banner = { error: toAppError(reason), blocked: false };
    }
  }

  /**
   * Shows a stored article, dropping pending edits (reload, merge, restore). A restore is one
   * step of the body's undo history (Ctrl+Z takes it back); the history panel then refreshes
   * itself, while a reload asks which revision the article is at now.
   */
  private replaceWith(article: Article, how: 'reload' | 'restore'): void {
    this.merge.loaded(article);
    this.controller.reset(article.version);
    if (how === 'restore') this.body.replaceDoc(article.body);
    else this.body.setDoc(article.body);
    this.fill(article);
    this.checks.recheck();
    if (how === 'reload') void this.history.locate();
  }

  /** The publishing conflict, side by side: the choices are saved and sent. */
  private syncConflict(): ConflictSource {
    return {
      kind: 'sync',
      hunks: async () => (await this.backend.syncConflict(this.articleId))?.hunks ?? [],
      apply: async (choices) => {
        if (!(await this.prepareToLeave())) return false;
        await this.backend.resolveConflict(this.articleId, choices);
        this.replaceWith(await this.backend.getArticle(this.articleId), 'reload');
        await this.sync.refresh();
        return true;
      },
      closed: () => document.querySelector<HTMLElement>('#sync-conflict:not([hidden]), #sync-send')?.focus(),
    };
  }

  /** Read-only while a change made elsewhere is merged: no keystroke lands and is then replaced. */
  private setReadOnly(on: boolean): void {
    this.readOnly = on;
    this.body.setEditable(!on);
  }

  compositionStarted(): void {
    this.composing = true;
  }

  compositionEnded(): void {
    this.composing = false;
    // ProseMirror reads the finished word shortly after compositionend.
    const waiters = this.composedWaiters.splice(0);
    setTimeout(() => waiters.forEach((resolve) => resolve()), 50);
  }

  private composed(): Promise<void> {
    if (!this.composing) return Promise.resolve();
    return new Promise<void>((resolve) => this.composedWaiters.push(resolve)).then(() => this.composed());
  }

  /** Saves everything; false (with the reason on screen) if something could not be saved. */
  async prepareToLeave(): Promise<boolean> {
    await this.controller.flush();
    const error = this.controller.error;
    if (this.controller.dirty && error) {
      this.banner = { error, blocked: true };
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
    if (this.countsTimer !== null) clearTimeout(this.countsTimer);
    this.merge.dispose();
    this.checks.dispose();
    this.notes.dispose();
    this.photos.dispose();
    this.controller.dispose();
    this.body.destroy();
  }
}

/**
 * Checks in the editor: checks while you type, places the findings (body underlines, headline
 * and sapo markers, the panel), opens the popup, and applies quick fixes, "fix all", the tone
 * conversion, "add to dictionary" and "ignore". Also converts pastes in legacy Vietnamese fonts.
 */
import { TextSelection, type Plugin } from 'prosemirror-state';
import type { PmNode } from '../bindings/PmNode';
import { toAppError, type Backend } from '../backend/backend';
import { docFromJSON, type BodyEditor } from '../editor/body-editor';
import { ArticleFindings, findingKey, inBody, type FieldName } from './article-findings.svelte';
import { textRange } from './blocks';
import { Checker } from './checker';
import { FindingPopupState, type Anchor, type Locate, type OpenedBy } from './finding-popup.svelte';
import { bodyFindings, findingById, findingsPlugin, findingUnderline, removeFindings, type Finding } from './findings-plugin';
import { applyTextFixes, bodyFixTransaction, replaceDocTransaction, type TextFix } from './fixes';
import { TONE_KINDS } from './kinds';
import { legacyPastePlugin, wireLegacyPaste, type LegacyPasteOptions } from './legacy-paste';
import { pasteFlattenPlugin } from './paste-flatten';
import { TransientNotice } from './transient-notice.svelte';

/**
 * Makes a bulk change ("Sửa tất cả", the tone style): `apply` changes the text at once and says
 * whether it changed anything. The editor saves what was typed before it and the change as a
 * revision of its own (see `ArticleEditor`); by default it is simply applied.
 */
export type BulkChange = (apply: () => boolean) => Promise<void>;

export class EditorChecks {
  /** Pictures that came inside a paste, to import as figures at the cursor (set by the editor). */
  pastedImages: ((files: File[]) => void) | null = null;
  /** Opens the photo file chooser for the pictures a paste named but could not carry. */
  choosePhotos: (() => void) | null = null;
  readonly findings = new ArticleFindings();
  readonly popup = new FindingPopupState();
  /** The top bar's notice (`#editor-notice`). */
  readonly notice = new TransientNotice();
  private body: BodyEditor | null = null;
  private checker: Checker | null = null;
  bulkChange: BulkChange = async (apply) => void apply();

  constructor(
    private readonly backend: Backend,
    /** The article checked: the findings it ignores are kept with it. */
    private readonly articleId: number,
    /** The fields on screen (to select and fix text in), and what they hold (to check). */
    private readonly fields: Record<FieldName, () => HTMLTextAreaElement>,
    private readonly texts: Record<FieldName, () => string>,
  ) {}

  /** Headline and sapo convert pastes in legacy fonts too. */
  wireField(field: HTMLTextAreaElement): void {
    wireLegacyPaste(field, this.pasteOptions());
  }

  private pasteOptions(): LegacyPasteOptions {
    return {
      convert: (runs) => this.backend.convertFontRuns(runs),
      done: (summary) => {
        if (summary.runs > 0) this.notice.say('paste.converted', { count: summary.runs, encodings: summary.encodings.join(', ') });
      },
      failed: (reason) => this.notice.say('paste.failed', { message: toAppError(reason).message }),
    };
  }

  /** The body editor's plugins: legacy-font paste and the findings underlines. */
  plugins(): Plugin[] {
    return [
      legacyPastePlugin(this.pasteOptions()),
      pasteFlattenPlugin(({ rows, tables, images, files }) => {
        // Pictures carried in the paste go in as figures after it; the others need their files.
        if (files.length) queueMicrotask(() => this.pastedImages?.(files));
        const unreadable = images - files.length;
        const choose = unreadable && this.choosePhotos ? { key: 'paste.choosePhotos' as const, run: this.choosePhotos } : undefined;
        if (tables && unreadable) this.notice.say('paste.tableAndImages', { rows, images: unreadable }, choose);
        else if (tables) this.notice.say('paste.tableFlattened', { rows });
        else if (unreadable) this.notice.say('paste.imagesDropped', { images: unreadable }, choose);
        else this.notice.say('paste.imagesImported', { images: files.length });
      }),
      findingsPlugin({
        point: (id, target) => this.showById(id, () => this.whereIs(id, target), 'pointer'),
        leave: () => {
          if (this.popup.openedBy === 'pointer') this.popup.hideSoon();
        },
        cursor: (id) => {
          if (id) this.showById(id, () => this.whereIs(id), 'cursor');
          else if (this.popup.openedBy === 'cursor') this.popup.hide();
        },
        open: (id) => this.showById(id, () => this.whereIs(id), 'pinned', true),
        escape: () => {
          if (!this.popup.finding) return false;
          this.popup.hide();
          return true;
        },
      }),
    ];
  }

  attach(body: BodyEditor): void {
    this.body = body;
    this.checker = new Checker({
      backend: this.backend,
      source: { article: this.articleId, headline: this.texts.headline, sapo: this.texts.sapo, doc: () => body.doc },
      onResult: (result) => {
        body.view.dispatch(this.findings.place(result, body.view.state));
        this.findings.refreshBody(body.view.state);
        const open = this.popup.finding;
        if (open && !this.lookup(open.id)) this.popup.hide();
      },
      onError: (reason) => this.findings.failed(toAppError(reason).message),
    });
    this.checker.checkNow();
  }

  /** A text changed: check again once typing pauses. */
  changed(): void {
    this.checker?.changed();
  }

  /** Check now (settings, dictionary or language changed; article reloaded). */
  recheck(): void {
    this.checker?.checkNow();
  }

  private lookup(id: string): Finding | null {
    return this.findings.lookup(id, this.body?.view.state ?? null);
  }

  /** A body finding's underline (its first line). */
  private underline(id: string): HTMLElement | null {
    return this.body ? findingUnderline(this.body.view, id) : null;
  }

  /** Where a body finding's text is now: its underline, else its first character. */
  private whereIs(id: string, pointed?: HTMLElement): Anchor | null {
    const underline = pointed?.isConnected ? pointed : this.underline(id);
    if (underline) return underline.getBoundingClientRect();
    const at = this.body ? findingById(this.body.view.state, id) : null;
    if (!at) return null;
    try {
      return this.body!.view.coordsAtPos(at.from);
    } catch {
      return null;
    }
  }

  private showById(id: string, locate: Locate, via: OpenedBy, focus = false): void {
    const finding = this.lookup(id);
    if (finding) this.popup.show(finding, locate, via, focus);
  }

  /**
   * From the panel: select the finding (body) or its characters (field), bring its words into
   * view (the body's to the middle of the column), then open its popup by them.
   */
  goTo(finding: Finding): void {
    if (inBody(finding)) {
      const at = this.body && findingById(this.body.view.state, finding.id);
      if (!at) return;
      const view = this.body!.view;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.from, at.to)).scrollIntoView());
      view.focus();
      this.underline(finding.id)?.scrollIntoView?.({ block: 'center' });
      this.popup.show(at.finding, () => this.whereIs(finding.id), 'pinned');
      return;
    }
    const field = this.fields[finding.field as FieldName]();
    const { from, to } = textRange(field.value, finding.start, finding.end);
    field.focus();
    field.setSelectionRange(from, to);
    field.scrollIntoView?.({ block: 'nearest' });
    this.popup.show(finding, () => field.getBoundingClientRect(), 'pinned');
  }

  /** Puts the focus back in the text the finding is in (the popup closed by Escape). */
  focusFinding(finding: Finding): void {
    if (inBody(finding)) this.body?.view.focus();
    else this.fields[finding.field as FieldName]().focus();
  }

  /** A quick fix: replaces exactly the finding's span (one transaction in the body). */
  fix(finding: Finding, replacement: string): boolean {
    let applied: boolean;
    if (inBody(finding)) {
      const view = this.body!.view;
      const done = bodyFixTransaction(view.state, [{ id: finding.id, replacement }]);
      applied = done !== null;
      if (done) {
        view.dispatch(done.tr);
        this.findings.refreshBody(view.state);
        view.focus();
      }
    } else {
      applied = this.fixField(finding.field as FieldName, [{ ...finding, replacement }], [finding.id]) > 0;
    }
    if (applied) this.popup.hide();
    else this.popup.say('checks.stale');
    return applied;
  }

  private fixField(field: FieldName, fixes: TextFix[], ids: string[]): number {
    const input = this.fields[field]();
    const { value, applied } = applyTextFixes(input.value, fixes);
    if (applied === 0) return 0;
    input.value = value;
    this.findings.dropFromField(field, (f) => !ids.includes(f.id));
    // The same path as typing: autosave, counts and the next check pick it up.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return applied;
  }

  async addWord(finding: Finding): Promise<void> {
    try {
      await this.backend.addUserWord(finding.text);
      this.popup.hide();
      this.notice.say('checks.added', { word: finding.text });
      this.recheck();
    } catch (reason) {
      this.notice.say('error.generic', { message: toAppError(reason).message });
    }
  }

  /** "Bỏ qua": hides the finding now and keeps the ignore with the article (reopening, restarts). */
  async ignore(finding: Finding): Promise<void> {
    this.findings.ignore(finding);
    if (inBody(finding)) {
      const view = this.body!.view;
      view.dispatch(removeFindings(view.state.tr, [finding.id]).setMeta('addToHistory', false));
      this.findings.refreshBody(view.state);
    } else {
      this.findings.dropFromField(finding.field as FieldName, (f) => f.id !== finding.id);
    }
    this.popup.hide();
    try {
      await this.backend.ignoreFinding(this.articleId, findingKey(finding));
    } catch (reason) {
      this.findings.unignore(finding);
      this.notice.say('error.generic', { message: toAppError(reason).message });
      this.recheck();
    }
  }

  /** "Hiện lại": the article reports the finding again, from the next check on. */
  async unignore(finding: Finding): Promise<void> {
    this.findings.unignore(finding);
    try {
      await this.backend.unignoreFinding(this.articleId, findingKey(finding));
    } catch (reason) {
      this.notice.say('error.generic', { message: toAppError(reason).message });
    }
    this.recheck();
  }

  /** "Fix all" of a kind: first suggestions everywhere (body in one step), or the tone conversion. */
  async fixAll(kind: string): Promise<void> {
    if (TONE_KINDS.has(kind)) return this.fixToneStyle();
    let count = 0;
    await this.bulkChange(() => {
      const view = this.body!.view;
      const body = bodyFindings(view.state).filter((p) => p.finding.kind === kind && p.finding.suggestions.length > 0);
      const done = bodyFixTransaction(view.state, body.map((p) => ({ id: p.finding.id, replacement: p.finding.suggestions[0]! })));
      if (done) {
        view.dispatch(done.tr);
        this.findings.refreshBody(view.state);
        count += done.applied;
      }
      for (const field of ['headline', 'sapo'] as const) {
        const list = this.findings.fields[field].filter((f) => f.kind === kind && f.suggestions.length > 0);
        count += this.fixField(field, list.map((f) => ({ ...f, replacement: f.suggestions[0]! })), list.map((f) => f.id));
      }
      return count > 0;
    });
    this.notice.say('checks.fixed', { count });
  }

  /** Converts headline, sapo and the whole body to the house tone style (body: one step). */
  async fixToneStyle(): Promise<void> {
    const view = this.body!.view;
    const headline = this.fields.headline();
    const sapo = this.fields.sapo();
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = view.state.doc;
      const h = headline.value;
      const s = sapo.value;
      let result;
      try {
        result = await this.backend.fixToneStyle(h, s, doc.toJSON() as PmNode);
      } catch (reason) {
        this.notice.say('error.generic', { message: toAppError(reason).message });
        return;
      }
      const fixed = result;
      let typed = false;
      await this.bulkChange(() => {
        // Typed while converting (or saving): convert what is there now.
        if (view.state.doc !== doc || headline.value !== h || sapo.value !== s) {
          typed = true;
          return false;
        }
        const tones = bodyFindings(view.state).filter((p) => TONE_KINDS.has(p.finding.kind)).map((p) => p.finding.id);
        const tr = replaceDocTransaction(view.state, docFromJSON(fixed.body));
        if (tr) view.dispatch(removeFindings(tr, tones));
        this.findings.refreshBody(view.state);
        let changed = tr !== null;
        for (const [name, input, value] of [['headline', headline, fixed.headline], ['sapo', sapo, fixed.sapo]] as const) {
          if (input.value === value) continue;
          input.value = value;
          this.findings.dropFromField(name, (f) => !TONE_KINDS.has(f.kind));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          changed = true;
        }
        return changed;
      });
      if (typed) continue;
      if (result.changed > 0) this.notice.say('checks.toneFixed', { count: result.changed });
      else this.notice.say('checks.toneNothing');
      return;
    }
  }

  dispose(): void {
    this.checker?.dispose();
    this.popup.dispose();
    this.notice.dispose();
  }
}

/**
 * Checks in the editor: runs them while you type, shows body findings as underlines with a
 * popup, headline/sapo findings as markers, all of them in the checks panel, and applies
 * quick fixes, "fix all", the tone-style conversion, "add to dictionary" and "ignore".
 * Also converts pastes in legacy Vietnamese fonts (body and both fields).
 */
import { TextSelection, type Plugin } from 'prosemirror-state';
import type { ArticleFinding } from '../bindings/ArticleFinding';
import type { CheckField } from '../bindings/CheckField';
import type { PmNode } from '../bindings/PmNode';
import { toAppError, type Backend } from '../backend/backend';
import { blockRange, textRange } from '../checks/blocks';
import { Checker, type CheckResult } from '../checks/checker';
import { bodyFindings, findingById, findingsPlugin, removeFindings, setFindings, type Finding, type PlacedFinding } from '../checks/findings-plugin';
import { applyTextFixes, bodyFixTransaction, replaceDocTransaction, type TextFix } from '../checks/fixes';
import { legacyPastePlugin, wireLegacyPaste, type LegacyPasteOptions, type LegacySummary } from '../checks/legacy-paste';
import { docFromJSON, type BodyEditor } from '../editor/body-editor';
import { t, type MessageKey, type Params } from '../i18n';
import { el, setText, tr } from './dom';
import { ChecksPanel, type PanelNotices } from './checks-panel';
import { FindingPopup } from './finding-popup';

type FieldName = 'headline' | 'sapo';
const TONE_KINDS = new Set(['tone-style', 'mixed-tone-style']);
const NOTICE_MS = 8000;
const CONTEXT = 24;

/** Identifies one occurrence across re-checks: kind, text and what surrounds it. */
function occurrenceKey(f: ArticleFinding, context: string): string {
  const { from, to } = textRange(context, f.start, f.end);
  return [f.field, f.kind, context.slice(Math.max(0, from - CONTEXT), from), f.text, context.slice(to, to + CONTEXT)].join('\u0000');
}

export class EditorChecks {
  readonly toggle: HTMLButtonElement;
  readonly panel: ChecksPanel;
  readonly popup: FindingPopup;
  readonly notice: HTMLElement;
  readonly markers: Record<FieldName, HTMLButtonElement>;
  private readonly badge: HTMLElement;
  private body: BodyEditor | null = null;
  private checker: Checker | null = null;
  private fieldFindings: Record<FieldName, Finding[]> = { headline: [], sapo: [] };
  private readonly keys = new Map<string, string>();
  private readonly ignored = new Set<string>();
  private notices: PanelNotices = { dictionary: true, bodySkipped: null, error: null };
  private nextId = 0;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onDocMouseDown = (event: MouseEvent) => {
    const target = event.target as Node | null;
    if (!target || this.popup.element.contains(target)) return;
    if (target instanceof Element && target.closest('.finding, .check-finding')) return;
    this.popup.hide();
  };

  constructor(
    private readonly backend: Backend,
    /** The fields on screen (to select and fix text in), and what they hold (to check). */
    private readonly fields: Record<FieldName, () => HTMLTextAreaElement>,
    private readonly texts: Record<FieldName, () => string>,
  ) {
    this.badge = el('span', { class: 'checks-badge', hidden: true });
    this.toggle = el('button', { id: 'checks-toggle', type: 'button', class: 'btn quiet', 'aria-pressed': 'false' }, tr('span', 'checks.toggle'), this.badge);
    this.toggle.addEventListener('click', () => this.setPanelOpen(!this.panel.isOpen));
    this.panel = new ChecksPanel({ open: (f, item) => this.goTo(f, item), fixAll: (kind) => void this.fixAll(kind) });
    this.popup = new FindingPopup(
      { fix: (f, r) => this.fix(f, r), addWord: (f) => void this.addWord(f), ignore: (f) => this.ignore(f) },
      () => this.focusFinding(this.popup.finding),
    );
    this.notice = el('span', { id: 'editor-notice', class: 'editor-notice', role: 'status', 'aria-live': 'polite', hidden: true });
    const marker = (field: FieldName) => {
      const button = el('button', { id: `findings-${field}`, type: 'button', class: 'field-findings', hidden: true });
      button.addEventListener('click', () => this.setPanelOpen(true));
      return button;
    };
    this.markers = { headline: marker('headline'), sapo: marker('sapo') };
  }

  /** Headline and sapo convert pastes in legacy fonts too. */
  wireField(field: HTMLTextAreaElement): void {
    wireLegacyPaste(field, this.pasteOptions());
  }

  private pasteOptions(): LegacyPasteOptions {
    return {
      convert: (runs) => this.backend.convertFontRuns(runs),
      done: (summary: LegacySummary) => {
        if (summary.runs > 0) this.say('paste.converted', { count: summary.runs, encodings: summary.encodings.join(', ') });
      },
      failed: (reason) => this.say('paste.failed', { message: toAppError(reason).message }),
    };
  }

  /** The body editor's plugins: legacy-font paste and the findings underlines. */
  plugins(): Plugin[] {
    return [
      legacyPastePlugin(this.pasteOptions()),
      findingsPlugin({
        point: (id, target) => this.showById(id, target.getBoundingClientRect(), 'pointer'),
        leave: () => {
          if (this.popup.openedBy === 'pointer') this.popup.hideSoon();
        },
        cursor: (id) => {
          if (id) this.showById(id, this.coordsOf(id), 'cursor');
          else if (this.popup.openedBy === 'cursor') this.popup.hide();
        },
        open: (id) => this.showById(id, this.coordsOf(id), 'pinned', true),
      }),
    ];
  }

  attach(body: BodyEditor): void {
    this.body = body;
    this.checker = new Checker({
      backend: this.backend,
      source: { headline: this.texts.headline, sapo: this.texts.sapo, doc: () => body.doc },
      onResult: (result) => this.show(result),
      onError: (reason) => {
        this.notices = { ...this.notices, error: toAppError(reason).message };
        this.render();
      },
    });
    document.addEventListener('mousedown', this.onDocMouseDown);
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

  private show(result: CheckResult): void {
    const view = this.body!.view;
    const known = new Map<string, string>();
    const signature = (field: CheckField, from: number, to: number, kind: string, text: string) => `${field}|${from}|${to}|${kind}|${text}`;
    for (const p of bodyFindings(view.state)) known.set(signature('body', p.from, p.to, p.finding.kind, p.finding.text), p.finding.id);
    for (const field of ['headline', 'sapo'] as const) {
      for (const f of this.fieldFindings[field]) known.set(signature(field, f.start, f.end, f.kind, f.text), f.id);
    }
    this.keys.clear();
    const placed: PlacedFinding[] = [];
    const fieldFindings: Record<FieldName, Finding[]> = { headline: [], sapo: [] };
    for (const f of result.report.findings) {
      const block = f.field === 'body' ? result.blocks[f.block] : undefined;
      const context = f.field === 'body' ? block?.text : f.field === 'headline' ? result.headline : result.sapo;
      if (context === undefined) continue;
      const key = occurrenceKey(f, context);
      if (this.ignored.has(key)) continue;
      const range = block ? blockRange(block, f.start, f.end) : { from: f.start, to: f.end };
      if (!range) continue;
      const id = known.get(signature(f.field, range.from, range.to, f.kind, f.text)) ?? `f${++this.nextId}`;
      const finding: Finding = { ...f, id };
      this.keys.set(id, key);
      if (block) placed.push({ ...range, finding });
      else fieldFindings[f.field as FieldName].push(finding);
    }
    view.dispatch(setFindings(view.state, placed));
    this.fieldFindings = fieldFindings;
    this.notices = { dictionary: result.report.dictionary, bodySkipped: result.bodySkipped, error: null };
    const open = this.popup.finding;
    if (open && !this.lookup(open.id)) this.popup.hide();
    this.render();
  }

  /** Every finding, headline and sapo first, then the body in document order. */
  findings(): Finding[] {
    const body = this.body ? bodyFindings(this.body.view.state).map((p) => p.finding) : [];
    return [...this.fieldFindings.headline, ...this.fieldFindings.sapo, ...body];
  }

  private lookup(id: string): Finding | null {
    const field = [...this.fieldFindings.headline, ...this.fieldFindings.sapo].find((f) => f.id === id);
    if (field) return field;
    return this.body ? (findingById(this.body.view.state, id)?.finding ?? null) : null;
  }

  private render(): void {
    const all = this.findings();
    this.panel.render(all, this.notices);
    this.badge.textContent = String(all.length);
    this.badge.hidden = all.length === 0;
    for (const field of ['headline', 'sapo'] as const) {
      const count = this.fieldFindings[field].length;
      const marker = this.markers[field];
      marker.hidden = count === 0;
      marker.textContent = String(count);
      marker.dataset.kinds = [...new Set(this.fieldFindings[field].map((f) => f.kind))].join(' ');
      marker.title = t('checks.fieldMarker', { count });
    }
  }

  setPanelOpen(open: boolean): void {
    this.panel.setOpen(open);
    this.toggle.setAttribute('aria-pressed', String(open));
  }

  private coordsOf(id: string): DOMRect | null {
    const at = this.body ? findingById(this.body.view.state, id) : null;
    if (!at) return null;
    try {
      const c = this.body!.view.coordsAtPos(at.from);
      return new DOMRect(c.left, c.top, 0, c.bottom - c.top);
    } catch {
      return null;
    }
  }

  private showById(id: string, anchor: DOMRect | null, via: 'pointer' | 'cursor' | 'pinned', focus = false): void {
    const finding = this.lookup(id);
    if (finding) this.popup.show(finding, anchor, via, focus);
  }

  /** From the panel: select the finding (body) or its characters (field), and open its popup. */
  private goTo(finding: Finding, item: HTMLElement): void {
    if (finding.field === 'body') {
      const at = this.body && findingById(this.body.view.state, finding.id);
      if (!at) return;
      const view = this.body!.view;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.from, at.to)).scrollIntoView());
      view.focus();
      this.popup.show(at.finding, this.coordsOf(finding.id) ?? item.getBoundingClientRect(), 'pinned');
      return;
    }
    const field = this.fields[finding.field as FieldName]();
    const { from, to } = textRange(field.value, finding.start, finding.end);
    field.focus();
    field.setSelectionRange(from, to);
    this.popup.show(finding, field.getBoundingClientRect(), 'pinned');
  }

  private focusFinding(finding: Finding | null): void {
    if (!finding) return;
    if (finding.field === 'body') this.body?.view.focus();
    else this.fields[finding.field as FieldName]().focus();
  }

  /** A quick fix: replaces exactly the finding's span (one transaction in the body). */
  fix(finding: Finding, replacement: string): boolean {
    if (finding.field === 'body') {
      const view = this.body!.view;
      const done = bodyFixTransaction(view.state, [{ id: finding.id, replacement }]);
      if (!done) {
        this.popup.note('checks.stale');
        return false;
      }
      view.dispatch(done.tr);
      this.popup.hide();
      view.focus();
      this.render();
      return true;
    }
    const applied = this.fixField(finding.field as FieldName, [{ ...finding, replacement }], [finding.id]);
    if (applied === 0) this.popup.note('checks.stale');
    else this.popup.hide();
    return applied > 0;
  }

  private fixField(field: FieldName, fixes: TextFix[], ids: string[]): number {
    const input = this.fields[field]();
    const { value, applied } = applyTextFixes(input.value, fixes);
    if (applied === 0) return 0;
    input.value = value;
    this.fieldFindings[field] = this.fieldFindings[field].filter((f) => !ids.includes(f.id));
    // The same path as typing: autosave, counts and the next check pick it up.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    this.render();
    return applied;
  }

  private async addWord(finding: Finding): Promise<void> {
    try {
      await this.backend.addUserWord(finding.text);
      this.popup.hide();
      this.say('checks.added', { word: finding.text });
      this.recheck();
    } catch (reason) {
      this.say('error.generic', { message: toAppError(reason).message });
    }
  }

  /** Hides this finding for the rest of the session (it stays hidden after re-checks). */
  ignore(finding: Finding): void {
    const key = this.keys.get(finding.id);
    if (key) this.ignored.add(key);
    if (finding.field === 'body') {
      const view = this.body!.view;
      view.dispatch(removeFindings(view.state.tr, [finding.id]).setMeta('addToHistory', false));
    } else {
      const field = finding.field as FieldName;
      this.fieldFindings[field] = this.fieldFindings[field].filter((f) => f.id !== finding.id);
    }
    this.popup.hide();
    this.render();
  }

  /** "Fix all" of a kind: first suggestions everywhere (body in one step), or the tone conversion. */
  async fixAll(kind: string): Promise<void> {
    if (TONE_KINDS.has(kind)) return this.fixToneStyle();
    let count = 0;
    const view = this.body!.view;
    const body = bodyFindings(view.state).filter((p) => p.finding.kind === kind && p.finding.suggestions.length > 0);
    const done = bodyFixTransaction(view.state, body.map((p) => ({ id: p.finding.id, replacement: p.finding.suggestions[0]! })));
    if (done) {
      view.dispatch(done.tr);
      count += done.applied;
    }
    for (const field of ['headline', 'sapo'] as const) {
      const list = this.fieldFindings[field].filter((f) => f.kind === kind && f.suggestions.length > 0);
      count += this.fixField(field, list.map((f) => ({ ...f, replacement: f.suggestions[0]! })), list.map((f) => f.id));
    }
    this.render();
    this.say('checks.fixed', { count });
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
        this.say('error.generic', { message: toAppError(reason).message });
        return;
      }
      // Typed while converting: convert what is there now.
      if (view.state.doc !== doc || headline.value !== h || sapo.value !== s) continue;
      const tones = bodyFindings(view.state).filter((p) => TONE_KINDS.has(p.finding.kind)).map((p) => p.finding.id);
      const tr = replaceDocTransaction(view.state, docFromJSON(result.body));
      if (tr) view.dispatch(removeFindings(tr, tones));
      for (const [name, value] of [['headline', result.headline], ['sapo', result.sapo]] as const) {
        if (this.fields[name]().value === value) continue;
        this.fields[name]().value = value;
        this.fieldFindings[name] = this.fieldFindings[name].filter((f) => !TONE_KINDS.has(f.kind));
        this.fields[name]().dispatchEvent(new Event('input', { bubbles: true }));
      }
      this.render();
      if (result.changed > 0) this.say('checks.toneFixed', { count: result.changed });
      else this.say('checks.toneNothing');
      return;
    }
  }

  private say(key: MessageKey, params?: Params): void {
    setText(this.notice, key, params);
    this.notice.hidden = false;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice.hidden = true), NOTICE_MS);
  }

  dispose(): void {
    this.checker?.dispose();
    this.popup.dispose();
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    document.removeEventListener('mousedown', this.onDocMouseDown);
  }
}

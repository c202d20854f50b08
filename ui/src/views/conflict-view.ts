/**
 * A conflict side by side: for each place both sides changed (a field, or a run of body
 * blocks), the text before, the text here and the other side's, as plain text, and a choice
 * per place. Two sources use it: a sync conflict (the site's version; "Áp dụng" saves and
 * sends) and an edit merge (a version saved elsewhere while this one was being edited).
 * Radios and buttons only, so the keyboard does everything; Escape closes without deciding.
 */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import { toAppError } from '../backend/backend';
import { REMOTE_STATUSES } from '../backend/status-map';
import { ALL_STATUSES, statusKey, type MessageKey } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';

const FIELD_KEYS: Record<string, MessageKey> = {
  headline: 'conflict.field.headline',
  sapo: 'conflict.field.sapo',
  section: 'conflict.field.section',
  keywords: 'conflict.field.keywords',
  byline: 'conflict.field.byline',
  dateline: 'conflict.field.dateline',
  slug: 'conflict.field.slug',
  status: 'conflict.field.status',
  editor_note: 'conflict.field.editor_note',
  featured: 'conflict.field.featured',
  scheduled_at: 'conflict.field.scheduled_at',
  body: 'conflict.field.body',
};

type Wording = Record<'title' | 'intro' | 'base' | 'local' | 'remote' | 'keepLocal' | 'takeRemote' | 'allLocal' | 'allRemote', MessageKey>;
const WORDING: Record<ConflictKind, Wording> = {
  sync: {
    title: 'conflict.title',
    intro: 'conflict.intro',
    base: 'conflict.base',
    local: 'conflict.local',
    remote: 'conflict.remote',
    keepLocal: 'conflict.keepLocal',
    takeRemote: 'conflict.takeRemote',
    allLocal: 'conflict.allLocal',
    allRemote: 'conflict.allRemote',
  },
  edit: {
    title: 'conflict.edit.title',
    intro: 'conflict.edit.intro',
    base: 'conflict.edit.base',
    local: 'conflict.edit.local',
    remote: 'conflict.edit.remote',
    keepLocal: 'conflict.edit.keepLocal',
    takeRemote: 'conflict.edit.takeRemote',
    allLocal: 'conflict.edit.allLocal',
    allRemote: 'conflict.edit.allRemote',
  },
};

/** `sync`: the other side is the site's post; `edit`: a version saved elsewhere (CLI, pull). */
export type ConflictKind = 'sync' | 'edit';

export type ConflictSource = {
  kind: ConflictKind;
  /** The places to decide. */
  hunks: () => Promise<ConflictHunk[]>;
  /** One side per place, in order; false (or a rejection, shown) leaves the view open. */
  apply: (choices: ConflictSide[]) => Promise<boolean>;
  /** The view closed, decided or not: where the focus goes back to. */
  closed: () => void;
};

export class ConflictView {
  readonly element: HTMLElement;
  private readonly hunksHost: HTMLElement;
  private readonly remaining: HTMLElement;
  private readonly status: HTMLElement;
  private readonly apply: HTMLButtonElement;
  private readonly title: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly allLocal: HTMLButtonElement;
  private readonly allRemote: HTMLButtonElement;
  private choices: Array<ConflictSide | null> = [];
  private source: ConflictSource | null = null;
  /** Settles the promise `open` returned: true once applied, false when closed undecided. */
  private settle: ((applied: boolean) => void) | null = null;

  constructor() {
    const close = tr('button', 'app.close', { id: 'conflict-close', type: 'button', class: 'btn small quiet' });
    close.addEventListener('click', () => this.close());
    const allLocal = (this.allLocal = tr('button', 'conflict.allLocal', { id: 'conflict-all-local', type: 'button', class: 'btn small' }));
    allLocal.addEventListener('click', () => this.chooseAll('local'));
    const allRemote = (this.allRemote = tr('button', 'conflict.allRemote', { id: 'conflict-all-remote', type: 'button', class: 'btn small' }));
    allRemote.addEventListener('click', () => this.chooseAll('remote'));
    this.title = tr('h2', 'conflict.title', { id: 'conflict-title', class: 'panel-title' });
    this.intro = tr('p', 'conflict.intro', { class: 'hint' });
    this.apply = tr('button', 'conflict.apply', { id: 'conflict-apply', type: 'button', class: 'btn primary' });
    this.apply.addEventListener('click', () => void this.resolve());
    this.hunksHost = el('div', { class: 'conflict-hunks' });
    this.remaining = el('span', { class: 'conflict-remaining hint' });
    this.status = el('p', { id: 'conflict-status', class: 'panel-status', role: 'status', 'aria-live': 'polite' });
    this.element = el(
      'div',
      { id: 'conflict-view', class: 'conflict-view', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'conflict-title', hidden: true },
      el(
        'div',
        { class: 'conflict-card' },
        el('div', { class: 'popover-head' }, this.title, close),
        this.intro,
        el('div', { class: 'conflict-tools' }, allLocal, allRemote),
        this.hunksHost,
        this.status,
        el('div', { class: 'dialog-actions conflict-actions' }, this.remaining, this.apply),
      ),
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  private get wording(): Wording {
    return WORDING[this.source?.kind ?? 'sync'];
  }

  /** Shows `source`'s places; resolves true once its choices were applied, false if closed undecided. */
  open(source: ConflictSource): Promise<boolean> {
    this.settle?.(false);
    this.source = source;
    const w = this.wording;
    setText(this.title, w.title);
    setText(this.intro, w.intro);
    setText(this.allLocal, w.allLocal);
    setText(this.allRemote, w.allRemote);
    this.element.hidden = false;
    clear(this.hunksHost);
    this.choices = [];
    this.updateRemaining();
    setText(this.status, 'conflict.loading');
    const outcome = new Promise<boolean>((resolve) => (this.settle = resolve));
    source.hunks().then(
      (hunks) => {
        if (this.source === source) this.show(hunks);
      },
      (reason) => {
        if (this.source === source) setText(this.status, 'error.generic', { message: toAppError(reason).message });
      },
    );
    return outcome;
  }

  close(): void {
    this.finish(false);
  }

  private finish(applied: boolean): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    const [source, settle] = [this.source, this.settle];
    this.source = null;
    this.settle = null;
    settle?.(applied);
    source?.closed();
  }

  private show(hunks: ConflictHunk[]): void {
    clear(this.hunksHost);
    this.choices = hunks.map(() => null);
    hunks.forEach((hunk, i) => this.hunksHost.appendChild(this.hunk(hunk, i)));
    if (hunks.length === 0) setText(this.status, 'conflict.none');
    else {
      this.status.textContent = '';
      delete this.status.dataset.i18n;
    }
    this.updateRemaining();
    this.hunksHost.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  }

  private hunk(hunk: ConflictHunk, index: number): HTMLElement {
    const fieldKey = FIELD_KEYS[hunk.field];
    const fieldName = () => (fieldKey ? tr('span', fieldKey, { class: 'conflict-field' }) : el('span', { class: 'conflict-field' }, hunk.field));
    const legend = el('legend', { class: 'conflict-legend', 'data-field': hunk.field }, tr('span', 'conflict.hunk', {}, { number: index + 1 }), ' ', fieldName());
    const group = el('div', { class: 'conflict-choice', role: 'radiogroup' });
    if (fieldKey) setAttrText(group, 'aria-label', fieldKey);
    else group.setAttribute('aria-label', hunk.field);
    const side = (key: MessageKey, cls: string, texts: string[]) =>
      el('div', { class: `conflict-side ${cls}` }, tr('h4', key, { class: 'side-title' }), this.text(hunk.field, texts));
    const radio = (value: ConflictSide, key: MessageKey) => {
      const input = el('input', { type: 'radio', name: `conflict-${index}`, value, id: `conflict-${index}-${value}` });
      input.addEventListener('change', () => {
        this.choices[index] = value;
        this.updateRemaining();
      });
      return el('label', { class: 'check-row', for: input.id }, input, tr('span', key));
    };
    const w = this.wording;
    append(group, radio('local', w.keepLocal), radio('remote', w.takeRemote));
    return el(
      'fieldset',
      { class: 'conflict-hunk', 'data-index': index },
      legend,
      el(
        'div',
        { class: 'conflict-sides' },
        side(w.base, 'side-base', hunk.base),
        side(w.local, 'side-local', hunk.local),
        side(w.remote, 'side-remote', hunk.remote),
      ),
      group,
    );
  }

  /** Each block as a paragraph of text: nothing from either side is ever parsed as HTML. */
  private text(field: string, texts: string[]): HTMLElement {
    const box = el('div', { class: 'side-text' });
    const shown = texts.filter((s) => s.trim() !== '');
    if (shown.length === 0) box.appendChild(tr('p', 'conflict.empty', { class: 'hint' }));
    for (const s of shown) box.appendChild(this.value(field, s));
    return box;
  }

  /** A status by its name (the site's or the newsroom's), a time in Vietnam time, else the text. */
  private value(field: string, s: string): HTMLElement {
    const edit = this.source?.kind === 'edit';
    if (field === 'status' && !edit && (REMOTE_STATUSES as readonly string[]).includes(s)) return tr('p', `remote.${s as (typeof REMOTE_STATUSES)[number]}`);
    if (field === 'status' && edit && (ALL_STATUSES as readonly string[]).includes(s)) return tr('p', statusKey(s as ArticleStatus));
    if (field === 'scheduled_at' && !Number.isNaN(Date.parse(s))) return el('p', {}, formatVietnamTime(s));
    return el('p', {}, s);
  }

  private chooseAll(side: ConflictSide): void {
    this.choices = this.choices.map(() => side);
    this.hunksHost.querySelectorAll<HTMLInputElement>(`input[type=radio][value=${side}]`).forEach((r) => (r.checked = true));
    this.updateRemaining();
  }

  private updateRemaining(): void {
    const left = this.choices.filter((c) => c === null).length;
    if (left > 0) setText(this.remaining, 'conflict.remaining', { count: left });
    else {
      this.remaining.textContent = '';
      delete this.remaining.dataset.i18n;
    }
    this.apply.disabled = left > 0 || this.choices.length === 0;
  }

  private async resolve(): Promise<void> {
    const choices = this.choices.filter((c): c is ConflictSide => c !== null);
    const source = this.source;
    if (!source || choices.length !== this.choices.length || choices.length === 0) return;
    this.apply.disabled = true;
    try {
      if (await source.apply(choices)) {
        if (this.source === source) this.finish(true);
        return;
      }
    } catch (reason) {
      setText(this.status, 'conflict.failed', { message: toAppError(reason).message });
    }
    this.apply.disabled = false;
  }

  relabel(): void {
    relabel(this.element);
  }
}

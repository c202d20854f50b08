/**
 * A sync conflict side by side: for each place both sides changed (a field, or a run of body
 * blocks), the last synced text, the text here and the site's, as plain text, and a choice per
 * place. "Áp dụng" sends the choices; the merge is saved and sent. Radios and buttons only,
 * so the keyboard does everything; Escape closes without deciding.
 */
import type { ConflictHunk } from '../bindings/ConflictHunk';
import type { ConflictSide } from '../bindings/ConflictSide';
import { toAppError, type Backend } from '../backend/backend';
import { REMOTE_STATUSES } from '../backend/status-map';
import type { MessageKey } from '../i18n';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';

const FIELD_KEYS: Record<string, MessageKey> = {
  headline: 'conflict.field.headline',
  sapo: 'conflict.field.sapo',
  section: 'conflict.field.section',
  keywords: 'conflict.field.keywords',
  slug: 'conflict.field.slug',
  status: 'conflict.field.status',
  featured: 'conflict.field.featured',
  body: 'conflict.field.body',
};

export type ConflictCallbacks = {
  /** Saves pending edits first, so "ở đây" is what the person sees; false stops. */
  beforeResolve: () => Promise<boolean>;
  /** The merge was saved and sent: show the stored article. */
  resolved: () => Promise<void>;
  closed: () => void;
};

export class ConflictView {
  readonly element: HTMLElement;
  private readonly hunksHost: HTMLElement;
  private readonly remaining: HTMLElement;
  private readonly status: HTMLElement;
  private readonly apply: HTMLButtonElement;
  private choices: Array<ConflictSide | null> = [];

  constructor(private readonly backend: Backend, private readonly articleId: number, private readonly callbacks: ConflictCallbacks) {
    const close = tr('button', 'app.close', { id: 'conflict-close', type: 'button', class: 'btn small quiet' });
    close.addEventListener('click', () => this.close());
    const allLocal = tr('button', 'conflict.allLocal', { id: 'conflict-all-local', type: 'button', class: 'btn small' });
    allLocal.addEventListener('click', () => this.chooseAll('local'));
    const allRemote = tr('button', 'conflict.allRemote', { id: 'conflict-all-remote', type: 'button', class: 'btn small' });
    allRemote.addEventListener('click', () => this.chooseAll('remote'));
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
        el('div', { class: 'popover-head' }, tr('h2', 'conflict.title', { id: 'conflict-title', class: 'panel-title' }), close),
        tr('p', 'conflict.intro', { class: 'hint' }),
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

  async open(): Promise<void> {
    this.element.hidden = false;
    clear(this.hunksHost);
    setText(this.status, 'conflict.loading');
    try {
      const conflict = await this.backend.syncConflict(this.articleId);
      this.show(conflict?.hunks ?? []);
    } catch (reason) {
      setText(this.status, 'error.generic', { message: toAppError(reason).message });
    }
  }

  close(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.callbacks.closed();
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
    append(group, radio('local', 'conflict.keepLocal'), radio('remote', 'conflict.takeRemote'));
    return el(
      'fieldset',
      { class: 'conflict-hunk', 'data-index': index },
      legend,
      el(
        'div',
        { class: 'conflict-sides' },
        side('conflict.base', 'side-base', hunk.base),
        side('conflict.local', 'side-local', hunk.local),
        side('conflict.remote', 'side-remote', hunk.remote),
      ),
      group,
    );
  }

  /** Each block as a paragraph of text: nothing from either side is ever parsed as HTML. */
  private text(field: string, texts: string[]): HTMLElement {
    const box = el('div', { class: 'side-text' });
    const shown = texts.filter((s) => s.trim() !== '');
    if (shown.length === 0) box.appendChild(tr('p', 'conflict.empty', { class: 'hint' }));
    for (const s of shown) {
      const status = field === 'status' && (REMOTE_STATUSES as readonly string[]).includes(s);
      box.appendChild(status ? tr('p', `remote.${s as (typeof REMOTE_STATUSES)[number]}`) : el('p', {}, s));
    }
    return box;
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
    if (choices.length !== this.choices.length || choices.length === 0) return;
    this.apply.disabled = true;
    try {
      if (!(await this.callbacks.beforeResolve())) {
        this.apply.disabled = false;
        return;
      }
      await this.backend.resolveConflict(this.articleId, choices);
      await this.callbacks.resolved();
      this.close();
    } catch (reason) {
      setText(this.status, 'conflict.failed', { message: toAppError(reason).message });
      this.apply.disabled = false;
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

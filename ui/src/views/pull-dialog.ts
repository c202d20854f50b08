/**
 * "Lấy bài về": brings a site's posts waiting for review (and drafts) into the library, to be
 * reviewed offline. Choose the site and the statuses; progress comes through the call's
 * Channel; the summary (new / updated / unchanged / conflicts) is reported when it is done.
 */
import type { Endpoint } from '../bindings/Endpoint';
import type { PullSummary } from '../bindings/PullSummary';
import { toAppError, type Backend } from '../backend/backend';
import { append, clear, el, relabel, setText, tr } from './dom';

export type PullCallbacks = {
  /** The pull is done: the list should show what came in. */
  pulled: (summary: PullSummary) => void;
};

export class PullDialog {
  readonly element: HTMLElement;
  private readonly endpoint: HTMLSelectElement;
  private readonly statuses: HTMLInputElement[];
  private readonly start: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private running = false;

  constructor(private readonly backend: Backend, private readonly callbacks: PullCallbacks) {
    this.endpoint = el('select', { id: 'pull-endpoint' });
    const status = (value: string, key: 'pull.pending' | 'pull.draft') => {
      const input = el('input', { type: 'checkbox', id: `pull-status-${value}`, value, checked: true });
      return { input, label: el('label', { class: 'check-row', for: input.id }, input, tr('span', key)) };
    };
    const pending = status('pending', 'pull.pending');
    const draft = status('draft', 'pull.draft');
    this.statuses = [pending.input, draft.input];
    this.start = tr('button', 'pull.start', { id: 'pull-start', type: 'button', class: 'btn primary' });
    this.start.addEventListener('click', () => void this.run());
    const close = tr('button', 'app.close', { type: 'button', class: 'btn small quiet', id: 'pull-close' });
    close.addEventListener('click', () => this.close());
    this.progress = el('progress', { id: 'pull-progress', max: 1, value: 0, hidden: true });
    this.status = el('p', { id: 'pull-status', class: 'hint', role: 'status', 'aria-live': 'polite' });
    this.element = el(
      'div',
      { id: 'pull-dialog', class: 'popover pull-dialog', role: 'dialog', 'aria-labelledby': 'pull-title', hidden: true },
      el('div', { class: 'popover-head' }, tr('h2', 'pull.title', { class: 'panel-title', id: 'pull-title' }), close),
      el('div', { class: 'field' }, tr('label', 'pull.endpoint', { for: this.endpoint.id, class: 'field-label' }), this.endpoint),
      el('fieldset', { class: 'field plain-fieldset' }, tr('legend', 'pull.statuses', { class: 'field-label' }), pending.label, draft.label),
      el('div', { class: 'dialog-actions' }, this.start, this.progress),
      this.status,
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  async open(): Promise<void> {
    this.element.hidden = false;
    if (!this.running) {
      this.progress.hidden = true;
      this.clearStatus();
    }
    let endpoints: Endpoint[] = [];
    try {
      endpoints = await this.backend.listEndpoints();
    } catch (reason) {
      setText(this.status, 'pull.failed', { message: toAppError(reason).message });
    }
    const chosen = this.endpoint.value;
    clear(this.endpoint);
    for (const e of endpoints) append(this.endpoint, el('option', { value: e.id }, e.name));
    if (endpoints.some((e) => String(e.id) === chosen)) this.endpoint.value = chosen;
    this.endpoint.disabled = endpoints.length === 0;
    this.start.disabled = endpoints.length === 0 || this.running;
    if (endpoints.length === 0) setText(this.status, 'pull.noEndpoint');
    (endpoints.length ? this.endpoint : this.element.querySelector<HTMLElement>('#pull-close'))?.focus();
  }

  close(): void {
    this.element.hidden = true;
  }

  private clearStatus(): void {
    this.status.textContent = '';
    delete this.status.dataset.i18n;
  }

  private async run(): Promise<void> {
    const statuses = this.statuses.filter((s) => s.checked).map((s) => s.value);
    if (statuses.length === 0) {
      setText(this.status, 'pull.noStatus');
      return;
    }
    this.running = true;
    this.start.disabled = true;
    this.progress.hidden = false;
    this.progress.value = 0;
    setText(this.status, 'pull.starting');
    try {
      const summary = await this.backend.pullPosts(Number(this.endpoint.value), statuses, ({ done, total }) => {
        this.progress.max = Math.max(1, total);
        this.progress.value = done;
        setText(this.status, 'pull.progress', { done, total });
      });
      setText(this.status, 'pull.summary', { ...summary });
      this.callbacks.pulled(summary);
    } catch (reason) {
      setText(this.status, 'pull.failed', { message: toAppError(reason).message });
    } finally {
      this.running = false;
      this.start.disabled = false;
      this.progress.hidden = true;
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

/**
 * The status select. Remembers the stored status and the one shown, so a change that may not
 * be sent (submitting with incomplete figures) goes back to what was there before.
 */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import { ALL_STATUSES, statusKey } from '../i18n';
import { append, el, tr } from './dom';

export class StatusField {
  readonly element: HTMLSelectElement;
  private saved: ArticleStatus;
  private shown: ArticleStatus;

  /** `allow` may refuse a change (and say why on screen); `send` saves an allowed one. */
  constructor(status: ArticleStatus, allow: (next: ArticleStatus, saved: ArticleStatus) => boolean, send: (status: ArticleStatus) => void) {
    this.element = el('select', { id: 'status' });
    for (const s of ALL_STATUSES) append(this.element, tr('option', statusKey(s), { value: s }));
    this.saved = this.shown = this.element.value = status;
    this.element.addEventListener('change', () => {
      const next = this.value;
      if (!allow(next, this.saved)) {
        this.element.value = this.shown;
        return;
      }
      this.shown = next;
      send(next);
    });
  }

  get value(): ArticleStatus {
    return this.element.value as ArticleStatus;
  }

  /** A stored article: shows its status (open, reload, restore). */
  fill(status: ArticleStatus): void {
    this.saved = this.shown = this.element.value = status;
  }

  /** A save went through with this status. */
  stored(status: ArticleStatus): void {
    this.saved = status;
  }

  /** The backend refused the status change: show the stored one again. */
  refused(): void {
    this.shown = this.element.value = this.saved;
  }
}

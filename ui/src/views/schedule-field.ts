/**
 * "Giờ đăng" of a scheduled article (Hẹn giờ): a date and time in Vietnam time (UTC+7, the
 * newsroom's clock whatever the laptop says), sent to Rust as RFC 3339 UTC.
 */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import { fromVietnamInput, toVietnamInput } from '../text/time';
import { el, tr } from './dom';

export class ScheduleField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;

  /** `change` gets the time as RFC 3339 UTC, or '' when it was cleared. */
  constructor(change: (scheduledAt: string) => void) {
    this.input = el('input', { id: 'scheduled-at', type: 'datetime-local', step: 60 });
    this.input.addEventListener('change', () => change(fromVietnamInput(this.input.value)));
    this.element = el(
      'div',
      { class: 'field field-scheduled', hidden: true },
      el('div', { class: 'field-head' }, tr('label', 'editor.scheduledAt', { for: this.input.id, class: 'field-label' })),
      this.input,
      tr('p', 'editor.scheduledHint', { class: 'hint' }),
    );
  }

  /** The stored time (open, reload, restore). */
  fill(scheduledAt: string | null): void {
    this.input.value = toVietnamInput(scheduledAt);
  }

  /** Shown while the status is Hẹn giờ. */
  showFor(status: ArticleStatus): void {
    this.element.hidden = status !== 'scheduled';
  }

  /** What the field holds, as the patch sends it. */
  get value(): string {
    return fromVietnamInput(this.input.value);
  }
}

/**
 * The top bar's "Đang gửi 2/5…" while the outbox worker sends (announced politely), gone
 * when it is done; a job that fails or meets a conflict is reported as a notice.
 */
import type { SyncProgress } from '../bindings/SyncProgress';
import { t } from '../i18n';
import { el, setText } from './dom';

/** The worker says nothing once it is idle; it starts the next job at once, so a short quiet means done. */
const IDLE_MS = 600;

export class SyncProgressIndicator {
  readonly element: HTMLElement;
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly notify: (message: string) => void) {
    this.element = el('span', { id: 'sync-progress', class: 'sync-progress', role: 'status', 'aria-live': 'polite', hidden: true });
  }

  update(p: SyncProgress): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const headline = p.headline || t('library.untitled');
    if (p.phase === 'sending') {
      const current = p.done + 1;
      setText(this.element, 'syncProgress.sending', { done: current, total: Math.max(p.total, current) });
      this.element.hidden = false;
      return;
    }
    if (p.phase === 'failed') this.notify(t('syncProgress.failed', { headline }));
    if (p.phase === 'conflict') this.notify(t('syncProgress.conflict', { headline }));
    // The total counts jobs that wait for a person too, so "done" may never reach it.
    if (p.done >= p.total) this.hide();
    else this.idle = setTimeout(() => this.hide(), IDLE_MS);
  }

  private hide(): void {
    this.element.hidden = true;
    this.element.textContent = '';
    delete this.element.dataset.i18n;
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
  }
}

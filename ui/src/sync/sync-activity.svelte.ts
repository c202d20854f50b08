/**
 * The outbox worker's progress for the top bar: "Đang gửi 2/5…" while it sends, nothing once
 * it is done; a job that fails or meets a conflict is reported as a notice.
 */
import type { SyncProgress } from '../bindings/SyncProgress';
import type { I18n } from '../i18n';

/** The worker says nothing once it is idle; it starts the next job at once, so a short quiet means done. */
const IDLE_MS = 600;

export class SyncActivity {
  /** Sending job `done` of `total` (1-based), or null when nothing is being sent. */
  sending = $state.raw<{ done: number; total: number } | null>(null);
  private idle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly notify: (message: string) => void, private readonly i18n: I18n) {}

  update(p: SyncProgress): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const headline = p.headline || this.i18n.t('library.untitled');
    if (p.phase === 'sending') {
      const current = p.done + 1;
      this.sending = { done: current, total: Math.max(p.total, current) };
      return;
    }
    if (p.phase === 'failed') this.notify(this.i18n.t('syncProgress.failed', { headline }));
    if (p.phase === 'conflict') this.notify(this.i18n.t('syncProgress.conflict', { headline }));
    // The total counts jobs that wait for a person too, so "done" may never reach it.
    if (p.done >= p.total) this.sending = null;
    else this.idle = setTimeout(() => (this.sending = null), IDLE_MS);
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
  }
}

/**
 * Transient notices in the top bar: one at a time, announced politely, gone by themselves.
 * Errors stay longer than confirmations; showing the same message again restarts its clock.
 */
export type NoticeKind = 'info' | 'error';
/** A button in the notice ("Hoàn tác"): it runs once, and the notice goes. */
export type NoticeAction = { label: string; run: () => void };
export type Notice = { id: number; message: string; kind: NoticeKind; action?: NoticeAction };

const SHOWN_MS: Record<NoticeKind, number> = { info: 4000, error: 6000 };
/** Long enough to read the notice and reach its button. */
const ACTION_MS = 10000;

export class Notices {
  current = $state<Notice | null>(null);
  private next = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  show(message: string, kind: NoticeKind = 'error', action?: NoticeAction): void {
    if (this.timer) clearTimeout(this.timer);
    const notice: Notice = { id: this.next++, message, kind, ...(action ? { action } : {}) };
    this.current = notice;
    this.timer = setTimeout(() => this.dismiss(notice.id), action ? ACTION_MS : SHOWN_MS[kind]);
  }

  /** The notice's button: runs its action once and closes it. */
  act(): void {
    const action = this.current?.action;
    this.dismiss();
    action?.run();
  }

  dismiss(id?: number): void {
    if (id !== undefined && this.current?.id !== id) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }
}

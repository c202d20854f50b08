/**
 * Transient notices in the top bar: one at a time, announced politely, gone by themselves.
 * Errors stay longer than confirmations; showing the same message again restarts its clock.
 */
export type NoticeKind = 'info' | 'error';
export type Notice = { id: number; message: string; kind: NoticeKind };

const SHOWN_MS: Record<NoticeKind, number> = { info: 4000, error: 6000 };

export class Notices {
  current = $state<Notice | null>(null);
  private next = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  show(message: string, kind: NoticeKind = 'error'): void {
    if (this.timer) clearTimeout(this.timer);
    const notice = { id: this.next++, message, kind };
    this.current = notice;
    this.timer = setTimeout(() => this.dismiss(notice.id), SHOWN_MS[kind]);
  }

  dismiss(id?: number): void {
    if (id !== undefined && this.current?.id !== id) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }
}

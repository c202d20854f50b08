/**
 * The editor's short notice (a paste converted, fixes applied, a word added): one at a time,
 * kept as a message key so a language switch relabels it, gone by itself after a while.
 */
import type { MessageKey, Params } from '../i18n';

export type NoticeMessage = { id: number; key: MessageKey; params?: Params };

export const NOTICE_MS = 8000;

export class TransientNotice {
  current = $state.raw<NoticeMessage | null>(null);
  private next = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Shows the message; saying something again restarts the clock. */
  say(key: MessageKey, params?: Params): void {
    this.clearTimer();
    const message: NoticeMessage = { id: this.next++, key, params };
    this.current = message;
    this.timer = setTimeout(() => {
      if (this.current?.id === message.id) this.current = null;
      this.timer = null;
    }, NOTICE_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.clearTimer();
  }
}

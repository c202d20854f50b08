/**
 * The editor's short notice (a paste converted, fixes applied, a word added): one at a time,
 * kept as a message key so a language switch relabels it, gone by itself after a while.
 */
import type { MessageKey, Params } from '../i18n';

/** A button in the notice (e.g. "Chọn ảnh…"); pressing it closes the notice. */
export type NoticeAction = { key: MessageKey; run: () => void };
export type NoticeMessage = { id: number; key: MessageKey; params?: Params; action?: NoticeAction };

export const NOTICE_MS = 8000;

export class TransientNotice {
  current = $state.raw<NoticeMessage | null>(null);
  private next = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Shows the message; saying something again restarts the clock. */
  say(key: MessageKey, params?: Params, action?: NoticeAction): void {
    this.clearTimer();
    const message: NoticeMessage = { id: this.next++, key, params, ...(action ? { action } : {}) };
    this.current = message;
    this.timer = setTimeout(() => {
      if (this.current?.id === message.id) this.current = null;
      this.timer = null;
    }, NOTICE_MS);
  }

  /** The notice's button: closes it and runs its action. */
  act(): void {
    const action = this.current?.action;
    this.clearTimer();
    this.current = null;
    action?.run();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.clearTimer();
  }
}

/**
 * The state of the one finding popup: which finding, where (below its text, kept inside the
 * window), how it was opened (that decides what closes it), a short note, a focus request.
 */
import type { MessageKey, Params } from '../i18n';
import type { Finding } from './findings-plugin';

/** A pointer popup closes when the pointer leaves, a cursor one when the cursor does; pinned stays. */
export type OpenedBy = 'pointer' | 'cursor' | 'pinned';
export type Anchor = { left: number; top: number; bottom: number };
export type Size = { width: number; height: number };

const HIDE_DELAY_MS = 250;
const MARGIN = 4;

/** Below the anchor, or above it when there is no room below; never outside the window. */
export function placePopup(anchor: Anchor, popup: Size, window: Size): { left: number; top: number } {
  const clamp = (value: number, max: number) => Math.round(Math.max(MARGIN, Math.min(value, max - MARGIN)));
  const below = anchor.bottom + MARGIN;
  const above = anchor.top - MARGIN - popup.height;
  const top = below + popup.height > window.height - MARGIN && above >= MARGIN ? above : below;
  return { left: clamp(anchor.left, window.width - popup.width), top: clamp(top, window.height - popup.height) };
}

export class FindingPopupState {
  /** The finding shown; null while the popup is closed. */
  finding = $state.raw<Finding | null>(null);
  openedBy = $state<OpenedBy | null>(null);
  anchor = $state.raw<Anchor | null>(null);
  note = $state.raw<{ key: MessageKey; params?: Params } | null>(null);
  /** Bumped when the popup's first action should take the focus (keyboard opening). */
  focusRequest = $state(0);
  private hideTimer: ReturnType<typeof setTimeout> | null = null;

  /** Shows `finding` below `anchor` (null: where it was); `focus` moves focus to its first action. */
  show(finding: Finding, anchor: Anchor | null, via: OpenedBy, focus = false): void {
    this.cancelHide();
    const wasOpen = this.finding !== null;
    if (!wasOpen || this.finding!.id !== finding.id) this.note = null;
    // A pinned popup (opened from the panel or by keyboard) is not closed by the pointer.
    if (!wasOpen || via === 'pinned' || this.openedBy !== 'pinned') this.openedBy = via;
    this.finding = finding;
    if (anchor) this.anchor = { left: anchor.left, top: anchor.top, bottom: anchor.bottom };
    if (focus) this.focusRequest++;
  }

  /** Shows a short note under the actions (the text changed meanwhile). */
  say(key: MessageKey, params?: Params): void {
    this.note = { key, params };
  }

  hideSoon(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  hide(): void {
    this.cancelHide();
    this.finding = null;
    this.openedBy = null;
    this.note = null;
  }

  dispose(): void {
    this.cancelHide();
  }
}

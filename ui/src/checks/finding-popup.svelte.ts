/**
 * The state of the one finding popup: which finding, where (below its text, or above it, kept
 * inside the writing area), how it was opened (that decides what closes it), a short note, a
 * focus request. Where its text is can be asked again, so the popup follows it as it scrolls.
 */
import type { MessageKey, Params } from '../i18n';
import type { Finding } from './findings-plugin';

/** A pointer popup closes when the pointer leaves, a cursor one when the cursor does; pinned stays. */
export type OpenedBy = 'pointer' | 'cursor' | 'pinned';
export type Anchor = { left: number; top: number; bottom: number };
/** Where the finding's text is on screen now; null when it is gone. */
export type Locate = () => Anchor | null;
export type Size = { width: number; height: number };
/** What the popup may cover: below the editor's bars (`top`), above `bottom`, `width` wide. */
export type Area = { top: number; bottom: number; width: number };

const HIDE_DELAY_MS = 250;
const MARGIN = 4;

/**
 * Below the anchor, or above it when only there it fits (else on the roomier side); never
 * outside the area, and never over its top (the editor's bars) even if the bottom is cut.
 */
export function placePopup(anchor: Anchor, popup: Size, area: Area): { left: number; top: number } {
  const top = area.top + MARGIN;
  const bottom = area.bottom - MARGIN;
  const below = anchor.bottom + MARGIN;
  const above = anchor.top - MARGIN - popup.height;
  const fitsBelow = below + popup.height <= bottom;
  const fitsAbove = above >= top;
  const y = fitsBelow || (!fitsAbove && bottom - anchor.bottom >= anchor.top - top) ? below : above;
  const left = Math.max(MARGIN, Math.min(anchor.left, area.width - MARGIN - popup.width));
  return { left: Math.round(left), top: Math.round(Math.max(top, Math.min(y, bottom - popup.height))) };
}

/** The text is out of the area (scrolled under the bars or below the window). */
export function outOfSight(anchor: Anchor, area: Area): boolean {
  return anchor.bottom < area.top || anchor.top > area.bottom;
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
  private locate: Locate | null = null;

  /** Shows `finding` by its text, which `locate` finds (null: where it was); `focus` moves focus to its first action. */
  show(finding: Finding, locate: Locate | null, via: OpenedBy, focus = false): void {
    this.cancelHide();
    const wasOpen = this.finding !== null;
    if (!wasOpen || this.finding!.id !== finding.id) this.note = null;
    // A pinned popup (opened from the panel or by keyboard) is not closed by the pointer.
    if (!wasOpen || via === 'pinned' || this.openedBy !== 'pinned') this.openedBy = via;
    this.finding = finding;
    if (locate) {
      this.locate = locate;
      this.relocate();
    }
    if (focus) this.focusRequest++;
  }

  /** Asks again where the text is (it scrolled, the window changed); false when it is gone. */
  relocate(): boolean {
    const anchor = this.finding && this.locate?.();
    if (!anchor) return false;
    this.anchor = { left: anchor.left, top: anchor.top, bottom: anchor.bottom };
    return true;
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
    this.locate = null;
    this.finding = null;
    this.openedBy = null;
    this.note = null;
  }

  dispose(): void {
    this.cancelHide();
  }
}

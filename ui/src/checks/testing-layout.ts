/**
 * For tests: jsdom has no layout, and the underline layer draws from the page's boxes. This gives
 * the body's text a made-up one (each text node a line of its own, 20 px high, a character 10 px
 * wide), enough to draw the underlines and to point at them as a user would.
 */
import { vi } from 'vitest';
import type { EditorView } from 'prosemirror-view';
import { findingById } from './findings-plugin';

const lineOf = new WeakMap<Node, number>();
let lines = 0;

function line(node: Node): number {
  let at = lineOf.get(node);
  if (at === undefined) lineOf.set(node, (at = lines++));
  return at;
}

/** Installs the made-up layout (call in beforeEach; `vi.restoreAllMocks` and `unfakeTextLayout` take it down). */
export function fakeTextLayout(): void {
  const elementRects = Element.prototype.getClientRects;
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    // The editor is on screen (jsdom reports no box for any element).
    if (this.classList.contains('ProseMirror')) return [new DOMRect(0, 0, 800, 1000)] as unknown as DOMRectList;
    return elementRects.call(this);
  });
  Range.prototype.getClientRects = function (this: Range) {
    const start = this.startContainer;
    const length = start === this.endContainer ? this.endOffset - this.startOffset : (start.textContent ?? '').length - this.startOffset;
    return [new DOMRect(this.startOffset * 10, line(start) * 20, Math.max(length, 1) * 10, 20)] as unknown as DOMRectList;
  };
}

export function unfakeTextLayout(): void {
  delete (Range.prototype as Partial<Range>).getClientRects;
}

/** Lets the underline layer draw (it draws once a frame). */
export async function drawUnderlines(): Promise<void> {
  if (vi.isFakeTimers()) vi.advanceTimersToNextFrame();
  else await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The middle of an underline's first line, in the window. */
export function pointOf(underline: HTMLElement): { clientX: number; clientY: number } {
  const piece = underline.querySelector<HTMLElement>('.finding-piece');
  if (!piece) throw new Error('the underline has no line drawn');
  const [x, y] = (underline.style.transform.match(/-?[\d.]+/g) ?? ['0', '0']).map(Number);
  const px = (v: string) => parseFloat(v);
  return {
    clientX: x! + px(piece.style.left) + px(piece.style.width) / 2,
    clientY: y! + px(piece.style.top) + px(piece.style.height) / 2,
  };
}

/** The pointer moves over the underline's words (`mousemove`), or clicks them. */
export function pointAt(view: EditorView, underline: HTMLElement, type: 'mousemove' | 'click' = 'mousemove'): void {
  view.dom.dispatchEvent(new MouseEvent(type, { bubbles: true, ...pointOf(underline) }));
}

/** The text an underline's finding covers now; null when the finding is gone (a stale underline). */
export function underlinedText(view: EditorView, underline: HTMLElement): string | null {
  const at = findingById(view.state, underline.dataset.findingId!);
  return at ? view.state.doc.textBetween(at.from, at.to) : null;
}

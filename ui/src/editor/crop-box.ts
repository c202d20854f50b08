/**
 * The free crop: a frame over the picture (as shown, uncropped), with handles on its corners and
 * edges. With the mouse, drag inside to move it and a handle to resize it; with the keyboard
 * (the frame takes the focus), arrows move it, Shift+arrows resize it, Enter applies, Escape
 * cancels. "Apply" hands the rectangle back, "Cancel" drops it; it never leaves the picture.
 */
import type { CropRect } from '../bindings/CropRect';
import type { I18n } from '../i18n';
import { FULL_FRAME, moveCrop, resizeCrop, type Handle } from './crop';
import { el, NodeLabels } from './node-dom.svelte';

const CORNERS: Handle[] = ['nw', 'ne', 'sw', 'se'];
const EDGES: Handle[] = ['n', 'e', 's', 'w'];
/** One key press moves or resizes the frame by 1 % of the picture. */
export const KEY_STEP = 0.01;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export class CropBox {
  readonly element: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly labels: NodeLabels;
  private rect: CropRect;
  private drag: { handle: Handle | null; x: number; y: number; start: CropRect } | null = null;

  constructor(
    i18n: I18n,
    initial: CropRect | null,
    /** The picture on screen: pointer moves become fractions of it. */
    private readonly area: () => DOMRect,
    private readonly done: (rect: CropRect | null) => void,
  ) {
    const labels = (this.labels = new NodeLabels(i18n));
    this.rect = initial ?? { x: 0.1, y: 0.1, width: 0.8, height: 0.8 };
    const handle = (h: Handle, cls: string) => el('span', { class: `${cls} crop-${h}`, 'data-handle': h, 'aria-hidden': 'true' });
    this.frame = el(
      'div',
      { class: 'crop-frame', tabindex: 0, role: 'group' },
      ...CORNERS.map((h) => handle(h, 'crop-handle')),
      ...EDGES.map((h) => handle(h, 'crop-edge')),
    );
    labels.attr(this.frame, 'aria-label', 'figure.cropFrameLabel');
    const apply = labels.text(el('button', { type: 'button', class: 'btn small primary crop-apply' }), 'figure.cropApply');
    const cancel = labels.text(el('button', { type: 'button', class: 'btn small crop-cancel' }), 'figure.cropCancel');
    const whole = labels.text(el('button', { type: 'button', class: 'btn small crop-whole' }), 'figure.cropWhole');
    apply.addEventListener('click', () => done(this.value));
    cancel.addEventListener('click', () => done(null));
    whole.addEventListener('click', () => this.set({ ...FULL_FRAME }));
    const hint = labels.text(el('span', { class: 'crop-hint' }), 'figure.cropHint');
    this.element = el('div', { class: 'crop-box' }, this.frame, el('div', { class: 'crop-actions' }, hint, whole, cancel, apply));
    this.frame.addEventListener('pointerdown', (e) => this.start(e));
    this.frame.addEventListener('pointermove', (e) => this.move(e));
    this.frame.addEventListener('pointerup', (e) => this.end(e));
    this.frame.addEventListener('pointercancel', (e) => this.end(e));
    this.frame.addEventListener('keydown', (e) => this.key(e));
    this.place();
  }

  /** The frame takes the keyboard (once the box is on screen). */
  focus(): void {
    this.frame.focus({ preventScroll: true });
  }

  /** Takes the box off the picture (applied, cancelled, or the figure gone). */
  destroy(): void {
    this.element.remove();
    this.labels.destroy();
  }

  get value(): CropRect {
    return { ...this.rect };
  }

  private set(rect: CropRect): void {
    this.rect = rect;
    this.place();
  }

  private place(): void {
    const { x, y, width, height } = this.rect;
    const s = this.frame.style;
    s.left = `${x * 100}%`;
    s.top = `${y * 100}%`;
    s.width = `${width * 100}%`;
    s.height = `${height * 100}%`;
    // The rectangle as it would be stored, for tests and assistive tools that read attributes.
    this.frame.dataset.crop = [x, y, width, height].join(',');
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const arrow = ARROWS[e.key];
    if (arrow) {
      const [dx, dy] = [arrow[0] * KEY_STEP, arrow[1] * KEY_STEP];
      // Shift resizes from the bottom-right corner: right/down grow, left/up shrink.
      this.set(e.shiftKey ? resizeCrop(this.rect, 'se', dx, dy) : moveCrop(this.rect, dx, dy));
    } else if (e.key === 'Enter') {
      this.done(this.value);
    } else if (e.key === 'Escape') {
      this.done(null);
    } else {
      return;
    }
    // Handled here: neither the editor nor the window's shortcuts see it.
    e.preventDefault();
    e.stopPropagation();
  }

  private start(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    this.focus();
    const target = e.target as HTMLElement;
    const handle = (target.dataset.handle as Handle | undefined) ?? null;
    this.drag = { handle, x: e.clientX, y: e.clientY, start: { ...this.rect } };
    this.frame.setPointerCapture?.(e.pointerId);
  }

  private move(e: PointerEvent): void {
    if (!this.drag) return;
    const box = this.area();
    if (box.width <= 0 || box.height <= 0) return;
    const dx = (e.clientX - this.drag.x) / box.width;
    const dy = (e.clientY - this.drag.y) / box.height;
    const { start, handle } = this.drag;
    this.set(handle ? resizeCrop(start, handle, dx, dy) : moveCrop(start, dx, dy));
  }

  private end(e: PointerEvent): void {
    if (!this.drag) return;
    this.drag = null;
    this.frame.releasePointerCapture?.(e.pointerId);
  }
}

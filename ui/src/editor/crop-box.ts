/**
 * The free crop: a rectangle with corner handles over the whole picture (as shown). Drag inside
 * to move it, drag a corner to resize; "Apply" hands the rectangle back, "Cancel" drops it.
 */
import type { CropRect } from '../bindings/CropRect';
import type { I18n } from '../i18n';
import { FULL_FRAME, moveCrop, resizeCrop, type Corner } from './crop';
import { el, NodeLabels } from './node-dom.svelte';

const CORNERS: Corner[] = ['nw', 'ne', 'sw', 'se'];

export class CropBox {
  readonly element: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly labels: NodeLabels;
  private rect: CropRect;
  private drag: { corner: Corner | null; x: number; y: number; start: CropRect } | null = null;

  constructor(
    i18n: I18n,
    initial: CropRect | null,
    private readonly area: () => DOMRect,
    done: (rect: CropRect | null) => void,
  ) {
    const labels = (this.labels = new NodeLabels(i18n));
    this.rect = initial ?? { x: 0.1, y: 0.1, width: 0.8, height: 0.8 };
    const handles = CORNERS.map((corner) => el('span', { class: `crop-handle crop-${corner}`, 'data-corner': corner }));
    this.frame = el('div', { class: 'crop-frame' }, ...handles);
    const apply = labels.text(el('button', { type: 'button', class: 'btn small primary crop-apply' }), 'figure.cropApply');
    const cancel = labels.text(el('button', { type: 'button', class: 'btn small crop-cancel' }), 'figure.cropCancel');
    const whole = labels.text(el('button', { type: 'button', class: 'btn small crop-whole' }), 'figure.cropWhole');
    apply.addEventListener('click', () => done(this.rect));
    cancel.addEventListener('click', () => done(null));
    whole.addEventListener('click', () => {
      this.rect = { ...FULL_FRAME };
      this.place();
    });
    const hint = labels.text(el('span', { class: 'crop-hint' }), 'figure.cropHint');
    this.element = el('div', { class: 'crop-box' }, this.frame, el('div', { class: 'crop-actions' }, hint, whole, cancel, apply));
    this.frame.addEventListener('pointerdown', (e) => this.start(e));
    this.frame.addEventListener('pointermove', (e) => this.move(e));
    this.frame.addEventListener('pointerup', (e) => this.end(e));
    this.frame.addEventListener('pointercancel', (e) => this.end(e));
    this.place();
  }

  /** Takes the box off the picture (applied, cancelled, or the figure gone). */
  destroy(): void {
    this.element.remove();
    this.labels.destroy();
  }

  get value(): CropRect {
    return { ...this.rect };
  }

  private place(): void {
    const { x, y, width, height } = this.rect;
    const s = this.frame.style;
    s.left = `${x * 100}%`;
    s.top = `${y * 100}%`;
    s.width = `${width * 100}%`;
    s.height = `${height * 100}%`;
  }

  private start(e: PointerEvent): void {
    e.preventDefault();
    const target = e.target as HTMLElement;
    const corner = (target.dataset.corner as Corner | undefined) ?? null;
    this.drag = { corner, x: e.clientX, y: e.clientY, start: { ...this.rect } };
    this.frame.setPointerCapture?.(e.pointerId);
  }

  private move(e: PointerEvent): void {
    if (!this.drag) return;
    const box = this.area();
    if (box.width <= 0 || box.height <= 0) return;
    const dx = (e.clientX - this.drag.x) / box.width;
    const dy = (e.clientY - this.drag.y) / box.height;
    const { start, corner } = this.drag;
    this.rect = corner ? resizeCrop(start, corner, dx, dy) : moveCrop(start, dx, dy);
    this.place();
  }

  private end(e: PointerEvent): void {
    if (!this.drag) return;
    this.drag = null;
    this.frame.releasePointerCapture?.(e.pointerId);
  }
}

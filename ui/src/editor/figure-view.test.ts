// A figure's picture tools in the editor: the free crop (over exactly the picture, with the
// mouse and with the keyboard) and quarter turns that keep a crop's shape.
import { NodeSelection, TextSelection } from 'prosemirror-state';
import { undoDepth } from 'prosemirror-history';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageLook } from '../backend/backend';
import type { CropRect } from '../bindings/CropRect';
import type { MediaItem } from '../bindings/MediaItem';
import type { PmNode } from '../bindings/PmNode';
import { I18n } from '../i18n';
import { BodyEditor } from './body-editor';
import { CROP_RATIOS, presetCrop } from './crop';
import { KEY_STEP } from './crop-box';

const PHOTO = { width: 6000, height: 4000 };

const media = (id: number): MediaItem => ({
  id, hash: 'h', format: 'jpeg', ...PHOTO, bytes: 1, original_name: 'a.jpg', caption: '', credit: '',
  by_line: '', copyright: '', keywords: [], date_taken: null, camera: null, had_gps: false, imported_at: '',
});

const figureDoc = (crop: CropRect | null, rotation = 0): PmNode => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Mở đầu' }] },
    {
      type: 'figure',
      attrs: { media_id: 7, credit: 'Ảnh: Minh Châu', alt: 'Cầu Rồng', crop, rotation },
      content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Cầu Rồng phun lửa' }] }],
    },
  ],
});

/** Editors made by a test, destroyed after it: a live view's DOM observer would otherwise fire after the page is gone. */
const mounted: BodyEditor[] = [];

function mount(doc: PmNode, mediaInfo: (id: number) => Promise<MediaItem> = async (id) => media(id)) {
  const host = document.body.appendChild(document.createElement('div'));
  const imageSource = (id: number, look: ImageLook) => `media://localhost/${id}/web?${JSON.stringify(look)}`;
  const editor = new BodyEditor(host, { doc, i18n: new I18n('vi'), figures: { mediaInfo, imageSource } });
  mounted.push(editor);
  const dom = editor.view.dom;
  const q = <T extends HTMLElement = HTMLElement>(selector: string) => dom.querySelector<T>(selector)!;
  const attrs = () => editor.toJSON().content![1]!.attrs as { crop: CropRect | null; rotation: number };
  return { editor, dom, q, attrs };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Width over height of a crop on screen, for the 6000×4000 photo at `rotation`. */
const shownRatio = (crop: CropRect, rotation: number) =>
  rotation % 2 ? (crop.width * PHOTO.height) / (crop.height * PHOTO.width) : (crop.width * PHOTO.width) / (crop.height * PHOTO.height);

/** Equal to a millionth (crops are stored rounded to that). */
function expectCrop(actual: CropRect | null, expected: CropRect): void {
  expect(actual).not.toBeNull();
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual![k]).toBeCloseTo(expected[k], 5);
}

const key = (target: Element, k: string, shiftKey = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));

const Pointer = (globalThis.PointerEvent ?? MouseEvent) as typeof MouseEvent;
const pointer = (target: Element, type: string, clientX: number, clientY: number) =>
  target.dispatchEvent(new Pointer(type, { clientX, clientY, button: 0, bubbles: true, cancelable: true }));

afterEach(async () => {
  vi.restoreAllMocks();
  for (const editor of mounted.splice(0)) editor.destroy();
  document.body.textContent = '';
  // A view stopped with DOM changes pending flushes them 20 ms later: let that run while the page exists.
  await new Promise((resolve) => setTimeout(resolve, 30));
});

describe('turning a cropped figure', () => {
  it('keeps a 16:9 crop 16:9 (not 9:16), as the preset of the turned picture, and comes back after four turns', async () => {
    const { q, attrs } = mount(figureDoc(null));
    q('.figure-crop[data-ratio="16:9"]').click();
    await tick();
    const preset = attrs().crop!;
    expect(preset).toEqual(presetCrop(CROP_RATIOS['16:9'], PHOTO.width, PHOTO.height, 0));

    q('.figure-rotate').click();
    expect(attrs().rotation).toBe(1);
    expectCrop(attrs().crop, presetCrop(CROP_RATIOS['16:9'], PHOTO.width, PHOTO.height, 1));
    expect(shownRatio(attrs().crop!, 1)).toBeCloseTo(16 / 9, 4);
    for (let turn = 2; turn <= 4; turn++) {
      q('.figure-rotate').click();
      expect(shownRatio(attrs().crop!, turn)).toBeCloseTo(16 / 9, 4);
    }
    expect(attrs().rotation).toBe(0);
    expectCrop(attrs().crop, preset);
  });

  it('turns a crop made earlier once the photo size is known: same shape and share, centred where it was', async () => {
    // 1500×1000 px (3:2) right of the centre of the 6000×4000 photo.
    const crop = { x: 0.5, y: 0.25, width: 0.25, height: 0.25 };
    const { q, attrs } = mount(figureDoc(crop));
    q('.figure-rotate').click();
    await tick();
    const turned = attrs().crop!;
    expect(attrs().rotation).toBe(1);
    expect(shownRatio(turned, 1)).toBeCloseTo(3 / 2, 4);
    // The old centre (0.625, 0.375) lies at (0.625, 0.625) once turned clockwise.
    expect(turned.x + turned.width / 2).toBeCloseTo(0.625, 5);
    expect(turned.y + turned.height / 2).toBeCloseTo(0.625, 5);
    for (let turn = 2; turn <= 4; turn++) q('.figure-rotate').click();
    expectCrop(attrs().crop, crop);
  });

  it('without the photo size (the library cannot say) keeps the same part of the picture', async () => {
    const crop = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    const { q, attrs } = mount(figureDoc(crop), async () => Promise.reject(new Error('gone')));
    q('.figure-rotate').click();
    await tick();
    expect(attrs()).toMatchObject({ rotation: 1, crop: { x: 0.4, y: 0.1, width: 0.4, height: 0.3 } });
  });

  it('turns an uncropped figure at once', () => {
    const { q, attrs } = mount(figureDoc(null, 3));
    q('.figure-rotate').click();
    expect(attrs()).toMatchObject({ rotation: 0, crop: null });
  });
});

describe('the free crop', () => {
  it('opens over exactly the picture, its frame focused and labelled, with corner and edge handles', () => {
    const { q, dom } = mount(figureDoc(null));
    q('.figure-crop[data-ratio="free"]').click();
    const frame = q('.crop-frame');
    expect(frame.closest('.crop-box')!.parentElement).toBe(q('.figure-img').parentElement);
    expect(q('.figure-img').parentElement!.classList.contains('figure-picture')).toBe(true);
    expect(document.activeElement).toBe(frame);
    expect(frame.tabIndex).toBe(0);
    expect(frame.getAttribute('aria-label')).toBe('Khung cắt ảnh: phím mũi tên để dời, Shift + mũi tên để đổi cỡ, Enter để cắt, Esc để huỷ');
    expect([...dom.querySelectorAll<HTMLElement>('.crop-frame [data-handle]')].map((h) => h.dataset.handle).sort()).toEqual(
      ['e', 'n', 'ne', 'nw', 's', 'se', 'sw', 'w'],
    );
    expect(frame.dataset.crop).toBe('0.1,0.1,0.8,0.8');
  });

  it('stays open while the editor updates around it', () => {
    const { q, editor, dom } = mount(figureDoc(null));
    q('.figure-crop[data-ratio="free"]').click();
    const box = q('.crop-box');
    const view = editor.view;
    let end = 0;
    editor.doc.descendants((n, pos) => void (n.type.name === 'figcaption' && (end = pos + n.nodeSize - 1)));
    view.dispatch(view.state.tr.insertText(' Đà Nẵng', end));
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 2)));
    flushSync();
    expect(dom.querySelector('.crop-box')).toBe(box);
  });

  it('moves with the arrow keys and resizes with Shift; Enter crops (one undoable step) and goes back to the figure', () => {
    const { q, attrs, editor, dom } = mount(figureDoc(null));
    q('.figure-crop[data-ratio="free"]').click();
    const frame = q('.crop-frame');
    key(frame, 'ArrowRight');
    key(frame, 'ArrowRight');
    key(frame, 'ArrowDown');
    key(frame, 'ArrowLeft', true);
    key(frame, 'ArrowUp', true);
    const expected = { x: 0.1 + 2 * KEY_STEP, y: 0.1 + KEY_STEP, width: 0.8 - KEY_STEP, height: 0.8 - KEY_STEP };
    expect(frame.dataset.crop!.split(',').map(Number)).toEqual(Object.values(expected).map((v) => Math.round(v * 1e6) / 1e6));
    // Never past the picture's edge.
    for (let i = 0; i < 50; i++) key(frame, 'ArrowRight');
    const [x, , width] = frame.dataset.crop!.split(',').map(Number);
    expect(x! + width!).toBeCloseTo(1, 6);
    key(frame, 'Enter');
    expect(dom.querySelector('.crop-box')).toBeNull();
    expect(attrs().crop).toEqual({ x: 0.21, y: 0.11, width: 0.79, height: 0.79 });
    expect(editor.view.state.selection).toBeInstanceOf(NodeSelection);
    expect(document.activeElement).toBe(editor.view.dom);
    expect(undoDepth(editor.view.state)).toBe(1);
  });

  it('Escape cancels and keeps the crop it had', () => {
    const crop = { x: 0, y: 0.078125, width: 1, height: 0.84375 };
    const { q, attrs, dom } = mount(figureDoc(crop));
    q('.figure-crop[data-ratio="free"]').click();
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    key(q('.crop-frame'), 'ArrowDown');
    key(q('.crop-frame'), 'Escape');
    document.removeEventListener('keydown', outside);
    expect(dom.querySelector('.crop-box')).toBeNull();
    expect(attrs().crop).toEqual(crop);
    // The window's own shortcuts never see the frame's keys.
    expect(outside).not.toHaveBeenCalled();
  });

  it('drags the frame, an edge and a corner with the mouse, in fractions of the picture, never past it', () => {
    const { q, attrs } = mount(figureDoc(null));
    q('.figure-crop[data-ratio="free"]').click();
    const picture = { left: 100, top: 50, width: 400, height: 200, right: 500, bottom: 250, x: 100, y: 50 };
    vi.spyOn(q('.figure-img'), 'getBoundingClientRect').mockReturnValue({ ...picture, toJSON: () => picture } as DOMRect);
    const frame = q('.crop-frame');
    const drag = (target: Element, dx: number, dy: number) => {
      pointer(target, 'pointerdown', 300, 150);
      pointer(frame, 'pointermove', 300 + dx / 2, 150 + dy / 2);
      pointer(frame, 'pointermove', 300 + dx, 150 + dy);
      pointer(frame, 'pointerup', 300 + dx, 150 + dy);
    };
    drag(q('.crop-edge[data-handle="e"]'), 40, 0);
    expect(frame.dataset.crop).toBe('0.1,0.1,0.9,0.8');
    drag(frame, -400, -100);
    expect(frame.dataset.crop).toBe('0,0,0.9,0.8');
    drag(q('.crop-handle[data-handle="se"]'), -80, -40);
    expect(frame.dataset.crop).toBe('0,0,0.7,0.6');
    expect(frame.style.width).toBe('70%');
    // A move with no button down changes nothing.
    pointer(frame, 'pointermove', 0, 0);
    q('.crop-apply').click();
    expect(attrs().crop).toEqual({ x: 0, y: 0, width: 0.7, height: 0.6 });
  });
});

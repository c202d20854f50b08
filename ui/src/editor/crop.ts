/**
 * Crop arithmetic. A crop is a rectangle in fractions (0–1) of the picture as shown, that is
 * after the figure's clockwise quarter turns; the original is never cut.
 */
import type { CropRect } from '../bindings/CropRect';

export const CROP_RATIOS = { '16:9': 16 / 9, '4:3': 4 / 3, '1:1': 1 } as const;
export type CropPreset = keyof typeof CROP_RATIOS;
export const FULL_FRAME: CropRect = { x: 0, y: 0, width: 1, height: 1 };

/** Trims float noise so the JSON (and the rendition URL) stays short and stable. */
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

function tidy(r: CropRect): CropRect {
  const width = round(Math.min(1, Math.max(0, r.width)));
  const height = round(Math.min(1, Math.max(0, r.height)));
  const x = round(Math.min(1 - width, Math.max(0, r.x)));
  const y = round(Math.min(1 - height, Math.max(0, r.y)));
  return { x, y, width, height };
}

/** The picture's size as shown: odd quarter turns swap width and height. */
export function shownSize(width: number, height: number, rotation: number): { width: number; height: number } {
  return rotation % 2 === 1 ? { width: height, height: width } : { width, height };
}

/** The largest centred rectangle of `ratio` (width / height) on a `width`×`height` photo as shown. */
export function presetCrop(ratio: number, width: number, height: number, rotation: number): CropRect {
  const shown = shownSize(width, height, rotation);
  if (shown.width / shown.height > ratio) {
    const w = (shown.height * ratio) / shown.width;
    return tidy({ x: (1 - w) / 2, y: 0, width: w, height: 1 });
  }
  const h = shown.width / ratio / shown.height;
  return tidy({ x: 0, y: (1 - h) / 2, width: 1, height: h });
}

/** The same part of the picture after one more clockwise quarter turn (its shape turns too). */
export function rotateCrop(crop: CropRect | null): CropRect | null {
  if (!crop) return null;
  return tidy({ x: 1 - (crop.y + crop.height), y: crop.x, width: crop.height, height: crop.width });
}

/**
 * The crop after one more clockwise quarter turn of a `width`×`height` photo shown at `rotation`,
 * keeping its shape: the same width:height on screen (a 16:9 crop stays 16:9) and the same share
 * of the largest crop of that shape, centred where the old one was (moved back inside if needed).
 */
export function turnCrop(crop: CropRect, width: number, height: number, rotation: number): CropRect {
  const before = shownSize(width, height, rotation);
  const after = shownSize(width, height, rotation + 1);
  const ratio = (crop.width * before.width) / (crop.height * before.height);
  const largestWidth = (s: { width: number; height: number }) => Math.min(s.width, s.height * ratio);
  const share = (crop.width * before.width) / largestWidth(before);
  const w = (share * largestWidth(after)) / after.width;
  const h = (share * largestWidth(after)) / ratio / after.height;
  // Where the old centre lies once turned (as `rotateCrop` maps it).
  const cx = 1 - (crop.y + crop.height / 2);
  const cy = crop.x + crop.width / 2;
  return tidy({ x: cx - w / 2, y: cy - h / 2, width: w, height: h });
}

/** A crop covering (almost) the whole picture is no crop. */
export function normalizeCrop(crop: CropRect): CropRect | null {
  const r = tidy(crop);
  const whole = r.width >= 0.999 && r.height >= 0.999;
  return whole ? null : r;
}

const MIN = 0.05;

/** `r` moved by (dx, dy), kept inside the picture. */
export function moveCrop(r: CropRect, dx: number, dy: number): CropRect {
  return tidy({ ...r, x: r.x + dx, y: r.y + dy });
}

/** A corner or an edge of the crop frame, by compass point. */
export type Handle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';

/** `r` with one corner or edge dragged by (dx, dy); the opposite side stays, size at least 5 %. */
export function resizeCrop(r: CropRect, handle: Handle, dx: number, dy: number): CropRect {
  let left = r.x;
  let top = r.y;
  let right = r.x + r.width;
  let bottom = r.y + r.height;
  if (handle.includes('w')) left = Math.min(Math.max(0, left + dx), right - MIN);
  if (handle.includes('e')) right = Math.max(Math.min(1, right + dx), left + MIN);
  if (handle.includes('n')) top = Math.min(Math.max(0, top + dy), bottom - MIN);
  if (handle.includes('s')) bottom = Math.max(Math.min(1, bottom + dy), top + MIN);
  return tidy({ x: left, y: top, width: right - left, height: bottom - top });
}

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

/** The same part of the picture after one more clockwise quarter turn. */
export function rotateCrop(crop: CropRect | null): CropRect | null {
  if (!crop) return null;
  return tidy({ x: 1 - (crop.y + crop.height), y: crop.x, width: crop.height, height: crop.width });
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

export type Corner = 'nw' | 'ne' | 'sw' | 'se';

/** `r` with one corner dragged by (dx, dy); the opposite corner stays, size at least 5 %. */
export function resizeCrop(r: CropRect, corner: Corner, dx: number, dy: number): CropRect {
  let left = r.x;
  let top = r.y;
  let right = r.x + r.width;
  let bottom = r.y + r.height;
  if (corner === 'nw' || corner === 'sw') left = Math.min(Math.max(0, left + dx), right - MIN);
  else right = Math.max(Math.min(1, right + dx), left + MIN);
  if (corner === 'nw' || corner === 'ne') top = Math.min(Math.max(0, top + dy), bottom - MIN);
  else bottom = Math.max(Math.min(1, bottom + dy), top + MIN);
  return tidy({ x: left, y: top, width: right - left, height: bottom - top });
}

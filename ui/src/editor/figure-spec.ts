/**
 * The figure of an article body: a photo reference with credit, alt text, a non-destructive
 * crop and quarter turns, and its caption as a child node (rich text limited to em, strong,
 * link), as validated in Rust (`crates/core/src/article/schema.rs`, `figure_attrs`).
 */
import type { NodeSpec } from 'prosemirror-model';
import type { CropRect } from '../bindings/CropRect';
import type { ImageLook } from '../backend/backend';

export type FigureAttrs = { media_id: number; credit: string; alt: string; crop: CropRect | null; rotation: number };

const inUnit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** A crop that lies inside the picture (fractions), as Rust accepts it. */
export function isCropRect(value: unknown): value is CropRect {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, width, height } = value as Record<string, unknown>;
  if (!inUnit(x) || !inUnit(y) || !inUnit(width) || !inUnit(height)) return false;
  return width > 0 && height > 0 && x + width <= 1 + 1e-6 && y + height <= 1 + 1e-6;
}

const isMediaId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Where a figure's picture comes from (the Backend's `mediaUrl` for the web rendition). */
export type ImageSource = (id: number, look: ImageLook) => string | null;

/** The picture as the article shows it: its crop and quarter turns. */
export function figureLook(attrs: FigureAttrs): ImageLook {
  return { crop: attrs.crop, rotation: attrs.rotation };
}

function parseCrop(text: string | null): CropRect | null {
  const v = (text ?? '').split(',').map(Number);
  if (v.length !== 4) return null;
  const crop = { x: v[0], y: v[1], width: v[2], height: v[3] };
  return isCropRect(crop) ? crop : null;
}

export const figure: NodeSpec = {
  attrs: {
    media_id: { validate: (v: unknown) => { if (!isMediaId(v)) throw new RangeError('a figure needs the id of its photo'); } },
    credit: { default: '', validate: 'string' },
    alt: { default: '', validate: 'string' },
    crop: { default: null, validate: (v: unknown) => { if (v !== null && !isCropRect(v)) throw new RangeError('a crop must lie inside the picture'); } },
    rotation: { default: 0, validate: (v: unknown) => { if (v !== 0 && v !== 1 && v !== 2 && v !== 3) throw new RangeError('rotation is 0–3'); } },
  },
  content: 'figcaption',
  group: 'block',
  isolating: true,
  selectable: true,
  draggable: false,
  // Between articles: our own figures carry their photo id; other sites' figures do not match.
  parseDOM: [
    {
      tag: 'figure[data-media-id]',
      getAttrs: (dom: HTMLElement) => {
        const id = Number(dom.getAttribute('data-media-id'));
        if (!isMediaId(id)) return false;
        const rotation = Number(dom.getAttribute('data-rotation') ?? 0);
        return {
          media_id: id,
          credit: dom.getAttribute('data-credit') ?? '',
          alt: dom.querySelector('img')?.getAttribute('alt') ?? '',
          crop: parseCrop(dom.getAttribute('data-crop')),
          rotation: [0, 1, 2, 3].includes(rotation) ? rotation : 0,
        };
      },
    },
  ],
  // Built by hand: the image comes before the caption, which ProseMirror's array form cannot say.
  // No picture address here (the schema knows no backend): the editor's node view and the
  // history preview's serializer put it in.
  toDOM: (node) => {
    const attrs = node.attrs as FigureAttrs;
    const dom = document.createElement('figure');
    dom.setAttribute('data-media-id', String(attrs.media_id));
    dom.setAttribute('data-credit', attrs.credit);
    dom.setAttribute('data-rotation', String(attrs.rotation));
    if (attrs.crop) dom.setAttribute('data-crop', [attrs.crop.x, attrs.crop.y, attrs.crop.width, attrs.crop.height].join(','));
    const img = document.createElement('img');
    img.setAttribute('alt', attrs.alt);
    dom.appendChild(img);
    return { dom, contentDOM: dom };
  },
};

export const figcaption: NodeSpec = {
  content: 'inline*',
  marks: 'em strong link',
  defining: true,
  parseDOM: [{ tag: 'figcaption', context: 'figure/' }],
  toDOM: () => ['figcaption', 0],
};

/**
 * The photo part of the in-memory Backend: a library of photo records (no pixels), article
 * panels, imports with cumulative progress and cancel, search over captions and credits, and
 * placeholder images (an SVG of the right shape) instead of the `media:` protocol.
 */
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { MediaItem } from '../bindings/MediaItem';
import type { PhotoImportResult } from '../bindings/PhotoImportResult';
import type { PhotoSettings } from '../bindings/PhotoSettings';
import type { PmNode } from '../bindings/PmNode';
import type { RenditionSize } from '../bindings/RenditionSize';
import { foldString } from '../text/fold';
import { pmText } from '../text/pm-text';
import { nowRfc3339 } from '../text/time';
import { AppError, lookQuery, type ImageLook } from './backend';

/** What importing one file gives: photo fields, or the error the Rust side would report. */
export type PhotoFixture = Partial<Omit<MediaItem, 'id' | 'imported_at'>> | ErrorPayload;

export type MemoryPhotoOptions = {
  /** Default: a 4000×3000 photo for image file names, `invalid_media` for anything else. */
  photoFixture?: (file: string) => PhotoFixture;
};

const IMAGE_NAME = /\.(jpe?g|png|webp|heic|heif|avif|tiff?|gif|bmp)$/i;
const nfc = (s: string): string => s.normalize('NFC');
const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

function defaultFixture(file: string): PhotoFixture {
  if (IMAGE_NAME.test(file)) return { width: 4000, height: 3000 };
  return { code: 'invalid_media', message: `${baseName(file)}: không phải ảnh JPEG, PNG, WebP hay HEIC.` };
}

/** FNV-1a over the bytes: enough to tell two pasted images apart in memory. */
function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `fnv-${bytes.length}-${h.toString(16)}`;
}

const isError = (f: PhotoFixture): f is ErrorPayload => 'code' in f && 'message' in f;

/** Every figure's `media_id` in a body, in reading order. */
export function figureMediaIds(node: PmNode): number[] {
  if (node.type === 'figure') return [Number(node.attrs?.media_id)];
  return (node.content ?? []).flatMap(figureMediaIds);
}

/** Figures missing a caption, a credit or alt text: 0-based, in reading order (as Rust). */
export function incompleteFigureIndexes(body: PmNode): number[] {
  const figures: PmNode[] = [];
  const walk = (n: PmNode): void => void (n.type === 'figure' ? figures.push(n) : (n.content ?? []).forEach(walk));
  walk(body);
  const attr = (f: PmNode, k: string) => String(f.attrs?.[k] ?? '').trim();
  return figures.flatMap((f, i) => (!pmText(f).trim() || !attr(f, 'credit') || !attr(f, 'alt') ? [i] : []));
}

export class MemoryPhotos {
  private readonly media = new Map<number, MediaItem>();
  private readonly panels = new Map<number, number[]>();
  private readonly cancelled = new Set<string>();
  private nextId = 1;
  private settings: PhotoSettings = { web_long_edge: 1600, web_quality: 82, thumb_long_edge: 320 };

  constructor(
    private readonly options: MemoryPhotoOptions,
    private readonly now: () => number,
  ) {}

  get(id: number): MediaItem {
    const item = this.media.get(id);
    if (!item) throw new AppError('not_found', `Không tìm thấy ảnh ${id}.`);
    return { ...item, keywords: [...item.keywords] };
  }

  /** `bytes` (paste, chosen file) give the content address; a path's stands in for it. */
  importOne(file: string, articleId: number | null, bytes?: Uint8Array): PhotoImportResult {
    const fixture = (this.options.photoFixture ?? defaultFixture)(file);
    const result: PhotoImportResult = { file, media: null, duplicate: false, web_path: null, thumb_path: null, error: null };
    if (isError(fixture)) return { ...result, error: { ...fixture } };
    const hash = fixture.hash ?? (bytes ? contentHash(bytes) : `sha256-${file}`);
    const existing = [...this.media.values()].find((m) => m.hash === hash);
    const item: MediaItem = existing ?? {
      id: this.nextId++,
      hash,
      format: 'jpeg',
      width: 4000,
      height: 3000,
      bytes: 1_000_000,
      original_name: baseName(file),
      caption: '',
      credit: '',
      by_line: '',
      copyright: '',
      keywords: [],
      date_taken: null,
      camera: null,
      had_gps: false,
      ...fixture,
      imported_at: nowRfc3339(this.now()),
    };
    item.caption = nfc(item.caption);
    item.credit = nfc(item.credit);
    this.media.set(item.id, item);
    if (articleId !== null) this.attach(articleId, item.id);
    const path = `/memory/${item.id}`;
    return { ...result, media: this.get(item.id), duplicate: !!existing, web_path: `${path}/web.jpg`, thumb_path: `${path}/thumb.jpg` };
  }

  /** Imports one file after another, yielding between files so the page stays live. */
  async importAll(
    jobId: string,
    files: string[],
    articleId: number | null,
    onProgress: (progress: ImportProgress) => void,
    pause: () => Promise<void>,
  ): Promise<PhotoImportResult[]> {
    const progress: ImportProgress = { done: 0, total: files.length, failed: 0 };
    const results: PhotoImportResult[] = [];
    for (const file of files) {
      await pause();
      if (this.cancelled.has(jobId)) {
        const error = { code: 'cancelled' as const, message: 'Đã huỷ.' };
        results.push({ file, media: null, duplicate: false, web_path: null, thumb_path: null, error });
        continue;
      }
      const result = this.importOne(file, articleId);
      progress.done += 1;
      if (result.error) progress.failed += 1;
      onProgress({ ...progress });
      results.push(result);
    }
    this.cancelled.delete(jobId);
    return results;
  }

  cancel(jobId: string): void {
    this.cancelled.add(jobId);
  }

  panel(articleId: number): MediaItem[] {
    return (this.panels.get(articleId) ?? []).map((id) => this.get(id));
  }

  attach(articleId: number, mediaId: number): void {
    this.get(mediaId);
    const ids = this.panels.get(articleId) ?? [];
    if (!ids.includes(mediaId)) this.panels.set(articleId, [...ids, mediaId]);
  }

  /** As the Rust save: every photo a body shows (and the featured one) exists and joins the panel. */
  link(articleId: number, ids: number[]): void {
    for (const id of ids) this.get(id);
    for (const id of ids) this.attach(articleId, id);
  }

  search(query: string, limit: number): MediaItem[] {
    const q = foldString(query.trim());
    const all = [...this.media.values()].sort((a, b) => b.id - a.id);
    const hits = q
      ? all.filter((m) => foldString([m.caption, m.credit, m.by_line, m.original_name].join(' ')).includes(q))
      : all;
    return hits.slice(0, limit).map((m) => this.get(m.id));
  }

  getSettings(): PhotoSettings {
    return { ...this.settings };
  }

  setSettings(settings: PhotoSettings): PhotoSettings {
    const ok = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
    if (!ok(settings.web_long_edge, 320, 8192) || !ok(settings.web_quality, 30, 100) || !ok(settings.thumb_long_edge, 64, 1024)) {
      throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: cạnh dài 320–8192 px, chất lượng 30–100.');
    }
    this.settings = { ...settings };
    return this.getSettings();
  }

  /** A grey placeholder of the photo's shape as shown (rotation and crop applied). */
  url(id: number, size: RenditionSize, look?: ImageLook): string {
    const item = this.media.get(id);
    let [w, h] = item ? [item.width, item.height] : [4, 3];
    if (look && look.rotation % 2 === 1) [w, h] = [h, w];
    if (look?.crop) [w, h] = [w * look.crop.width, h * look.crop.height];
    const scale = (size === 'thumb' ? 320 : 800) / Math.max(w, h, 1);
    const [sw, sh] = [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
    const label = `${id}/${size}${lookQuery(look)}`.replace(/[<>&]/g, '');
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${sw}" height="${sh}"><title>${label}</title>` +
      `<rect width="100%" height="100%" fill="#c9ccd1"/></svg>`;
    return `data:image/svg+xml,${encodeURIComponent(svg)}`;
  }
}

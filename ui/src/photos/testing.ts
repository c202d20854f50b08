/** For the photo tests: an article open in the editor over a memory library with photo fixtures. */
import type { Article } from '../bindings/Article';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import type { PhotoFixture } from '../backend/memory-photos';
import type { AppState } from '../app/app-state.svelte';
import { openInEditor } from '../app/testing';
import type { ArticleEditor } from '../editor/article-editor.svelte';

export const XSS = '<img src=x onerror=alert(1)>';
const FIXTURES: Record<string, PhotoFixture> = {
  'cau-rong.jpg': { caption: 'Cầu Rồng phun lửa', credit: 'Ảnh: Minh Châu', width: 6000, height: 4000 },
  'cho-han.heic': { caption: '', credit: '', by_line: 'Lê Hùng' },
  'xss.jpg': { caption: XSS, credit: XSS },
};
const fixture = (file: string): PhotoFixture => {
  const name = file.split('/').pop()!;
  return FIXTURES[name] ?? { code: 'invalid_media', message: `${name}: tệp không phải ảnh.` };
};

export async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
}

export async function open(body?: PmNode): Promise<{ backend: MemoryBackend; editor: ArticleEditor; article: Article; app: AppState }> {
  const backend = new MemoryBackend({ photoFixture: fixture });
  const article = await backend.createArticle({ headline: 'Đà Nẵng', sapo: '', section: '', keywords: [], byline: '', dateline: '', body });
  const { editor, app } = await openInEditor(backend, article.id);
  return { backend, editor, article, app };
}

export const figures = (editor: ArticleEditor) => (editor.body.toJSON().content ?? []).filter((n) => n.type === 'figure');
export const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** A figure for photo `id` with a caption, a credit and alt text as given (empty = missing). */
export const figure = (id: number, alt: string, { caption = 'Chú thích', credit = 'Ảnh: A' } = {}): PmNode => ({
  type: 'figure',
  attrs: { media_id: id, credit, alt, crop: null, rotation: 0 },
  content: [{ type: 'figcaption', content: caption ? [{ type: 'text', text: caption }] : [] }],
});

/**
 * "Xem trước" in memory: a plain reader page, close enough to `crates/core/src/preview.rs` for
 * the tests and the browser. Everything from the article is escaped; links show as text; a
 * kept WordPress block is a stand-in, never its markup; no editor note.
 */
import type { Article } from '../bindings/Article';
import type { PmNode } from '../bindings/PmNode';
import { formatVietnamTime } from '../text/time';
import type { ImageLook } from './backend';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TAGS: Record<string, string> = { paragraph: 'p', blockquote: 'blockquote', bullet_list: 'ul', ordered_list: 'ol', list_item: 'li' };

function html(node: PmNode, image: (id: number, look: ImageLook) => string): string {
  const inner = () => (node.content ?? []).map((child) => html(child, image)).join('');
  const attr = (key: string) => node.attrs?.[key];
  switch (node.type) {
    case 'text': {
      const marks = (node.marks ?? []).map((m) => ({ strong: 'strong', em: 'em' })[m.type as 'strong' | 'em']).filter(Boolean);
      return marks.map((m) => `<${m}>`).join('') + escape(node.text ?? '') + marks.reverse().map((m) => `</${m}>`).join('');
    }
    case 'hard_break':
      return '<br>';
    case 'heading':
      return attr('level') === 3 ? `<h3>${inner()}</h3>` : `<h2>${inner()}</h2>`;
    case 'raw_block':
      return '<p class="kept-block">Khối nội dung WordPress giữ nguyên (không xem trước được).</p>';
    case 'figure': {
      const id = Number(attr('media_id'));
      const look = { crop: (attr('crop') as ImageLook['crop']) ?? null, rotation: Number(attr('rotation') ?? 0) };
      const credit = String(attr('credit') ?? '');
      const caption = (node.content ?? []).flatMap((c) => c.content ?? []).map((c) => html(c, image)).join('');
      return (
        `<figure data-media-id="${id}"><img src="${escape(image(id, look))}" alt="${escape(String(attr('alt') ?? ''))}">` +
        `<figcaption>${caption}${credit ? ` <span class="credit">${escape(credit)}</span>` : ''}</figcaption></figure>`
      );
    }
    default: {
      const tag = TAGS[node.type];
      return tag ? `<${tag}>${inner()}</${tag}>` : inner();
    }
  }
}

export function readerHtml(article: Article, image: (id: number, look: ImageLook) => string): string {
  const when = article.scheduled_at || article.updated_at;
  const byline = [article.byline, article.dateline].filter((s) => s !== '').join(' – ');
  return [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${escape(article.headline)}</title>`,
    '<style>body { font-family: serif; max-width: 40em; margin: 2em auto; } @media print { body { margin: 0; } figure { break-inside: avoid; } }</style>',
    '</head><body><article>',
    `<h1>${escape(article.headline)}</h1>`,
    `<p class="time"><time datetime="${escape(when)}">${formatVietnamTime(when)}</time></p>`,
    article.sapo ? `<p class="sapo">${escape(article.sapo)}</p>` : '',
    `<div class="body">${html(article.body, image)}</div>`,
    byline ? `<p class="byline">${escape(byline)}</p>` : '',
    '</article></body></html>',
  ].join('\n');
}

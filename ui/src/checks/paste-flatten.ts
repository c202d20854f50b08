/**
 * What the body cannot hold, made plain at paste time and said: a table becomes one paragraph
 * per row, its cells separated by " | " (instead of words stuck together), and pictures in
 * pasted HTML, which the body drops, are counted so the user hears about them (photos go in
 * through "Ảnh", where they get a caption, a credit and alt text). The HTML is parsed inert.
 */
import { Plugin } from 'prosemirror-state';

export type Flattened = { html: string; rows: number; tables: number; images: number };

const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/gu, ' ').trim();

export function flattenPastedHtml(html: string): Flattened {
  if (!/<(table|img)\b/i.test(html)) return { html, rows: 0, tables: 0, images: 0 };
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let rows = 0;
  const tables = [...doc.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table'));
  for (const table of tables) {
    const paragraphs = [...table.querySelectorAll('tr')]
      .filter((tr) => tr.closest('table') === table)
      .map((tr) => [...tr.children].filter((c) => c.matches('td, th')).map(cellText).filter(Boolean).join(' | '))
      .filter(Boolean)
      .map((text) => {
        const p = doc.createElement('p');
        p.textContent = text;
        return p;
      });
    rows += paragraphs.length;
    table.replaceWith(...paragraphs);
  }
  const images = doc.querySelectorAll('img').length;
  return { html: tables.length ? doc.body.innerHTML : html, rows, tables: tables.length, images };
}

export function pasteFlattenPlugin(said: (result: Flattened) => void): Plugin {
  return new Plugin({
    props: {
      transformPastedHTML(html) {
        const result = flattenPastedHtml(html);
        if (result.tables || result.images) said(result);
        return result.html;
      },
    },
  });
}

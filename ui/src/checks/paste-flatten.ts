/**
 * What the body cannot hold, made plain at paste time and said: a table becomes one paragraph
 * per row, its cells separated by " | " (instead of words stuck together). Pictures in pasted
 * HTML are not body content: those carried in the paste itself (`data:` images, as browsers and
 * online editors copy them) are handed back as files to import as figures; the others (Word's
 * `file://` copies in a temp folder, web addresses) cannot be read by the page, so they are
 * counted for the notice, which offers the file chooser. The HTML is parsed inert.
 */
import { Plugin } from 'prosemirror-state';

export type Flattened = {
  html: string;
  rows: number;
  tables: number;
  /** Every picture in the paste. */
  images: number;
  /** The pictures carried in the paste, as files to import. */
  files: File[];
};

/** At most this many bytes of one pasted picture (the photo import has its own limits too). */
const MAX_DATA_IMAGE = 64 * 1024 * 1024;
const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/** A `data:image/…;base64,…` picture as a file, or null (another kind, or not decodable). */
function dataImage(src: string, index: number): File | null {
  const m = /^data:(image\/(?:jpeg|png|webp|gif));base64,([A-Za-z0-9+/=\s]+)$/i.exec(src.trim());
  if (!m || m[2]!.length > (MAX_DATA_IMAGE * 4) / 3) return null;
  try {
    const binary = atob(m[2]!.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const type = m[1]!.toLowerCase();
    return new File([bytes], `anh-dan-${index + 1}.${EXTENSION[type] ?? 'img'}`, { type });
  } catch {
    return null;
  }
}

const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/gu, ' ').trim();

export function flattenPastedHtml(html: string): Flattened {
  if (!/<(table|img)\b/i.test(html)) return { html, rows: 0, tables: 0, images: 0, files: [] };
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
  const pictures = [...doc.querySelectorAll('img')];
  const files = pictures.map((img, i) => dataImage(img.getAttribute('src') ?? '', i)).filter((f): f is File => f !== null);
  return { html: tables.length ? doc.body.innerHTML : html, rows, tables: tables.length, images: pictures.length, files };
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

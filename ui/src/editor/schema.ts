/**
 * The body schema, node for node the one validated in Rust (`crates/core/src/article/body.rs`):
 * names and attrs from prosemirror-schema-basic / -list so the JSON matches exactly, plus the
 * article's own nodes (figure with its caption, and raw_block for WordPress blocks kept as is).
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { figcaption, figure } from './figure-spec';
import { marks as basicMarks, nodes as basicNodes } from 'prosemirror-schema-basic';
import { bulletList, listItem, orderedList } from 'prosemirror-schema-list';
import { isSafeHref } from './hrefs';

export { completeHref, isSafeHref } from './hrefs';

const heading: NodeSpec = {
  attrs: { level: { default: 2, validate: (v: unknown) => { if (v !== 2 && v !== 3) throw new RangeError('heading level must be 2 or 3'); } } },
  content: 'inline*',
  group: 'block',
  defining: true,
  // An article's title is the headline field: pasted h1 becomes a section heading, h4–h6 a subheading.
  parseDOM: [
    { tag: 'h1', attrs: { level: 2 } },
    { tag: 'h2', attrs: { level: 2 } },
    { tag: 'h3', attrs: { level: 3 } },
    { tag: 'h4', attrs: { level: 3 } },
    { tag: 'h5', attrs: { level: 3 } },
    { tag: 'h6', attrs: { level: 3 } },
  ],
  toDOM: (node) => ['h' + String(node.attrs.level), 0],
};

const link: MarkSpec = {
  attrs: { href: { validate: 'string' }, title: { default: null, validate: 'string|null' } },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom: HTMLElement) => {
        const href = dom.getAttribute('href');
        if (!isSafeHref(href)) return false;
        return { href: href.trim(), title: dom.getAttribute('title') };
      },
    },
  ],
  toDOM: (mark) => {
    const { href, title } = mark.attrs as { href: string; title: string | null };
    const attrs: Record<string, string> = { rel: 'noopener noreferrer nofollow' };
    if (isSafeHref(href)) attrs.href = href;
    if (title) attrs.title = title;
    return ['a', attrs, 0];
  },
};

/** The name a kept WordPress block gives in its opening comment (`core/gallery`), or `HTML`. */
export function rawBlockName(html: string): string {
  const m = /^\s*<!--\s+wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s/.exec(html);
  return m ? (m[1] ?? 'core/') + m[2] : 'HTML';
}

/**
 * A WordPress block this editor does not know (gallery, embed, table…), kept byte for byte and
 * sent back unchanged. Shown as a label, never as markup: its HTML stays in an attribute.
 */
const rawBlock: NodeSpec = {
  attrs: { html: { validate: 'string' } },
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  // Copy and paste between articles: the source travels in the data attribute. Only a
  // WordPress block is taken (HTML pasted from elsewhere must not reach the site verbatim).
  parseDOM: [
    {
      tag: 'div[data-raw-block]',
      getAttrs: (dom: HTMLElement) => {
        const html = dom.getAttribute('data-raw-block') ?? '';
        return /^\s*<!--\s+wp:[a-z]/.test(html) ? { html } : false;
      },
    },
  ],
  toDOM: (node) => {
    const html = node.attrs.html as string;
    return ['div', { class: 'raw-block', contenteditable: 'false', 'data-raw-block': html }, `Khối WordPress giữ nguyên (chỉ đọc): ${rawBlockName(html)}`];
  },
};

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: basicNodes.paragraph,
    heading,
    blockquote: basicNodes.blockquote,
    bullet_list: { ...bulletList, content: 'list_item+', group: 'block' },
    ordered_list: { ...orderedList, content: 'list_item+', group: 'block' },
    list_item: { ...listItem, content: 'paragraph block*' },
    figure,
    figcaption,
    raw_block: rawBlock,
    text: basicNodes.text,
    hard_break: basicNodes.hard_break,
  },
  marks: {
    strong: basicMarks.strong,
    em: basicMarks.em,
    link,
  },
});

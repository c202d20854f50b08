import { DOMParser as PmDOMParser, DOMSerializer } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { docFromJSON } from './body-editor';
import { rawBlockName, schema } from './schema';

const GALLERY = '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery"><img src="x" onerror="alert(1)"></figure>\n<!-- /wp:gallery -->';
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });
const raw = (html: string): PmNode => ({ type: 'raw_block', attrs: { html } });

describe('raw_block', () => {
  it('names the block from its opening comment', () => {
    expect(rawBlockName(GALLERY)).toBe('core/gallery');
    expect(rawBlockName('<!-- wp:my-plugin/map {"z":3} /-->')).toBe('my-plugin/map');
    expect(rawBlockName('<p>classic</p>')).toBe('HTML');
  });

  it('is a block leaf that keeps its html exactly', () => {
    const node = docFromJSON(doc(raw(GALLERY), { type: 'paragraph' }));
    node.check();
    expect(node.toJSON()).toEqual(doc(raw(GALLERY), { type: 'paragraph' }));
    expect(() => docFromJSON(doc({ type: 'raw_block' })).check()).toThrow();
    expect(() => docFromJSON(doc({ type: 'paragraph', content: [raw('<hr>')] })).check()).toThrow();
  });

  it('shows a label, never the markup, and pastes back to the same node', () => {
    const node = docFromJSON(doc(raw(GALLERY)));
    const host = document.createElement('div');
    host.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(node.content));
    const div = host.querySelector('div.raw-block')!;
    expect(div.getAttribute('contenteditable')).toBe('false');
    expect(div.textContent).toBe('Khối WordPress giữ nguyên (chỉ đọc): core/gallery');
    expect(div.children.length).toBe(0);
    expect(host.querySelector('img, figure')).toBeNull();
    const parsed = PmDOMParser.fromSchema(schema).parse(host);
    expect(parsed.toJSON()).toEqual(doc(raw(GALLERY)));
  });

  it('takes only a WordPress block from pasted HTML, never arbitrary markup', () => {
    const host = document.createElement('div');
    host.innerHTML = '<div data-raw-block="<script>alert(1)</script>">x</div><p>chữ</p>';
    const parsed = PmDOMParser.fromSchema(schema).parse(host);
    expect(JSON.stringify(parsed.toJSON())).not.toContain('raw_block');
  });
});

// Note anchors ↔ ProseMirror positions: code points, hard breaks, captions, lists, kept blocks.
import { describe, expect, it } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { docFromJSON } from '../editor/body-editor';
import { jsonBlocks, NOTE_BLOCKS } from '../checks/blocks';
import { anchorRange, fieldAnchor, rangeAnchor } from './anchors';

const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const t = (text: string): PmNode => ({ type: 'text', text });
const BODY: PmNode = {
  type: 'doc',
  content: [
    p(t('Mở 😀 đầu')),
    { type: 'raw_block', attrs: { html: '<!-- wp:gallery --><div></div><!-- /wp:gallery -->' } },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [p(t('Ý một'), { type: 'hard_break' }, t('dòng 𝐀 hai'))] }] },
    { type: 'figure', attrs: { media_id: 3, credit: '', alt: '', crop: null, rotation: 0 }, content: [{ type: 'figcaption', content: [t('Chú thích ảnh')] }] },
    { type: 'heading', attrs: { level: 2 }, content: [t('Tiêu đề')] },
  ],
};

/** Document position just before the first `needle` (after it with `end`). */
function at(doc: ReturnType<typeof docFromJSON>, needle: string, end = false): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle) + (end ? needle.length : 0);
  });
  return found;
}

describe('note anchors', () => {
  const doc = docFromJSON(BODY);

  it('counts blocks as Rust does (captions in, kept blocks out) and offsets in code points', () => {
    expect(jsonBlocks(BODY, NOTE_BLOCKS)).toEqual(['Mở 😀 đầu', 'Ý một\ndòng 𝐀 hai', 'Chú thích ảnh', 'Tiêu đề']);
    const first = rangeAnchor(doc, at(doc, 'đầu'), at(doc, 'đầu', true))!;
    expect(first.anchor).toEqual({ field: 'body', block: 0, start: 5, end: 8 });
    expect(first.quote).toBe('đầu');
    // After a hard break (one character) and an astral letter (one code point, two UTF-16 units).
    const hai = rangeAnchor(doc, at(doc, 'hai'), at(doc, 'hai', true))!;
    expect(hai.anchor).toEqual({ field: 'body', block: 1, start: 13, end: 16 });
    const caption = rangeAnchor(doc, at(doc, 'thích'), at(doc, 'ảnh', true))!;
    expect(caption.anchor).toEqual({ field: 'body', block: 2, start: 4, end: 13 });
    expect(caption.quote).toBe('thích ảnh');
  });

  it('maps an anchor back to the same positions and text', () => {
    for (const needle of ['đầu', '😀', 'dòng 𝐀 hai', 'Chú', 'Tiêu đề']) {
      const placed = rangeAnchor(doc, at(doc, needle), at(doc, needle, true))!;
      expect(anchorRange(doc, placed.anchor)).toEqual({ from: placed.from, to: placed.to, text: needle });
    }
    // Across the hard break.
    const across = rangeAnchor(doc, at(doc, 'một'), at(doc, 'dòng', true))!;
    expect(across.quote).toBe('một\ndòng');
    expect(anchorRange(doc, across.anchor)?.text).toBe('một\ndòng');
    expect(anchorRange(doc, { field: 'body', block: 9, start: 0, end: 1 })).toBeNull();
    expect(anchorRange(doc, { field: 'body', block: 3, start: 2, end: 40 })).toBeNull();
  });

  it('keeps a selection over several blocks to its first block, and ignores one with no text', () => {
    const placed = rangeAnchor(doc, at(doc, 'đầu'), at(doc, 'Chú', true))!;
    expect(placed.anchor).toEqual({ field: 'body', block: 0, start: 5, end: 8 });
    expect(rangeAnchor(doc, at(doc, 'đầu', true), at(doc, 'Ý'))).toBeNull();
    expect(rangeAnchor(doc, 3, 3)).toBeNull();
  });

  it('turns a field selection (UTF-16) into code points', () => {
    const value = 'Tít 𝐀 mới';
    const from = value.indexOf('mới');
    expect(fieldAnchor('headline', value, from, value.length)).toEqual({ anchor: { field: 'headline', block: 0, start: 6, end: 9 }, quote: 'mới' });
    expect(fieldAnchor('sapo', value, 2, 2)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { docFromJSON } from '../editor/body-editor';
import { blockPos, blockRange, cpToUtf16, jsonBlocks, textBlocks, textRange } from './blocks';

const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', marks, text: t } : { type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const BR: PmNode = { type: 'hard_break' };
const bold = [{ type: 'strong' }];
const em = [{ type: 'em' }];

const DOC: PmNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Đà Nẵng')] },
    para(text('Ảnh 😀 '), text('sử lý', bold), text(' ngay', em), BR, text('dòng hai')),
    { type: 'blockquote', content: [para(text('trích'))] },
    {
      type: 'bullet_list',
      content: [
        { type: 'list_item', content: [para(text('một')), { type: 'ordered_list', attrs: { order: 1 }, content: [{ type: 'list_item', content: [para(text('hai'))] }] }] },
      ],
    },
    para(),
    { type: 'heading', attrs: { level: 3 }, content: [text('Cuối '), BR, BR, text('bài')] },
  ],
};

/** The document text of a range, to compare with the finding's text. */
function between(from: number, to: number): string {
  return docFromJSON(DOC).textBetween(from, to, '\n', '\n');
}

describe('text blocks', () => {
  it('lists every paragraph and heading in order, lists and quotes included, breaks as \\n', () => {
    const expected = ['Đà Nẵng', 'Ảnh 😀 sử lý ngay\ndòng hai', 'trích', 'một', 'hai', '', 'Cuối \n\nbài'];
    expect(textBlocks(docFromJSON(DOC)).map((b) => b.text)).toEqual(expected);
    // The JSON walk written like the Rust `doc_blocks` agrees with the editor's.
    expect(jsonBlocks(DOC)).toEqual(expected);
  });

  it('gives each block the position of its first character', () => {
    const doc = docFromJSON(DOC);
    for (const block of textBlocks(doc)) {
      expect(doc.resolve(block.start).parent).toBe(block.node);
      expect(doc.textBetween(block.start, block.start + block.node.content.size, '\n', '\n')).toBe(block.text);
    }
  });
});

describe('code point offsets → positions', () => {
  const doc = docFromJSON(DOC);
  const blocks = textBlocks(doc);

  it('counts a non-BMP character as one code point', () => {
    const b = blocks[1]!;
    // "Ảnh 😀 sử lý": "sử lý" starts at code point 6 (UTF-16 index 7).
    const range = blockRange(b, 6, 11)!;
    expect(between(range.from, range.to)).toBe('sử lý');
    expect(range.to - range.from).toBe(5);
    expect(between(blockPos(b, 4), blockPos(b, 5))).toBe('😀');
  });

  it('crosses mark boundaries and hard breaks', () => {
    const b = blocks[1]!;
    // "sử lý ngay\ndòng" spans bold, em, a hard break and plain text.
    const range = blockRange(b, 6, 21)!;
    expect(between(range.from, range.to)).toBe('sử lý ngay\ndòng');
    const heading = blocks[6]!;
    const r2 = blockRange(heading, 4, 9)!;
    expect(between(r2.from, r2.to)).toBe(' \n\nbà');
  });

  it('maps inside list items, quotes and headings', () => {
    expect(between(...pair(blockRange(blocks[0]!, 3, 7)!))).toBe('Nẵng');
    expect(between(...pair(blockRange(blocks[2]!, 0, 5)!))).toBe('trích');
    expect(between(...pair(blockRange(blocks[4]!, 1, 3)!))).toBe('ai');
    expect(blockRange(blocks[5]!, 0, 0)).toEqual({ from: blocks[5]!.start, to: blocks[5]!.start });
  });

  it('refuses spans outside the block or in text that is not NFC', () => {
    expect(blockRange(blocks[2]!, 0, 6)).toBeNull();
    const nfd = textBlocks(docFromJSON({ type: 'doc', content: [para(text('Hoà'.normalize('NFD')))] }))[0]!;
    expect(blockRange(nfd, 0, 3)).toBeNull();
  });

  it('converts code points to UTF-16 in plain text', () => {
    expect(cpToUtf16('a😀b', 2)).toBe(3);
    expect(textRange('😀 sử lý', 2, 7)).toEqual({ from: 3, to: 8 });
    expect(cpToUtf16('ab', 9)).toBe(2);
  });
});

function pair(r: { from: number; to: number }): [number, number] {
  return [r.from, r.to];
}

import { describe, expect, it } from 'vitest';
import type { Article } from '../bindings/Article';
import type { PmNode } from '../bindings/PmNode';
import { pmText } from '../text/pm-text';
import { MemoryBackend } from './memory';
import { merge3 } from './memory-merge';

const doc = (...paragraphs: string[]): PmNode => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const texts = (body: PmNode | undefined) => (body?.content ?? []).map(pmText);

async function edited(): Promise<{ b: MemoryBackend; base: Article }> {
  const b = new MemoryBackend();
  const base = await b.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '', body: doc('Một.', 'Hai.', 'Ba.') });
  return { b, base };
}

describe('diff3 over blocks', () => {
  it('takes each side’s change, and conflicts where both changed the same stretch', () => {
    expect(merge3(['a', 'b', 'c'], ['a2', 'b', 'c'], ['a', 'b', 'c2'])).toEqual([{ merged: ['a2'] }, { merged: ['b'] }, { merged: ['c2'] }]);
    expect(merge3(['a', 'b'], ['a', 'x', 'b'], ['a', 'b', 'y'])).toEqual([{ merged: ['a'] }, { merged: ['x'] }, { merged: ['b'] }, { merged: ['y'] }]);
    expect(merge3(['a', 'b'], ['a', 'b', 'x'], ['a', 'b', 'y'])).toEqual([{ merged: ['a', 'b'] }, { base: [], local: ['x'], remote: ['y'] }]);
    expect(merge3(['a', 'b', 'c'], ['a', 'c'], ['a', 'b', 'c'])).toEqual([{ merged: ['a'] }, { merged: [] }, { merged: ['c'] }]);
  });
});

describe('MemoryBackend.mergeEdit', () => {
  it('merges fields and blocks changed on one side, based on the stored version', async () => {
    const { b, base } = await edited();
    b.changeElsewhere(base.id, { headline: 'Tít mới', body: doc('Một.', 'Hai.', 'Ba sửa nơi khác.') });
    const m = await b.mergeEdit(base, { base_version: base.version, sapo: 'Sapo ở đây', body: doc('Một sửa ở đây.', 'Hai.', 'Ba.') }, null);
    expect(m.conflicts).toEqual([]);
    expect(m.patch).toMatchObject({ base_version: 2, headline: 'Tít mới', sapo: 'Sapo ở đây', slug: '' });
    expect(texts(m.patch.body)).toEqual(['Một sửa ở đây.', 'Hai.', 'Ba sửa nơi khác.']);
    expect(await b.updateArticle(base.id, m.patch)).toMatchObject({ version: 3, slug: 'tit-moi' });
  });

  it('fills a conflict with the editor’s side until a choice says otherwise', async () => {
    const { b, base } = await edited();
    b.changeElsewhere(base.id, { body: doc('Một nơi khác.', 'Hai.', 'Ba.'), byline: 'Lê Hùng' });
    const local = { base_version: base.version, body: doc('Một ở đây.', 'Hai.', 'Ba.'), byline: 'Nhóm PV' };
    const m = await b.mergeEdit(base, local, null);
    expect(m.conflicts).toEqual([
      { field: 'byline', base: [''], local: ['Nhóm PV'], remote: ['Lê Hùng'] },
      { field: 'body', base: ['Một.'], local: ['Một ở đây.'], remote: ['Một nơi khác.'] },
    ]);
    expect(m.patch.byline).toBe('Nhóm PV');
    expect(texts(m.patch.body)[0]).toBe('Một ở đây.');
    const chosen = await b.mergeEdit(base, local, ['local', 'remote']);
    expect(chosen.patch.byline).toBe('Nhóm PV');
    expect(texts(chosen.patch.body)).toEqual(['Một nơi khác.', 'Hai.', 'Ba.']);
  });
});

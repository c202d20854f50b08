import { describe, expect, it } from 'vitest';
import type { NewArticle } from '../bindings/NewArticle';
import { AppError } from './backend';
import { MemoryBackend } from './memory';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };

function backend(): MemoryBackend {
  let clock = Date.parse('2011-03-03T09:00:00Z');
  return new MemoryBackend({ now: () => (clock += 60_000) });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('MemoryBackend articles', () => {
  it('creates with version 1, NFC text and a slug from the headline', async () => {
    const b = backend();
    const a = await b.createArticle({ ...blank, headline: 'Đà Nẵng: Đường Điện Biên Phủ'.normalize('NFD') });
    expect(a.version).toBe(1);
    expect(a.status).toBe('draft');
    expect(a.headline).toBe('Đà Nẵng: Đường Điện Biên Phủ'.normalize('NFC'));
    expect(a.slug).toBe('da-nang-duong-dien-bien-phu');
    expect(a.slug_auto).toBe(true);
    expect(a.body.type).toBe('doc');
  });

  it('updates only sent fields, bumps the version and follows the headline until the slug is set', async () => {
    const b = backend();
    const a = await b.createArticle({ ...blank, headline: 'Tin cũ', sapo: 'Sapo' });
    const u = await b.updateArticle(a.id, { base_version: 1, headline: 'Tin mới' });
    expect(u).toMatchObject({ version: 2, headline: 'Tin mới', sapo: 'Sapo', slug: 'tin-moi' });
    const manual = await b.updateArticle(a.id, { base_version: 2, slug: 'Đường dẫn riêng' });
    expect(manual).toMatchObject({ slug: 'duong-dan-rieng', slug_auto: false });
    const still = await b.updateArticle(a.id, { base_version: 3, headline: 'Tít khác' });
    expect(still.slug).toBe('duong-dan-rieng');
    const back = await b.updateArticle(a.id, { base_version: 4, slug: '' });
    expect(back).toMatchObject({ slug: 'tit-khac', slug_auto: true });
  });

  it('refuses a save based on an old version with code conflict', async () => {
    const b = backend();
    const a = await b.createArticle(blank);
    await b.updateArticle(a.id, { base_version: 1, headline: 'một' });
    const err = await rejection(b.updateArticle(a.id, { base_version: 1, headline: 'hai' }));
    expect(err.code).toBe('conflict');
    expect((await b.getArticle(a.id)).headline).toBe('một');
  });

  it('lists newest change first, filters by status, pages', async () => {
    const b = backend();
    const one = await b.createArticle({ ...blank, headline: 'một' });
    const two = await b.createArticle({ ...blank, headline: 'hai' });
    const three = await b.createArticle({ ...blank, headline: 'ba' });
    await b.changeStatus(one.id, { to: 'submitted' });
    const all = await b.listArticles({ limit: 50, offset: 0 });
    expect(all.map((s) => s.id)).toEqual([one.id, three.id, two.id]);
    expect(all[0]!.updated_at > all[1]!.updated_at).toBe(true);
    const submitted = await b.listArticles({ status: 'submitted', limit: 50, offset: 0 });
    expect(submitted.map((s) => s.id)).toEqual([one.id]);
    const page2 = await b.listArticles({ limit: 2, offset: 2 });
    expect(page2.map((s) => s.id)).toEqual([two.id]);
  });

  it('reports not_found for a missing article', async () => {
    expect((await rejection(backend().getArticle(99))).code).toBe('not_found');
  });
});

describe('MemoryBackend search', () => {
  it('finds text without diacritics and puts exact-diacritic hits first', async () => {
    const b = backend();
    const kinh = await b.createArticle({ ...blank, headline: 'Quận Dương Kinh ra quân' });
    const nang = await b.createArticle({ ...blank, headline: 'Mưa lớn', sapo: 'Sáng nay Đà Nẵng mưa to.' });
    const loose = await b.createArticle({ ...blank, headline: 'Đá nặng đè xe' });
    await b.createArticle({ ...blank, headline: 'Không liên quan' });

    expect((await b.searchArticles('duong kinh', null, 20)).map((h) => h.id)).toEqual([kinh.id]);

    const folded = await b.searchArticles('da nang', null, 20);
    expect(folded.map((h) => h.id).sort()).toEqual([nang.id, loose.id].sort());

    const exact = await b.searchArticles('Đà Nẵng', null, 20);
    expect(exact.map((h) => h.id)).toEqual([nang.id, loose.id]);
    expect(exact[0]!.exact).toBe(true);
    expect(exact[1]!.exact).toBe(false);
    const hitText = exact[0]!.snippet.filter((p) => p.hit).map((p) => p.text);
    expect(hitText).toEqual(['Đà', 'Nẵng']);
  });

  it('filters search by status and ignores empty queries', async () => {
    const b = backend();
    const a = await b.createArticle({ ...blank, headline: 'Hải Phòng' });
    await b.changeStatus(a.id, { to: 'submitted' });
    expect(await b.searchArticles('hai phong', 'draft', 20)).toEqual([]);
    expect((await b.searchArticles('hai phong', 'submitted', 20)).length).toBe(1);
    expect(await b.searchArticles('  ', null, 20)).toEqual([]);
  });
});

describe('MemoryBackend revisions', () => {
  it('records revisions newest first and restores one, keeping the state before', async () => {
    const b = backend();
    const a = await b.createArticle({ ...blank, headline: 'Bản đầu tiên' });
    await b.updateArticle(a.id, { base_version: 1, headline: 'Bản thứ hai có thêm chữ' });
    const revisions = await b.listRevisions(a.id);
    expect(revisions.map((r) => r.reason)).toEqual(['edited', 'created']);
    expect(revisions[0]!.tieng).toBe(6);

    const first = await b.getRevision(revisions[1]!.id);
    expect(first.content.headline).toBe('Bản đầu tiên');

    const restored = await b.restoreRevision(revisions[1]!.id);
    expect(restored).toMatchObject({ headline: 'Bản đầu tiên', version: 3 });
    const after = await b.listRevisions(a.id);
    expect(after.map((r) => r.reason)).toEqual(['restored', 'before_restore', 'edited', 'created']);
    expect(after[1]!.headline).toBe('Bản thứ hai có thêm chữ');
  });

  it('keeps settings: locale and last article', async () => {
    const b = backend();
    expect((await b.getSettings()).locale).toBe('vi');
    expect((await b.setLocale('en')).locale).toBe('en');
    await b.setLastArticle(4);
    expect((await b.getSettings()).last_article_id).toBe(4);
  });
});

describe('MemoryBackend checks', () => {
  it('marks runs in .Vn… and VNI… fonts as legacy, by the first family only', async () => {
    const b = new MemoryBackend();
    const runs = await b.convertFontRuns([
      { font: '.VnTime', text: 'a' },
      { font: '.VnTimeH', text: 'b' },
      { font: 'VNI-Times, serif', text: 'c' },
      { font: 'Arial, .VnTime', text: 'd' },
      { font: '', text: 'Hoà'.normalize('NFD') },
    ]);
    expect(runs.map((r) => r.from)).toEqual(['tcvn3', 'tcvn3', 'vni', null, null]);
    expect(runs[4]!.text).toBe('Hoà'.normalize('NFC'));
  });

  it('keeps check settings and the dictionary, and rejects a bad abbreviation line', async () => {
    const b = new MemoryBackend();
    const settings = await b.getCheckSettings();
    expect(settings.house_style).toBe('hòa');
    expect(await b.setCheckSettings({ ...settings, house_style: 'hoà' })).toMatchObject({ house_style: 'hoà' });
    const err = await rejection(b.setCheckSettings({ ...settings, abbreviations: 'UBND = ủy ban nhân dân\nkhông có dấu bằng' }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('dòng 2');
    expect(await b.addUserWord(' Hải An ')).toEqual(['Hải An']);
    expect(await b.removeUserWord('Hải An')).toEqual([]);
  });
});

describe('MemoryBackend photos', () => {
  const figure = (id: number, alt = 'mô tả') => ({
    type: 'figure',
    attrs: { media_id: id, credit: 'Ảnh: A', alt, crop: null, rotation: 0 },
    content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Chú thích' }] }],
  });

  it('refuses a body whose figure shows a photo not in the library, and links the ones that are', async () => {
    const b = backend();
    const a = await b.createArticle(blank);
    const err = await rejection(b.updateArticle(a.id, { base_version: 1, body: { type: 'doc', content: [figure(5)] } }));
    expect(err.code).toBe('not_found');
    const [photo] = await b.importPhotoFiles('j', ['/x/a.jpg'], null, () => undefined);
    await b.updateArticle(a.id, { base_version: 1, body: { type: 'doc', content: [figure(photo!.media!.id)] } });
    expect((await b.articleMedia(a.id)).map((m) => m.id)).toEqual([photo!.media!.id]);
  });

  it('refuses "submitted" with incomplete figures, naming them from 1', async () => {
    const b = backend();
    await b.importPhotoFiles('j', ['/x/a.jpg', '/x/b.png'], null, () => undefined);
    const a = await b.createArticle({ ...blank, body: { type: 'doc', content: [figure(1), figure(2, ' ')] } });
    const err = await rejection(b.changeStatus(a.id, { to: 'submitted' }));
    expect((await rejection(b.updateArticle(a.id, { base_version: 1, status: 'submitted' }))).code).toBe('workflow_refused');
    expect(err.code).toBe('incomplete_figures');
    expect(err.message).toContain('ảnh số 2');
    expect((await b.getArticle(a.id)).status).toBe('draft');
  });

  it('reports duplicates, bad files and the featured image (0 removes it)', async () => {
    const b = backend();
    const a = await b.createArticle(blank);
    const results = await b.importPhotoFiles('j', ['/x/a.jpg', '/x/notes.txt', '/x/a.jpg'], a.id, () => undefined);
    expect(results.map((r) => [r.media?.id ?? null, r.duplicate, r.error?.code ?? null])).toEqual([
      [1, false, null],
      [null, false, 'invalid_media'],
      [1, true, null],
    ]);
    const u = await b.updateArticle(a.id, { base_version: 1, featured_media_id: 1 });
    expect(u.featured_media_id).toBe(1);
    expect((await b.updateArticle(a.id, { base_version: 2, featured_media_id: 0 })).featured_media_id).toBeNull();
  });
});

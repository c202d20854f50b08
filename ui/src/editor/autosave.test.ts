import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../bindings/Article';
import type { ArticleChanges } from '../backend/backend';
import { MemoryBackend } from '../backend/memory';
import { AutosaveController, type SaveState } from './autosave';

/** A memory backend whose saves can be held open, to see what happens while one is in flight. */
class SlowBackend extends MemoryBackend {
  patches: ArticleChanges[] = [];
  inFlight = 0;
  maxInFlight = 0;
  hold = false;
  private releases: Array<() => void> = [];

  override async updateArticle(id: number, patch: ArticleChanges): Promise<Article> {
    this.patches.push(patch);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hold) await new Promise<void>((resolve) => this.releases.push(resolve));
      return await super.updateArticle(id, patch);
    } finally {
      this.inFlight--;
    }
  }

  release(): void {
    this.releases.splice(0).forEach((r) => r());
  }
}

async function setup(options: { debounceMs?: number; maxWaitMs?: number } = {}) {
  const backend = new SlowBackend();
  const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
  const states: SaveState[] = [];
  const saved: Article[] = [];
  const controller = new AutosaveController({
    backend,
    articleId: article.id,
    version: article.version,
    debounceMs: options.debounceMs ?? 500,
    maxWaitMs: options.maxWaitMs ?? 3000,
    onState: (s) => states.push(s),
    onSaved: (a) => saved.push(a),
  });
  return { backend, article, controller, states, saved };
}

/** Lets timers fire and promises settle. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AutosaveController', () => {
  it('reads a lazy field (the body) once per save, not on each change; a later plain value replaces it', async () => {
    const { backend, controller } = await setup();
    let reads = 0;
    let body = 'a';
    const read = () => {
      reads++;
      return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] };
    };
    for (const next of ['ab', 'abc', 'abcd']) {
      body = next;
      controller.changeLazily('body', read);
      await advance(100);
    }
    expect(reads).toBe(0);
    await advance(500);
    expect(reads).toBe(1);
    expect(backend.patches.at(-1)?.body).toEqual(read());
    controller.changeLazily('body', read);
    controller.change({ body: { type: 'doc', content: [] } });
    reads = 0;
    await advance(500);
    expect(reads).toBe(0);
    expect(backend.patches.at(-1)?.body).toEqual({ type: 'doc', content: [] });
  });

  it('waits for a pause in typing, then saves the last value once', async () => {
    const { backend, controller, states } = await setup();
    controller.change({ headline: 'T' });
    await advance(300);
    controller.change({ headline: 'Tí' });
    await advance(300);
    controller.change({ headline: 'Tít mới' });
    expect(controller.state).toBe('pending');
    await advance(499);
    expect(backend.patches).toHaveLength(0);
    await advance(1);
    expect(backend.patches).toEqual([{ base_version: 1, headline: 'Tít mới' }]);
    expect(controller.state).toBe('saved');
    expect(states).toContain('saving');
  });

  it('saves at most every maxWait while typing goes on', async () => {
    const { backend, controller } = await setup();
    for (let i = 0; i < 40; i++) {
      controller.change({ sapo: 'x'.repeat(i + 1) });
      await advance(100);
    }
    // 4 s of continuous typing: a save at 3 s, none waiting for a pause.
    expect(backend.patches.length).toBeGreaterThanOrEqual(1);
    expect(backend.patches[0]!.sapo!.length).toBeLessThanOrEqual(31);
  });

  it('never has two saves in flight and chains versions', async () => {
    const { backend, controller } = await setup({ debounceMs: 10 });
    backend.hold = true;
    controller.change({ headline: 'một' });
    await advance(10);
    expect(backend.inFlight).toBe(1);
    controller.change({ headline: 'hai' });
    controller.change({ sapo: 'sapo' });
    await advance(100);
    expect(backend.inFlight).toBe(1);
    expect(controller.state).toBe('saving');
    backend.release();
    await advance(20);
    backend.release();
    await advance(20);
    expect(backend.maxInFlight).toBe(1);
    expect(backend.patches).toEqual([
      { base_version: 1, headline: 'một' },
      { base_version: 2, headline: 'hai', sapo: 'sapo' },
    ]);
    expect(controller.version).toBe(3);
    expect(controller.state).toBe('saved');
  });

  it('on conflict keeps the unsaved text, stops saving and can overwrite', async () => {
    const { backend, article, controller } = await setup({ debounceMs: 10 });
    await backend.updateArticle(article.id, { base_version: 1, headline: 'Người khác sửa' });
    controller.change({ headline: 'Bản của tôi' });
    await advance(10);
    expect(controller.state).toBe('error');
    expect(controller.error?.code).toBe('conflict');
    controller.change({ sapo: 'gõ tiếp' });
    await advance(1000);
    expect(backend.patches.filter((p) => p.base_version === 1 && p.headline === 'Bản của tôi')).toHaveLength(1);
    expect(controller.dirty).toBe(true);
    expect((await backend.getArticle(article.id)).headline).toBe('Người khác sửa');

    const latest = await backend.getArticle(article.id);
    await controller.overwrite(latest.version, {});
    const stored = await backend.getArticle(article.id);
    expect(stored).toMatchObject({ headline: 'Bản của tôi', sapo: 'gõ tiếp' });
    expect(controller.state).toBe('saved');
  });

  it('flush saves pending edits at once and waits for the save in flight', async () => {
    const { backend, controller } = await setup();
    controller.change({ byline: 'Nhóm PV' });
    await controller.flush();
    expect(backend.patches).toEqual([{ base_version: 1, byline: 'Nhóm PV' }]);
    expect(controller.state).toBe('saved');
    expect(controller.dirty).toBe(false);

    backend.hold = true;
    controller.change({ byline: 'A' });
    await advance(500);
    controller.change({ byline: 'B' });
    let done = false;
    const flushing = controller.flush().then(() => (done = true));
    await advance(0);
    expect(done).toBe(false);
    backend.release();
    await advance(0);
    backend.release();
    await flushing;
    expect((await backend.getArticle(1)).byline).toBe('B');
    expect(backend.maxInFlight).toBe(1);
  });

  it('keeps fields of a failed save and retries them', async () => {
    const { backend, controller } = await setup({ debounceMs: 10 });
    const original = backend.updateArticle.bind(backend);
    let fail = true;
    backend.updateArticle = async (id, patch) => {
      if (fail) {
        backend.patches.push(patch);
        throw { code: 'io', message: 'Lỗi vào/ra: đĩa đầy' };
      }
      return original(id, patch);
    };
    controller.change({ dateline: 'Hải Phòng' });
    await advance(10);
    expect(controller.state).toBe('error');
    expect(controller.error).toMatchObject({ code: 'io' });
    fail = false;
    await controller.retry();
    expect((await backend.getArticle(1)).dateline).toBe('Hải Phòng');
    expect(controller.state).toBe('saved');
  });

  it('hands the pending edit to "Gửi" after the save in flight: one save per version, never a conflict', async () => {
    const { backend, controller, saved } = await setup();
    backend.hold = true;
    controller.change({ headline: 'Một' });
    await advance(500);
    expect(backend.inFlight).toBe(1);
    controller.change({ sapo: 'Hai' });
    const sends: Array<ArticleChanges | null> = [];
    const sent = controller.saveVia(async (patch) => {
      sends.push(patch);
      controller.change({ byline: 'Ba' }); // typed while "Gửi" is in flight: waits for it
      await advance(600);
      return backend.updateArticle(1, patch!);
    });
    backend.hold = false;
    backend.release();
    const article = await sent;
    expect(sends).toEqual([{ base_version: 2, sapo: 'Hai' }]);
    expect(article.version).toBe(3);
    await advance(600);
    expect(backend.patches).toEqual([
      { base_version: 1, headline: 'Một' },
      { base_version: 2, sapo: 'Hai' },
      { base_version: 3, byline: 'Ba' },
    ]);
    expect(backend.maxInFlight).toBe(1);
    expect(controller.state).toBe('saved');
    expect(saved.map((a) => a.version)).toEqual([2, 3, 4]);
  });

  it('sends no patch when nothing is pending, and gives the edit back when "Gửi" fails', async () => {
    const { backend, controller } = await setup();
    const seen: Array<ArticleChanges | null> = [];
    await controller.saveVia(async (patch) => {
      seen.push(patch);
      return backend.getArticle(1);
    });
    expect(seen).toEqual([null]);
    controller.change({ dateline: 'Huế' });
    await expect(controller.saveVia(async () => Promise.reject({ code: 'not_found', message: 'Không có trang' }))).rejects.toMatchObject({ code: 'not_found' });
    expect(controller.state).toBe('pending');
    await advance(600);
    expect((await backend.getArticle(1)).dateline).toBe('Huế');
    expect(controller.state).toBe('saved');
  });

  it('turns a version conflict met by "Gửi" into the usual conflict state', async () => {
    const { backend, controller } = await setup();
    await backend.updateArticle(1, { base_version: 1, sapo: 'Đồng nghiệp' });
    controller.change({ sapo: 'Của tôi' });
    await expect(controller.saveVia((patch) => backend.updateArticle(1, patch!))).rejects.toMatchObject({ code: 'conflict' });
    expect(controller.inConflict).toBe(true);
    expect(controller.dirty).toBe(true);
    await advance(600);
    expect((await backend.getArticle(1)).sapo).toBe('Đồng nghiệp');
  });

  it('holds autosave for a merge: after the save in flight, none while it runs, then what is left', async () => {
    const { backend, controller } = await setup();
    backend.hold = true;
    controller.change({ headline: 'Một' });
    await advance(500);
    const order: string[] = [];
    const held = controller.hold(async () => {
      order.push(`hold after ${backend.patches.length} save(s), ${backend.inFlight} in flight`);
      controller.change({ sapo: 'Hai' });
      expect(controller.unsaved).toEqual({ sapo: 'Hai' });
      await advance(3000); // no autosave starts meanwhile
      order.push(`still ${backend.patches.length} save(s)`);
      return 'merged';
    });
    expect(controller.dirty).toBe(true);
    backend.hold = false;
    backend.release();
    expect(await held).toBe('merged');
    await advance(0);
    expect(order).toEqual(['hold after 1 save(s), 0 in flight', 'still 1 save(s)']);
    expect(backend.patches).toEqual([
      { base_version: 1, headline: 'Một' },
      { base_version: 2, sapo: 'Hai' },
    ]);
    expect(controller.unsaved).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { NewArticle } from '../bindings/NewArticle';
import type { SyncProgress } from '../bindings/SyncProgress';
import { AppError } from './backend';
import { MemoryBackend, MemorySite } from './memory';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
const URL = 'https://tin.example.vn';
const input: EndpointInput = { name: 'Báo điện tử', url: `${URL}/wp-json/`, username: 'bientap', allow_http: false };
const PASSWORD = 'abcd EFGH ijkl MNOP';

function setUp(keychain = true) {
  const site = new MemorySite(URL, { bientap: { password: PASSWORD, name: 'Biên tập viên' } });
  const backend = new MemoryBackend({ sites: [site], manualWorker: true, keychain });
  return { site, backend };
}

async function withProfile() {
  const { site, backend } = setUp();
  const { endpoint } = await backend.saveEndpoint(input, PASSWORD);
  return { site, backend, endpoint };
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

describe('MemoryBackend publishing profiles', () => {
  it('checks the credentials, cleans the address and keeps the password in the keychain', async () => {
    const { backend } = setUp();
    const check = await backend.saveEndpoint(input, 'abcdEFGHijklMNOP');
    expect(check.remote_user).toBe('Biên tập viên');
    expect(check.password_kept).toBe('keychain');
    expect(check.endpoint).toMatchObject({ name: 'Báo điện tử', url: URL, username: 'bientap', kind: 'wordpress' });
    expect(check.endpoint.status_map).toMatchObject({ draft: 'draft', submitted: 'pending', scheduled: 'future', published: 'publish' });
    expect(check.endpoint.checked_at).not.toBeNull();
    expect(JSON.stringify(await backend.listEndpoints())).not.toContain('abcd');
  });

  it('says why a profile is refused, with a code', async () => {
    const { backend } = setUp();
    expect((await rejection(backend.saveEndpoint(input, 'wrong'))).code).toBe('auth_failed');
    expect((await rejection(backend.saveEndpoint({ ...input, url: 'https://other.example.vn' }, PASSWORD))).code).toBe('unreachable');
    const http = await rejection(backend.saveEndpoint({ ...input, url: 'http://tin.example.vn' }, PASSWORD));
    expect(http.code).toBe('endpoint_address');
    expect(http.message).toContain('không mã hoá');
    expect((await rejection(backend.saveEndpoint({ ...input, url: 'ftp://x' }, PASSWORD))).code).toBe('endpoint_address');
    expect((await rejection(backend.saveEndpoint(input, '  '))).code).toBe('invalid_input');
    expect(await backend.listEndpoints()).toEqual([]);
  });

  it('keeps the password for the session only without a keychain', async () => {
    const { backend } = setUp(false);
    expect(await backend.keychainAvailable()).toBe(false);
    expect((await backend.saveEndpoint(input, PASSWORD)).password_kept).toBe('session_only');
  });

  it('checks again and removes', async () => {
    const { backend, site } = await withProfile();
    expect((await backend.testEndpoint('Báo điện tử')).remote_user).toBe('Biên tập viên');
    site.down = true;
    expect((await rejection(backend.testEndpoint('Báo điện tử'))).code).toBe('unreachable');
    await backend.removeEndpoint('Báo điện tử');
    expect(await backend.listEndpoints()).toEqual([]);
    expect((await rejection(backend.testEndpoint('Báo điện tử'))).code).toBe('not_found');
  });
});

describe('MemoryBackend ninjs profiles', () => {
  const CMS = 'https://cms.example.vn/ninjs';
  const ninjs: EndpointInput = { name: 'CMS', kind: 'ninjs', url: `${CMS}/`, username: '', allow_http: false };

  function withReceiver(keychain = true) {
    const receiver = new MemorySite(CMS, {}, false);
    return { receiver, backend: new MemoryBackend({ sites: [receiver], manualWorker: true, keychain }) };
  }

  it('saves like Rust: the address answers, assets default to <url>/assets, a secret signs and never comes back', async () => {
    const { backend } = withReceiver();
    const check = await backend.saveEndpoint(ninjs, ' khoá-bí-mật ');
    expect(check.remote_user).toBe('HTTP 405');
    expect(check.endpoint).toMatchObject({ name: 'CMS', kind: 'ninjs', url: CMS, assets_url: `${CMS}/assets`, signed: true, username: '' });
    const again = await backend.saveEndpoint({ ...ninjs, assets_url: ' https://cdn.example.vn/assets/ ' }, '');
    expect(again.endpoint).toMatchObject({ id: check.endpoint.id, assets_url: 'https://cdn.example.vn/assets', signed: false });
    expect(await backend.listEndpoints()).toHaveLength(1);
    expect(JSON.stringify([check, again, await backend.listEndpoints()])).not.toContain('khoá');
    expect((await backend.testEndpoint('CMS')).remote_user).toBe('HTTP 405');
  });

  it('refuses what Rust refuses', async () => {
    const { backend, receiver } = withReceiver();
    expect((await rejection(backend.saveEndpoint({ ...ninjs, url: 'cms.example.vn' }, ''))).code).toBe('endpoint_address');
    expect((await rejection(backend.saveEndpoint({ ...ninjs, assets_url: 'ftp://cdn' }, ''))).code).toBe('endpoint_address');
    expect((await rejection(backend.saveEndpoint({ ...ninjs, name: ' ' }, ''))).code).toBe('invalid_input');
    receiver.down = true;
    expect((await rejection(backend.saveEndpoint(ninjs, ''))).code).toBe('unreachable');
    expect(await backend.listEndpoints()).toEqual([]);
  });

  it('leaves WordPress profiles unsigned and without an assets address', async () => {
    const { endpoint } = await withProfile();
    expect(endpoint.signed).toBe(false);
    expect(endpoint).not.toHaveProperty('assets_url');
  });
});

describe('MemoryBackend outbox', () => {
  it('saves the patch and queues in one call; the worker sends: pending → synced', async () => {
    const { backend, endpoint, site } = await withProfile();
    const a = await backend.createArticle({ ...blank, headline: 'Tin nóng' });
    const progress: SyncProgress[] = [];
    const changed: number[] = [];
    await backend.onSyncProgress((p) => progress.push(p));
    await backend.onSyncChanged((id) => changed.push(id));
    const [saved, job] = await backend.sendArticle(a.id, { base_version: 1, sapo: 'Sapo mới' }, endpoint.id);
    expect(saved).toMatchObject({ version: 2, sapo: 'Sapo mới' });
    expect(job).toMatchObject({ article_id: a.id, state: 'queued', endpoint_name: 'Báo điện tử', headline: 'Tin nóng' });
    expect((await backend.articleSyncs([a.id]))[0]!.badge).toBe('pending');
    await backend.sync.runOutbox();
    const [sync] = await backend.articleSyncs([a.id, a.id + 1000]);
    expect(sync).toMatchObject({ article_id: a.id, badge: 'synced', endpoint_id: endpoint.id, error: null });
    expect(sync!.link).toMatch(/^https:\/\/tin\.example\.vn\/\?p=\d+$/);
    expect(site.posts.get(sync!.remote_id!)!.fields).toMatchObject({ headline: 'Tin nóng', sapo: 'Sapo mới', status: 'draft' });
    expect(progress.map((p) => [p.phase, p.done, p.total])).toEqual([
      ['sending', 0, 1],
      ['sent', 1, 1],
    ]);
    expect(changed).toEqual([a.id]);
    expect(await backend.listOutbox()).toEqual([]);
    await backend.updateArticle(a.id, { base_version: 2, headline: 'Tin nóng hơn' });
    expect((await backend.articleSyncs([a.id]))[0]!.badge).toBe('changed');
  });

  it('retries when the site is down, stops when it refuses, and "Thử lại" sends again', async () => {
    const { backend, endpoint, site } = await withProfile();
    const a = await backend.createArticle({ ...blank, headline: 'Tin' });
    site.down = true;
    await backend.sendArticle(a.id, null, endpoint.id);
    await backend.sync.runOutbox();
    const [waiting] = await backend.articleSyncs([a.id]);
    expect(waiting).toMatchObject({ badge: 'pending', attempts: 1, error: { code: 'unreachable' } });
    expect(Date.parse(waiting!.next_attempt_at!)).toBeGreaterThan(Date.now());
    site.down = false;
    site.failures.push({ code: 'remote_refused', message: 'Trang từ chối yêu cầu: tài khoản này không có quyền tạo hoặc sửa bài trên trang' });
    await backend.retrySync(a.id);
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]).toMatchObject({ badge: 'error', error: { code: 'remote_refused' } });
    await backend.retrySync(a.id);
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]!.badge).toBe('synced');
    expect((await rejection(backend.retrySync(a.id))).code).toBe('invalid_input');
  });

  it('refuses a scheduled article without a time, and sends it with one', async () => {
    const { backend, endpoint } = await withProfile();
    const a = await backend.createArticle({ ...blank, headline: 'Hẹn giờ' });
    await backend.sendArticle(a.id, { base_version: 1, status: 'scheduled' }, endpoint.id);
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]).toMatchObject({ badge: 'error', error: { code: 'invalid_input' } });
    const [saved] = await backend.sendArticle(a.id, { base_version: 2, scheduled_at: '2026-12-02T08:00:00+07:00' }, endpoint.id);
    expect(saved.scheduled_at).toBe('2026-12-02T01:00:00.000Z');
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]!.badge).toBe('synced');
  });

  it('merges what only the site changed, and stops on a conflict until a person chooses', async () => {
    const { backend, endpoint, site } = await withProfile();
    const a = await backend.createArticle({ ...blank, headline: 'Tít gốc', sapo: 'Sapo gốc' });
    await backend.sendArticle(a.id, null, endpoint.id);
    await backend.sync.runOutbox();
    const remoteId = (await backend.articleSyncs([a.id]))[0]!.remote_id!;
    site.editPost(remoteId, { section: 'Thời sự' });
    await backend.sendArticle(a.id, { base_version: 1, sapo: 'Sapo ở đây' }, endpoint.id);
    await backend.sync.runOutbox();
    expect(await backend.getArticle(a.id)).toMatchObject({ section: 'Thời sự', sapo: 'Sapo ở đây' });
    expect((await backend.listRevisions(a.id))[0]!.reason).toBe('pulled');

    site.editPost(remoteId, { headline: 'Tít trên trang' });
    const v = (await backend.getArticle(a.id)).version;
    await backend.sendArticle(a.id, { base_version: v, headline: 'Tít ở đây' }, endpoint.id);
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]).toMatchObject({ badge: 'conflict', error: { code: 'sync_conflict' } });
    expect((await backend.listRevisions(a.id))[0]!.reason).toBe('remote_copy');
    expect(await backend.syncConflict(a.id)).toEqual({
      article_id: a.id,
      hunks: [{ field: 'headline', base: ['Tít gốc'], local: ['Tít ở đây'], remote: ['Tít trên trang'] }],
    });
    await backend.resolveConflict(a.id, ['remote']);
    expect((await backend.getArticle(a.id)).headline).toBe('Tít trên trang');
    expect((await backend.articleSyncs([a.id]))[0]!.badge).toBe('synced');
    expect(await backend.syncConflict(a.id)).toBeNull();
  });

  it('reports a post deleted on the site and never recreates it', async () => {
    const { backend, endpoint, site } = await withProfile();
    const a = await backend.createArticle({ ...blank, headline: 'Tin' });
    await backend.sendArticle(a.id, null, endpoint.id);
    await backend.sync.runOutbox();
    site.removePost((await backend.articleSyncs([a.id]))[0]!.remote_id!, 'trash');
    await backend.sendArticle(a.id, { base_version: 1, sapo: 'x' }, endpoint.id);
    await backend.sync.runOutbox();
    expect((await backend.articleSyncs([a.id]))[0]).toMatchObject({ badge: 'remote_gone', error: { code: 'remote_gone' } });
    expect(site.posts.size).toBe(1);
  });
});

describe('MemoryBackend pull', () => {
  it('brings pending posts in as articles, then reports them unchanged, updated or in conflict', async () => {
    const { backend, endpoint, site } = await withProfile();
    const one = site.filePost('Bài cộng tác viên', 'Sapo', ['Đoạn một.']);
    site.filePost('Bản nháp', '', [], 'draft');
    site.filePost('Đã đăng', '', [], 'publish');
    const progress: string[] = [];
    const first = await backend.pullPosts(endpoint.id, ['pending', 'draft'], (p) => progress.push(`${p.done}/${p.total}`));
    expect(first).toEqual({ created: 2, updated: 0, unchanged: 0, conflicts: 0 });
    expect(progress).toEqual(['1/2', '2/2']);
    const list = await backend.listArticles({ limit: 10, offset: 0 });
    expect(list.map((a) => [a.headline, a.status])).toEqual([
      ['Bản nháp', 'draft'],
      ['Bài cộng tác viên', 'submitted'],
    ]);
    const pulled = list.find((a) => a.headline === 'Bài cộng tác viên')!;
    expect((await backend.listRevisions(pulled.id)).map((r) => r.reason)).toEqual(['pulled', 'created']);
    expect((await backend.articleSyncs([pulled.id]))[0]!.badge).toBe('synced');

    site.editPost(one.id, { sapo: 'Sapo sửa trên trang' });
    expect(await backend.pullPosts(endpoint.id, ['pending'], () => undefined)).toEqual({ created: 0, updated: 1, unchanged: 0, conflicts: 0 });
    expect((await backend.getArticle(pulled.id)).sapo).toBe('Sapo sửa trên trang');

    const v = (await backend.getArticle(pulled.id)).version;
    await backend.updateArticle(pulled.id, { base_version: v, sapo: 'Sapo sửa ở đây' });
    site.editPost(one.id, { sapo: 'Sapo sửa lần nữa trên trang' });
    expect(await backend.pullPosts(endpoint.id, ['pending'], () => undefined)).toEqual({ created: 0, updated: 0, unchanged: 0, conflicts: 1 });
    expect((await backend.articleSyncs([pulled.id]))[0]!.badge).toBe('conflict');
    expect((await backend.getArticle(pulled.id)).sapo).toBe('Sapo sửa ở đây');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
/** Stands in for Tauri's Channel: the test plays the Rust side through `onmessage`. */
class FakeChannel<T> {
  onmessage: (message: T) => void = () => undefined;
}
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: FakeChannel,
  convertFileSrc: (path: string, protocol: string) => `${protocol}://localhost/${encodeURIComponent(path)}`,
}));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: () => ({ onDragDropEvent: vi.fn() }) }));
vi.mock('@tauri-apps/plugin-opener', () => ({ openUrl: vi.fn() }));

const { TauriBackend } = await import('./tauri');
const { AppError } = await import('./backend');

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
  invoke.mockResolvedValue(null);
});

describe('TauriBackend publishing', () => {
  it('calls each sync command with the argument names the shell expects', async () => {
    const b = new TauriBackend();
    const input = { name: 'Báo', url: 'https://tin.example.vn', username: 'bientap', allow_http: false };
    const patch = { base_version: 4, sapo: 'Sapo' };
    const calls: Array<[() => Promise<unknown>, string, unknown]> = [
      [() => b.listEndpoints(), 'list_endpoints', undefined],
      [() => b.saveEndpoint(input, 'abcd efgh'), 'save_endpoint', { input, password: 'abcd efgh' }],
      [() => b.testEndpoint('Báo'), 'test_endpoint', { name: 'Báo' }],
      [() => b.removeEndpoint('Báo'), 'remove_endpoint', { name: 'Báo' }],
      [() => b.keychainAvailable(), 'keychain_available', undefined],
      [() => b.sendArticle(7, patch, 2), 'send_article', { id: 7, patch, endpointId: 2 }],
      [() => b.sendArticle(7, null, 2), 'send_article', { id: 7, patch: null, endpointId: 2 }],
      [() => b.retrySync(7), 'retry_sync', { id: 7 }],
      [() => b.cancelSync(7), 'cancel_sync', { id: 7 }],
      [() => b.listOutbox(), 'list_outbox', undefined],
      [() => b.articleSyncs([7, 9]), 'article_syncs', { ids: [7, 9] }],
      [() => b.syncConflict(7), 'sync_conflict', { id: 7 }],
      [() => b.resolveConflict(7, ['local', 'remote']), 'resolve_conflict', { id: 7, choices: ['local', 'remote'] }],
    ];
    for (const [run, command, args] of calls) {
      invoke.mockClear();
      await run();
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(command, args);
    }
  });

  it('pulls with a progress Channel', async () => {
    const summary = { created: 1, updated: 0, unchanged: 2, conflicts: 0 };
    invoke.mockImplementationOnce(async (_command: string, args: { onProgress: FakeChannel<unknown> }) => {
      args.onProgress.onmessage({ done: 1, total: 3 });
      args.onProgress.onmessage({ done: 3, total: 3 });
      return summary;
    });
    const seen: unknown[] = [];
    expect(await new TauriBackend().pullPosts(2, ['pending'], (p) => seen.push(p))).toEqual(summary);
    expect(invoke.mock.calls[0]![0]).toBe('pull_posts');
    expect(invoke.mock.calls[0]![1]).toMatchObject({ endpointId: 2, statuses: ['pending'] });
    expect(seen).toEqual([
      { done: 1, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('listens to the worker’s events', async () => {
    const unlisten = vi.fn();
    listen.mockResolvedValue(unlisten);
    const progress: unknown[] = [];
    const changed: number[] = [];
    const b = new TauriBackend();
    expect(await b.onSyncProgress((p) => progress.push(p))).toBe(unlisten);
    await b.onSyncChanged((id) => changed.push(id));
    expect(listen.mock.calls.map((c) => c[0])).toEqual(['sync-progress', 'sync-changed']);
    const payload = { article_id: 7, headline: 'Tin', done: 1, total: 2, phase: 'sent' };
    listen.mock.calls[0]![1]({ payload });
    listen.mock.calls[1]![1]({ payload: 7 });
    expect(progress).toEqual([payload]);
    expect(changed).toEqual([7]);
  });

  it('turns a refusal with a sync code into an AppError with that code', async () => {
    invoke.mockRejectedValueOnce({ code: 'auth_failed', message: 'Sai tên đăng nhập hoặc mật khẩu ứng dụng' });
    const error = await new TauriBackend().saveEndpoint({ name: 'a', url: 'https://a.vn', username: 'u', allow_http: false }, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'auth_failed', message: 'Sai tên đăng nhập hoặc mật khẩu ứng dụng' });
  });
});

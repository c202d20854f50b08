import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../bindings/Article';

const invoke = vi.fn();
const listen = vi.fn();
const onDragDropEvent = vi.fn();
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
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: () => ({ onDragDropEvent }) }));
const openUrl = vi.fn();
vi.mock('@tauri-apps/plugin-opener', () => ({ openUrl: (...args: unknown[]) => openUrl(...args) }));

const { TauriBackend } = await import('./tauri');
const { AppError } = await import('./backend');

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
  invoke.mockResolvedValue(null);
});

describe('TauriBackend', () => {
  it('calls each command with camelCase arguments', async () => {
    const b = new TauriBackend();
    const patch = { base_version: 3, headline: 'Tít' };
    const checkSettings = { house_style: 'hoà' as const, headline_max_tieng: 12, headline_max_chars: 60, sapo_max_tieng: 60, sapo_max_chars: 300, abbreviations: 'PCCC = phòng cháy chữa cháy', allowed_abbreviations: 'FPT' };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hoà' }] }] };
    const article: Article = {
      id: 7, uid: 'u', headline: 'Tít', sapo: '', body, section: '', keywords: [], byline: '', dateline: '', slug: 'tit', slug_auto: true,
      status: 'draft', editor_note: '', featured_media_id: null, scheduled_at: null, version: 3, created_at: '', updated_at: '',
    };
    const calls: Array<[() => Promise<unknown>, string, unknown]> = [
      [() => b.libraryInfo(), 'library_info', undefined],
      [() => b.listArticles({ status: 'draft', limit: 50, offset: 0 }), 'list_articles', { query: { status: 'draft', limit: 50, offset: 0 } }],
      [() => b.searchArticles('da nang', null, 20), 'search_articles', { query: 'da nang', status: null, limit: 20 }],
      [() => b.getArticle(7), 'get_article', { id: 7 }],
      [() => b.createArticle({ headline: 'a', sapo: '', section: '', keywords: [], byline: '', dateline: '' }), 'create_article', { input: { headline: 'a', sapo: '', section: '', keywords: [], byline: '', dateline: '' } }],
      [() => b.updateArticle(7, patch), 'update_article', { id: 7, patch }],
      [() => b.deleteArticle(7), 'delete_article', { id: 7 }],
      [() => b.previewArticle(7), 'preview_article', { id: 7 }],
      [() => b.listRevisions(7), 'list_revisions', { articleId: 7 }],
      [() => b.getRevision(9), 'get_revision', { revisionId: 9 }],
      [() => b.restoreRevision(9), 'restore_revision', { revisionId: 9 }],
      [() => b.getSettings(), 'get_settings', undefined],
      [() => b.setLocale('en'), 'set_locale', { locale: 'en' }],
      [() => b.setLastArticle(null), 'set_last_article', { id: null }],
      [() => b.setLastArticle(7), 'set_last_article', { id: 7 }],
      [() => b.uiReady('script=90'), 'ui_ready', { phases: 'script=90' }],
      [() => b.flushDone(), 'flush_done', undefined],
      [() => b.checkDocument({ headline: 'Tít', sapo: 'Sapo', blocks: ['a', 'b\nc'], captions: ['Ảnh'] }), 'check_document', { input: { headline: 'Tít', sapo: 'Sapo', blocks: ['a', 'b\nc'], captions: ['Ảnh'] } }],
      [() => b.getCheckSettings(), 'get_check_settings', undefined],
      [() => b.setCheckSettings(checkSettings), 'set_check_settings', { settings: checkSettings }],
      [() => b.listUserWords(), 'list_user_words', undefined],
      [() => b.addUserWord('Hải An'), 'add_user_word', { word: 'Hải An' }],
      [() => b.removeUserWord('Hải An'), 'remove_user_word', { word: 'Hải An' }],
      [() => b.convertFontRuns([{ font: '.VnTime', text: 'Céng hßa' }]), 'convert_font_runs', { runs: [{ font: '.VnTime', text: 'Céng hßa' }] }],
      [() => b.fixToneStyle('hoà', 'thuỷ', body), 'fix_tone_style', { headline: 'hoà', sapo: 'thuỷ', body }],
      [() => b.cancelImport('job-1'), 'cancel_import', { jobId: 'job-1' }],
      [() => b.mediaInfo(4), 'media_info', { id: 4 }],
      [() => b.articleMedia(7), 'article_media', { articleId: 7 }],
      [() => b.attachMedia(7, 4), 'attach_media', { articleId: 7, mediaId: 4 }],
      [() => b.searchMedia('cau rong', 40), 'search_media', { query: 'cau rong', limit: 40 }],
      [() => b.getPhotoSettings(), 'get_photo_settings', undefined],
      [() => b.setPhotoSettings({ web_long_edge: 2048, web_quality: 80, thumb_long_edge: 320 }), 'set_photo_settings', { settings: { web_long_edge: 2048, web_quality: 80, thumb_long_edge: 320 } }],
      [() => b.updateArticle(7, { base_version: 3, featured_media_id: 0 }), 'update_article', { id: 7, patch: { base_version: 3, featured_media_id: 0 } }],
      [() => b.mergeEdit(article, patch, null), 'merge_edit', { base: article, local: patch, choices: null }],
      [() => b.mergeEdit(article, patch, ['remote', 'local']), 'merge_edit', { base: article, local: patch, choices: ['remote', 'local'] }],
    ];
    for (const [run, command, args] of calls) {
      invoke.mockClear();
      await run();
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(command, args);
    }
  });

  it('opens links through the opener plugin, with the default application only', async () => {
    await new TauriBackend().openLink('https://vnexpress.net/');
    expect(openUrl.mock.calls).toEqual([['https://vnexpress.net/']]);
    openUrl.mockRejectedValueOnce('Not allowed to open url file:///etc/passwd');
    await expect(new TauriBackend().openLink('file:///etc/passwd')).rejects.toBeInstanceOf(AppError);
  });

  it('returns what the command returns', async () => {
    invoke.mockResolvedValueOnce({ path: '/tmp/lib', article_count: 2, schema_version: 1 });
    expect(await new TauriBackend().libraryInfo()).toEqual({ path: '/tmp/lib', article_count: 2, schema_version: 1 });
  });

  it('turns a rejected {code, message} into an AppError', async () => {
    invoke.mockRejectedValueOnce({ code: 'conflict', message: 'Bài 7 vừa được lưu ở nơi khác.' });
    const err = await new TauriBackend().updateArticle(7, { base_version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'conflict', message: 'Bài 7 vừa được lưu ở nơi khác.' });
  });

  it('passes a rejected abbreviation line on with its message', async () => {
    invoke.mockRejectedValueOnce({ code: 'invalid_input', message: 'Dòng 2 của danh sách viết tắt không đúng dạng.' });
    const err = await new TauriBackend().setCheckSettings({ house_style: 'hòa', headline_max_tieng: 1, headline_max_chars: 1, sapo_max_tieng: 1, sapo_max_chars: 1, abbreviations: 'x', allowed_abbreviations: '' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_input', message: 'Dòng 2 của danh sách viết tắt không đúng dạng.' });
  });

  it('turns a bare string rejection into an internal AppError, keeping the text', async () => {
    invoke.mockRejectedValueOnce('command not found');
    const err = await new TauriBackend().getSettings().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal', message: 'command not found' });
  });

  it('listens for library-changed (no payload)', async () => {
    const unlisten = vi.fn();
    listen.mockResolvedValueOnce(unlisten);
    let heard = 0;
    const stop = await new TauriBackend().onLibraryChanged(() => heard++);
    expect(listen).toHaveBeenCalledWith('library-changed', expect.any(Function));
    (listen.mock.calls[0]![1] as (event: unknown) => void)({ payload: null });
    expect(heard).toBe(1);
    expect(stop).toBe(unlisten);
  });

  it('listens for flush-request and hands the event to the handler', async () => {
    const unlisten = vi.fn();
    listen.mockResolvedValueOnce(unlisten);
    const handler = vi.fn().mockResolvedValue(undefined);
    const stop = await new TauriBackend().onFlushRequest(handler);
    expect(listen).toHaveBeenCalledWith('flush-request', expect.any(Function));
    const callback = listen.mock.calls[0]![1] as () => void;
    callback();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(stop).toBe(unlisten);
  });

  it('imports files with a progress Channel and hands progress to the caller', async () => {
    const progress: unknown[] = [];
    invoke.mockImplementationOnce(async (_cmd: string, args: { onProgress: FakeChannel<unknown> }) => {
      args.onProgress.onmessage({ done: 1, total: 2, failed: 0 });
      args.onProgress.onmessage({ done: 2, total: 2, failed: 1 });
      return [];
    });
    await new TauriBackend().importPhotoFiles('job-9', ['/a.jpg', '/b.txt'], 7, (p) => progress.push(p));
    expect(invoke).toHaveBeenCalledWith('import_photo_files', {
      jobId: 'job-9',
      paths: ['/a.jpg', '/b.txt'],
      articleId: 7,
      onProgress: expect.any(FakeChannel),
    });
    expect(progress).toEqual([{ done: 1, total: 2, failed: 0 }, { done: 2, total: 2, failed: 1 }]);
  });

  it('sends pasted bytes as a raw body with the name and article in headers', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff]);
    await new TauriBackend().importPhotoData('Ảnh bão.jpg', bytes, 7);
    expect(invoke).toHaveBeenCalledWith('import_photo_data', bytes, {
      headers: { 'x-file-name': '%E1%BA%A2nh%20b%C3%A3o.jpg', 'x-article-id': '7' },
    });
    invoke.mockClear();
    await new TauriBackend().importPhotoData('x.png', bytes, null);
    expect(invoke).toHaveBeenCalledWith('import_photo_data', bytes, { headers: { 'x-file-name': 'x.png' } });
  });

  it('knows the new error codes', async () => {
    invoke.mockRejectedValueOnce({ code: 'incomplete_figures', message: 'ảnh số 2' });
    const err = await new TauriBackend().updateArticle(7, { base_version: 1, status: 'submitted' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'incomplete_figures', message: 'ảnh số 2' });
  });

  it('builds media: URLs with crop and rotation', () => {
    const b = new TauriBackend();
    expect(b.mediaUrl(4, 'thumb')).toBe('media://localhost/4/thumb');
    expect(b.mediaUrl(4, 'web', { crop: { x: 0, y: 0.078125, width: 1, height: 0.84375 }, rotation: 1 })).toBe(
      'media://localhost/4/web?crop=0,0.078125,1,0.84375&rot=1',
    );
  });

  it('passes desktop drops on in CSS pixels', async () => {
    const stop = vi.fn();
    onDragDropEvent.mockResolvedValueOnce(stop);
    const seen: unknown[] = [];
    const unlisten = await new TauriBackend().onFileDrop((e) => seen.push(e));
    const handler = onDragDropEvent.mock.calls[0]![0] as (e: unknown) => void;
    const ratio = window.devicePixelRatio || 1;
    handler({ payload: { type: 'drop', paths: ['/a.jpg'], position: { x: 100 * ratio, y: 40 * ratio } } });
    handler({ payload: { type: 'leave' } });
    expect(seen).toEqual([
      { type: 'drop', paths: ['/a.jpg'], x: 100, y: 40 },
      { type: 'leave', paths: [], x: 0, y: 0 },
    ]);
    expect(unlisten).toBe(stop);
  });
});

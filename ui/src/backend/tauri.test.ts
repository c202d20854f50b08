import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));

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
    const checkSettings = { house_style: 'hoà' as const, headline_max_tieng: 12, headline_max_chars: 60, sapo_max_tieng: 60, sapo_max_chars: 300, abbreviations: 'PCCC = phòng cháy chữa cháy' };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hoà' }] }] };
    const calls: Array<[() => Promise<unknown>, string, unknown]> = [
      [() => b.libraryInfo(), 'library_info', undefined],
      [() => b.listArticles({ status: 'draft', limit: 50, offset: 0 }), 'list_articles', { query: { status: 'draft', limit: 50, offset: 0 } }],
      [() => b.searchArticles('da nang', null, 20), 'search_articles', { query: 'da nang', status: null, limit: 20 }],
      [() => b.getArticle(7), 'get_article', { id: 7 }],
      [() => b.createArticle({ headline: 'a', sapo: '', section: '', keywords: [], byline: '', dateline: '' }), 'create_article', { input: { headline: 'a', sapo: '', section: '', keywords: [], byline: '', dateline: '' } }],
      [() => b.updateArticle(7, patch), 'update_article', { id: 7, patch }],
      [() => b.deleteArticle(7), 'delete_article', { id: 7 }],
      [() => b.listRevisions(7), 'list_revisions', { articleId: 7 }],
      [() => b.getRevision(9), 'get_revision', { revisionId: 9 }],
      [() => b.restoreRevision(9), 'restore_revision', { revisionId: 9 }],
      [() => b.getSettings(), 'get_settings', undefined],
      [() => b.setLocale('en'), 'set_locale', { locale: 'en' }],
      [() => b.setLastArticle(null), 'set_last_article', { id: null }],
      [() => b.setLastArticle(7), 'set_last_article', { id: 7 }],
      [() => b.uiReady(), 'ui_ready', undefined],
      [() => b.flushDone(), 'flush_done', undefined],
      [() => b.checkDocument({ headline: 'Tít', sapo: 'Sapo', blocks: ['a', 'b\nc'] }), 'check_document', { input: { headline: 'Tít', sapo: 'Sapo', blocks: ['a', 'b\nc'] } }],
      [() => b.getCheckSettings(), 'get_check_settings', undefined],
      [() => b.setCheckSettings(checkSettings), 'set_check_settings', { settings: checkSettings }],
      [() => b.listUserWords(), 'list_user_words', undefined],
      [() => b.addUserWord('Hải An'), 'add_user_word', { word: 'Hải An' }],
      [() => b.removeUserWord('Hải An'), 'remove_user_word', { word: 'Hải An' }],
      [() => b.convertFontRuns([{ font: '.VnTime', text: 'Céng hßa' }]), 'convert_font_runs', { runs: [{ font: '.VnTime', text: 'Céng hßa' }] }],
      [() => b.fixToneStyle('hoà', 'thuỷ', body), 'fix_tone_style', { headline: 'hoà', sapo: 'thuỷ', body }],
    ];
    for (const [run, command, args] of calls) {
      invoke.mockClear();
      await run();
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(command, args);
    }
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
    const err = await new TauriBackend().setCheckSettings({ house_style: 'hòa', headline_max_tieng: 1, headline_max_chars: 1, sapo_max_tieng: 1, sapo_max_chars: 1, abbreviations: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_input', message: 'Dòng 2 của danh sách viết tắt không đúng dạng.' });
  });

  it('turns a bare string rejection into an internal AppError, keeping the text', async () => {
    invoke.mockRejectedValueOnce('command not found');
    const err = await new TauriBackend().getSettings().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal', message: 'command not found' });
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
});

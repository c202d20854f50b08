import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootApp, destroyApps } from '../app/testing';
import { MemoryBackend } from '../backend/memory';
import type { DocumentImportResult } from '../bindings/DocumentImportResult';
import type { NewArticle } from '../bindings/NewArticle';

const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

function choose(files: File[]): void {
  const input = document.querySelector<HTMLInputElement>('#document-file-input')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Word and handover files in', () => {
  it('a chosen Word document opens as an article, with what was converted and left out', async () => {
    const backend = new MemoryBackend();
    backend.documentImporter = async (name) => {
      const article = await backend.createArticle({ ...blank, headline: 'Hà Nội thông xe cầu mới' });
      return {
        file: name,
        imported: {
          kind: 'docx',
          article,
          photos: 2,
          converted: [{ font: '.VnTime', encoding: 'tcvn3', runs: 3, chars: 120, sample: 'Sáng nay, cầu được thông xe' }],
          not_imported: [{ what: 'equation', count: 1, detail: '1 công thức (Word Equation)' }],
          notices: [{ kind: 'tables_flattened', message: 'Bảng đã chuyển thành đoạn văn, mỗi hàng một đoạn.' }],
        },
        error: null,
      };
    };
    const { app } = await bootApp(backend);
    const opened: number[] = [];
    app.openArticle = async (id) => void opened.push(id);
    choose([new File([new Uint8Array([80, 75, 3, 4])], 'bai-viet.docx')]);
    await vi.waitFor(() => expect(document.querySelector('#document-import-report')).not.toBeNull());
    const lines = [...document.querySelectorAll('.document-import-lines li')].map((li) => li.textContent);
    expect(lines).toEqual([
      '2 ảnh',
      'Đã chuyển 3 đoạn phông .VnTime (TCVN3) sang Unicode, ví dụ: “Sáng nay, cầu được thông xe”',
      'Bảng đã chuyển thành đoạn văn, mỗi hàng một đoạn.',
      'Không nhập: 1 công thức (Word Equation)',
    ]);
    expect(document.querySelector('.document-import-title')!.textContent).toBe('Hà Nội thông xe cầu mới');
    expect(opened).toHaveLength(1);
    document.querySelector<HTMLElement>('#document-import-close')!.click();
    flushSync();
    expect(document.querySelector('#document-import-report')).toBeNull();
  });

  it('a file that is not a Word or handover file is reported, and nothing is created', async () => {
    const backend = new MemoryBackend();
    await bootApp(backend);
    choose([new File(['xin chào'], 'ghi-chu.txt')]);
    await vi.waitFor(() => expect(document.querySelector('#document-import-report')).not.toBeNull());
    expect(document.querySelector('.document-import')!.getAttribute('data-outcome')).toBe('error');
    expect(document.querySelector('.document-import-lines .error')!.textContent).toContain('chỉ nhập được tài liệu Word');
    expect(await backend.listArticles({ limit: 10, offset: 0 })).toEqual([]);
  });

  it('a handover file that clashes is decided side by side before anything changes', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Tít ở đây' });
    const calls: Array<string[] | null> = [];
    backend.documentImporter = async (name, choices) => {
      calls.push(choices);
      const base = { article_id: article.id, headline: 'Tít ở đây', photos_added: 0, notes_added: 0, revisions_added: 0, transitions_added: 0 };
      const result: DocumentImportResult = choices
        ? { file: name, imported: { kind: 'handover', outcome: 'merged', ...base, conflicts: [], message: 'Đã gộp bài từ tệp.' }, error: null }
        : {
            file: name,
            imported: {
              kind: 'handover',
              outcome: 'conflict',
              ...base,
              conflicts: [{ field: 'headline', base: ['Tít cũ'], local: ['Tít ở đây'], remote: ['Tít trong tệp'] }],
              message: 'Có 1 chỗ sửa trùng.',
            },
            error: null,
          };
      return result;
    };
    const { app } = await bootApp(backend);
    app.openArticle = async () => undefined;
    choose([new File([new Uint8Array([80, 75, 3, 4])], 'bai.banthao')]);
    await vi.waitFor(() => expect(document.querySelector('#conflict-view:not([hidden])')?.textContent).toContain('Tít trong tệp'));
    expect(document.querySelector('#conflict-view')!.textContent).toContain('Bản trong tệp');
    expect(calls).toEqual([null]);
    await vi.waitFor(() => expect(app.documents.conflict.hunks).toHaveLength(1));
    app.documents.conflict.chooseAll('remote');
    await app.documents.conflict.apply();
    await vi.waitFor(() => expect(document.querySelector('#document-import-report')).not.toBeNull());
    expect(calls).toEqual([null, ['remote']]);
    expect(document.querySelector('.document-import')!.getAttribute('data-outcome')).toBe('merged');
    expect(document.querySelector('.document-import-lines li')!.textContent).toBe('Đã gộp bài từ tệp.');
  });
});

describe('Xuất bài', () => {
  it('saves what is typed, asks where, and says where it went', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ ...blank, headline: 'Bài để xuất' });
    const { app } = await bootApp(backend);
    await app.openArticle(article.id);
    await vi.waitFor(() => expect(document.querySelector('#export-article')).not.toBeNull());
    const select = document.querySelector<HTMLSelectElement>('#export-format')!;
    select.value = 'ninjs';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    backend.exportPath = '/tmp/bai-de-xuat.ninjs.json';
    document.querySelector<HTMLElement>('#export-article')!.click();
    await vi.waitFor(() => expect(backend.exported).toEqual([{ id: article.id, format: 'ninjs', path: '/tmp/bai-de-xuat.ninjs.json' }]));
    await vi.waitFor(() => expect(document.querySelector('#notice')!.textContent).toContain('Đã xuất bài ra /tmp/bai-de-xuat.ninjs.json.'));

    backend.exportPath = null; // the dialog closed: nothing written, nothing said
    document.querySelector<HTMLElement>('#export-article')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.exported).toHaveLength(1);
  });
});

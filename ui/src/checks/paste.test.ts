import { flushSync } from 'svelte';
import { undo } from 'prosemirror-history';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FontRun } from '../bindings/FontRun';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import { destroyApps, openInEditor } from '../app/testing';
import { collectRuns, legacyRuns, mentionsLegacyFont, toPlainText } from './legacy-paste';

/** A few runs the fake converter knows (the real tables are in Rust). */
const LEGACY: Record<string, string> = {
  'Céng hßa': 'Cộng hòa',
  'n\u00ADíc': 'nước',
  'Vieät Nam': 'Việt Nam',
  'COÄNG HOØA': 'CỘNG HÒA',
};

const WORD_HTML = `<html><head><style>p.MsoNormal {font-family:"Times New Roman"}</style></head><body>
<!--StartFragment--><p class=MsoNormal><span style='font-size:14.0pt;font-family:".VnTime"'>Céng hßa</span></p>
<p class=MsoNormal><span style='mso-bidi-font-family:Arial;font-family:"VNI-Times",serif'>Vieät Nam</span></p>
<p class=MsoNormal><span style="font-family:Arial">Tin mới</span></p><!--EndFragment--></body></html>`;

const para = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
});

async function openEditor(body?: PmNode) {
  const backend = new MemoryBackend({ legacyConverter: (run) => LEGACY[run.text] ?? run.text });
  const convert = vi.spyOn(backend, 'convertFontRuns');
  const article = await backend.createArticle({ headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '', body });
  const { editor: view } = await openInEditor(backend, article.id);
  return { backend, convert, view, pm: view.body.view };
}

/** What the end-to-end test dispatches: a paste event carrying clipboard HTML (jsdom has no DataTransfer). */
function pasteEvent(html: string, plain = ''): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  const data: Record<string, string> = { 'text/html': html, 'text/plain': plain };
  Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => data[type] ?? '', types: Object.keys(data) } });
  return event;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('legacy-font paste into the body', () => {
  it('converts TCVN3 and VNI runs in one call, inserts Unicode, one undo reverts, tells the user', async () => {
    const { convert, view, pm } = await openEditor({ type: 'doc', content: [para('Mở đầu ')] });
    pm.dispatch(pm.state.tr.setSelection(TextSelection.atEnd(pm.state.doc)));
    pm.dispatch(pm.state.tr.insertText('gõ '));
    const before = pm.state.doc.toJSON();
    const event = pasteEvent(WORD_HTML, 'Céng hßa');
    document.querySelector('#body .ProseMirror')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await settle();

    expect(convert).toHaveBeenCalledTimes(1);
    expect(convert.mock.calls[0]![0]).toEqual<FontRun[]>([
      { font: '.VnTime', text: 'Céng hßa' },
      { font: 'VNI-Times', text: 'Vieät Nam' },
      { font: 'Arial', text: 'Tin mới' },
    ]);
    expect(view.body.doc.textContent).toBe('Mở đầu gõ Cộng hòaViệt NamTin mới');
    expect(view.body.toJSON().content!.map((p) => p.content?.map((c) => c.text).join(''))).toEqual(['Mở đầu gõ Cộng hòa', 'Việt Nam', 'Tin mới']);
    const notice = document.querySelector<HTMLElement>('#editor-notice')!;
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toBe('Đã chuyển 2 đoạn từ TCVN3, VNI sang Unicode — Ctrl+Z để hoàn tác');

    expect(undo(pm.state, pm.dispatch)).toBe(true);
    expect(pm.state.doc.toJSON()).toEqual(before);
  });

  it('keeps the TCVN3 ư (a soft hyphen) until conversion, and reads <font face>', async () => {
    const { convert, view } = await openEditor();
    const html = `<p><font face=".VnTimeH">n&shy;íc</font> <font face="VNI-Helve, sans-serif">COÄNG HOØA</font></p>`;
    view.body.view.dom.dispatchEvent(pasteEvent(html));
    await settle();
    expect(convert.mock.calls[0]![0]).toEqual([
      { font: '.VnTimeH', text: 'n\u00ADíc' },
      { font: 'VNI-Helve', text: 'COÄNG HOØA' },
    ]);
    expect(view.body.doc.textContent).toBe('nước CỘNG HÒA');
  });

  it('leaves a paste without legacy fonts to the usual path', async () => {
    const { convert, view } = await openEditor();
    const event = pasteEvent('<p><span style="font-family:Arial">Hoà bình</span> <a href="https://vnexpress.vn">.vn</a></p>');
    view.body.view.dom.dispatchEvent(event);
    await settle();
    expect(convert).not.toHaveBeenCalled();
    expect(mentionsLegacyFont('<span style="font-family:Arial, .VnTime">x</span>')).toBe(false);
    expect(legacyRuns('<span style="mso-ascii-font-family:Arial;font-family:Arial">.VnTime</span>')).toBeNull();
  });

  it('never lets scripts or handlers from the clipboard reach the page', async () => {
    const { view } = await openEditor();
    const w = window as unknown as { __pwned?: number };
    const html = `<p><span style='font-family:".VnTime"' onclick="window.__pwned=1">Céng hßa</span>
      <script>window.__pwned=2</script><img src=x onerror="window.__pwned=3">
      <a href="javascript:window.__pwned=4">xấu</a> <a href="https://ok.vn" onmouseover="window.__pwned=5">tốt</a>
      <iframe src="javascript:window.__pwned=6"></iframe><style>body{display:none}</style></p>`;
    view.body.view.dom.dispatchEvent(pasteEvent(html));
    await settle();
    const dom = view.body.view.dom;
    expect(dom.textContent).toContain('Cộng hòa');
    expect(dom.textContent).not.toContain('__pwned');
    expect(dom.textContent).not.toContain('display:none');
    expect(dom.querySelector('script, img, iframe, style, [onclick], [onerror], [onmouseover]')).toBeNull();
    expect([...dom.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://ok.vn']);
    expect(document.querySelector('script, img[src="x"]')).toBeNull();
    expect(w.__pwned).toBeUndefined();
  });
});

describe('legacy-font paste into headline and sapo', () => {
  it('converts to one line of plain text and saves it like typing', async () => {
    const { convert, view, backend } = await openEditor();
    const headline = document.querySelector<HTMLTextAreaElement>('#headline')!;
    headline.value = 'Tít: ';
    headline.setSelectionRange(5, 5);
    headline.dispatchEvent(pasteEvent(WORD_HTML));
    await settle();
    expect(convert).toHaveBeenCalledTimes(1);
    expect(headline.value).toBe('Tít: Cộng hòa Việt Nam Tin mới');
    expect(document.querySelector('#editor-notice')!.textContent).toContain('TCVN3, VNI');
    await view.flush();
    expect((await backend.getArticle(view.articleId)).headline).toBe('Tít: Cộng hòa Việt Nam Tin mới');
  });
});

describe('runs', () => {
  it('takes the font from the nearest ancestor, inline style first, then class rules', () => {
    const html = `<head><style>/* Word */ p.Legacy, li.Legacy {mso-style-name:x; font-family:".VnArial"}</style></head>
      <body><p class=Legacy>Céng <b>hßa</b> <span style="font-family:Arial">x</span></p><p>y</p></body>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(collectRuns(doc).map((r) => [r.node.data, r.font])).toEqual([
      ['Céng ', '.VnArial'],
      ['hßa', '.VnArial'],
      ['x', 'Arial'],
      ['y', ''],
    ]);
    expect(toPlainText(doc)).toBe('Céng hßa x y');
  });
});

describe('tables and pictures in a paste', () => {
  const TABLE = `<table><tr><th>Tỉnh</th><th>Lượng mưa</th></tr><tr><td>Hà Nội</td><td> 120 mm </td></tr>
    <tr><td>Huế</td><td><b>85</b> mm</td></tr></table><p>Nguồn: <img src="file:///tmp/logo.png">Trung tâm Dự báo</p>`;

  it('makes each row of a table a paragraph with its cells apart, and says a table and a picture were not kept as they were', async () => {
    const { view, pm } = await openEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    const event = pasteEvent(TABLE, 'TỉnhLượng mưa');
    document.querySelector('#body .ProseMirror')!.dispatchEvent(event);
    await settle();
    const texts = (pm.state.doc.toJSON().content as PmNode[]).map((p) => (p.content ?? []).map((t) => t.text).join(''));
    expect(texts.filter(Boolean)).toEqual(['Tỉnh | Lượng mưa', 'Hà Nội | 120 mm', 'Huế | 85 mm', 'Nguồn: Trung tâm Dự báo']);
    expect(view.checks.notice.current).toMatchObject({ key: 'paste.tableAndImages', params: { rows: 3, images: 1 } });
    expect(document.querySelector('#editor-notice')!.textContent).toMatch(/^Bảng đã dán được chuyển thành 3 đoạn; 1 ảnh/);
  });

  it('leaves a paste without tables or pictures as it is, and says nothing', async () => {
    const { view, pm } = await openEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    document.querySelector('#body .ProseMirror')!.dispatchEvent(pasteEvent('<p>Chỉ có <b>chữ</b>.</p>', 'Chỉ có chữ.'));
    await settle();
    expect(pm.state.doc.textContent).toBe('Chỉ có chữ.');
    expect(view.checks.notice.current).toBeNull();
  });

  it('imports the pictures carried in a paste as figures', async () => {
    const { backend, view, pm } = await openEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    const imported = vi.spyOn(backend, 'importPhotoData');
    // A 1×1 PNG, as a browser copies a picture inline.
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    document.querySelector('#body .ProseMirror')!.dispatchEvent(pasteEvent(`<p>Ảnh: <img src="data:image/png;base64,${PNG}"></p>`, 'Ảnh:'));
    await settle();
    await vi.waitFor(() => expect(imported).toHaveBeenCalledTimes(1));
    const [name, bytes] = imported.mock.calls[0]!;
    expect(name).toBe('anh-dan-1.png');
    expect([...(bytes as Uint8Array).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await vi.waitFor(() => expect(pm.state.doc.toJSON().content.some((n: PmNode) => n.type === 'figure')).toBe(true));
    expect(view.checks.notice.current).toMatchObject({ key: 'paste.imagesImported', params: { images: 1 } });
  });

  it('offers the file chooser for pictures a paste only names (Word’s temporary files)', async () => {
    const { view } = await openEditor({ type: 'doc', content: [{ type: 'paragraph' }] });
    const choose = vi.spyOn(view.photos, 'chooseFiles').mockImplementation(() => undefined);
    document.querySelector('#body .ProseMirror')!.dispatchEvent(pasteEvent('<p>Word: <img src="file:///tmp/msohtmlclip1/01/image001.jpg"></p>', 'Word:'));
    await settle();
    expect(view.checks.notice.current).toMatchObject({ key: 'paste.imagesDropped', params: { images: 1 } });
    flushSync();
    document.querySelector<HTMLElement>('#editor-notice-action')!.click();
    expect(choose).toHaveBeenCalledWith('insert');
    expect(view.checks.notice.current).toBeNull();
  });
});

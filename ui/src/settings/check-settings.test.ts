import { afterEach, describe, expect, it, vi } from 'vitest';
import { destroyApps } from '../app/testing';
import { MemoryBackend } from '../backend/memory';
import { $, $$, openSettings, settle } from './testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

function change(selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Settings → Kiểm tra bài viết', () => {
  it('round-trips house style, limits, abbreviations and the dictionary; shows errors', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ headline: 'Bài', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    const app = await openSettings(backend, article.id);
    const recheck = vi.spyOn(app.editor!, 'recheck');
    const style = $<HTMLSelectElement>('#house-style');
    expect(style.value).toBe('hòa');
    expect([...style.options].map((o) => o.textContent)).toEqual(['hoà, thuỷ, khoẻ', 'hòa, thủy, khỏe']);
    change('#house-style', 'hoà');
    await settle();
    change('#headline-max-chars', '70');
    await settle();
    expect(await backend.getCheckSettings()).toMatchObject({ house_style: 'hoà', headline_max_chars: 70 });
    expect(recheck).toHaveBeenCalledTimes(2);
    expect($('#check-settings-status').dataset.state).toBe('saved');
    expect($('#check-settings-status').textContent).toBe('Đã lưu.');

    const abbr = $<HTMLTextAreaElement>('#abbreviations');
    change('#abbreviations', 'PCCC = phòng cháy chữa cháy\nsai dòng này');
    await settle();
    expect($('#check-settings-status').dataset.state).toBe('error');
    expect($('#check-settings-status').textContent).toContain('dòng 2');
    expect(abbr.value).toContain('sai dòng này');
    change('#abbreviations', 'PCCC = phòng cháy chữa cháy');
    await settle();
    expect((await backend.getCheckSettings()).abbreviations).toBe('PCCC = phòng cháy chữa cháy');

    const word = $<HTMLInputElement>('#user-word-input');
    word.value = 'Hải An';
    word.dispatchEvent(new Event('input', { bubbles: true }));
    $('#user-word-add').click();
    await settle();
    expect($$('.user-word').map((li) => li.dataset.word)).toEqual(['Hải An']);
    expect(word.value).toBe('');
    $('.remove-user-word').click();
    await settle();
    expect(await backend.listUserWords()).toEqual([]);
    expect($('.user-words-empty')).not.toBeNull();
    expect(recheck).toHaveBeenCalledTimes(5);
  });

  it('adds a house abbreviation on top of the built-in list and says what is in force', async () => {
    const backend = new MemoryBackend();
    await openSettings(backend);
    const inForce = () => $('#abbreviations-in-force').textContent;
    expect(inForce()).toBe('Đang dùng 5 mục: 5 có sẵn, thêm 0, sửa 0, bỏ 0');
    expect($$('#abbreviations-builtin .builtin-abbreviation').map((li) => li.dataset.abbr)).toEqual(['UBND', 'HĐND', 'PCCC', 'ATTP', 'THPT']);

    change('#abbreviations', 'BHXH = bảo hiểm xã hội\nPCCC = phòng cháy, chữa cháy');
    await settle();
    expect(inForce()).toBe('Đang dùng 6 mục: 4 có sẵn, thêm 1, sửa 1, bỏ 0');
    const summary = (await backend.abbreviationList()).summary;
    expect(summary).toMatchObject({ builtin: 5, added: ['BHXH'], replaced: ['PCCC'], removed: [], total: 6 });
    expect($('.builtin-abbreviation[data-abbr="PCCC"]').classList).toContain('replaced');
    expect($('.builtin-abbreviation[data-abbr="PCCC"] .builtin-abbreviation-tag').textContent).toBe('đã sửa');
  });

  it('drops a built-in entry with its button and uses it again', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ headline: 'Bài', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    const app = await openSettings(backend, article.id);
    const recheck = vi.spyOn(app.editor!, 'recheck');
    change('#abbreviations', 'BHXH = bảo hiểm xã hội\n');
    await settle();
    const button = () => $<HTMLButtonElement>('.toggle-builtin[data-abbr="UBND"]');
    expect(button().textContent).toBe('Bỏ');
    button().click();
    await settle();
    expect($<HTMLTextAreaElement>('#abbreviations').value).toBe('BHXH = bảo hiểm xã hội\n-UBND');
    expect((await backend.getCheckSettings()).abbreviations).toBe('BHXH = bảo hiểm xã hội\n-UBND');
    expect($('#abbreviations-in-force').textContent).toBe('Đang dùng 5 mục: 4 có sẵn, thêm 1, sửa 0, bỏ 1');
    expect($('.builtin-abbreviation[data-abbr="UBND"]').classList).toContain('removed');
    expect(button().textContent).toBe('Dùng lại');
    expect(recheck).toHaveBeenCalledTimes(2);

    button().click();
    await settle();
    expect($<HTMLTextAreaElement>('#abbreviations').value).toBe('BHXH = bảo hiểm xã hội');
    expect($('#abbreviations-in-force').textContent).toBe('Đang dùng 6 mục: 5 có sẵn, thêm 1, sửa 0, bỏ 0');
    expect($('.builtin-abbreviation[data-abbr="UBND"]').classList).not.toContain('removed');
  });

  it('edits the abbreviations allowed unexplained like the list: typed, dropped, refused', async () => {
    const backend = new MemoryBackend();
    const article = await backend.createArticle({ headline: 'Bài', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    const app = await openSettings(backend, article.id);
    const recheck = vi.spyOn(app.editor!, 'recheck');
    expect($$('#allowed-builtin .builtin-abbreviation').map((li) => li.dataset.abbr)).toEqual(['TP.HCM', 'GDP', 'USD', 'CLB']);
    expect($('#allowed-in-force').textContent).toBe('Đang cho phép 4: thêm 0, bỏ 0');

    change('#allowed-abbreviations', 'FPT, VNPT');
    await settle();
    expect((await backend.getCheckSettings()).allowed_abbreviations).toBe('FPT, VNPT');
    expect($('#allowed-in-force').textContent).toBe('Đang cho phép 6: thêm 2, bỏ 0');
    $<HTMLButtonElement>('.toggle-allowed[data-abbr="GDP"]').click();
    await settle();
    expect($<HTMLTextAreaElement>('#allowed-abbreviations').value).toBe('FPT, VNPT\n-GDP');
    expect((await backend.abbreviationList()).allowed).toMatchObject({ added: ['FPT', 'VNPT'], removed: ['GDP'], total: 5 });
    expect($('#allowed-builtin .builtin-abbreviation[data-abbr="GDP"]').classList).toContain('removed');
    expect(recheck).toHaveBeenCalledTimes(2);

    change('#allowed-abbreviations', 'FPT\nUBND = Ủy ban nhân dân');
    await settle();
    expect($('#check-settings-status').dataset.state).toBe('error');
    expect($('#check-settings-status').textContent).toContain('dòng 2');
    expect($<HTMLTextAreaElement>('#allowed-abbreviations').value).toBe('FPT\nUBND = Ủy ban nhân dân');
    expect((await backend.getCheckSettings()).allowed_abbreviations).toBe('FPT, VNPT\n-GDP');
  });

  it('refuses a line that is neither an entry nor a removal, keeping it in the field', async () => {
    const backend = new MemoryBackend();
    await openSettings(backend);
    change('#abbreviations', '-ATTP\nBHXH bảo hiểm xã hội');
    await settle();
    expect($('#check-settings-status').dataset.state).toBe('error');
    expect($('#check-settings-status').textContent).toContain('dòng 2');
    expect($('#check-settings-status').textContent).toContain('-UBND');
    expect($<HTMLTextAreaElement>('#abbreviations').value).toBe('-ATTP\nBHXH bảo hiểm xã hội');
    expect((await backend.getCheckSettings()).abbreviations).toBe('');
    expect($('#abbreviations-in-force').textContent).toBe('Đang dùng 5 mục: 5 có sẵn, thêm 0, sửa 0, bỏ 0');
  });

  it('shows a limit that is not a count as the saved one again, without saving', async () => {
    const backend = new MemoryBackend();
    await openSettings(backend);
    const limit = $<HTMLInputElement>('#sapo-max-tieng');
    const saved = (await backend.getCheckSettings()).sapo_max_tieng;
    expect(limit.value).toBe(String(saved));
    change('#sapo-max-tieng', '0');
    await settle();
    expect(limit.value).toBe(String(saved));
    expect($('#check-settings-status').dataset.state).toBeUndefined();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { destroyApps } from '../app/testing';
import { MemoryBackend, MemorySite } from '../backend/memory';
import { $, openSettings, settle } from './testing';

const URL = 'https://tin.example.vn';
const PASSWORD = 'abcd EFGH ijkl MNOP';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

/** The settings open on an article, so that what the editor is told can be counted. */
async function setUp(keychain = true) {
  const site = new MemorySite(URL, { bientap: { password: PASSWORD, name: 'Biên tập viên <b>A</b>' } });
  const backend = new MemoryBackend({ sites: [site], manualWorker: true, keychain });
  const article = await backend.createArticle({ headline: 'Bài', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
  const app = await openSettings(backend, article.id);
  const reloadEndpoints = vi.spyOn(app.editor!.sync, 'reloadEndpoints');
  return { backend, site, changed: () => reloadEndpoints.mock.calls.length };
}

function fill(values: { name?: string; url?: string; username?: string; password?: string }): void {
  for (const [key, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(`#endpoint-${key}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function save(): Promise<void> {
  $<HTMLButtonElement>('#endpoint-save').click();
  await settle();
}

describe('Settings → Đăng bài', () => {
  it('adds a profile: checks it with the site, says so in plain words, forgets the password', async () => {
    const { backend, changed } = await setUp();
    expect($('#keychain-warning').hidden).toBe(true);
    expect($('#endpoint-list').textContent).toBe('Chưa có trang nào.');
    const password = $<HTMLInputElement>('#endpoint-password');
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('off');

    fill({ name: 'Báo điện tử', url: URL, username: 'bientap', password: PASSWORD });
    await save();
    const status = $('#endpoint-form-status');
    expect(status.dataset.kind).toBe('ok');
    expect(status.textContent).toContain('Đã lưu “Báo điện tử”: trang nhận tài khoản “Biên tập viên <b>A</b>”.');
    expect(status.querySelector('b')).toBeNull();
    expect(password.value).toBe('');
    expect(document.body.innerHTML).not.toContain('EFGH');
    expect(changed()).toBe(1);

    const item = $('.endpoint-item');
    expect(item.querySelector('.endpoint-name')!.textContent).toBe('Báo điện tử');
    expect(item.querySelector('.endpoint-url')!.textContent).toBe(URL);
    expect(item.querySelector('.endpoint-user')!.textContent).toBe('bientap');
    expect(item.querySelector('.endpoint-checked')!.textContent).toMatch(/^Kiểm tra lần cuối: \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    expect((await backend.listEndpoints())[0]!.status_map.submitted).toBe('pending');
  });

  it('shows a wrong password as the site’s refusal, with what to check', async () => {
    const { backend } = await setUp();
    fill({ name: 'Báo điện tử', url: URL, username: 'bientap', password: 'sai mật khẩu' });
    await save();
    const status = $('#endpoint-form-status');
    expect(status.dataset.kind).toBe('error');
    expect(status.textContent).toContain('Chưa lưu được: Sai tên đăng nhập hoặc mật khẩu ứng dụng');
    expect(status.querySelector('.outcome-hint')!.textContent).toContain('mật khẩu ứng dụng (không phải mật khẩu đăng nhập');
    expect($<HTMLInputElement>('#endpoint-password').value).toBe('');
    expect(await backend.listEndpoints()).toEqual([]);

    fill({ url: 'http://tin.example.vn', password: PASSWORD });
    await save();
    expect(status.textContent).toContain('dùng http thường tới một máy khác');
    $<HTMLInputElement>('#endpoint-allow-http').click();
    expect($<HTMLInputElement>('#endpoint-allow-http').checked).toBe(true);
    fill({ url: 'https://khong-co.example.vn', password: PASSWORD });
    await save();
    expect(status.textContent).toContain('Không kết nối được tới trang');
    expect(status.textContent).toContain('Kiểm tra mạng và địa chỉ trang.');
  });

  it('asks for every field before calling the site', async () => {
    await setUp();
    fill({ name: 'Báo', url: URL, username: 'bientap' });
    await save();
    expect($('#endpoint-form-status').textContent).toContain('Cần điền tên, địa chỉ trang, tên đăng nhập và mật khẩu ứng dụng.');
  });

  it('says clearly when the password is kept only until the app closes', async () => {
    await setUp(false);
    expect($('#keychain-warning').hidden).toBe(false);
    expect($('#keychain-warning').textContent).toContain('không bao giờ ghi xuống đĩa');
    fill({ name: 'Báo', url: URL, username: 'bientap', password: PASSWORD });
    await save();
    expect($('#endpoint-form-status').textContent).toContain('Mật khẩu chỉ được giữ đến khi đóng ứng dụng');
  });

  it('checks again, edits the status mapping (password again) and removes after a confirmation', async () => {
    const { backend, site } = await setUp();
    fill({ name: 'Báo', url: URL, username: 'bientap', password: PASSWORD });
    await save();
    $<HTMLButtonElement>('.endpoint-recheck').click();
    await settle();
    expect($('.endpoint-item .outcome').textContent).toContain('“Báo”: trang nhận tài khoản');
    site.down = true;
    $<HTMLButtonElement>('.endpoint-recheck').click();
    await settle();
    expect($('.endpoint-item .outcome').dataset.kind).toBe('error');
    site.down = false;

    $<HTMLButtonElement>('.endpoint-edit').click();
    flushSync();
    expect($<HTMLInputElement>('#endpoint-name').readOnly).toBe(true);
    expect($<HTMLInputElement>('#endpoint-url').value).toBe(URL);
    expect(document.activeElement).toBe($('#endpoint-password'));
    const approved = $<HTMLSelectElement>('#endpoint-map-approved');
    expect([...approved.options].map((o) => o.value)).toEqual(['draft', 'pending', 'private', 'future', 'publish']);
    approved.value = 'publish';
    approved.dispatchEvent(new Event('change', { bubbles: true }));
    fill({ password: PASSWORD });
    await save();
    expect((await backend.listEndpoints()).map((e) => [e.name, e.status_map.approved])).toEqual([['Báo', 'publish']]);

    $<HTMLButtonElement>('.endpoint-remove').click();
    flushSync();
    expect($('.endpoint-confirm').hidden).toBe(false);
    expect($('.endpoint-confirm').textContent).toContain('Xoá hồ sơ “Báo”?');
    await settle();
    expect(document.activeElement).toBe($('.endpoint-remove-no'));
    $<HTMLButtonElement>('.endpoint-remove-no').click();
    expect(await backend.listEndpoints()).toHaveLength(1);
    $<HTMLButtonElement>('.endpoint-remove').click();
    $<HTMLButtonElement>('.endpoint-remove-yes').click();
    await settle();
    expect(await backend.listEndpoints()).toEqual([]);
    expect($('#endpoint-form-status').textContent).toBe('Đã xoá hồ sơ “Báo”. ');
  });

  it('reads the profiles afresh each time the settings open', async () => {
    const { backend } = await setUp();
    const toggle = $<HTMLButtonElement>('#settings-toggle');
    toggle.click();
    await backend.saveEndpoint({ name: 'Báo', url: URL, username: 'bientap', allow_http: false }, PASSWORD);
    await settle();
    expect($('#endpoint-list').textContent).toBe('Chưa có trang nào.');
    toggle.click();
    await settle();
    expect($('.endpoint-item .endpoint-name').textContent).toBe('Báo');
  });

  it('relabels in English', async () => {
    await setUp();
    const locale = $<HTMLSelectElement>('#locale-select');
    locale.value = 'en';
    locale.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect($('#publishing-settings h3').textContent).toBe('Publishing');
    expect($('label[for=endpoint-password]').textContent).toBe('Application password');
    expect($<HTMLSelectElement>('#endpoint-map-published').selectedOptions[0]!.textContent).toBe('publish');
  });
});

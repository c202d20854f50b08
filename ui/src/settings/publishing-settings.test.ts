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

const CMS = 'https://cms.example.vn/ninjs';
const SECRET = 'khoá-bí-mật-42';

/** The settings open on an article, so that what the editor is told can be counted. */
async function setUp(keychain = true) {
  const site = new MemorySite(URL, { bientap: { password: PASSWORD, name: 'Biên tập viên <b>A</b>' } });
  // A ninjs receiver: it answers a GET with 405 (it only takes POSTs).
  const receiver = new MemorySite(CMS, {}, false);
  const backend = new MemoryBackend({ sites: [site, receiver], manualWorker: true, keychain });
  const article = await backend.createArticle({ headline: 'Bài', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
  const app = await openSettings(backend, article.id);
  const reloadEndpoints = vi.spyOn(app.editor!.sync, 'reloadEndpoints');
  return { backend, site, changed: () => reloadEndpoints.mock.calls.length };
}

function fill(values: { name?: string; url?: string; username?: string; password?: string; assets_url?: string; secret?: string }): void {
  for (const [key, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(`#endpoint-${key}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function chooseKind(kind: 'wordpress' | 'ninjs'): void {
  const select = $<HTMLSelectElement>('#endpoint-kind');
  select.value = kind;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
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

  it('adds an IPTC ninjs receiver: resource URL, default assets URL, signed with a secret that never comes back', async () => {
    const { backend, changed } = await setUp();
    const kinds = [...$<HTMLSelectElement>('#endpoint-kind').options].map((o) => [o.value, o.textContent]);
    expect(kinds).toEqual([
      ['wordpress', 'WordPress'],
      ['ninjs', 'IPTC ninjs (HTTP push)'],
    ]);
    chooseKind('ninjs');
    expect($('label[for=endpoint-url]').textContent).toBe('Địa chỉ nhận bài (resource URL)');
    expect($('#endpoint-username')).toBeNull();
    expect($('#endpoint-password')).toBeNull();
    expect($('.status-map')).toBeNull();
    const secret = $<HTMLInputElement>('#endpoint-secret');
    expect($('label[for=endpoint-secret]').textContent).toBe('Khoá ký (secret)');
    expect(secret.type).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');

    fill({ name: 'CMS toà soạn', url: `${CMS}/`, secret: SECRET });
    flushSync();
    expect($<HTMLInputElement>('#endpoint-assets_url').placeholder).toBe(`${CMS}/assets`);
    await save();
    const status = $('#endpoint-form-status');
    expect(status.dataset.kind).toBe('ok');
    expect(status.textContent).toContain('Đã lưu “CMS toà soạn”: nơi nhận trả lời (HTTP 405). Bài gửi đi có ký.');
    expect(secret.value).toBe('');
    expect(changed()).toBe(1);
    expect($<HTMLSelectElement>('#endpoint-kind').value).toBe('wordpress');

    const item = $('.endpoint-item');
    expect(item.querySelector('.endpoint-url')!.textContent).toBe(CMS);
    expect(item.querySelector('.endpoint-kind')!.textContent).toBe('IPTC ninjs (HTTP push)');
    expect(item.querySelector('.endpoint-assets')!.textContent).toBe(`Ảnh gửi tới: ${CMS}/assets`);
    expect(item.querySelector('.endpoint-signed')!.textContent).toBe('Có ký');
    expect(item.querySelector('.endpoint-user')).toBeNull();
    const [endpoint] = await backend.listEndpoints();
    expect(endpoint).toMatchObject({ kind: 'ninjs', url: CMS, assets_url: `${CMS}/assets`, signed: true, username: '' });
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(JSON.stringify(await backend.listEndpoints())).not.toContain(SECRET);

    // Checked again: the receiver's answer, not an account.
    $<HTMLButtonElement>('.endpoint-recheck').click();
    await settle();
    expect($('.endpoint-item .outcome').textContent).toContain('“CMS toà soạn”: nơi nhận trả lời (HTTP 405).');
  });

  it('keeps a ninjs profile’s own assets URL, unsigned without a secret, and edits it without changing its kind', async () => {
    const { backend } = await setUp();
    chooseKind('ninjs');
    fill({ name: 'Kho', url: CMS, assets_url: 'https://cdn.example.vn/assets/' });
    await save();
    expect($('#endpoint-form-status').textContent).toContain('Đã lưu “Kho”: nơi nhận trả lời (HTTP 405). Bài gửi đi không ký.');
    expect($('.endpoint-assets').textContent).toBe('Ảnh gửi tới: https://cdn.example.vn/assets');
    expect($('.endpoint-signed').textContent).toBe('Không ký');

    $<HTMLButtonElement>('.endpoint-edit').click();
    flushSync();
    expect($<HTMLSelectElement>('#endpoint-kind').value).toBe('ninjs');
    expect($<HTMLSelectElement>('#endpoint-kind').disabled).toBe(true);
    expect($<HTMLInputElement>('#endpoint-assets_url').value).toBe('https://cdn.example.vn/assets');
    expect(document.activeElement).toBe($('#endpoint-secret'));
    fill({ assets_url: '', secret: SECRET });
    await save();
    expect((await backend.listEndpoints()).map((e) => [e.name, e.kind, e.assets_url, e.signed])).toEqual([
      ['Kho', 'ninjs', `${CMS}/assets`, true],
    ]);
    $<HTMLButtonElement>('.endpoint-edit').click();
    flushSync();
    expect($<HTMLInputElement>('#endpoint-assets_url').value).toBe('');
    expect($<HTMLInputElement>('#endpoint-assets_url').placeholder).toBe(`${CMS}/assets`);
  });

  it('refuses a bad ninjs address with the reason, and asks for the name and the URL first', async () => {
    const { backend } = await setUp();
    chooseKind('ninjs');
    fill({ name: 'CMS' });
    await save();
    expect($('#endpoint-form-status').textContent).toContain('Cần điền tên và địa chỉ nhận bài.');

    fill({ url: 'cms.example.vn/ninjs', secret: SECRET });
    await save();
    const status = $('#endpoint-form-status');
    expect(status.dataset.kind).toBe('error');
    expect(status.querySelector('.outcome-text')!.textContent).toBe(
      'Chưa lưu được: “cms.example.vn/ninjs” không phải địa chỉ trang (hãy viết dạng https://example.vn).',
    );
    expect(status.querySelector('.outcome-hint')!.textContent).toBe('Viết địa chỉ dạng https://example.vn.');
    expect($<HTMLInputElement>('#endpoint-secret').value).toBe('');

    fill({ url: CMS, assets_url: 'ftp://cdn.example.vn' });
    await save();
    expect(status.textContent).toContain('“ftp://cdn.example.vn” không phải địa chỉ trang');
    fill({ url: 'https://khong-co.example.vn', assets_url: '' });
    await save();
    expect(status.textContent).toContain('Không kết nối được tới trang');
    expect(await backend.listEndpoints()).toEqual([]);
  });

  it('leaves the WordPress form and profile as they were, and says which kind it is', async () => {
    const { backend } = await setUp();
    expect($<HTMLSelectElement>('#endpoint-kind').value).toBe('wordpress');
    expect($('label[for=endpoint-url]').textContent).toBe('Địa chỉ trang');
    expect($('#endpoint-secret')).toBeNull();
    expect($('#endpoint-assets_url')).toBeNull();
    chooseKind('ninjs');
    chooseKind('wordpress');
    fill({ name: 'Báo', url: URL, username: 'bientap', password: PASSWORD });
    await save();
    expect($('#endpoint-form-status').textContent).toContain('Đã lưu “Báo”: trang nhận tài khoản “Biên tập viên <b>A</b>”.');
    expect($('.endpoint-kind').textContent).toBe('WordPress');
    expect($('.endpoint-user').textContent).toBe('bientap');
    expect($('.endpoint-assets')).toBeNull();
    expect($('.endpoint-signed')).toBeNull();
    const [endpoint] = await backend.listEndpoints();
    expect(endpoint).toMatchObject({ kind: 'wordpress', username: 'bientap', signed: false });
    expect(endpoint).not.toHaveProperty('assets_url');
  });

  it('relabels the ninjs form in English', async () => {
    await setUp();
    const locale = $<HTMLSelectElement>('#locale-select');
    locale.value = 'en';
    locale.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    chooseKind('ninjs');
    expect($('label[for=endpoint-kind]').textContent).toBe('Kind');
    expect($('label[for=endpoint-url]').textContent).toBe('Resource URL');
    expect($('label[for=endpoint-assets_url]').textContent).toBe('Assets URL (optional)');
    expect($('label[for=endpoint-secret]').textContent).toBe('Signing secret');
  });
});

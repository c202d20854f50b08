// End-to-end for publishing, in the real window against the test WordPress (make test-e2e runs
// through scripts/wordpress/with-wordpress.sh): a reporter adds the site in Cài đặt → Đăng bài
// (the password goes to the private Secret Service), presses "Gửi" on the article with a photo,
// sees "Đã đồng bộ", and the post is on the site with its image block and caption.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTION } from './photos.mjs';

export function site() {
  const v = (n) => {
    const value = process.env[n];
    if (!value) throw new Error(`${n} is not set (run through scripts/wordpress/with-wordpress.sh, as make test-e2e does)`);
    return value;
  };
  return {
    url: v('BANTHAO_WP_URL'),
    author: v('BANTHAO_WP_AUTHOR_USER'),
    authorPassword: v('BANTHAO_WP_AUTHOR_PASSWORD'),
    admin: v('BANTHAO_WP_ADMIN_USER'),
    adminPassword: v('BANTHAO_WP_ADMIN_PASSWORD'),
  };
}

export async function siteGet(s, path) {
  const auth = Buffer.from(`${s.admin}:${s.adminPassword}`).toString('base64');
  const res = await fetch(`${s.url}/wp-json${path}`, { headers: { Authorization: `Basic ${auth}` } });
  assert.equal(res.status, 200, `GET ${path}`);
  return res.json();
}

export async function publishWithPhoto(wd, { step, shots }) {
  const s = site();
  await wd.find('#editor-view');
  step('publishing: adding the site in Cài đặt → Đăng bài');
  await wd.click('#settings-toggle');
  await wd.find('#publishing-settings');
  await wd.exec("document.querySelector('#publishing-settings').scrollIntoView()");
  await wd.type('#endpoint-name', 'Trang thử');
  await wd.type('#endpoint-url', s.url);
  await wd.type('#endpoint-username', s.author);
  await wd.type('#endpoint-password', s.authorPassword);
  // The form is longer than the settings panel (the kind of endpoint comes first): bring the button up.
  await wd.exec("document.querySelector('#endpoint-save').scrollIntoView({ block: 'center' })");
  await wd.click('#endpoint-save');
  await wd.until('the profile in the list', "return document.querySelectorAll('#endpoint-list li').length === 1", 30000);
  const password = await wd.property('#endpoint-password', 'value');
  assert.equal(password, '', 'the password field is cleared after saving');
  const warning = await wd.exec("return document.querySelector('#keychain-warning')?.hidden");
  assert.equal(warning, true, 'the private Secret Service keeps the password: no session-only warning');
  writeFileSync(join(shots, '10-publishing-settings.png'), await wd.screenshot());
  await wd.click('#settings-toggle');

  step('publishing: "Gửi" on the article with the photo, then "Đã đồng bộ"');
  const headline = await wd.property('#headline', 'value');
  await wd.click('#sync-send');
  const badge = await wd.until(
    'the article to be synced',
    "const b = document.querySelector('#sync-badge'); return b && /Đã đồng bộ/.test(b.textContent) && b.textContent",
    90000,
  );
  assert.match(badge, /Đã đồng bộ/);
  const link = await wd.exec("return document.querySelector('#sync-view')?.getAttribute('href')");
  assert.ok(link && link.startsWith(s.url), `a link to the post: ${link}`);
  writeFileSync(join(shots, '11-synced.png'), await wd.screenshot());

  step('publishing: the post is on the site with its image block and caption');
  const posts = await siteGet(s, `/wp/v2/posts?context=edit&status=draft,pending&per_page=20&search=${encodeURIComponent(headline)}`);
  const post = posts.find((p) => p.link === link);
  assert.ok(post, `the post ${link} on the site`);
  assert.equal(post.title.raw, headline);
  const content = post.content.raw;
  assert.match(content, /<!-- wp:image \{"id":\d+/);
  assert.ok(content.includes(CAPTION), 'the caption in the image block');
  const mediaId = Number(/<!-- wp:image \{"id":(\d+)/.exec(content)[1]);
  const media = await siteGet(s, `/wp/v2/media/${mediaId}?context=edit`);
  assert.equal(media.media_type, 'image');
  assert.ok(media.caption.raw.includes(CAPTION), 'the media item carries the caption');
  return post.id;
}

/** A write to the site, as its editor (the admin account) by default, as a colleague on the web would. */
export async function siteSend(s, path, body, { user = s.admin, password = s.adminPassword } = {}) {
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  const res = await fetch(`${s.url}/wp-json${path}`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(res.status === 200 || res.status === 201, `POST ${path}: ${res.status}`);
  return res.json();
}

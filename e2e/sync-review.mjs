// End-to-end for the desk's side of publishing, in the real window against the test WordPress:
// - the site's editor and the reporter change the headline differently; "Gửi" stops at a
//   conflict, the side-by-side dialog shows both, the site's version is chosen and sent;
// - a post waiting for review that the reporter filed on the site comes into the library with
//   "Lấy bài về", with its status and publishing badge in the list.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY } from './webdriver.mjs';
import { site, siteGet, siteSend } from './sync.mjs';

const SITE_TITLE = 'Cầu Hoàng Văn Thụ: tít do biên tập sửa trên trang';
const LOCAL_TITLE = 'Cầu Hoàng Văn Thụ: tít phóng viên sửa ở máy';
const PENDING_TITLE = 'Chợ Hàn sáng sớm, bài gửi từ điện thoại';

export async function conflictSideBySide(wd, { step, shots, postId }) {
  const s = site();
  step('publishing: the site and the reporter change the headline differently; Gửi meets a conflict');
  await siteSend(s, `/wp/v2/posts/${postId}`, { title: SITE_TITLE });
  await wd.click('#headline');
  await wd.chord(KEY.CONTROL, 'a');
  await wd.type('#headline', LOCAL_TITLE);
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  await wd.click('#sync-send');
  await wd.until('the conflict', "const b = document.querySelector('#sync-conflict'); return b && !b.hidden", 60000);

  step('publishing: the conflict side by side; the site’s headline chosen and sent');
  await wd.click('#sync-conflict');
  const shown = await wd.until(
    'the conflict dialog',
    `const d = document.querySelector('#conflict-view');
     return d && !d.hidden && d.querySelector('#conflict-0-remote') && {
       modal: d.getAttribute('aria-modal'), text: d.textContent,
       focusInside: d.contains(document.activeElement) };`,
  );
  assert.equal(shown.modal, 'true');
  assert.ok(shown.focusInside, 'the dialog takes the focus');
  assert.ok(shown.text.includes(SITE_TITLE) && shown.text.includes(LOCAL_TITLE), shown.text);
  assert.equal(await wd.exec("return document.querySelector('#conflict-view img, #conflict-view script')"), null);
  writeFileSync(join(shots, '14-conflict.png'), await wd.screenshot());
  await wd.click('#conflict-0-remote');
  await wd.click('#conflict-apply');
  await wd.until(
    'synced with the site’s headline',
    `return document.querySelector('#conflict-view').hidden && document.querySelector('#headline').value === ${JSON.stringify(SITE_TITLE)} &&
       /Đã đồng bộ/.test(document.querySelector('#sync-badge')?.textContent ?? '')`,
    60000,
  );
  const post = await siteGet(s, `/wp/v2/posts/${postId}?context=edit`);
  assert.equal(post.title.raw, SITE_TITLE);
}

export async function pullForReview(wd, { step, shots }) {
  const s = site();
  step('pull: a post the reporter filed on the site from a phone comes in with “Lấy bài về”');
  // Filed with the same account the app uses: an author's account sees only its own pending
  // posts (WordPress asks for edit_others_posts to list a colleague's).
  await siteSend(
    s,
    '/wp/v2/posts',
    {
      title: PENDING_TITLE,
      status: 'pending',
      content: '<!-- wp:paragraph -->\n<p>Sáu giờ sáng, chợ Hàn đã đông người mua.</p>\n<!-- /wp:paragraph -->',
    },
    { user: s.author, password: s.authorPassword },
  );
  await wd.click('#back-to-list');
  await wd.find('#library-view');
  await wd.click('#pull-open');
  await wd.until('the site in the dialog', "return document.querySelector('#pull-endpoint')?.selectedOptions[0]?.textContent === 'Trang thử'");
  // Posts waiting for review only: the test site also holds the drafts every sync test made.
  await wd.click('#pull-status-draft');
  assert.equal(await wd.property('#pull-status-draft', 'checked'), false);
  await wd.click('#pull-start');
  const summary = await wd.until('the summary', "const t = document.querySelector('#pull-status')?.textContent; return /Đã lấy bài về/.test(t) && t", 180000);
  step(`pull: ${summary}`);
  assert.match(summary, /[1-9]\d* mới/);
  const row = await wd.until(
    'the pulled article in the list',
    `const row = [...document.querySelectorAll('.article-row')].find((r) => r.querySelector('.row-headline').textContent === ${JSON.stringify(PENDING_TITLE)});
     return row && { status: row.querySelector('.row-status .badge').textContent, badge: row.querySelector('.sync-badge-text')?.textContent };`,
  );
  assert.deepEqual(row, { status: 'Chờ duyệt', badge: 'Đã đồng bộ' });
  writeFileSync(join(shots, '15-pulled.png'), await wd.screenshot());
  await wd.exec("document.querySelector('#pull-dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))");
  await wd.until('the dialog closed', "return document.querySelector('#pull-dialog').hidden");
}

// End-to-end for the photo desk, in the real window: add a photo to an article, type its
// caption, restart, and see it in place with its caption (the image served by media://).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { KEY, sleep } from './webdriver.mjs';

export const CAPTION = 'Cầu Hoàng Văn Thụ lúc hoàng hôn, nhìn từ bờ sông Cấm.';
export const ALT = 'Cây cầu dây văng trên sông lúc chiều tối';

export async function addPhoto(wd, { step, shots, photo }) {
  step('photos: a new article, a 24 MP camera photo added with the file chooser');
  await wd.click('#back-to-list');
  await wd.find('#library-view');
  await wd.click('#new-article');
  await wd.find('#editor-view');
  await wd.type('#headline', 'Phóng sự ảnh: cầu Hoàng Văn Thụ');
  await wd.click('#body .ProseMirror');
  // The chooser itself is the desktop's; WebDriver hands the file to the page's file input.
  await wd.exec("const i = document.querySelector('#editor-view input[type=file]'); i.hidden = false; i.style.display = 'block';");
  await wd.type('#editor-view input[type=file]', photo);
  const loaded = await wd.until(
    'the figure with its rendition',
    "const img = document.querySelector('#body figure img'); return img && img.complete && img.naturalWidth > 0 && img.naturalWidth",
    60000,
  );
  assert.ok(loaded >= 1000, `web rendition width ${loaded}`);
  const prefilled = await wd.exec("return document.querySelector('#body figure figcaption').textContent");
  assert.match(prefilled, /Hải Sơn/, 'the caption is prefilled from the photo’s IPTC/XMP');

  step('photos: typing the caption and the alt text');
  await wd.click('#body figure figcaption');
  await wd.exec(`const cap = document.querySelector('#body figure figcaption');
    const range = document.createRange(); range.selectNodeContents(cap);
    const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);`);
  // The editor (already focused) receives the keys; the selection covers the old caption.
  await wd.type('#body .ProseMirror', CAPTION);
  await wd.type('#body figure .figure-alt', ALT);
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  const caption = await wd.exec("return document.querySelector('#body figure figcaption').textContent");
  assert.equal(caption, CAPTION);
  writeFileSync(join(shots, '7-photo.png'), await wd.screenshot());
}

export async function photoAfterRestart(wd, { step, shots }) {
  step('photos: after a restart the figure is in place with its caption');
  await wd.find('#editor-view');
  const state = await wd.until(
    'the figure after restart',
    `const f = document.querySelector('#body figure'); const img = f && f.querySelector('img');
     return img && img.complete && img.naturalWidth > 0 &&
       { caption: f.querySelector('figcaption').textContent, alt: f.querySelector('.figure-alt').value, imgAlt: img.alt }`,
    30000,
  );
  assert.deepEqual(state, { caption: CAPTION, alt: ALT, imgAlt: ALT });
  await wd.exec("document.querySelector('#body figure').scrollIntoView({ block: 'center' })");
  await sleep(800); // a decoded image is painted a frame or two later: let the screenshot show it
  writeFileSync(join(shots, '8-photo-after-restart.png'), await wd.screenshot());
}

export async function importReadsOnlyDroppedFiles(wd, { step }) {
  step('photos: a path the shell never handed the page (no drop) is refused');
  const refusal = await wd.exec(`
    const internals = window.__TAURI_INTERNALS__;
    const channel = '__CHANNEL__:' + internals.transformCallback(() => {});
    return internals.invoke('import_photo_files', { jobId: 'e2e', paths: ['/etc/hostname'], articleId: null, onProgress: channel })
      .then(() => 'imported', (e) => e);`);
  assert.equal(refusal?.code, 'invalid_input', `import of a path never dropped: ${JSON.stringify(refusal)}`);
  assert.ok(refusal.message.includes('/etc/hostname'), refusal.message);
}

/** Free crop ("Tự do") in the real window: the frame appears over the picture, the keyboard sizes it, Enter keeps it. */
export async function freeCropInTheWindow(wd, { step, shots, cli, library }) {
  step('photos: free crop — the frame appears, Shift+arrows resize it, Enter keeps the crop');
  await wd.find('#body figure img');
  await wd.click('#body figure img');
  await wd.click('#body figure .figure-crop[data-ratio="free"]');
  const frame = await wd.until(
    'the crop frame over the picture, focused',
    `const f = document.querySelector('#body .crop-box .crop-frame'); const r = f && f.getBoundingClientRect();
     return f && document.activeElement === f && r.width > 50 && r.height > 50 && f.dataset.crop`,
  );
  const [, , w0] = frame.split(',').map(Number);
  for (let i = 0; i < 5; i++) await wd.chord('\uE008', '\uE012'); // Shift+ArrowLeft: narrower
  const resized = await wd.exec("return document.querySelector('#body .crop-box .crop-frame').dataset.crop");
  const [, , w1] = resized.split(',').map(Number);
  assert.ok(w1 < w0, `Shift+ArrowLeft made the frame narrower: ${frame} → ${resized}`);
  writeFileSync(join(shots, '14-free-crop.png'), await wd.screenshot());
  await wd.chord(KEY.ENTER);
  await wd.until('the crop frame closed and the crop saved', `return !document.querySelector('#body .crop-box') &&
    document.querySelector('#save-state')?.dataset.state === 'saved'`, 15000);
  const id = await wd.exec("return document.querySelector('#editor-view').dataset.articleId");
  const out = spawnSync(cli, ['--library', library, 'show', id, '--json'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const figure = JSON.parse(out.stdout).body.content.find((n) => n.type === 'figure');
  assert.ok(figure.attrs.crop && figure.attrs.crop.width < 1, `the stored crop: ${JSON.stringify(figure.attrs.crop)}`);
  // Back to the whole picture for what follows.
  await wd.click('#body figure img');
  await wd.click('#body figure .figure-crop[data-ratio="none"]');
  await wd.until('the crop removed and saved', `return document.querySelector('#save-state')?.dataset.state === 'saved'`, 15000);
}

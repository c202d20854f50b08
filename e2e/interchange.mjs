// End-to-end for files that travel, in the real window: a Word document from an old machine
// (a paragraph set in .VnTime, a photo with its caption) is dragged from a desktop drag source
// onto the library with the mouse (a real X11 drop, driven by xdotool), and opens as an
// article with correct Unicode and the captioned figure; the report says what was converted.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './webdriver.mjs';

export const WORD = {
  headline: 'Hải Phòng mở tuyến buýt ven biển',
  legacy: 'đường phố hà nội ngập nước sau cơn mưa lớn', // set in .VnTime (TCVN3 bytes)
  before: 'Theo người dân, ',
  caption: 'Xe buýt chạy thử trên đường ven biển sáng nay.',
};

/** Text as a .VnTime run holds it: the TCVN3 bytes, each shown as its Latin-1 character. */
function tcvn3Run(text) {
  const out = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: text });
  assert.equal(out.status, 0, `iconv: ${out.stderr}`);
  return Buffer.from(out.stdout).toString('latin1');
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx written by LibreOffice from a flat ODT: title, a legacy-font run, a photo and its caption. */
function makeWordDocument(dir, photo) {
  mkdirSync(dir, { recursive: true });
  const jpeg = join(dir, 'anh.jpg');
  const shrink = spawnSync('convert', [photo, '-resize', '1600x1600', '-quality', '85', jpeg]);
  assert.equal(shrink.status, 0, `convert: ${shrink.stderr}`);
  const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family="'.VnTime'"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="Vn" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Title">${xml(WORD.headline)}</text:p>
<text:p>${xml(WORD.before)}<text:span text:style-name="Vn">${xml(tcvn3Run(WORD.legacy))}</text:span>.</text:p>
<text:p><draw:frame draw:name="Ảnh 1" text:anchor-type="as-char" svg:width="8cm" svg:height="6cm"><draw:image><office:binary-data>${readFileSync(jpeg).toString('base64')}</office:binary-data></draw:image></draw:frame></text:p>
<text:p text:style-name="Caption">${xml(WORD.caption)}</text:p>
</office:text></office:body></office:document>
`;
  writeFileSync(join(dir, 'bai-tu-may-cu.fodt'), fodt);
  const lo = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'docx', '--outdir', dir, join(dir, 'bai-tu-may-cu.fodt')],
    { encoding: 'utf8', timeout: 120000 },
  );
  assert.equal(lo.status, 0, `soffice (run scripts/install-deps.sh): ${lo.stderr}`);
  return join(dir, 'bai-tu-may-cu.docx');
}

/** Drags `file` from a desktop drag source at (sx, sy) to (tx, ty) with the real mouse. */
async function dragFile(file, [sx, sy], [tx, ty]) {
  const source = spawn('/usr/bin/python3', [new URL('./drag-source.py', import.meta.url).pathname, String(sx), String(sy), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the drag source did not start')), 15000);
    source.stdout.on('data', (d) => {
      if (String(d).includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    source.on('exit', (code) => reject(new Error(`the drag source exited (${code})`)));
  });
  const xdo = (...args) => assert.equal(spawnSync('xdotool', args).status, 0, `xdotool ${args.join(' ')}`);
  xdo('mousemove', String(sx + 40), String(sy + 25));
  await sleep(200);
  xdo('mousedown', '1');
  // Small steps first (past GTK's drag threshold), then across to the target.
  for (let i = 1; i <= 12; i++) {
    xdo('mousemove', String(Math.round(sx + 40 + ((tx - sx - 40) * i) / 12)), String(Math.round(sy + 25 + ((ty - sy - 25) * i) / 12)));
    await sleep(120);
  }
  await sleep(300);
  xdo('mouseup', '1');
  await sleep(500);
  source.kill();
}

export async function dropWordDocument(wd, { step, shots, cli, library, photo, work }) {
  step('interchange: a Word document (a .VnTime paragraph, a captioned photo) made by LibreOffice');
  const docx = makeWordDocument(join(work, 'word'), photo);

  step('interchange: dragged from the desktop and dropped on the library with the mouse');
  if (await wd.exec("return !!document.querySelector('#back-to-list')")) await wd.click('#back-to-list');
  await wd.find('#library-view');
  await dragFile(docx, [1120, 700], [640, 420]);
  const opened = await wd.until(
    'the imported article in the editor',
    "return document.querySelector('#editor-view') && document.querySelector('#headline')?.value",
    60000,
  );
  assert.equal(opened, WORD.headline);

  step('interchange: correct Unicode, the figure with its caption, and the report');
  const body = await wd.until(
    'the figure with its rendition',
    `const img = document.querySelector('#body figure img');
     return img && img.complete && img.naturalWidth > 0 && {
       paragraphs: [...document.querySelectorAll('#body .ProseMirror > p')].map((p) => p.textContent),
       caption: document.querySelector('#body figure figcaption').textContent };`,
    30000,
  );
  assert.deepEqual(body, { paragraphs: [`${WORD.before}${WORD.legacy}.`], caption: WORD.caption });
  const report = await wd.until('the import report', "return document.querySelector('#document-import-report')?.textContent");
  assert.match(report, /\.VnTime/);
  assert.match(report, /1 ảnh/);
  writeFileSync(join(shots, 'interchange-word-drop.png'), await wd.screenshot());
  await wd.click('#document-import-close');

  // Stored as the window shows it.
  const listed = spawnSync(cli, ['--library', library, '--json', 'search', 'hai phong tuyen buyt'], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const hit = JSON.parse(listed.stdout).find((h) => h.headline === WORD.headline);
  assert.ok(hit, 'the imported article is in the library');
  const article = JSON.parse(spawnSync(cli, ['--library', library, '--json', 'show', String(hit.id)], { encoding: 'utf8' }).stdout);
  const figure = article.body.content.find((n) => n.type === 'figure');
  assert.ok(figure?.attrs?.media_id > 0, 'the photo is in the library');
}

/** Answers the desktop's save dialog (GTK) the way a person does: the name field takes a full path, Enter saves. */
async function answerSaveDialog(title, path) {
  let win = '';
  for (let i = 0; i < 100 && !win; i++) {
    const found = spawnSync('xdotool', ['search', '--name', title], { encoding: 'utf8' });
    win = found.stdout.trim().split('\n')[0] ?? '';
    if (!win) await sleep(200);
  }
  assert.ok(win, `the save dialog “${title}” did not open`);
  await sleep(800); // the dialog draws and focuses its name field
  const xdo = (...args) => assert.equal(spawnSync('xdotool', args).status, 0, `xdotool ${args.join(' ')}`);
  xdo('windowfocus', '--sync', win);
  xdo('key', '--window', win, 'ctrl+a');
  xdo('type', '--window', win, '--delay', '20', path);
  await sleep(300);
  xdo('key', '--window', win, 'Return');
}

/** "Xuất bài" as a handover file through the real save dialog, then read on another machine (the CLI, another library). */
export async function exportHandoverFromTheWindow(wd, { step, shots, cli, work }) {
  step('interchange: Xuất bài → tệp bàn giao (.banthao) through the desktop’s save dialog');
  await wd.find('#editor-view');
  if (!(await wd.exec("return !!document.querySelector('#export-article')"))) await wd.click('#details-toggle');
  await wd.exec(`const s = document.querySelector('#export-format'); s.value = 'banthao'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
  const out = join(work, 'ban-giao.banthao');
  await wd.click('#export-article');
  await answerSaveDialog('Xuất bài', out);
  const notice = await wd.until('the export notice', "const n = document.querySelector('#notice'); return n && !n.hidden && n.textContent.includes('Đã xuất') && n.textContent");
  assert.ok(notice.includes(out), notice);
  writeFileSync(join(shots, 'interchange-export.png'), await wd.screenshot());

  step('interchange: the handover file opens on another machine with its photo');
  const other = join(work, 'may-khac');
  const imported = spawnSync(cli, ['--library', other, '--json', 'import', out], { encoding: 'utf8' });
  assert.equal(imported.status, 0, imported.stderr);
  const [result] = JSON.parse(imported.stdout);
  assert.equal(result.outcome, 'created', imported.stdout);
  const article = JSON.parse(spawnSync(cli, ['--library', other, '--json', 'show', String(result.article_id)], { encoding: 'utf8' }).stdout);
  assert.equal(article.headline, WORD.headline);
  const figure = article.body.content.find((n) => n.type === 'figure');
  assert.equal(figure?.content?.[0]?.content?.[0]?.text, WORD.caption);
}

// End-to-end, in the real window: Xvfb + tauri-driver + WebKitWebDriver drive the built app.
// A reporter types a Vietnamese article, quits, starts again, finds it with a search without
// diacritics, opens it, and every field is exactly what was typed. Screenshots go to out/e2e/.
//
// Env: APP_BIN (the app built with the UI embedded), TAURI_DRIVER, BANTHAO_CLI, E2E_PHOTO (a
// camera JPEG from scripts/make-photo-fixtures.sh).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, renameSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { WebDriver, KEY, sleep } from './webdriver.mjs';
import { pasteAndFix } from './vietnamese.mjs';
import { addPhoto, freeCropInTheWindow, importReadsOnlyDroppedFiles, photoAfterRestart } from './photos.mjs';
import { linksStayOutOfTheWindow } from './links.mjs';
import { publishWithPhoto } from './sync.mjs';
import { conflictSideBySide, pullForReview } from './sync-review.mjs';
import { deskRoundTrip } from './desk.mjs';
import { trashAndUndo } from './library.mjs';
import { dropWordDocument, exportHandoverFromTheWindow } from './interchange.mjs';
import { quickFixPopupAtTheBottom } from './checks-popup.mjs';
import { captionSlipFixedFromThePopup } from './captions.mjs';
import { findAndReplaceEverywhere } from './find.mjs';
import { everyKeyOnceAtTheCaret } from './typing.mjs';
import { followsChangesElsewhere } from './external.mjs';
import { figureWarningFollowsTheField, languageFromEditor, onePanelAtATime } from './ui-state.mjs';

const APP_BIN = required('APP_BIN');
const TAURI_DRIVER = required('TAURI_DRIVER');
const CLI = required('BANTHAO_CLI');
const PHOTO = required('E2E_PHOTO');
const PORT = 4444 + Math.floor(Math.random() * 500);
const SHOTS = resolve(process.env.E2E_SCREENSHOTS ?? 'out/e2e');

const typed = {
  headline: 'Quận Dương Kinh thông xe tuyến đường ven biển',
  sapo: 'Sáng 2-3, UBND quận Dương Kinh tổ chức lễ thông xe tuyến đường dài 5 km, nối phường Hải Sơn với trung tâm.',
  p1: ['Người dân phường Hải Sơn ', 'vui mừng', ' khi con đường hoàn thành sau hai năm thi công.'],
  lastWords: ' Công trình có vốn 200 tỷ đồng.',
  p2: ['Dự án do Ban quản lý dự án quận làm chủ đầu tư, tổng vốn ', 'hơn 200 tỷ đồng', '.'],
};
const expectedBody = {
  type: 'doc',
  content: [typed.p1, typed.p2].map(([before, bold, after]) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: before },
      { type: 'text', text: bold, marks: [{ type: 'strong' }] },
      { type: 'text', text: after },
    ],
  })),
};

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through 'make test-e2e')`);
  return v;
}

function step(msg) {
  console.log(`  e2e: ${msg}`);
}

const dataHome = mkdtempSync(join(tmpdir(), 'banthao-e2e-'));
const library = join(dataHome, 'banthao');
mkdirSync(SHOTS, { recursive: true });
const driverProc = spawn(TAURI_DRIVER, ['--port', String(PORT), '--native-port', String(PORT + 1)], {
  env: { ...process.env, XDG_DATA_HOME: dataHome, BANTHAO_LIBRARY: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const wd = new WebDriver(`http://127.0.0.1:${PORT}`);

/**
 * Starts the app once the previous one has really exited: a quit returns before the process is
 * gone, and a start that finds the library still held hands over to it and exits.
 */
async function start(...args) {
  for (let tries = 0; spawnSync('pgrep', ['-f', APP_BIN]).status === 0; tries++) {
    if (tries === 150) throw new Error('the previous app did not exit within 15 s');
    await sleep(100);
  }
  await wd.start(...args);
}

async function saved() {
  await wd.until('the save state to be "saved"', "return document.querySelector('#save-state')?.dataset.state === 'saved'");
}

async function firstRun() {
  await start(APP_BIN);
  await wd.find('#library-view');
  assert.ok(existsSync(join(library, 'library.sqlite')), 'first run creates the default library');
  step('new article');
  await wd.click('#new-article');
  await wd.find('#editor-view');
  await wd.type('#headline', typed.headline);
  await wd.type('#sapo', typed.sapo);
  await wd.click('#body .ProseMirror');
  for (const [i, [before, bold, after]] of [typed.p1, typed.p2].entries()) {
    if (i > 0) await wd.type('#body .ProseMirror', KEY.ENTER);
    await wd.type('#body .ProseMirror', before);
    await wd.chord(KEY.CONTROL, 'b');
    await wd.type('#body .ProseMirror', bold);
    await wd.chord(KEY.CONTROL, 'b');
    await wd.type('#body .ProseMirror', after);
  }
  await saved();
  writeFileSync(join(SHOTS, '1-editor.png'), await wd.screenshot());
  step('typing one more sentence and quitting with Ctrl+Q at once, before autosave would run');
  await wd.type('#sapo', typed.lastWords);
  await wd.chord(KEY.CONTROL, 'q');
  await wd.untilGone('the app to close itself');
  await wd.quit();
}

async function secondRun() {
  await start(APP_BIN);
  // The app reopens the last article; go back to the list and search for it.
  await wd.find('#editor-view');
  step('single instance: a second launch on the same library hands over and exits');
  const second = spawnSync(APP_BIN, [], { env: { ...process.env, XDG_DATA_HOME: dataHome }, timeout: 15000, encoding: 'utf8' });
  assert.equal(second.status, 0, `second launch: ${second.stderr}`);
  assert.match(second.stderr, /đã mở thư viện/);

  await wd.click('#back-to-list');
  await wd.find('#library-view');
  await wd.type('#search', 'duong kinh thong xe');
  // The list already shows the article; wait for the search result itself, with its hits marked.
  // Search runs as you type: wait for the result of the whole query, not of its first letters.
  const expectedMarks = 'Dương Kinh thông xe đường'; // every word of the query, wherever it occurs
  const marked = await wd.until(
    'a search hit with every query word marked',
    `const rows = document.querySelectorAll('.article-row');
     const marks = rows.length === 1 && [...rows[0].querySelectorAll('.row-snippet mark')].map((m) => m.textContent).join(' ');
     return marks === ${JSON.stringify(expectedMarks)} && marks`,
  );
  assert.equal(marked, expectedMarks);
  writeFileSync(join(SHOTS, '2-search.png'), await wd.screenshot());
  await wd.click('.article-row');
  await wd.find('#editor-view');
  await wd.until('the article to load', "return document.querySelector('#headline')?.value.length > 0");

  step('comparing every field with what was typed');
  assert.equal(await wd.property('#headline', 'value'), typed.headline);
  assert.equal(await wd.property('#sapo', 'value'), typed.sapo + typed.lastWords);
  const body = await wd.exec(`
    return [...document.querySelectorAll('#body .ProseMirror > *')].map((p) => ({
      tag: p.tagName, text: p.textContent, bold: [...p.querySelectorAll('strong')].map((s) => s.textContent) }));`);
  assert.deepEqual(body, [
    { tag: 'P', text: typed.p1.join(''), bold: [typed.p1[1]] },
    { tag: 'P', text: typed.p2.join(''), bold: [typed.p2[1]] },
  ]);
  writeFileSync(join(SHOTS, '3-editor-reopened.png'), await wd.screenshot());
  await wd.click('#back-to-list');
  await wd.find('#library-view');
  await pasteAndFix(wd, { step, shots: SHOTS });
  await addPhoto(wd, { step, shots: SHOTS, photo: PHOTO });
  await wd.quit();
}

async function damagedLibrary() {
  step('a damaged library file: a clear message on screen, and the file left as it was');
  const dir = join(dataHome, 'hong');
  mkdirSync(dir, { recursive: true });
  const garbage = Buffer.from('không phải cơ sở dữ liệu\n'.repeat(400));
  writeFileSync(join(dir, 'library.sqlite'), garbage);
  await start(APP_BIN, ['--library', dir]);
  const message = await wd.until('the error screen', "return document.querySelector('#error-screen')?.textContent");
  assert.match(message, /bị hỏng/);
  writeFileSync(join(SHOTS, '4-damaged-library.png'), await wd.screenshot());
  assert.ok(readFileSync(join(dir, 'library.sqlite')).equals(garbage), 'the damaged file is not overwritten');
  step('the damaged file moved away, "Thử lại" opens a fresh library');
  renameSync(join(dir, 'library.sqlite'), join(dataHome, 'hong.sqlite'));
  await wd.click('#error-retry');
  await wd.find('#library-view');
  await wd.quit();
}

function checkWithCli() {
  step('the stored article, read back with the CLI');
  const out = spawnSync(CLI, ['--library', library, 'search', 'duong kinh thong xe', '--limit', '500', '--json'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  // The library also holds the posts pulled from the test site by then, which keeps earlier runs'
  // posts; hits come newest first, so past 20 of them the article typed here is further down:
  // take it by its headline from all the hits.
  const hit = JSON.parse(out.stdout).find((h) => h.headline === typed.headline);
  assert.ok(hit, `the typed article among the hits: ${out.stdout.slice(0, 400)}`);
  const show = spawnSync(CLI, ['--library', library, 'show', String(hit.id), '--json'], { encoding: 'utf8' });
  const article = JSON.parse(show.stdout);
  assert.equal(article.headline, typed.headline);
  assert.equal(article.sapo, typed.sapo + typed.lastWords);
  assert.deepEqual(article.body, expectedBody);
  assert.equal(article.slug, 'quan-duong-kinh-thong-xe-tuyen-duong-ven-bien');
}

let failed = false;
try {
  await wd.waitForServer();
  step(`screenshots in ${SHOTS}`);
  await firstRun();
  await sleep(500);
  await secondRun();
  await start(APP_BIN);
  await photoAfterRestart(wd, { step, shots: SHOTS });
  await onePanelAtATime(wd, { step, shots: SHOTS });
  await languageFromEditor(wd, { step, shots: SHOTS });
  await figureWarningFollowsTheField(wd, { step, shots: SHOTS });
  await freeCropInTheWindow(wd, { step, shots: SHOTS, cli: CLI, library });
  await deskRoundTrip(wd, { step, shots: SHOTS, cli: CLI, library });
  const postId = await publishWithPhoto(wd, { step, shots: SHOTS });
  await conflictSideBySide(wd, { step, shots: SHOTS, postId });
  await followsChangesElsewhere(wd, { step, shots: SHOTS, cli: CLI, library, photo: PHOTO });
  await pullForReview(wd, { step, shots: SHOTS });
  await trashAndUndo(wd, { step, shots: SHOTS, cli: CLI, library });
  await dropWordDocument(wd, { step, shots: SHOTS, cli: CLI, library, photo: PHOTO, work: dataHome });
  await exportHandoverFromTheWindow(wd, { step, shots: SHOTS, cli: CLI, work: dataHome });
  await quickFixPopupAtTheBottom(wd, { step, shots: SHOTS, cli: CLI, library, work: dataHome });
  await findAndReplaceEverywhere(wd, { step, shots: SHOTS, cli: CLI, library, work: dataHome });
  await everyKeyOnceAtTheCaret(wd, { step, shots: SHOTS, cli: CLI, library, work: dataHome });
  await captionSlipFixedFromThePopup(wd, { step, shots: SHOTS, cli: CLI, library, work: dataHome, photo: PHOTO });
  await importReadsOnlyDroppedFiles(wd, { step, shots: SHOTS });
  await linksStayOutOfTheWindow(wd, { step, shots: SHOTS });
  await wd.quit();
  checkWithCli();
  await damagedLibrary();
  console.log(`e2e: passed; screenshots in ${SHOTS}`);
} catch (e) {
  failed = true;
  console.error('e2e: FAILED:', e);
  try {
    writeFileSync(join(SHOTS, 'failure.png'), await wd.screenshot());
  } catch {}
  await wd.quit();
} finally {
  driverProc.kill('SIGTERM');
  rmSync(dataHome, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

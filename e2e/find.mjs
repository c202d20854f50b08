// End-to-end for Tìm và thay (Ctrl+F) in the real window: the matches in the tít and the body
// are counted together, Enter moves from the tít's match to the body's, and "Thay tất cả"
// replaces in both; the CLI reads the stored article back.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNewArticle } from './articles.mjs';
import { KEY } from './webdriver.mjs';

export async function findAndReplaceEverywhere(wd, { step, shots, cli, library, work }) {
  step('find: Ctrl+F counts the matches in the tít and the body together');
  const id = await openNewArticle(wd, { cli, library, work }, {
    file: 'cau-rao.txt',
    headline: 'Cầu Rào tạm cấm xe tải',
    paragraphs: ['Cầu Rào nối hai quận Lê Chân và Dương Kinh.', 'Xe tải nặng không được qua cầu rào từ sáng nay.'],
  });
  await wd.until('the article', "return document.querySelector('#headline')?.value === 'Cầu Rào tạm cấm xe tải'");
  await wd.click('#headline');
  await wd.exec("const h = document.querySelector('#headline'); h.setSelectionRange(0, 0);");
  await wd.chord(KEY.CONTROL, 'f');
  await wd.find('#find-input');
  await wd.type('#find-input', 'cầu rào');
  const count = await wd.until('the count', "const t = document.querySelector('#find-count')?.textContent; return t && /\\/3/.test(t) && t");
  assert.match(count, /1\/3/);
  assert.ok(await wd.exec("return document.querySelector('#headline').classList.contains('find-in-field')"), 'the tít is marked as holding the current match');

  step('find: Enter moves to the body, Shift+Enter back to the tít (its match selected); “Thay tất cả” replaces in both');
  await wd.chord(KEY.ENTER);
  await wd.until('the second match', "return document.querySelector('#find-count')?.textContent.includes('2/3')");
  await wd.chord(KEY.SHIFT, KEY.ENTER);
  await wd.until('back to the first', "return document.querySelector('#find-count')?.textContent.includes('1/3')");
  const inHeadline = await wd.exec("const h = document.querySelector('#headline'); return [h.selectionStart, h.selectionEnd]");
  assert.deepEqual(inHeadline, [0, 7], `the tít’s match is selected (${JSON.stringify(inHeadline)})`);
  await wd.type('#replace-input', 'cầu Niệm');
  await wd.click('#replace-all');
  await wd.until('no match left', "return !document.querySelector('#find-count')?.textContent.includes('/')");
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  writeFileSync(join(shots, 'find-replace.png'), await wd.screenshot());
  await wd.click('#find-close');
  const shown = JSON.parse(spawnSync(cli, ['--library', library, '--json', 'show', String(id)], { encoding: 'utf8' }).stdout);
  assert.equal(shown.headline, 'cầu Niệm tạm cấm xe tải');
  const text = shown.body.content.map((p) => p.content.map((t) => t.text).join('')).join('\n');
  assert.equal(text, 'cầu Niệm nối hai quận Lê Chân và Dương Kinh.\nXe tải nặng không được qua cầu Niệm từ sáng nay.');
}

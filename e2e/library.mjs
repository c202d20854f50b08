// End-to-end for the library's shelves, in the real window: Delete puts an article in the
// trash and "Hoàn tác" brings it back; the row's button, the trash tab and "Khôi phục" do the
// same with the mouse. The CLI sees what the window did.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY } from './webdriver.mjs';

const HEADLINE = 'Bài nháp bỏ đi: thử thùng rác';

function cliJson(cli, library, args) {
  const out = spawnSync(cli, ['--library', library, '--json', ...args], { encoding: 'utf8' });
  assert.equal(out.status, 0, `banthao ${args.join(' ')}: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const rowOf = (id) => `.article-row[data-id="${id}"]`;

export async function trashAndUndo(wd, { step, shots, cli, library }) {
  step('library: Delete puts an article in the trash, “Hoàn tác” takes it back');
  const { id } = cliJson(cli, library, ['new', '--headline', HEADLINE]);
  if (await wd.exec("return !!document.querySelector('#back-to-list')")) await wd.click('#back-to-list');
  await wd.find('#library-view');
  await wd.click('#home-all');
  // Made by the CLI while the window was open: the list follows the library.
  await wd.find(rowOf(id), 15000);
  await wd.exec(`document.querySelector('${rowOf(id)}').focus()`);
  await wd.chord(KEY.DELETE);
  await wd.until('the row to leave the list', `return !document.querySelector('${rowOf(id)}')`);
  const notice = await wd.until('the undo notice', "return document.querySelector('#notice-action') && document.querySelector('#notice').textContent");
  assert.match(notice, /thùng rác/);
  assert.deepEqual(cliJson(cli, library, ['list', '--shelf', 'trash']).map((a) => a.id), [id]);
  writeFileSync(join(shots, 'library-trash-undo.png'), await wd.screenshot());
  await wd.click('#notice-action');
  await wd.find(rowOf(id), 10000);
  assert.deepEqual(cliJson(cli, library, ['list', '--shelf', 'trash']), []);

  step('library: the row’s “Xoá” button, then the trash tab and “Khôi phục”');
  await wd.exec(`document.querySelector('${rowOf(id)}').focus()`);
  await wd.click(`${rowOf(id)} .row-trash`);
  await wd.until('the row to leave the list', `return !document.querySelector('${rowOf(id)}')`);
  await wd.until('the trash count', "return document.querySelector('#trash-count')?.textContent === '1'");
  await wd.click('#home-trash');
  await wd.find(rowOf(id), 10000);
  await wd.exec(`document.querySelector('${rowOf(id)}').focus()`);
  await wd.click(`${rowOf(id)} .row-restore`);
  await wd.until('the trash to be empty', "return document.querySelector('.list-message')?.textContent.includes('Thùng rác trống')");
  await wd.click('#home-all');
  await wd.find(rowOf(id), 10000);
  assert.equal(cliJson(cli, library, ['show', String(id)]).headline, HEADLINE);
}

// End-to-end for an article changed by another process while it is open, in the real window:
// the CLI appends a figure to the open article. With nothing unsaved the editor shows it (the
// shell's `library-changed`); with a paragraph typed and not saved yet, the editor ends with
// both the paragraph and the CLI's figure, saved, and no conflict on screen.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { KEY } from './webdriver.mjs';

const TYPED = 'Đoạn gõ trong lúc bài được sửa ở nơi khác.';

/** A small RGB PNG: the CLI imports it in milliseconds, well inside the autosave's half second. */
function smallPng(size = 32) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  const crc = (buf) => (buf.reduce((c, byte) => crcTable[(c ^ byte) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) rows.set([x * 8, y * 8, 160], y * (size * 3 + 1) + 1 + x * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** `banthao photo import PHOTO --article ID --figure`: the stored article gains a figure. */
function appendFigureWithCli({ cli, library }, photo, id) {
  const out = spawnSync(cli, ['--library', library, 'photo', 'import', photo, '--article', String(id), '--figure'], { encoding: 'utf8' });
  assert.equal(out.status, 0, `banthao photo import: ${out.stderr}`);
}

const settledWith = (figures, typed) => `
  const shown = document.querySelectorAll('#body figure').length === ${figures};
  const typed = ${typed ? `[...document.querySelectorAll('#body .ProseMirror > p')].some((p) => p.textContent === ${JSON.stringify(TYPED)})` : 'true'};
  const saved = document.querySelector('#save-state')?.dataset.state === 'saved';
  const calm = document.querySelector('.save-banner').hidden && document.querySelector('#conflict-view').hidden;
  const notice = document.querySelector('#merge-status');
  return shown && typed && saved && calm && { notice: notice.hidden ? '' : notice.textContent };`;

export async function followsChangesElsewhere(wd, { step, shots, cli, library, photo }) {
  const env = { cli, library };
  const dir = mkdtempSync(join(tmpdir(), 'banthao-e2e-png-'));
  const small = join(dir, 'nho.png');
  writeFileSync(small, smallPng());
  try {
    await changedWhileOpen(wd, { step, shots, env, photo, small });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function changedWhileOpen(wd, { step, shots, env, photo, small }) {
  const { cli, library } = env;
  await wd.find('#editor-view');
  await wd.until('nothing unsaved', "return document.querySelector('#save-state')?.dataset.state === 'saved'");
  const id = Number(await wd.exec("return document.querySelector('#editor-view').dataset.articleId"));
  const before = await wd.exec("return document.querySelectorAll('#body figure').length");
  assert.ok(before >= 1, 'the open article has the figure added earlier');

  step('changed elsewhere: the CLI appends a figure to the open article, and the editor shows it');
  appendFigureWithCli(env, photo, id);
  await wd.until('the CLI’s figure in the editor', settledWith(before + 1, false), 20000);

  step('changed elsewhere while typing: a paragraph typed, the CLI appends a figure before autosave');
  await wd.click('#body figure figcaption');
  // Enter in a caption opens a paragraph after the figure, away from where the CLI appends.
  await wd.type('#body .ProseMirror', KEY.ENTER + TYPED);
  appendFigureWithCli(env, small, id);
  const end = await wd.until('the typed paragraph and the CLI’s figure, saved', settledWith(before + 2, true), 20000);
  step(end.notice ? `merged, the editor says: ${end.notice}` : 'the paragraph was saved before the CLI’s change came');
  writeFileSync(join(shots, '12-changed-elsewhere.png'), await wd.screenshot());

  const show = spawnSync(cli, ['--library', library, 'show', String(id), '--json'], { encoding: 'utf8' });
  assert.equal(show.status, 0, show.stderr);
  const blocks = JSON.parse(show.stdout).body.content;
  assert.equal(blocks.filter((b) => b.type === 'figure').length, before + 2, 'both figures from the CLI are stored');
  const typed = blocks.filter((b) => b.type === 'paragraph' && (b.content ?? []).map((t) => t.text).join('') === TYPED);
  assert.equal(typed.length, 1, 'the typed paragraph is stored once');
}

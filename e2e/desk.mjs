// End-to-end for the desk in the real window: an editor takes a submitted article from the
// queue, leaves a note on one sentence and returns it; the reporter (the role switched in
// Cài đặt) finds it first in their queue, sees the sentence highlighted and the note, edits and
// hands it in again; the editor sees what changed, word by word.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEADLINE = 'Giá xăng tăng lần thứ ba trong tháng';
const SENTENCE = 'Giá xăng RON 95 tăng thêm 500 đồng mỗi lít.';
const ADDED = ' Nguồn: Bộ Công Thương.';
const NOTE = 'Nguồn nào xác nhận con số này?';

function cli({ cli, library }, args, env = {}) {
  const out = spawnSync(cli, ['--library', library, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(out.status, 0, `banthao ${args.join(' ')}: ${out.stderr}`);
  return out.stdout;
}

/** Cài đặt → Người dùng: who uses this window now. */
async function actAs(wd, name, role) {
  await wd.click('#settings-toggle');
  await wd.find('#user-name');
  await wd.exec(
    `const name = document.querySelector('#user-name'); name.value = arguments[0];
     name.dispatchEvent(new Event('change', { bubbles: true }));
     const role = document.querySelector('#user-role'); role.value = arguments[1];
     role.dispatchEvent(new Event('change', { bubbles: true }));`,
    name,
    role,
  );
  await wd.until(`settings saved as ${name}`, `return document.querySelector('#user-name').value === ${JSON.stringify(name)}`);
  await wd.click('#settings-toggle');
}

/** From anywhere to the home screen's queue, then the article from the group `group`. */
async function openFromQueue(wd, group, id) {
  if (await wd.exec("return !!document.querySelector('#back-to-list')")) await wd.click('#back-to-list');
  await wd.find('#library-view');
  await wd.click('#home-queue');
  const first = await wd.until(
    `the article in the ${group} queue`,
    `const item = document.querySelector('#queue-${group} .queue-item'); return item && Number(item.dataset.id)`,
    15000,
  );
  assert.equal(first, id, `the article comes first in the ${group} queue`);
  await wd.click(`#queue-${group} .queue-item[data-id="${id}"]`);
  await wd.until('the article open', `return document.querySelector('#editor-view')?.dataset.articleId === '${id}'`);
}

async function step_(wd, to) {
  await wd.click(`#step-${to}`);
}

/** Selects `arguments[0]` in the body's text (it may run across several text nodes: decorations split them). */
const SELECT_TEXT = `
  const p = [...document.querySelectorAll('#body .ProseMirror p')].find((p) => p.textContent.includes(arguments[0]));
  const start = p.textContent.indexOf(arguments[0]);
  const end = start + arguments[0].length;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let seen = 0, from = null, to = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent.length;
    if (!from && start <= seen + len) from = [node, start - seen];
    if (!to && end <= seen + len) to = [node, end - seen];
    seen += len;
  }
  document.getSelection().setBaseAndExtent(from[0], from[1], to[0], to[1]);`;

/** The highlighted text (a spelling underline inside splits a highlight in several spans). */
const HIGHLIGHTED = "[...document.querySelectorAll('#body .note-highlight')].map((h) => h.textContent).join('')";

const status = (to) => `return document.querySelector('#status')?.dataset.status === '${to}'`;

export async function deskRoundTrip(wd, { step, shots, cli: cliPath, library }) {
  const env = { cli: cliPath, library };
  const dir = mkdtempSync(join(tmpdir(), 'banthao-e2e-desk-'));
  const previous = await wd.exec("return document.querySelector('#editor-view')?.dataset.articleId ?? null");
  try {
    const bodyFile = join(dir, 'body.txt');
    writeFileSync(bodyFile, `Chiều nay, liên Bộ Công Thương – Tài chính điều chỉnh giá.\n\n${SENTENCE} Người dân lo lắng.\n`);
    step('desk: a reporter hands an article in (the CLI, as Lan)');
    const reporter = { BANTHAO_USER: 'Lan', BANTHAO_ROLE: 'reporter' };
    const article = JSON.parse(
      cli(env, ['new', '--headline', HEADLINE, '--sapo', 'Từ 15 giờ chiều nay.', '--section', 'Kinh tế', '--byline', 'Lan', '--body-file', bodyFile, '--json'], reporter),
    );
    cli(env, ['status', String(article.id), 'submitted'], reporter);

    step('desk: the editor takes it from the queue, notes a sentence and returns it');
    await actAs(wd, 'Minh', 'editor');
    await openFromQueue(wd, 'submitted', article.id);
    await step_(wd, 'in_review');
    await wd.until('in review', status('in_review'));
    // Select the sentence in the body as a person would with the mouse.
    await wd.click('#body .ProseMirror');
    await wd.exec(SELECT_TEXT, SENTENCE);
    await wd.until('the note button enabled', "return !document.querySelector('#add-note').disabled");
    await wd.click('#add-note');
    await wd.until('the note box', "return document.activeElement?.id === 'note-new-text'");
    await wd.type('#note-new-text', NOTE);
    await wd.click('#notes-panel .note-save');
    await wd.until('the note on the sentence', `return ${HIGHLIGHTED} === ${JSON.stringify(SENTENCE)}`);
    await step_(wd, 'returned');
    await wd.type('#step-note', 'Bổ sung nguồn cho con số giá xăng.');
    await wd.click('#step-confirm');
    await wd.until('returned', status('returned'));
    writeFileSync(join(shots, '20-desk-returned.png'), await wd.screenshot());

    step('desk: the reporter finds it first in their queue, with the sentence highlighted and the note');
    await actAs(wd, 'Lan', 'reporter');
    await openFromQueue(wd, 'returned', article.id);
    const highlighted = await wd.until('the highlighted sentence', `return ${HIGHLIGHTED}`);
    assert.equal(highlighted, SENTENCE);
    if ((await wd.exec("return document.querySelector('#notes-toggle').getAttribute('aria-pressed')")) !== 'true') await wd.click('#notes-toggle');
    const note = await wd.until('the note in the panel', "return document.querySelector('#notes-panel .note .note-text')?.textContent");
    assert.equal(note, NOTE);
    writeFileSync(join(shots, '21-desk-reporter-note.png'), await wd.screenshot());

    step('desk: the reporter adds the source and hands it in again');
    await wd.exec(
      `const p = [...document.querySelectorAll('#body .ProseMirror p')].find((p) => p.textContent.includes('Người dân lo lắng.'));
       const text = [...p.childNodes].at(-1); p.closest('.ProseMirror').focus();
       document.getSelection().collapse(text, text.textContent.length);`,
    );
    await wd.type('#body .ProseMirror', ADDED);
    await wd.until('saved', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
    await step_(wd, 'submitted');
    await wd.until('handed in again', status('submitted'));

    step('desk: the editor sees what the reporter changed, word by word');
    await actAs(wd, 'Minh', 'editor');
    await openFromQueue(wd, 'submitted', article.id);
    if ((await wd.exec("return document.querySelector('#history-toggle').getAttribute('aria-pressed')")) !== 'true') await wd.click('#history-toggle');
    await wd.click('#history-what-changed');
    const inserted = await wd.until(
      'the added words marked as inserted',
      "const ins = [...document.querySelectorAll('#review-view ins')].map((i) => i.textContent).join(''); return ins.length > 0 && ins",
      15000,
    );
    assert.match(inserted, /Bộ Công Thương/);
    assert.equal(await wd.exec("return document.querySelectorAll('#review-view del').length"), 0, 'nothing was deleted');
    writeFileSync(join(shots, '22-desk-what-changed.png'), await wd.screenshot());
    await wd.click('#review-close');

    const history = JSON.parse(cli(env, ['history', String(article.id), '--json']));
    const path = history.transitions.map((t) => `${t.actor}:${t.from}>${t.to}`);
    assert.deepEqual(path, ['Lan:draft>submitted', 'Minh:submitted>in_review', 'Minh:in_review>returned', 'Lan:returned>submitted']);
    const notes = JSON.parse(cli(env, ['note', 'list', String(article.id), '--json']));
    assert.equal(notes[0].quote, SENTENCE, 'the note still sits on the sentence after the edit');
    // Back to an anonymous user and the article open before, for whatever runs next.
    await actAs(wd, '', 'reporter');
    if (previous !== null) {
      await wd.click('#back-to-list');
      await wd.click('#home-all');
      await wd.click(`.article-row[data-id="${previous}"]`);
      await wd.until('the previous article open again', `return document.querySelector('#editor-view')?.dataset.articleId === '${previous}'`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

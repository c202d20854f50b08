// End-to-end for typing in a long body, in the real window, with nothing timed: every key
// arrives once, in order, with its own character, at the caret — paced and in bursts,
// Vietnamese precomposed and decomposed ("tổ hợp") — and the stored article holds it in NFC.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNewArticle } from './articles.mjs';
import { articleParagraphs, INSTALL, keysOf, PLACE_CARET, pressKeys, READ_PARAGRAPH, TYPED_DECOMPOSED, TYPED_PRECOMPOSED } from './typing-probe.mjs';

export async function everyKeyOnceAtTheCaret(wd, { step, shots, cli, library, work }) {
  step('typing: every key once, in order, with its character, at the caret (paced and burst, precomposed and decomposed)');
  const paragraphs = articleParagraphs(1500, 3);
  const id = await openNewArticle(wd, { cli, library, work }, { file: 'go-phim.txt', headline: 'Gõ phím trong bài dài', paragraphs });
  await wd.until('the article', `return document.querySelectorAll('#body .ProseMirror > p').length === ${paragraphs.length}`, 20000);
  await wd.exec(INSTALL, []);

  // The caret in the middle of a paragraph, after a word: what is typed goes exactly there.
  const at = 'Sáng nay, '.length + 20;
  const { index, text: before } = await wd.exec(PLACE_CARET, 'app', at);
  const cut = before.indexOf(' ', at) + 1;
  const { text: placed } = await wd.exec(PLACE_CARET, 'app', cut);
  assert.equal(placed, before);
  let expected = before;
  let caret = cut;
  for (const [what, text, pauseMs] of [
    ['paced, precomposed', TYPED_PRECOMPOSED, 40],
    ['burst, precomposed', TYPED_PRECOMPOSED, 0],
    ['burst, decomposed', TYPED_DECOMPOSED, 0],
  ]) {
    const keys = keysOf(text);
    await wd.exec('window.__typing.start(); return 1');
    await pressKeys(wd, keys, pauseMs);
    const seen = await wd.until(
      `the ${what} keys to be shown`,
      `const p = window.__typing;
       return p.keys.length >= ${keys.length} && p.keys.every((k) => k.painted > 0) && { keys: p.keys.map((k) => k.key), inputs: p.inputs }`,
      30000,
    );
    await wd.exec('window.__typing.stop(); return 1');
    assert.deepEqual(seen.keys, keys, `${what}: the keys, once each and in order`);
    assert.equal(seen.inputs, keys.length, `${what}: one input per key`);
    expected = expected.slice(0, caret) + text + expected.slice(caret);
    caret += text.length;
    const now = await wd.exec(READ_PARAGRAPH, 'app', index);
    assert.equal(now.text, expected, `${what}: the paragraph holds every character at the caret`);
    assert.equal(now.caret, caret, `${what}: the caret follows the last key`);
  }
  writeFileSync(join(shots, 'typing.png'), await wd.screenshot());
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  const shown = JSON.parse(spawnSync(cli, ['--library', library, '--json', 'show', String(id)], { encoding: 'utf8' }).stdout);
  const stored = shown.body.content[index].content.map((t) => t.text).join('');
  assert.equal(stored, expected.normalize('NFC'), 'the stored paragraph is what was typed, in NFC');
  assert.equal(shown.body.content.length, paragraphs.length, 'no paragraph added or lost');
}

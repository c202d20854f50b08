// End-to-end for typing in a long body, in the real window, with nothing timed: every key
// arrives once, in order, with its own character, at the caret — paced and in bursts,
// Vietnamese precomposed and decomposed ("tổ hợp"), from WebDriver and from the X server's
// keyboard — and the stored article holds it in NFC.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNewArticle } from './articles.mjs';
import { sleep } from './webdriver.mjs';
import { underlined, untilUnderlined } from './underlines.mjs';
import { XKeyboard } from './x-keyboard.mjs';
import { articleParagraphs, INSTALL, keysOf, PLACE_CARET, pressKeys, READ_PARAGRAPH, TYPED_DECOMPOSED, TYPED_PRECOMPOSED } from './typing-probe.mjs';

/** The body's scroller (the nearest ancestor that scrolls), as \`scroller\`. */
const SCROLLER = `let scroller = document.querySelector('#body .ProseMirror');
  while (scroller && !(/(auto|scroll)/.test(getComputedStyle(scroller).overflowY) && scroller.scrollHeight > scroller.clientHeight)) scroller = scroller.parentElement;
  scroller ??= document.scrollingElement;`;
/** Whether the caret lies inside the scroller's visible box. */
const CARET_IN_VIEW = `(() => {
  const caret = getSelection().getRangeAt(0).getClientRects()[0] ?? getSelection().getRangeAt(0).getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  return caret.height > 0 && caret.top >= box.top && caret.bottom <= box.bottom;
})()`;

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
  // WebDriver's keys are made up inside WebKit; the last two cases come through the X server's
  // keyboard, as a real keyboard's do (GTK's key events and input method, then WebKit's).
  const keyboard = await XKeyboard.open();
  for (const [what, text, pauseMs, onX] of [
    ['paced, precomposed', TYPED_PRECOMPOSED, 40, false],
    ['burst, precomposed', TYPED_PRECOMPOSED, 0, false],
    ['burst, decomposed', TYPED_DECOMPOSED, 0, false],
    ['on the X keyboard, precomposed', TYPED_PRECOMPOSED, 0, true],
    ['on the X keyboard, decomposed', TYPED_DECOMPOSED, 0, true],
  ]) {
    const keys = keysOf(text);
    await wd.exec('window.__typing.start(); return 1');
    if (onX) assert.equal((await keyboard.type(keys, pauseMs, 1)).filter((ms) => ms === null).length, 0, `${what}: every key drew something`);
    else await pressKeys(wd, keys, pauseMs);
    const seen = await wd.until(
      `the ${what} keys to be shown`,
      `const p = window.__typing;
       return p.keys.length >= ${keys.length} && p.keys.every((k) => k.painted > 0) && { keys: p.keys.map((k) => k.key), inputs: p.inputs }`,
      30000,
    );
    await wd.exec('window.__typing.stop(); return 1');
    assert.deepEqual(seen.keys, keys, `${what}: the keys, once each and in order`);
    assert.equal(seen.inputs, keys.length, `${what}: each key changed the text once`);
    // Decomposed marks are composed with their letter as they are typed: the paragraph is NFC.
    const shown = text.normalize('NFC');
    expected = expected.slice(0, caret) + shown + expected.slice(caret);
    caret += shown.length;
    const now = await wd.exec(READ_PARAGRAPH, 'app', index);
    assert.equal(now.text, expected, `${what}: the paragraph holds every character at the caret, in NFC`);
    assert.equal(now.caret, caret, `${what}: the caret follows the last key`);
  }
  await keyboard.close();
  // A misspelling typed decomposed is checked like any other: underlined where it was typed.
  if (!(await wd.exec("return !!document.querySelector('#checks-panel')"))) await wd.click('#checks-toggle');
  await wd.exec(PLACE_CARET, 'app', caret);
  const slip = 'ngưòi';
  await pressKeys(wd, keysOf(` ${slip} `.normalize('NFD')), 0);
  expected = expected.slice(0, caret) + ` ${slip} ` + expected.slice(caret);
  caret += slip.length + 2;
  await untilUnderlined(wd, slip, 'spelling', 15000, `#body .ProseMirror > p:nth-of-type(${index + 1})`);
  // Lines were added above the article's other slips while typing: every underline is still
  // under its own words (what the checks panel lists for the body, word for word).
  const listed = await wd.exec(
    "return [...document.querySelectorAll('#checks-panel .check-finding[data-field=\"body\"] .check-text')].map((q) => q.textContent).sort()",
  );
  const drawn = (await wd.exec(underlined())).map((u) => u.text).sort();
  assert.ok(listed.length > 1, `the article's slips are listed: ${JSON.stringify(listed)}`);
  assert.deepEqual(drawn, listed, 'each underline lies under the words of its finding');
  // With a style set on an element, every underline comes to lie under the words listed (or the
  // error saying what was seen); the style is taken off again.
  const underlinesWith = async (selector, property, value, what) => {
    await wd.exec(`document.querySelector(${JSON.stringify(selector)}).style.${property} = ${JSON.stringify(value)}; return 1`);
    const seen = await wd.until(
      `the underlines under their words ${what}`,
      `const all = (() => { ${underlined()} })().map((u) => u.text).sort();
       return JSON.stringify(all) === ${JSON.stringify(JSON.stringify(listed))} ? all : null`,
      10000,
    ).catch((e) => e);
    await wd.exec(`document.querySelector(${JSON.stringify(selector)}).style.${property} = ''; return 1`);
    return seen;
  };
  // A narrower column (a panel, a smaller window) wraps every paragraph anew: the underlines follow.
  const rewrapped = await underlinesWith('#body .body-host', 'maxWidth', '420px', 'in the narrower column');
  assert.deepEqual(rewrapped, listed, 'each underline follows its words when the column narrows');
  // A larger text size, the column as wide as before: paragraphs grow with their text unchanged,
  // so their findings are measured again.
  const larger = await underlinesWith('#body .ProseMirror', 'fontSize', '125%', 'in larger text');
  assert.deepEqual(larger, listed, 'each underline follows its words when the text grows');
  const slipParagraph = await wd.exec(`return [...document.querySelectorAll('#body .ProseMirror > p')][${index}].textContent`);
  assert.equal(slipParagraph, expected, 'the paragraph with the decomposed misspelling, in NFC');
  // Typed after the paragraph's findings, a burst adds lines to it: its underlines stay where they
  // were without being measured again, those of the paragraphs below move down with their words.
  // Read as the last key is painted, before the check that follows the pause draws them anew.
  const heightOf = `return [...document.querySelectorAll('#body .ProseMirror > p')][${index}].getBoundingClientRect().height`;
  const shorter = await wd.exec(heightOf);
  await wd.exec(PLACE_CARET, 'app');
  const grownText = ` ${TYPED_PRECOMPOSED.repeat(2)}`;
  const grown = keysOf(grownText);
  await wd.exec('window.__typing.start(); return 1');
  await pressKeys(wd, grown, 0);
  const afterGrowth = await wd.until(
    'the burst after the findings to be shown',
    `const p = window.__typing;
     if (!(p.keys.length >= ${grown.length} && p.keys.every((k) => k.painted > 0))) return null;
     const under = (() => { ${underlined()} })().map((u) => u.text).sort();
     return { under, height: (() => { ${heightOf} })() };`,
    30000,
  );
  await wd.exec('window.__typing.stop(); return 1');
  expected += grownText;
  assert.ok(afterGrowth.height > shorter, `the paragraph gained a line (${shorter} → ${afterGrowth.height} px)`);
  assert.deepEqual(afterGrowth.under, listed, 'each underline lies under its words after the paragraph above grew');
  // Typing where the caret is out of sight brings it into view (the editor scrolls once a frame).
  await wd.exec(`const pm = document.querySelector('#body .ProseMirror');
    const last = [...pm.children].filter((b) => b.tagName === 'P').at(-1);
    const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
    let text = null;
    while (walker.nextNode()) text = walker.currentNode;
    pm.focus();
    getSelection().collapse(text, text.length);
    return 1`);
  await sleep(300);
  const hidden = await wd.exec(`${SCROLLER} scroller.scrollTop = 0; return ${CARET_IN_VIEW}`);
  assert.equal(hidden, false, 'the caret at the end of the article is out of sight');
  await pressKeys(wd, keysOf(' Hết.'), 0);
  const shownAgain = await wd.until('the caret to be brought into view', `${SCROLLER} return ${CARET_IN_VIEW} || null`, 10000);
  assert.equal(shownAgain, true);
  // The headline too: typed decomposed, it holds NFC, with the caret after the last letter.
  const headline = await wd.exec("const h = document.querySelector('#headline'); h.focus(); h.setSelectionRange(h.value.length, h.value.length); return h.value");
  const added = ' ở ven biển Hải Phòng';
  await pressKeys(wd, keysOf(added.normalize('NFD')), 0);
  const typedHeadline = await wd.until(
    'the decomposed headline keys',
    `const h = document.querySelector('#headline');
     return h.value.length >= ${headline.length + added.length} && { value: h.value, caret: h.selectionStart }`,
    15000,
  );
  assert.deepEqual(typedHeadline, { value: headline + added, caret: (headline + added).length }, 'the headline holds what was typed, in NFC');
  writeFileSync(join(shots, 'typing.png'), await wd.screenshot());
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  const shown = JSON.parse(spawnSync(cli, ['--library', library, '--json', 'show', String(id)], { encoding: 'utf8' }).stdout);
  const stored = shown.body.content[index].content.map((t) => t.text).join('');
  assert.equal(stored, expected.normalize('NFC'), 'the stored paragraph is what was typed, in NFC');
  assert.equal(shown.body.content.length, paragraphs.length, 'no paragraph added or lost');
  assert.equal(shown.headline, headline + added, 'the stored headline, in NFC');
  // The body's counts, shown once typing paused: the stored body's tiếng (tokens between
  // whitespace holding a letter or digit; paragraphs are separated).
  const bodyText = shown.body.content.map((p) => (p.content ?? []).map((t) => t.text ?? '\n').join('')).join('\n');
  const tieng = bodyText.split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  const counted = await wd.exec("return document.querySelector('#count-body').textContent");
  assert.equal(Number(counted.split(' tiếng')[0].replace(/\D/g, '')), tieng, `the body's counts follow typing: "${counted}", ${tieng} tiếng stored`);
}

// End-to-end for the quick-fix popup in the real window, near the end of a long article: it
// opens inside the window and never over the bars, flips above its word when the word sits at
// the bottom edge, follows the word as the column scrolls, closes on Esc, and works from the
// keyboard (Alt+Enter, then Enter applies the fix).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNewArticle } from './articles.mjs';
import { KEY } from './webdriver.mjs';
import { untilUnderlined } from './underlines.mjs';

const ESCAPE = '\uE00C';
const ALT = '\uE00A';

/** The slip's underline: its line under the word, as wide and high as the word on the page. */
const WORD = "document.querySelector('#body .finding.finding-spelling .finding-piece')";

/** The popup, its word and the writing column, as the window lays them out now. */
const GEOMETRY = `
  const popup = document.querySelector('#finding-popup');
  const word = ${WORD};
  const column = document.querySelector('#editor-view .editor-scroll');
  if (!popup || popup.hidden || !word || !column) return null;
  const p = popup.getBoundingClientRect(), w = word.getBoundingClientRect(), c = column.getBoundingClientRect();
  if (p.height === 0) return null;
  return { popup: { top: p.top, bottom: p.bottom, left: p.left, right: p.right },
           word: { top: w.top, bottom: w.bottom }, column: { top: c.top, bottom: c.bottom },
           window: { width: window.innerWidth, height: window.innerHeight } };`;

function inside(g, what) {
  assert.ok(g.popup.top >= g.column.top - 0.5, `${what}: the popup covers the bars (${JSON.stringify(g)})`);
  assert.ok(g.popup.bottom <= g.window.height + 0.5, `${what}: the popup runs off the window (${JSON.stringify(g)})`);
  assert.ok(g.popup.left >= 0 && g.popup.right <= g.window.width + 0.5, `${what}: the popup is cut at a side`);
}

export async function quickFixPopupAtTheBottom(wd, { step, shots, cli, library, work }) {
  step('checks: a long article with a slip near its end, opened in the window');
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `Đoạn ${i + 1}: người dân phường Hải Sơn vui mừng khi con đường hoàn thành sau hai năm thi công.`,
  );
  // Near the end, with a few paragraphs after it so it can be scrolled anywhere in the column.
  paragraphs.splice(36, 0, 'Nhiều nghành chức năng đã có mặt từ sáng sớm.');
  const id = await openNewArticle(wd, { cli, library, work }, { file: 'bai-dai.txt', headline: 'Bài dài có lỗi ở cuối', paragraphs });
  await untilUnderlined(wd, 'nghành', 'spelling', 20000);

  step('checks: from the checks panel, the word comes into view and the popup opens inside the window');
  if (!(await wd.exec("return !!document.querySelector('#checks-panel')"))) await wd.click('#checks-toggle');
  await wd.click('#checks-panel .check-finding[data-field="body"]');
  let g = await wd.until('the popup by its word', `${GEOMETRY}`);
  inside(g, 'opened from the panel');

  step('checks: the popup follows its word as the column scrolls, and flips above it at the bottom edge');
  // Beside its word: just below it, or just above it (4 px apart, as placed).
  const beside = (where) =>
    `const g = (() => { ${GEOMETRY} })();
     return g && (${where === 'below' ? 'Math.abs(g.popup.top - g.word.bottom - 4) < 2' : 'Math.abs(g.word.top - g.popup.bottom - 4) < 2'}) && g`;
  const scrollWordTo = (offsetFromColumnTop) =>
    wd.exec(`const word = ${WORD};
      const column = document.querySelector('#editor-view .editor-scroll');
      column.scrollTop += word.getBoundingClientRect().top - (column.getBoundingClientRect().top + ${offsetFromColumnTop});`);
  await scrollWordTo(200);
  g = await wd.until('the popup just below its word, moved with it', beside('below'));
  inside(g, 'with the word high in the column');
  const high = g.word.top;
  await wd.exec(`const word = ${WORD};
    const column = document.querySelector('#editor-view .editor-scroll');
    column.scrollTop += word.getBoundingClientRect().bottom - (column.getBoundingClientRect().bottom - 24);`);
  g = await wd.until('the popup just above its word at the bottom edge', beside('above'));
  assert.ok(g.word.top - high > 200, `the word moved down the column: ${JSON.stringify(g)}`);
  inside(g, 'at the bottom edge');
  writeFileSync(join(shots, 'checks-popup-bottom.png'), await wd.screenshot());

  step('checks: Esc closes it; Alt+Enter opens it from the keyboard and Enter applies the fix');
  await wd.chord(ESCAPE);
  await wd.until('the popup to close', "const p = document.querySelector('#finding-popup'); return !p || p.hidden");
  await wd.exec(`const walker = document.createTreeWalker(document.querySelector('#body .ProseMirror'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes('nghành'));
    const text = walker.currentNode;
    const range = document.createRange(); range.setStart(text, text.data.indexOf('nghành') + 2); range.collapse(true);
    const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    document.querySelector('#body .ProseMirror').focus();`);
  await wd.chord(ALT, KEY.ENTER);
  const focused = await wd.until('the first fix focused', "const a = document.activeElement; return a && a.closest('#finding-popup') && a.textContent.trim()");
  assert.match(focused, /ngành/);
  await wd.chord(KEY.ENTER);
  await wd.until('the fixed text', "return document.querySelector('#body .ProseMirror').textContent.includes('Nhiều ngành chức năng')", 10000);
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
}

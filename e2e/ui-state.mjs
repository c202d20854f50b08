// End-to-end for the UI as a function of its state, in the real window: the three bugs that
// hand-kept DOM produced (issue 14) stay gone.
// - The language switched from the editor changes everything, the library list included.
// - A figure's warning goes away as soon as its missing field is filled.
// - One side panel at a time: the writing column keeps a readable width.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY } from './webdriver.mjs';
import { ALT } from './photos.mjs';

const BACKSPACE = '\uE003';

/** Picks an option of a <select> as a person would: open it, click the option. */
async function choose(wd, select, value, { kept = true } = {}) {
  await wd.click(`${select} option[value="${value}"]`);
  if (kept) assert.equal(await wd.property(select, 'value'), value, `${select} set to ${value}`);
}

/** When exactly `count` side panels are on screen: which ones, and the writing column's width. */
const layoutWith = (count) => `
  const shown = [...document.querySelectorAll('#editor-view .side-panel')]
    .filter((p) => p.isConnected && !p.hidden && p.getClientRects().length > 0)
    .map((p) => p.id || p.className);
  const column = document.querySelector('#editor-view .editor-main').getBoundingClientRect().width;
  return shown.length === ${count} && { shown, column: Math.round(column) };`;

export async function onePanelAtATime(wd, { step, shots }) {
  step('side panels: Thông tin bài, Kiểm tra, Ảnh, Lịch sử open one at a time; the text keeps its width');
  await wd.find('#editor-view');
  const widths = [];
  for (const toggle of ['#checks-toggle', '#photos-toggle', '#history-toggle', '#details-toggle']) {
    await wd.click(toggle);
    const layout = await wd.until(`one panel after ${toggle}`, layoutWith(1));
    assert.equal(layout.shown.length, 1, `${toggle}: ${JSON.stringify(layout.shown)}`);
    assert.equal(await wd.exec(`return document.querySelector('${toggle}').getAttribute('aria-pressed')`), 'true');
    widths.push(layout.column);
  }
  writeFileSync(join(shots, '9-one-side-panel.png'), await wd.screenshot());
  // 1280 px window: the column never drops to the ≈290 px it had with three panels open.
  assert.ok(Math.min(...widths) >= 560, `writing column widths ${widths}`);
  await wd.click('#details-toggle');
  const none = await wd.until('no panel', layoutWith(0));
  // The column keeps its readable measure (at most 760 px), now centred in the whole width.
  assert.ok(none.column >= Math.max(...widths), `closing the panel never narrows the text: ${none.column} < ${widths}`);
  await wd.click('#details-toggle');
}

export async function languageFromEditor(wd, { step, shots }) {
  step('language: switched to English from the editor, the library list is English too');
  await wd.find('#editor-view');
  await wd.click('#settings-toggle');
  await choose(wd, '#locale-select', 'en');
  await wd.click('#settings-toggle');
  await wd.until('the editor in English', "return document.querySelector('#back-to-list')?.textContent.includes('Library')");
  await wd.click('#back-to-list');
  await wd.find('#library-view');
  const list = await wd.until(
    'the library in English',
    `const text = (s) => document.querySelector(s)?.textContent.trim();
     const statuses = [...document.querySelectorAll('.row-status .badge')].map((b) => b.textContent);
     return statuses.length > 0 && {
       title: text('.view-title'), create: text('#new-article'), pull: text('#pull-open'),
       columns: [...document.querySelectorAll('.list-columns .col-sort')].map((c) => c.textContent),
       authors: document.querySelector('#author-filter option[value=""]').textContent,
       search: document.querySelector('#search').placeholder, statuses,
       filter: document.querySelector('#status-filter option[value="draft"]').textContent };`,
  );
  writeFileSync(join(shots, '12-library-english.png'), await wd.screenshot());
  const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
  for (const [name, value] of Object.entries(list)) {
    assert.doesNotMatch(JSON.stringify(value), vietnamese, `${name} still Vietnamese: ${JSON.stringify(value)}`);
  }
  assert.equal(list.create, 'New article');
  assert.ok(list.statuses.every((s) => ['Draft', 'Submitted', 'In review', 'Returned', 'Approved', 'Scheduled', 'Published'].includes(s)), list.statuses);
  step('language: back to Vietnamese from the list');
  await wd.click('#settings-toggle');
  await choose(wd, '#locale-select', 'vi');
  await wd.click('#settings-toggle');
  await wd.until('the library in Vietnamese', "return document.querySelector('#new-article')?.textContent.trim() === 'Bài mới'");
  // Back to the photo article (the newest change, but find it by its headline).
  await wd.exec(`[...document.querySelectorAll('.article-row')]
    .find((r) => r.querySelector('.row-headline').textContent.includes('Hoàng Văn Thụ'))
    .setAttribute('data-e2e', 'photo-article')`);
  await wd.click('.article-row[data-e2e="photo-article"]');
  await wd.find('#body figure');
}

export async function figureWarningFollowsTheField(wd, { step, shots }) {
  step('photos: submitting with the alt text missing lists the figure; typing it removes the warning at once');
  await wd.find('#body figure .figure-alt');
  await wd.click('#body figure .figure-alt');
  await wd.chord(KEY.CONTROL, 'a');
  await wd.type('#body figure .figure-alt', BACKSPACE);
  await wd.until('the alt text cleared and saved', `return document.querySelector('#body figure .figure-alt').value === '' &&
    document.querySelector('#save-state')?.dataset.state === 'saved'`, 15000);
  if ((await wd.exec("return document.querySelector('#details-toggle').getAttribute('aria-pressed')")) !== 'true') {
    await wd.click('#details-toggle');
  }
  await wd.click('#step-submitted');
  const warning = await wd.until(
    'the figure check',
    "const c = document.querySelector('#figure-check'); return c && !c.hidden && c.textContent",
  );
  assert.match(warning, /mô tả ảnh/);
  assert.equal(await wd.exec("return document.querySelector('#status').dataset.status"), 'draft', 'the status did not move while a figure is incomplete');
  writeFileSync(join(shots, '13-figure-check.png'), await wd.screenshot());
  step('photos: clicking the warning leads to the missing field');
  await wd.click('#figure-check .figure-check-item');
  await wd.until('the alt text field focused', "return document.activeElement?.matches('#body figure .figure-alt')");
  await wd.type('#body figure .figure-alt', ALT);
  await wd.until(
    'the warning gone once the alt text is typed',
    "const c = document.querySelector('#figure-check'); return !c || c.hidden || !/mô tả ảnh/.test(c.textContent)",
  );
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
}

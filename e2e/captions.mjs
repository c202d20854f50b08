// End-to-end for the checks on a photo caption, in the real window: a slip typed into a
// figure's caption is underlined there, listed in the checks panel as a caption finding, fixed
// from its popup, and the fixed caption is what the library stores.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNewArticle } from './articles.mjs';
import { underlined, untilUnderlined } from './underlines.mjs';

const SLIPPED = 'Nhiều nghành chức năng có mặt tại hiện trường sau bão.';
const FIXED = 'Nhiều ngành chức năng có mặt tại hiện trường sau bão.';
const CAPTION = '#body figure figcaption';

export async function captionSlipFixedFromThePopup(wd, { step, shots, cli, library, work, photo }) {
  step('checks: a photo added to a new article, a slip typed into its caption');
  const id = await openNewArticle(
    wd,
    { cli, library, work },
    { file: 'bai-anh.txt', headline: 'Cột điện đổ sau bão', paragraphs: ['Sáng nay, lực lượng chức năng kiểm tra hiện trường.'] },
  );
  await wd.until('the article open', `return document.querySelector('#editor-view')?.dataset.articleId === '${id}'`);
  await wd.click('#body .ProseMirror');
  // The chooser itself is the desktop's; WebDriver hands the file to the page's file input.
  await wd.exec("const i = document.querySelector('#editor-view input[type=file]'); i.hidden = false; i.style.display = 'block';");
  await wd.type('#editor-view input[type=file]', photo);
  await wd.until('the figure', "return !!document.querySelector('#body figure figcaption')", 60000);
  await wd.click('#body figure figcaption');
  await wd.exec(`const cap = document.querySelector('#body figure figcaption');
    const range = document.createRange(); range.selectNodeContents(cap);
    const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);`);
  await wd.type('#body .ProseMirror', SLIPPED);
  assert.equal(await wd.exec("return document.querySelector('#body figure figcaption').textContent"), SLIPPED);

  step('checks: the slip is underlined in the caption and listed as a caption finding');
  // The underline is drawn under the slip's letters, inside the caption.
  await untilUnderlined(wd, 'nghành', 'spelling', 20000, CAPTION);
  if (!(await wd.exec("return !!document.querySelector('#checks-panel')"))) await wd.click('#checks-toggle');
  const row = '#checks-panel .check-finding[data-field="caption"]';
  const label = await wd.until('the caption finding in the checks panel', `return document.querySelector('${row} .check-field')?.textContent`);
  assert.match(label, /Chú thích ảnh|caption/i);
  writeFileSync(join(shots, 'caption-slip.png'), await wd.screenshot());

  step('checks: its popup fixes the caption, and the fix is saved');
  await wd.click(row);
  const fix = await wd.until(
    'the popup with its fix',
    `const p = document.querySelector('#finding-popup'); const b = p && !p.hidden && p.querySelector('.quick-fix');
     return b && b.dataset.replacement`,
  );
  assert.equal(fix, 'ngành');
  await wd.click('#finding-popup .quick-fix');
  await wd.until('the caption fixed', `return document.querySelector('#body figure figcaption').textContent === ${JSON.stringify(FIXED)}`, 10000);
  await wd.until('no slip left in the caption', `return !(() => { ${underlined(CAPTION)} })().some((u) => u.kind === 'spelling')`, 20000);
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'", 15000);
  const out = spawnSync(cli, ['--library', library, 'show', String(id), '--json'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const figure = JSON.parse(out.stdout).body.content.find((n) => n.type === 'figure');
  const stored = (figure?.content ?? []).flatMap((c) => c.content ?? []).map((t) => t.text).join('');
  assert.equal(stored, FIXED, 'the stored caption');
}

// End-to-end for the Vietnamese text features, in the real window: a paste from Word with a
// TCVN3 run and a VNI run becomes correct Unicode; a misspelling gets an underline whose
// quick fix corrects it.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { untilUnderlined } from './underlines.mjs';

// What Word puts on the clipboard: legacy bytes shown as Windows-1252 characters, per run.
// "Chiều nay, trời mưa to ở Đà Nẵng." in TCVN3 (ư is the soft hyphen U+00AD) and
// "Người dân Hải Phòng đi bộ trên đường mới." in VNI.
const TCVN3 = 'ChiÒu nay, trêi m\u00ada to ë §µ N½ng.';
const VNI = 'Ngöôøi daân Haûi Phoøng ñi boä treân ñöôøng môùi.';
const EXPECTED = 'Chiều nay, trời mưa to ở Đà Nẵng. Người dân Hải Phòng đi bộ trên đường mới.';
const WORD_HTML =
  `<html><body><p class=MsoNormal><span style='font-size:13.0pt;font-family:".VnTime",serif'>${TCVN3}</span>` +
  ` <span style='font-family:"VNI-Times"'>${VNI}</span></p></body></html>`;

export async function pasteAndFix(wd, { step, shots }) {
  step('Vietnamese: paste from Word with a .VnTime run and a VNI-Times run');
  await wd.click('#new-article');
  await wd.find('#editor-view');
  await wd.type('#headline', 'Mưa lớn ở Đà Nẵng');
  await wd.click('#body .ProseMirror');
  await wd.exec(
    `const dt = new DataTransfer();
     dt.setData('text/html', arguments[0]);
     dt.setData('text/plain', 'plain fallback must not be used');
     const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
     document.querySelector('#body .ProseMirror').dispatchEvent(event);`,
    WORD_HTML,
  );
  const body = await wd.until(
    'the converted paste',
    `const t = document.querySelector('#body .ProseMirror').textContent; return t.includes('Hải Phòng') && t`,
  );
  assert.equal(body, EXPECTED);
  const notice = await wd.until('the conversion notice', "return document.querySelector('#editor-notice')?.textContent");
  assert.match(notice, /TCVN3/);
  assert.match(notice, /VNI/);

  step('Vietnamese: a misspelling is underlined and its quick fix corrects it');
  await wd.type('#body .ProseMirror', ' Nhiều nghành chức năng đã có mặt.');
  // Under the misspelling's letters on the page; the pointer over them opens its popup, off
  // them closes it, and a click on them opens it again.
  const flagged = await untilUnderlined(wd, 'nghành');
  writeFileSync(join(shots, '5-checks.png'), await wd.screenshot());
  const popupShown = "const p = document.querySelector('#finding-popup'); return !!p && !p.hidden";
  await wd.pointerTo(flagged.x, flagged.y);
  await wd.until('the popup with the pointer over the misspelling', popupShown);
  await wd.pointerTo(flagged.x, flagged.y - 120);
  await wd.until('the popup gone with the pointer off the word', `return !(() => { ${popupShown} })()`);
  await wd.clickAt(flagged.x, flagged.y);
  const fix = await wd.until('the quick fix', "return document.querySelector('#finding-popup .quick-fix')?.dataset.replacement");
  assert.equal(fix, 'ngành');
  writeFileSync(join(shots, '6-quick-fix.png'), await wd.screenshot());
  await wd.click('#finding-popup .quick-fix');
  await wd.until(
    'the fixed text',
    "return document.querySelector('#body .ProseMirror').textContent.includes('Nhiều ngành chức năng')",
  );
  await wd.until('the underline to go', "return !document.querySelector('#body .finding.finding-spelling')", 15000);
  await wd.until('the save', "return document.querySelector('#save-state')?.dataset.state === 'saved'");
}

// End-to-end for links, in the real window: nothing a page does with a link or with
// `location` takes the window away from the app. (Links that may open are not clicked here:
// on a machine with a browser, that would start it.)

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './webdriver.mjs';

async function stillTheApp(wd, what) {
  await sleep(800);
  const where = await wd.exec("return [location.protocol, !!document.querySelector('.app-main')]");
  assert.deepEqual(where, ['tauri:', true], `${what}: the window left the app`);
}

export async function linksStayOutOfTheWindow(wd, { step, shots }) {
  await wd.find('.app-main');
  step('links: a link the app does not open, clicked in the window, goes nowhere');
  await wd.exec(`const a = document.createElement('a');
    a.id = 'e2e-link'; a.href = 'file:///etc/hostname'; a.textContent = 'liên kết';
    document.querySelector('.app-main').prepend(a);`);
  await wd.click('#e2e-link');
  await stillTheApp(wd, 'a clicked link');
  step('links: a script setting location is refused by the shell');
  await wd.exec("location.href = 'https://example.com/'; return true");
  await stillTheApp(wd, 'location.href');
  step('links: window.open makes no window');
  await wd.exec("window.open('https://example.com/'); return true");
  await sleep(500);
  assert.equal((await wd.call('GET', '/window/handles')).length, 1, 'window.open made a window');
  await stillTheApp(wd, 'window.open');
  await wd.exec("document.getElementById('e2e-link')?.remove(); return true");
  writeFileSync(join(shots, '9-links.png'), await wd.screenshot());
}

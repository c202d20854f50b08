// What several end-to-end suites share: an article made with the CLI, then opened from the
// window's whole list as a user would.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `paragraphs` to `work/file`, makes an article of them with the CLI, and clicks it in
 * the list (from the editor, back to the list first). Returns the article's id.
 */
export async function openNewArticle(wd, { cli, library, work }, { file, headline, paragraphs }) {
  const bodyFile = join(work, file);
  writeFileSync(bodyFile, paragraphs.join('\n\n'));
  const made = spawnSync(cli, ['--library', library, '--json', 'new', '--headline', headline, '--body-file', bodyFile], {
    encoding: 'utf8',
  });
  assert.equal(made.status, 0, made.stderr);
  const { id } = JSON.parse(made.stdout);
  if (await wd.exec("return !!document.querySelector('#back-to-list')")) await wd.click('#back-to-list');
  await wd.click('#home-all');
  await wd.click(`.article-row[data-id="${id}"]`);
  return id;
}

/** For tests: body editors on fresh elements, taken down again after each test. */
import type { PmNode } from '../bindings/PmNode';
import { I18n } from '../i18n';
import { BodyEditor } from './body-editor';

const mounted: BodyEditor[] = [];

/** A body editor holding `doc`, in the page. */
export function mountEditor(doc: PmNode | null): BodyEditor {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const editor = new BodyEditor(host, { doc, i18n: new I18n('vi') });
  mounted.push(editor);
  return editor;
}

/** Destroys every editor `mountEditor` made and empties the page (call from afterEach). */
export async function destroyEditors(): Promise<void> {
  for (const editor of mounted.splice(0)) editor.destroy();
  document.body.textContent = '';
  // A view stopped with DOM changes pending flushes them 20 ms later: let that run while the page exists.
  await new Promise((resolve) => setTimeout(resolve, 30));
}

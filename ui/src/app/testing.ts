/** For tests: the app mounted on a fresh element, taken down again after each test. */
import { flushSync } from 'svelte';
import type { Backend } from '../backend/backend';
import type { ArticleEditor } from '../editor/article-editor.svelte';
import { mountApp, type MountedApp } from './mount';

const mounted: MountedApp[] = [];

export async function bootApp(backend: Backend): Promise<MountedApp> {
  const app = await mountApp(document.body.appendChild(document.createElement('div')), backend);
  mounted.push(app);
  return app;
}

/** Unmounts every app `bootApp` made (call from afterEach). */
export function destroyApps(): void {
  for (const app of mounted.splice(0)) app.destroy();
  flushSync();
}

/** The app with article `id` open in the editor, as after a restart on it. */
export async function openInEditor(backend: Backend, id: number): Promise<MountedApp & { editor: ArticleEditor }> {
  await backend.setLastArticle(id);
  const mounted = await bootApp(backend);
  flushSync();
  if (!mounted.app.editor) throw new Error(`article ${id} did not open: ${mounted.app.notices.current?.message ?? "no notice"}`);
  return { ...mounted, editor: mounted.app.editor };
}

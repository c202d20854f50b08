/** Starts the app in `target`: the state, the component tree, then the boot sequence. */
import { mount, unmount } from 'svelte';
import type { Backend } from '../backend/backend';
import App from './App.svelte';
import { AppState } from './app-state.svelte';

export type MountedApp = { app: AppState; destroy: () => void };

export async function mountApp(target: HTMLElement, backend: Backend): Promise<MountedApp> {
  const app = new AppState(backend);
  target.replaceChildren();
  const component = mount(App, { target, props: { app } });
  await app.start();
  return {
    app,
    destroy: () => {
      app.dispose();
      void unmount(component);
    },
  };
}

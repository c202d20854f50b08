/** The app's state reaches components through Svelte context, never through module globals. */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app-state.svelte';

const KEY = Symbol('banthao-app');

export function provideApp(app: AppState): void {
  setContext(KEY, app);
}

export function useApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('useApp() outside <App>: mount components through mountApp or with an AppState in context');
  return app;
}

/** The context map for mounting a component on its own (tests): `render(C, { context: appContext(app) })`. */
export function appContext(app: AppState): Map<unknown, unknown> {
  return new Map([[KEY, app]]);
}

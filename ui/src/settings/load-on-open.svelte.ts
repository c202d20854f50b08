/** The settings sections read their data afresh each time the panel opens. */
import { untrack } from 'svelte';
import type { AppState } from '../app/app-state.svelte';

/**
 * Runs `load` whenever `app.settingsOpen` turns true. Call it while a component initialises;
 * the state `load` reads does not make it run again (only opening the panel does).
 */
export function loadWhenOpen(app: AppState, load: () => unknown): void {
  $effect(() => {
    if (!app.settingsOpen) return;
    untrack(() => void load());
  });
}

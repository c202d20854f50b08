/** For the settings tests: the app booted (on an article, when one is named) with the settings panel open. */
import type { Backend } from '../backend/backend';
import type { AppState } from '../app/app-state.svelte';
import { bootApp } from '../app/testing';

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

export const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

export const $$ = <T extends HTMLElement = HTMLElement>(selector: string): T[] => [...document.querySelectorAll<T>(selector)];

/** Boots the app (with article `articleId` open in the editor, if given) and opens the settings. */
export async function openSettings(backend: Backend, articleId?: number): Promise<AppState> {
  if (articleId !== undefined) await backend.setLastArticle(articleId);
  const { app } = await bootApp(backend);
  await settle();
  if (articleId !== undefined && app.editor?.articleId !== articleId) throw new Error(`article ${articleId} did not open`);
  $<HTMLButtonElement>('#settings-toggle').click();
  await settle();
  return app;
}

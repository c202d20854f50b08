/** For the publishing tests: a library with a site profile, an article open in the app, typing as a person would. */
import { bootApp } from '../app/testing';
import type { NewArticle } from '../bindings/NewArticle';
import { MemoryBackend, MemorySite } from '../backend/memory';

export const blank: NewArticle = { headline: '', sapo: '', section: '', keywords: [], byline: '', dateline: '' };
export const XSS = '<img src=x onerror=alert(1)>';
const URL = 'https://tin.example.vn';
const PASSWORD = 'abcd EFGH ijkl MNOP';

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

export const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

/** A memory library whose worker runs only when told, with one profile per name, all on one site. */
export async function backendWithSite(profiles = ['Báo điện tử']) {
  const site = new MemorySite(URL, { bientap: { password: PASSWORD, name: 'Biên tập viên' } });
  const backend = new MemoryBackend({ sites: [site], manualWorker: true });
  for (const name of profiles) await backend.saveEndpoint({ name, url: URL, username: 'bientap', allow_http: false }, PASSWORD);
  return { site, backend };
}

/** The app with `article` open, as after a restart on it. */
export async function openInApp(backend: MemoryBackend, input: NewArticle) {
  const article = await backend.createArticle(input);
  await backend.setLastArticle(article.id);
  const { app } = await bootApp(backend);
  await settle();
  return { app, article };
}

export function type(selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

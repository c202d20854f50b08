import type { Backend } from './backend';
import { TauriBackend } from './tauri';

export { AppError, toAppError, type Backend } from './backend';

/**
 * Tauri when running in the app's webview; otherwise the in-memory library, so the UI runs
 * in a plain browser for development (`?demo` fills it with sample articles). The in-memory
 * one is loaded only then, so the app's start-up never parses it.
 */
export async function pickBackend(): Promise<Backend> {
  if ('__TAURI_INTERNALS__' in window) return new TauriBackend();
  const [{ MemoryBackend }, { seedDemo }] = await Promise.all([import('./memory'), import('./seed')]);
  const memory = new MemoryBackend();
  if (new URLSearchParams(window.location.search).has('demo')) await seedDemo(memory);
  return memory;
}

/** Shown instead of the app when the library cannot be opened: the message, never a crash. */
import type { AppError } from '../backend/backend';
import { el, tr } from './dom';

export function errorScreen(error: AppError): HTMLElement {
  const retry = tr('button', 'error.retry', { type: 'button', class: 'btn primary', id: 'error-retry' });
  retry.addEventListener('click', () => window.location.reload());
  return el(
    'section',
    { id: 'error-screen', class: 'error-screen', role: 'alert', 'data-code': error.code },
    el(
      'div',
      { class: 'error-card' },
      tr('h1', 'error.title', { class: 'error-title' }),
      el('p', { class: 'error-message' }, error.message),
      tr('p', 'error.code', { class: 'error-code hint' }, { code: error.code }),
      retry,
    ),
  );
}

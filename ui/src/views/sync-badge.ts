/** An article's publishing state as a small badge (library rows, the editor's top bar). */
import type { ArticleSync } from '../bindings/ArticleSync';
import type { SyncBadge } from '../bindings/SyncBadge';
import { t, type MessageKey } from '../i18n';
import { el, tr } from './dom';

export function syncBadgeKey(badge: SyncBadge): MessageKey {
  return `sync.badge.${badge}`;
}

/**
 * Text and colour, with the words "Đăng bài:" for screen readers (the badge sits beside the
 * workflow status, which is a different thing); the title names the site.
 */
export function syncBadge(sync: ArticleSync): HTMLElement {
  const badge = el(
    'span',
    { class: `badge sync-badge sync-${sync.badge}`, 'data-badge': sync.badge },
    tr('span', 'sync.badgePrefix', { class: 'sr-only' }),
    tr('span', syncBadgeKey(sync.badge), { class: 'sync-badge-text' }),
  );
  badge.title = t('sync.badgeTitle', { state: t(syncBadgeKey(sync.badge)), endpoint: sync.endpoint_name });
  return badge;
}

/** Puts `sync`'s badge into `slot` (or empties it for an article never sent). */
export function showSyncBadge(slot: HTMLElement, sync: ArticleSync | null): void {
  slot.replaceChildren(...(sync ? [syncBadge(sync)] : []));
}


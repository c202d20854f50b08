/** How workflow statuses become a WordPress post's status (`StatusMap` in Rust). */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { StatusMap } from '../bindings/StatusMap';

/** The statuses a WordPress post can be given (`REMOTE_STATUSES` in Rust). */
export const REMOTE_STATUSES = ['draft', 'pending', 'private', 'future', 'publish'] as const;
export type RemoteStatus = (typeof REMOTE_STATUSES)[number];

/** Rust's `StatusMap::default()`: what a new profile starts with. */
export const DEFAULT_STATUS_MAP: StatusMap = {
  draft: 'draft',
  submitted: 'pending',
  in_review: 'pending',
  returned: 'draft',
  approved: 'pending',
  scheduled: 'future',
  published: 'publish',
};

/** The workflow status a pulled post gets: the first that maps to its remote status. */
export function localStatus(map: StatusMap, remote: string, order: readonly ArticleStatus[]): ArticleStatus {
  return order.find((s) => map[s] === remote) ?? 'draft';
}

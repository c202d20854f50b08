/**
 * Link targets: which are allowed in an article, and what a person typed made whole. Kept apart
 * from the schema so the list (which stops every link click) starts without ProseMirror.
 */

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Link targets allowed in an article: http, https and mailto; anything else is dropped. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && SAFE_HREF.test(href.trim());
}

/** A bare domain as people type it (`hanoi.gov.vn`, `www.vnexpress.net/thoi-su`), no scheme. */
const BARE_DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.\p{L}{2,}$/u;

/**
 * What a person typed as a link, made whole: `https://` before a bare domain, `mailto:` before
 * an e-mail address. Anything else comes back as typed (and is refused if it is not safe).
 */
export function completeHref(typed: string): string {
  const href = typed.trim();
  if (isSafeHref(href)) return href;
  if (BARE_EMAIL.test(href)) return `mailto:${href}`;
  if (BARE_DOMAIN.test(href)) return `https://${href}`;
  return href;
}

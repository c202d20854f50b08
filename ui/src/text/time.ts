/** Vietnam has used UTC+7 with no daylight saving since 1975: a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats an RFC 3339 instant as `HH:mm dd/MM/yyyy` in Vietnam time.
 * Done with arithmetic on UTC fields (no Intl) so it is identical on every machine.
 */
export function formatVietnamTime(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Current time as RFC 3339 UTC without milliseconds, like the Rust side stores it. */
export function nowRfc3339(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An RFC 3339 instant as a `datetime-local` value in Vietnam time (`2026-12-02T08:00`). */
export function toVietnamInput(rfc3339: string | null): string {
  const ms = rfc3339 ? Date.parse(rfc3339) : NaN;
  if (Number.isNaN(ms)) return '';
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Vietnam time, as RFC 3339 UTC; '' for an empty or bad value. */
export function fromVietnamInput(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return '';
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - VIETNAM_OFFSET_MS;
  return nowRfc3339(ms);
}

/**
 * Finding kinds as the panel and the popup show them: their order, their label key, which are
 * tone-style kinds (fixed all at once by the conversion), and findings grouped by kind.
 */
import type { MessageKey } from '../i18n';
import { vi } from '../i18n/vi';
import type { Finding } from './findings-plugin';

export const KIND_ORDER = [
  'spelling',
  'real-word',
  'tone-style',
  'mixed-tone-style',
  'abbreviation',
  'quotes',
  'spacing',
  'capitalisation',
  'length',
];

/** The kinds that "fix all" converts with the house tone style instead of first suggestions. */
export const TONE_KINDS: ReadonlySet<string> = new Set(['tone-style', 'mixed-tone-style']);

/** The label key of a kind (a kind the UI does not know yet: "Other"). */
export function kindKey(kind: string): MessageKey {
  const key = `checks.kind.${kind}`;
  return key in vi ? (key as MessageKey) : 'checks.kind.other';
}

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
}

export type KindGroup = { kind: string; findings: Finding[]; fixable: boolean };

/** Findings grouped by kind in KIND_ORDER (unknown kinds last, by name), each in the order given. */
export function groupByKind(findings: readonly Finding[]): KindGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  return [...groups.keys()]
    .sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b))
    .map((kind) => {
      const list = groups.get(kind)!;
      return { kind, findings: list, fixable: TONE_KINDS.has(kind) || list.some((f) => f.suggestions.length > 0) };
    });
}

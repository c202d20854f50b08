/**
 * The checks panel (`#checks-panel`): notices, then the findings grouped by kind with counts
 * (`.check-kind[data-kind]`, `.check-count`), "fix all" per kind (`.fix-all[data-kind]`) and
 * each finding (`.check-finding`), which takes you to it.
 */
import type { Finding } from '../checks/findings-plugin';
import type { MessageKey } from '../i18n';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';
import { kindKey } from './finding-popup';

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
const TONE_KINDS = new Set(['tone-style', 'mixed-tone-style']);

export type PanelActions = {
  open: (finding: Finding, item: HTMLElement) => void;
  fixAll: (kind: string) => void;
};

export type PanelNotices = { dictionary: boolean; bodySkipped: number | null; error: string | null };

const FIELD_KEYS: Record<string, MessageKey> = { headline: 'editor.headline', sapo: 'editor.sapo', body: 'editor.body' };

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
}

export class ChecksPanel {
  readonly element: HTMLElement;
  private readonly notices: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly actions: PanelActions) {
    this.notices = el('div', { class: 'checks-notices' });
    this.list = el('div', { class: 'checks-list' });
    this.element = el(
      'aside',
      { id: 'checks-panel', class: 'side-panel checks-panel', hidden: true },
      tr('h2', 'checks.title', { class: 'panel-title' }),
      this.notices,
      this.list,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
  }

  render(findings: readonly Finding[], notices: PanelNotices): void {
    clear(this.notices);
    if (notices.error) append(this.notices, setText(el('p', { class: 'checks-notice', 'data-notice': 'error' }), 'checks.failed', { message: notices.error }));
    if (!notices.dictionary) append(this.notices, tr('p', 'checks.noDictionary', { class: 'checks-notice', 'data-notice': 'dictionary' }));
    if (notices.bodySkipped !== null) {
      append(this.notices, setText(el('p', { class: 'checks-notice', 'data-notice': 'too-large' }), 'checks.tooLarge', { chars: notices.bodySkipped }));
    }
    clear(this.list);
    if (findings.length === 0) {
      append(this.list, tr('p', 'checks.empty', { class: 'checks-empty' }));
      return;
    }
    const groups = new Map<string, Finding[]>();
    for (const f of findings) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
    const kinds = [...groups.keys()].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b));
    for (const kind of kinds) this.list.appendChild(this.group(kind, groups.get(kind)!));
  }

  private group(kind: string, findings: Finding[]): HTMLElement {
    const fixable = TONE_KINDS.has(kind) || findings.some((f) => f.suggestions.length > 0);
    const fixAll = fixable ? tr('button', 'checks.fixAll', { type: 'button', class: 'btn small fix-all', 'data-kind': kind }) : null;
    if (fixAll) {
      if (TONE_KINDS.has(kind)) setAttrText(fixAll, 'title', 'checks.fixAllTone');
      fixAll.addEventListener('click', () => this.actions.fixAll(kind));
    }
    const items = el('ul', { class: 'check-findings' });
    for (const finding of findings) {
      const item = el(
        'button',
        { type: 'button', class: 'check-finding', 'data-finding-id': finding.id, 'data-field': finding.field },
        tr('span', FIELD_KEYS[finding.field] ?? 'editor.body', { class: 'check-field' }),
        el('q', { class: 'check-text', lang: 'vi' }, finding.text),
        el('span', { class: 'check-message' }, finding.message),
      );
      item.addEventListener('click', () => this.actions.open(finding, item));
      items.appendChild(el('li', {}, item));
    }
    return el(
      'section',
      { class: `check-kind kind-${kind}`, 'data-kind': kind },
      el('div', { class: 'check-kind-head' }, tr('h3', kindKey(kind), { class: 'check-kind-label' }), el('span', { class: 'check-count' }, String(findings.length)), fixAll),
      items,
    );
  }

  relabel(): void {
    relabel(this.element);
  }
}

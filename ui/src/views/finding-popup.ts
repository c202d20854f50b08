/**
 * The popup of one finding (`#finding-popup`): what is wrong and why, quick fixes best first,
 * "add to dictionary" for spelling, "ignore". Messages and suggestions are shown as text.
 */
import type { Finding } from '../checks/findings-plugin';
import { t, type MessageKey } from '../i18n';
import { clear, el, relabel, setAttrText, setText, tr } from './dom';

export type PopupActions = {
  fix: (finding: Finding, replacement: string) => void;
  addWord: (finding: Finding) => void;
  ignore: (finding: Finding) => void;
};

/** The label of a kind in the current language (unknown kinds: "Other"). */
export function kindKey(kind: string): MessageKey {
  const key = `checks.kind.${kind}`;
  return (t(key as MessageKey) !== key ? key : 'checks.kind.other') as MessageKey;
}

const HIDE_DELAY_MS = 250;

export class FindingPopup {
  readonly element: HTMLElement;
  private current: Finding | null = null;
  /** How it was opened: a pointer popup closes when the pointer leaves, a cursor one when the cursor does. */
  private via: 'pointer' | 'cursor' | 'pinned' | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly actions: PopupActions, private readonly onEscape: () => void) {
    this.element = el('div', { id: 'finding-popup', class: 'finding-popup', role: 'dialog', hidden: true });
    setAttrText(this.element, 'aria-label', 'checks.popupLabel');
    this.element.addEventListener('mouseenter', () => this.cancelHide());
    this.element.addEventListener('mouseleave', () => {
      if (this.via === 'pointer') this.hideSoon();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.hide();
        this.onEscape();
      }
    });
  }

  get finding(): Finding | null {
    return this.element.hidden ? null : this.current;
  }

  get openedBy(): 'pointer' | 'cursor' | 'pinned' | null {
    return this.element.hidden ? null : this.via;
  }

  /** Shows `finding` below `anchor`; `focus` moves focus to its first action. */
  show(finding: Finding, anchor: DOMRect | null, via: 'pointer' | 'cursor' | 'pinned', focus = false): void {
    this.cancelHide();
    if (this.current?.id !== finding.id || this.element.hidden) this.render(finding);
    this.current = finding;
    // A pinned popup (opened from the panel or by keyboard) is not closed by the pointer.
    if (this.element.hidden || via === 'pinned' || this.via !== 'pinned') this.via = via;
    this.element.hidden = false;
    if (anchor) {
      const top = Math.min(anchor.bottom + 4, Math.max(0, window.innerHeight - 40));
      this.element.style.left = `${Math.max(4, Math.round(anchor.left))}px`;
      this.element.style.top = `${Math.max(4, Math.round(top))}px`;
    }
    if (focus) this.element.querySelector<HTMLElement>('button')?.focus();
  }

  private render(finding: Finding): void {
    clear(this.element);
    const fixes = el('div', { class: 'quick-fixes' });
    for (const suggestion of finding.suggestions) {
      const button = suggestion === ''
        ? tr('button', 'checks.remove', { type: 'button', class: 'btn small quick-fix', 'data-replacement': '' })
        : el('button', { type: 'button', class: 'btn small quick-fix', 'data-replacement': suggestion, lang: 'vi' }, suggestion);
      button.addEventListener('click', () => this.actions.fix(finding, suggestion));
      fixes.appendChild(button);
    }
    if (finding.suggestions.length === 0) fixes.appendChild(tr('span', 'checks.noSuggestion', { class: 'hint' }));
    const tools = el('div', { class: 'finding-tools' });
    if (finding.kind === 'spelling') {
      const add = tr('button', 'checks.addToDictionary', { type: 'button', class: 'btn small quiet add-to-dictionary' });
      add.addEventListener('click', () => this.actions.addWord(finding));
      tools.appendChild(add);
    }
    const ignore = tr('button', 'checks.ignore', { type: 'button', class: 'btn small quiet ignore-finding' });
    ignore.addEventListener('click', () => this.actions.ignore(finding));
    tools.appendChild(ignore);
    this.element.dataset.findingId = finding.id;
    this.element.dataset.kind = finding.kind;
    this.element.append(
      el('div', { class: 'finding-head' }, tr('span', kindKey(finding.kind), { class: `finding-kind kind-${finding.kind}` }), el('q', { class: 'finding-text', lang: 'vi' }, finding.text)),
      el('p', { class: 'finding-message' }, finding.message),
      fixes,
      tools,
    );
  }

  /** Shows a short note in place of the actions (the span changed, a word was added). */
  note(key: MessageKey, params?: Record<string, string | number>): void {
    const existing = this.element.querySelector<HTMLElement>('.finding-note');
    const note = existing ?? el('p', { class: 'finding-note', role: 'status' });
    setText(note, key, params);
    if (!existing) this.element.appendChild(note);
  }

  hideSoon(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  hide(): void {
    this.cancelHide();
    this.element.hidden = true;
    this.via = null;
  }

  relabel(): void {
    relabel(this.element);
  }

  dispose(): void {
    this.cancelHide();
  }
}

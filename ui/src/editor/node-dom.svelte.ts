/**
 * DOM for ProseMirror node views only (figures, the crop box, kept WordPress blocks), which
 * ProseMirror asks for as plain elements. Everything else on screen is a Svelte component.
 */
import { untrack } from 'svelte';
import type { I18n, MessageKey, Params } from '../i18n';

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes and children; text is only ever text (no HTML is parsed). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/**
 * A node view's translated text and attributes: each is set at once and again after every
 * language switch of the app's `I18n`, until `destroy()` (the node view's own). Node views are
 * made by ProseMirror transactions, outside any component, so the effect has a root of its own.
 */
export class NodeLabels {
  private readonly appliers: Array<() => void> = [];
  private readonly stop: () => void;

  constructor(private readonly i18n: I18n) {
    this.stop = $effect.root(() => {
      // `pre`: runs as soon as the locale changes, before components update, and tracks only it.
      $effect.pre(() => {
        void this.i18n.locale;
        untrack(() => this.appliers.forEach((apply) => apply()));
      });
    });
  }

  /** The message now, without making whoever calls depend on the locale. */
  t(key: MessageKey, params?: Params): string {
    return untrack(() => this.i18n.t(key, params));
  }

  /** Runs `apply` now and after each language switch. */
  add(apply: () => void): void {
    this.appliers.push(apply);
    untrack(apply);
  }

  text<T extends HTMLElement>(node: T, key: MessageKey): T {
    this.add(() => (node.textContent = this.i18n.t(key)));
    return node;
  }

  attr<T extends HTMLElement>(node: T, name: 'title' | 'placeholder' | 'aria-label', key: MessageKey): T {
    this.add(() => node.setAttribute(name, this.i18n.t(key)));
    return node;
  }

  destroy(): void {
    this.stop();
    this.appliers.length = 0;
  }
}

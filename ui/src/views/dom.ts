/**
 * The only way views build DOM: elements with attributes and text content. There is no
 * innerHTML anywhere, so nothing from an article or an error message is ever parsed as HTML.
 * Translatable text is tagged with its message key so a locale change relabels in place.
 */
import { t, type MessageKey, type Params } from '../i18n';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Sets translated text and remembers the key (and params) for `relabel`. */
export function setText(node: HTMLElement, key: MessageKey, params?: Params): HTMLElement {
  node.dataset.i18n = key;
  if (params) node.dataset.i18nParams = JSON.stringify(params);
  else delete node.dataset.i18nParams;
  node.textContent = t(key, params);
  return node;
}

/** A translated attribute (title, placeholder, aria-label), relabelled like text. */
export function setAttrText(node: HTMLElement, attr: 'title' | 'placeholder' | 'aria-label', key: MessageKey): HTMLElement {
  const data = node.dataset;
  const slot = attr === 'title' ? 'i18nTitle' : attr === 'placeholder' ? 'i18nPlaceholder' : 'i18nAria';
  data[slot] = key;
  node.setAttribute(attr, t(key));
  return node;
}

/** An element whose text is a translated message. */
export function tr<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: MessageKey,
  attrs: Attrs = {},
  params?: Params,
): HTMLElementTagNameMap[K] {
  const node = el(tag, attrs);
  setText(node, key, params);
  return node;
}

/** Re-applies every tagged message under `root` in the current locale. */
export function relabel(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
    const params = node.dataset.i18nParams ? (JSON.parse(node.dataset.i18nParams) as Params) : undefined;
    node.textContent = t(node.dataset.i18n as MessageKey, params);
  });
  const attrs: Array<[string, string]> = [
    ['i18nTitle', 'title'],
    ['i18nPlaceholder', 'placeholder'],
    ['i18nAria', 'aria-label'],
  ];
  for (const [slot, attr] of attrs) {
    const selector = `[data-${slot.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}]`;
    root.querySelectorAll<HTMLElement>(selector).forEach((node) => {
      node.setAttribute(attr, t(node.dataset[slot] as MessageKey));
    });
  }
}

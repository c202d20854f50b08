/**
 * Puts a view that still builds its own DOM into a component's element, and takes it out when
 * the component goes. Only for the views not yet moved to Svelte.
 */
export function hostElement(node: HTMLElement) {
  return (target: HTMLElement): (() => void) => {
    target.appendChild(node);
    return () => node.remove();
  };
}

/**
 * Tab and Shift+Tab stay inside a modal dialog: from its last control to its first and back,
 * so the keyboard never wanders into the page hidden behind it.
 */
// A frame (the reader preview) is one stop: the page inside sends Tab back out itself.
const CONTROLS = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], iframe';

export function keepTabInside(event: KeyboardEvent, dialog: HTMLElement): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>(CONTROLS)];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  // A radio group is one stop: being anywhere in the last group is being at the end.
  const inGroupOf = (control: HTMLElement) =>
    active === control || (control instanceof HTMLInputElement && control.type === 'radio' && active instanceof HTMLInputElement && active.name === control.name);
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && inGroupOf(last)) {
    event.preventDefault();
    first.focus();
  }
}

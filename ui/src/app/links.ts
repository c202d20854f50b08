/**
 * No link ever navigates the app window: every click on an `a[href]` anywhere in the page (the
 * editor body, the history preview, anything shown from an article) is stopped at the document,
 * and a web link (http, https, mailto) goes to the system browser instead. The shell refuses
 * navigation away from the app as well; this is the half the user sees.
 */
import { isSafeHref } from '../editor/hrefs';

/**
 * Installs the interception on `doc`; returns a function that removes it. In editable text a
 * plain click places the cursor, so there a link opens with Ctrl (⌘ on macOS) held, as in Word.
 */
export function sendLinksToBrowser(doc: Document, open: (url: string) => Promise<void>): () => void {
  const onClick = (event: MouseEvent): void => {
    const link = linkAt(event.target);
    if (!link) return;
    event.preventDefault();
    const editable = link.closest('[contenteditable="true"]') !== null;
    const href = link.getAttribute('href') ?? '';
    if (event.button !== 0 || (editable && !(event.ctrlKey || event.metaKey)) || !isSafeHref(href)) return;
    void open(href.trim()).catch(() => undefined);
  };
  // A middle click would ask for a new window: stopped the same way, opening nothing.
  const onAuxClick = (event: MouseEvent): void => {
    if (linkAt(event.target)) event.preventDefault();
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onAuxClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onAuxClick, true);
  };
}

function linkAt(target: EventTarget | null): HTMLAnchorElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest<HTMLAnchorElement>('a[href]') ?? null;
}

import { afterEach, describe, expect, it } from 'vitest';
import { sendLinksToBrowser } from './links';

let stop: (() => void) | null = null;

afterEach(() => {
  stop?.();
  stop = null;
  document.body.textContent = '';
});

function setUp(): string[] {
  const opened: string[] = [];
  stop = sendLinksToBrowser(document, async (url) => void opened.push(url));
  return opened;
}

/** Clicks like a person (the event bubbles from the innermost element); true when it was stopped. */
function click(target: Element, init: MouseEventInit = {}, type = 'click'): boolean {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

function link(href: string, parent: HTMLElement = document.body): HTMLAnchorElement {
  const a = document.createElement('a');
  a.setAttribute('href', href);
  const inner = document.createElement('strong');
  inner.textContent = 'Bão số 3';
  a.appendChild(inner);
  parent.appendChild(a);
  return a;
}

describe('links never navigate the app window', () => {
  it('sends a web link to the browser and keeps the window where it is', () => {
    const opened = setUp();
    expect(click(link('https://vnexpress.net/bao-so-3.html').firstElementChild!)).toBe(true);
    expect(click(link(' mailto:toasoan@example.vn '))).toBe(true);
    expect(opened).toEqual(['https://vnexpress.net/bao-so-3.html', 'mailto:toasoan@example.vn']);
  });

  it('stops other links without opening anything', () => {
    const opened = setUp();
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', '/index.html', '#top', 'data:text/html,x']) {
      expect(click(link(href)), href).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('in editable text, a plain click places the cursor and Ctrl+click opens the link', () => {
    const opened = setUp();
    const body = document.createElement('div');
    body.setAttribute('contenteditable', 'true');
    document.body.appendChild(body);
    const a = link('https://example.vn/', body);
    expect(click(a)).toBe(true);
    expect(opened).toEqual([]);
    expect(click(a, { ctrlKey: true })).toBe(true);
    expect(opened).toEqual(['https://example.vn/']);
  });

  it('stops a middle click, which would ask for a new window', () => {
    const opened = setUp();
    expect(click(link('https://example.vn/'), { button: 1 }, 'auxclick')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('leaves clicks elsewhere alone, and can be removed', () => {
    setUp();
    const button = document.createElement('button');
    document.body.appendChild(button);
    expect(click(button)).toBe(false);
    stop!();
    stop = null;
    expect(click(link('#top'))).toBe(false);
  });

  // The history preview's links: history/history.test.ts.
});

// A small W3C WebDriver client over fetch: enough to drive the real app window through
// tauri-driver and WebKitWebDriver, with no npm dependencies.

import { execFileSync } from 'node:child_process';

export const KEY = { ENTER: '\uE007', CONTROL: '\uE009', NULL: '\uE000', DELETE: '\uE017', SHIFT: '\uE008' };
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/**
 * No single WebDriver command takes this long when things work (starting the app included);
 * one that hangs (seen once: a send-keys that never answered) fails the run with its name
 * instead of holding CI until its time limit.
 */
const COMMAND_TIMEOUT_MS = 180_000;

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.session = null;
  }

  async call(method, path, body) {
    const url = this.session ? `${this.base}/session/${this.session}${path}` : `${this.base}${path}`;
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    }).catch((e) => {
      throw new Error(`${method} ${path}: no answer (${e.name === 'TimeoutError' ? `over ${COMMAND_TIMEOUT_MS / 1000} s` : e.message})`);
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
    return json.value;
  }

  async waitForServer(timeoutMs = 20000) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      try {
        await fetch(`${this.base}/status`);
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`WebDriver server at ${this.base} did not start`);
  }

  async start(application, args = []) {
    const value = await this.call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application, args } } },
    });
    this.session = value.sessionId;
  }

  async quit() {
    if (!this.session) return;
    await this.call('DELETE', '').catch(() => {});
    this.session = null;
  }

  async find(css, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        const v = await this.call('POST', '/element', { using: 'css selector', value: css });
        return v[ELEMENT];
      } catch (e) {
        last = e;
        await sleep(100);
      }
    }
    throw new Error(`no element ${css}: ${last}`);
  }

  async click(css) {
    await this.call('POST', `/element/${await this.find(css)}/click`, {});
  }

  /** The real pointer moved to a point of the page (viewport coordinates), and clicked there if `click`. */
  async pointerTo(x, y, click = false) {
    const steps = [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }];
    if (click) steps.push({ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 });
    await this.call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps }] });
    await this.call('DELETE', '/actions');
  }

  /** A real pointer click at a point of the page (viewport coordinates). */
  async clickAt(x, y) {
    await this.pointerTo(x, y, true);
  }

  async type(css, text) {
    await this.call('POST', `/element/${await this.find(css)}/value`, { text });
  }

  /** Presses a key chord on the focused element, e.g. chord(KEY.CONTROL, 'b'). */
  async chord(...keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    try {
      await this.call('DELETE', '/actions');
    } catch (e) {
      // A chord that closes the app (Ctrl+Q) leaves no page to release the keys in.
      const alive = await this.exec('return 1').then(() => true, () => false);
      if (alive) throw e;
    }
  }

  async property(css, name) {
    return this.call('GET', `/element/${await this.find(css)}/property/${name}`);
  }

  async exec(script, ...args) {
    return this.call('POST', '/execute/sync', { script, args });
  }

  /** Waits until `script` (a function body returning a value) returns something truthy. */
  async until(description, script, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let value;
    while (Date.now() < end) {
      value = await this.exec(script).catch(() => null);
      if (value) return value;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${description} (last: ${JSON.stringify(value)})`);
  }

  /** Waits until the app behind the session has gone (its window closed, the process ended). */
  async untilGone(description, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      try {
        await this.exec('return 1');
      } catch {
        return;
      }
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${description}`);
  }

  /**
   * The window as the X display shows it (ImageMagick's `import`), once the page has drawn a
   * frame. Not WebKitWebDriver's own snapshot: where WebKit draws without compositing (the app's
   * choice without a GPU, src-tauri/src/rendering.rs) that snapshot waited forever in the full
   * suite while the window kept drawing, and a command that never answers blocks the session.
   */
  async screenshot() {
    await this.call('POST', '/execute/async', {
      script: 'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(1)));',
      args: [],
    });
    if (process.env.DISPLAY) return execFileSync('import', ['-window', 'root', 'png:-'], { timeout: 30000, maxBuffer: 64 << 20 });
    return Buffer.from(await this.call('GET', '/screenshot'), 'base64');
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

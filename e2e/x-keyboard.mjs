// A keyboard on the X server (`x-keyboard.py`): keys typed into the app's window through XTest,
// the way a real keyboard's reach GTK and WebKit (WebDriver's keys are made up inside WebKit),
// each timed from its press to the first pixels drawn in the window after it, in nanoseconds.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HELPER = join(dirname(fileURLToPath(import.meta.url)), 'x-keyboard.py');

/**
 * WebKit's web processes running now: each one's pid, its parent (the app that owns the web
 * view) and its start time (clock ticks since boot), from /proc.
 */
export function webProcesses() {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'WebKitWebProces') continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      found.push({ pid: name, parent: Number(stat[1]), started: Number(stat[19]) });
    } catch {}
  }
  return found;
}

export class XKeyboard {
  /**
   * A keyboard typing into the app's window, which it focuses: the window, on this display, of a
   * process that owns a web view (under Xvfb, the app the tests started).
   */
  static async open() {
    const keyboard = new XKeyboard();
    const owners = new Set(webProcesses().map((w) => w.parent));
    await keyboard.ask(`window ${[...owners].join(',')}`);
    return keyboard;
  }

  constructor() {
    this.stderr = '';
    this.child = spawn('/usr/bin/python3', [HELPER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async ask(command) {
    this.child.stdin.write(`${command}\n`);
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`x-keyboard stopped: ${this.stderr.trim() || 'no message'}`);
    const answer = JSON.parse(value);
    if (answer.error) throw new Error(`x-keyboard: ${answer.error}`);
    return answer;
  }

  /**
   * Types `keys`; after each key's first pixels waits `afterMs` and a random part of a frame
   * (seeded). Each key's milliseconds from press to pixels, or null where nothing was drawn.
   */
  async type(keys, afterMs, seed) {
    const text = keys.join('');
    if (text.includes('\n')) throw new Error('x-keyboard types one line at a time');
    return (await this.ask(`type ${afterMs} ${seed} ${text}`)).ms;
  }

  async close() {
    this.child.stdin.end('quit\n');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

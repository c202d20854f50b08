// The typing benchmark (`make bench`, group `typing`): keystroke-to-paint in the release app's
// real window, beside a plain contenteditable holding the same text in the same page and run.
// Articles of ~100, 5,000 and 20,000 tiếng; paced keys (a pause after each phrase, so the check
// and autosave run between phrases as they do for a reporter) and bursts; Vietnamese typed
// precomposed and decomposed. Per case: p50/p95/p99/max from keydown to the second animation
// frame after the key's change reached the page (`input`, or the text's first change where the
// editor writes typed text itself), and the longest gap between frames while typing; each with its ratio to
// the reference; and "js", the p50 of each key's script time (keydown, or the change in a burst,
// to a task queued at the change, which runs once the editor has handled the key).
//
// A second reference is the same plain element whose page inserts each typed character by script
// (cancelling \`beforeinput\`), the work an editor that writes typed text into its document does.
//
// Then "on screen": the same cases typed on the X server's keyboard (XTest, the path a real
// keyboard's keys take through GTK into WebKit; WebDriver's are made up inside WebKit), each key
// timed from its press to the first pixels drawn in the window after it (XDamage), on a
// nanosecond clock: what a reporter sees, without the page's 1 ms clock. Ours, the plain element,
// and a control (the plain element with 2 ms of busy script at each keydown, to show in the same
// run what that does to each figure); p50/p95/p99/max and the mean. The window draws at most 60
// times a second, so a key waits for the next of those frames: the p99 is mostly that wait, and
// a key's extra work shows in the mean (keys fall at random phases of the frames) and in the p99
// only once it makes keys miss their frame.
//
// Env: APP_BIN, TAURI_DRIVER, BANTHAO_CLI; TYPING_ROUNDS (default 2: the editor and the two
// references take turns), TYPING_SIZES (default "100,5000,20000"), TYPING_WARM_UP (default on:
// one uncounted round of every case for each target first; 0: none), TYPING_CASES (only the
// cases whose name holds this, e.g. "burst"; default all).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebDriver, sleep } from './webdriver.mjs';
import { articleParagraphs, INSTALL, keysOf, PLACE_CARET, pressKeys, TYPED_DECOMPOSED, TYPED_PRECOMPOSED } from './typing-probe.mjs';
import { webProcesses, XKeyboard } from './x-keyboard.mjs';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through 'make bench')`);
  return v;
};
const APP_BIN = env('APP_BIN');
const TAURI_DRIVER = env('TAURI_DRIVER');
const CLI = env('BANTHAO_CLI');
const ROUNDS = Number(process.env.TYPING_ROUNDS ?? 2);
const SIZES = (process.env.TYPING_SIZES ?? '100,5000,20000').split(',').map(Number);
const PACE_MS = 60;
/**
 * Bursts per case and round. A burst's p99 is set by its few slowest keys (a key that wraps the
 * line, the first after a pause): three bursts a round give it 2–3 times as many of them.
 */
const BURSTS = 3;
/** TYPING_WARM_UP=0: time from the first key (the editor's script still being compiled). */
const WARM_UP = process.env.TYPING_WARM_UP !== '0';
/** Long enough for the check (0.4 s) and autosave (0.5 s) to run before typing resumes. */
const PAUSE_MS = 1100;
const PORT = 5200 + Math.floor(Math.random() * 500);

/** How the app draws here (src-tauri/src/rendering.rs decides the same way); both targets share it. */
function renderingNote() {
  if (process.env.WEBKIT_DISABLE_COMPOSITING_MODE !== undefined) return `as WEBKIT_DISABLE_COMPOSITING_MODE=${process.env.WEBKIT_DISABLE_COMPOSITING_MODE} says`;
  if (process.env.BANTHAO_COMPOSITING?.toLowerCase() === 'on') return 'with compositing (BANTHAO_COMPOSITING=on)';
  let nodes = [];
  try {
    nodes = readdirSync('/dev/dri').filter((n) => n.startsWith('renderD'));
  } catch {}
  return nodes.length ? 'with GPU compositing' : 'without compositing (no GPU render node here)';
}

/**
 * The page's process (WebKit's web process, the newest one): the CPU it spends while keys are
 * typed is read from its threads' `schedstat` (time on a CPU, in ns), as the page itself has
 * only a 1 ms clock. Null where /proc has no such process (then no CPU figures are printed).
 */
function webProcess() {
  const newest = webProcesses().sort((a, b) => b.started - a.started)[0];
  return newest?.pid ?? null;
}

/** CPU time so far of each of the page's main thread and JavaScriptCore's compiler threads, in ms. */
function cpuOf(pid) {
  const threads = new Map();
  if (!pid) return threads;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const kind = tid === pid ? 'main' : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('JITWorker') ? 'compile' : null;
      if (kind) threads.set(tid, { kind, ms: Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6 });
    } catch {}
  }
  return threads;
}

/**
 * CPU time spent between two readings, per kind of thread. Compiler threads come and go: one
 * started since counts whole; one ended since is missed (the time it ran after the first
 * reading), so the compilers' figure is at most that much low.
 */
function cpuBetween(before, after) {
  const spent = { main: 0, compile: 0 };
  for (const [tid, { kind, ms }] of after) {
    const was = before.get(tid)?.ms ?? 0;
    // A smaller time than before: the id went to a new thread.
    spent[kind] += ms >= was ? ms - was : ms;
  }
  return spent;
}

/** Splits keys into phrases of about `size` keys, ending after a space. */
function phrases(keys, size) {
  const out = [];
  let current = [];
  for (const k of keys) {
    current.push(k);
    if (current.length >= size && k === ' ') {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

const CASES = [
  { name: 'paced, precomposed', groups: phrases(keysOf(TYPED_PRECOMPOSED), 20), pause: PACE_MS },
  { name: 'paced, decomposed', groups: phrases(keysOf(TYPED_DECOMPOSED), 20), pause: PACE_MS },
  { name: 'burst, precomposed', groups: Array(BURSTS).fill(keysOf(TYPED_PRECOMPOSED)), pause: 0 },
  { name: 'burst, decomposed', groups: Array(BURSTS).fill(keysOf(TYPED_DECOMPOSED)), pause: 0 },
].filter((c) => c.name.includes(process.env.TYPING_CASES ?? ''));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Types one case into the shown target; returns each key's latency, the longest frame gap, and
 * the page's CPU time while typing (from the first key to the last paint, pauses left out: the
 * check and autosave run in them).
 */
async function typeCase(wd, c, pid) {
  const latencies = [];
  const script = [];
  let gap = 0;
  let lost = 0;
  const cpu = { main: 0, compile: 0 };
  for (const group of c.groups) {
    await wd.exec('window.__typing.start(); return 1');
    const before = cpuOf(pid);
    await pressKeys(wd, group, c.pause);
    // Every key painted (or given up on after 5 s).
    const result = await wd.until(
      'the keys to be painted',
      `const p = window.__typing;
       const t = performance.now();
       const done = p.keys.length >= ${group.length} && p.keys.every((k) => k.painted > 0);
       const late = p.keys.length > 0 && t - p.keys[p.keys.length - 1].down > 5000;
       if (!done && !late) return null;
       requestAnimationFrame(() => requestAnimationFrame(() => {}));
       p.stop();
       return { keys: p.keys, frames: p.frames };`,
      60000,
    );
    const spent = cpuBetween(before, cpuOf(pid));
    cpu.main += spent.main;
    cpu.compile += spent.compile;
    const { keys, frames } = result;
    const painted = keys.filter((k) => k.painted > 0);
    lost += group.length - painted.length;
    for (const k of painted) latencies.push(k.painted - k.down);
    // In a burst keys queue behind each other: their own work is from input to handled.
    for (const k of painted) if (k.handled) script.push(k.handled - (c.pause > 0 ? k.down : k.input));
    // Frame gaps from the first keydown to the last paint.
    const from = keys[0]?.down ?? 0;
    const to = Math.max(...painted.map((k) => k.painted), from);
    let prev = from;
    for (const f of frames) {
      if (f < from) continue;
      gap = Math.max(gap, f - prev);
      prev = f;
      if (f > to) break;
    }
    await sleep(PAUSE_MS);
  }
  return { latencies, script, gap, lost, cpu };
}

/**
 * The on-screen control: the plain element made slower by a known amount, a busy loop of
 * \`arguments[0]\` ms at each keydown (0: none) (its speed measured once over 100 ms; the page's clock is too
 * coarse to time 2 ms), to show in the same run what that much more work a key does to the figures.
 */
const SLOWED_MS = 2;
const SLOWED = `
  const p = window.__typing;
  if (p.loopsPerMs === undefined) {
    p.sink = 0;
    const spin = (n) => {
      for (let i = 0; i < n; i++) p.sink = (p.sink + i) % 1000003;
    };
    let n = 0;
    const start = performance.now();
    for (; performance.now() - start < 100; n += 10000) spin(10000);
    p.loopsPerMs = n / (performance.now() - start);
    p.slowed = () => spin(p.slowMs * p.loopsPerMs);
  }
  p.slowMs = arguments[0];
  // On the element only while the control is typed into: nothing of it in the other targets' keys.
  if (p.slowMs > 0) p.ref.addEventListener('keydown', p.slowed);
  else p.ref.removeEventListener('keydown', p.slowed);
  return p.loopsPerMs;
`;

/** How many times the shown target's text holds `text` (both in NFC: the editor composes marks). */
const OCCURRENCES = `
  const [target, text] = arguments;
  const root = target === 'app' ? document.querySelector('#body .ProseMirror') : window.__typing.ref;
  return root.textContent.normalize('NFC').split(text.normalize('NFC')).length - 1;
`;

/**
 * Types one case into the shown target through the X server's keyboard; returns each key's time
 * from press to the window's first pixels after it. Fails if a group's text did not arrive whole
 * (a key lost or out of order), so a figure is never of keys that went elsewhere.
 */
async function typeOnScreen(wd, keyboard, c, target, seed) {
  const latencies = [];
  let lost = 0;
  for (const [i, group] of c.groups.entries()) {
    const text = group.join('');
    const before = await wd.exec(OCCURRENCES, target, text);
    const ms = await keyboard.type(group, c.pause, seed * 100 + i);
    if ((await wd.exec(OCCURRENCES, target, text)) !== before + 1) throw new Error(`keys typed on the X keyboard did not arrive in the ${target}: ${JSON.stringify(text)}`);
    for (const t of ms) if (t === null) lost++;
    latencies.push(...ms.filter((t) => t !== null));
    await sleep(PAUSE_MS);
  }
  return { latencies, lost };
}

function summary(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

/** A small seeded generator (mulberry32), so that a run's intervals can be reproduced from its keys. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 90% interval of the p99 ratio (ours ÷ reference) over 2,000 resamples of each side's keys:
 * how far the ratio printed could move with another sample of the same keys. Keys of one burst
 * are not independent, so the interval is if anything too narrow.
 */
function p99Interval(ours, reference) {
  const next = random(99);
  const pick = (keys) => {
    const sample = Array.from({ length: keys.length }, () => keys[Math.floor(next() * keys.length)]);
    return percentile(sample.sort((a, b) => a - b), 99);
  };
  const ratios = [];
  for (let i = 0; i < 2000; i++) ratios.push(pick(ours) / pick(reference));
  ratios.sort((a, b) => a - b);
  return `${percentile(ratios, 5).toFixed(2)}–${percentile(ratios, 95).toFixed(2)}`;
}

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0).padStart(4) : '   -');
const fmt1 = (v) => (Number.isFinite(v) ? v.toFixed(1).padStart(5) : '    -');
const mean = (a) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
/** One side of an on-screen row: n, p50, p95, p99, max and mean, to a tenth of a millisecond. */
const screenFigures = (latencies) => {
  const s = summary(latencies);
  return `n=${String(s.n).padStart(4)} ${fmt1(s.p50)} ${fmt1(s.p95)} ${fmt1(s.p99)} ${fmt1(s.max)} ${fmt1(mean(latencies))}`;
};
/** An on-screen ratio: p50 / p99 / max / mean of `latencies` over the reference's, with the p99's interval. */
const screenRatios = (latencies, reference) => {
  const [s, r] = [summary(latencies), summary(reference)];
  return `${ratio(s.p50, r.p50)} / ${ratio(s.p99, r.p99)} / ${ratio(s.max, r.max)} / ${ratio(mean(latencies), mean(reference))} (${p99Interval(latencies, reference)})`;
};
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '-');

async function openArticle(wd, id, paragraphs) {
  await wd.find('#library-view, #editor-view', 30000);
  if (await wd.exec("return !!document.querySelector('#editor-view')")) await wd.click('#back-to-list');
  await wd.click('#home-all');
  await wd.click(`.article-row[data-id="${id}"]`);
  await wd.until(
    'the article in the editor',
    `return document.querySelectorAll('#body .ProseMirror > p').length === ${paragraphs.length}`,
    30000,
  );
  // Let the first check and the editor's chunks settle before timing.
  await sleep(2500);
}

const work = mkdtempSync(join(tmpdir(), 'banthao-typing-'));
const library = join(work, 'library');
const articles = SIZES.map((tieng) => {
  const paragraphs = articleParagraphs(tieng, tieng);
  const headline = `Bài thử gõ ${tieng} tiếng`;
  const file = join(work, `${tieng}.txt`);
  writeFileSync(file, paragraphs.join('\n\n'));
  const out = spawnSync(CLI, ['--library', library, '--json', 'new', '--headline', headline, '--body-file', file], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`banthao new: ${out.stderr}`);
  const count = paragraphs.join(' ').split(/\s+/).length;
  return { id: JSON.parse(out.stdout).id, tieng, count, paragraphs };
});

const driver = spawn(TAURI_DRIVER, ['--port', String(PORT), '--native-port', String(PORT + 1)], {
  env: { ...process.env, XDG_DATA_HOME: work, BANTHAO_LIBRARY: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const wd = new WebDriver(`http://127.0.0.1:${PORT}`);
let failed = false;
let keyboard = null;

/**
 * The same cases typed on the X server's keyboard, timed from each key's press to the first
 * pixels drawn in the window after it (the in-page rounds above have warmed the editor's script).
 * After each key's pixels the next waits the case's pace and a random part of a frame, so keys
 * fall at every phase of the window's 60 Hz drawing, as a reporter's do.
 */
async function onScreen(wd) {
  keyboard ??= await XKeyboard.open();
  const empty = () => CASES.map(() => ({ latencies: [], lost: 0 }));
  const results = { app: empty(), reference: empty(), slowed: empty() };
  const targets = Object.keys(results);
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of [...targets.slice(round % 3), ...targets.slice(0, round % 3)]) {
      await wd.exec(PLACE_CARET, target === 'app' ? 'app' : 'reference');
      await wd.exec(SLOWED, target === 'slowed' ? SLOWED_MS : 0);
      await sleep(300);
      for (const [i, c] of CASES.entries()) {
        const r = await typeOnScreen(wd, keyboard, c, target, round * 10 + i);
        results[target][i].latencies.push(...r.latencies);
        results[target][i].lost += r.lost;
      }
    }
  }
  await wd.exec(SLOWED, 0);
  await wd.exec("window.__typing.ref.hidden = true; document.querySelector('#body .ProseMirror').style.display = ''; return 1");
  console.log("    on screen: keys typed on the X server's keyboard (XTest), key press → first pixels drawn in the window (XDamage), ms on a ns clock:");
  console.log('    case                  |      ours:   p50   p95   p99   max  mean |  reference:   p50   p95   p99   max  mean | ratio p50 / p99 / max / mean (p99: 90% interval)');
  for (const [i, c] of CASES.entries()) {
    const [a, r] = [results.app[i], results.reference[i]];
    const lost = a.lost || r.lost ? `  (keys with nothing drawn in 2 s: ours ${a.lost}, reference ${r.lost})` : '';
    console.log(
      `    ${c.name.padEnd(22)}| ${screenFigures(a.latencies)} | ${screenFigures(r.latencies)} ` +
        `| ${screenRatios(a.latencies, r.latencies)}${lost}`,
    );
  }
  console.log(`    what ${SLOWED_MS} ms more script a key looks like on screen: the plain element with a busy wait at each keydown, ÷ the plain element:`);
  for (const [i, c] of CASES.entries()) {
    const [w, r] = [results.slowed[i], results.reference[i]];
    const lost = w.lost ? `  (keys with nothing drawn in 2 s: ${w.lost})` : '';
    console.log(`    ${c.name.padEnd(22)}| ${screenFigures(w.latencies)} | ${screenRatios(w.latencies, r.latencies)}${lost}`);
  }
}

try {
  await wd.waitForServer();
  await wd.start(APP_BIN, ['--library', library]);
  console.log(
    `typing in the real window: keydown → second frame after the key's change, ms (${ROUNDS} rounds${WARM_UP ? ' after a warm-up round' : ', no warm-up'}; reference: a plain contenteditable with the same text in the same page; the three take turns)`,
  );
  console.log(`  the page is drawn ${renderingNote()}`);
  for (const article of articles) {
    await openArticle(wd, article.id, article.paragraphs);
    await wd.exec(INSTALL, article.paragraphs);
    const pid = webProcess();
    const empty = () => CASES.map(() => ({ latencies: [], script: [], gap: 0, lost: 0, main: 0, compile: 0 }));
    const results = { app: empty(), reference: empty(), scripted: empty() };
    // A round of every case for each target first, not counted: the editor's script is compiled
    // to its faster tiers only after some hundreds of keys (JavaScriptCore's compile log shows
    // ProseMirror's hot functions optimized in the second and third bursts), as it is a minute
    // into a reporter's typing; the plain element has no script to warm.
    for (const target of WARM_UP ? ['app', 'reference', 'scripted'] : []) {
      await wd.exec(PLACE_CARET, target);
      await sleep(300);
      for (const c of CASES) await typeCase(wd, c, pid);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const targets = ['app', 'reference', 'scripted'];
      const order = [...targets.slice(round % targets.length), ...targets.slice(0, round % targets.length)];
      for (const target of order) {
        await wd.exec(PLACE_CARET, target);
        await sleep(300);
        for (const [i, c] of CASES.entries()) {
          const r = await typeCase(wd, c, pid);
          const into = results[target][i];
          into.main += r.cpu.main;
          into.compile += r.cpu.compile;
          into.latencies.push(...r.latencies);
          into.script.push(...r.script);
          into.gap = Math.max(into.gap, r.gap);
          into.lost += r.lost;
        }
      }
    }
    await wd.exec("window.__typing.ref.hidden = true; document.querySelector('#body .ProseMirror').style.display = ''; return 1");
    console.log(`\n  article of ${article.count.toLocaleString('en')} tiếng (${article.paragraphs.length} paragraphs)`);
    console.log('    case                  |      ours: p50  p95  p99  max  gap   js |  reference: p50  p95  p99  max  gap   js | ratio p50 / p99 / max / gap (p99: 90% interval)');
    for (const [i, c] of CASES.entries()) {
      const a = results.app[i];
      const r = results.reference[i];
      const sa = summary(a.latencies);
      const sr = summary(r.latencies);
      const lost = a.lost || r.lost ? `  (keys not painted: ours ${a.lost}, reference ${r.lost})` : '';
      console.log(
        `    ${c.name.padEnd(22)}| n=${String(sa.n).padStart(4)} ${fmt(sa.p50)} ${fmt(sa.p95)} ${fmt(sa.p99)} ${fmt(sa.max)} ${fmt(a.gap)} ${fmt(summary(a.script).p50)} ` +
          `| n=${String(sr.n).padStart(4)} ${fmt(sr.p50)} ${fmt(sr.p95)} ${fmt(sr.p99)} ${fmt(sr.max)} ${fmt(r.gap)} ${fmt(summary(r.script).p50)} ` +
          `| ${ratio(sa.p50, sr.p50)} / ${ratio(sa.p99, sr.p99)} / ${ratio(sa.max, sr.max)} / ${ratio(a.gap, r.gap)} (${p99Interval(a.latencies, r.latencies)})${lost}`,
      );
    }
    if (pid) {
      // Time on a CPU, not waited for: the page's own clock cannot resolve a key's work below 1 ms.
      console.log("    CPU a key while typing, ms (the page's process: main thread / JavaScriptCore's compiler threads):");
      for (const [i, c] of CASES.entries()) {
        const perKey = (r) => [r.main / Math.max(1, r.latencies.length), r.compile / Math.max(1, r.latencies.length)];
        const [om, oc] = perKey(results.app[i]);
        const [rm, rc] = perKey(results.reference[i]);
        console.log(`    ${c.name.padEnd(22)}| ours ${om.toFixed(2)} / ${oc.toFixed(2)} | reference ${rm.toFixed(2)} / ${rc.toFixed(2)} | main thread ${ratio(om, rm)}`);
      }
    }
    // The same element typed into when its page inserts the text by script, as an editor must.
    for (const [target, title] of [['scripted', 'second reference, the plain element inserting typed text by script:']]) {
      console.log(`    ${title}`);
      for (const [i, c] of CASES.entries()) {
        const a = summary(results.app[i].latencies);
        const r = results[target][i];
        const ss = summary(r.latencies);
        console.log(
          `    ${c.name.padEnd(22)}| n=${String(ss.n).padStart(4)} ${fmt(ss.p50)} ${fmt(ss.p95)} ${fmt(ss.p99)} ${fmt(ss.max)} ${fmt(r.gap)} ${fmt(summary(r.script).p50)} ` +
            `| ours ÷ it: ${ratio(a.p50, ss.p50)} / ${ratio(a.p99, ss.p99)} / ${ratio(a.max, ss.max)} / ${ratio(results.app[i].gap, r.gap)} (${p99Interval(results.app[i].latencies, r.latencies)})${r.lost ? `  (keys not painted: ${r.lost})` : ''}`,
        );
      }
    }
    await onScreen(wd);
  }
  await keyboard?.close();
  await wd.quit();
} catch (e) {
  failed = true;
  console.error('typing bench: FAILED:', e);
  await wd.quit();
} finally {
  driver.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

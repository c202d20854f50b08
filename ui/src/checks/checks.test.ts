import { Node as PmDocNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { undoNoScroll as undo } from 'prosemirror-history';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { PmNode } from '../bindings/PmNode';
import { MemoryBackend } from '../backend/memory';
import type { CheckState, FakeFinding } from '../backend/memory-checks';
import { docFromJSON } from '../editor/body-editor';
import { destroyApps, openInEditor } from '../app/testing';
import { Checker } from './checker';
import { findingById } from './findings-plugin';
import { drawUnderlines, fakeTextLayout, pointAt, underlinedText, unfakeTextLayout } from './testing-layout';

type Rule = { needle: string; kind: string; suggestions: string[] };
const RULES: Rule[] = [
  { needle: 'sử lý', kind: 'real-word', suggestions: ['xử lý'] },
  { needle: 'ngiêng', kind: 'spelling', suggestions: ['nghiêng', 'nghiên'] },
  { needle: 'Hảii', kind: 'spelling', suggestions: [] },
  { needle: 'hoà', kind: 'tone-style', suggestions: ['hòa'] },
  { needle: 'thuỷ', kind: 'tone-style', suggestions: ['thủy'] },
];

/** Offsets in code points, as Rust reports them. */
const cp = (s: string, utf16: number) => [...s.slice(0, utf16)].length;

function fakeChecker(input: CheckInput, state: CheckState): FakeFinding[] {
  const out: FakeFinding[] = [];
  const texts: Array<[FakeFinding['field'], number, string]> = [
    ['headline', 0, input.headline],
    ['sapo', 0, input.sapo],
    ...input.blocks.map((b, i): ['body', number, string] => ['body', i, b]),
  ];
  for (const [field, block, text] of texts) {
    for (const rule of RULES) {
      if (state.userWords.includes(rule.needle)) continue;
      for (let i = text.indexOf(rule.needle); i !== -1; i = text.indexOf(rule.needle, i + 1)) {
        const start = cp(text, i);
        out.push({ field, block, kind: rule.kind, start, end: start + [...rule.needle].length, text: rule.needle, message: `Sai: ${rule.needle}`, suggestions: rule.suggestions });
      }
    }
  }
  return out;
}

const toHoa = (s: string) => s.replaceAll('hoà', 'hòa').replaceAll('thuỷ', 'thủy');
const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', marks, text: t } : { type: 'text', text: t });
const BODY: PmNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [text('Ảnh 😀 '), text('sử lý', [{ type: 'strong' }]), text(' tường ngiêng')] },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [text('hoà bình'), { type: 'hard_break' }, text('ngiêng và Hảii')] }] }] },
  ],
};

beforeEach(fakeTextLayout);

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
  unfakeTextLayout();
});

/** The body's editor view, once an article is open. */
let body: EditorView;

async function open(fields: { headline?: string; sapo?: string } = {}) {
  vi.useFakeTimers();
  const backend = new MemoryBackend({ checker: fakeChecker, toneStyle: (s, style) => (style === 'hòa' ? toHoa(s) : s) });
  const article = await backend.createArticle({ headline: fields.headline ?? 'Nhà máy thuỷ điện ngiêng', sapo: fields.sapo ?? 'Sapo hoà', section: '', keywords: [], byline: '', dateline: '', body: BODY });
  const { editor: view } = await openInEditor(backend, article.id);
  await vi.advanceTimersByTimeAsync(10);
  body = view.body.view;
  await drawUnderlines();
  return { backend, view, pm: view.body.view };
}

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const $$ = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];
/** The underlines drawn in the body once a frame went by: the text of each one's finding (null: gone), and its kind. */
const underlines = async () => {
  await drawUnderlines();
  return $$('#body .finding-layer .finding').map((e) => [underlinedText(body, e), e.dataset.kind]);
};
const blockTexts = (doc: PmDocNode) => doc.textBetween(0, doc.content.size, '|', '/');
/** The pointer over an underline's words (the popup is on screen after the flush). */
const hover = (underline: HTMLElement) => {
  pointAt(body, underline);
  flushSync();
};
const bodyFindings = (text: string) => $$('#body .finding-layer .finding').filter((e) => underlinedText(body, e) === text);
const bodyFinding = (text: string) => bodyFindings(text)[0]!;
/** One side panel at a time: the checks panel is opened with its switch. */
const openChecksPanel = () => {
  $('#checks-toggle').click();
  flushSync();
};

describe('findings in the body', () => {
  it('underlines the right text, across marks, hard breaks, lists and a non-BMP character', async () => {
    const { backend } = await open();
    expect(backend.checks.checkInputs.at(-1)!.blocks).toEqual(['Ảnh 😀 sử lý tường ngiêng', 'hoà bình\nngiêng và Hảii']);
    expect((await underlines())).toEqual([
      ['sử lý', 'real-word'],
      ['ngiêng', 'spelling'],
      ['hoà', 'tone-style'],
      ['ngiêng', 'spelling'],
      ['Hảii', 'spelling'],
    ]);
    // The bold "sử lý" is one finding, drawn with the real-word colour.
    const bold = findingById(body.state, bodyFinding('sử lý').dataset.findingId!)!;
    expect(body.state.doc.rangeHasMark(bold.from, bold.to, body.state.schema.marks.strong!)).toBe(true);
    expect(bodyFinding('sử lý').classList.contains('finding-group-spelling')).toBe(true);
    expect($('#findings-headline').hidden).toBe(false);
    expect($('#findings-headline').textContent).toBe('2');
  });

  it('shows the popup on hover; a quick fix replaces exactly the span in one undo step', async () => {
    const { pm } = await open();
    const before = pm.state.doc;
    hover(bodyFinding('ngiêng'));
    const popup = $('#finding-popup');
    expect(popup.hidden).toBe(false);
    expect(popup.querySelector('.finding-message')!.textContent).toBe('Sai: ngiêng');
    expect($$('#finding-popup .quick-fix').map((b) => b.textContent)).toEqual(['nghiêng', 'nghiên']);
    expect(popup.querySelector('.add-to-dictionary')).not.toBeNull();
    $$('#finding-popup .quick-fix')[0]!.click();
    expect(blockTexts(pm.state.doc)).toBe('Ảnh 😀 sử lý tường nghiêng|hoà bình/ngiêng và Hảii');
    flushSync();
    expect(popup.hidden).toBe(true);
    undo(pm.state, pm.dispatch);
    expect(pm.state.doc.eq(before)).toBe(true);
  });

  it('keeps the marks of the span it fixes', async () => {
    const { view } = await open();
    hover($$('#body .finding-real-word')[0]!);
    $$('#finding-popup .quick-fix')[0]!.click();
    expect(view.body.toJSON().content![0]!.content![1]).toEqual(text('xử lý', [{ type: 'strong' }]));
  });

  it('"fix all" applies every first suggestion of a kind, body in one undo step, fields too', async () => {
    const { pm, backend, view } = await open();
    const before = pm.state.doc;
    openChecksPanel();
    const group = $('#checks-panel .check-kind[data-kind="spelling"]');
    expect(group.querySelector('.check-count')!.textContent).toBe('4');
    $('.fix-all[data-kind="spelling"]').click();
    // "Hảii" has no suggestion and stays.
    expect(blockTexts(pm.state.doc)).toBe('Ảnh 😀 sử lý tường nghiêng|hoà bình/nghiêng và Hảii');
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Nhà máy thuỷ điện nghiêng');
    undo(pm.state, pm.dispatch);
    expect(pm.state.doc.eq(before)).toBe(true);
    await view.flush();
    expect((await backend.getArticle(view.articleId)).headline).toBe('Nhà máy thuỷ điện nghiêng');
  });

  it('"add to dictionary" stores the word and checks again', async () => {
    const { backend } = await open();
    const calls = backend.checks.checkInputs.length;
    hover(bodyFinding('ngiêng'));
    $('#finding-popup .add-to-dictionary').click();
    await vi.advanceTimersByTimeAsync(10);
    expect(await backend.listUserWords()).toEqual(['ngiêng']);
    expect(backend.checks.checkInputs.length).toBe(calls + 1);
    expect((await underlines()).map(([t]) => t)).toEqual(['sử lý', 'hoà', 'Hảii']);
  });

  it('"ignore" hides that finding, also after the next check', async () => {
    const { pm, backend, view } = await open();
    expect(backend.checks.checkInputs.at(-1)!.article).toBe(view.articleId);
    hover(bodyFinding('Hảii'));
    $('#finding-popup .ignore-finding').click();
    expect((await underlines()).map(([t]) => t)).toEqual(['sử lý', 'ngiêng', 'hoà', 'ngiêng']);
    pm.dispatch(pm.state.tr.insertText('Mới: ', 1));
    await vi.advanceTimersByTimeAsync(500);
    expect((await underlines()).map(([t]) => t)).toEqual(['sử lý', 'ngiêng', 'hoà', 'ngiêng']);
  });

  it('"ignore" is kept with the article: still hidden after reopening, listed, and "show again" brings it back', async () => {
    const { backend, view } = await open();
    // The second "ngiêng" (after a line break, before "và"): only that occurrence.
    hover(bodyFinding('Hảii'));
    $('#finding-popup .ignore-finding').click();
    hover(bodyFindings('ngiêng')[1]!);
    $('#finding-popup .ignore-finding').click();
    await vi.advanceTimersByTimeAsync(10);
    const id = view.articleId;
    destroyApps();

    body = (await openInEditor(backend, id)).editor.body.view;
    await vi.advanceTimersByTimeAsync(10);
    expect((await underlines()).map(([t]) => t)).toEqual(['sử lý', 'ngiêng', 'hoà']);
    openChecksPanel();
    // The body's first "ngiêng" and the headline's.
    expect($('#checks-panel .check-kind[data-kind="spelling"] .check-count').textContent).toBe('2');
    const list = $('#checks-ignored');
    expect(list.querySelector('summary')!.textContent).toBe('Đã bỏ qua (2)');
    expect($$('#checks-ignored .ignored-finding .ignored-text').map((e) => e.textContent)).toEqual(['…bình ngiêng và…', '…và Hảii']);
    $$('#checks-ignored .unignore-finding')[1]!.click();
    await vi.advanceTimersByTimeAsync(10);
    expect((await underlines()).map(([t]) => t)).toEqual(['sử lý', 'ngiêng', 'hoà', 'Hảii']);
    expect($('#checks-ignored summary').textContent).toBe('Đã bỏ qua (1)');
  });

  it('fixes the tone style of headline, sapo and the whole body at once', async () => {
    const { pm, view, backend } = await open();
    const before = pm.state.doc;
    openChecksPanel();
    $('.fix-all[data-kind="tone-style"]').click();
    await vi.advanceTimersByTimeAsync(10);
    expect($<HTMLTextAreaElement>('#headline').value).toBe('Nhà máy thủy điện ngiêng');
    expect($<HTMLTextAreaElement>('#sapo').value).toBe('Sapo hòa');
    expect(blockTexts(pm.state.doc)).toBe('Ảnh 😀 sử lý tường ngiêng|hòa bình/ngiêng và Hảii');
    expect($('#editor-notice').textContent).toContain('3');
    undo(pm.state, pm.dispatch);
    expect(pm.state.doc.eq(before)).toBe(true);
    await view.flush();
    expect((await backend.getArticle(view.articleId)).sapo).toBe('Sapo hòa');
  });

  it('lists findings in the panel; a click selects the body text', async () => {
    const { pm } = await open({ headline: 'Tít', sapo: 'Sapo' });
    openChecksPanel();
    expect($('#checks-panel').hidden).toBe(false);
    const item = $$('.check-finding').find((e) => e.querySelector('.check-text')!.textContent === 'sử lý')!;
    item.click();
    const { from, to } = pm.state.selection;
    expect(pm.state.doc.textBetween(from, to)).toBe('sử lý');
    flushSync();
    expect($('#finding-popup').hidden).toBe(false);
  });

  it('shows an empty state and the missing-dictionary notice', async () => {
    vi.useFakeTimers();
    const backend = new MemoryBackend({ dictionary: false });
    const article = await backend.createArticle({ headline: 'Tít', sapo: '', section: '', keywords: [], byline: '', dateline: '' });
    await openInEditor(backend, article.id);
    await vi.advanceTimersByTimeAsync(10);
    openChecksPanel();
    expect($('#checks-panel .checks-empty')).not.toBeNull();
    expect($('#checks-panel [data-notice="dictionary"]')).not.toBeNull();
  });
});

describe('Checker', () => {
  it('waits for typing to pause, drops stale responses and asks again', async () => {
    vi.useFakeTimers();
    const pending: Array<(r: CheckReport) => void> = [];
    const checkDocument = vi.fn((_input: CheckInput) => new Promise<CheckReport>((resolve) => pending.push(resolve)));
    let headline = 'một';
    const doc = docFromJSON(null);
    const results: string[] = [];
    const checker = new Checker({
      backend: { checkDocument },
      source: { headline: () => headline, sapo: () => '', doc: () => doc },
      onResult: (r) => results.push(r.headline),
    });
    checker.changed();
    await vi.advanceTimersByTimeAsync(399);
    expect(checkDocument).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(checkDocument).toHaveBeenCalledTimes(1);
    headline = 'hai';
    checker.changed();
    pending[0]!({ findings: [], ignored: [], dictionary: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(checkDocument).toHaveBeenCalledTimes(2);
    expect(checkDocument.mock.calls[1]![0].headline).toBe('hai');
    pending[1]!({ findings: [], ignored: [], dictionary: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['hai']);
    checker.dispose();
  });

  it('does not send a huge body while typing, and says so', async () => {
    vi.useFakeTimers();
    const checkDocument = vi.fn(async (_input: CheckInput): Promise<CheckReport> => ({ findings: [], ignored: [], dictionary: true }));
    const big = docFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [text('x'.repeat(300_000))] }] });
    const skipped: Array<number | null> = [];
    const checker = new Checker({ backend: { checkDocument }, source: { headline: () => 'Tít', sapo: () => '', doc: () => big }, onResult: (r) => skipped.push(r.bodySkipped) });
    checker.checkNow();
    await vi.advanceTimersByTimeAsync(1);
    expect(checkDocument.mock.calls[0]![0]).toEqual({ headline: 'Tít', sapo: '', blocks: [], captions: [] });
    expect(skipped).toEqual([300_002]);
    checker.dispose();
  });
});

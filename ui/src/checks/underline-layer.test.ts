// The underline layer: each finding drawn beside the text (not in it), following its words as
// text is typed before them, gone when its finding goes, found by the pointer; and typing in a
// paragraph without findings asks nothing of it. jsdom has no layout: testing-layout.ts makes one
// up (a text node per line, a character 10 px wide).
import { EditorState, TextSelection } from 'prosemirror-state';
import { DecorationSet, EditorView } from 'prosemirror-view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docFromJSON } from '../editor/body-editor';
import { schema } from '../editor/schema';
import type { PmNode } from '../bindings/PmNode';
import { findingsMoved, findingsPlugin, removeFindings, setFindings, type Finding, type FindingsHandlers } from './findings-plugin';
import { drawUnderlines, fakeTextLayout, pointAt, unfakeTextLayout } from './testing-layout';

const paragraph = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const finding = (id: string, kind = 'spelling'): Finding =>
  ({ id, kind, field: 'body', block: 0, start: 0, end: 0, text: '', message: '', suggestions: [] }) as unknown as Finding;

let view: EditorView;
let handlers: { [K in keyof FindingsHandlers]: ReturnType<typeof vi.fn> };

function mount(...texts: string[]): EditorView {
  handlers = { point: vi.fn(), leave: vi.fn(), cursor: vi.fn(), open: vi.fn(), escape: vi.fn(() => false) };
  const state = EditorState.create({ schema, doc: docFromJSON({ type: 'doc', content: texts.map(paragraph) }), plugins: [findingsPlugin(handlers as unknown as FindingsHandlers)] });
  const host = document.body.appendChild(document.createElement('div'));
  view = new EditorView(host, { state });
  return view;
}

/** Positions of `word` in the body (the first one from `from`). */
function span(word: string, from = 0): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  view.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return;
    const at = node.text!.indexOf(word, Math.max(0, from - pos));
    if (at >= 0 && pos + at >= from) found = { from: pos + at, to: pos + at + word.length };
  });
  if (!found) throw new Error(`no ${word}`);
  return found;
}

const underlines = () => [...document.querySelectorAll<HTMLElement>('.finding-layer .finding')];
const pieces = (u: HTMLElement) => [...u.querySelectorAll<HTMLElement>('.finding-piece')].map((p) => ({ left: parseFloat(p.style.left), width: parseFloat(p.style.width) }));

beforeEach(() => {
  vi.useFakeTimers();
  fakeTextLayout();
});
afterEach(() => {
  view.destroy();
  document.body.textContent = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  unfakeTextLayout();
  vi.useRealTimers();
});

describe('the underline layer', () => {
  it('draws each finding beside the text, with its kind, and nothing inside the text', async () => {
    mount('Tường ngiêng đổ', 'Hoà bình');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }, { ...span('Hoà'), finding: finding('b', 'tone-style') }]));
    await drawUnderlines();
    expect(underlines().map((u) => [u.dataset.findingId, u.className])).toEqual([
      ['a', 'finding finding-spelling finding-group-spelling'],
      ['b', 'finding finding-tone-style finding-group-tone'],
    ]);
    // "ngiêng" starts 6 characters into its text: 60 px, 6 characters wide.
    expect(pieces(underlines()[0]!)).toEqual([{ left: 60, width: 60 }]);
    expect(view.dom.querySelectorAll('span').length).toBe(0);
    expect(underlines()[0]!.closest('.ProseMirror')).toBeNull();
  });

  it('draws a line per line of text, and nothing for the empty box a soft wrap adds at the line before', async () => {
    mount('Tường ngiêng đổ');
    // WebKit: a range starting just after a soft wrap also reports an empty box at the end of the line before.
    Range.prototype.getClientRects = () => [new DOMRect(675, 0, 0, 20), new DOMRect(0, 30, 60, 20), new DOMRect(0, 60, 40, 20)] as unknown as DOMRectList;
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }]));
    await drawUnderlines();
    expect(pieces(underlines()[0]!)).toEqual([
      { left: 0, width: 60 },
      { left: 0, width: 40 },
    ]);
  });

  it('follows its words as text is typed before them, and goes with its finding', async () => {
    mount('Tường ngiêng đổ');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }]));
    await drawUnderlines();
    view.dispatch(view.state.tr.insertText('Bức ', 1));
    await drawUnderlines();
    expect(pieces(underlines()[0]!)).toEqual([{ left: 100, width: 60 }]);
    view.dispatch(removeFindings(view.state.tr, ['a']));
    await drawUnderlines();
    expect(underlines()).toEqual([]);
  });

  it('measures again only the findings after the text typed, in the paragraph typed into', async () => {
    mount('Tường ngiêng đổ và hoà bình', 'Đoạn hai ngiêng');
    view.dispatch(
      setFindings(view.state, [
        { ...span('ngiêng'), finding: finding('a') },
        { ...span('hoà'), finding: finding('b', 'tone-style') },
        { ...span('ngiêng', span('Đoạn').from), finding: finding('c') },
      ]),
    );
    await drawUnderlines();
    const measured = vi.spyOn(Range.prototype, 'getClientRects');
    view.dispatch(view.state.tr.insertText('x', span('đổ').to));
    await drawUnderlines();
    // Only "hoà" moved: "ngiêng" before the key and the other paragraph's are where they were.
    expect(measured).toHaveBeenCalledTimes(1);
    expect(underlines().map((u) => pieces(u)[0]!.left)).toEqual([60, 200, 90]);
    // Typed onto the end of a finding's word: the longer word can go to the next line, so that
    // finding is measured again too.
    measured.mockClear();
    view.dispatch(view.state.tr.insertText('x', span('ngiêng').to));
    await drawUnderlines();
    expect(measured).toHaveBeenCalledTimes(2);
  });

  it("places again only the findings of the paragraph typed into, and drops one whose words are deleted", async () => {
    mount('Tường ngiêng đổ', 'Đoạn hai ngiêng');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }, { ...span('ngiêng', span('Đoạn').from), finding: finding('b') }]));
    await drawUnderlines();
    const [first, second] = [...view.dom.querySelectorAll('p')];
    const boxed = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const boxesOf = (p: Element) => boxed.mock.contexts.filter((c) => c === p).length;
    view.dispatch(view.state.tr.insertText('Bức ', 1));
    await drawUnderlines();
    expect(boxesOf(first!)).toBeGreaterThan(0);
    expect(boxesOf(second!)).toBe(0);
    expect(underlines().map((u) => [u.dataset.findingId, pieces(u)[0]!.left])).toEqual([
      ['a', 100],
      ['b', 90],
    ]);
    const { from, to } = span('ngiêng');
    view.dispatch(view.state.tr.delete(from, to));
    await drawUnderlines();
    expect(underlines().map((u) => u.dataset.findingId)).toEqual(['b']);
    expect(boxesOf(second!)).toBe(0);
  });

  it('finds the finding under the pointer, says when the pointer leaves it, and takes a click', async () => {
    mount('Tường ngiêng đổ');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }]));
    await drawUnderlines();
    pointAt(view, underlines()[0]!);
    expect(handlers.point).toHaveBeenCalledTimes(1);
    expect(handlers.point.mock.calls[0]![0]).toBe('a');
    expect(handlers.point.mock.calls[0]![1]).toBe(underlines()[0]!.querySelector('.finding-piece'));
    expect(view.dom.style.cursor).toBe('pointer');
    view.dom.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 5, clientY: 5 }));
    expect(handlers.leave).toHaveBeenCalledTimes(1);
    expect(view.dom.style.cursor).toBe('');
    pointAt(view, underlines()[0]!, 'click');
    expect(handlers.point).toHaveBeenCalledTimes(2);
  });

  it('follows the paragraphs when the body changes size: one that moved or grew after a finding is not measured again, one resized otherwise is', async () => {
    // The layer's size observer, and paragraphs 60 px high one under the other (jsdom has neither).
    let resized: () => void = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resized = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const heights = [60, 60, 60];
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const index = this.parentElement === view.dom ? [...view.dom.children].indexOf(this) : -1;
      if (index < 0) return new DOMRect(0, 0, 800, 0);
      const top = heights.slice(0, index).reduce((sum, h) => sum + h, 0);
      return new DOMRect(0, top, 800, heights[index]);
    });
    mount('Đoạn một', 'Tường ngiêng đổ', 'Đoạn ba ngiêng');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }, { ...span('ngiêng', span('ba').from), finding: finding('b') }]));
    await drawUnderlines();
    const placed = () => underlines().map((u) => [u.dataset.findingId, u.style.transform]);
    expect(placed()).toEqual([
      ['a', 'translate(0px, 60px)'],
      ['b', 'translate(0px, 120px)'],
    ]);
    // The first paragraph gained a line: the others moved down, their words laid out as before.
    const measured = vi.spyOn(Range.prototype, 'getClientRects');
    const lookedUp = vi.spyOn(DecorationSet.prototype, 'find');
    heights[0] = 80;
    resized();
    expect(placed()).toEqual([
      ['a', 'translate(0px, 80px)'],
      ['b', 'translate(0px, 140px)'],
    ]);
    expect(measured).not.toHaveBeenCalled();
    expect(lookedUp).not.toHaveBeenCalled();
    // The second gained one from text typed after its finding's word: that finding stays where
    // it was in its paragraph, the third's moves.
    view.dispatch(view.state.tr.insertText(' và nghiêng hẳn sang bên đường', span('đổ').to));
    heights[1] = 80;
    resized();
    expect(measured).not.toHaveBeenCalled();
    expect(placed()).toEqual([
      ['a', 'translate(0px, 80px)'],
      ['b', 'translate(0px, 160px)'],
    ]);
    // The third changed height with its text unchanged (the text size): measured again.
    heights[2] = 40;
    resized();
    expect(measured).toHaveBeenCalledTimes(1);
    expect(placed()).toEqual([
      ['a', 'translate(0px, 80px)'],
      ['b', 'translate(0px, 160px)'],
    ]);
  });

  it('is not asked to draw by typing in a paragraph without findings, nor after the words of its findings; it is before them', () => {
    mount('Tường ngiêng đổ', 'Đoạn hai');
    view.dispatch(setFindings(view.state, [{ ...span('ngiêng'), finding: finding('a') }]));
    const typedAt = (pos: number) => {
      const before = view.state;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).insertText('x'));
      return findingsMoved(view.state, before);
    };
    expect(typedAt(span('hai').to)).toBe(false);
    // After the finding's word and a space: lines break from the start, so it stays where it was.
    expect(typedAt(span('đổ').to)).toBe(false);
    expect(typedAt(span('ngiêng').to + 1)).toBe(false);
    // Onto its word's end, or before it: the paragraph typed into (the position before it).
    expect(typedAt(span('ngiêng').to)).toBe(0);
    expect(typedAt(span('Tường').to)).toBe(0);
    // A line break ends a word as a space does (Shift+Enter between the finding and the key).
    view.dispatch(view.state.tr.insert(span('ngiêng').to, schema.nodes.hard_break!.create()));
    expect(typedAt(span('ngiêng').to + 1)).toBe(false);
    expect(typedAt(span('ngiêng').to)).toBe(0);
    // A new paragraph moves what is below it.
    const before = view.state;
    view.dispatch(view.state.tr.split(1));
    expect(findingsMoved(view.state, before)).toBe('all');
  });
});

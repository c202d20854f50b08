/**
 * The check's underlines, drawn in a layer over the body rather than inside its text.
 *
 * WebKitGTK lays out and shapes again, at every key, the whole paragraph typed into when that
 * paragraph holds any inline element; an underline span made each key there cost about twice
 * what it costs in plain text (README, "Typing"). Here each finding is one element of a layer
 * beside ProseMirror's, moved with its block, holding a piece per line its words are on. A
 * block's pieces are measured again only when that block, its size or the fonts changed, once
 * a frame at most; the pointer finds a finding by those pieces (the layer takes no events).
 */
import type { Node as PmNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { PlacedFinding } from './findings-plugin';

/** A line of a finding's words, relative to its block's box. */
type Piece = { left: number; top: number; width: number; height: number };

type Measured = {
  block: PmNode;
  dom: Element;
  /** The finding's offsets in its block, and the block's size, when measured. */
  from: number;
  to: number;
  width: number;
  height: number;
  pieces: Piece[];
};

type Drawn = { element: HTMLElement; x: number; y: number; pieces: Piece[]; kind: string };

const safeKind = (kind: string): string => kind.toLowerCase().replace(/[^a-z0-9-]/g, '');

/** The colour group of a kind: red for spelling, blue for tone style, amber for style. */
function kindGroup(kind: string): 'spelling' | 'tone' | 'style' {
  if (kind === 'spelling' || kind === 'real-word') return 'spelling';
  if (kind === 'tone-style' || kind === 'mixed-tone-style') return 'tone';
  return 'style';
}


/** Client rects of one range, one per line (a word split by marks gives several rects on a line). */
function lines(rects: ArrayLike<DOMRect>): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of Array.from(rects)) {
    // A range that starts at a soft wrap also reports an empty box at the end of the line before.
    if (r.width < 0.5) continue;
    const same = out.find((o) => Math.min(o.bottom, r.bottom) - Math.max(o.top, r.top) > Math.min(o.height, r.height) / 2);
    if (!same) out.push(DOMRect.fromRect(r));
    else {
      const left = Math.min(same.left, r.left);
      const top = Math.min(same.top, r.top);
      same.width = Math.max(same.right, r.right) - left;
      same.height = Math.max(same.bottom, r.bottom) - top;
      same.x = left;
      same.y = top;
    }
  }
  return out;
}

/**
 * Where the word holding offset `at` of a textblock starts: after the last space or line break
 * before it. Lines break from the block's start, so a change moves no word before that one.
 */
export function wordStart(block: PmNode, at: number): number {
  const before: { node: PmNode; offset: number }[] = [];
  block.forEach((node, offset) => {
    if (offset < at) before.push({ node, offset });
  });
  // Back from `at` to the nearest space; a line break or other inline leaf breaks too.
  for (let i = before.length - 1; i >= 0; i--) {
    const { node, offset } = before[i]!;
    if (!node.isText) return offset + node.nodeSize;
    const text = node.text!;
    for (let j = Math.min(text.length, at - offset) - 1; j >= 0; j--) if (/\s/.test(text[j]!)) return offset + j + 1;
  }
  return 0;
}

/**
 * Whether a block's text is unchanged up to the word after `to`: then, at the same width, the
 * words before `to` are laid out where they were, and a finding ending there need not be
 * measured again while typing after it (typing onto its word's end can carry the word to the
 * next line).
 */
function sameUpTo(before: PmNode, now: PmNode, to: number): boolean {
  if (before === now) return true;
  const diff = before.content.findDiffStart(now.content);
  return diff === null || wordStart(now, diff) >= to;
}

/**
 * Whether a finding measured as `m` is still where it was in its block (`dom`, holding `block`
 * now): the same element, offsets and width, and the text unchanged up to the word after it.
 * Lines break from the block's start and the body is set ragged right, so text typed after that
 * word cannot move it, even when the block gains or loses a line. When the height changed but
 * the text did not, something else moved the words (the text size): measured again.
 */
function stillPlaced(m: Measured, dom: Element, from: number, to: number, box: DOMRect, block: PmNode): boolean {
  if (m.dom !== dom || m.from !== from || m.to !== to || m.width !== box.width) return false;
  if (m.height !== box.height && m.block === block) return false;
  return sameUpTo(m.block, block, to);
}

const samePieces = (a: Piece[], b: Piece[]): boolean =>
  a === b ||
  (a.length === b.length && a.every((p, i) => p.left === b[i]!.left && p.top === b[i]!.top && p.width === b[i]!.width && p.height === b[i]!.height));

export class UnderlineLayer {
  readonly layer: HTMLElement;
  /** The finding under the pointer (kept by the plugin's pointer handlers). */
  pointed: string | null = null;
  private readonly measured = new Map<string, Measured>();
  private readonly drawn = new Map<string, Drawn>();
  private frame: number | null = null;
  /** What the next draw measures and places: the findings of these blocks, or all of them. */
  private dirty: Set<Node> | 'all' | null = null;
  private readonly resizes: ResizeObserver | null;
  private readonly fontsChanged = () => this.remeasure();

  constructor(
    private readonly view: EditorView,
    private readonly findings: (state: EditorState, from?: number, to?: number) => PlacedFinding[],
  ) {
    this.layer = document.createElement('div');
    this.layer.className = 'finding-layer';
    this.layer.setAttribute('aria-hidden', 'true');
    // A paragraph gained a line, the column narrowed, a photo loaded, the text size changed:
    // blocks moved or wrapped. Observers are told after layout and before paint, so drawing
    // here puts the underlines in place in the same frame, not one frame late in a frame more.
    this.resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.follow()) : null;
    this.resizes?.observe(view.dom);
    document.fonts?.addEventListener?.('loadingdone', this.fontsChanged);
    this.schedule();
  }

  /**
   * Draws once in the next frame, after ProseMirror has written the page and before it is
   * painted: the findings of `block` (a textblock's element, typed into), or all of them.
   */
  schedule(block?: Node): void {
    if (!block) this.dirty = 'all';
    else if (this.dirty === null) this.dirty = new Set([block]);
    else if (this.dirty !== 'all') this.dirty.add(block);
    if (this.frame !== null) return;
    if (typeof requestAnimationFrame !== 'function') return this.draw();
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  /** Draws every finding at once (the page is laid out), dropping a draw waiting for the next frame. */
  drawNow(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.dirty = 'all';
    this.draw();
  }

  /**
   * The body changed size: its blocks moved, or wrapped. A block that kept its size only moved,
   * and its findings follow it without being measured or looked up again; those of a block that
   * changed size are measured again. Typing that adds a line costs this one box read a block with
   * findings, and a position written for each finding after it.
   */
  private follow(): void {
    if (this.frame !== null || this.dirty !== null) return this.drawNow();
    // All reads, then all writes: a write between two reads would lay the page out again.
    const origin = this.layer.getBoundingClientRect();
    const boxes = new Map<Element, DOMRect>();
    const resized = new Set<Node>();
    const moved: [Drawn, DOMRect][] = [];
    for (const [id, drawn] of this.drawn) {
      const m = this.measured.get(id);
      if (!m || !m.dom.isConnected) return this.drawNow();
      let box = boxes.get(m.dom);
      if (!box) boxes.set(m.dom, (box = m.dom.getBoundingClientRect()));
      if (box.width !== m.width || box.height !== m.height) resized.add(m.dom);
      else moved.push([drawn, box]);
    }
    if (resized.size > 0) {
      this.dirty = resized;
      this.draw();
    }
    for (const [drawn, box] of moved) this.moveTo(drawn, box.left - origin.left, box.top - origin.top);
  }

  /** Every finding measured again (the fonts changed). */
  private remeasure(): void {
    this.measured.clear();
    this.schedule();
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.resizes?.disconnect();
    document.fonts?.removeEventListener?.('loadingdone', this.fontsChanged);
    this.layer.remove();
  }

  /** The finding whose words are at this point of the window, and the piece there. */
  hit(clientX: number, clientY: number): { id: string; piece: HTMLElement } | null {
    if (this.drawn.size === 0) return null;
    const origin = this.layer.getBoundingClientRect();
    const x = clientX - origin.left;
    const y = clientY - origin.top;
    let best: { id: string; piece: HTMLElement } | null = null;
    let bestWidth = Infinity;
    for (const [id, d] of this.drawn) {
      for (const [i, p] of d.pieces.entries()) {
        const left = d.x + p.left;
        const top = d.y + p.top;
        // Nested findings: the innermost (narrowest) one, as the cursor does.
        if (x < left || x > left + p.width || y < top || y > top + p.height || p.width >= bestWidth) continue;
        best = { id, piece: d.element.children[i] as HTMLElement };
        bestWidth = p.width;
      }
    }
    return best;
  }

  /** A finding's first piece on the page (null when it has none drawn). */
  pieceOf(id: string): HTMLElement | null {
    return (this.drawn.get(id)?.element.firstElementChild as HTMLElement | null) ?? null;
  }

  /**
   * Measures what changed and puts the findings' elements in place, all reads, then all writes:
   * those of the blocks typed into since the last draw, or every finding.
   */
  draw(): void {
    const dirty = this.dirty ?? 'all';
    this.dirty = null;
    const { view } = this;
    const host = view.dom.parentNode;
    if (!host || !view.dom.isConnected || view.dom.getClientRects().length === 0) return;
    if (this.layer.parentNode !== host || this.layer.previousSibling !== view.dom) host.insertBefore(this.layer, view.dom.nextSibling);

    const blocks = dirty === 'all' ? null : this.blockRanges(dirty);
    const origin = this.layer.getBoundingClientRect();
    const boxes = new Map<Element, DOMRect>();
    const next = new Map<string, Omit<Drawn, 'element'>>();
    const placed = blocks ? blocks.flatMap(([from, to]) => this.findings(view.state, from, to)) : this.findings(view.state);
    for (const p of placed) {
      const at = this.place(p, boxes, origin);
      if (at) next.set(p.finding.id, at);
    }
    // Gone: a finding not placed again, of those that were to be (every one, or the blocks').
    const redrawn = (m: Measured | undefined) => !blocks || (m !== undefined && (dirty as Set<Node>).has(m.dom));
    for (const [id, d] of this.drawn) {
      if (next.has(id) || !redrawn(this.measured.get(id))) continue;
      d.element.remove();
      this.drawn.delete(id);
    }
    for (const [id, m] of this.measured) if (!next.has(id) && redrawn(m)) this.measured.delete(id);
    for (const [id, d] of next) this.write(id, d);
  }

  /** The ranges of these textblocks in the document, or null when one is no longer one (draw all). */
  private blockRanges(blocks: Set<Node>): [number, number][] | null {
    const ranges: [number, number][] = [];
    for (const dom of blocks) {
      if (!dom.isConnected || !this.view.dom.contains(dom)) return null;
      try {
        const $pos = this.view.state.doc.resolve(this.view.posAtDOM(dom, 0));
        if (!$pos.parent.isTextblock || this.view.nodeDOM($pos.before()) !== dom) return null;
        ranges.push([$pos.start(), $pos.end()]);
      } catch {
        return null;
      }
    }
    return ranges;
  }

  private place(placed: PlacedFinding, boxes: Map<Element, DOMRect>, origin: DOMRect): Omit<Drawn, 'element'> | null {
    const { view } = this;
    const $from = view.state.doc.resolve(placed.from);
    if ($from.depth === 0) return null;
    const dom = view.nodeDOM($from.before());
    if (!(dom instanceof Element)) return null;
    let box = boxes.get(dom);
    if (!box) boxes.set(dom, (box = dom.getBoundingClientRect()));
    const start = $from.start();
    const from = placed.from - start;
    const to = placed.to - start;
    const id = placed.finding.id;
    let m = this.measured.get(id);
    if (m && stillPlaced(m, dom, from, to, box, $from.parent)) {
      // Still right for the block as it is now: later changes are compared with this one.
      m.block = $from.parent;
      m.height = box.height;
    } else {
      m = { block: $from.parent, dom, from, to, width: box.width, height: box.height, pieces: this.measure(placed, box) };
      this.measured.set(id, m);
    }
    return { x: box.left - origin.left, y: box.top - origin.top, pieces: m.pieces, kind: placed.finding.kind };
  }

  private measure(placed: PlacedFinding, box: DOMRect): Piece[] {
    const range = document.createRange();
    if (typeof range.getClientRects !== 'function') return [];
    try {
      const start = this.view.domAtPos(placed.from, 1);
      const end = this.view.domAtPos(placed.to, -1);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
    } catch {
      return [];
    }
    return lines(range.getClientRects()).map((r) => ({ left: r.left - box.left, top: r.top - box.top, width: r.width, height: r.height }));
  }

  private moveTo(drawn: Drawn, x: number, y: number): void {
    if (drawn.x === x && drawn.y === y) return;
    drawn.element.style.transform = `translate(${x}px, ${y}px)`;
    drawn.x = x;
    drawn.y = y;
  }

  private write(id: string, d: Omit<Drawn, 'element'>): void {
    let drawn = this.drawn.get(id);
    if (!drawn) {
      const element = document.createElement('span');
      element.dataset.findingId = id;
      drawn = { element, x: NaN, y: NaN, pieces: [], kind: '' };
      this.drawn.set(id, drawn);
      this.layer.append(element);
    }
    const { element } = drawn;
    if (drawn.kind !== d.kind) {
      const kind = safeKind(d.kind);
      element.className = `finding finding-${kind} finding-group-${kindGroup(d.kind)}`;
      element.dataset.kind = kind;
    }
    this.moveTo(drawn, d.x, d.y);
    if (!samePieces(drawn.pieces, d.pieces)) {
      // The line elements are kept and only what moved is written (typing moves the words after the caret).
      while (element.children.length > d.pieces.length) element.lastElementChild!.remove();
      d.pieces.forEach((p, i) => {
        let piece = element.children[i] as HTMLElement | undefined;
        if (!piece) {
          piece = element.appendChild(document.createElement('span'));
          piece.className = 'finding-piece';
        }
        const was = drawn.pieces[i];
        if (was?.left !== p.left) piece.style.left = `${p.left}px`;
        if (was?.top !== p.top) piece.style.top = `${p.top}px`;
        if (was?.width !== p.width) piece.style.width = `${p.width}px`;
        if (was?.height !== p.height) piece.style.height = `${p.height}px`;
      });
    }
    Object.assign(drawn, d);
  }
}

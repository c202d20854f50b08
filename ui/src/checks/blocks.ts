/**
 * The body as the checks see it, and the way back. Rust (`render::doc_blocks`) checks every
 * `paragraph` and `heading` in document order (inside lists and quotes too), each as its text
 * with `hard_break` as "\n". Findings come back as code-point offsets into one block's NFC
 * text; this module turns them into ProseMirror positions.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import type { PmNode } from '../bindings/PmNode';

const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading']);
/** Figure captions, checked like the body (Rust's `figures::figure_captions`: one per figure). */
export const CAPTION_BLOCKS: ReadonlySet<string> = new Set(['figcaption']);
/** Notes and the diff address captions too (Rust's `text_blocks`). */
export const NOTE_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'figcaption']);

export type TextBlock = {
  node: PmDocNode;
  /** Document position of the block's first content position. */
  start: number;
  text: string;
};

/** The text of one text block: text nodes as they are, hard breaks as "\n". */
export function blockText(node: PmDocNode): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === 'hard_break') text += '\n';
  });
  return text;
}

/** Every text block of the document (of the kinds in `kinds`), in order. */
export function textBlocks(doc: PmDocNode, kinds: ReadonlySet<string> = TEXT_BLOCKS): TextBlock[] {
  const out: TextBlock[] = [];
  doc.descendants((node, pos) => {
    if (!kinds.has(node.type.name)) return true;
    out.push({ node, start: pos + 1, text: blockText(node) });
    return false;
  });
  return out;
}

/** The same blocks from the JSON form, line for line the Rust definition. */
export function jsonBlocks(doc: PmNode, kinds: ReadonlySet<string> = TEXT_BLOCKS): string[] {
  const out: string[] = [];
  const walk = (node: PmNode): void => {
    if (kinds.has(node.type)) {
      let text = '';
      for (const child of node.content ?? []) {
        if (child.type === 'text') text += child.text ?? '';
        else if (child.type === 'hard_break') text += '\n';
      }
      out.push(text);
      return;
    }
    (node.content ?? []).forEach(walk);
  };
  walk(doc);
  return out;
}

/** UTF-16 index of the code point offset `cp` in `text` (clamped to the end). */
export function cpToUtf16(text: string, cp: number): number {
  let index = 0;
  let seen = 0;
  while (seen < cp && index < text.length) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    seen++;
  }
  return index;
}

/** Length of `text` in code points. */
export function cpLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The document position of code point `offset` in a text block (marks never count). */
export function blockPos(block: Pick<TextBlock, 'node' | 'start'>, offset: number): number {
  let pos = block.start;
  let left = offset;
  for (let i = 0; i < block.node.childCount; i++) {
    const child = block.node.child(i);
    if (child.isText) {
      const text = child.text ?? '';
      const len = cpLength(text);
      if (left <= len) return pos + cpToUtf16(text, left);
      left -= len;
    } else if (child.type.name === 'hard_break') {
      if (left === 0) return pos;
      left -= 1;
    } else if (left === 0) {
      return pos;
    }
    pos += child.nodeSize;
  }
  return pos;
}

/** A finding's span in the document, or null when it does not fit the block. */
export function blockRange(block: TextBlock, start: number, end: number): { from: number; to: number } | null {
  if (start < 0 || end < start || end > cpLength(block.text)) return null;
  // Offsets are into NFC text; a block typed in another form would be off by some characters.
  if (block.text !== block.text.normalize('NFC')) return null;
  return { from: blockPos(block, start), to: blockPos(block, end) };
}

/** A code point range of a plain text as UTF-16 indexes. */
export function textRange(text: string, start: number, end: number): { from: number; to: number } {
  const from = cpToUtf16(text, start);
  return { from, to: from + cpToUtf16(text.slice(from), end - start) };
}

/**
 * Note anchors in the live text. A body anchor is text block `block` (paragraphs, headings and
 * figure captions in reading order, kept WordPress blocks skipped: Rust's `text_blocks`) and
 * characters `[start, end)` of it in code points, a hard break one character. This module turns
 * them into ProseMirror positions (or a field's UTF-16 offsets) and back.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import type { NoteAnchor } from '../bindings/NoteAnchor';
import { blockPos, cpLength, NOTE_BLOCKS, textBlocks, type TextBlock } from '../checks/blocks';

export type BodyRange = { from: number; to: number };
/** A range of the body with its anchor and the text it covers. */
export type PlacedRange = BodyRange & { anchor: NoteAnchor; quote: string };

export function noteBlocks(doc: PmDocNode): TextBlock[] {
  return textBlocks(doc, NOTE_BLOCKS);
}

const cpSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

/** Code point offset of document position `pos` inside `block`. */
function blockOffset(block: TextBlock, pos: number): number {
  let at = block.start;
  let offset = 0;
  for (let i = 0; i < block.node.childCount && at < pos; i++) {
    const child = block.node.child(i);
    if (child.isText) offset += cpLength((child.text ?? '').slice(0, pos - at));
    else if (child.type.name === 'hard_break') offset += 1;
    at += child.nodeSize;
  }
  return offset;
}

/**
 * The anchor for a selection `[from, to)`: the part of it inside the first text block it
 * covers any text of (an anchor is one block). Null when it covers no text.
 */
export function rangeAnchor(doc: PmDocNode, from: number, to: number): PlacedRange | null {
  if (to <= from) return null;
  const blocks = noteBlocks(doc);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const blockEnd = block.start + block.node.content.size;
    if (blockEnd < from) continue;
    if (block.start > to) break;
    const a = Math.max(from, block.start);
    const b = Math.min(to, blockEnd);
    const start = blockOffset(block, a);
    const end = blockOffset(block, b);
    if (end > start) {
      return { from: a, to: b, anchor: { field: 'body', block: index, start, end }, quote: cpSlice(block.text, start, end) };
    }
  }
  return null;
}

/** Where a body anchor lies in `doc` now, with the text there; null when it does not fit. */
export function anchorRange(doc: PmDocNode, anchor: NoteAnchor): (BodyRange & { text: string }) | null {
  if (anchor.field !== 'body') return null;
  const block = noteBlocks(doc)[anchor.block];
  if (!block || anchor.start < 0 || anchor.end <= anchor.start || anchor.end > cpLength(block.text)) return null;
  return { from: blockPos(block, anchor.start), to: blockPos(block, anchor.end), text: cpSlice(block.text, anchor.start, anchor.end) };
}

/** The anchor of a field's selection (UTF-16 offsets, as `selectionStart`/`selectionEnd`). */
export function fieldAnchor(field: 'headline' | 'sapo', value: string, from: number, to: number): { anchor: NoteAnchor; quote: string } | null {
  const start = cpLength(value.slice(0, from));
  const end = cpLength(value.slice(0, to));
  if (end <= start) return null;
  return { anchor: { field, block: 0, start, end }, quote: value.slice(from, to) };
}

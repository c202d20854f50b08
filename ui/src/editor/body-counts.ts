/**
 * The body's counts at the cost of the edited block: each top-level block's counts are kept by
 * node, and ProseMirror keeps the nodes of blocks an edit did not touch, so a keystroke counts
 * one paragraph and adds up the rest. The sum equals counting the whole text (`docCounts`):
 * blocks are joined by "\n", which ends a tiếng and never joins a character.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import { countText, type TextCounts } from '../text/counts';

/** One top-level block: its counts, and whether the whole text puts a "\n" before it. */
type BlockCounts = TextCounts & { separated: boolean };

/** As `docText`: hard breaks are "\n", a kept WordPress block has no text. */
const leafText = (leaf: PmDocNode): string => (leaf.type.name === 'raw_block' ? '' : '\n');

function countBlock(block: PmDocNode): BlockCounts {
  // Counted inside a one-block document, as `textBetween` over the whole body counts it.
  let separated = false;
  if (block.isTextblock) separated = true;
  else block.descendants((node) => {
    if (separated) return false;
    if (node.isTextblock || (node.isBlock && node.isLeaf && leafText(node) !== '')) separated = true;
    return !separated;
  });
  if (block.isLeaf && block.isBlock && leafText(block) !== '') separated = true;
  const text = block.isLeaf ? leafText(block) : block.textBetween(0, block.content.size, '\n', leafText);
  return { ...countText(text), separated };
}

export class BodyCounter {
  private readonly blocks = new WeakMap<PmDocNode, BlockCounts>();

  count(doc: PmDocNode): TextCounts {
    let tieng = 0;
    let chars = 0;
    let separators = -1;
    doc.forEach((block) => {
      let counts = this.blocks.get(block);
      if (!counts) {
        counts = countBlock(block);
        this.blocks.set(block, counts);
      }
      tieng += counts.tieng;
      chars += counts.chars;
      if (counts.separated) separators++;
    });
    return { tieng, chars: chars + Math.max(0, separators) };
  }
}

import type { PmNode } from '../bindings/PmNode';

/**
 * Plain text of a ProseMirror JSON document: text nodes joined, block boundaries and hard
 * breaks as newlines (so they count as whitespace). Mirrors `doc.textBetween(…, '\n', '\n')`.
 */
export function pmText(node: PmNode): string {
  const blocks: string[] = [];
  let line = '';
  const walk = (n: PmNode): void => {
    if (n.type === 'text') {
      line += n.text ?? '';
      return;
    }
    if (n.type === 'hard_break') {
      line += '\n';
      return;
    }
    const children = n.content ?? [];
    const isTextBlock = n.type === 'paragraph' || n.type === 'heading' || n.type === 'figcaption';
    if (isTextBlock) {
      children.forEach(walk);
      blocks.push(line);
      line = '';
    } else {
      children.forEach(walk);
    }
  };
  walk(node);
  if (line) blocks.push(line);
  return blocks.join('\n');
}

/**
 * The document's text blocks in reading order (paragraphs, headings, captions; a hard break
 * is one '\n'): how note anchors and the diff address the body, as Rust's `text_blocks`.
 */
export function textBlocks(node: PmNode): string[] {
  const out: string[] = [];
  const walk = (n: PmNode): void => {
    if (n.type === 'raw_block' || n.type === 'text' || n.type === 'hard_break') return;
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'figcaption') {
      out.push((n.content ?? []).map((c) => (c.type === 'hard_break' ? '\n' : (c.text ?? ''))).join(''));
      return;
    }
    (n.content ?? []).forEach(walk);
  };
  walk(node);
  return out;
}

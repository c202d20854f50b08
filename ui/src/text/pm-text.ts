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


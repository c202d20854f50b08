// The check's underlines as a reader sees them: they are drawn in a layer over the body
// (ui/src/checks/underline-layer.ts), so what a mark underlines is the text found under its
// lines on the page, not a span's own text.

/**
 * Page script (a function body): every underline in the body as { id, kind, text, x, y }, where
 * `text` is the text under its lines (the characters whose boxes lie on them) and x, y the
 * middle of its first line, to click it by; `block`: a CSS selector of the block to look in.
 */
export const underlined = (block = null) => `const root = document.querySelector('#body');
  const range = document.createRange();
  // The characters whose middle lies on the line: read from the text's own boxes, so a word
  // scrolled out of sight is read as well as one on screen.
  const under = (piece) => {
    const r = piece.getBoundingClientRect();
    const onLine = (b) => b.bottom > r.top + 1 && b.top < r.bottom - 1;
    let out = '';
    const walker = document.createTreeWalker(root.querySelector('.ProseMirror'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some(onLine)) continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // A character after a soft wrap also reports an empty box at the end of the line before.
        const on = (c) => c.width > 0 && c.left + c.width / 2 > r.left && c.left + c.width / 2 < r.right && c.top + c.height / 2 > r.top && c.top + c.height / 2 < r.bottom;
        if ([...range.getClientRects()].some(on)) out += node.data[i];
      }
    }
    return out;
  };
  const block = ${JSON.stringify(block)} && root.querySelector(${JSON.stringify(block)});
  return [...root.querySelectorAll('.finding-layer .finding')].flatMap((f) => {
    const pieces = [...f.querySelectorAll('.finding-piece')];
    if (!pieces.length) return [];
    const first = pieces[0].getBoundingClientRect();
    if (block) {
      const b = block.getBoundingClientRect();
      if (first.top < b.top || first.bottom > b.bottom) return [];
    }
    return [{ id: f.dataset.findingId, kind: f.dataset.kind, text: pieces.map(under).join(' '), x: first.left + first.width / 2, y: first.top + first.height / 2 }];
  });`;

/** Waits for an underline of `kind` on `text`; returns it (with the point to click). */
export async function untilUnderlined(wd, text, kind = 'spelling', timeoutMs = 15000, block = null) {
  const all = `(() => { ${underlined(block)} })()`;
  try {
    return await wd.until(
      `an underline on "${text}"`,
      `return ${all}.find((u) => u.kind === ${JSON.stringify(kind)} && u.text === ${JSON.stringify(text)}) ?? null`,
      timeoutMs,
    );
  } catch (e) {
    const seen = await wd.exec(`return ${all}`).catch(() => null);
    throw new Error(`${e.message}; underlines seen: ${JSON.stringify(seen)}`);
  }
}

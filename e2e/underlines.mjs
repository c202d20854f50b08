// The check's underlines as a reader sees them: they are drawn in a layer over the body
// (ui/src/checks/underline-layer.ts), so what a mark underlines is the text found under its
// lines on the page, not a span's own text.

/**
 * Page script (a function body): every underline in the body as { id, kind, text, x, y }, where
 * `text` is the text under its lines (found from the page's points, as the pointer would) and
 * x, y the middle of its first line; `block`: a CSS selector of the block to look in (or all).
 */
export const underlined = (block = null) => `const root = document.querySelector('#body');
  const under = (piece) => {
    const r = piece.getBoundingClientRect();
    const y = r.top + r.height / 2;
    const a = document.caretRangeFromPoint(r.left + 1, y);
    const b = document.caretRangeFromPoint(r.right - 1, y);
    if (!a || !b) return '';
    const range = document.createRange();
    range.setStart(a.startContainer, a.startOffset);
    range.setEnd(b.startContainer, b.startOffset);
    return range.toString();
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
  return wd.until(
    `an underline on "${text}"`,
    `const all = (() => { ${underlined(block)} })();
     return all.find((u) => u.kind === ${JSON.stringify(kind)} && u.text === ${JSON.stringify(text)}) ?? null`,
    timeoutMs,
  );
}

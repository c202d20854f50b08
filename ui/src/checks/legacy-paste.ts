/**
 * Pasting text set in TCVN3 / VNI fonts. Word puts such text on the clipboard as Windows-1252
 * characters inside runs that name their font; the font of each run decides its encoding. The
 * clipboard HTML is parsed inert (DOMParser: no scripts, no loads), every text node is sent
 * with its font in one `convertFontRuns` call, and the converted text is put back before any
 * sanitising (TCVN3 `ư` is the soft hyphen byte, which sanitisers strip). The body then parses
 * the result through the schema; headline and sapo take its plain text.
 */
import { DOMParser as PmDOMParser, type Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { closeHistory } from 'prosemirror-history';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { FontRun } from '../bindings/FontRun';
import { schema } from '../editor/schema';
import { legacyEncoding } from '../text/legacy-font';

export { legacyEncoding };

/** What a paste converted: how many runs, from which encodings (in order of appearance). */
export type LegacySummary = { runs: number; encodings: string[] };

export type LegacyPasteOptions = {
  convert: (runs: FontRun[]) => Promise<ConvertedRun[]>;
  done: (summary: LegacySummary) => void;
  failed: (reason: unknown) => void;
};

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'HEAD', 'OBJECT']);
const FONT_DECL = /(?:^|[;{\s])font-family\s*:\s*([^;}]+)/i;
/** A cheap first look: does the HTML name a legacy font at the head of some font list? */
const MENTIONS = /(?:font-family\s*:|face\s*=)\s*(?:&quot;|&#39;|["'])?\s*(?:\.vn[a-z0-9]|vni[-_ ])/i;

export function mentionsLegacyFont(html: string): boolean {
  return MENTIONS.test(html);
}

/** The first family of a `font-family` value, without quotes. */
export function firstFamily(value: string): string {
  return (value.split(',')[0] ?? '').trim().replace(/^["']+|["']+$/g, '').trim();
}

type SheetRule = { selector: string; font: string };

/** Class rules with a font (Word declares `p.MsoNormal {font-family: …}` in a style block). */
function sheetRules(doc: Document): SheetRule[] {
  const rules: SheetRule[] = [];
  doc.querySelectorAll('style').forEach((style) => {
    const css = (style.textContent ?? '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, '');
    for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const font = FONT_DECL.exec(match[2]!)?.[1];
      if (!font) continue;
      for (const selector of match[1]!.split(',').map((s) => s.trim())) {
        if (selector && !selector.startsWith('@')) rules.push({ selector, font: firstFamily(font) });
      }
    }
  });
  return rules;
}

function ownFont(el: Element, rules: readonly SheetRule[]): string | null {
  const inline = FONT_DECL.exec(el.getAttribute('style') ?? '')?.[1];
  if (inline) return firstFamily(inline);
  if (el.tagName === 'FONT' && el.hasAttribute('face')) return firstFamily(el.getAttribute('face')!);
  for (let i = rules.length - 1; i >= 0; i--) {
    try {
      if (el.matches(rules[i]!.selector)) return rules[i]!.font;
    } catch {
      // A selector this engine does not know: not ours to decide.
    }
  }
  return null;
}

export type Run = { node: Text; font: string };

/** Every text node of the parsed HTML (whitespace-only ones aside) with its font. */
export function collectRuns(doc: Document): Run[] {
  const rules = sheetRules(doc);
  const cache = new Map<Element, string>();
  const fontOf = (el: Element | null): string => {
    if (!el || el === doc.documentElement) return '';
    const known = cache.get(el);
    if (known !== undefined) return known;
    const font = ownFont(el, rules) ?? fontOf(el.parentElement);
    cache.set(el, font);
    return font;
  };
  const runs: Run[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child as Text;
        if (/\S/.test(text.data)) runs.push({ node: text, font: fontOf(text.parentElement) });
      } else if (child.nodeType === 1 && !SKIP.has((child as Element).tagName.toUpperCase())) {
        walk(child);
      }
    }
  };
  if (doc.body) walk(doc.body);
  return runs;
}

/** Parses clipboard HTML inert; null unless some run is set in a legacy font. */
export function legacyRuns(html: string): { doc: Document; runs: Run[] } | null {
  if (!mentionsLegacyFont(html)) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const runs = collectRuns(doc);
  return runs.some((r) => legacyEncoding(r.font) !== null) ? { doc, runs } : null;
}

const ENCODING_NAMES: Record<string, string> = { tcvn3: 'TCVN3', vni: 'VNI' };

/** Converts the runs in one call and writes the text back into the parsed document. */
export async function convertRuns(runs: readonly Run[], convert: LegacyPasteOptions['convert']): Promise<LegacySummary> {
  const converted = await convert(runs.map((r) => ({ font: r.font, text: r.node.data })));
  if (converted.length !== runs.length) throw new Error(`convert_font_runs: ${converted.length} runs for ${runs.length}`);
  const encodings: string[] = [];
  let count = 0;
  runs.forEach((run, i) => {
    const { text, from } = converted[i]!;
    run.node.data = text.normalize('NFC');
    if (from === null) return;
    count++;
    const name = ENCODING_NAMES[from] ?? from.toUpperCase();
    if (!encodings.includes(name)) encodings.push(name);
  });
  return { runs: count, encodings };
}

/** The converted document as a body slice: only schema nodes and safe links survive. */
export function toSlice(doc: Document): Slice {
  return PmDOMParser.fromSchema(schema).parseSlice(doc.body);
}

const BLOCKS = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|TR|TD|TH|BR|UL|OL|TABLE|PRE)$/;

/** The converted document as one line of plain text (headline, sapo). */
export function toPlainText(doc: Document): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        walk(child);
        if (BLOCKS.test(tag)) out += ' ';
      }
    }
  };
  if (doc.body) walk(doc.body);
  return out.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** Converts and inserts a legacy paste into the body as ONE transaction (one Ctrl+Z). */
export async function pasteLegacyIntoBody(view: EditorView, found: { doc: Document; runs: Run[] }, options: LegacyPasteOptions): Promise<void> {
  try {
    const summary = await convertRuns(found.runs, options.convert);
    if (view.isDestroyed) return;
    const slice = toSlice(found.doc);
    const tr = closeHistory(view.state.tr.replaceSelection(slice)).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste');
    view.dispatch(tr);
    options.done(summary);
  } catch (reason) {
    options.failed(reason);
  }
}

/** Intercepts pastes whose HTML has runs in legacy fonts; other pastes take the usual path. */
export function legacyPastePlugin(options: LegacyPasteOptions): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        paste: (view, event) => {
          if (!view.editable) return false;
          const html = (event as ClipboardEvent).clipboardData?.getData('text/html') ?? '';
          const found = legacyRuns(html);
          if (!found) return false;
          event.preventDefault();
          void pasteLegacyIntoBody(view, found, options);
          return true;
        },
      },
    },
  });
}

/** The same for a textarea: converted plain text replaces the selection. */
export function wireLegacyPaste(field: HTMLTextAreaElement | HTMLInputElement, options: LegacyPasteOptions): void {
  field.addEventListener('paste', (event) => {
    const found = legacyRuns((event as ClipboardEvent).clipboardData?.getData('text/html') ?? '');
    if (!found) return;
    event.preventDefault();
    void (async () => {
      try {
        const summary = await convertRuns(found.runs, options.convert);
        insertIntoField(field, toPlainText(found.doc));
        options.done(summary);
      } catch (reason) {
        options.failed(reason);
      }
    })();
  });
}

/** Inserts text at the field's selection the way typing does (native undo where supported). */
export function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.focus();
  const exec = (document as Document & { execCommand?: Document['execCommand'] }).execCommand;
  if (typeof exec === 'function' && document.activeElement === field) {
    try {
      if (exec.call(document, 'insertText', false, text)) return;
    } catch {
      // Fall through to the plain way.
    }
  }
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

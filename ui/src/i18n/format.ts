/**
 * Message templates: `{name}` placeholders and ICU-style plurals,
 * `{count, plural, one {# syllable} other {# syllables}}`, chosen with `Intl.PluralRules`
 * for the locale (Vietnamese has one form; English two).
 */
export type Params = Record<string, string | number>;

const ARGUMENT = /^\s*(\w+)\s*(?:,\s*plural\s*,([\s\S]*))?$/;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function plural(locale: string, value: number, options: string, params: Params): string | null {
  const branches = new Map<string, string>();
  let at = 0;
  while (at < options.length && options.slice(at).trim() !== '') {
    BRANCH.lastIndex = at;
    const head = BRANCH.exec(options);
    if (!head) return null;
    const open = BRANCH.lastIndex - 1;
    const close = closing(options, open);
    if (close < 0) return null;
    branches.set(head[1]!, options.slice(open + 1, close));
    at = close + 1;
  }
  const chosen =
    branches.get(`=${value}`) ?? branches.get(new Intl.PluralRules(locale).select(value)) ?? branches.get('other');
  return chosen === undefined ? null : formatMessage(locale, chosen.replace(/#/g, String(value)), params);
}

export function formatMessage(locale: string, template: string, params?: Params): string {
  if (!params) return template;
  let out = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) return out + template.slice(at);
    out += template.slice(at, open);
    const whole = template.slice(open, close + 1);
    const argument = ARGUMENT.exec(template.slice(open + 1, close));
    const name = argument?.[1];
    let filled: string | null = null;
    if (name !== undefined && name in params) {
      const value = params[name]!;
      filled = argument![2] === undefined ? String(value) : plural(locale, Number(value), argument![2], params);
    }
    out += filled ?? whole;
    at = close + 1;
  }
  return out;
}

/** The argument names a template uses (for checking that translations agree). */
export function argumentNames(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|\})/g)) names.push(match[1]!);
  return [...new Set(names)].sort();
}

/**
 * The checks part of the in-memory Backend: settings and the newsroom dictionary kept in
 * memory, legacy-font runs recognised by font name, and findings / tone conversion supplied by
 * the test (the real rules live in Rust).
 */
import type { AbbreviationEntry } from '../bindings/AbbreviationEntry';
import type { AbbreviationList } from '../bindings/AbbreviationList';
import type { ArticleFinding } from '../bindings/ArticleFinding';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { FindingKey } from '../bindings/FindingKey';
import type { FontRun } from '../bindings/FontRun';
import type { HouseStyle } from '../bindings/HouseStyle';
import type { PmNode } from '../bindings/PmNode';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import { legacyEncoding } from '../text/legacy-font';
import { AppError } from './backend';
import {
  abbreviationList,
  invalidAbbreviationLines,
  invalidAllowedLines,
  MEMORY_BUILTIN_ABBREVIATIONS,
  MEMORY_BUILTIN_ALLOWED,
} from './memory-abbreviations';

export type CheckState = { settings: CheckSettings; userWords: readonly string[] };
/** A finding as a test's checker gives it: the neighbouring words are filled in here, as Rust does. */
export type FakeFinding = Omit<ArticleFinding, 'before' | 'after'>;

export type MemoryCheckOptions = {
  /** Produces the findings of `checkDocument`; default: none. */
  checker?: (input: CheckInput, state: CheckState) => FakeFinding[];
  /** What `checkDocument` reports as `dictionary` (false = hunspell-vi missing). Default true. */
  dictionary?: boolean;
  /** Converts one text to the house style for `fixToneStyle`; default: identity. */
  toneStyle?: (text: string, style: HouseStyle) => string;
  /** Converts one legacy run for `convertFontRuns`; default: the text unchanged. */
  legacyConverter?: (run: FontRun, from: 'tcvn3' | 'vni') => string;
  /** The built-in abbreviation list; default: a few entries of the real one. */
  builtinAbbreviations?: readonly AbbreviationEntry[];
};

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  house_style: 'hòa',
  headline_max_tieng: 12,
  headline_max_chars: 60,
  sapo_max_tieng: 60,
  sapo_max_chars: 300,
  abbreviations: '',
  allowed_abbreviations: '',
};

const nfc = (s: string): string => s.normalize('NFC');
const keyString = (k: FindingKey): string => [k.kind, k.text, k.before, k.after].join('\u0000');

/** The word before and after a code-point span, lowercase ('' at an edge), as Rust's `tokens` split words. */
function neighbours(text: string, start: number, end: number): { before: string; after: string } {
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => {
    const from = [...text.slice(0, m.index)].length;
    return { text: m[0].toLowerCase(), from, to: from + [...m[0]].length };
  });
  return { before: words.filter((w) => w.to <= start).at(-1)?.text ?? '', after: words.find((w) => w.from >= end)?.text ?? '' };
}

/** The key as Rust stores it: NFC, neighbouring words lowercase. */
const normalisedKey = (k: FindingKey): FindingKey => ({ kind: k.kind, text: nfc(k.text), before: nfc(k.before).toLowerCase(), after: nfc(k.after).toLowerCase() });

function mapText(node: PmNode, f: (s: string) => string): PmNode {
  const out: PmNode = { ...node };
  if (node.text != null) out.text = f(node.text);
  if (node.content != null) out.content = node.content.map((c) => mapText(c, f));
  return out;
}

export class MemoryChecks {
  private settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS };
  private words: string[] = [];
  /** Ignored findings per article, by key. */
  private ignored = new Map<number, Map<string, FindingKey>>();
  /** Inputs `checkDocument` was called with, for tests. */
  readonly checkInputs: CheckInput[] = [];

  constructor(private readonly options: MemoryCheckOptions = {}) {}

  check(input: CheckInput): CheckReport {
    this.checkInputs.push(JSON.parse(JSON.stringify(input)) as CheckInput);
    const fake = this.options.checker?.(input, { settings: { ...this.settings }, userWords: [...this.words] }) ?? [];
    const texts = (f: FakeFinding) =>
      f.field === 'headline'
        ? input.headline
        : f.field === 'sapo'
          ? input.sapo
          : f.field === 'caption'
            ? (input.captions[f.block] ?? '')
            : (input.blocks[f.block] ?? '');
    const all: ArticleFinding[] = fake.map((f) => ({ ...f, ...neighbours(nfc(texts(f)), f.start, f.end) }));
    const keys = input.article != null ? this.ignored.get(input.article) : undefined;
    const ignored = keys ? all.filter((f) => keys.has(keyString(f))) : [];
    const findings = keys ? all.filter((f) => !keys.has(keyString(f))) : all;
    return { findings, ignored, dictionary: this.options.dictionary ?? true };
  }

  ignore(articleId: number, key: FindingKey): void {
    if (!key.kind.trim() || !key.text) throw new AppError('invalid_input', 'Thiếu loại hoặc chữ của điểm cần bỏ qua.');
    const k = normalisedKey(key);
    const keys = this.ignored.get(articleId) ?? new Map<string, FindingKey>();
    keys.set(keyString(k), k);
    this.ignored.set(articleId, keys);
  }

  unignore(articleId: number, key: FindingKey): void {
    this.ignored.get(articleId)?.delete(keyString(normalisedKey(key)));
  }

  getSettings(): CheckSettings {
    return { ...this.settings };
  }

  setSettings(settings: CheckSettings): CheckSettings {
    const bad = invalidAbbreviationLines(settings.abbreviations)[0];
    if (bad !== undefined) {
      throw new AppError(
        'invalid_input',
        `Danh sách viết tắt, dòng ${bad}: viết “UBND = Ủy ban nhân dân” để thêm hoặc sửa một mục, hoặc “-UBND” để bỏ một mục có sẵn.`,
      );
    }
    const badAllowed = invalidAllowedLines(settings.allowed_abbreviations)[0];
    if (badAllowed !== undefined) {
      throw new AppError(
        'invalid_input',
        `Danh sách viết tắt được dùng không cần giải thích, dòng ${badAllowed}: viết các chữ viết tắt (\`FPT VNPT\`), hoặc \`-GDP\` để bỏ một mục có sẵn.`,
      );
    }
    this.settings = { ...settings, abbreviations: nfc(settings.abbreviations), allowed_abbreviations: nfc(settings.allowed_abbreviations) };
    return { ...this.settings };
  }

  abbreviations(): AbbreviationList {
    return abbreviationList(
      this.options.builtinAbbreviations ?? MEMORY_BUILTIN_ABBREVIATIONS,
      this.settings.abbreviations,
      MEMORY_BUILTIN_ALLOWED,
      this.settings.allowed_abbreviations,
    );
  }

  userWords(): string[] {
    return [...this.words];
  }

  addWord(word: string): string[] {
    const w = nfc(word.trim());
    if (!w || w.split(/\s+/).length > 4) throw new AppError('invalid_input', `“${w}” không phải một từ để thêm vào từ điển.`);
    if (!this.words.includes(w)) this.words = [...this.words, w].sort((a, b) => a.localeCompare(b, 'vi'));
    return this.userWords();
  }

  removeWord(word: string): string[] {
    const w = nfc(word.trim());
    this.words = this.words.filter((x) => x !== w);
    return this.userWords();
  }

  convertRuns(runs: FontRun[]): ConvertedRun[] {
    return runs.map((run) => {
      const from = legacyEncoding(run.font);
      if (!from) return { text: nfc(run.text), from: null };
      return { text: nfc(this.options.legacyConverter?.(run, from) ?? run.text), from };
    });
  }

  fixToneStyle(headline: string, sapo: string, body: PmNode): ToneStyleFix {
    const convert = this.options.toneStyle;
    let changed = 0;
    const f = (s: string): string => {
      if (!convert) return nfc(s);
      const out = nfc(convert(nfc(s), this.settings.house_style));
      const a = nfc(s).split(/\s+/);
      const b = out.split(/\s+/);
      changed += a.filter((w, i) => w !== b[i]).length;
      return out;
    };
    return { headline: f(headline), sapo: f(sapo), body: mapText(body, f), changed };
  }
}

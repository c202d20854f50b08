/**
 * The checks part of the in-memory Backend: settings and the newsroom dictionary kept in
 * memory, legacy-font runs recognised by font name, and findings / tone conversion supplied by
 * the test (the real rules live in Rust).
 */
import type { ArticleFinding } from '../bindings/ArticleFinding';
import type { CheckInput } from '../bindings/CheckInput';
import type { CheckReport } from '../bindings/CheckReport';
import type { CheckSettings } from '../bindings/CheckSettings';
import type { ConvertedRun } from '../bindings/ConvertedRun';
import type { FontRun } from '../bindings/FontRun';
import type { HouseStyle } from '../bindings/HouseStyle';
import type { PmNode } from '../bindings/PmNode';
import type { ToneStyleFix } from '../bindings/ToneStyleFix';
import { legacyEncoding } from '../text/legacy-font';
import { AppError } from './backend';

export type CheckState = { settings: CheckSettings; userWords: readonly string[] };

export type MemoryCheckOptions = {
  /** Produces the findings of `checkDocument`; default: none. */
  checker?: (input: CheckInput, state: CheckState) => ArticleFinding[];
  /** What `checkDocument` reports as `dictionary` (false = hunspell-vi missing). Default true. */
  dictionary?: boolean;
  /** Converts one text to the house style for `fixToneStyle`; default: identity. */
  toneStyle?: (text: string, style: HouseStyle) => string;
  /** Converts one legacy run for `convertFontRuns`; default: the text unchanged. */
  legacyConverter?: (run: FontRun, from: 'tcvn3' | 'vni') => string;
};

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  house_style: 'hòa',
  headline_max_tieng: 12,
  headline_max_chars: 60,
  sapo_max_tieng: 60,
  sapo_max_chars: 300,
  abbreviations: '',
};

const nfc = (s: string): string => s.normalize('NFC');
const ABBR_LINE = /^\s*[^=\s][^=]*=\s*\S/;

function mapText(node: PmNode, f: (s: string) => string): PmNode {
  const out: PmNode = { ...node };
  if (node.text != null) out.text = f(node.text);
  if (node.content != null) out.content = node.content.map((c) => mapText(c, f));
  return out;
}

export class MemoryChecks {
  private settings: CheckSettings = { ...DEFAULT_CHECK_SETTINGS };
  private words: string[] = [];
  /** Inputs `checkDocument` was called with, for tests. */
  readonly checkInputs: CheckInput[] = [];

  constructor(private readonly options: MemoryCheckOptions = {}) {}

  check(input: CheckInput): CheckReport {
    this.checkInputs.push(JSON.parse(JSON.stringify(input)) as CheckInput);
    const findings = this.options.checker?.(input, { settings: { ...this.settings }, userWords: [...this.words] }) ?? [];
    return { findings, dictionary: this.options.dictionary ?? true };
  }

  getSettings(): CheckSettings {
    return { ...this.settings };
  }

  setSettings(settings: CheckSettings): CheckSettings {
    const lines = settings.abbreviations.split('\n');
    lines.forEach((line, i) => {
      const t = line.trim();
      if (t && !t.startsWith('#') && !ABBR_LINE.test(line)) {
        throw new AppError('invalid_input', `Dòng ${i + 1} của danh sách viết tắt không đúng dạng “VIẾT TẮT = dạng đầy đủ”.`);
      }
    });
    this.settings = { ...settings, abbreviations: nfc(settings.abbreviations) };
    return { ...this.settings };
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

/**
 * Check settings in the settings panel: house tone style (named by example), headline and
 * sapo limits, the abbreviation list, and the newsroom dictionary. Each change is saved at
 * once; a rejected value keeps what the user typed and shows the backend's message.
 */
import type { CheckSettings } from '../bindings/CheckSettings';
import type { HouseStyle } from '../bindings/HouseStyle';
import { toAppError, type Backend } from '../backend/backend';
import { t } from '../i18n';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';

type LimitKey = 'headline_max_tieng' | 'headline_max_chars' | 'sapo_max_tieng' | 'sapo_max_chars';

export class CheckSettingsSection {
  readonly element: HTMLElement;
  private readonly houseStyle: HTMLSelectElement;
  private readonly limits: Record<LimitKey, HTMLInputElement>;
  private readonly abbreviations: HTMLTextAreaElement;
  private readonly words: HTMLElement;
  private readonly wordInput: HTMLInputElement;
  private readonly status: HTMLElement;
  private settings: CheckSettings | null = null;

  constructor(private readonly backend: Backend, private readonly onChanged: () => void) {
    this.houseStyle = el('select', { id: 'house-style' });
    const styles: Array<[HouseStyle, 'settings.houseStyleSecond' | 'settings.houseStyleFirst']> = [
      ['hoà', 'settings.houseStyleSecond'],
      ['hòa', 'settings.houseStyleFirst'],
    ];
    for (const [value, key] of styles) append(this.houseStyle, tr('option', key, { value, lang: 'vi' }));
    this.houseStyle.addEventListener('change', () => void this.save({ house_style: this.houseStyle.value as HouseStyle }));

    const limit = (id: string, key: LimitKey) => {
      const input = el('input', { id, type: 'number', min: 1, max: 10000, step: 1, class: 'limit-input' });
      input.addEventListener('change', () => {
        const n = Math.round(Number(input.value));
        if (Number.isFinite(n) && n > 0) void this.save({ [key]: n } as Partial<CheckSettings>);
        else if (this.settings) input.value = String(this.settings[key]);
      });
      return input;
    };
    this.limits = {
      headline_max_tieng: limit('headline-max-tieng', 'headline_max_tieng'),
      headline_max_chars: limit('headline-max-chars', 'headline_max_chars'),
      sapo_max_tieng: limit('sapo-max-tieng', 'sapo_max_tieng'),
      sapo_max_chars: limit('sapo-max-chars', 'sapo_max_chars'),
    };
    this.abbreviations = el('textarea', { id: 'abbreviations', rows: 5, spellcheck: 'false', class: 'mono', lang: 'vi' });
    this.abbreviations.addEventListener('change', () => void this.save({ abbreviations: this.abbreviations.value }));

    this.words = el('ul', { id: 'user-words', class: 'user-words' });
    this.wordInput = el('input', { id: 'user-word-input', type: 'text', lang: 'vi' });
    setAttrText(this.wordInput, 'placeholder', 'settings.addWordPlaceholder');
    const add = tr('button', 'settings.addWord', { id: 'user-word-add', type: 'button', class: 'btn small' });
    const addWord = () => void this.addWord(this.wordInput.value);
    add.addEventListener('click', addWord);
    this.wordInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        addWord();
      }
    });
    this.status = el('p', { id: 'check-settings-status', class: 'hint settings-status', role: 'status', 'aria-live': 'polite' });

    const limitRow = (key: 'settings.headlineMax' | 'settings.sapoMax', tieng: HTMLInputElement, chars: HTMLInputElement) =>
      el(
        'div',
        { class: 'limit-row' },
        tr('label', key, { for: tieng.id, class: 'limit-label' }),
        tieng,
        tr('span', 'settings.maxTieng'),
        chars,
        tr('span', 'settings.maxChars'),
      );
    this.element = el(
      'section',
      { id: 'check-settings', class: 'settings-section' },
      tr('h3', 'settings.checks', { class: 'section-title' }),
      el('div', { class: 'field' }, tr('label', 'settings.houseStyle', { for: 'house-style', class: 'field-label' }), this.houseStyle),
      limitRow('settings.headlineMax', this.limits.headline_max_tieng, this.limits.headline_max_chars),
      limitRow('settings.sapoMax', this.limits.sapo_max_tieng, this.limits.sapo_max_chars),
      el(
        'div',
        { class: 'field' },
        tr('label', 'settings.abbreviations', { for: 'abbreviations', class: 'field-label' }),
        this.abbreviations,
        tr('span', 'settings.abbreviationsHint', { class: 'hint' }),
      ),
      el('div', { class: 'field' }, tr('label', 'settings.dictionary', { for: 'user-word-input', class: 'field-label' }), el('div', { class: 'add-word' }, this.wordInput, add), this.words),
      this.status,
    );
  }

  /** Reads the settings and the dictionary (each time the panel opens). */
  async load(): Promise<void> {
    try {
      const [settings, words] = await Promise.all([this.backend.getCheckSettings(), this.backend.listUserWords()]);
      this.fill(settings);
      this.showWords(words);
    } catch (reason) {
      this.fail(reason);
    }
  }

  private fill(settings: CheckSettings): void {
    this.settings = settings;
    this.houseStyle.value = settings.house_style;
    for (const key of Object.keys(this.limits) as LimitKey[]) this.limits[key].value = String(settings[key]);
    this.abbreviations.value = settings.abbreviations;
  }

  private async save(change: Partial<CheckSettings>): Promise<void> {
    if (!this.settings) return;
    try {
      const saved = await this.backend.setCheckSettings({ ...this.settings, ...change });
      const typed = this.abbreviations.value;
      this.fill(saved);
      if (change.abbreviations === undefined) this.abbreviations.value = typed;
      setText(this.status, 'settings.saved');
      this.status.dataset.state = 'saved';
      this.onChanged();
    } catch (reason) {
      this.fail(reason);
    }
  }

  private fail(reason: unknown): void {
    this.status.textContent = toAppError(reason).message;
    delete this.status.dataset.i18n;
    this.status.dataset.state = 'error';
  }

  private showWords(words: readonly string[]): void {
    clear(this.words);
    if (words.length === 0) append(this.words, tr('li', 'settings.dictionaryEmpty', { class: 'hint user-words-empty' }));
    for (const word of words) {
      const remove = tr('button', 'settings.removeWord', { type: 'button', class: 'btn small quiet remove-user-word', 'data-word': word });
      remove.setAttribute('aria-label', t('settings.removeWordLabel', { word }));
      remove.addEventListener('click', () => void this.removeWord(word));
      append(this.words, el('li', { class: 'user-word', 'data-word': word }, el('span', { lang: 'vi' }, word), remove));
    }
  }

  private async addWord(word: string): Promise<void> {
    if (!word.trim()) return;
    try {
      this.showWords(await this.backend.addUserWord(word));
      this.wordInput.value = '';
      this.onChanged();
    } catch (reason) {
      this.fail(reason);
    }
  }

  private async removeWord(word: string): Promise<void> {
    try {
      this.showWords(await this.backend.removeUserWord(word));
      this.onChanged();
    } catch (reason) {
      this.fail(reason);
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

/** The settings panel: interface language, the check settings, photos and publishing. */
import type { LibraryInfo } from '../bindings/LibraryInfo';
import type { Locale } from '../bindings/Locale';
import { getLocale, LOCALE_NAMES } from '../i18n';
import type { CheckSettingsSection } from './check-settings';
import { append, el, relabel, setText, tr } from './dom';
import type { PhotoSettingsSection } from './photo-settings';
import type { SyncSettingsSection } from './sync-settings';

export class SettingsPanel {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;

  constructor(
    info: LibraryInfo,
    onLocale: (locale: Locale) => void,
    onClose: () => void,
    private readonly checks: CheckSettingsSection | null = null,
    private readonly photos: PhotoSettingsSection | null = null,
    private readonly publishing: SyncSettingsSection | null = null,
  ) {
    this.select = el('select', { id: 'locale-select' });
    for (const [value, name] of Object.entries(LOCALE_NAMES)) {
      // Each language is named in itself, so it reads the same in every locale.
      append(this.select, el('option', { value, lang: value }, name));
    }
    this.select.value = getLocale();
    this.select.addEventListener('change', () => onLocale(this.select.value as Locale));
    const close = tr('button', 'app.close', { type: 'button', class: 'btn small quiet' });
    close.addEventListener('click', onClose);
    this.element = el(
      'div',
      { id: 'settings-panel', class: 'popover', role: 'dialog', hidden: true },
      el('div', { class: 'popover-head' }, tr('h2', 'settings.title', { class: 'panel-title' }), close),
      el('div', { class: 'field' }, tr('label', 'settings.language', { for: 'locale-select', class: 'field-label' }), this.select),
      checks?.element,
      photos?.element,
      publishing?.element,
      setText(el('p', { class: 'hint library-path' }), 'settings.library', { path: info.path }),
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') onClose();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
    if (open) {
      this.select.value = getLocale();
      this.select.focus();
      void this.checks?.load();
      void this.photos?.load();
      void this.publishing?.load();
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

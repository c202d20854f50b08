/** Rendition settings in the settings panel: the web photo's long edge and JPEG quality. */
import type { PhotoSettings } from '../bindings/PhotoSettings';
import { toAppError, type Backend } from '../backend/backend';
import { el, relabel, setText, tr } from './dom';

type Field = { key: 'web_long_edge' | 'web_quality'; min: number; max: number; input: HTMLInputElement };

export class PhotoSettingsSection {
  readonly element: HTMLElement;
  private readonly fields: Field[];
  private readonly status: HTMLElement;
  private settings: PhotoSettings | null = null;

  constructor(private readonly backend: Backend) {
    const field = (id: string, key: Field['key'], min: number, max: number, step: number): Field => {
      const input = el('input', { id, type: 'number', min, max, step, class: 'limit-input' });
      const f = { key, min, max, input };
      input.addEventListener('change', () => void this.save(f));
      return f;
    };
    this.fields = [
      field('photo-web-long-edge', 'web_long_edge', 320, 8192, 10),
      field('photo-web-quality', 'web_quality', 30, 100, 1),
    ];
    this.status = el('p', { id: 'photo-settings-status', class: 'hint settings-status', role: 'status', 'aria-live': 'polite' });
    const [edge, quality] = this.fields;
    this.element = el(
      'section',
      { id: 'photo-settings', class: 'settings-section' },
      tr('h3', 'settings.photos', { class: 'section-title' }),
      el('div', { class: 'limit-row' }, tr('label', 'settings.webLongEdge', { for: edge!.input.id, class: 'limit-label' }), edge!.input),
      el('div', { class: 'limit-row' }, tr('label', 'settings.webQuality', { for: quality!.input.id, class: 'limit-label' }), quality!.input),
      tr('p', 'settings.photosHint', { class: 'hint' }),
      this.status,
    );
  }

  async load(): Promise<void> {
    try {
      this.show(await this.backend.getPhotoSettings());
    } catch (reason) {
      this.status.textContent = toAppError(reason).message;
    }
  }

  private show(settings: PhotoSettings): void {
    this.settings = settings;
    for (const f of this.fields) f.input.value = String(settings[f.key]);
  }

  private async save(f: Field): Promise<void> {
    const value = Math.round(Number(f.input.value));
    if (!this.settings || !Number.isFinite(value) || value < f.min || value > f.max) {
      if (this.settings) f.input.value = String(this.settings[f.key]);
      return;
    }
    try {
      this.show(await this.backend.setPhotoSettings({ ...this.settings, [f.key]: value }));
      setText(this.status, 'settings.saved');
    } catch (reason) {
      this.status.textContent = toAppError(reason).message;
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}

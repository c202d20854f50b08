/**
 * How a figure is edited in place: the caption is the editable content; the picture, its
 * toolbar (rotate, crop presets, free crop) and the credit and alt fields sit around it and
 * change the figure's attributes through transactions, so every change is undoable.
 */
import type { Node as PmDocNode } from 'prosemirror-model';
import { NodeSelection } from 'prosemirror-state';
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view';
import type { MediaItem } from '../bindings/MediaItem';
import type { I18n, MessageKey } from '../i18n';
import { CROP_RATIOS, normalizeCrop, presetCrop, rotateCrop, turnCrop, type CropPreset } from './crop';
import { CropBox } from './crop-box';
import type { FigureAttrs, ImageSource } from './figure-spec';
import { figureMissing, setFigureAttrs, type MissingField } from './figures';
import { el, NodeLabels } from './node-dom.svelte';
import { composeInField } from '../text/compose';

/** What figures need from outside the editor: a photo's size, for crop presets and turns. */
export type FigureContext = { mediaInfo: (id: number) => Promise<MediaItem>; imageSource: ImageSource };

const MISSING_KEYS: Record<MissingField, MessageKey> = {
  caption: 'figure.missingCaption',
  credit: 'figure.missingCredit',
  alt: 'figure.missingAlt',
};

export class FigureView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly media: HTMLElement;
  /** Exactly the picture's box: the free crop frame lies over it, never over the margins. */
  private readonly picture: HTMLElement;
  private readonly img: HTMLImageElement;
  private readonly credit: HTMLInputElement;
  private readonly alt: HTMLInputElement;
  private readonly missing: HTMLElement;
  private readonly labels: NodeLabels;
  private cropBox: CropBox | null = null;
  /** The photo's size once the library told it (a preset or a turn asked). */
  private size: { id: number; width: number; height: number } | null = null;

  constructor(
    private node: PmDocNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly i18n: I18n,
    private readonly context: FigureContext | null,
  ) {
    const labels = (this.labels = new NodeLabels(i18n));
    this.img = el('img', { class: 'figure-img', draggable: 'false' });
    this.img.addEventListener('mousedown', (e) => {
      e.preventDefault();
      this.select();
    });
    this.picture = el('div', { class: 'figure-picture' }, this.img);
    this.media = el('div', { class: 'figure-media', contenteditable: 'false' }, this.picture, this.toolbar());
    this.contentDOM = el('div', { class: 'figure-caption' });
    this.credit = this.field('figure-credit', 'credit');
    this.alt = this.field('figure-alt', 'alt');
    this.missing = el('p', { class: 'figure-missing', role: 'note' });
    const fields = el(
      'div',
      { class: 'figure-fields', contenteditable: 'false' },
      el('label', { class: 'figure-field' }, labels.text(el('span', { class: 'figure-label' }), 'figure.credit'), this.credit),
      el('label', { class: 'figure-field' }, labels.text(el('span', { class: 'figure-label' }), 'figure.alt'), this.alt),
      this.missing,
    );
    this.dom = el('figure', { class: 'figure' }, this.media, this.contentDOM, fields);
    labels.add(() => (this.contentDOM.dataset.placeholder = this.i18n.t('figure.captionPlaceholder')));
    this.sync();
    labels.add(() => this.showMissing());
  }

  private get attrs(): FigureAttrs {
    return this.node.attrs as FigureAttrs;
  }

  private toolbar(): HTMLElement {
    const bar = el('div', { class: 'figure-toolbar', role: 'toolbar' });
    /** `face` is literal ("16:9") or, when `faceKey` is given, a translated word. */
    const button = (cls: string, face: string, title: MessageKey, run: () => void, ratio?: string, faceKey?: MessageKey) => {
      const b = el('button', { type: 'button', class: `btn small ${cls}`, 'data-ratio': ratio }, face);
      if (faceKey) this.labels.text(b, faceKey);
      this.labels.attr(b, 'title', title);
      b.addEventListener('click', run);
      bar.appendChild(b);
    };
    button('figure-rotate', '⟳', 'figure.rotate', () => void this.rotate());
    for (const ratio of Object.keys(CROP_RATIOS) as CropPreset[]) {
      button('figure-crop', ratio, 'figure.cropRatio', () => void this.preset(ratio), ratio);
    }
    button('figure-crop', '', 'figure.cropFreeTitle', () => this.openCropBox(), 'free', 'figure.cropFree');
    button('figure-crop', '', 'figure.cropNoneTitle', () => this.change({ crop: null }), 'none', 'figure.cropNone');
    return bar;
  }

  private field(cls: string, attr: 'credit' | 'alt'): HTMLInputElement {
    const input = el('input', { type: 'text', class: cls, lang: 'vi', spellcheck: 'false' });
    this.labels.attr(input, 'placeholder', attr === 'credit' ? 'figure.creditPlaceholder' : 'figure.altPlaceholder');
    input.addEventListener('input', () => {
      composeInField(input);
      this.change({ [attr]: input.value });
    });
    return input;
  }

  private change(changes: Partial<FigureAttrs>): boolean {
    const pos = this.getPos();
    if (pos === undefined) return false;
    return setFigureAttrs(pos, changes)(this.view.state, this.view.dispatch);
  }

  private select(): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    this.view.dispatch(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)));
    this.view.focus();
  }

  /** The photo's pixel size, from the library (null without one). */
  private async photoSize(id: number): Promise<{ width: number; height: number } | null> {
    if (this.size?.id === id) return this.size;
    if (!this.context) return null;
    const { width, height } = await this.context.mediaInfo(id);
    this.size = { id, width, height };
    return this.size;
  }

  /**
   * A quarter turn clockwise. A crop keeps its shape (16:9 stays 16:9, centred where it was),
   * which needs the photo's size: at once when known, else once the library answers.
   */
  private async rotate(): Promise<void> {
    const before = this.attrs;
    const turn = (size: { width: number; height: number } | null) => {
      const crop = before.crop && (size ? normalizeCrop(turnCrop(before.crop, size.width, size.height, before.rotation)) : rotateCrop(before.crop));
      this.change({ rotation: (before.rotation + 1) % 4, crop });
    };
    if (!before.crop) return turn(null);
    if (this.size?.id === before.media_id) return turn(this.size);
    // Without the size (the library cannot say) the crop turns with the picture, shape and all.
    const size = await this.photoSize(before.media_id).catch(() => null);
    // Changed while the size was on its way (another turn, an undo): that change stands.
    if (this.attrs.media_id !== before.media_id || this.attrs.rotation !== before.rotation || this.attrs.crop !== before.crop) return;
    turn(size);
  }

  /** A centred crop of `ratio` on the photo as shown (its size comes from the library). */
  async preset(ratio: CropPreset): Promise<void> {
    const id = this.attrs.media_id;
    const size = await this.photoSize(id);
    // The figure may have changed while the size was on its way.
    if (!size || this.attrs.media_id !== id) return;
    this.change({ crop: normalizeCrop(presetCrop(CROP_RATIOS[ratio], size.width, size.height, this.attrs.rotation)) });
  }

  private openCropBox(): void {
    if (this.cropBox) return;
    this.cropBox = new CropBox(this.i18n, this.attrs.crop, () => this.img.getBoundingClientRect(), (rect) => {
      this.closeCropBox();
      if (rect) this.change({ crop: normalizeCrop(rect) });
      // Back to the figure, selected, so the keyboard carries on from where the crop began.
      this.select();
    });
    this.picture.appendChild(this.cropBox.element);
    this.dom.classList.add('figure-cropping');
    this.sync();
    this.cropBox.focus();
  }

  private closeCropBox(): void {
    this.cropBox?.destroy();
    this.cropBox = null;
    this.dom.classList.remove('figure-cropping');
    this.sync();
  }

  /** Puts the attributes into the picture and fields (after any change, undo included). */
  private sync(): void {
    const attrs = this.attrs;
    this.dom.dataset.mediaId = String(attrs.media_id);
    // While cropping freely the whole picture is shown, with the rectangle on top.
    const look = { crop: this.cropBox ? null : attrs.crop, rotation: attrs.rotation };
    const src = this.context?.imageSource(attrs.media_id, look) ?? null;
    if (src && this.img.getAttribute('src') !== src) this.img.setAttribute('src', src);
    this.img.alt = attrs.alt;
    if (this.credit.value !== attrs.credit) this.credit.value = attrs.credit;
    if (this.alt.value !== attrs.alt) this.alt.value = attrs.alt;
    const missing = figureMissing(this.node);
    this.dom.classList.toggle('figure-incomplete', missing.length > 0);
    this.dom.classList.toggle('figure-no-caption', missing.includes('caption'));
    this.credit.toggleAttribute('aria-invalid', missing.includes('credit'));
    this.alt.toggleAttribute('aria-invalid', missing.includes('alt'));
    this.showMissing(missing);
  }

  /** "Thiếu: …" under the fields, in the interface language (again after a switch). */
  private showMissing(missing = figureMissing(this.node)): void {
    const fields = missing.map((m) => this.labels.t(MISSING_KEYS[m])).join(', ');
    this.missing.textContent = missing.length ? this.labels.t('figure.missing', { fields }) : '';
    this.missing.hidden = missing.length === 0;
  }

  update(node: PmDocNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.sync();
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  /** Inputs, buttons and the crop box handle their own events; ProseMirror keeps out. */
  stopEvent(event: Event): boolean {
    const target = event.target as Node | null;
    return !!target && !this.contentDOM.contains(target);
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    this.cropBox?.destroy();
    this.labels.destroy();
  }
}

import { DOMParser as PmDOMParser, DOMSerializer } from 'prosemirror-model';
import { NodeSelection, TextSelection } from 'prosemirror-state';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageLook } from '../backend/backend';
import type { MediaItem } from '../bindings/MediaItem';
import type { PmNode } from '../bindings/PmNode';
import { I18n } from '../i18n';
import { jsonBlocks, textBlocks } from '../checks/blocks';
import { pmText } from '../text/pm-text';
import { BodyEditor, docFromJSON } from './body-editor';
import { undo } from './commands';
import { presetCrop, rotateCrop, CROP_RATIOS } from './crop';
import { exitFigcaption, figureFromMedia, incompleteFigures, insertFigures } from './figures';
import { schema } from './schema';

/** A figure exactly as Rust's `figure_attrs` writes it back. */
const FIGURE: PmNode = {
  type: 'figure',
  attrs: { media_id: 7, credit: 'Ảnh: Minh Châu', alt: 'Cầu Rồng lúc hoàng hôn', crop: { x: 0, y: 0.078125, width: 1, height: 0.84375 }, rotation: 1 },
  content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Cầu Rồng ' }, { type: 'text', marks: [{ type: 'em' }], text: 'phun lửa' }] }],
};
const DOC: PmNode = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mở đầu' }] }, FIGURE, { type: 'paragraph', content: [{ type: 'text', text: 'Kết' }] }],
};

const media = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: 3, hash: 'h', format: 'jpeg', width: 6000, height: 4000, bytes: 1, original_name: 'a.jpg', caption: '', credit: '',
  by_line: '', copyright: '', keywords: [], date_taken: null, camera: null, had_gps: false, imported_at: '', ...over,
});

/** Editors made by a test, destroyed after it: a live view's DOM observer would otherwise fire after the page is gone. */
const mounted: BodyEditor[] = [];

function mount(doc: PmNode | null = DOC): BodyEditor {
  const host = document.body.appendChild(document.createElement('div'));
  const editor = new BodyEditor(host, { doc, i18n: new I18n('vi') });
  mounted.push(editor);
  return editor;
}

afterEach(async () => {
  for (const editor of mounted.splice(0)) editor.destroy();
  document.body.textContent = '';
  // A view stopped with DOM changes pending flushes them 20 ms later: let that run while the page exists.
  await new Promise((resolve) => setTimeout(resolve, 30));
});

describe('figure schema', () => {
  it('round-trips a figure in the JSON shape Rust validates, all five attrs present', () => {
    const json = docFromJSON(DOC).toJSON() as PmNode;
    expect(json).toEqual(DOC);
    const attrs = json.content![1]!.attrs!;
    expect(Object.keys(attrs).sort()).toEqual(['alt', 'credit', 'crop', 'media_id', 'rotation']);
  });

  it('fills defaults for a bare figure and refuses one without a photo or with a bad crop', () => {
    const bare = docFromJSON({ type: 'doc', content: [{ type: 'figure', attrs: { media_id: 2 }, content: [{ type: 'figcaption' }] }] });
    expect(bare.toJSON().content[0].attrs).toEqual({ media_id: 2, credit: '', alt: '', crop: null, rotation: 0 });
    expect(() => docFromJSON({ type: 'doc', content: [{ type: 'figure', content: [{ type: 'figcaption' }] }] }).check()).toThrow();
    const badCrop = { type: 'doc', content: [{ type: 'figure', attrs: { media_id: 2, crop: { x: 0.5, y: 0, width: 0.8, height: 1 } }, content: [{ type: 'figcaption' }] }] };
    expect(() => docFromJSON(badCrop).check()).toThrow();
  });

  it('serializes to <figure data-media-id> with the image and <figcaption>, and parses back', () => {
    const doc = docFromJSON(DOC);
    const dom = DOMSerializer.fromSchema(schema).serializeFragment(doc.content);
    const figure = dom.querySelector('figure')!;
    expect(figure.getAttribute('data-media-id')).toBe('7');
    // The schema knows no backend: the node view and the history preview give the picture its address.
    expect(figure.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe('Cầu Rồng lúc hoàng hôn');
    expect(figure.querySelector('figcaption')!.textContent).toBe('Cầu Rồng phun lửa');
    const wrap = document.createElement('div');
    wrap.appendChild(dom);
    expect(PmDOMParser.fromSchema(schema).parse(wrap).toJSON()).toEqual(DOC);
  });

  it('keeps only em, strong and link in a caption', () => {
    expect(schema.nodes.figcaption.allowsMarkType(schema.marks.em)).toBe(true);
    expect(schema.nodes.figcaption.allowsMarkType(schema.marks.link)).toBe(true);
    expect(schema.nodes.figcaption.allowsMarkType(schema.marks.strong)).toBe(true);
    expect(schema.nodes.figure.contentMatch.matchType(schema.nodes.paragraph)).toBeNull();
  });
});

describe('figure in the editor', () => {
  it('edits the caption in place and counts it in the body, but the checks see only paragraphs and headings', () => {
    const editor = mount();
    const caption = editor.view.dom.querySelector('figure .figure-caption figcaption')!;
    expect(caption.textContent).toBe('Cầu Rồng phun lửa');
    const before = editor.counts().tieng;
    let end = 0;
    editor.doc.descendants((n, pos) => void (n.type.name === 'figcaption' && (end = pos + n.nodeSize - 1)));
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.doc, end)).insertText(' Đà Nẵng'));
    expect(editor.view.dom.querySelector('figcaption')!.textContent).toBe('Cầu Rồng phun lửa Đà Nẵng');
    expect(editor.counts().tieng).toBe(before + 2);
    expect(pmText(editor.toJSON())).toContain('phun lửa Đà Nẵng');
    expect(textBlocks(editor.doc).map((b) => b.text)).toEqual(['Mở đầu', 'Kết']);
    expect(jsonBlocks(editor.toJSON())).toEqual(['Mở đầu', 'Kết']);
  });

  it('changes credit and alt through undoable transactions', () => {
    const editor = mount();
    const credit = editor.view.dom.querySelector<HTMLInputElement>('.figure-credit')!;
    const alt = editor.view.dom.querySelector<HTMLInputElement>('.figure-alt')!;
    expect(credit.value).toBe('Ảnh: Minh Châu');
    credit.value = 'Ảnh: TTXVN';
    credit.dispatchEvent(new Event('input', { bubbles: true }));
    expect(editor.toJSON().content![1]!.attrs!.credit).toBe('Ảnh: TTXVN');
    alt.value = '';
    alt.dispatchEvent(new Event('input', { bubbles: true }));
    expect(editor.view.dom.querySelector('figure')!.classList.contains('figure-incomplete')).toBe(true);
    expect(editor.view.dom.querySelector('.figure-missing')!.textContent).toContain('mô tả ảnh');
    // Two separate edits far apart in history terms: undo everything back to the start.
    while (undo(editor.view.state, editor.view.dispatch));
    expect(editor.toJSON()).toEqual(DOC);
    expect(credit.value).toBe('Ảnh: Minh Châu');
    expect(alt.value).toBe('Cầu Rồng lúc hoàng hôn');
    expect(editor.view.dom.querySelector('figure')!.classList.contains('figure-incomplete')).toBe(false);
  });

  it('rotates and crops from the figure toolbar in one undoable step each, with a new image URL', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const figures = { mediaInfo: async (id: number) => media({ id }), imageSource: (id: number, look: ImageLook) => `media://localhost/${id}/web?${JSON.stringify(look)}` };
    const editor = new BodyEditor(host, { doc: DOC, i18n: new I18n('vi'), figures });
    const img = () => editor.view.dom.querySelector<HTMLImageElement>('.figure-img')!.getAttribute('src');
    const first = img();
    editor.view.dom.querySelector<HTMLButtonElement>('.figure-crop[data-ratio="1:1"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
    // Rotation 1: the 6000×4000 photo is shown 4000×6000, so a square keeps the full width.
    expect(editor.toJSON().content![1]!.attrs!.crop).toEqual({ x: 0, y: 0.166667, width: 1, height: 0.666667 });
    expect(img()).not.toBe(first);
    editor.view.dom.querySelector<HTMLButtonElement>('.figure-rotate')!.click();
    expect(editor.toJSON().content![1]!.attrs).toMatchObject({ rotation: 2 });
    editor.view.dom.querySelector<HTMLButtonElement>('.figure-crop[data-ratio="none"]')!.click();
    expect(editor.toJSON().content![1]!.attrs!.crop).toBeNull();
    undo(editor.view.state, editor.view.dispatch);
    undo(editor.view.state, editor.view.dispatch);
    expect(editor.toJSON().content![1]!.attrs).toMatchObject({ rotation: 1 });
  });

  it('applies a free crop from the crop box', () => {
    const editor = mount();
    editor.view.dom.querySelector<HTMLButtonElement>('.figure-crop[data-ratio="free"]')!.click();
    expect(editor.view.dom.querySelector('.crop-box .crop-frame')).not.toBeNull();
    expect(editor.view.dom.querySelectorAll('.crop-handle')).toHaveLength(4);
    editor.view.dom.querySelector<HTMLButtonElement>('.crop-apply')!.click();
    expect(editor.view.dom.querySelector('.crop-box')).toBeNull();
    // The box opens on the current crop; applying it keeps that crop.
    expect(editor.toJSON().content![1]!.attrs!.crop).toEqual(FIGURE.attrs!.crop);
  });

  it('inserts figures prefilled from the photo, after the figure the cursor is in', () => {
    const editor = mount();
    const view = editor.view;
    let inCaption = 0;
    editor.doc.descendants((n, pos) => void (n.type.name === 'figcaption' && (inCaption = pos + 1)));
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, inCaption)));
    insertFigures([media({ id: 9, caption: 'Chú thích gốc', credit: '', by_line: 'Lê Hùng' })])(view.state, view.dispatch);
    const json = editor.toJSON();
    expect(json.content!.map((n) => n.type)).toEqual(['paragraph', 'figure', 'figure', 'paragraph']);
    expect(json.content![2]).toEqual({
      type: 'figure',
      attrs: { media_id: 9, credit: 'Lê Hùng', alt: '', crop: null, rotation: 0 },
      content: [{ type: 'figcaption', content: [{ type: 'text', text: 'Chú thích gốc' }] }],
    });
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, 8)));
    expect(view.dom.querySelectorAll('figure.figure-active')).toHaveLength(1);
  });

  it('leaves the caption for a new paragraph on Enter', () => {
    const editor = mount({ type: 'doc', content: [FIGURE] });
    const view = editor.view;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 3)));
    exitFigcaption(view.state, view.dispatch);
    view.dispatch(view.state.tr.insertText('Đoạn sau'));
    expect(editor.toJSON().content!.map((n) => n.type)).toEqual(['figure', 'paragraph']);
    expect(editor.toJSON().content![1]!.content![0]!.text).toBe('Đoạn sau');
  });

  it('lists incomplete figures by number with what each lacks', () => {
    const doc = schema.node('doc', null, [
      figureFromMedia(media({ id: 1, caption: 'Có chú thích', credit: 'Ảnh: A' })),
      schema.nodes.figure.create({ media_id: 2, credit: 'B', alt: 'mô tả' }, schema.nodes.figcaption.create(null, schema.text('Đủ'))),
      figureFromMedia(media({ id: 3 })),
    ]);
    expect(incompleteFigures(doc).map(({ number, missing }) => ({ number, missing }))).toEqual([
      { number: 1, missing: ['alt'] },
      { number: 3, missing: ['caption', 'credit', 'alt'] },
    ]);
  });
});

describe('node view labels', () => {
  it("relabel a figure (fields, buttons, what it lacks, the crop box) when the app's language changes", () => {
    const i18n = new I18n('vi');
    const host = document.body.appendChild(document.createElement('div'));
    const incomplete: PmNode = { ...FIGURE, attrs: { ...FIGURE.attrs, alt: '' } };
    const editor = new BodyEditor(host, { doc: { type: 'doc', content: [incomplete] }, i18n });
    const dom = editor.view.dom;
    const labels = () => [...dom.querySelectorAll('.figure-label')].map((e) => e.textContent);
    const q = <T extends HTMLElement>(selector: string) => dom.querySelector<T>(selector)!;
    expect(labels()).toEqual(['Tác giả ảnh', 'Mô tả ảnh (alt)']);
    expect(q('.figure-missing').textContent).toBe('Còn thiếu: mô tả ảnh');
    q<HTMLButtonElement>('.figure-crop[data-ratio="free"]').click();
    expect(q('.crop-apply').textContent).toBe('Cắt');

    i18n.set('en');
    flushSync();
    expect(labels()).toEqual(['Photo credit', 'Alt text']);
    expect(q('.figure-missing').textContent).toBe('Missing: alt text');
    expect(q('.figure-rotate').title).toBe('Rotate 90° clockwise');
    expect(q('.figure-crop[data-ratio="none"]').textContent).toBe('No crop');
    expect(q<HTMLInputElement>('.figure-credit').placeholder).toBe('e.g. Photo: Nguyen Van A');
    expect(q('.figure-caption').dataset.placeholder).toBe('Caption');
    expect(q('.crop-apply').textContent).toBe('Crop');
    expect(q('.crop-hint').textContent).toBe('Drag the frame to move it, a corner to resize it');
    // What the figure lacks follows its fields in the new language too.
    const alt = q<HTMLInputElement>('.figure-alt');
    alt.value = 'Cầu';
    alt.dispatchEvent(new Event('input', { bubbles: true }));
    const credit = q<HTMLInputElement>('.figure-credit');
    credit.value = '';
    credit.dispatchEvent(new Event('input', { bubbles: true }));
    expect(q('.figure-missing').textContent).toBe('Missing: credit');
  });

  it('relabels a kept WordPress block when the language changes, and no longer once the editor is gone', () => {
    const i18n = new I18n('vi');
    const host = document.body.appendChild(document.createElement('div'));
    const html = '<!-- wp:gallery -->\n<figure class="wp-block-gallery"><img src="x"></figure>\n<!-- /wp:gallery -->';
    const editor = new BodyEditor(host, { doc: { type: 'doc', content: [{ type: 'raw_block', attrs: { html } }] }, i18n });
    const block = editor.view.dom.querySelector('.raw-block')!;
    expect(block.textContent).toBe('Khối WordPress giữ nguyên (chỉ đọc): core/gallery');
    expect(block.getAttribute('contenteditable')).toBe('false');
    i18n.set('en');
    flushSync();
    expect(block.textContent).toBe('WordPress block kept as is (read-only): core/gallery');
    expect(editor.toJSON().content![0]!.attrs!.html).toBe(html);
    editor.destroy();
    i18n.set('vi');
    flushSync();
    expect(block.textContent).toBe('WordPress block kept as is (read-only): core/gallery');
  });
});

describe('crop presets', () => {
  it('centres a 16:9 crop on a 6000×4000 photo', () => {
    expect(presetCrop(CROP_RATIOS['16:9'], 6000, 4000, 0)).toEqual({ x: 0, y: 0.078125, width: 1, height: 0.84375 });
  });
  it('uses the size as shown for a rotated photo', () => {
    expect(presetCrop(CROP_RATIOS['16:9'], 6000, 4000, 1)).toEqual({ x: 0, y: 0.3125, width: 1, height: 0.375 });
    expect(presetCrop(CROP_RATIOS['16:9'], 6000, 4000, 2)).toEqual(presetCrop(16 / 9, 6000, 4000, 0));
  });
  it('crops the sides of a wide photo', () => {
    expect(presetCrop(CROP_RATIOS['1:1'], 6000, 4000, 0)).toEqual({ x: 0.166667, y: 0, width: 0.666667, height: 1 });
    expect(presetCrop(CROP_RATIOS['4:3'], 4000, 3000, 0)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });
  it('keeps the same part of the picture when turning', () => {
    const crop = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    expect(rotateCrop(crop)).toEqual({ x: 0.4, y: 0.1, width: 0.4, height: 0.3 });
    let turned: typeof crop | null = crop;
    for (let i = 0; i < 4; i++) turned = rotateCrop(turned);
    expect(turned).toEqual(crop);
  });
});

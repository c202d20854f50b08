import { Node as PmDocNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import type { PmNode } from '../bindings/PmNode';
import { BodyEditor, docCounts, docFromJSON } from './body-editor';
import { redo, setLink, toggleStrong, undo } from './commands';
import { schema } from './schema';
import { destroyEditors, mountEditor } from './testing';

const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', marks, text: t } : { type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });

/** Every node and mark of the schema, in the JSON shape the Rust side validates. */
const EVERYTHING: PmNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Tiêu đề mục')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Tiêu đề nhỏ')] },
    para(
      text('Đậm', [{ type: 'strong' }]),
      text(' nghiêng', [{ type: 'em' }]),
      { type: 'hard_break' },
      text('liên kết', [{ type: 'link', attrs: { href: 'https://vnexpress.net', title: null } }]),
    ),
    { type: 'blockquote', content: [para(text('Trích dẫn'))] },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [para(text('một'))] }] },
    {
      type: 'ordered_list',
      attrs: { order: 1 },
      content: [{ type: 'list_item', content: [para(text('hai')), { type: 'bullet_list', content: [{ type: 'list_item', content: [para(text('ba'))] }] }] }],
    },
  ],
};

const mount = mountEditor;
afterEach(destroyEditors);

/** jsdom has no ClipboardEvent; ProseMirror only needs an event object to pass along. */
const pasteEvent = () => new Event('paste', { cancelable: true }) as ClipboardEvent;

function selectText(editor: BodyEditor, needle: string): void {
  let from = -1;
  editor.doc.descendants((node, pos) => {
    if (from === -1 && node.isText && node.text!.includes(needle)) from = pos + node.text!.indexOf(needle);
  });
  const { state } = editor.view;
  editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, from + needle.length)));
}

describe('schema', () => {
  it('round-trips every node and mark through JSON unchanged', () => {
    const doc = PmDocNode.fromJSON(schema, EVERYTHING);
    expect(doc.toJSON()).toEqual(EVERYTHING);
    doc.check();
  });
  it('refuses heading levels other than 2 and 3', () => {
    expect(() => PmDocNode.fromJSON(schema, { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] })).toThrow();
  });
  it('drops javascript: links when parsing HTML and when rendering', () => {
    const editor = mount(null);
    editor.view.pasteHTML('<p><a href="javascript:alert(1)">xấu</a> <a href="https://ok.vn">tốt</a></p>', pasteEvent());
    const links: string[] = [];
    editor.doc.descendants((n) => {
      const link = n.marks.find((m) => m.type === schema.marks.link);
      if (link) links.push(String(link.attrs.href));
    });
    expect(links).toEqual(['https://ok.vn']);
    const bad = schema.marks.link.create({ href: 'javascript:alert(1)', title: null });
    const spec = schema.marks.link.spec.toDOM!(bad, true) as [string, Record<string, string>];
    expect(spec[1].href).toBeUndefined();
  });
});

describe('commands', () => {
  it('makes the selection bold with the command and with Mod-b', () => {
    const editor = mount({ type: 'doc', content: [para(text('Hải Phòng sáng nay'))] });
    selectText(editor, 'Hải');
    toggleStrong(editor.view.state, editor.view.dispatch);
    expect(editor.toJSON().content![0]!.content![0]).toEqual(text('Hải', [{ type: 'strong' }]));

    selectText(editor, 'sáng');
    editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', ctrlKey: true, bubbles: true, cancelable: true }));
    const strong = editor.toJSON().content![0]!.content!.filter((n) => n.marks?.some((m) => m.type === 'strong'));
    expect(strong.map((n) => n.text)).toEqual(['Hải', 'sáng']);
  });
  it('links only http, https and mailto addresses', () => {
    const editor = mount({ type: 'doc', content: [para(text('xem thêm'))] });
    selectText(editor, 'xem');
    expect(setLink('javascript:alert(1)')(editor.view.state, editor.view.dispatch)).toBe(false);
    expect(setLink('  JavaScript:alert(1)')(editor.view.state, editor.view.dispatch)).toBe(false);
    expect(setLink('data:text/html,x')(editor.view.state, editor.view.dispatch)).toBe(false);
    expect(JSON.stringify(editor.toJSON())).not.toContain('link');
    expect(setLink('mailto:toasoan@example.vn')(editor.view.state, editor.view.dispatch)).toBe(true);
    expect(setLink('https://example.vn/a')(editor.view.state, editor.view.dispatch)).toBe(true);
    expect(editor.toJSON().content![0]!.content![0]!.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.vn/a', title: null } }]);
  });
  it('undoes and redoes', () => {
    const editor = mount({ type: 'doc', content: [para(text('gốc'))] });
    const before = editor.toJSON();
    editor.view.dispatch(editor.view.state.tr.insertText(' thêm', 4));
    const after = editor.toJSON();
    expect(after).not.toEqual(before);
    expect(undo(editor.view.state, editor.view.dispatch)).toBe(true);
    expect(editor.toJSON()).toEqual(before);
    expect(redo(editor.view.state, editor.view.dispatch)).toBe(true);
    expect(editor.toJSON()).toEqual(after);
  });
});

describe('paste', () => {
  it('stores pasted NFD text as NFC', () => {
    const editor = mount(null);
    const nfd = 'Dương Kinh, Đà Nẵng'.normalize('NFD');
    editor.view.pasteText(nfd, pasteEvent());
    const pasted = editor.doc.textContent;
    expect(pasted).toBe('Dương Kinh, Đà Nẵng'.normalize('NFC'));
    expect(pasted.normalize('NFC')).toBe(pasted);
  });
  it('stores pasted NFD HTML as NFC', () => {
    const editor = mount(null);
    editor.view.pasteHTML(`<p>${'Hoà bình'.normalize('NFD')}</p>`, pasteEvent());
    expect(editor.doc.textContent).toBe('Hoà bình'.normalize('NFC'));
  });
});

describe('counts', () => {
  it('counts tiếng and characters of a doc, blocks as whitespace', () => {
    expect(docCounts(docFromJSON(EVERYTHING))).toEqual({
      tieng: 15,
      chars: [...'Tiêu đề mục\nTiêu đề nhỏ\nĐậm nghiêng\nliên kết\nTrích dẫn\nmột\nhai\nba'].length,
    });
  });
});

describe('counts while typing', () => {
  const figure: PmNode = {
    type: 'figure',
    attrs: { media_id: 7, credit: 'Ảnh: Minh Châu', alt: 'Cầu Rồng', crop: null, rotation: 0 },
    content: [{ type: 'figcaption', content: [text('Cầu Rồng phun lửa')] }],
  };
  const raw: PmNode = { type: 'raw_block', attrs: { html: '<!-- wp:embed --><p>x</p>' } };
  const docs: PmNode[] = [
    EVERYTHING,
    { type: 'doc', content: [raw, para(text('Mở đầu')), figure, raw, para(text('Kết'))] },
    { type: 'doc', content: [para()] },
    { type: 'doc', content: [raw] },
    { type: 'doc', content: [para(text('🇻🇳 Cờ ')), para(text('Hoà bình'.normalize('NFD')))] },
  ];

  it('adds up per-block counts to the same figures as counting the whole text', () => {
    for (const json of docs) {
      const doc = docFromJSON(json);
      const editor = mount(json);
      expect(editor.counts()).toEqual(docCounts(doc));
    }
  });

  it('follows each keystroke, recounting only the edited block', () => {
    const editor = mount(docs[1]!);
    editor.counts();
    const before = editor.doc;
    for (const ch of ' Dương Kinh') {
      const end = editor.doc.child(1).nodeSize + editor.doc.child(0).nodeSize - 1;
      editor.view.dispatch(editor.view.state.tr.insertText(ch, end));
      expect(editor.counts()).toEqual(docCounts(editor.doc));
    }
    // The blocks not typed in are the same nodes: their counts were kept.
    expect(editor.doc.child(2)).toBe(before.child(2));
    expect(editor.counts()).toEqual({ ...docCounts(before), tieng: docCounts(before).tieng + 2, chars: docCounts(before).chars + 11 });
  });
});

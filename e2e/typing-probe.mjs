// What the typing benchmark and the typing end-to-end test share: generated Vietnamese articles,
// the keys typed (precomposed and decomposed), the plain contenteditable put beside the editor
// as the reference, and the in-page probe that times each key from keydown to the second
// animation frame after its change reached the page: its `input` event, or, where the editor
// writes typed text itself and the browser sends no `input`, the first change of that text.

/** Deterministic Vietnamese news text (the Rust bench's generator, in short). */
const SUBJECTS = ['UBND quận', 'Công an phường', 'Sở Giao thông vận tải', 'người dân', 'lực lượng chức năng', 'Ban quản lý dự án', 'doanh nghiệp', 'học sinh', 'chính quyền địa phương'];
const VERBS = ['triển khai', 'kiểm tra', 'tổ chức', 'hoàn thành', 'khởi công', 'đề xuất', 'phối hợp', 'xử lý', 'hỗ trợ', 'khắc phục', 'đánh giá'];
const OBJECTS = ['dự án nâng cấp tuyến đường', 'kế hoạch phòng chống thiên tai', 'chương trình an toàn giao thông', 'công tác phòng cháy chữa cháy', 'mô hình khu dân cư văn minh', 'hệ thống thoát nước đô thị', 'thế trận liên hoàn bảo vệ an ninh trật tự'];
const PLACES = ['Hà Nội', 'Đà Nẵng', 'Hải Phòng', 'Dương Kinh', 'Quảng Ninh', 'Cần Thơ', 'Huế', 'Nghệ An', 'Khánh Hòa', 'Lê Chân'];
const TAILS = ['trong tháng tới', 'với tổng kinh phí hơn 20 tỷ đồng', 'theo chỉ đạo của thành phố', 'nhằm bảo đảm an toàn', 'trước mùa mưa bão', 'từ đầu năm đến nay'];
const OPENERS = ['Sáng nay,', 'Chiều 15-7,', 'Ngày 2-3,', 'Tối qua,', 'Hôm nay,'];
/** A few slips a check reports, so the long article carries underlines as real drafts do. */
const SLIPS = ['ngừoi', 'thàng', 'quyêt', 'nghiêm trong'];

function rng(seed) {
  let s = seed;
  return (items) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return items[(s >>> 0) % items.length];
  };
}

/** Paragraphs of ~125 tiếng totalling at least `tieng`, a slip every few sentences. */
export function articleParagraphs(tieng, seed = 7) {
  const pick = rng(seed);
  const out = [];
  let count = 0;
  let n = 0;
  while (count < tieng) {
    const sentences = [];
    const perParagraph = tieng < 400 ? 2 : 6;
    for (let i = 0; i < perParagraph && count < tieng; i++) {
      const slip = ++n % 5 === 0 ? ` ${pick(SLIPS)}` : '';
      const s = `${pick(OPENERS)} ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}${slip} tại ${pick(PLACES)} ${pick(TAILS)}.`;
      count += s.split(/\s+/).length;
      sentences.push(s);
    }
    out.push(sentences.join(' '));
  }
  return out;
}

/** What is typed: precomposed (one key a letter, as Telex/VNI in Unikey's default mode commit). */
export const TYPED_PRECOMPOSED = 'Người dân phường Hải Sơn vui mừng khi con đường hoàn thành sau hai năm thi công. ';
/** Decomposed ("tổ hợp"): a base letter, then each combining mark as a key of its own. */
export const TYPED_DECOMPOSED = 'Đường ven biển được mở rộng thêm ba làn xe. '.normalize('NFD');

/** The keys of `text`, one per code point. */
export const keysOf = (text) => [...text];

/**
 * Installs the probe (once) and the reference: a plain contenteditable with the article's
 * paragraphs, in the editor's place (the same column, scroller and type), hidden until a
 * reference run shows it in the editor's stead.
 */
export const INSTALL = `
  const paragraphs = arguments[0];
  if (!window.__typing) {
    const probe = { keys: [], pending: [], frames: [], inputs: 0, active: false };
    window.__typing = probe;
    const now = () => performance.now();
    const frame = () => {
      if (!probe.active) return;
      const t = now();
      probe.frames.push(t);
      requestAnimationFrame(frame);
    };
    probe.start = () => {
      probe.keys = [];
      probe.pending = [];
      probe.frames = [];
      probe.inputs = 0;
      probe.active = true;
      requestAnimationFrame(frame);
    };
    probe.stop = () => {
      probe.active = false;
    };
    window.addEventListener('keydown', (e) => {
      if (!probe.active || e.key.length === 0 || e.key === 'Unidentified') return;
      // The event's own time stamp also counts the time it waited in the queue.
      const t = e.timeStamp > 0 && e.timeStamp <= now() ? e.timeStamp : now();
      const key = { key: e.key, down: t, input: 0, handled: 0, painted: 0 };
      probe.keys.push(key);
      probe.pending.push(key);
    }, true);
    // A task queued at \`input\` runs once the editor has handled the key (its DOM observer,
    // transaction and view update run before it): keydown to then is the key's script time.
    const channel = new MessageChannel();
    const handled = [];
    channel.port1.onmessage = () => {
      const key = handled.shift();
      if (key) key.handled = now();
    };
    // A key's change: its \`input\` event, or the first change of the text it made where an
    // editor writes the text itself and the browser sends no \`input\` (whichever comes first).
    const input = () => {
      const key = probe.pending.shift();
      if (!key) return;
      if (probe.active) probe.inputs++;
      key.input = now();
      handled.push(key);
      channel.port2.postMessage(0);
      requestAnimationFrame(() => requestAnimationFrame(() => (key.painted = now())));
    };
    document.addEventListener('input', input, true);
    probe.changed = new MutationObserver(input);
    const ref = document.createElement('div');
    ref.id = 'typing-reference';
    ref.contentEditable = 'true';
    ref.spellcheck = false;
    ref.lang = 'vi';
    ref.hidden = true;
    // The second reference ("scripted"): the same plain element, but its page inserts each typed
    // character itself (cancels \`beforeinput\`, inserts the text, puts the caret after it): the
    // work an editor that writes typed text into its document cannot avoid.
    ref.addEventListener('beforeinput', (e) => {
      if (!probe.scripted || e.inputType !== 'insertText' || e.isComposing || !e.data) return;
      const sel = getSelection();
      if (!sel.rangeCount || !sel.isCollapsed) return;
      let node = sel.focusNode;
      let offset = sel.focusOffset;
      if (node.nodeType !== Node.TEXT_NODE) {
        const before = node.childNodes[offset - 1];
        if (!before || before.nodeType !== Node.TEXT_NODE) return;
        node = before;
        offset = before.length;
      }
      e.preventDefault();
      node.insertData(offset, e.data);
      sel.collapse(node, offset + e.data.length);
    });
    probe.ref = ref;
  }
  const ref = window.__typing.ref;
  const body = document.querySelector('#body .ProseMirror');
  body.after(ref);
  window.__typing.changed.disconnect();
  for (const root of [body, ref]) window.__typing.changed.observe(root, { characterData: true, childList: true, subtree: true });
  const style = getComputedStyle(body);
  const first = body.querySelector('p');
  const margin = first ? getComputedStyle(first).margin : '0';
  ref.replaceChildren(...paragraphs.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    p.style.margin = margin;
    return p;
  }));
  Object.assign(ref.style, {
    font: style.font, lineHeight: style.lineHeight, padding: style.padding, minHeight: style.minHeight,
    whiteSpace: style.whiteSpace, wordWrap: style.wordWrap, outline: 'none',
  });
  return true;
`;

/**
 * Shows the target ('app', 'reference', or 'scripted': the reference inserting typed text by
 * script) and puts the caret in its middle paragraph, after \`offset\` characters (default: at
 * its end), scrolled into view. Returns the paragraph's
 * index and its text.
 */
export const PLACE_CARET = `
  const [target, offset] = arguments;
  const ref = window.__typing.ref;
  const editor = document.querySelector('#body .ProseMirror');
  const plain = target !== 'app';
  window.__typing.scripted = target === 'scripted';
  ref.hidden = !plain;
  editor.style.display = plain ? 'none' : '';
  const root = plain ? ref : editor;
  const blocks = [...root.children].filter((b) => b.tagName === 'P');
  const index = Math.floor(blocks.length / 2);
  const p = blocks[index];
  root.focus();
  const range = document.createRange();
  range.selectNodeContents(p);
  range.collapse(false);
  if (typeof offset === 'number') {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let left = offset;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (left <= node.length) {
        range.setStart(node, left);
        range.collapse(true);
        break;
      }
      left -= node.length;
    }
  }
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  p.scrollIntoView({ block: 'center' });
  return { index, text: p.textContent };
`;

/** The paragraph the caret was put in, and where the caret is now (offset in it). */
export const READ_PARAGRAPH = `
  const [target, index] = arguments;
  const root = target === 'reference' ? window.__typing.ref : document.querySelector('#body .ProseMirror');
  const p = [...root.children].filter((b) => b.tagName === 'P')[index];
  const sel = getSelection();
  let caret = -1;
  if (sel.rangeCount && p.contains(sel.focusNode)) {
    const r = document.createRange();
    r.selectNodeContents(p);
    r.setEnd(sel.focusNode, sel.focusOffset);
    caret = r.toString().length;
  }
  return { text: p.textContent, caret, length: p.textContent.length };
`;

/** WebDriver key actions for `keys`: each pressed and released, `pauseMs` apart (0: a burst). */
export function keyActions(keys, pauseMs) {
  const actions = [];
  for (const value of keys) {
    actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    if (pauseMs > 0) actions.push({ type: 'pause', duration: pauseMs });
  }
  return actions;
}

export async function pressKeys(wd, keys, pauseMs) {
  await wd.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(keys, pauseMs) }] });
  await wd.call('DELETE', '/actions');
}

//! `word/document.xml`, read as a stream, into paragraphs of text runs, breaks and pictures,
//! with what each paragraph's style and numbering make it. Everything met that the body cannot
//! hold is counted in [`Found`] so the import can say so; nothing is passed over unseen.
//!
//! How Word's constructs are taken:
//! - tracked changes: insertions are kept as text, deletions (`w:del`, `w:moveFrom`) dropped,
//!   i.e. the document as it would read with every change accepted; old formatting
//!   (`w:rPrChange`…) is ignored;
//! - fields: the result Word shows is kept (a page number, a date, a caption's number), the
//!   instruction is not; a `HYPERLINK` field becomes a link;
//! - tables: each row one paragraph, cells joined by " | " (as a paste does, see
//!   `ui/src/checks/paste-flatten.ts`); pictures in a table follow their row;
//! - a text box holding a picture is a captioned frame: its other text is the caption; a text
//!   box without a picture becomes paragraphs after the paragraph it is anchored in;
//! - `mc:AlternateContent`: the first choice is read, the fallback (the same thing again in
//!   older markup) is not;
//! - hidden text, equations, embedded objects, shapes, charts, symbols, footnote, endnote and
//!   comment marks, and linked (not embedded) pictures are counted, not imported.

use banthao_text::encoding::{legacy_font, LegacyFont};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

use super::legacy_runs::{self, Piece};
use super::links::{complete_href, hyperlink_field};
use super::model::{ends_with_space, merge_plain, plain, trim_inlines, Found, ImageRef, Inline, Para, Parsed, Segment};
use super::read::Relationship;
use super::styles::{attr, Numbering, ParaKind, RunProps, Styles};

#[derive(Default)]
struct ParaBuilder {
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    num_level: Option<u8>,
    /// Raw pieces: text with its legacy font (converted when the paragraph ends).
    pieces: Vec<Piece>,
    all_bold: bool,
    has_text: bool,
    /// Text boxes anchored here, delivered after this paragraph.
    after: Vec<Para>,
}

#[derive(Default)]
struct RunState {
    props: RunProps,
    style: Option<String>,
    legacy_text: Option<String>,
    hidden_text: bool,
}

#[derive(Default)]
struct Drawing {
    images: Vec<String>,
    alt: String,
    name: String,
    chart: bool,
    text_box: Vec<Para>,
}

struct Field {
    instr: String,
    separated: bool,
    link: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Sink {
    Body,
    Cell,
    TextBox,
}

struct Parser<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    rels: &'a HashMap<String, Relationship>,
    path: Vec<String>,
    /// The depth a skipped subtree started at.
    skip: Option<usize>,
    paras: Vec<ParaBuilder>,
    runs: Vec<RunState>,
    links: Vec<Option<String>>,
    fields: Vec<Field>,
    drawings: Vec<Drawing>,
    sinks: Vec<Sink>,
    table_depth: usize,
    cell: Vec<Inline>,
    row: Vec<Vec<Inline>>,
    row_images: Vec<Inline>,
    out: Vec<Para>,
    found: Found,
}

/// Parses `document.xml`; `None` when it is not well-formed (cut short, tags that do not match).
pub(super) fn parse(
    xml: &str,
    styles: &Styles,
    numbering: &Numbering,
    rels: &HashMap<String, Relationship>,
) -> Option<Parsed> {
    let mut p = Parser {
        styles,
        numbering,
        rels,
        path: Vec::new(),
        skip: None,
        paras: Vec::new(),
        runs: Vec::new(),
        links: Vec::new(),
        fields: Vec::new(),
        drawings: Vec::new(),
        sinks: vec![Sink::Body],
        table_depth: 0,
        cell: Vec::new(),
        row: Vec::new(),
        row_images: Vec::new(),
        out: Vec::new(),
        found: Found::default(),
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut saw_body = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                saw_body |= e.name().as_ref() == "w:body";
                p.open(&e, true);
                p.path.push(e.name().as_ref().to_string());
            }
            Event::Empty(e) => p.open(&e, false),
            Event::End(e) => {
                p.path.pop();
                if p.skip == Some(p.path.len()) {
                    p.skip = None;
                } else if p.skip.is_none() {
                    p.close(e.name().as_ref());
                }
            }
            Event::Text(t) => p.text(&t.xml10_content()),
            Event::CData(c) => p.text(&c),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    _ => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => return None,
                    },
                };
                p.text(c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A document cut short ends with elements still open.
    if !p.path.is_empty() || !saw_body {
        return None;
    }
    Some(Parsed { paras: p.out, found: p.found })
}

impl Parser<'_> {
    fn parent(&self, back: usize) -> &str {
        self.path.len().checked_sub(back + 1).and_then(|i| self.path.get(i)).map_or("", String::as_str)
    }

    fn open(&mut self, e: &BytesStart, is_start: bool) {
        if self.skip.is_some() {
            return;
        }
        let name = e.name();
        let name = name.as_ref();
        let skip_subtree = match name {
            "mc:Fallback" | "w:rPrChange" | "w:pPrChange" | "w:sectPrChange" | "w:tblPrChange" | "w:trPrChange"
            | "w:tcPrChange" | "w:numberingChange" | "w:sdtPr" => true,
            "w:del" | "w:moveFrom" => {
                self.found.deletions += 1;
                true
            }
            "m:oMathPara" | "m:oMath" => {
                self.found.equations += 1;
                true
            }
            "w:object" => {
                self.found.objects += 1;
                true
            }
            _ => false,
        };
        if skip_subtree {
            if is_start {
                self.skip = Some(self.path.len());
            }
            return;
        }
        let parent = self.parent(0).to_string();
        match name {
            "w:p" if is_start => self.paras.push(ParaBuilder { all_bold: true, ..Default::default() }),
            "w:pStyle" if parent == "w:pPr" => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = attr(e, "w:val");
                }
            }
            "w:outlineLvl" if parent == "w:pPr" => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = attr(e, "w:val").and_then(|v| v.parse().ok());
                }
            }
            "w:numId" | "w:ilvl" if parent == "w:numPr" && self.parent(1) == "w:pPr" => {
                if let Some(p) = self.paras.last_mut() {
                    let v = attr(e, "w:val");
                    if name == "w:numId" {
                        p.num_id = v;
                    } else {
                        p.num_level = v.and_then(|v| v.parse().ok());
                    }
                }
            }
            "w:r" if is_start => self.runs.push(RunState::default()),
            _ if parent == "w:rPr" && self.parent(1) == "w:r" => {
                if let Some(r) = self.runs.last_mut() {
                    if name == "w:rStyle" {
                        r.style = attr(e, "w:val");
                    } else {
                        r.props.read(e);
                    }
                }
            }
            "w:tab" if parent == "w:r" => self.text_piece(" "),
            "w:noBreakHyphen" if parent == "w:r" => self.text_piece("-"),
            // U+00AD, which is TCVN3's "ư": kept for legacy runs, dropped from Unicode ones.
            "w:softHyphen" if parent == "w:r" => self.text_piece("\u{AD}"),
            // A page or column break is layout, not a line of the text.
            "w:br" | "w:cr"
                if parent == "w:r"
                    && !matches!(attr(e, "w:type").as_deref(), Some("page" | "column"))
                    && self.showing() =>
            {
                self.push_piece(Inline::Break, None)
            }
            "w:sym" => self.found.symbols += 1,
            "w:footnoteReference" => self.found.footnotes += 1,
            "w:endnoteReference" => self.found.endnotes += 1,
            "w:commentReference" => self.found.comments += 1,
            "w:ins" | "w:moveTo" if is_start => self.found.insertions += 1,
            "w:hyperlink" if is_start => {
                let href = attr(e, "r:id")
                    .and_then(|id| self.rels.get(&id))
                    .filter(|r| r.external)
                    .and_then(|r| self.href(&r.target));
                self.links.push(href);
            }
            "w:fldSimple" if is_start => {
                let href = attr(e, "w:instr").and_then(|i| hyperlink_field(&i)).and_then(|t| self.href(&t));
                self.links.push(href);
            }
            "w:fldChar" => match attr(e, "w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field { instr: String::new(), separated: false, link: None }),
                Some("separate") => {
                    let target = self.fields.last().and_then(|f| hyperlink_field(&f.instr));
                    let link = target.and_then(|t| self.href(&t));
                    if let Some(f) = self.fields.last_mut() {
                        f.separated = true;
                        f.link = link;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "w:drawing" | "w:pict" if is_start => self.drawings.push(Drawing::default()),
            "wp:docPr" => {
                if let Some(d) = self.drawings.last_mut() {
                    d.name = attr(e, "name").unwrap_or_default();
                    let descr = attr(e, "descr").filter(|s| !s.trim().is_empty());
                    d.alt = descr.or_else(|| attr(e, "title")).unwrap_or_default().trim().to_string();
                }
            }
            "a:blip" | "v:imagedata" => {
                let embedded = attr(e, "r:embed").or_else(|| attr(e, "r:id"));
                match (embedded, self.drawings.last_mut()) {
                    (Some(rel), Some(d)) => d.images.push(rel),
                    _ if attr(e, "r:link").is_some() => self.found.linked_images += 1,
                    _ => {}
                }
            }
            "c:chart" => {
                if let Some(d) = self.drawings.last_mut() {
                    d.chart = true;
                }
            }
            "w:txbxContent" if is_start => self.sinks.push(Sink::TextBox),
            "w:tbl" if is_start => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.found.tables += 1;
                }
            }
            "w:tr" if is_start && self.table_depth == 1 => self.row.clear(),
            "w:tc" if is_start && self.table_depth == 1 => {
                self.cell.clear();
                self.sinks.push(Sink::Cell);
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "w:p" => {
                if let Some(builder) = self.paras.pop() {
                    let after = self.paras_after(builder);
                    for para in after {
                        self.deliver(para);
                    }
                }
            }
            "w:r" => {
                if let Some(run) = self.runs.pop() {
                    if let Some(font) = run.legacy_text {
                        legacy_runs::entry(&mut self.found.converted, &font).runs += 1;
                    }
                    if run.hidden_text {
                        self.found.hidden_runs += 1;
                    }
                }
            }
            "w:hyperlink" | "w:fldSimple" => {
                self.links.pop();
            }
            "w:drawing" | "w:pict" => {
                if let Some(d) = self.drawings.pop() {
                    self.finish_drawing(d);
                }
            }
            "w:txbxContent" => {
                self.sinks.pop();
            }
            "w:tc" if self.table_depth == 1 => {
                self.sinks.pop();
                let cell = std::mem::take(&mut self.cell);
                self.row.push(cell);
            }
            "w:tr" if self.table_depth == 1 => self.finish_row(),
            "w:tbl" => self.table_depth = self.table_depth.saturating_sub(1),
            _ => {}
        }
    }

    /// Finishes a paragraph: delivers it, and returns the text boxes anchored in it.
    fn paras_after(&mut self, mut builder: ParaBuilder) -> Vec<Para> {
        let after = std::mem::take(&mut builder.after);
        let para = self.finish_para(builder);
        self.deliver(para);
        after
    }

    fn finish_para(&mut self, b: ParaBuilder) -> Para {
        let kind = self.styles.kind(b.style.as_deref(), b.outline);
        let num = match (b.num_id, b.num_level) {
            (Some(id), level) => Some((id, level.unwrap_or(0))),
            (None, Some(level)) => self.styles.style_numbering(b.style.as_deref()).map(|(id, _)| (id, level)),
            (None, None) => self.styles.style_numbering(b.style.as_deref()),
        };
        let list = match kind {
            ParaKind::Normal | ParaKind::Lead => {
                num.and_then(|(id, level)| self.numbering.kind(&id, level).map(|k| (id, level, k)))
            }
            _ => None,
        };
        let inlines = legacy_runs::convert(b.pieces, &mut self.found.converted);
        Para { kind, list, all_bold: b.all_bold && b.has_text, table_row: false, inlines }
    }

    /// Sends a finished paragraph where it belongs: the body, the table cell being read, or
    /// the text box being read.
    fn deliver(&mut self, para: Para) {
        match self.sinks.last().copied().unwrap_or(Sink::Body) {
            Sink::Body => self.out.push(para),
            Sink::TextBox => match self.drawings.last_mut() {
                Some(d) => d.text_box.push(para),
                None => self.out.push(para),
            },
            Sink::Cell => {
                for inline in para.inlines {
                    match inline {
                        Inline::Image(_) => self.row_images.push(inline),
                        Inline::Break => self.cell.push(Inline::Text(plain(" "))),
                        other => {
                            if self.cell.is_empty() || !matches!(other, Inline::Text(_)) {
                                self.cell.push(other);
                            } else {
                                if !ends_with_space(&self.cell) {
                                    self.cell.push(Inline::Text(plain(" ")));
                                }
                                self.cell.push(other);
                            }
                        }
                    }
                }
            }
        }
    }

    fn finish_row(&mut self) {
        let cells = std::mem::take(&mut self.row);
        let mut inlines: Vec<Inline> = Vec::new();
        for cell in cells.into_iter().map(trim_inlines).filter(|c| !c.is_empty()) {
            if !inlines.is_empty() {
                inlines.push(Inline::Text(plain(" | ")));
            }
            inlines.extend(cell);
        }
        self.found.rows += 1;
        let row = |inlines| Para { kind: ParaKind::Normal, list: None, all_bold: false, table_row: true, inlines };
        if !inlines.is_empty() {
            let para = Para { inlines: merge_plain(inlines), ..row(Vec::new()) };
            self.deliver(para);
        }
        let images = std::mem::take(&mut self.row_images);
        if !images.is_empty() {
            self.deliver(Para { table_row: false, ..row(images) });
        }
    }

    fn finish_drawing(&mut self, d: Drawing) {
        let mut images: Vec<ImageRef> = d
            .images
            .iter()
            .map(|rel| ImageRef { rel: rel.clone(), alt: d.alt.clone(), frame_caption: Vec::new() })
            .collect();
        let mut frame_text: Vec<Inline> = Vec::new();
        for para in &d.text_box {
            let mut text: Vec<Inline> = Vec::new();
            for inline in &para.inlines {
                match inline {
                    Inline::Image(img) => images.push(img.clone()),
                    other => text.push(other.clone()),
                }
            }
            let text = trim_inlines(text);
            if !text.is_empty() {
                if !frame_text.is_empty() {
                    frame_text.push(Inline::Break);
                }
                frame_text.extend(text);
            }
        }
        if !images.is_empty() {
            if let Some(first) = images.first_mut() {
                if first.frame_caption.is_empty() {
                    first.frame_caption = frame_text;
                }
            }
            for img in images {
                self.push_piece(Inline::Image(img), None);
            }
        } else if !d.text_box.is_empty() {
            self.found.text_boxes += 1;
            match self.paras.last_mut() {
                Some(p) => p.after.extend(d.text_box),
                None => d.text_box.into_iter().for_each(|p| self.deliver(p)),
            }
        } else if d.chart {
            self.found.charts.push(d.name);
        } else {
            self.found.shapes.push(d.name);
        }
    }

    /// Text is shown unless a field's instruction part is being read.
    fn showing(&self) -> bool {
        self.fields.iter().all(|f| f.separated)
    }

    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        match self.parent(0) {
            "w:t" => self.text_piece(text),
            "w:instrText" => {
                if let Some(f) = self.fields.last_mut() {
                    f.instr.push_str(text);
                }
            }
            _ => {}
        }
    }

    fn text_piece(&mut self, text: &str) {
        if text.is_empty() || !self.showing() {
            return;
        }
        let para_style = self.paras.last().and_then(|p| p.style.clone());
        let Some(run) = self.runs.last() else { return };
        let (props, run_style) = (&run.props, run.style.as_deref());
        if self.styles.hidden(props, run_style, para_style.as_deref()) {
            if let Some(r) = self.runs.last_mut() {
                r.hidden_text = true;
            }
            return;
        }
        let bold = self.styles.run_mark(props, run_style, |p| p.bold);
        let italic = self.styles.run_mark(props, run_style, |p| p.italic);
        let shows_bold = self.styles.shows_bold(props, run_style, para_style.as_deref());
        let font = self.styles.font(props, run_style, para_style.as_deref());
        let legacy = font.and_then(|f| legacy_font(&f).map(|l| (f, l)));
        let link = self
            .fields
            .iter()
            .rev()
            .find_map(|f| f.link.clone())
            .or_else(|| self.links.iter().rev().flatten().next().cloned());
        if let Some(r) = self.runs.last_mut() {
            if let Some((name, _)) = &legacy {
                r.legacy_text = Some(name.clone());
            }
        }
        if let Some(p) = self.paras.last_mut() {
            if !text.trim().is_empty() {
                p.has_text = true;
                p.all_bold &= shows_bold;
            }
        }
        self.push_piece(Inline::Text(Segment { text: text.to_string(), bold, italic, link }), legacy);
    }

    fn push_piece(&mut self, inline: Inline, legacy: Option<(String, LegacyFont)>) {
        if let Some(p) = self.paras.last_mut() {
            p.pieces.push((inline, legacy));
        }
    }

    /// A link target the body can hold: web and e-mail, a bare domain made `https://`.
    fn href(&mut self, target: &str) -> Option<String> {
        let href = complete_href(target);
        if crate::article::schema::is_safe_href(&href) {
            Some(href)
        } else {
            if !target.trim().is_empty() {
                self.found.unsafe_links.push(target.trim().to_string());
            }
            None
        }
    }
}

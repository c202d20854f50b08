//! `styles.xml` and `numbering.xml`: what a paragraph's style makes it (title, heading,
//! caption…), the fonts and bold/italic that runs inherit (through `w:basedOn` and the
//! document defaults), and whether a numbered paragraph is a bullet or an ordered list.
//!
//! Parts are matched by their conventional prefixes (`w:`), as Word, LibreOffice and Google
//! Docs all write them.

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// Run properties at one level (a run, a character style, a paragraph style, the defaults).
/// `None` means "not said here": the next level down decides.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub hidden: Option<bool>,
    /// `w:rFonts w:ascii`: `Some("")` when a theme font is named instead (never a legacy one).
    pub ascii: Option<String>,
    /// `w:rFonts w:hAnsi`, the font Word uses for characters above ASCII.
    pub h_ansi: Option<String>,
}

impl RunProps {
    /// Reads one child of a `w:rPr` into these properties.
    pub fn read(&mut self, e: &BytesStart) {
        match e.name().as_ref() {
            "w:b" => self.bold = Some(toggle(e)),
            "w:i" => self.italic = Some(toggle(e)),
            "w:vanish" => self.hidden = Some(toggle(e)),
            "w:rFonts" => {
                if attr(e, "w:asciiTheme").is_some() {
                    self.ascii = Some(String::new());
                }
                if attr(e, "w:hAnsiTheme").is_some() {
                    self.h_ansi = Some(String::new());
                }
                if let Some(f) = attr(e, "w:ascii") {
                    self.ascii = Some(f);
                }
                if let Some(f) = attr(e, "w:hAnsi") {
                    self.h_ansi = Some(f);
                }
            }
            _ => {}
        }
    }
}

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParaKind {
    Normal,
    Title,
    Subtitle,
    /// A lead/standfirst style (`Lead`, `Sapo`, `Intro`, `Standfirst`).
    Lead,
    /// Word's outline level + 1 (`Heading 1` → 1).
    Heading(u8),
    /// `Caption`, and LibreOffice's `Figure`, `Illustration`, `Drawing` (based on Caption).
    Caption,
}

#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    run: RunProps,
    outline: Option<u8>,
    num: Option<(String, u8)>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    defaults: RunProps,
    default_paragraph: Option<String>,
}

/// A numbering level: bullet or ordered (with its start), or no visible number at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListKind {
    Bullet,
    Ordered(u64),
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// abstractNumId → level → (numFmt, start)
    abstract_levels: HashMap<String, HashMap<u8, (String, u64)>>,
    /// numId → (abstractNumId, level → start override)
    nums: HashMap<String, (String, HashMap<u8, u64>)>,
}

pub(super) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// `<w:b/>` is on; `w:val="0|false|off"` turns it off.
fn toggle(e: &BytesStart) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off" | "none"))
}

impl Styles {
    /// Parses `styles.xml`; `None` when it is not well-formed XML.
    pub fn parse(xml: &str) -> Option<Styles> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut styles = Styles::default();
        let mut path: Vec<String> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        loop {
            let event = reader.read_event().ok()?;
            let (e, is_start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(_) => {
                    if path.pop().as_deref() == Some("w:style") {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.insert(id, style);
                        }
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let name = e.name().as_ref().to_string();
            let parent = path.last().map(String::as_str);
            let in_defaults = path.iter().any(|p| p == "w:rPrDefault");
            match (name.as_str(), parent) {
                ("w:style", _) => {
                    let id = attr(e, "w:styleId").unwrap_or_default();
                    if attr(e, "w:type").as_deref() == Some("paragraph") && attr(e, "w:default").as_deref() == Some("1")
                    {
                        styles.default_paragraph = Some(id.clone());
                    }
                    current = Some((id, Style::default()));
                }
                ("w:name", Some("w:style")) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.name = attr(e, "w:val").unwrap_or_default().to_lowercase();
                    }
                }
                ("w:basedOn", Some("w:style")) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(e, "w:val");
                    }
                }
                ("w:outlineLvl", Some("w:pPr")) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = attr(e, "w:val").and_then(|v| v.parse().ok());
                    }
                }
                ("w:numId", Some("w:numPr")) => {
                    if let Some((_, s)) = current.as_mut() {
                        let level = s.num.as_ref().map_or(0, |n| n.1);
                        s.num = attr(e, "w:val").map(|v| (v, level));
                    }
                }
                ("w:ilvl", Some("w:numPr")) => {
                    if let Some((_, s)) = current.as_mut() {
                        let level = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let id = s.num.take().map(|n| n.0).unwrap_or_default();
                        s.num = Some((id, level));
                    }
                }
                (_, Some("w:rPr")) if in_defaults => styles.defaults.read(e),
                (_, Some("w:rPr")) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.run.read(e);
                    }
                }
                _ => {}
            }
            if is_start {
                path.push(name);
            }
        }
        Some(styles)
    }

    /// The style and those it is based on, nearest first (a loop in `basedOn` stops).
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = id.or(self.default_paragraph.as_deref());
        let mut steps = 0;
        std::iter::from_fn(move || {
            steps += 1;
            let style = self.by_id.get(next?)?;
            next = if steps < 16 { style.based_on.as_deref() } else { None };
            Some(style)
        })
    }

    pub fn kind(&self, style: Option<&str>, direct_outline: Option<u8>) -> ParaKind {
        let names: Vec<&str> = self.chain(style).map(|s| s.name.as_str()).collect();
        let own = names.first().copied().unwrap_or("");
        let id = style.unwrap_or("").to_lowercase();
        if own == "title" || id == "title" {
            return ParaKind::Title;
        }
        if own == "subtitle" || id == "subtitle" {
            return ParaKind::Subtitle;
        }
        if ["lead", "sapo", "intro", "standfirst"].contains(&own) {
            return ParaKind::Lead;
        }
        if names.iter().any(|n| n.contains("caption")) || ["figure", "illustration", "drawing"].contains(&own) {
            return ParaKind::Caption;
        }
        if let Some(level) = own.strip_prefix("heading ").and_then(|n| n.trim().parse::<u8>().ok()) {
            return ParaKind::Heading(level.max(1));
        }
        let outline = direct_outline.or_else(|| self.chain(style).find_map(|s| s.outline));
        match outline {
            Some(level) if level < 9 => ParaKind::Heading(level + 1),
            _ => ParaKind::Normal,
        }
    }

    /// The numbering a paragraph style carries (Word's `List Bullet`…), if any.
    pub fn style_numbering(&self, style: Option<&str>) -> Option<(String, u8)> {
        self.chain(style).find_map(|s| s.num.clone())
    }

    /// A run's property through its character style, then the paragraph style, then the defaults.
    fn resolve<T: Clone>(
        &self,
        direct: &RunProps,
        run_style: Option<&str>,
        para_style: Option<&str>,
        get: impl Fn(&RunProps) -> Option<T>,
    ) -> Option<T> {
        get(direct)
            .or_else(|| run_style.and_then(|r| self.chain(Some(r)).find_map(|s| get(&s.run))))
            .or_else(|| self.chain(para_style).find_map(|s| get(&s.run)))
            .or_else(|| get(&self.defaults))
    }

    /// Bold or italic shown as a mark: said on the run or its character style. A paragraph
    /// style's bold (a heading's, a title's) is the paragraph's look, not a mark.
    pub fn run_mark(&self, direct: &RunProps, run_style: Option<&str>, get: fn(&RunProps) -> Option<bool>) -> bool {
        get(direct).or_else(|| run_style.and_then(|r| self.chain(Some(r)).find_map(|s| get(&s.run)))).unwrap_or(false)
    }

    /// Bold as the reader sees it, paragraph style included (for the sapo rule).
    pub fn shows_bold(&self, direct: &RunProps, run_style: Option<&str>, para_style: Option<&str>) -> bool {
        self.resolve(direct, run_style, para_style, |p| p.bold).unwrap_or(false)
    }

    pub fn hidden(&self, direct: &RunProps, run_style: Option<&str>, para_style: Option<&str>) -> bool {
        self.resolve(direct, run_style, para_style, |p| p.hidden).unwrap_or(false)
    }

    /// The font a run's non-ASCII characters are drawn in: `w:hAnsi` where some level names it,
    /// else `w:ascii` (legacy text lives above ASCII, which Word draws in the hAnsi font).
    pub fn font(&self, direct: &RunProps, run_style: Option<&str>, para_style: Option<&str>) -> Option<String> {
        self.resolve(direct, run_style, para_style, |p| p.h_ansi.clone())
            .or_else(|| self.resolve(direct, run_style, para_style, |p| p.ascii.clone()))
            .filter(|f| !f.is_empty())
    }
}

impl Numbering {
    pub fn parse(xml: &str) -> Option<Numbering> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<u8> = None;
        loop {
            match reader.read_event().ok()? {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "w:abstractNum" => abstract_id = attr(&e, "w:abstractNumId"),
                    "w:num" => {
                        num_id = attr(&e, "w:numId");
                        if let Some(id) = &num_id {
                            out.nums.insert(id.clone(), (String::new(), HashMap::new()));
                        }
                    }
                    "w:lvl" | "w:lvlOverride" => level = attr(&e, "w:ilvl").and_then(|v| v.parse().ok()),
                    "w:abstractNumId" => {
                        if let (Some(n), Some(v)) = (&num_id, attr(&e, "w:val")) {
                            out.nums.entry(n.clone()).or_default().0 = v;
                        }
                    }
                    "w:startOverride" => {
                        if let (Some(n), Some(l), Some(v)) =
                            (&num_id, level, attr(&e, "w:val").and_then(|v| v.parse().ok()))
                        {
                            out.nums.entry(n.clone()).or_default().1.insert(l, v);
                        }
                    }
                    "w:numFmt" | "w:start" if num_id.is_none() => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let entry = out
                                .abstract_levels
                                .entry(a.clone())
                                .or_default()
                                .entry(l)
                                .or_insert_with(|| ("decimal".into(), 1));
                            let v = attr(&e, "w:val").unwrap_or_default();
                            if e.name().as_ref() == "w:numFmt" {
                                entry.0 = v;
                            } else {
                                entry.1 = v.parse().unwrap_or(1);
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:abstractNum" => abstract_id = None,
                    "w:num" => num_id = None,
                    _ => {}
                },
                Event::Eof => return Some(out),
                _ => {}
            }
        }
    }

    /// The list a `(numId, level)` makes, or `None` for numbering that shows nothing
    /// (`numFmt none`, `numId 0`, an unknown id).
    pub fn kind(&self, num_id: &str, level: u8) -> Option<ListKind> {
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let (fmt, start) = self.abstract_levels.get(abstract_id)?.get(&level)?;
        match fmt.as_str() {
            "none" => None,
            "bullet" => Some(ListKind::Bullet),
            _ => Some(ListKind::Ordered(overrides.get(&level).copied().unwrap_or(*start))),
        }
    }
}

//! Word documents (`.docx`) in: paragraphs, headings, marks, lists, links, images with their
//! captions, legacy Vietnamese font runs converted; what is not imported is listed.
//!
//! One call makes one new article: [`Library::import_docx`] (a file) or
//! [`Library::import_docx_bytes`] (dropped bytes). The package is read ([`read`]), its styles and
//! numbering ([`styles`]) and body ([`parse`]) parsed, the pictures imported through the same
//! photo path as every other photo, and the paragraphs mapped to a headline, a sapo and a body
//! ([`map`], where the headline, sapo and caption rules are written down). The article is
//! created only once all of that succeeded: a bad file leaves no article behind (pictures
//! already imported stay in the photo library, like any imported photo).

mod legacy_runs;
mod links;
mod map;
mod model;
mod parse;
mod read;
mod report;
mod styles;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use ts_rs::TS;

pub use map::SHORT_CAPTION_CHARS;

use crate::error::{Error, Lang, Result};
use crate::library::Library;
use crate::media::ImportSource;
use crate::{Article, NewArticle};

/// A `.docx` larger than this is refused before it is read (photos included, real reports
/// stay far below it).
const MAX_DOCX_BYTES: u64 = 1 << 30;

/// The outcome of a Word import, for the UI to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocxImport {
    /// The new article (a draft).
    pub article: Article,
    /// Figures placed in the body.
    pub photos: u32,
    /// Legacy-font text converted to Unicode, per font.
    pub converted: Vec<ConvertedFont>,
    /// What the document holds that is not in the article.
    pub not_imported: Vec<NotImported>,
    /// What was changed on the way in (tables flattened, tracked changes accepted…).
    pub notices: Vec<DocxNotice>,
}

/// Runs in one legacy font (`.VnTime`, `VNI-Times`…) converted to Unicode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConvertedFont {
    pub font: String,
    /// `tcvn3` or `vni`.
    pub encoding: String,
    /// Word runs in that font.
    pub runs: u32,
    /// Characters after conversion.
    pub chars: u32,
    /// The first converted text (up to 40 characters), to check by eye.
    pub sample: String,
}

/// What kind of thing was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NotImportedKind {
    /// A picture that could not be imported (EMF/WMF, damaged, too large, missing).
    Image,
    /// A picture linked from outside the document rather than inside it.
    LinkedImage,
    Footnote,
    Endnote,
    Comment,
    Equation,
    /// An embedded object (a spreadsheet, an OLE object).
    EmbeddedObject,
    /// A drawing shape without text.
    Shape,
    Chart,
    /// A symbol-font character (`w:sym`).
    Symbol,
    HiddenText,
    /// A link whose target is neither a web page nor an e-mail address (the text is kept).
    Link,
}

/// Something left out, with how many and a sentence for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotImported {
    pub what: NotImportedKind,
    pub count: u32,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocxNoticeKind {
    /// Tables became paragraphs, one per row.
    TablesFlattened,
    /// Tracked changes: insertions kept, deletions dropped.
    TrackedChanges,
    /// Text boxes became paragraphs.
    TextBoxes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocxNotice {
    pub kind: DocxNoticeKind,
    pub message: String,
}

pub(super) fn bad_file(file: &str, code: &'static str, vi: &str, en: &str) -> Error {
    Error::BadFile { file: file.to_string(), code, vi: vi.into(), en: en.into() }
}

impl Library {
    /// Imports a `.docx` file as a new draft. Reports are worded in `lang`.
    pub fn import_docx(&mut self, path: &Path, lang: Lang) -> Result<DocxImport> {
        let file_error = |source| Error::File { path: path.to_path_buf(), source };
        let meta = std::fs::metadata(path).map_err(file_error)?;
        let shown = path.display().to_string();
        if !meta.is_file() {
            return Err(read::not_docx(&shown));
        }
        if meta.len() > MAX_DOCX_BYTES {
            return Err(bad_file(
                &shown,
                "docx_too_large",
                "tài liệu Word quá lớn để nhập (hơn 1 GB).",
                "the Word document is too large to import (over 1 GB).",
            ));
        }
        let bytes = std::fs::read(path).map_err(file_error)?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
        self.import_docx_named(&shown, &name, bytes, lang)
    }

    /// Imports a `.docx` given as bytes (a drop), `name` being the file's name.
    pub fn import_docx_bytes(&mut self, name: &str, bytes: Vec<u8>, lang: Lang) -> Result<DocxImport> {
        self.import_docx_named(name, name, bytes, lang)
    }

    fn import_docx_named(&mut self, shown: &str, name: &str, bytes: Vec<u8>, lang: Lang) -> Result<DocxImport> {
        let mut package = read::Package::open(shown, bytes)?;
        let styles = match &package.styles {
            Some(xml) => styles::Styles::parse(xml).ok_or_else(|| read::damaged(shown))?,
            None => styles::Styles::default(),
        };
        let numbering = match &package.numbering {
            Some(xml) => styles::Numbering::parse(xml).ok_or_else(|| read::damaged(shown))?,
            None => styles::Numbering::default(),
        };
        let parsed =
            parse::parse(&package.document, &styles, &numbering, &package.rels).ok_or_else(|| read::damaged(shown))?;
        let mut not_imported = Vec::new();

        // The pictures, each package part once, through the photo import.
        let limit = banthao_media::ImportLimits::default().max_file_bytes;
        let mut sources: Vec<ImportSource> = Vec::new();
        let mut source_of_target: HashMap<String, usize> = HashMap::new();
        let mut rel_source: Vec<(String, usize)> = Vec::new();
        for rel in map::image_rels(&parsed.paras) {
            let target = package.rels.get(&rel).filter(|r| !r.external).map(|r| r.target.clone());
            let Some(target) = target else {
                not_imported.push(image_missing(&rel, lang));
                continue;
            };
            if let Some(&i) = source_of_target.get(&target) {
                rel_source.push((rel, i));
                continue;
            }
            let part = target.rsplit('/').next().unwrap_or(&target).to_string();
            match package.media(&target, limit) {
                Ok(bytes) => {
                    source_of_target.insert(target, sources.len());
                    rel_source.push((rel, sources.len()));
                    sources.push(ImportSource::Bytes { name: format!("{name}/{part}"), bytes });
                }
                Err(e) => not_imported.push(image_failed(&part, &e.message(lang), lang)),
            }
        }
        let results = self.import_photos(&sources, None, lang, &mut |_| {}, &AtomicBool::new(false))?;
        for (source, result) in sources.iter().zip(&results) {
            if let (Some(error), ImportSource::Bytes { name, .. }) = (&result.error, source) {
                let part = name.rsplit('/').next().unwrap_or(name);
                let prefix = format!("{name}: ");
                let reason = error.message.strip_prefix(&prefix).unwrap_or(&error.message);
                not_imported.push(image_failed(part, reason, lang));
            }
        }
        let photos: HashMap<String, crate::media::model::MediaItem> =
            rel_source.into_iter().filter_map(|(rel, i)| results.get(i)?.media.clone().map(|m| (rel, m))).collect();

        let mapped = map::map(parsed.paras, &photos);
        let body = crate::article::schema::validate(mapped.body)?;
        let article = self.create_article(NewArticle {
            headline: mapped.headline,
            sapo: mapped.sapo,
            body: Some(body),
            ..Default::default()
        })?;
        let found = parsed.found;
        not_imported.extend(report::not_imported(&found, lang));
        Ok(DocxImport {
            article,
            photos: mapped.figures,
            converted: report::converted(&found),
            not_imported,
            notices: report::notices(&found, lang),
        })
    }
}

fn image_missing(rel: &str, lang: Lang) -> NotImported {
    let detail = match lang {
        Lang::Vi => format!("Một ảnh ({rel}) không có trong tệp."),
        Lang::En => format!("A picture ({rel}) is missing from the file."),
    };
    NotImported { what: NotImportedKind::Image, count: 1, detail }
}

fn image_failed(part: &str, reason: &str, lang: Lang) -> NotImported {
    let detail = match lang {
        Lang::Vi => format!("Ảnh {part}: {reason}"),
        Lang::En => format!("Picture {part}: {reason}"),
    };
    NotImported { what: NotImportedKind::Image, count: 1, detail }
}

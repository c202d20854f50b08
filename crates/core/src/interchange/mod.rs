//! Files that travel: Word documents in ([`docx`]), the handover file that carries an article
//! between machines ([`handover`], `.banthao`), and IPTC ninjs out ([`ninjs`]); and the one
//! door the app and the CLI export through ([`Library::export_article`]).

pub mod docx;
pub mod handover;
pub mod ninjs;

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::library::Library;
use crate::{export, ArticleId};

/// What "Xuất bài" can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    /// The article as the documented JSON.
    Json,
    /// A standalone HTML page.
    Html,
    /// IPTC ninjs 2.2 (JSON), for a CMS that reads news items.
    Ninjs,
    /// The handover file: the article with its photos, notes, history and sync base.
    Banthao,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
            ExportFormat::Ninjs => "ninjs.json",
            ExportFormat::Banthao => "banthao",
        }
    }
}

/// A finished export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportDone {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub format: ExportFormat,
}

impl Library {
    /// Writes article `id` to `out` in `format`. The file appears whole or not at all (written
    /// beside it, then renamed), so a failed export never leaves half a file under its name.
    pub fn export_article(&self, id: ArticleId, format: ExportFormat, out: &Path) -> Result<ExportDone> {
        match format {
            ExportFormat::Json => write_file_atomic(out, (export::to_json(&self.get_article(id)?) + "\n").as_bytes())?,
            ExportFormat::Html => write_file_atomic(out, export::to_html(&self.get_article(id)?).as_bytes())?,
            ExportFormat::Ninjs => write_file_atomic(out, ninjs::export_ninjs(self, id)?.as_bytes())?,
            ExportFormat::Banthao => {
                let done = self.export_handover(id, out)?;
                return Ok(ExportDone { path: done.path, bytes: done.bytes, format });
            }
        }
        let bytes = std::fs::metadata(out).map_err(|source| Error::File { path: out.to_path_buf(), source })?.len();
        Ok(ExportDone { path: out.display().to_string(), bytes, format })
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::File { path: path.to_path_buf(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("export");
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(io)
}

/// What a Word document or a handover file became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentImport {
    Docx(Box<docx::DocxImport>),
    Handover(handover::HandoverImport),
}

/// One file of an import batch: what it became, or why it could not be imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentImportResult {
    pub file: String,
    pub imported: Option<DocumentImport>,
    pub error: Option<crate::ErrorPayload>,
}

/// Which importer a file goes to: by its extension, else by what it holds (a Word package has
/// `word/document.xml`, a handover file starts with its manifest).
fn is_handover(name: &str, bytes_head: &[u8]) -> bool {
    let lower = name.to_lowercase();
    if lower.ends_with(".banthao") {
        return true;
    }
    if lower.ends_with(".docx") {
        return false;
    }
    // A ZIP whose first entry is `manifest.json`: the handover format writes it first.
    bytes_head.starts_with(b"PK\x03\x04") && bytes_head.get(30..43) == Some(b"manifest.json")
}

impl Library {
    /// Imports one Word document (a new draft) or handover file (created or merged; with
    /// `choices` settling a conflict) from a path.
    pub fn import_document(
        &mut self,
        path: &Path,
        choices: Option<&[crate::sync::ConflictSide]>,
        lang: crate::Lang,
    ) -> Result<DocumentImport> {
        let mut head = [0u8; 64];
        let read = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .map_err(|source| Error::File { path: path.to_path_buf(), source })?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if is_handover(name, &head[..read]) {
            Ok(DocumentImport::Handover(self.import_handover(path, choices, lang)?))
        } else {
            Ok(DocumentImport::Docx(Box::new(self.import_docx(path, lang)?)))
        }
    }

    /// As [`Library::import_document`], from bytes (the app's file chooser). A handover file is
    /// read from a private copy in the library folder, removed afterwards.
    pub fn import_document_bytes(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        choices: Option<&[crate::sync::ConflictSide]>,
        lang: crate::Lang,
    ) -> Result<DocumentImport> {
        if !is_handover(name, &bytes[..bytes.len().min(64)]) {
            return Ok(DocumentImport::Docx(Box::new(self.import_docx_bytes(name, bytes, lang)?)));
        }
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let safe: String = name.chars().filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_')).collect();
        let copy = self.dir().join(format!(".import-{}-{n}-{safe}", std::process::id()));
        std::fs::write(&copy, &bytes).map_err(|source| Error::File { path: copy.clone(), source })?;
        let imported = self.import_handover(&copy, choices, lang);
        let _ = std::fs::remove_file(&copy);
        // Messages name the file the user chose, not the private copy.
        imported.map(DocumentImport::Handover).map_err(|e| match e {
            Error::BadFile { code, vi, en, .. } => Error::BadFile { file: name.to_string(), code, vi, en },
            other => other,
        })
    }

    /// Imports a batch, one result per file in order; a bad file does not stop the others.
    pub fn import_documents(
        &mut self,
        paths: &[PathBuf],
        choices: Option<&[crate::sync::ConflictSide]>,
        lang: crate::Lang,
    ) -> Vec<DocumentImportResult> {
        paths
            .iter()
            .map(|path| {
                let file = path.display().to_string();
                match self.import_document(path, choices, lang) {
                    Ok(imported) => DocumentImportResult { file, imported: Some(imported), error: None },
                    Err(e) => DocumentImportResult { file, imported: None, error: Some(e.payload(lang)) },
                }
            })
            .collect()
    }
}

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

//! The handover file (`.banthao`): one article with its photos (originals), figures, notes,
//! revision history, workflow steps and sync base, carried between libraries and merged on
//! arrival. A ZIP with a checksummed manifest; the format is `docs/handover-format.md`.
//!
//! - [`format`]: the entries as JSON, and photos named by hash instead of local ids.
//! - [`export`]: gathering and writing (temp file + rename).
//! - [`read`]: reading and checking everything before the library is touched.
//! - [`apply`]: creating or merging (three-way, like the sync) in one transaction.

mod apply;
mod export;
pub mod format;
mod read;
mod refusals;
mod sync_base;

use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

use crate::article::model::ArticleId;
use crate::error::{Lang, Result};
use crate::library::Library;
use crate::sync::{ConflictHunk, ConflictSide};

pub use sync_base::adopt_pending_bases;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverExport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub photos: u32,
    pub revisions: u32,
    pub notes: u32,
}

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HandoverOutcome {
    /// A new article (its uid was not in the library).
    Created,
    /// Merged into the article with the same uid.
    Merged,
    /// The library already had everything in the file: nothing changed.
    Unchanged,
    /// Both sides changed the same place: nothing changed; import again with one choice per
    /// conflict, in order.
    Conflict,
}

/// What an import did (or, for a conflict, what a person must choose).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandoverImport {
    pub outcome: HandoverOutcome,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub headline: String,
    pub photos_added: u32,
    pub notes_added: u32,
    pub revisions_added: u32,
    pub transitions_added: u32,
    /// Side by side: `local` is this library's, `remote` the file's.
    pub conflicts: Vec<ConflictHunk>,
    /// One line for people, in the language asked for.
    pub message: String,
}

impl Library {
    /// Writes article `id` as a handover file at `out` (a temporary file beside it, renamed
    /// into place: a failed export never leaves a half file under that name).
    pub fn export_handover(&self, id: ArticleId, out: &Path) -> Result<HandoverExport> {
        export::export(self, id, out)
    }

    /// Imports a handover file. Everything in it is checked first; a damaged, tampered or
    /// foreign file is refused (`Error::BadFile`) and the library is unchanged. A new uid
    /// becomes an article; a known one is merged three-way. With conflicts and no `choices`,
    /// nothing changes and the conflicts come back; `choices` (one per conflict, in order:
    /// `Local` keeps this library's side, `Remote` the file's) settle them.
    pub fn import_handover(
        &mut self,
        path: &Path,
        choices: Option<&[ConflictSide]>,
        lang: Lang,
    ) -> Result<HandoverImport> {
        apply::import(self, path, choices, lang)
    }
}

//! The local library: one folder holding one SQLite file (and, later, media).
//! Every front door (the desktop shell, the CLI) works through [`Library`].

mod articles;
pub mod connection;
pub mod migrate;
mod revisions;
pub(crate) mod search;
mod settings_store;
pub mod shelves;
mod snippet;

// The one write path, for other parts of the core that save inside their own transaction.
pub(crate) use articles::{create as create_in, load as load_in, save as save_in, save_with, summary_from_row};
pub(crate) use revisions::{content_of, parse_reason, reason_str, record_copy};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{is_corruption, is_readonly, Error, Result};

pub use shelves::{Shelf, ShelfCounts};

pub const DB_FILE: &str = "library.sqlite";

/// What the window shows about the open library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LibraryInfo {
    pub path: String,
    pub article_count: u32,
    pub schema_version: u32,
}

pub struct Library {
    pub(crate) conn: Connection,
    dir: PathBuf,
    /// Built on first check, dropped when check settings or user words change.
    pub(crate) checker: Option<crate::checks::Checker>,
    /// Who acts for this session when not the settings' user (the CLI's `BANTHAO_USER`).
    acting_as: Option<crate::desk::people::UserProfile>,
}

impl Library {
    /// Opens the library in `dir`, creating the folder and an empty library on first use,
    /// and upgrading an older one (after a backup).
    pub fn open(dir: &Path) -> Result<Library> {
        std::fs::create_dir_all(dir).map_err(|_| Error::LibraryUnwritable { path: dir.to_path_buf() })?;
        let db_path = dir.join(DB_FILE);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn =
            Connection::open_with_flags(&db_path, flags).map_err(|e| classify_open_error(e, dir, &db_path))?;
        connection::configure(&conn).map_err(|e| classify(e, dir, &db_path))?;
        migrate::migrate(&mut conn, Some(&db_path)).map_err(|e| classify(e, dir, &db_path))?;
        Ok(Library { conn, dir: dir.to_path_buf(), checker: None, acting_as: None })
    }

    /// A library that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Library> {
        let mut conn = Connection::open_in_memory()?;
        connection::configure(&conn)?;
        migrate::migrate(&mut conn, None)?;
        Ok(Library { conn, dir: PathBuf::new(), checker: None, acting_as: None })
    }

    /// Acts as `user` for this session instead of the user in the settings (the CLI's
    /// `BANTHAO_USER` / `BANTHAO_ROLE`). Nothing is stored.
    pub fn act_as(&mut self, user: crate::desk::people::UserProfile) {
        self.acting_as = Some(user);
    }

    /// Who is acting: recorded on workflow steps, notes and new articles.
    pub fn user(&self) -> Result<crate::desk::people::UserProfile> {
        match &self.acting_as {
            Some(user) => Ok(user.clone()),
            None => Ok(self.settings()?.user),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn info(&self) -> Result<LibraryInfo> {
        // All (the smallest index) less the trash (its partial index): no row is read.
        let article_count: u32 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL)",
            [],
            |r| r.get(0),
        )?;
        Ok(LibraryInfo {
            path: self.dir.display().to_string(),
            article_count,
            schema_version: migrate::schema_version(&self.conn)?,
        })
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// For benchmarks and tests that need to measure against raw SQL on the same file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The default library folder: `$BANTHAO_LIBRARY`, else the OS data directory
/// (`$XDG_DATA_HOME/banthao`, else `~/.local/share/banthao`).
pub fn default_library_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BANTHAO_LIBRARY").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("banthao")
}

fn classify_open_error(e: rusqlite::Error, dir: &Path, db_path: &Path) -> Error {
    classify(Error::Sqlite(e), dir, db_path)
}

/// Turns low-level failures at open time into the library errors a person can act on.
fn classify(e: Error, dir: &Path, db_path: &Path) -> Error {
    match e {
        Error::Sqlite(ref s) if is_corruption(s) => Error::LibraryCorrupt { path: db_path.to_path_buf() },
        Error::Sqlite(ref s) if is_readonly(s) => Error::LibraryUnwritable { path: dir.to_path_buf() },
        Error::LibraryTooNew { found, known, .. } => Error::LibraryTooNew { path: db_path.to_path_buf(), found, known },
        other => other,
    }
}

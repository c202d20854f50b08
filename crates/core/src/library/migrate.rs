//! Embedded, ordered migrations, all applied in one transaction, guarded by `user_version`.
//! A library from a newer app is refused; an older one is backed up before it is upgraded.

use rusqlite::Connection;
use std::path::{Path, PathBuf};

use super::connection::write_transaction;
use crate::error::{Error, Result};

/// Migration `i` (0-based) brings a library from schema `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_articles.sql"),
    include_str!("migrations/0002_search.sql"),
    include_str!("migrations/0003_dictionary.sql"),
    include_str!("migrations/0004_media.sql"),
    include_str!("migrations/0005_sync.sql"),
    include_str!("migrations/0006_desk.sql"),
    include_str!("migrations/0007_ignored_findings.sql"),
    include_str!("migrations/0008_shelves.sql"),
    include_str!("migrations/0009_endpoint_kind.sql"),
    include_str!("migrations/0010_handover.sql"),
    include_str!("migrations/0011_search_prefixes.sql"),
    include_str!("migrations/0012_list_indexes.sql"),
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the library at `db_path` up to [`SCHEMA_VERSION`]. Returns the backup made, if any.
pub fn migrate(conn: &mut Connection, db_path: Option<&Path>) -> Result<Option<PathBuf>> {
    migrate_to(conn, db_path, SCHEMA_VERSION)
}

/// As [`migrate`], stopping at `target` (tests build old libraries with it).
pub fn migrate_to(conn: &mut Connection, db_path: Option<&Path>, target: u32) -> Result<Option<PathBuf>> {
    if known_version(conn, db_path)? >= target {
        return Ok(None);
    }
    // The write lock before anything else: another process (the app, the CLI) may be opening
    // the same library, and only one may back it up and upgrade it.
    let tx = write_transaction(conn)?;
    let found = known_version(&tx, db_path)?;
    if found >= target {
        return Ok(None);
    }
    let backup = match db_path {
        Some(path) if found > 0 => Some(backup(path, found)?),
        _ => None,
    };
    for sql in &MIGRATIONS[found as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(backup)
}

/// The library's schema version, refused when a newer Bản Thảo wrote it.
fn known_version(conn: &Connection, db_path: Option<&Path>) -> Result<u32> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::LibraryTooNew {
            path: db_path.map(Path::to_path_buf).unwrap_or_default(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// A consistent copy of the library as it was, beside it in `backups/`. Made through a second
/// connection while the caller holds the write lock (VACUUM cannot run inside a transaction),
/// so the copy is exactly the state about to be upgraded.
fn backup(db_path: &Path, version: u32) -> Result<PathBuf> {
    let conn = Connection::open(db_path)?;
    super::connection::configure(&conn)?;
    let dir = db_path.parent().unwrap_or(Path::new(".")).join("backups");
    std::fs::create_dir_all(&dir).map_err(|source| Error::File { path: dir.clone(), source })?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let target = dir.join(format!("library-v{version}-{stamp}.sqlite"));
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok(target)
}

//! A library on disk: created on first use, upgraded from older schemas with a backup,
//! refused with a clear error when damaged, unwritable or from a newer app.

mod common;

use banthao_core::library::migrate::{migrate_to, SCHEMA_VERSION};
use banthao_core::library::{connection, DB_FILE};
use banthao_core::*;
use common::*;

#[test]
fn first_use_creates_the_folder_and_an_empty_library() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a/b/library");
    let lib = Library::open(&dir).unwrap();
    assert!(dir.join(DB_FILE).exists());
    let info = lib.info().unwrap();
    assert_eq!((info.article_count, info.schema_version), (0, SCHEMA_VERSION));
}

#[test]
fn connections_use_wal_full_sync_and_foreign_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = Library::open(tmp.path()).unwrap();
    let c = lib.connection();
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}

#[test]
fn articles_survive_reopening() {
    let tmp = tempfile::tempdir().unwrap();
    let id = {
        let mut lib = Library::open(tmp.path()).unwrap();
        lib.create_article(new_article("Giữ lại", "", &["Nội dung"])).unwrap().id
    };
    let lib = Library::open(tmp.path()).unwrap();
    assert_eq!(lib.get_article(id).unwrap().headline, "Giữ lại");
}

#[test]
fn an_old_library_is_backed_up_then_upgraded() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join(DB_FILE);
    {
        // A library as schema 1 left it: no search index yet.
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        connection::configure(&conn).unwrap();
        migrate_to(&mut conn, Some(&db), 1).unwrap();
        conn.execute(
            "INSERT INTO articles (headline, body, body_text, created_at, updated_at)
             VALUES ('Quận Dương Kinh', '{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"}]}', 'Đà Nẵng', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    let lib = Library::open(tmp.path()).unwrap();
    assert_eq!(lib.info().unwrap().schema_version, SCHEMA_VERSION);
    assert_eq!(lib.search("duong kinh", None, 10).unwrap().len(), 1, "old articles are indexed");
    assert_eq!(lib.search("da nang", None, 10).unwrap().len(), 1);
    let backups: Vec<_> = std::fs::read_dir(tmp.path().join("backups")).unwrap().collect();
    assert_eq!(backups.len(), 1);
    let backup = backups[0].as_ref().unwrap().path();
    let old = rusqlite::Connection::open(&backup).unwrap();
    let v: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let n: u32 = old.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!((v, n), (1, 1), "the backup is the library as it was");
}

#[test]
fn a_library_from_a_newer_app_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut lib = Library::open(tmp.path()).unwrap();
        lib.create_article(new_article("x", "", &[])).unwrap();
        lib.connection().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    let err = Library::open(tmp.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::LibraryTooNew);
    assert!(err.message(Lang::Vi).contains("mới hơn"), "{}", err.message(Lang::Vi));
    assert!(err.message(Lang::En).contains("newer"), "{}", err.message(Lang::En));
    let conn = rusqlite::Connection::open(tmp.path().join(DB_FILE)).unwrap();
    let v: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION + 1);
}

#[test]
fn a_damaged_file_is_a_clear_error_and_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let garbage = b"this is not a database, it is a reporter's note\n".repeat(100);
    std::fs::write(tmp.path().join(DB_FILE), &garbage).unwrap();
    let err = Library::open(tmp.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::LibraryCorrupt);
    assert!(err.message(Lang::Vi).contains("bị hỏng"));
    assert_eq!(std::fs::read(tmp.path().join(DB_FILE)).unwrap(), garbage);
}

#[test]
fn a_folder_that_cannot_be_made_is_unwritable() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let err = Library::open(&file.join("library")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::LibraryUnwritable);
    // Read-only file systems too (root ignores permission bits, so use one).
    let err = Library::open(std::path::Path::new("/proc/banthao-library")).err().unwrap();
    assert_eq!(err.code(), ErrorCode::LibraryUnwritable);
}

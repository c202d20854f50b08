//! Every connection to a library is configured here and nowhere else.

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::time::Duration;

use crate::error::Result;

/// How long a writer waits for another (the CLI and the app may share a library).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// WAL for readers beside one writer; `synchronous=FULL` so an acknowledged save survives a
/// power cut (a reporter's battery dying; `NORMAL` fails tests/crash_safety.rs's power cuts);
/// foreign keys on; the SQL functions and the Vietnamese collation the schema and queries use.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The first statement to touch the file: a damaged file fails here, before anything is written.
    let mode = switch_to_wal(conn)?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(crate::Error::InvalidInput(format!("journal_mode {mode}")));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    register_functions(conn)?;
    Ok(())
}

/// `PRAGMA journal_mode = WAL`, tried again while another process holds the file: switching
/// needs an exclusive lock and SQLite does not wait for it (two processes opening a new
/// library at once, the app and the CLI, would otherwise fail with "database is locked").
fn switch_to_wal(conn: &Connection) -> Result<String> {
    let started = std::time::Instant::now();
    loop {
        let result = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0));
        let busy = matches!(&result, Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy));
        if !busy || started.elapsed() >= BUSY_TIMEOUT {
            return Ok(result?);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Begins a write transaction. IMMEDIATE takes the write lock at BEGIN, waiting for another
/// writer up to [`BUSY_TIMEOUT`]; a deferred one that has already read cannot wait (SQLite
/// answers "database is locked" at once), so a save beside the CLI's would fail instead of
/// ending saved or in a clean conflict.
pub fn write_transaction(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

fn register_functions(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("bt_fold", 1, flags, |ctx| Ok(banthao_text::fold_for_search(&ctx.get::<String>(0)?)))?;
    conn.create_scalar_function("bt_exact", 1, flags, |ctx| Ok(exact_form(&ctx.get::<String>(0)?)))?;
    conn.create_collation("vi", banthao_text::collate_vi)?;
    Ok(())
}

/// The `exact` search column and exact queries: NFC, lowercase, diacritics kept.
pub fn exact_form(s: &str) -> String {
    banthao_text::to_nfc(s).to_lowercase()
}

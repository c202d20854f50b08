//! A handed-over sync base in this library: attached to the endpoint with the same address,
//! or kept (`pending_sync_bases`) until an endpoint with that address is saved. Kept rather
//! than dropped because the base is what lets the next sync merge instead of calling every
//! difference a conflict, and it says which post the article already is (no second post).

use rusqlite::{params, Connection};

use super::format::SyncBaseEntry;
use crate::article::model::ArticleId;
use crate::error::Result;
use crate::sync::{Endpoint, SyncedBase};

/// Writes `entry` as the article's sync record on `endpoint_id`; `version`: the article
/// version the base matches (0: changed since).
pub(super) fn write(
    conn: &Connection,
    article_id: ArticleId,
    endpoint_id: i64,
    entry: &SyncBaseEntry,
    version: i64,
) -> Result<()> {
    let synced = SyncedBase {
        remote_id: entry.remote_id,
        link: entry.link.clone(),
        remote_modified: entry.remote_modified.clone(),
        remote_revision: entry.remote_revision,
        base: entry.base.clone(),
        synced_version: version,
    };
    crate::sync::write_synced(conn, article_id, endpoint_id, &synced, version)
}

/// Attaches the bases waiting for `endpoint`'s address to it (articles that meanwhile got a
/// sync record of their own keep theirs) and forgets them.
pub fn adopt_pending_bases(conn: &Connection, endpoint: &Endpoint) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT p.article_id, p.entry FROM pending_sync_bases p
         WHERE p.endpoint_url = ?1 AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.article_id = p.article_id)",
    )?;
    let waiting = stmt
        .query_map([&endpoint.url], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (article_id, entry) in waiting {
        if let Ok(entry) = serde_json::from_str::<SyncBaseEntry>(&entry) {
            write(conn, article_id, endpoint.id, &entry, 0)?;
        }
    }
    conn.execute("DELETE FROM pending_sync_bases WHERE endpoint_url = ?1", params![endpoint.url])?;
    Ok(())
}

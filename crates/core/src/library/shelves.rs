//! Where an article sits: in the daily list, archived (kept and searchable, out of the way), or
//! in the trash (out of every list, queue and search until restored; emptying the trash
//! deletes for good). Moving an article between shelves is not an edit: its text, version and
//! history stay as they are, so an editor that has it open keeps saving without a conflict.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::connection::write_transaction;
use super::Library;
use crate::error::{Error, Result};
use crate::time::now_rfc3339;
use crate::ArticleId;

/// Which articles a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Shelf {
    /// The daily list: neither archived nor in the trash.
    #[default]
    Active,
    Archived,
    Trash,
}

impl Shelf {
    /// The SQL condition on `articles` (aliased or not) that keeps this shelf's rows.
    pub(crate) fn condition(self, table: &str) -> String {
        let t = if table.is_empty() { String::new() } else { format!("{table}.") };
        match self {
            Shelf::Active => format!("{t}trashed_at IS NULL AND {t}archived_at IS NULL"),
            Shelf::Archived => format!("{t}trashed_at IS NULL AND {t}archived_at IS NOT NULL"),
            Shelf::Trash => format!("{t}trashed_at IS NOT NULL"),
        }
    }

    pub fn parse(s: &str) -> Option<Shelf> {
        Some(match s {
            "active" => Shelf::Active,
            "archived" => Shelf::Archived,
            "trash" => Shelf::Trash,
            _ => return None,
        })
    }
}

/// How many articles each shelf holds (the trash's count is shown on its tab).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShelfCounts {
    pub active: u32,
    pub archived: u32,
    pub trash: u32,
}

impl Library {
    /// Puts articles in the trash (restorable until the trash is emptied). All or none: an
    /// unknown id changes nothing.
    pub fn move_to_trash(&mut self, ids: &[ArticleId]) -> Result<()> {
        self.set_shelf_time(ids, "trashed_at", Some(now_rfc3339()))
    }

    /// Takes articles out of the trash, back where they were (archived ones stay archived).
    pub fn restore_from_trash(&mut self, ids: &[ArticleId]) -> Result<()> {
        self.set_shelf_time(ids, "trashed_at", None)
    }

    /// Archives articles: out of the daily list and the queues, still found by a search.
    pub fn archive(&mut self, ids: &[ArticleId]) -> Result<()> {
        self.set_shelf_time(ids, "archived_at", Some(now_rfc3339()))
    }

    pub fn unarchive(&mut self, ids: &[ArticleId]) -> Result<()> {
        self.set_shelf_time(ids, "archived_at", None)
    }

    fn set_shelf_time(&mut self, ids: &[ArticleId], column: &str, at: Option<String>) -> Result<()> {
        let tx = write_transaction(&mut self.conn)?;
        {
            let mut stmt = tx.prepare(&format!("UPDATE articles SET {column} = ?2 WHERE id = ?1"))?;
            for &id in ids {
                if stmt.execute(params![id, at])? == 0 {
                    return Err(Error::ArticleNotFound(id));
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes every article in the trash for good (with its revisions, notes and sync
    /// records; photos stay in the photo library). Returns how many went.
    pub fn empty_trash(&mut self) -> Result<u32> {
        let tx = write_transaction(&mut self.conn)?;
        tx.execute(
            "DELETE FROM article_search WHERE rowid IN (SELECT search_rowid FROM articles WHERE trashed_at IS NOT NULL)",
            [],
        )?;
        let deleted = tx.execute("DELETE FROM articles WHERE trashed_at IS NOT NULL", [])?;
        tx.commit()?;
        Ok(deleted as u32)
    }

    pub fn shelf_counts(&self) -> Result<ShelfCounts> {
        Ok(self.conn.query_row(
            // Each count from an index (the archive and the trash from their partial ones): the
            // list reloads them often, and a scan of `articles` reads every body.
            "SELECT (SELECT count(*) FROM articles),
                    (SELECT count(*) FROM articles WHERE archived_at IS NOT NULL AND trashed_at IS NULL),
                    (SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL)",
            [],
            |r| {
                let (all, archived, trash): (u32, u32, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok(ShelfCounts { active: all - archived - trash, archived, trash })
            },
        )?)
    }

    /// The shelf one article is on.
    pub fn shelf_of(&self, id: ArticleId) -> Result<Shelf> {
        use rusqlite::OptionalExtension;
        let row: Option<(Option<String>, Option<String>)> = self
            .conn
            .query_row("SELECT archived_at, trashed_at FROM articles WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match row {
            None => Err(Error::ArticleNotFound(id)),
            Some((_, Some(_))) => Ok(Shelf::Trash),
            Some((Some(_), None)) => Ok(Shelf::Archived),
            Some((None, None)) => Ok(Shelf::Active),
        }
    }
}

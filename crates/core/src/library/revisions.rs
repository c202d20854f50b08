//! Revisions: snapshots of an article's content. Saves within one editing burst (up to
//! [`BURST_MILLIS`]) share one revision, so autosave every second does not bury the history,
//! while at least one revision is kept per five minutes of editing. Revisions are numbered
//! 1..N per article, oldest first; that number is what the user sees ("Bản 7").

use rusqlite::{params, Connection, OptionalExtension};

use super::articles::{apply, load, save};
use super::connection::write_transaction;
use super::Library;
use crate::article::model::*;
use crate::article::render::doc_to_text;
use crate::error::{Error, Result};
use crate::time::{add_millis, millis_between};

pub const BURST_MILLIS: i64 = 5 * 60 * 1000;

pub(crate) fn content_of(a: &Article) -> RevisionContent {
    RevisionContent {
        headline: a.headline.clone(),
        sapo: a.sapo.clone(),
        body: a.body.clone(),
        section: a.section.clone(),
        keywords: a.keywords.clone(),
        byline: a.byline.clone(),
        dateline: a.dateline.clone(),
        slug: a.slug.clone(),
    }
}

pub(crate) fn reason_str(r: RevisionReason) -> &'static str {
    match r {
        RevisionReason::Created => "created",
        RevisionReason::Edited => "edited",
        RevisionReason::BeforeRestore => "before_restore",
        RevisionReason::Restored => "restored",
        RevisionReason::UnsavedCopy => "unsaved_copy",
        RevisionReason::Pulled => "pulled",
        RevisionReason::RemoteCopy => "remote_copy",
        RevisionReason::BulkFix => "bulk_fix",
        RevisionReason::Handover => "handover",
    }
}

pub(crate) fn parse_reason(s: &str) -> RevisionReason {
    match s {
        "created" => RevisionReason::Created,
        "before_restore" => RevisionReason::BeforeRestore,
        "restored" => RevisionReason::Restored,
        "unsaved_copy" => RevisionReason::UnsavedCopy,
        "pulled" => RevisionReason::Pulled,
        "remote_copy" => RevisionReason::RemoteCopy,
        "bulk_fix" => RevisionReason::BulkFix,
        "handover" => RevisionReason::Handover,
        _ => RevisionReason::Edited,
    }
}

/// True when `next` differs from `current` in what a revision keeps (not status, schedule,
/// note or photos alone).
pub(crate) fn content_changed(current: &Article, next: &Article) -> bool {
    content_of(current) != content_of(next)
}

/// The burst an `Edited` save may still join: the latest revision, when it is an `Edited`
/// one and no workflow step came after it opened. Its id and when it opened.
fn open_burst(conn: &Connection, article_id: ArticleId) -> Result<Option<(RevisionId, String)>> {
    // A revision handed over to another library (.banthao) is shared history: never rewritten.
    let latest: Option<(RevisionId, String, String)> = conn
        .query_row(
            "SELECT id, reason, opened_at FROM revisions WHERE article_id = ?1 AND handed_over = 0
               AND id = (SELECT max(id) FROM revisions WHERE article_id = ?1)",
            [article_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, _, opened_at)) = latest.filter(|(_, reason, _)| reason == "edited") else {
        return Ok(None);
    };
    // A workflow step closes the burst: "as submitted" must stay what was handed in.
    let stepped: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM transitions WHERE article_id = ?1 AND at >= ?2)",
        params![article_id, opened_at],
        |r| r.get(0),
    )?;
    Ok((!stepped).then_some((id, opened_at)))
}

/// Records the article's current state. An `Edited` save joins the latest revision when that
/// one is an `Edited` revision whose burst started less than [`BURST_MILLIS`] ago. Any other
/// reason (a bulk fix, a restore) is a revision of its own and closes the burst.
/// `body_text` is `a`'s body as plain text (the caller has it already: no second walk).
pub(super) fn record(conn: &Connection, a: &Article, body_text: &str, reason: RevisionReason) -> Result<()> {
    let content = serde_json::to_string(&content_of(a)).expect("revision serializes");
    let tieng = (banthao_text::count_tieng(&a.headline)
        + banthao_text::count_tieng(&a.sapo)
        + banthao_text::count_tieng(body_text)) as i64;
    let now = &a.updated_at;
    if reason == RevisionReason::Edited {
        if let Some((id, opened_at)) = open_burst(conn, a.id)? {
            if millis_between(&opened_at, now).is_some_and(|ms| ms < BURST_MILLIS) {
                conn.execute(
                    "UPDATE revisions SET created_at = ?2, headline = ?3, tieng = ?4, content = ?5 WHERE id = ?1",
                    params![id, now, a.headline, tieng, content],
                )?;
                return Ok(());
            }
        }
    }
    conn.execute(
        "INSERT INTO revisions (article_id, opened_at, created_at, reason, headline, tieng, content)
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
        params![a.id, now, reason_str(reason), a.headline, tieng, content],
    )?;
    Ok(())
}

/// Records `patch` applied to the article as a revision of its own, leaving the article as
/// it is (an unsaved copy, the site's side of a sync conflict). Returns the revision's id.
pub(crate) fn record_copy(
    conn: &Connection,
    id: ArticleId,
    patch: ArticlePatch,
    reason: RevisionReason,
) -> Result<RevisionId> {
    let current = load(conn, id)?;
    let mut copy = apply(conn, &current, patch)?;
    copy.updated_at = crate::time::now_rfc3339();
    record(conn, &copy, &doc_to_text(&copy.body), reason)?;
    Ok(conn.last_insert_rowid())
}

impl Library {
    /// An article's history, newest first, each revision with its number (1 = the oldest).
    pub fn list_revisions(&self, article_id: ArticleId) -> Result<Vec<RevisionSummary>> {
        load(&self.conn, article_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, article_id, created_at, reason, headline, tieng FROM revisions
             WHERE article_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            Ok(RevisionSummary {
                id: r.get(0)?,
                article_id: r.get(1)?,
                number: 0,
                created_at: r.get(2)?,
                reason: parse_reason(&r.get::<_, String>(3)?),
                headline: r.get(4)?,
                tieng: r.get(5)?,
            })
        })?;
        let mut revisions = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let count = revisions.len() as u32;
        for (newer, revision) in revisions.iter_mut().enumerate() {
            revision.number = count - newer as u32;
        }
        Ok(revisions)
    }

    /// The number of the revision the article's content is at (the newest one that is not a
    /// kept copy), and until when the next edit joins it. Cheap: the editor asks after a save
    /// only when that save may have started a new revision.
    pub fn revision_mark(&self, article_id: ArticleId) -> Result<RevisionMark> {
        load(&self.conn, article_id)?;
        let mut stmt =
            self.conn.prepare_cached("SELECT reason FROM revisions WHERE article_id = ?1 ORDER BY id DESC")?;
        let reasons = stmt
            .query_map([article_id], |r| Ok(parse_reason(&r.get::<_, String>(0)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let copies_after = reasons.iter().take_while(|r| r.is_copy()).count();
        let open_until =
            open_burst(&self.conn, article_id)?.and_then(|(_, opened_at)| add_millis(&opened_at, BURST_MILLIS));
        Ok(RevisionMark { number: (reasons.len() - copies_after) as u32, open_until })
    }

    pub fn get_revision(&self, id: RevisionId) -> Result<Revision> {
        self.conn
            .query_row("SELECT id, article_id, created_at, reason, content FROM revisions WHERE id = ?1", [id], |r| {
                let content: String = r.get(4)?;
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?, content))
            })
            .optional()?
            .map(|(id, article_id, created_at, reason, content)| {
                Ok::<_, Error>(Revision {
                    id,
                    article_id,
                    created_at,
                    reason: parse_reason(&reason),
                    content: serde_json::from_str(&content)
                        .map_err(|e| Error::InvalidInput(format!("revision {id}: {e}")))?,
                })
            })
            .transpose()?
            .ok_or(Error::RevisionNotFound(id))
    }

    /// Keeps text that could not be saved as the article (a conflict, on close) as a revision
    /// of its own: the article is unchanged, and the text can be restored from the history.
    pub fn keep_unsaved_copy(&mut self, id: ArticleId, patch: ArticlePatch) -> Result<RevisionSummary> {
        let tx = write_transaction(&mut self.conn)?;
        let revision_id = record_copy(&tx, id, patch, RevisionReason::UnsavedCopy)?;
        tx.commit()?;
        self.list_revisions(id)?.into_iter().find(|r| r.id == revision_id).ok_or(Error::RevisionNotFound(revision_id))
    }

    /// Saves a change made all at once ("Sửa tất cả", the tone style) as a revision of its own:
    /// the editing burst before it closes, and the next edit starts a new one. The editor saves
    /// what was typed first, so restoring the revision before this one undoes exactly the fix.
    pub fn save_bulk_fix(&mut self, id: ArticleId, patch: ArticlePatch) -> Result<Article> {
        let tx = write_transaction(&mut self.conn)?;
        let saved = save(&tx, id, patch, RevisionReason::BulkFix)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Puts a revision's content back as a new save. The state before it is kept as its own
    /// revision, so a restore can be undone by restoring that one.
    pub fn restore_revision(&mut self, id: RevisionId) -> Result<Article> {
        let revision = self.get_revision(id)?;
        let tx = write_transaction(&mut self.conn)?;
        let current = load(&tx, revision.article_id)?;
        let c = revision.content;
        // A slug that was simply the headline's stays tied to the headline.
        let auto_slug = banthao_text::slugify(&c.headline, banthao_text::slug::MAX_SLUG_LEN);
        let slug =
            if c.slug == auto_slug || c.slug.starts_with(&format!("{auto_slug}-")) { String::new() } else { c.slug };
        let patch = ArticlePatch {
            base_version: current.version,
            headline: Some(c.headline),
            sapo: Some(c.sapo),
            body: Some(c.body),
            section: Some(c.section),
            keywords: Some(c.keywords),
            byline: Some(c.byline),
            dateline: Some(c.dateline),
            slug: Some(slug),
            ..Default::default()
        };
        let mut before = current.clone();
        before.updated_at = crate::time::now_rfc3339();
        record(&tx, &before, &doc_to_text(&before.body), RevisionReason::BeforeRestore)?;
        let restored = save(&tx, revision.article_id, patch, RevisionReason::Restored)?;
        tx.commit()?;
        Ok(restored)
    }
}

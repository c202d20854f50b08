//! The outbox: durable "send this article" jobs. "Gửi" always succeeds locally: the job is
//! written in the same transaction as the save it sends, and a worker (the app's, or
//! `banthao sync`) claims due jobs, sends them, and records the outcome.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use crate::article::model::{Article, ArticleId, ArticlePatch, RevisionReason};
use crate::error::{Error, ErrorCode, ErrorPayload, Lang, Result};
use crate::library::Library;
use crate::time::now_rfc3339;

/// A job a worker claimed more than this long ago without finishing was left by a worker
/// that died (killed, crashed, laptop lid closed): another worker may take it over.
pub const SENDING_LEASE_SECS: i64 = 120;

const JOB_COLUMNS: &str = "o.id, o.article_id, a.headline, o.endpoint_id, e.name, o.state, o.attempts, \
     o.next_attempt_at, o.error_code, o.error_vi, o.error_en, o.created_at, o.updated_at";
const JOB_FROM: &str = "outbox o JOIN articles a ON a.id = o.article_id JOIN endpoints e ON e.id = o.endpoint_id";

fn job_from_row(r: &Row, lang: Lang) -> rusqlite::Result<SyncJob> {
    let code: Option<String> = r.get(8)?;
    let message: Option<String> = r.get(if lang == Lang::En { 10 } else { 9 })?;
    Ok(SyncJob {
        id: r.get(0)?,
        article_id: r.get(1)?,
        headline: r.get(2)?,
        endpoint_id: r.get(3)?,
        endpoint_name: r.get(4)?,
        state: JobState::parse(&r.get::<_, String>(5)?),
        attempts: r.get(6)?,
        next_attempt_at: r.get(7)?,
        error: code.map(|c| ErrorPayload { code: parse_code(&c), message: message.unwrap_or_default() }),
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

pub(crate) fn parse_code(code: &str) -> ErrorCode {
    serde_json::from_value(serde_json::Value::String(code.to_string())).unwrap_or(ErrorCode::Internal)
}

pub(crate) fn code_str(code: ErrorCode) -> String {
    serde_json::to_value(code).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Who is sending: this process, as `pid/start time` (the start time tells a reused pid apart).
fn this_claimer() -> String {
    let pid = std::process::id();
    format!("{pid}/{}", process_start(pid).unwrap_or_default())
}

/// A process's start time (clock ticks since boot), from `/proc` on Linux.
fn process_start(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // A zombie (killed, not yet reaped) is not sending anything.
    if matches!(fields.first(), Some(&"Z") | Some(&"X")) {
        return None;
    }
    fields.get(19).map(|s| s.to_string())
}

/// Whether the process that claimed a job still runs. Without `/proc` it is assumed alive
/// (the lease then decides).
fn claimer_alive(claimer: &str) -> bool {
    let Some((pid, start)) = claimer.split_once('/') else { return true };
    let Ok(pid) = pid.parse::<u32>() else { return true };
    if !std::path::Path::new("/proc/self/stat").exists() {
        return true;
    }
    process_start(pid).is_some_and(|s| s == start)
}

/// Binds the article to the endpoint (an article syncs to one) and queues a job for it now.
fn queue(conn: &Connection, article_id: ArticleId, endpoint_id: EndpointId) -> Result<JobId> {
    let bound: Option<EndpointId> = conn
        .query_row("SELECT endpoint_id FROM sync_state WHERE article_id = ?1", [article_id], |r| r.get(0))
        .optional()?;
    match bound {
        Some(other) if other != endpoint_id => {
            let remote: Option<i64> =
                conn.query_row("SELECT remote_id FROM sync_state WHERE article_id = ?1", [article_id], |r| r.get(0))?;
            if remote.is_some() {
                let name: String = conn.query_row("SELECT name FROM endpoints WHERE id = ?1", [other], |r| r.get(0))?;
                return Err(Error::InvalidInput(format!(
                    "article {article_id} is already published to the endpoint '{name}'"
                )));
            }
            conn.execute(
                "UPDATE sync_state SET endpoint_id = ?2 WHERE article_id = ?1",
                params![article_id, endpoint_id],
            )?;
        }
        Some(_) => {}
        None => {
            conn.execute(
                "INSERT INTO sync_state (article_id, endpoint_id) VALUES (?1, ?2)",
                params![article_id, endpoint_id],
            )?;
        }
    }
    let now = now_rfc3339();
    conn.execute(
        "INSERT INTO outbox (article_id, endpoint_id, state, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?1, ?2, 'queued', 0, ?3, ?3, ?3)
         ON CONFLICT (article_id) DO UPDATE SET endpoint_id = excluded.endpoint_id,
           state = CASE WHEN outbox.state = 'sending' THEN 'sending' ELSE 'queued' END,
           attempts = 0, next_attempt_at = excluded.next_attempt_at,
           error_code = NULL, error_vi = NULL, error_en = NULL, updated_at = excluded.updated_at",
        params![article_id, endpoint_id, now],
    )?;
    Ok(conn.query_row("SELECT id FROM outbox WHERE article_id = ?1", [article_id], |r| r.get(0))?)
}

impl Library {
    /// "Gửi": saves `patch` (when given) and queues the article for `endpoint_id`, in one
    /// transaction. Nothing is sent here; the worker does that when the site is reachable.
    pub fn send_article(
        &mut self,
        article_id: ArticleId,
        patch: Option<ArticlePatch>,
        endpoint_id: EndpointId,
    ) -> Result<(Article, SyncJob)> {
        self.endpoint(endpoint_id)?;
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        let article = match patch {
            Some(patch) => crate::library::save_in(&tx, article_id, patch, RevisionReason::Edited)?,
            None => crate::library::load_in(&tx, article_id)?,
        };
        let job_id = queue(&tx, article_id, endpoint_id)?;
        tx.commit()?;
        Ok((article, self.job(job_id, Lang::Vi)?))
    }

    /// Queues every article bound to `endpoint_id` that changed since its last sync.
    pub fn queue_changed(&mut self, endpoint_id: EndpointId) -> Result<Vec<ArticleId>> {
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        let ids: Vec<ArticleId> = {
            let mut stmt = tx.prepare(
                "SELECT s.article_id FROM sync_state s JOIN articles a ON a.id = s.article_id
                 WHERE s.endpoint_id = ?1 AND (s.synced_version IS NULL OR a.version != s.synced_version)
                   AND s.remote_gone IS NULL
                   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.article_id = s.article_id)
                 ORDER BY a.updated_at",
            )?;
            let rows = stmt.query_map([endpoint_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in &ids {
            queue(&tx, *id, endpoint_id)?;
        }
        tx.commit()?;
        Ok(ids)
    }

    pub fn job(&self, id: JobId, lang: Lang) -> Result<SyncJob> {
        self.conn
            .query_row(&format!("SELECT {JOB_COLUMNS} FROM {JOB_FROM} WHERE o.id = ?1"), [id], |r| {
                job_from_row(r, lang)
            })
            .optional()?
            .ok_or_else(|| Error::InvalidInput(format!("no outbox job {id}")))
    }

    /// Every open job: queued, sending, stopped on an error, or waiting on a conflict.
    pub fn outbox(&self, lang: Lang) -> Result<Vec<SyncJob>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {JOB_COLUMNS} FROM {JOB_FROM} ORDER BY o.next_attempt_at, o.id"))?;
        let rows = stmt.query_map([], |r| job_from_row(r, lang))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Claims the next job that is due (queued and its time has come, or left `sending` by a
    /// worker that died), optionally only among `only` articles. The claim is a write, so two
    /// workers (the app and the CLI) never send the same job at once.
    pub fn claim_due_job(&mut self, only: Option<&[ArticleId]>, lang: Lang) -> Result<Option<SyncJob>> {
        let now = chrono::Utc::now();
        let now_s = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let stale =
            (now - chrono::Duration::seconds(SENDING_LEASE_SECS)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        let candidates: Vec<(JobId, ArticleId, String, Option<String>)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id, article_id, state, claimed_by FROM outbox
                 WHERE (state = 'queued' AND next_attempt_at <= ?1) OR state = 'sending'
                 ORDER BY next_attempt_at, id",
            )?;
            let rows = stmt.query_map(params![now_s], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // A job another worker is sending is left alone, unless that worker is gone: its
        // process died (killed, crashed), or its claim is older than the lease.
        let stale_claim = |id: JobId, claimer: &Option<String>| -> Result<bool> {
            let updated: String = tx.query_row("SELECT updated_at FROM outbox WHERE id = ?1", [id], |r| r.get(0))?;
            Ok(updated <= stale || claimer.as_deref().is_none_or(|c| !claimer_alive(c)))
        };
        let mut chosen = None;
        for (id, article, state, claimer) in candidates {
            if !only.is_none_or(|ids| ids.contains(&article)) {
                continue;
            }
            if state == "queued" || stale_claim(id, &claimer)? {
                chosen = Some(id);
                break;
            }
        }
        let Some(job_id) = chosen else { return Ok(None) };
        tx.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2, claimed_by = ?3 WHERE id = ?1",
            params![job_id, now_s, this_claimer()],
        )?;
        tx.commit()?;
        Ok(Some(self.job(job_id, lang)?))
    }

    /// The earliest time a queued job becomes due (for the worker's sleep), if any.
    pub fn next_due_at(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT min(next_attempt_at) FROM outbox WHERE state = 'queued'", [], |r| r.get(0))?)
    }

    /// The job went through: it leaves the outbox.
    pub fn finish_job(&mut self, job_id: JobId) -> Result<()> {
        self.conn.execute("DELETE FROM outbox WHERE id = ?1", [job_id])?;
        Ok(())
    }

    /// A passing failure (network, 5xx, 429): the job goes back to the queue until `at`.
    pub fn retry_job_later(&mut self, job_id: JobId, error: &Error, at: &str) -> Result<()> {
        self.set_job_state(job_id, JobState::Queued, Some(error), Some(at))
    }

    /// A failure a person must look at (the site refused the request): the job waits.
    pub fn fail_job(&mut self, job_id: JobId, error: &Error) -> Result<()> {
        self.set_job_state(job_id, JobState::Failed, Some(error), None)
    }

    fn set_job_state(&mut self, job_id: JobId, state: JobState, error: Option<&Error>, at: Option<&str>) -> Result<()> {
        let now = now_rfc3339();
        self.conn.execute(
            "UPDATE outbox SET state = ?2, error_code = ?3, error_vi = ?4, error_en = ?5,
               next_attempt_at = coalesce(?6, next_attempt_at), updated_at = ?7 WHERE id = ?1",
            params![
                job_id,
                state.as_str(),
                error.map(|e| code_str(e.code())),
                error.map(|e| e.message(Lang::Vi)),
                error.map(|e| e.message(Lang::En)),
                at,
                now
            ],
        )?;
        Ok(())
    }

    /// "Thử lại": a failed or waiting job is sent again as soon as possible.
    pub fn retry_now(&mut self, article_id: ArticleId) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, attempts = 0, updated_at = ?2
             WHERE article_id = ?1 AND state IN ('queued', 'failed')",
            params![article_id, now_rfc3339()],
        )?;
        if changed == 0 {
            return Err(Error::InvalidInput(format!("article {article_id} has no job waiting to be sent")));
        }
        Ok(())
    }

    /// Removes an article's job (the user gave up on sending it).
    pub fn cancel_job(&mut self, article_id: ArticleId) -> Result<()> {
        self.conn.execute("DELETE FROM outbox WHERE article_id = ?1 AND state != 'sending'", [article_id])?;
        Ok(())
    }
}

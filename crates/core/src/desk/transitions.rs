//! Workflow steps as the library records them: who took the article from which status to
//! which, when and why. A step is a save of the status alone (a new version, so sync sends it),
//! and never a revision of the text.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::checklist_in;
use super::workflow::{self, WorkflowRefusal};
use crate::article::model::*;
use crate::error::{Error, Result};
use crate::library::connection::write_transaction;
use crate::library::Library;

/// A workflow step asked for: the status to go to, and what the step needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct StatusChange {
    pub to: Option<ArticleStatus>,
    /// Why: required to return an article (Trả lại); kept with every step.
    #[ts(as = "Option<String>", optional)]
    pub note: String,
    /// Hẹn giờ: when (RFC 3339).
    pub scheduled_at: Option<String>,
    /// Approving over open checklist items: why it is all right.
    #[ts(as = "Option<String>", optional)]
    pub override_note: String,
}

/// One recorded step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Transition {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub at: String,
    pub actor: String,
    /// `reporter`, `editor`, `photo`, or `site` for a status a pull brought in.
    pub role: String,
    pub from: ArticleStatus,
    pub to: ArticleStatus,
    pub note: String,
    /// Checklist items that were open when the step was taken over them (`note` says why).
    pub overridden: Vec<String>,
    pub scheduled_at: Option<String>,
}

/// A step the article can take now, and what it will ask for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NextStep {
    pub to: ArticleStatus,
    pub needs_note: bool,
    pub needs_time: bool,
    pub needs_checklist: bool,
}

fn insert(conn: &Connection, t: &Transition) -> Result<()> {
    conn.execute(
        "INSERT INTO transitions (article_id, at, actor, role, from_status, to_status, note, overridden, scheduled_at,
                                  revision_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 (SELECT max(id) FROM revisions
                  WHERE article_id = ?1 AND reason NOT IN ('unsaved_copy', 'remote_copy')))",
        params![
            t.article_id,
            t.at,
            t.actor,
            t.role,
            t.from.as_str(),
            t.to.as_str(),
            t.note,
            serde_json::to_string(&t.overridden).expect("list serializes"),
            t.scheduled_at
        ],
    )?;
    Ok(())
}

/// A pull brought the site's status: recorded as the site's step.
pub(crate) fn record_from_site(conn: &Connection, before: &Article, after: &Article) -> Result<()> {
    insert(
        conn,
        &Transition {
            id: 0,
            article_id: after.id,
            at: after.updated_at.clone(),
            actor: String::new(),
            role: "site".into(),
            from: before.status,
            to: after.status,
            note: String::new(),
            overridden: Vec::new(),
            scheduled_at: after.scheduled_at.clone(),
        },
    )
}

/// Since when the article has been in its current status (the last step into it), if recorded.
pub(crate) fn waiting_since(conn: &Connection, id: ArticleId, status: ArticleStatus) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT at FROM transitions WHERE article_id = ?1 AND to_status = ?2 ORDER BY id DESC LIMIT 1",
            params![id, status.as_str()],
            |r| r.get(0),
        )
        .optional()?)
}

fn refuse(r: WorkflowRefusal) -> Error {
    Error::Workflow(r)
}

impl Library {
    /// Takes the article one workflow step: checked against the allowed steps, the note and
    /// time requirements, the figures (to submit) and the checklist (to approve, schedule or
    /// publish: open items need `override_note`). Recorded with who took it.
    pub fn change_status(&mut self, id: ArticleId, change: StatusChange) -> Result<Article> {
        let user = self.user()?;
        let to = change.to.ok_or_else(|| Error::InvalidInput("no status to go to".into()))?;
        let note = banthao_text::to_nfc_string(change.note.trim());
        let override_note = banthao_text::to_nfc_string(change.override_note.trim());
        let current = self.get_article(id)?;
        let from = current.status;
        if !workflow::is_allowed(from, to) {
            return Err(refuse(WorkflowRefusal::NotAllowed {
                from,
                to,
                allowed: workflow::next_statuses(from).to_vec(),
            }));
        }
        if workflow::needs_note(to) && note.is_empty() {
            return Err(refuse(WorkflowRefusal::NoteRequired));
        }
        let scheduled_at = change.scheduled_at.as_deref().map(str::trim).filter(|t| !t.is_empty());
        if workflow::needs_time(to) {
            let Some(at) = scheduled_at else { return Err(refuse(WorkflowRefusal::TimeRequired)) };
            let when = chrono::DateTime::parse_from_rfc3339(at).map_err(|_| {
                Error::InvalidInput(format!("'{at}' is not a time (RFC 3339, e.g. 2026-12-02T08:00:00+07:00)"))
            })?;
            if when < chrono::Utc::now() {
                return Err(refuse(WorkflowRefusal::TimeInPast));
            }
        }
        if workflow::needs_complete_figures(from, to) {
            let incomplete = crate::article::figures::incomplete_figures(&current.body);
            if !incomplete.is_empty() {
                return Err(Error::IncompleteFigures(incomplete));
            }
        }
        let mut overridden = Vec::new();
        if workflow::needs_checklist(to) {
            let open: Vec<String> =
                checklist_in(self, &current)?.items.into_iter().filter(|i| !i.ok).map(|i| i.key).collect();
            if !open.is_empty() && override_note.is_empty() {
                return Err(refuse(WorkflowRefusal::ChecklistOpen { items: open }));
            }
            overridden = open;
        }
        let why = match (note.is_empty(), overridden.is_empty()) {
            (_, true) => note,
            (true, false) => override_note,
            (false, false) => format!("{note}\n{override_note}"),
        };
        let patch = ArticlePatch {
            base_version: current.version,
            status: Some(to),
            scheduled_at: match to {
                ArticleStatus::Scheduled => scheduled_at.map(str::to_string),
                // Unscheduled: the time no longer holds.
                ArticleStatus::Approved if from == ArticleStatus::Scheduled => Some(String::new()),
                _ => None,
            },
            ..Default::default()
        };
        let tx = write_transaction(&mut self.conn)?;
        let saved = crate::library::save_with(&tx, id, patch, RevisionReason::Edited, true)?;
        insert(
            &tx,
            &Transition {
                id: 0,
                article_id: id,
                at: saved.updated_at.clone(),
                actor: user.recorded_name().to_string(),
                role: user.role.as_str().to_string(),
                from,
                to,
                note: why,
                overridden,
                scheduled_at: saved.scheduled_at.clone().filter(|_| to == ArticleStatus::Scheduled),
            },
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// The steps the article can take from its status now.
    pub fn next_steps(&self, id: ArticleId) -> Result<Vec<NextStep>> {
        let a = self.get_article(id)?;
        Ok(workflow::next_statuses(a.status)
            .iter()
            .map(|&to| NextStep {
                to,
                needs_note: workflow::needs_note(to),
                needs_time: workflow::needs_time(to),
                needs_checklist: workflow::needs_checklist(to),
            })
            .collect())
    }

    /// Every workflow step the article took, oldest first.
    pub fn list_transitions(&self, id: ArticleId) -> Result<Vec<Transition>> {
        self.get_article(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, article_id, at, actor, role, from_status, to_status, note, overridden, scheduled_at
             FROM transitions WHERE article_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            let status = |i: usize| -> rusqlite::Result<ArticleStatus> {
                Ok(ArticleStatus::parse(&r.get::<_, String>(i)?).unwrap_or(ArticleStatus::Draft))
            };
            Ok(Transition {
                id: r.get(0)?,
                article_id: r.get(1)?,
                at: r.get(2)?,
                actor: r.get(3)?,
                role: r.get(4)?,
                from: status(5)?,
                to: status(6)?,
                note: r.get(7)?,
                overridden: serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_default(),
                scheduled_at: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

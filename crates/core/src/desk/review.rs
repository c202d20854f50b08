//! What changed, for the desk: the diff between two revisions, or between the article "as
//! submitted" and now; the reporter accepts an editor's change (it is not asked again) or
//! rejects it (the old words come back, as a new save).

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::diff::{diff_contents, revert_change, DiffOp, FieldDiff};
use crate::article::model::*;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::time::now_rfc3339;

/// Two versions compared. `from`/`to` are revision ids; `to: None` is the article now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleDiff {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    #[ts(type = "number")]
    pub from: RevisionId,
    #[ts(type = "number | null")]
    pub to: Option<RevisionId>,
    /// The article's version `to: None` was taken at: a reject names it.
    #[ts(type = "number")]
    pub version: i64,
    pub fields: Vec<FieldDiff>,
    /// Change ids (as in the pieces) the reporter has accepted.
    pub accepted: Vec<String>,
}

/// A change's key for "accepted": what it replaced with what, in which field. Position ids
/// shift when a neighbouring change is rejected; the words do not.
fn change_key(field: &FieldDiff, change: &str) -> String {
    let mut deleted = String::new();
    let mut inserted = String::new();
    for p in field.pieces.iter().filter(|p| p.change.as_deref() == Some(change)) {
        match p.op {
            DiffOp::Delete => deleted.push_str(&p.text),
            DiffOp::Insert => inserted.push_str(&p.text),
            DiffOp::Equal => {}
        }
    }
    format!("{}\u{1f}{deleted}\u{1f}{inserted}", field.field.as_str())
}

fn changes(fields: &[FieldDiff]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for f in fields {
        for id in f.pieces.iter().filter_map(|p| p.change.clone()) {
            if !out.iter().any(|(i, _)| *i == id) {
                let key = change_key(f, &id);
                out.push((id, key));
            }
        }
    }
    out
}

impl Library {
    fn content_at(&self, id: ArticleId, revision: Option<RevisionId>) -> Result<(RevisionContent, i64)> {
        match revision {
            Some(r) => {
                let rev = self.get_revision(r)?;
                if rev.article_id != id {
                    return Err(Error::RevisionNotFound(r));
                }
                Ok((rev.content, 0))
            }
            None => {
                let a = self.get_article(id)?;
                let version = a.version;
                Ok((crate::library::content_of(&a), version))
            }
        }
    }

    /// What the other side last saw: for an article handed in again after a return, the
    /// revision it was returned as (the editor sees what the reporter changed since); otherwise
    /// the revision it was last handed in as (the reporter sees what the editor changed). The
    /// first revision when neither step was taken.
    pub fn submitted_revision(&self, id: ArticleId) -> Result<RevisionId> {
        let article = self.get_article(id)?;
        let resubmitted = matches!(article.status, ArticleStatus::Submitted | ArticleStatus::InReview);
        let step = if resubmitted { "returned" } else { "submitted" };
        // The newest such step: the revision it recorded, or (a step from before revisions were
        // recorded) the newest revision no later than its time.
        let last_step = |to: &str| -> Result<Option<(String, Option<RevisionId>)>> {
            Ok(self
                .conn
                .query_row(
                    "SELECT at, revision_id FROM transitions WHERE article_id = ?1 AND to_status = ?2
                     ORDER BY at DESC, id DESC LIMIT 1",
                    params![id, to],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?)
        };
        let mut found = last_step(step)?;
        if found.is_none() && resubmitted {
            found = last_step("submitted")?;
        }
        let at_step: Option<RevisionId> = match found {
            Some((_, Some(revision))) => Some(revision),
            Some((at, None)) => self
                .conn
                .query_row(
                    "SELECT id FROM revisions
                     WHERE article_id = ?1 AND reason NOT IN ('unsaved_copy', 'remote_copy') AND created_at <= ?2
                     ORDER BY id DESC LIMIT 1",
                    params![id, at],
                    |r| r.get(0),
                )
                .optional()?,
            None => None,
        };
        match at_step {
            Some(r) => Ok(r),
            None => {
                Ok(self.conn.query_row("SELECT min(id) FROM revisions WHERE article_id = ?1", [id], |r| r.get(0))?)
            }
        }
    }

    /// What changed from revision `from` (as submitted when `None`) to `to` (now when `None`).
    pub fn diff_article(&self, id: ArticleId, from: Option<RevisionId>, to: Option<RevisionId>) -> Result<ArticleDiff> {
        let from = match from {
            Some(r) => r,
            None => self.submitted_revision(id)?,
        };
        let (old, _) = self.content_at(id, Some(from))?;
        let (new, version) = self.content_at(id, to)?;
        let fields = diff_contents(&old, &new);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT change_key FROM accepted_changes WHERE article_id = ?1 AND from_revision = ?2")?;
        let keys: Vec<String> = stmt.query_map(params![id, from], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let accepted = changes(&fields).into_iter().filter(|(_, key)| keys.contains(key)).map(|(id, _)| id).collect();
        Ok(ArticleDiff { article_id: id, from, to, version, fields, accepted })
    }

    /// Keeps one change from `from` to now; it is no longer asked about.
    pub fn accept_change(&mut self, id: ArticleId, from: RevisionId, change: &str) -> Result<ArticleDiff> {
        let diff = self.diff_article(id, Some(from), None)?;
        let key = changes(&diff.fields)
            .into_iter()
            .find(|(c, _)| c == change)
            .map(|(_, key)| key)
            .ok_or_else(|| Error::InvalidInput(format!("no change '{change}' between these versions")))?;
        let user = self.user()?;
        self.conn.execute(
            "INSERT INTO accepted_changes (article_id, from_revision, change_key, accepted_by, accepted_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![id, from, key, user.recorded_name(), now_rfc3339()],
        )?;
        self.diff_article(id, Some(from), None)
    }

    /// Undoes one change from `from` to now: its old words come back as a new save based on
    /// `base_version` (refused, like any save, if the article changed meanwhile).
    pub fn reject_change(
        &mut self,
        id: ArticleId,
        from: RevisionId,
        change: &str,
        base_version: i64,
    ) -> Result<Article> {
        let (old, _) = self.content_at(id, Some(from))?;
        let (now, _) = self.content_at(id, None)?;
        let back = revert_change(&old, &now, change)?;
        let patch = ArticlePatch {
            base_version,
            headline: Some(back.headline),
            sapo: Some(back.sapo),
            body: Some(back.body),
            section: Some(back.section),
            keywords: Some(back.keywords),
            ..Default::default()
        };
        self.update_article(id, patch)
    }
}

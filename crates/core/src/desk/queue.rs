//! Queues per role, the desk's home screen. A reporter: their returned articles first, then
//! their drafts, then what they handed in and is waiting. An editor: handed-in articles, then
//! those in review, oldest waiting first. A photo desk: articles whose photos lack a caption,
//! credit or alt text, or that carry an open photo request.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::people::{Role, UserProfile};
use crate::article::model::*;
use crate::error::Result;
use crate::library::Library;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueueItem {
    pub article: ArticleSummary,
    pub byline: String,
    /// Since when it has been in its status (the last workflow step into it, else its last save).
    pub waiting_since: String,
    /// Unresolved notes on it.
    pub open_notes: u32,
    /// Photo desk: figures lacking a caption, credit or alt text; open photo requests.
    pub incomplete_figures: u32,
    pub photo_requests: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueueGroup {
    /// `returned`, `drafts`, `waiting` (reporter); `submitted`, `in_review` (editor); `photos`.
    pub key: String,
    pub count: u32,
    pub items: Vec<QueueItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Queue {
    pub role: Role,
    /// Whose queue: articles made by or bylined to this name (all articles when empty).
    pub user: String,
    pub groups: Vec<QueueGroup>,
}

/// How many items each group lists (the count is of all).
const GROUP_LIMIT: usize = 200;

struct Row {
    summary: ArticleSummary,
    byline: String,
    created_by: String,
    body: String,
}

impl Library {
    /// The queue of `role` for `user` (the acting user when `None`).
    pub fn queue(&self, role: Role, user: Option<&UserProfile>) -> Result<Queue> {
        let user = match user {
            Some(u) => u.clone(),
            None => self.user()?,
        };
        let groups = match role {
            Role::Reporter => {
                let mine = |r: &Row| user.name.is_empty() || user.is(&r.created_by) || user.is(&r.byline);
                vec![
                    self.group("returned", &[ArticleStatus::Returned], mine, false)?,
                    self.group("drafts", &[ArticleStatus::Draft], mine, false)?,
                    self.group("waiting", &[ArticleStatus::Submitted, ArticleStatus::InReview], mine, true)?,
                ]
            }
            Role::Editor => vec![
                self.group("submitted", &[ArticleStatus::Submitted], |_| true, true)?,
                self.group("in_review", &[ArticleStatus::InReview], |_| true, true)?,
            ],
            Role::Photo => vec![self.photo_group()?],
        };
        Ok(Queue { role, user: user.name, groups })
    }

    fn rows(&self, statuses: &[ArticleStatus]) -> Result<Vec<Row>> {
        let list: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, headline, section, status, updated_at, byline, created_by,
                    CASE WHEN instr(body, '\"figure\"') > 0 THEN body ELSE '' END
             FROM articles WHERE status IN (SELECT value FROM json_each(?1))
               AND trashed_at IS NULL AND archived_at IS NULL",
        )?;
        let rows = stmt.query_map(params![serde_json::to_string(&list).expect("list")], |r| {
            Ok(Row {
                summary: crate::library::summary_from_row(r)?,
                byline: r.get(5)?,
                created_by: r.get(6)?,
                body: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn item(&self, row: Row) -> Result<QueueItem> {
        let id = row.summary.id;
        let waiting_since = super::transitions::waiting_since(&self.conn, id, row.summary.status)?
            .unwrap_or_else(|| row.summary.updated_at.clone());
        let (open_notes, photo_requests): (u32, u32) = self.conn.query_row(
            "SELECT count(*), coalesce(sum(photo_request), 0) FROM notes
             WHERE article_id = ?1 AND parent_id IS NULL AND resolved_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let incomplete_figures = match row.body.as_str() {
            "" => 0,
            body => serde_json::from_str::<crate::BodyDoc>(body)
                .map(|b| crate::article::figures::incomplete_figures(&b).len() as u32)
                .unwrap_or(0),
        };
        Ok(QueueItem {
            article: row.summary,
            byline: row.byline,
            waiting_since,
            open_notes,
            incomplete_figures,
            photo_requests,
        })
    }

    fn group(
        &self,
        key: &str,
        statuses: &[ArticleStatus],
        keep: impl Fn(&Row) -> bool,
        oldest_first: bool,
    ) -> Result<QueueGroup> {
        let mut items: Vec<QueueItem> =
            self.rows(statuses)?.into_iter().filter(|r| keep(r)).map(|r| self.item(r)).collect::<Result<_>>()?;
        if oldest_first {
            items.sort_by(|a, b| a.waiting_since.cmp(&b.waiting_since).then(a.article.id.cmp(&b.article.id)));
        } else {
            items.sort_by(|a, b| b.article.updated_at.cmp(&a.article.updated_at).then(b.article.id.cmp(&a.article.id)));
        }
        Ok(finish(key, items))
    }

    fn photo_group(&self) -> Result<QueueGroup> {
        let unpublished: Vec<ArticleStatus> =
            ArticleStatus::ALL.into_iter().filter(|s| *s != ArticleStatus::Published).collect();
        let mut items: Vec<QueueItem> = self
            .rows(&unpublished)?
            .into_iter()
            .map(|r| self.item(r))
            .filter(|i| i.as_ref().map_or(true, |i| i.incomplete_figures > 0 || i.photo_requests > 0))
            .collect::<Result<_>>()?;
        items.sort_by(|a, b| a.waiting_since.cmp(&b.waiting_since).then(a.article.id.cmp(&b.article.id)));
        Ok(finish("photos", items))
    }
}

fn finish(key: &str, mut items: Vec<QueueItem>) -> QueueGroup {
    let count = items.len() as u32;
    items.truncate(GROUP_LIMIT);
    QueueGroup { key: key.into(), count, items }
}

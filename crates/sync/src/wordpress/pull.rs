//! Pull for review: a site's drafts and pending posts become articles of this library (their
//! images local photos), for an editor to read and edit offline. Pulling again updates them
//! (three-way, with any local edits), never duplicates them.

use banthao_core::article::model::NewArticle;
use banthao_core::sync::{SyncConflict, SyncedBase};
use serde_json::json;

use super::client::{percent_encode, RemotePost};
use super::content::find_marker;
use super::merge_sides::merge_sides;
use super::session::Session;
use crate::access::LibraryAccess;
use crate::error::{SyncError, SyncResult};

/// Which posts to pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullFilter {
    /// WordPress statuses, e.g. `pending`, `draft`.
    pub statuses: Vec<String>,
    /// A category (chuyên mục) by name.
    pub category: Option<String>,
    /// An author by user name or id.
    pub author: Option<String>,
}

impl Default for PullFilter {
    fn default() -> Self {
        PullFilter { statuses: vec!["pending".into(), "draft".into()], category: None, author: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pulled {
    /// New in this library.
    Created,
    /// Brought up to date with the site.
    Updated,
    /// Nothing changed on the site since the last pull or push.
    Unchanged,
    /// Changed here and on the site in the same place: kept both, a person must choose.
    Conflict,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PullItem {
    pub article_id: i64,
    pub remote_id: i64,
    pub headline: String,
    pub outcome: Pulled,
}

impl<A: LibraryAccess> Session<'_, A> {
    pub fn pull(&self, filter: &PullFilter, progress: &mut dyn FnMut(usize, usize)) -> SyncResult<Vec<PullItem>> {
        let mut extra = String::new();
        if let Some(category) = &filter.category {
            let Some(id) = self.client.find_term("categories", category)? else {
                return Err(SyncError::Local(
                    format!("Trang không có chuyên mục “{category}”."),
                    banthao_core::ErrorCode::NotFound,
                    format!("The site has no category '{category}'."),
                ));
            };
            extra.push_str(&format!("&categories={id}"));
        }
        if let Some(author) = &filter.author {
            let id = match author.parse::<i64>() {
                Ok(id) => id,
                Err(_) => self.client.user_id(author)?,
            };
            extra.push_str(&format!("&author={id}"));
        }
        let statuses = filter.statuses.iter().map(|s| percent_encode(s)).collect::<Vec<_>>().join(",");
        let mut posts = Vec::new();
        let mut page = 1;
        loop {
            let (batch, pages) = self.client.list_posts(&statuses, &extra, page)?;
            posts.extend(batch);
            if page >= pages {
                break;
            }
            page += 1;
        }
        let mut out = Vec::with_capacity(posts.len());
        for (i, post) in posts.iter().enumerate() {
            out.push(self.pull_post(post)?);
            progress(i + 1, posts.len());
        }
        Ok(out)
    }

    fn pull_post(&self, post: &RemotePost) -> SyncResult<PullItem> {
        let endpoint = self.endpoint.id;
        let uid = find_marker(&post.content);
        let by_id = self.lib(|l| l.article_for_remote(endpoint, post.id))?;
        let existing = match (by_id, &uid) {
            (Some(id), _) => Some(id),
            (None, Some(uid)) => self.lib(|l| l.article_by_uid(uid))?.map(|a| a.id),
            (None, None) => None,
        };
        let (theirs, remote_base) = self.remote_side(post)?;
        let synced = |version: i64| SyncedBase {
            remote_id: post.id,
            link: post.link.clone(),
            remote_modified: post.modified_gmt.clone(),
            remote_revision: post.revision,
            base: serde_json::to_string(&remote_base).expect("base serializes"),
            synced_version: version,
        };
        let Some(article_id) = existing else {
            let body = self.side_to_doc(&theirs.blocks)?;
            let input = NewArticle {
                headline: theirs.headline.clone(),
                sapo: theirs.sapo.clone(),
                body: Some(body),
                section: theirs.section.clone(),
                keywords: theirs.keywords.clone(),
                slug: (!theirs.slug.is_empty()).then(|| theirs.slug.clone()),
                uid,
                ..Default::default()
            };
            let status = self.endpoint.status_map.local(&post.status);
            let featured = self.featured_local(theirs.featured)?;
            let article = self.lib(|l| l.create_pulled(input, status, featured, endpoint, &synced(0)))?;
            return Ok(PullItem {
                article_id: article.id,
                remote_id: post.id,
                headline: article.headline,
                outcome: Pulled::Created,
            });
        };
        let article = self.lib(|l| l.get_article(article_id))?;
        let record = self.lib(|l| l.sync_record(article_id))?;
        let base: Option<super::side::RemoteBase> =
            record.as_ref().and_then(|r| r.base.as_deref()).and_then(|b| serde_json::from_str(b).ok());
        let item = |outcome| PullItem { article_id, remote_id: post.id, headline: article.headline.clone(), outcome };
        if base.as_ref().is_some_and(|b| !b.changed_on_site(post)) {
            return Ok(item(Pulled::Unchanged));
        }
        let images = self.known_images(&article)?;
        let ours = self.local_side(&article, &images)?;
        // Without a base (a post found by its marker), the site's version is the base: our
        // differences are kept as local changes.
        let base_side = match &base {
            Some(b) => b.side(),
            None => theirs.clone(),
        };
        let merged = merge_sides(&base_side, &ours, &theirs, None);
        if !merged.conflicts.is_empty() {
            let copy = self.patch_for(&article, &theirs)?;
            let conflict = SyncConflict {
                article_id,
                hunks: merged.conflicts.clone(),
                merge_state: json!({ "remote": remote_base }),
            };
            self.lib(|l| l.record_conflict(article_id, &conflict, Some(copy)))?;
            return Ok(item(Pulled::Conflict));
        }
        let mut version = article.version;
        if !merged.side.same_as(&ours) {
            let patch = self.patch_for(&article, &merged.side)?;
            version = self.lib(|l| l.save_from_remote(article_id, patch))?.version;
        }
        // In step with the site only when the merge is exactly the site's version.
        let in_step = merged.side.same_as(&theirs);
        let mut s = synced(version);
        if !in_step {
            s.synced_version = -1;
        }
        self.lib(|l| l.record_synced(article_id, endpoint, &s))?;
        Ok(item(Pulled::Updated))
    }
}

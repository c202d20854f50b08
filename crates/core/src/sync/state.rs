//! Each article's sync record (which endpoint, which post, the base of the next three-way
//! merge) and the photos already on each site.

use rusqlite::{params, OptionalExtension};

use super::model::*;
use super::outbox::parse_code;
use crate::article::model::{Article, ArticleId, ArticlePatch, RevisionReason};
use crate::error::{Error, ErrorPayload, Lang, Result};
use crate::library::Library;
use crate::time::now_rfc3339;

/// What the library remembers of an article's post at its last sync.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncRecord {
    pub article_id: ArticleId,
    pub endpoint_id: EndpointId,
    pub remote_id: Option<i64>,
    pub link: Option<String>,
    pub remote_modified: Option<String>,
    pub remote_revision: Option<i64>,
    /// The post as the server returned it (JSON, shaped by the sync crate).
    pub base: Option<String>,
    pub synced_version: Option<i64>,
    pub synced_at: Option<String>,
    pub conflict: Option<SyncConflict>,
    pub remote_gone: Option<String>,
}

/// A sync that went through: the post and the base to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedBase {
    pub remote_id: i64,
    pub link: String,
    pub remote_modified: String,
    pub remote_revision: Option<i64>,
    pub base: String,
    pub synced_version: i64,
}

/// A photo already uploaded to a site (remote id 0: an upload was sent, its answer unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteMedia {
    pub remote_id: i64,
    pub url: String,
    /// Caption/alt/credit last sent, as the sync crate wrote them.
    pub meta: String,
}

impl Library {
    pub fn sync_record(&self, article_id: ArticleId) -> Result<Option<SyncRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT article_id, endpoint_id, remote_id, link, remote_modified, remote_revision, base,
                        synced_version, synced_at, conflict, remote_gone
                 FROM sync_state WHERE article_id = ?1",
                [article_id],
                |r| {
                    Ok(SyncRecord {
                        article_id: r.get(0)?,
                        endpoint_id: r.get(1)?,
                        remote_id: r.get(2)?,
                        link: r.get(3)?,
                        remote_modified: r.get(4)?,
                        remote_revision: r.get(5)?,
                        base: r.get(6)?,
                        synced_version: r.get(7)?,
                        synced_at: r.get(8)?,
                        conflict: r.get::<_, Option<String>>(9)?.and_then(|c| serde_json::from_str(&c).ok()),
                        remote_gone: r.get(10)?,
                    })
                },
            )
            .optional()?)
    }

    /// The article whose post on `endpoint_id` is `remote_id`.
    pub fn article_for_remote(&self, endpoint_id: EndpointId, remote_id: i64) -> Result<Option<ArticleId>> {
        Ok(self
            .conn
            .query_row(
                "SELECT article_id FROM sync_state WHERE endpoint_id = ?1 AND remote_id = ?2",
                params![endpoint_id, remote_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Written as soon as a create is answered, before anything else, so that a crash after
    /// it never leads to a second post.
    pub fn record_remote_id(
        &mut self,
        article_id: ArticleId,
        endpoint_id: EndpointId,
        remote_id: i64,
        link: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_state (article_id, endpoint_id, remote_id, link) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (article_id) DO UPDATE SET endpoint_id = excluded.endpoint_id,
               remote_id = excluded.remote_id, link = excluded.link, remote_gone = NULL",
            params![article_id, endpoint_id, remote_id, link],
        )?;
        Ok(())
    }

    /// A ninjs item went through: no remote id (the receiver names it by `uri` + `version`);
    /// the base is what was sent (`{"sha256": …, "version": …}`), so the same content is never
    /// sent twice.
    pub fn record_ninjs_pushed(
        &mut self,
        article_id: ArticleId,
        endpoint_id: EndpointId,
        uri: &str,
        base: &str,
        version: i64,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_state (article_id, endpoint_id, link, base, synced_version, synced_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (article_id) DO UPDATE SET endpoint_id = excluded.endpoint_id, link = excluded.link,
               base = excluded.base, synced_version = excluded.synced_version, synced_at = excluded.synced_at,
               conflict = NULL, remote_gone = NULL",
            params![article_id, endpoint_id, uri, base, version, now_rfc3339()],
        )?;
        Ok(())
    }

    /// The sync went through: keep the post's state as the next base, clear any conflict.
    pub fn record_synced(&mut self, article_id: ArticleId, endpoint_id: EndpointId, synced: &SyncedBase) -> Result<()> {
        write_synced(&self.conn, article_id, endpoint_id, synced, synced.synced_version)
    }

    /// Both sides changed the same place: the job waits for a person, the site's version is
    /// kept as a revision beside the article (nothing lost, nothing overwritten).
    pub fn record_conflict(
        &mut self,
        article_id: ArticleId,
        conflict: &SyncConflict,
        remote_copy: Option<ArticlePatch>,
    ) -> Result<()> {
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        // The same site version met again (a re-send before anyone chose) is already kept.
        let known: Option<String> = tx
            .query_row("SELECT conflict FROM sync_state WHERE article_id = ?1", [article_id], |r| r.get(0))
            .optional()?
            .flatten();
        let same_site_version = known
            .and_then(|json| serde_json::from_str::<SyncConflict>(&json).ok())
            .is_some_and(|known| known.merge_state == conflict.merge_state && !known.merge_state.is_null());
        if let Some(copy) = remote_copy.filter(|_| !same_site_version) {
            crate::library::record_copy(&tx, article_id, copy, RevisionReason::RemoteCopy)?;
        }
        tx.execute(
            "UPDATE sync_state SET conflict = ?2 WHERE article_id = ?1",
            params![article_id, serde_json::to_string(conflict).expect("conflict serializes")],
        )?;
        let err = Error::Remote {
            code: crate::ErrorCode::SyncConflict,
            vi: "Bài đã được sửa trên trang ở cùng chỗ với bản ở đây: hãy chọn bản giữ lại.".into(),
            en: "The post was changed on the site in the same place as here: choose which version to keep.".into(),
        };
        tx.execute(
            "UPDATE outbox SET state = 'conflict', error_code = 'sync_conflict', error_vi = ?2, error_en = ?3,
               updated_at = ?4 WHERE article_id = ?1",
            params![article_id, err.message(Lang::Vi), err.message(Lang::En), now_rfc3339()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The post was trashed or deleted on the site: reported, never recreated silently.
    pub fn record_remote_gone(&mut self, article_id: ArticleId, how: &str) -> Result<()> {
        self.conn.execute("UPDATE sync_state SET remote_gone = ?2 WHERE article_id = ?1", params![article_id, how])?;
        Ok(())
    }

    /// Forgets the post an article was linked to (after it was deleted on the site and the
    /// user chose to publish it again as a new post).
    pub fn unlink_remote(&mut self, article_id: ArticleId) -> Result<()> {
        self.conn.execute(
            "UPDATE sync_state SET remote_id = NULL, link = NULL, base = NULL, remote_modified = NULL,
               remote_revision = NULL, synced_version = NULL, conflict = NULL, remote_gone = NULL
             WHERE article_id = ?1",
            [article_id],
        )?;
        Ok(())
    }

    /// What the list and the editor show for an article (None: never sent anywhere).
    pub fn article_sync(&self, article_id: ArticleId, lang: Lang) -> Result<Option<ArticleSync>> {
        Ok(self.article_syncs(&[article_id], lang)?.pop())
    }

    /// The sync state of the articles named (an article never sent anywhere has none): the list
    /// asks for the rows it shows, so this costs what is on screen, not what was ever published.
    pub fn article_syncs(&self, ids: &[ArticleId], lang: Lang) -> Result<Vec<ArticleSync>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.article_id, s.endpoint_id, e.name, s.remote_id, s.link, s.synced_at, s.synced_version,
                    a.version, s.conflict IS NOT NULL, s.remote_gone, o.state, o.error_code, o.error_vi,
                    o.error_en, o.attempts, o.next_attempt_at
             FROM sync_state s JOIN articles a ON a.id = s.article_id JOIN endpoints e ON e.id = s.endpoint_id
             LEFT JOIN outbox o ON o.article_id = s.article_id
             WHERE s.article_id IN (SELECT value FROM json_each(?1))",
        )?;
        let ids = serde_json::to_string(ids).expect("ids");
        let rows = stmt.query_map([ids], |r| {
            let synced_version: Option<i64> = r.get(6)?;
            let version: i64 = r.get(7)?;
            let conflict: bool = r.get(8)?;
            let gone: Option<String> = r.get(9)?;
            let job: Option<String> = r.get(10)?;
            let code: Option<String> = r.get(11)?;
            let message: Option<String> = r.get(if lang == Lang::En { 13 } else { 12 })?;
            let badge = match (job.as_deref().map(JobState::parse), conflict, gone.is_some()) {
                (Some(JobState::Conflict), _, _) | (_, true, _) => SyncBadge::Conflict,
                (_, _, true) => SyncBadge::RemoteGone,
                (Some(JobState::Failed), _, _) => SyncBadge::Error,
                (Some(JobState::Sending), _, _) => SyncBadge::Sending,
                (Some(JobState::Queued), _, _) => SyncBadge::Pending,
                (None, _, _) if synced_version == Some(version) => SyncBadge::Synced,
                (None, _, _) => SyncBadge::Changed,
            };
            let error = match (&gone, code) {
                (Some(how), _) => {
                    Some(ErrorPayload { code: crate::ErrorCode::RemoteGone, message: gone_message(how, lang) })
                }
                (None, Some(c)) => Some(ErrorPayload { code: parse_code(&c), message: message.unwrap_or_default() }),
                (None, None) => None,
            };
            Ok(ArticleSync {
                article_id: r.get(0)?,
                badge,
                endpoint_id: r.get(1)?,
                endpoint_name: r.get(2)?,
                remote_id: r.get(3)?,
                link: r.get(4)?,
                synced_at: r.get(5)?,
                error,
                attempts: r.get::<_, Option<u32>>(14)?.unwrap_or(0),
                next_attempt_at: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn remote_media(&self, endpoint_id: EndpointId, hash: &str, pixels: &str) -> Result<Option<RemoteMedia>> {
        Ok(self
            .conn
            .query_row(
                "SELECT remote_id, url, meta FROM remote_media WHERE endpoint_id = ?1 AND media_hash = ?2 AND pixels = ?3",
                params![endpoint_id, hash, pixels],
                |r| Ok(RemoteMedia { remote_id: r.get(0)?, url: r.get(1)?, meta: r.get(2)? }),
            )
            .optional()?)
    }

    /// The local photo a site's media item is (a pulled image, or one we uploaded).
    pub fn media_for_remote(&self, endpoint_id: EndpointId, remote_id: i64) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT media_hash, pixels FROM remote_media WHERE endpoint_id = ?1 AND remote_id = ?2 AND remote_id > 0",
                params![endpoint_id, remote_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Written before a photo's upload is sent: if its answer never comes, the next attempt
    /// knows to look for the item on the site first (remote id 0 marks "sent, answer unknown").
    pub fn mark_upload_started(&mut self, endpoint_id: EndpointId, hash: &str, pixels: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO remote_media (endpoint_id, media_hash, pixels, remote_id, url, meta, uploaded_at)
             VALUES (?1, ?2, ?3, 0, '', '', ?4) ON CONFLICT DO NOTHING",
            params![endpoint_id, hash, pixels, now_rfc3339()],
        )?;
        Ok(())
    }

    pub fn put_remote_media(
        &mut self,
        endpoint_id: EndpointId,
        hash: &str,
        pixels: &str,
        media: &RemoteMedia,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO remote_media (endpoint_id, media_hash, pixels, remote_id, url, meta, uploaded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (endpoint_id, media_hash, pixels) DO UPDATE SET remote_id = excluded.remote_id,
               url = excluded.url, meta = excluded.meta",
            params![endpoint_id, hash, pixels, media.remote_id, media.url, media.meta, now_rfc3339()],
        )?;
        Ok(())
    }

    /// A post pulled for review becomes an article, with its sync record, in one transaction:
    /// a pull killed half-way never leaves an article that the next pull would make again.
    pub fn create_pulled(
        &mut self,
        input: crate::article::model::NewArticle,
        status: crate::article::model::ArticleStatus,
        featured_media_id: Option<i64>,
        endpoint_id: EndpointId,
        synced: &SyncedBase,
    ) -> Result<Article> {
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        let mut article = crate::library::create_in(&tx, input)?;
        if status != article.status || featured_media_id.is_some() {
            let patch = ArticlePatch {
                base_version: article.version,
                status: Some(status),
                featured_media_id,
                ..Default::default()
            };
            article = crate::library::save_in(&tx, article.id, patch, RevisionReason::Pulled)?;
        }
        write_synced(&tx, article.id, endpoint_id, synced, article.version)?;
        tx.commit()?;
        Ok(article)
    }

    /// Saves a merge or a pull into an article (a revision marks where it came from).
    pub fn save_from_remote(&mut self, article_id: ArticleId, patch: ArticlePatch) -> Result<Article> {
        let tx = crate::library::connection::write_transaction(&mut self.conn)?;
        let saved = crate::library::save_in(&tx, article_id, patch, RevisionReason::Pulled)?;
        tx.commit()?;
        Ok(saved)
    }
}

/// The one write of a sync record after a sync: the post, its base, the version it matches.
pub(crate) fn write_synced(
    conn: &rusqlite::Connection,
    article_id: ArticleId,
    endpoint_id: EndpointId,
    synced: &SyncedBase,
    version: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (article_id, endpoint_id, remote_id, link, remote_modified, remote_revision, base,
           synced_version, synced_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (article_id) DO UPDATE SET endpoint_id = excluded.endpoint_id, remote_id = excluded.remote_id,
           link = excluded.link, remote_modified = excluded.remote_modified,
           remote_revision = excluded.remote_revision, base = excluded.base,
           synced_version = excluded.synced_version, synced_at = excluded.synced_at, conflict = NULL,
           remote_gone = NULL",
        params![
            article_id,
            endpoint_id,
            synced.remote_id,
            synced.link,
            synced.remote_modified,
            synced.remote_revision,
            synced.base,
            version,
            now_rfc3339()
        ],
    )?;
    Ok(())
}

fn gone_message(how: &str, lang: Lang) -> String {
    match (how, lang) {
        ("trash", Lang::Vi) => "Bài đã bị chuyển vào thùng rác trên trang. Không gửi lại tự động.".into(),
        ("trash", Lang::En) => "The post was moved to the trash on the site. It is not sent again by itself.".into(),
        (_, Lang::Vi) => "Bài đã bị xoá trên trang. Không tạo lại tự động.".into(),
        (_, Lang::En) => "The post was deleted on the site. It is not recreated by itself.".into(),
    }
}

//! Sending one article to its post: photos first, then a check of the post's marker, then
//! a create or an update — merged three-way with the site's changes when there are any.
//!
//! No duplicates: the post carries the article's uid as a marker; before any create that may
//! already have happened (no post id recorded yet) the site is searched for it, and the id is
//! recorded the moment a create is answered.

use banthao_core::article::model::{Article, ArticlePatch, ArticleStatus};
use banthao_core::media::FigureLook;
use banthao_core::sync::{ConflictSide, SyncConflict, SyncRecord, SyncedBase};
use banthao_core::{BodyDoc, PmNode};
use serde_json::{json, Value};
use std::collections::HashMap;

use super::client::RemotePost;
use super::content::{blocks_to_content, body_to_blocks, marker_comment, PulledBlock, RemoteImage};
use super::merge_sides::merge_sides;
use super::photos::{figure_key, figure_look, Wanted};
use super::session::Session;
use super::side::{RemoteBase, Side, SideBlock, Term};
use crate::access::LibraryAccess;
use crate::error::{SyncError, SyncResult};

/// What a push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    Created,
    Updated,
    /// The site already had this version: only the marker was checked.
    Unchanged,
    /// The site's changes were merged in (and ours sent, if any).
    Merged,
    /// Both sides changed the same place: a person must choose.
    Conflict,
    /// The article was saved here while it was being sent: send again.
    Again,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PushReport {
    pub outcome: Pushed,
    pub remote_id: Option<i64>,
    pub link: Option<String>,
    pub conflicts: usize,
}

/// The site's images for an article's figures and featured photo, by (photo, pixels).
pub struct ImageMap(HashMap<(i64, String), RemoteImage>);

impl ImageMap {
    /// A figure the site does not have yet maps to a stand-in (negative id): it compares as
    /// new, and is uploaded before anything is sent.
    pub fn image(&self, figure: &PmNode) -> Option<RemoteImage> {
        let key = figure_key(figure);
        Some(self.0.get(&key).cloned().unwrap_or(RemoteImage { id: -key.0, url: String::new() }))
    }

    fn featured(&self, media_id: Option<i64>) -> i64 {
        media_id.map_or(0, |id| self.0.get(&(id, "r0".to_string())).map_or(-id, |i| i.id))
    }
}

fn figures(doc: &PmNode, out: &mut Vec<PmNode>) {
    if doc.node_type == "figure" {
        out.push(doc.clone());
    }
    for child in doc.content.iter().flatten() {
        figures(child, out);
    }
}

impl<A: LibraryAccess> Session<'_, A> {
    /// Uploads (once) every photo the article shows.
    pub fn upload_photos(&self, article: &Article) -> SyncResult<ImageMap> {
        let mut all = Vec::new();
        figures(&article.body, &mut all);
        let mut keys = Vec::new();
        let mut wanted = Vec::new();
        for figure in &all {
            let key = figure_key(figure);
            if !keys.contains(&key) {
                let (media_id, look, alt) = figure_look(figure);
                wanted.push(Wanted::read(self, media_id, &look, &alt)?);
                keys.push(key);
            }
        }
        if let Some(id) = article.featured_media_id {
            let key = (id, "r0".to_string());
            if !keys.contains(&key) {
                let media = self.lib(|l| l.media(id))?;
                let look =
                    FigureLook { caption: media.caption.clone(), credit: media.credit.clone(), ..Default::default() };
                wanted.push(Wanted::read(self, id, &look, &media.caption)?);
                keys.push(key);
            }
        }
        let images = self.ensure_photos(wanted)?;
        Ok(ImageMap(keys.into_iter().zip(images).collect()))
    }

    /// The known images only (no upload): for comparing before deciding to send.
    pub fn known_images(&self, article: &Article) -> SyncResult<ImageMap> {
        let mut map = HashMap::new();
        let mut all = Vec::new();
        figures(&article.body, &mut all);
        let endpoint = self.endpoint.id;
        let mut keys: Vec<(i64, String)> = all.iter().map(figure_key).collect();
        keys.extend(article.featured_media_id.map(|id| (id, "r0".to_string())));
        for (id, pixels) in keys {
            let media = self.lib(|l| l.media(id))?;
            if let Some(known) =
                self.lib(|l| l.remote_media(endpoint, &media.hash, &pixels))?.filter(|k| k.remote_id > 0)
            {
                map.insert((id, pixels), RemoteImage { id: known.remote_id, url: known.url });
            }
        }
        Ok(ImageMap(map))
    }

    /// The article as the site would show it.
    pub fn local_side(&self, article: &Article, images: &ImageMap) -> SyncResult<Side> {
        let blocks = body_to_blocks(&article.body, &|f| images.image(f))
            .map_err(|e| SyncError::BadAnswer(format!("figure without image: {e:?}")))?;
        let content = blocks_to_content(&blocks, &article.uid);
        let mut side = Side::from_remote(
            &article.headline,
            &article.sapo,
            &content,
            &article.slug,
            self.endpoint.status_map.remote(article.status),
            if article.section.is_empty() { vec![] } else { vec![article.section.clone()] },
            article.keywords.clone(),
            images.featured(article.featured_media_id),
        );
        // Our own nodes ride along, so blocks nobody changed come back exactly.
        let top: Vec<PmNode> = article.body.content.clone().unwrap_or_default();
        if top.len() == side.blocks.len() {
            for (b, node) in side.blocks.iter_mut().zip(top) {
                b.origin = Some(node);
            }
        }
        Ok(side)
    }

    /// The site's post as a side (term ids turned into names).
    pub fn remote_side(&self, post: &RemotePost) -> SyncResult<(Side, RemoteBase)> {
        let categories = self.terms("categories", &post.categories)?;
        let tags = self.terms("tags", &post.tags)?;
        let base = RemoteBase::from_post(post, categories, tags);
        Ok((base.side(), base))
    }

    fn terms(&self, taxonomy: &str, ids: &[i64]) -> SyncResult<Vec<Term>> {
        let names = self.client.term_names(taxonomy, ids)?;
        // The site's default category (id 1, "Uncategorized") is no chuyên mục at all.
        Ok(ids
            .iter()
            .filter(|id| !(taxonomy == "categories" && **id == 1))
            .filter_map(|id| names.iter().find(|(i, _)| i == id).map(|(i, n)| Term { id: *i, name: n.clone() }))
            .collect())
    }

    /// A side's body as this library's document: our own nodes where we have them, the
    /// site's images as local photos, unknown blocks kept as they are.
    pub fn side_to_doc(&self, blocks: &[SideBlock]) -> SyncResult<BodyDoc> {
        let mut content = Vec::new();
        for b in blocks {
            content.push(match (&b.origin, &b.block) {
                (Some(node), _) => node.clone(),
                (None, PulledBlock::Node(node)) => node.clone(),
                (None, PulledBlock::Image(image)) => self.local_figure(image)?,
                (None, PulledBlock::Raw(html)) => PmNode {
                    node_type: "raw_block".into(),
                    attrs: json!({ "html": html }).as_object().cloned(),
                    content: None,
                    text: None,
                    marks: None,
                },
            });
        }
        if content.is_empty() {
            return Ok(banthao_core::article::render::empty_doc());
        }
        Ok(PmNode { node_type: "doc".into(), attrs: None, content: Some(content), text: None, marks: None })
    }

    /// The library photo for a side's featured image (a site media id; negative: a photo of
    /// ours not on the site yet; 0: none).
    pub fn featured_local(&self, featured: i64) -> SyncResult<Option<i64>> {
        Ok(match featured {
            0 => None,
            id if id < 0 => Some(-id),
            id => {
                let image = super::content::PulledImage {
                    remote_id: Some(id),
                    src: String::new(),
                    alt: String::new(),
                    caption: vec![],
                    credit: String::new(),
                };
                let figure = self.local_figure(&image)?;
                figure.attrs.as_ref().and_then(|a| a.get("media_id")).and_then(Value::as_i64)
            }
        })
    }

    /// The patch that makes an article show `side`.
    pub fn patch_for(&self, article: &Article, side: &Side) -> SyncResult<ArticlePatch> {
        let featured = Some(self.featured_local(side.featured)?.unwrap_or(0));
        let status = ArticleStatus::ALL
            .into_iter()
            .find(|s| *s == article.status && self.endpoint.status_map.remote(*s) == side.status)
            .unwrap_or_else(|| self.endpoint.status_map.local(&side.status));
        Ok(ArticlePatch {
            base_version: article.version,
            headline: Some(side.headline.clone()),
            sapo: Some(side.sapo.clone()),
            body: Some(self.side_to_doc(&side.blocks)?),
            section: Some(side.section.clone()),
            keywords: Some(side.keywords.clone()),
            slug: (side.slug != article.slug).then(|| side.slug.clone()),
            status: Some(status),
            featured_media_id: featured,
            ..Default::default()
        })
    }

    /// The post's fields for a create or an update.
    fn payload(
        &self,
        article: &Article,
        images: &ImageMap,
        base: Option<&RemoteBase>,
    ) -> SyncResult<(Value, Vec<Term>, Vec<Term>)> {
        let blocks = body_to_blocks(&article.body, &|f| images.image(f))
            .map_err(|e| SyncError::BadAnswer(format!("figure without image: {e:?}")))?;
        let content = blocks_to_content(&blocks, &article.uid);
        let known =
            |terms: Option<&Vec<Term>>, name: &str| terms.into_iter().flatten().find(|t| t.name == name).map(|t| t.id);
        let mut categories = Vec::new();
        if !article.section.is_empty() {
            let id = match known(base.map(|b| &b.categories), &article.section) {
                Some(id) => id,
                None => self.client.ensure_term("categories", &article.section)?,
            };
            categories.push(Term { id, name: article.section.clone() });
        }
        let mut tags = Vec::new();
        for k in &article.keywords {
            let id = match known(base.map(|b| &b.tags), k) {
                Some(id) => id,
                None => self.client.ensure_term("tags", k)?,
            };
            tags.push(Term { id, name: k.clone() });
        }
        let status = self.endpoint.status_map.remote(article.status);
        let mut body = json!({
            "title": article.headline,
            "content": content,
            "excerpt": article.sapo,
            "slug": article.slug,
            "status": status,
            "categories": categories.iter().map(|t| t.id).collect::<Vec<_>>(),
            "tags": tags.iter().map(|t| t.id).collect::<Vec<_>>(),
            "featured_media": images.featured(article.featured_media_id).max(0),
        });
        if status == "future" {
            let Some(at) = &article.scheduled_at else {
                return Err(SyncError::Local(
                    "Bài hẹn giờ cần có thời điểm đăng: hãy chọn giờ đăng trong Thông tin bài.".into(),
                    banthao_core::ErrorCode::InvalidInput,
                    "A scheduled article needs a publication time: set it in the article's info.".into(),
                ));
            };
            let utc = chrono::DateTime::parse_from_rfc3339(at).map(|t| t.with_timezone(&chrono::Utc));
            if let Ok(t) = utc {
                body["date_gmt"] = json!(t.format("%Y-%m-%dT%H:%M:%S").to_string());
            }
        }
        Ok((body, categories, tags))
    }

    fn post_by_id(&self, id: i64) -> SyncResult<RemotePost> {
        match self.client.get_post(id) {
            Ok(post) if post.status == "trash" => Err(SyncError::Gone { trashed: true }),
            Ok(post) => Ok(post),
            Err(SyncError::Refused { status: 404 | 410, .. }) => Err(SyncError::Gone { trashed: false }),
            Err(e) => Err(e),
        }
    }

    /// Sends the article (the worker's unit of work).
    pub fn push(&self, article_id: i64, choices: Option<&[ConflictSide]>) -> SyncResult<PushReport> {
        let article = self.lib(|l| l.get_article(article_id))?;
        let record = self.lib(|l| l.sync_record(article_id))?;
        let marker = marker_comment(&article.uid);
        let base: Option<RemoteBase> =
            record.as_ref().and_then(|r| r.base.as_deref()).and_then(|b| serde_json::from_str(b).ok());

        // Where the post is, if it exists: by the id we recorded, else by the uid marker.
        let remote = match record.as_ref().and_then(|r| r.remote_id) {
            Some(id) => Some(self.post_by_id(id)?),
            None => {
                let found = self.client.find_post_by_marker(&marker)?;
                if let Some(post) = &found {
                    self.lib(|l| l.record_remote_id(article_id, self.endpoint.id, post.id, &post.link))?;
                }
                found
            }
        };
        let base = base.filter(|_| record.as_ref().is_some_and(|r| r.remote_id.is_some()));

        // The cheap check: nothing changed on either side.
        if let (Some(post), Some(b), Some(r)) = (&remote, &base, &record) {
            if !b.changed_on_site(post) && r.synced_version == Some(article.version) && choices.is_none() {
                return Ok(PushReport {
                    outcome: Pushed::Unchanged,
                    remote_id: Some(post.id),
                    link: Some(post.link.clone()),
                    conflicts: 0,
                });
            }
        }

        let images = self.upload_photos(&article)?;
        let mut outcome = if remote.is_some() { Pushed::Updated } else { Pushed::Created };
        let mut article = article;
        let mut send_base = base.clone();

        if let (Some(post), Some(b)) = (&remote, &base) {
            if b.changed_on_site(post) || choices.is_some() {
                let conflict_state = record.as_ref().and_then(|r| r.conflict.clone());
                let (theirs, remote_base) = match (&conflict_state, choices) {
                    // Resolving: the choices were made against the site's version then.
                    (Some(c), Some(_)) if !b.changed_on_site(post) || c.merge_state.get("remote").is_some() => {
                        let rb: RemoteBase =
                            serde_json::from_value(c.merge_state["remote"].clone()).unwrap_or_default();
                        if rb.changed_on_site(post) {
                            self.remote_side(post)?
                        } else {
                            (rb.side(), rb)
                        }
                    }
                    _ => self.remote_side(post)?,
                };
                let ours = self.local_side(&article, &images)?;
                let merged = merge_sides(&b.side(), &ours, &theirs, choices);
                if !merged.conflicts.is_empty() && choices.is_none_or(|c| c.len() < merged.conflicts.len()) {
                    let copy = self.patch_for(&article, &theirs)?;
                    let conflict = SyncConflict {
                        article_id,
                        hunks: merged.conflicts.clone(),
                        merge_state: json!({ "remote": remote_base }),
                    };
                    self.record_conflict(article_id, &conflict, copy)?;
                    return Ok(PushReport {
                        outcome: Pushed::Conflict,
                        remote_id: Some(post.id),
                        link: Some(post.link.clone()),
                        conflicts: merged.conflicts.len(),
                    });
                }
                outcome = Pushed::Merged;
                if !merged.side.same_as(&ours) {
                    let patch = self.patch_for(&article, &merged.side)?;
                    article = match self.lib(|l| l.save_from_remote(article_id, patch)) {
                        Ok(saved) => saved,
                        // Saved here meanwhile: merge again from the start with the new text.
                        Err(SyncError::Local(_, banthao_core::ErrorCode::Conflict, _)) => {
                            return Ok(PushReport {
                                outcome: Pushed::Again,
                                remote_id: Some(post.id),
                                link: None,
                                conflicts: 0,
                            });
                        }
                        Err(e) => return Err(e),
                    };
                }
                send_base = Some(remote_base.clone());
                if merged.side.same_as(&theirs) {
                    // The site already shows the merge: nothing to send, it is the new base.
                    self.keep_base(article_id, post, remote_base, article.version)?;
                    return Ok(PushReport {
                        outcome,
                        remote_id: Some(post.id),
                        link: Some(post.link.clone()),
                        conflicts: 0,
                    });
                }
            }
        }

        let images = self.upload_photos(&article)?;
        let (body, categories, tags) = self.payload(&article, &images, send_base.as_ref())?;
        let sent = match &remote {
            Some(post) => self.client.update_post(post.id, &body)?,
            None => {
                let created = self.client.create_post(&body)?;
                // Recorded before anything else: a crash from here on finds the post by id.
                self.lib(|l| l.record_remote_id(article_id, self.endpoint.id, created.id, &created.link))?;
                created
            }
        };
        let base = RemoteBase::from_post(&sent, categories, tags);
        self.keep_base(article_id, &sent, base, article.version)?;
        Ok(PushReport { outcome, remote_id: Some(sent.id), link: Some(sent.link.clone()), conflicts: 0 })
    }

    fn keep_base(&self, article_id: i64, post: &RemotePost, base: RemoteBase, version: i64) -> SyncResult<()> {
        let synced = SyncedBase {
            remote_id: post.id,
            link: post.link.clone(),
            remote_modified: post.modified_gmt.clone(),
            remote_revision: post.revision,
            base: serde_json::to_string(&base).expect("base serializes"),
            synced_version: version,
        };
        self.lib(|l| l.record_synced(article_id, self.endpoint.id, &synced))
    }

    fn record_conflict(&self, article_id: i64, conflict: &SyncConflict, copy: ArticlePatch) -> SyncResult<()> {
        self.lib(|l| l.record_conflict(article_id, conflict, Some(copy)))
    }
}

/// The library's record of a post, for callers that report.
pub fn link_of(record: &Option<SyncRecord>) -> Option<String> {
    record.as_ref().and_then(|r| r.link.clone())
}

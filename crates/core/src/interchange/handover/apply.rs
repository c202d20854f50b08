//! Bringing a checked handover file into the library, in one transaction: a new uid becomes
//! an article with everything it carries; a uid the library has is merged three-way (the
//! same [`merge_edit`] as an editor's edit), adding only the revisions, notes and workflow
//! steps the library lacks. Conflicts without choices change nothing.

use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::format::*;
use super::read::Package;
use super::refusals::damaged;
use super::{HandoverImport, HandoverOutcome};
use crate::article::blocks::text_blocks;
use crate::article::merge::merge_edit;
use crate::article::model::*;
use crate::article::render::empty_doc;
use crate::error::{Error, Lang, Result};
use crate::library::connection::write_transaction;
use crate::library::{content_of, create_in, load_in, parse_reason, reason_str, save_with, Library};
use crate::media::{MediaItem, RenderedPhoto};
use crate::sync::ConflictSide;

/// What was added, counted as it happens.
#[derive(Default)]
struct Added {
    photos: u32,
    notes: u32,
    revisions: u32,
    transitions: u32,
    /// Anything else changed (a note resolved, photos linked, a sync base attached).
    other: bool,
}

pub(super) fn import(
    lib: &mut Library,
    path: &Path,
    choices: Option<&[ConflictSide]>,
    lang: Lang,
) -> Result<HandoverImport> {
    let pkg = super::read::read(path)?;
    // Photos the library lacks are decoded and rendered now: a file whose photo is not a
    // picture is refused before anything is written.
    let spec = lib.photo_settings()?.spec();
    let mut new_photos: Vec<(FileMedia, RenderedPhoto)> = Vec::new();
    for (m, bytes) in &pkg.media {
        if lib.media_by_hash(&m.sha256)?.is_none() {
            let rendered = RenderedPhoto::from_bytes(&m.original_name, bytes.clone(), &spec).map_err(|e| {
                damaged(
                    path,
                    &format!("ảnh “{}”: {}", m.original_name, e.message(Lang::Vi)),
                    &format!("photo “{}”: {}", m.original_name, e.message(Lang::En)),
                )
            })?;
            if rendered.hash() != m.sha256 {
                return Err(super::refusals::tampered(path, &m.path));
            }
            new_photos.push((m.clone(), rendered));
        }
    }
    let existing = lib.article_by_uid(&pkg.article.uid.to_ascii_lowercase())?;
    let dir = lib.dir().to_path_buf();
    let tx = write_transaction(&mut lib.conn)?;
    let mut added = Added::default();
    let mut ids: BTreeMap<String, i64> = BTreeMap::new();
    for (m, _) in &pkg.media {
        if let Some(id) = tx.query_row("SELECT id FROM media WHERE hash = ?1", [&m.sha256], |r| r.get(0)).optional()? {
            ids.insert(m.sha256.clone(), id);
        }
    }
    for (m, rendered) in &new_photos {
        let (width, height) = rendered.size();
        let id = crate::media::insert_media_item(
            &tx,
            &MediaItem {
                id: 0,
                hash: m.sha256.clone(),
                format: rendered.format(),
                width,
                height,
                bytes: m.bytes,
                original_name: m.original_name.clone(),
                caption: m.caption.clone(),
                credit: m.credit.clone(),
                by_line: m.by_line.clone(),
                copyright: m.copyright.clone(),
                keywords: m.keywords.clone(),
                date_taken: m.date_taken.clone(),
                camera: m.camera.clone(),
                had_gps: m.had_gps,
                imported_at: crate::time::now_rfc3339(),
            },
        )?;
        ids.insert(m.sha256.clone(), id);
        added.photos += 1;
    }
    let outcome = match existing {
        None => create(&tx, &pkg, &ids, &mut added, path)?,
        Some(local) => match merge(&tx, &pkg, &ids, &mut added, &local, choices, path)? {
            Merged::Saved(outcome) => outcome,
            Merged::Conflicts(conflicts) => {
                // Nothing is kept: the transaction is dropped, rolled back.
                drop(tx);
                return Ok(HandoverImport {
                    outcome: HandoverOutcome::Conflict,
                    article_id: local.id,
                    headline: local.headline.clone(),
                    photos_added: 0,
                    notes_added: 0,
                    revisions_added: 0,
                    transitions_added: 0,
                    message: message(HandoverOutcome::Conflict, &local.headline, conflicts.len(), lang),
                    conflicts,
                });
            }
        },
    };
    for (_, rendered) in &new_photos {
        rendered.write_files(&dir, &spec)?;
    }
    tx.commit()?;
    let article = lib.get_article(outcome.1)?;
    Ok(HandoverImport {
        outcome: outcome.0,
        article_id: article.id,
        headline: article.headline.clone(),
        photos_added: added.photos,
        notes_added: added.notes,
        revisions_added: added.revisions,
        transitions_added: added.transitions,
        message: message(outcome.0, &article.headline, 0, lang),
        conflicts: Vec::new(),
    })
}

fn message(outcome: HandoverOutcome, headline: &str, conflicts: usize, lang: Lang) -> String {
    match (outcome, lang) {
        (HandoverOutcome::Created, Lang::Vi) => format!("Đã nhập bài mới “{headline}”."),
        (HandoverOutcome::Created, Lang::En) => format!("Imported “{headline}” as a new article."),
        (HandoverOutcome::Merged, Lang::Vi) => format!("Đã gộp thay đổi vào bài “{headline}”."),
        (HandoverOutcome::Merged, Lang::En) => format!("Merged the changes into “{headline}”."),
        (HandoverOutcome::Unchanged, Lang::Vi) => format!("Bài “{headline}” đã có đủ mọi thay đổi trong tệp."),
        (HandoverOutcome::Unchanged, Lang::En) => format!("“{headline}” is already up to date."),
        (HandoverOutcome::Conflict, Lang::Vi) => format!(
            "Bài “{headline}” được sửa ở cả hai nơi tại cùng chỗ ({conflicts} chỗ): hãy chọn bản giữ lại. Chưa có gì thay đổi."
        ),
        (HandoverOutcome::Conflict, Lang::En) => format!(
            "“{headline}” was changed on both sides in the same place ({conflicts}): choose which to keep. Nothing was changed yet."
        ),
    }
}

fn id_of<'a>(ids: &'a BTreeMap<String, i64>) -> impl Fn(&str) -> Option<i64> + 'a {
    move |h: &str| ids.get(h).copied().or_else(|| h.starts_with("missing:").then_some(0))
}

fn body_here(path: &Path, body: &crate::BodyDoc, ids: &BTreeMap<String, i64>) -> Result<crate::BodyDoc> {
    body_from_file(body, &id_of(ids)).map_err(|_| {
        damaged(path, "một ảnh trong bài không có trong tệp", "a figure shows a photo the file does not carry")
    })
}

/// The file's article as this library would hold it (local photo ids; id/version from `like`).
fn incoming_article(path: &Path, pkg: &Package, ids: &BTreeMap<String, i64>, like: &Article) -> Result<Article> {
    let a = &pkg.article;
    Ok(Article {
        id: like.id,
        uid: like.uid.clone(),
        headline: a.headline.clone(),
        sapo: a.sapo.clone(),
        body: body_here(path, &a.body, ids)?,
        section: a.section.clone(),
        keywords: a.keywords.clone(),
        byline: a.byline.clone(),
        dateline: a.dateline.clone(),
        slug: a.slug.clone(),
        slug_auto: a.slug_auto,
        status: a.status,
        editor_note: a.editor_note.clone(),
        featured_media_id: a.featured_media.as_deref().and_then(|h| ids.get(h).copied()),
        scheduled_at: a.scheduled_at.clone(),
        version: like.version,
        created_at: like.created_at.clone(),
        updated_at: a.updated_at.clone(),
    })
}

fn link_panel(tx: &Connection, article_id: ArticleId, pkg: &Package, ids: &BTreeMap<String, i64>) -> Result<bool> {
    let mut linked = false;
    for (m, _) in pkg.media.iter().filter(|(m, _)| m.in_panel) {
        if let Some(id) = ids.get(&m.sha256) {
            linked |= tx.execute(
                "INSERT INTO article_media (article_id, media_id, added_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![article_id, id, crate::time::now_rfc3339()],
            )? > 0;
        }
    }
    Ok(linked)
}

fn create(
    tx: &Connection,
    pkg: &Package,
    ids: &BTreeMap<String, i64>,
    added: &mut Added,
    path: &Path,
) -> Result<(HandoverOutcome, ArticleId)> {
    let a = &pkg.article;
    let created = create_in(
        tx,
        NewArticle {
            headline: a.headline.clone(),
            sapo: a.sapo.clone(),
            body: Some(body_here(path, &a.body, ids)?),
            section: a.section.clone(),
            keywords: a.keywords.clone(),
            byline: a.byline.clone(),
            dateline: a.dateline.clone(),
            slug: (!a.slug_auto).then(|| a.slug.clone()),
            uid: Some(a.uid.clone()),
        },
    )?;
    let featured = a.featured_media.as_deref().and_then(|h| ids.get(h).copied());
    tx.execute(
        "UPDATE articles SET status = ?2, editor_note = ?3, featured_media_id = ?4, scheduled_at = ?5,
           created_at = ?6, updated_at = ?7, created_by = ?8 WHERE id = ?1",
        params![
            created.id,
            a.status.as_str(),
            a.editor_note,
            featured,
            a.scheduled_at,
            a.created_at,
            a.updated_at,
            a.created_by
        ],
    )?;
    link_panel(tx, created.id, pkg, ids)?;
    // The history is the file's, times and authors as they were: not the revision a create makes.
    tx.execute("DELETE FROM revisions WHERE article_id = ?1", [created.id])?;
    let article = load_in(tx, created.id)?;
    add_history(tx, &article, pkg, ids, added)?;
    add_notes(tx, &article, pkg, added)?;
    attach_sync(tx, &article, pkg, true)?;
    Ok((HandoverOutcome::Created, created.id))
}

/// Revisions and workflow steps of the file that the library does not have (by uid), in the
/// file's order.
fn add_history(
    tx: &Connection,
    article: &Article,
    pkg: &Package,
    ids: &BTreeMap<String, i64>,
    added: &mut Added,
) -> Result<()> {
    let known = |table: &str, uid: &str| -> Result<bool> {
        Ok(tx.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE uid = ?1)"), [uid], |r| r.get(0))?)
    };
    for r in &pkg.history.revisions {
        if known("revisions", &r.uid)? {
            continue;
        }
        let body = body_from_file(&r.content.body, &id_of(ids)).unwrap_or_else(|_| empty_doc());
        let content = RevisionContent { body, ..r.content.clone() };
        tx.execute(
            "INSERT INTO revisions (article_id, opened_at, created_at, reason, headline, tieng, content, uid,
               handed_over) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
            params![
                article.id,
                r.opened_at,
                r.created_at,
                reason_str(parse_reason(&r.reason)),
                content.headline,
                r.tieng,
                serde_json::to_string(&content).expect("revision serializes"),
                r.uid
            ],
        )?;
        added.revisions += 1;
    }
    for t in &pkg.history.transitions {
        if known("transitions", &t.uid)? {
            continue;
        }
        tx.execute(
            "INSERT INTO transitions (article_id, at, actor, role, from_status, to_status, note, overridden,
               scheduled_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                article.id,
                t.at,
                t.actor,
                t.role,
                t.from.as_str(),
                t.to.as_str(),
                t.note,
                serde_json::to_string(&t.overridden).expect("list serializes"),
                t.scheduled_at,
                t.uid
            ],
        )?;
        added.transitions += 1;
    }
    Ok(())
}

/// Where a note's anchor lies in `article`: where it was, if its quote is still there; else
/// the first place its quote occurs in the same field; else detached (the text is gone).
fn anchor_in(article: &Article, n: &FileNote) -> (Option<u32>, Option<u32>, Option<u32>, bool) {
    let (Some(field), Some(start), Some(end)) = (n.field.as_deref(), n.start, n.end) else {
        return (n.block, n.start, n.end, n.detached);
    };
    if n.detached {
        return (n.block, n.start, n.end, true);
    }
    let texts: Vec<String> = match field {
        "headline" => vec![article.headline.clone()],
        "sapo" => vec![article.sapo.clone()],
        _ => text_blocks(&article.body).into_iter().map(|b| b.text).collect(),
    };
    let block = n.block.unwrap_or(0);
    let slice = |t: &str| t.chars().skip(start as usize).take((end - start) as usize).collect::<String>();
    if texts.get(block as usize).is_some_and(|t| slice(t) == n.quote) {
        return (n.block, n.start, n.end, false);
    }
    for (i, t) in texts.iter().enumerate() {
        if let Some(at) = t.find(n.quote.as_str()).filter(|_| !n.quote.is_empty()) {
            let s = t[..at].chars().count() as u32;
            let b = (field == "body").then_some(i as u32).or(n.block);
            return (b, Some(s), Some(s + n.quote.chars().count() as u32), false);
        }
    }
    (n.block, n.start, n.end, true)
}

/// Notes of the file the library lacks (by uid), anchored in `article`'s text; a note the
/// library has and that was resolved in the file is resolved here too.
fn add_notes(tx: &Connection, article: &Article, pkg: &Package, added: &mut Added) -> Result<()> {
    for n in &pkg.notes.notes {
        let local: Option<(i64, Option<String>)> = tx
            .query_row("SELECT id, resolved_at FROM notes WHERE uid = ?1", [&n.uid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((id, resolved_at)) = local {
            if resolved_at.is_none() && n.resolved_at.is_some() {
                tx.execute(
                    "UPDATE notes SET resolved_at = ?2, resolved_by = ?3 WHERE id = ?1",
                    params![id, n.resolved_at, n.resolved_by],
                )?;
                added.other = true;
            }
            continue;
        }
        let parent: Option<i64> = match &n.parent {
            Some(p) => tx.query_row("SELECT id FROM notes WHERE uid = ?1", [p], |r| r.get(0)).optional()?,
            None => None,
        };
        let (block, start, end, detached) = anchor_in(article, n);
        tx.execute(
            "INSERT INTO notes (article_id, parent_id, author, role, text, photo_request, created_at, resolved_at,
               resolved_by, field, block, start_char, end_char, quote, detached, uid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                article.id,
                parent,
                n.author,
                n.role,
                n.text,
                n.photo_request,
                n.created_at,
                n.resolved_at,
                n.resolved_by,
                n.field,
                block,
                start,
                end,
                n.quote,
                detached,
                n.uid
            ],
        )?;
        added.notes += 1;
    }
    Ok(())
}

/// The file's sync base, when the library has none for the article: attached to the endpoint
/// with the same address, or kept until such an endpoint is added. `same_content`: the
/// article here is exactly the file's (so a base that was in sync still is).
fn attach_sync(tx: &Connection, article: &Article, pkg: &Package, same_content: bool) -> Result<bool> {
    let Some(entry) = pkg.sync.bases.first() else { return Ok(false) };
    let has: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM sync_state WHERE article_id = ?1)", [article.id], |r| r.get(0))?;
    if has {
        return Ok(false);
    }
    let endpoint: Option<i64> =
        tx.query_row("SELECT id FROM endpoints WHERE url = ?1", [&entry.endpoint_url], |r| r.get(0)).optional()?;
    match endpoint {
        Some(endpoint_id) => {
            let version = if entry.in_sync && same_content { article.version } else { 0 };
            super::sync_base::write(tx, article.id, endpoint_id, entry, version)?;
        }
        None => {
            tx.execute(
                "INSERT INTO pending_sync_bases (article_id, endpoint_url, entry) VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id) DO NOTHING",
                params![article.id, entry.endpoint_url, serde_json::to_string(entry).expect("entry serializes")],
            )?;
        }
    }
    Ok(true)
}

enum Merged {
    Saved((HandoverOutcome, ArticleId)),
    Conflicts(Vec<crate::sync::ConflictHunk>),
}

/// The content keys of the library's own revisions of the article (copies left out: they
/// never were the article).
fn local_keys(tx: &Connection, id: ArticleId) -> Result<BTreeSet<String>> {
    let hash_of = |m: i64| tx.query_row("SELECT hash FROM media WHERE id = ?1", [m], |r| r.get(0)).ok();
    let mut stmt = tx.prepare("SELECT reason, content FROM revisions WHERE article_id = ?1")?;
    let rows = stmt
        .query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|(reason, _)| !parse_reason(reason).is_copy())
        .filter_map(|(_, content)| serde_json::from_str::<RevisionContent>(&content).ok())
        .map(|c| content_key(&content_to_file(&c, &hash_of)))
        .collect())
}

fn merge(
    tx: &Connection,
    pkg: &Package,
    ids: &BTreeMap<String, i64>,
    added: &mut Added,
    local: &Article,
    choices: Option<&[ConflictSide]>,
    path: &Path,
) -> Result<Merged> {
    let incoming = incoming_article(path, pkg, ids, local)?;
    let hash_of = |m: i64| tx.query_row("SELECT hash FROM media WHERE id = ?1", [m], |r| r.get(0)).ok();
    let local_key = content_key(&content_to_file(&content_of(local), &hash_of));
    let incoming_key = pkg.article.content_sha256.clone();
    // The base: the newest revision of the file whose content this library also has.
    let shared = local_keys(tx, local.id)?;
    let base_revision = pkg
        .history
        .revisions
        .iter()
        .rev()
        .filter(|r| !parse_reason(&r.reason).is_copy())
        .find(|r| shared.contains(&r.content_sha256));
    let base_key = base_revision.map(|r| r.content_sha256.clone());
    // Status: as after the newest workflow step both sides have; a new article is a draft.
    let mut base_status = ArticleStatus::Draft;
    for t in pkg.history.transitions.iter().rev() {
        let here: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM transitions WHERE uid = ?1)", [&t.uid], |r| r.get(0))?;
        if here {
            base_status = t.to;
            break;
        }
    }
    // What revisions do not keep (the editor's note, the featured photo, the schedule): the
    // side that did not change the text since the base is taken as unchanged there too;
    // otherwise there is no known base, and two different values are a conflict to settle.
    let extras_from = if base_key.as_deref() == Some(local_key.as_str()) {
        Some(local)
    } else if base_key.as_deref() == Some(incoming_key.as_str()) {
        Some(&incoming)
    } else {
        None
    };
    let mut base = Article {
        headline: String::new(),
        sapo: String::new(),
        body: empty_doc(),
        section: String::new(),
        keywords: Vec::new(),
        byline: String::new(),
        dateline: String::new(),
        slug: String::new(),
        editor_note: extras_from.map(|a| a.editor_note.clone()).unwrap_or_default(),
        featured_media_id: extras_from.and_then(|a| a.featured_media_id),
        scheduled_at: extras_from.and_then(|a| a.scheduled_at.clone()),
        status: base_status,
        ..local.clone()
    };
    if let Some(r) = base_revision {
        let c = &r.content;
        base.headline = c.headline.clone();
        base.sapo = c.sapo.clone();
        base.body = body_from_file(&c.body, &id_of(ids)).unwrap_or_else(|_| empty_doc());
        base.section = c.section.clone();
        base.keywords = c.keywords.clone();
        base.byline = c.byline.clone();
        base.dateline = c.dateline.clone();
        base.slug = c.slug.clone();
    }
    let merged = merge_edit(&base, local, &incoming, choices);
    if !merged.conflicts.is_empty() {
        match choices {
            None => return Ok(Merged::Conflicts(merged.conflicts)),
            Some(c) if c.len() != merged.conflicts.len() => {
                return Err(Error::InvalidInput(format!(
                    "this handover file has {} conflicts; {} choices were given",
                    merged.conflicts.len(),
                    c.len()
                )))
            }
            Some(_) => {}
        }
    }
    // The file's history first, so that the merge is the newest revision.
    add_history(tx, local, pkg, ids, added)?;
    let newest_before: Option<i64> =
        tx.query_row("SELECT max(id) FROM revisions WHERE article_id = ?1", [local.id], |r| r.get(0))?;
    let patch = ArticlePatch { base_version: local.version, ..merged.patch };
    let saved = save_with(tx, local.id, patch, RevisionReason::Handover, true)?;
    let saved_key = content_key(&content_to_file(&content_of(&saved), &hash_of));
    // A merge that lands exactly on the newest revision's content (the file's own newest, a
    // fast-forward) keeps no second copy of it.
    if let Some(before) = newest_before {
        let before_content: String =
            tx.query_row("SELECT content FROM revisions WHERE id = ?1", [before], |r| r.get(0))?;
        let before_key = serde_json::from_str::<RevisionContent>(&before_content)
            .ok()
            .map(|c| content_key(&content_to_file(&c, &hash_of)));
        if before_key.as_deref() == Some(saved_key.as_str()) {
            tx.execute("DELETE FROM revisions WHERE article_id = ?1 AND id > ?2", params![local.id, before])?;
        }
    }
    added.other |= link_panel(tx, local.id, pkg, ids)?;
    add_notes(tx, &saved, pkg, added)?;
    added.other |= attach_sync(tx, &saved, pkg, saved_key == incoming_key)?;
    let changed = saved.version != local.version
        || added.photos + added.notes + added.revisions + added.transitions > 0
        || added.other;
    Ok(Merged::Saved((if changed { HandoverOutcome::Merged } else { HandoverOutcome::Unchanged }, local.id)))
}

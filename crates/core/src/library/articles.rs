//! Creating, reading, saving and deleting articles. Every save is one transaction that also
//! re-indexes the article for search and records its revision.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::connection::write_transaction;
use super::{revisions, Library, Shelf};
use crate::article::model::*;
use crate::article::render::{doc_to_text, empty_doc};
use crate::article::schema;
use crate::error::{Error, Result};
use crate::time::now_rfc3339;

pub(super) const ARTICLE_COLUMNS: &str = "id, headline, sapo, body, section, keywords, byline, dateline, \
     slug, slug_auto, status, editor_note, version, created_at, updated_at, featured_media_id, uid, scheduled_at";

/// A stored JSON column that does not parse (a bug, a hand edit, a newer Bản Thảo). Reading
/// it as empty would let the next save write the empty value over the stored text.
#[derive(Debug)]
struct Unreadable(&'static str);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "stored {} does not parse", self.0)
    }
}

impl std::error::Error for Unreadable {}

fn json_column<T: serde::de::DeserializeOwned>(row: &Row, idx: usize, name: &'static str) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(Unreadable(name)))
    })
}

pub(super) fn article_from_row(row: &Row) -> rusqlite::Result<Article> {
    let status: String = row.get(10)?;
    Ok(Article {
        id: row.get(0)?,
        headline: row.get(1)?,
        sapo: row.get(2)?,
        body: json_column(row, 3, "body")?,
        section: row.get(4)?,
        keywords: json_column(row, 5, "keywords")?,
        byline: row.get(6)?,
        dateline: row.get(7)?,
        slug: row.get(8)?,
        slug_auto: row.get(9)?,
        status: ArticleStatus::parse(&status).unwrap_or(ArticleStatus::Draft),
        editor_note: row.get(11)?,
        version: row.get(12)?,
        created_at: row.get(13)?,
        updated_at: row.get(14)?,
        featured_media_id: row.get(15)?,
        uid: row.get(16)?,
        scheduled_at: row.get(17)?,
    })
}

/// The stored article; one whose body or keywords do not parse is refused (`ArticleDamaged`),
/// so every save, which loads first, is refused too and the stored text stays as it is.
pub(crate) fn load(conn: &Connection, id: ArticleId) -> Result<Article> {
    conn.query_row(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"), [id], article_from_row)
        .optional()
        .map_err(|e| match &e {
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => match inner.downcast_ref::<Unreadable>() {
                Some(Unreadable(field)) => Error::ArticleDamaged { id, field },
                None => e.into(),
            },
            _ => e.into(),
        })?
        .ok_or(Error::ArticleNotFound(id))
}

fn nfc(s: &str) -> String {
    banthao_text::to_nfc_string(s)
}

/// One line of plain text: NFC, no line breaks, trimmed (headline, section, byline…).
fn one_line(s: &str) -> String {
    nfc(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keywords in NFC, trimmed, without empties or repeats (first spelling kept).
fn clean_keywords(keywords: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in keywords.iter().map(|k| one_line(k)).filter(|k| !k.is_empty()) {
        if !out.iter().any(|o| o.to_lowercase() == k.to_lowercase()) {
            out.push(k);
        }
    }
    out
}

/// A slug no other article uses: `-2`, `-3`… appended when taken. Empty stays empty.
fn unique_slug(conn: &Connection, base: &str, own_id: Option<ArticleId>) -> Result<String> {
    if base.is_empty() {
        return Ok(String::new());
    }
    let mut candidate = base.to_string();
    let mut n = 2;
    loop {
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ?1 AND id IS NOT ?2)",
            params![candidate, own_id],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
        n += 1;
    }
}

/// A schedule time as stored: RFC 3339 in UTC with milliseconds; empty clears it.
fn parse_schedule(t: &str) -> Result<Option<String>> {
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parsed = chrono::DateTime::parse_from_rfc3339(t)
        .map_err(|_| Error::InvalidInput(format!("'{t}' is not a time (RFC 3339, e.g. 2026-12-02T08:00:00+07:00)")))?;
    Ok(Some(parsed.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)))
}

/// A uid given from elsewhere (a pulled post, a handover file): a UUID's alphabet, bounded.
fn check_uid(uid: &str) -> Result<String> {
    let ok = (8..=64).contains(&uid.len()) && uid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !ok {
        return Err(Error::InvalidInput(format!("'{uid}' is not an article uid")));
    }
    Ok(uid.to_ascii_lowercase())
}

fn slug_for(text: &str) -> String {
    banthao_text::slugify(text, banthao_text::slug::MAX_SLUG_LEN)
}

/// Every photo the article shows (figures, featured image) must exist, and joins its panel.
fn link_photos(conn: &Connection, a: &Article) -> Result<()> {
    let mut ids = crate::article::figures::figure_media_ids(&a.body);
    ids.extend(a.featured_media_id);
    for id in ids {
        let exists: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM media WHERE id = ?1)", [id], |r| r.get(0))?;
        if !exists {
            return Err(Error::MediaNotFound(id));
        }
        conn.execute(
            "INSERT INTO article_media (article_id, media_id, added_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            params![a.id, id, a.updated_at],
        )?;
    }
    Ok(())
}

/// Moves the article to the newest place in the search index with its current text.
pub(super) fn reindex(conn: &Connection, id: ArticleId) -> Result<()> {
    conn.execute("DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM articles WHERE id = ?1)", [id])?;
    conn.execute(
        "UPDATE articles SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM articles)
         WHERE id = ?1",
        [id],
    )?;
    conn.execute(
        "INSERT INTO article_search (rowid, folded, exact)
         SELECT search_rowid, bt_fold(doc), bt_exact(doc) FROM article_search_source WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

fn write(conn: &Connection, a: &Article, body_text: &str) -> Result<()> {
    conn.execute(
        "UPDATE articles SET headline = ?2, sapo = ?3, body = ?4, body_text = ?5, section = ?6,
           keywords = ?7, byline = ?8, dateline = ?9, slug = ?10, slug_auto = ?11, status = ?12,
           editor_note = ?13, version = ?14, updated_at = ?15, featured_media_id = ?16, scheduled_at = ?17
         WHERE id = ?1",
        params![
            a.id,
            a.headline,
            a.sapo,
            serde_json::to_string(&a.body).expect("body serializes"),
            body_text,
            a.section,
            serde_json::to_string(&a.keywords).expect("keywords serialize"),
            a.byline,
            a.dateline,
            a.slug,
            a.slug_auto,
            a.status.as_str(),
            a.editor_note,
            a.version,
            a.updated_at,
            a.featured_media_id,
            a.scheduled_at,
        ],
    )?;
    Ok(())
}

/// The article as it would be with `patch` applied: text in NFC, keywords cleaned, slug
/// chosen or following the headline. Nothing is written.
pub(super) fn apply(conn: &Connection, current: &Article, patch: ArticlePatch) -> Result<Article> {
    let id = current.id;
    let body = patch.body.map(schema::validate).transpose()?;
    let mut next = current.clone();
    if let Some(h) = patch.headline {
        next.headline = one_line(&h);
    }
    if let Some(s) = patch.sapo {
        next.sapo = one_line(&s);
    }
    if let Some(b) = body {
        next.body = b;
    }
    if let Some(s) = patch.section {
        next.section = one_line(&s);
    }
    if let Some(k) = patch.keywords {
        next.keywords = clean_keywords(&k);
    }
    if let Some(b) = patch.byline {
        next.byline = one_line(&b);
    }
    if let Some(d) = patch.dateline {
        next.dateline = one_line(&d);
    }
    if let Some(n) = patch.editor_note {
        next.editor_note = nfc(&n);
    }
    if let Some(s) = patch.status {
        next.status = s;
    }
    if let Some(m) = patch.featured_media_id {
        next.featured_media_id = (m > 0).then_some(m);
    }
    if let Some(t) = patch.scheduled_at {
        next.scheduled_at = parse_schedule(&t)?;
    }
    match patch.slug.as_deref().map(slug_for) {
        Some(chosen) if !chosen.is_empty() => {
            next.slug = unique_slug(conn, &chosen, Some(id))?;
            next.slug_auto = false;
        }
        Some(_) => next.slug_auto = true,
        None => {}
    }
    if next.slug_auto && (next.headline != current.headline || !current.slug_auto) {
        next.slug = unique_slug(conn, &slug_for(&next.headline), Some(id))?;
    }
    Ok(next)
}

/// Applies `patch` to article `id` inside the caller's transaction and records the revision.
/// Returns the article unchanged (no new version) when the patch changes nothing. A status
/// change is refused here: it is a workflow step ([`crate::desk`]), except in a pull, where
/// the site's status is a fact to record.
pub(crate) fn save(conn: &Connection, id: ArticleId, patch: ArticlePatch, reason: RevisionReason) -> Result<Article> {
    save_with(conn, id, patch, reason, false)
}

/// The one write path. `workflow_step`: the status change was checked by the workflow.
pub(crate) fn save_with(
    conn: &Connection,
    id: ArticleId,
    patch: ArticlePatch,
    reason: RevisionReason,
    workflow_step: bool,
) -> Result<Article> {
    let current = load(conn, id)?;
    if patch.base_version != current.version {
        return Err(Error::Conflict { id, stored: current.version, base: patch.base_version });
    }
    let mut next = apply(conn, &current, patch)?;
    if next == current {
        return Ok(current);
    }
    let status_changed = next.status != current.status;
    if status_changed && !workflow_step && reason != RevisionReason::Pulled {
        return Err(Error::Workflow(crate::desk::workflow::WorkflowRefusal::NotThroughWorkflow));
    }
    link_photos(conn, &next)?;
    next.version = current.version + 1;
    next.updated_at = now_rfc3339();
    let body_text = doc_to_text(&next.body);
    write(conn, &next, &body_text)?;
    reindex(conn, id)?;
    crate::desk::notes::follow_edit(conn, &current, &next)?;
    // A status or schedule change alone is a workflow step (recorded as such), not a revision.
    if revisions::content_changed(&current, &next) {
        revisions::record(conn, &next, &body_text, reason)?;
    }
    if status_changed && reason == RevisionReason::Pulled {
        crate::desk::transitions::record_from_site(conn, &current, &next)?;
    }
    Ok(next)
}

/// Creates an article inside the caller's transaction (with its revision and search entry).
pub(crate) fn create(tx: &Connection, input: NewArticle) -> Result<Article> {
    create_by(tx, input, "")
}

/// Creates an article made by `author` (the desk's "their drafts").
pub(crate) fn create_by(tx: &Connection, input: NewArticle, author: &str) -> Result<Article> {
    let body = match input.body {
        Some(body) => schema::validate(body)?,
        None => empty_doc(),
    };
    let headline = one_line(&input.headline);
    let (slug_base, slug_auto) = match input.slug.as_deref().map(slug_for) {
        Some(chosen) if !chosen.is_empty() => (chosen, false),
        _ => (slug_for(&headline), true),
    };
    let now = now_rfc3339();
    let uid = input.uid.as_deref().map(check_uid).transpose()?;
    let slug = unique_slug(tx, &slug_base, None)?;
    tx.execute(
        "INSERT INTO articles (body, created_at, updated_at, uid, created_by) VALUES ('{}', ?1, ?1, ?2, ?3)",
        params![&now, uid, author],
    )?;
    let id = tx.last_insert_rowid();
    let uid: String = tx.query_row("SELECT uid FROM articles WHERE id = ?1", [id], |r| r.get(0))?;
    let article = Article {
        id,
        uid,
        headline,
        sapo: one_line(&input.sapo),
        body,
        section: one_line(&input.section),
        keywords: clean_keywords(&input.keywords),
        byline: one_line(&input.byline),
        dateline: one_line(&input.dateline),
        slug,
        slug_auto,
        status: ArticleStatus::Draft,
        editor_note: String::new(),
        featured_media_id: None,
        scheduled_at: None,
        version: 1,
        created_at: now.clone(),
        updated_at: now,
    };
    link_photos(tx, &article)?;
    let body_text = doc_to_text(&article.body);
    write(tx, &article, &body_text)?;
    reindex(tx, article.id)?;
    revisions::record(tx, &article, &body_text, RevisionReason::Created)?;
    Ok(article)
}

impl Library {
    pub fn create_article(&mut self, input: NewArticle) -> Result<Article> {
        let author = self.user()?.name;
        let tx = write_transaction(&mut self.conn)?;
        let article = create_by(&tx, input, &author)?;
        tx.commit()?;
        Ok(article)
    }

    pub fn get_article(&self, id: ArticleId) -> Result<Article> {
        load(&self.conn, id)
    }

    /// "Nhân bản": a new draft with the article's text, photos and details (headline marked as
    /// a copy), made by the acting user; its own uid, no notes, history or publishing state.
    pub fn duplicate_article(&mut self, id: ArticleId) -> Result<Article> {
        let a = load(&self.conn, id)?;
        let author = self.user()?.name;
        let tx = write_transaction(&mut self.conn)?;
        let copy = create_by(
            &tx,
            NewArticle {
                headline: format!("{} (bản sao)", a.headline).trim_start().to_string(),
                sapo: a.sapo,
                body: Some(a.body),
                section: a.section,
                keywords: a.keywords,
                byline: a.byline,
                dateline: a.dateline,
                slug: None,
                uid: None,
            },
            &author,
        )?;
        let copy = match a.featured_media_id {
            Some(m) => save(
                &tx,
                copy.id,
                ArticlePatch { base_version: copy.version, featured_media_id: Some(m), ..Default::default() },
                RevisionReason::Edited,
            )?,
            None => copy,
        };
        tx.commit()?;
        Ok(copy)
    }

    /// Merges an editor's unsaved edit (`local`, made from `base`) with the article as stored
    /// now, which changed elsewhere meanwhile. Nothing is saved: the caller saves the patch
    /// (or shows the conflicts side by side first and asks again with `choices`).
    pub fn merge_edit(
        &self,
        base: &Article,
        local: ArticlePatch,
        choices: Option<&[crate::sync::ConflictSide]>,
    ) -> Result<crate::article::merge::EditMerge> {
        let stored = load(&self.conn, base.id)?;
        let local = apply(&self.conn, base, ArticlePatch { base_version: base.version, ..local })?;
        Ok(crate::article::merge::merge_edit(base, &local, &stored, choices))
    }

    /// Changes committed by any other connection (the CLI, another window's worker) since the
    /// last call: SQLite's `data_version` moves when someone else writes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The article with this uid, if the library has it.
    pub fn article_by_uid(&self, uid: &str) -> Result<Option<Article>> {
        let id: Option<ArticleId> =
            self.conn.query_row("SELECT id FROM articles WHERE uid = ?1", [uid], |r| r.get(0)).optional()?;
        id.map(|id| load(&self.conn, id)).transpose()
    }

    /// Saves the fields in `patch` if the article is still at `patch.base_version`; a save
    /// that changes nothing returns the article as it is, without a new version.
    pub fn update_article(&mut self, id: ArticleId, patch: ArticlePatch) -> Result<Article> {
        let tx = write_transaction(&mut self.conn)?;
        let saved = save(&tx, id, patch, RevisionReason::Edited)?;
        tx.commit()?;
        Ok(saved)
    }

    pub fn delete_article(&mut self, id: ArticleId) -> Result<()> {
        let tx = write_transaction(&mut self.conn)?;
        tx.execute("DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM articles WHERE id = ?1)", [id])?;
        if tx.execute("DELETE FROM articles WHERE id = ?1", [id])? == 0 {
            return Err(Error::ArticleNotFound(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// The library list: sorted by a column (newest change first by default), optionally one
    /// status and one author only.
    pub fn list_articles(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>> {
        let (natural, reversed) = match query.sort {
            ListSort::Updated if query.shelf == Shelf::Trash => ("trashed_at DESC, id DESC", "trashed_at ASC, id ASC"),
            ListSort::Updated => ("updated_at DESC, id DESC", "updated_at ASC, id ASC"),
            ListSort::Headline => ("headline COLLATE vi ASC, id DESC", "headline COLLATE vi DESC, id ASC"),
            ListSort::Section => {
                ("section COLLATE vi ASC, updated_at DESC", "section COLLATE vi DESC, updated_at DESC")
            }
            ListSort::Status => ("status_rank ASC, updated_at DESC", "status_rank DESC, updated_at DESC"),
            ListSort::Author => ("byline COLLATE vi ASC, updated_at DESC", "byline COLLATE vi DESC, updated_at DESC"),
        };
        let ranks: String = ArticleStatus::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| format!("WHEN '{}' THEN {i}", s.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        let sql = format!(
            "SELECT id, headline, section, status, updated_at, byline, CASE status {ranks} END AS status_rank
             FROM articles WHERE {} AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR byline = ?4)
             ORDER BY {} LIMIT ?1 OFFSET ?2",
            query.shelf.condition(""),
            if query.reverse { reversed } else { natural }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![query.limit.min(1000), query.offset, query.status.map(|s| s.as_str()), query.author],
            summary_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Distinct bylines in Vietnamese dictionary order (for the list's author filter).
    pub fn authors(&self) -> Result<Vec<String>> {
        // A skip scan of `articles_by_byline`: one index seek per author, not one step per
        // article (`DISTINCT` read all 100,000 entries of a large library on every start-up).
        let mut stmt = self.conn.prepare(
            "WITH RECURSIVE b(name) AS (
                 SELECT min(byline) FROM articles WHERE byline > '' AND trashed_at IS NULL
                 UNION ALL
                 SELECT (SELECT min(byline) FROM articles WHERE byline > b.name AND trashed_at IS NULL)
                 FROM b WHERE b.name IS NOT NULL)
             SELECT name FROM b WHERE name IS NOT NULL ORDER BY name COLLATE vi",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Distinct sections in Vietnamese dictionary order (for the chuyên mục picker).
    pub fn sections(&self) -> Result<Vec<String>> {
        // A skip scan of `articles_by_section`, as for the authors.
        let mut stmt = self.conn.prepare(
            "WITH RECURSIVE s(name) AS (
                 SELECT min(section) FROM articles WHERE section > ''
                 UNION ALL
                 SELECT (SELECT min(section) FROM articles WHERE section > s.name) FROM s WHERE s.name IS NOT NULL)
             SELECT name FROM s WHERE name IS NOT NULL ORDER BY name COLLATE vi",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn summary_from_row(row: &Row) -> rusqlite::Result<ArticleSummary> {
    let status: String = row.get(3)?;
    Ok(ArticleSummary {
        id: row.get(0)?,
        headline: row.get(1)?,
        section: row.get(2)?,
        status: ArticleStatus::parse(&status).unwrap_or(ArticleStatus::Draft),
        updated_at: row.get(4)?,
        byline: row.get(5)?,
    })
}

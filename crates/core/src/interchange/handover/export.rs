//! Writing a handover file: the article, its history, notes, sync base and photos gathered
//! from the library, then one ZIP written beside its final name and renamed into place, so a
//! failed export never leaves a half file under that name.

use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::format::*;
use super::HandoverExport;
use crate::article::figures::figure_media_ids;
use crate::article::model::{ArticleId, ArticleStatus, RevisionContent};
use crate::error::{Error, Result};
use crate::library::Library;
use crate::media::MediaItem;

/// Everything that goes into the file, as entries (path, bytes) after the manifest.
struct Gathered {
    uid: String,
    entries: Vec<(String, Vec<u8>)>,
    photos: u32,
    revisions: u32,
    notes: u32,
}

fn json_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("handover entries serialize");
    out.push(b'\n');
    out
}

fn revisions(conn: &Connection, id: ArticleId, hash_of: &dyn Fn(i64) -> Option<String>) -> Result<Vec<FileRevision>> {
    let mut stmt = conn.prepare(
        "SELECT uid, reason, opened_at, created_at, tieng, content FROM revisions WHERE article_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(uid, reason, opened_at, created_at, tieng, content)| {
            let content: RevisionContent =
                serde_json::from_str(&content).map_err(|_| Error::ArticleDamaged { id, field: "body" })?;
            let content = content_to_file(&content, hash_of);
            let content_sha256 = content_key(&content);
            Ok(FileRevision { uid, reason, opened_at, created_at, tieng, content, content_sha256 })
        })
        .collect()
}

fn transitions(conn: &Connection, id: ArticleId) -> Result<Vec<FileTransition>> {
    let mut stmt = conn.prepare(
        "SELECT uid, at, actor, role, from_status, to_status, note, overridden, scheduled_at
         FROM transitions WHERE article_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let status = |i: usize| -> rusqlite::Result<ArticleStatus> {
            Ok(ArticleStatus::parse(&r.get::<_, String>(i)?).unwrap_or(ArticleStatus::Draft))
        };
        Ok(FileTransition {
            uid: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            role: r.get(3)?,
            from: status(4)?,
            to: status(5)?,
            note: r.get(6)?,
            overridden: serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default(),
            scheduled_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn notes(conn: &Connection, id: ArticleId) -> Result<Vec<FileNote>> {
    let mut stmt = conn.prepare(
        "SELECT n.uid, p.uid, n.author, n.role, n.text, n.photo_request, n.created_at, n.resolved_at, n.resolved_by,
                n.field, n.block, n.start_char, n.end_char, n.quote, n.detached
         FROM notes n LEFT JOIN notes p ON p.id = n.parent_id WHERE n.article_id = ?1 ORDER BY n.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(FileNote {
            uid: r.get(0)?,
            parent: r.get(1)?,
            author: r.get(2)?,
            role: r.get(3)?,
            text: r.get(4)?,
            photo_request: r.get(5)?,
            created_at: r.get(6)?,
            resolved_at: r.get(7)?,
            resolved_by: r.get(8)?,
            field: r.get(9)?,
            block: r.get(10)?,
            start: r.get(11)?,
            end: r.get(12)?,
            quote: r.get(13)?,
            detached: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The sync record, when it holds a base (a post id and the post as last synced).
fn sync_bases(conn: &Connection, id: ArticleId, version: i64) -> Result<Vec<SyncBaseEntry>> {
    let row = conn
        .query_row(
            "SELECT e.url, e.kind, s.remote_id, s.link, s.remote_modified, s.remote_revision, s.base, s.synced_at,
                    s.synced_version
             FROM sync_state s JOIN endpoints e ON e.id = s.endpoint_id WHERE s.article_id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<i64>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<i64>>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((url, kind, Some(remote_id), link, Some(remote_modified), remote_revision, Some(base), synced_at, sv)) =
        row
    else {
        return Ok(Vec::new());
    };
    Ok(vec![SyncBaseEntry {
        endpoint_url: url,
        endpoint_kind: kind,
        remote_id,
        link: link.unwrap_or_default(),
        remote_modified,
        remote_revision,
        base,
        synced_at,
        in_sync: sv == Some(version),
    }])
}

fn gather(lib: &Library, id: ArticleId) -> Result<Gathered> {
    let conn = &lib.conn;
    let article = lib.get_article(id)?;
    let panel: Vec<i64> = lib.article_media(id)?.iter().map(|m| m.id).collect();
    // Every photo the article or any revision shows, by local id.
    let mut wanted: BTreeMap<i64, bool> = panel.iter().map(|m| (*m, true)).collect();
    wanted.extend(article.featured_media_id.map(|m| (m, true)));
    for m in figure_media_ids(&article.body) {
        wanted.entry(m).or_insert(true);
    }
    let mut stmt = conn.prepare("SELECT content FROM revisions WHERE article_id = ?1")?;
    for content in stmt.query_map([id], |r| r.get::<_, String>(0))? {
        if let Ok(content) = serde_json::from_str::<RevisionContent>(&content?) {
            for m in figure_media_ids(&content.body) {
                wanted.entry(m).or_insert(false);
            }
        }
    }
    let mut photos: Vec<(MediaItem, bool)> = Vec::new();
    for (media_id, in_panel) in wanted {
        // A revision may show a photo the library no longer has: it travels as `missing:<id>`.
        if let Ok(item) = lib.media(media_id) {
            photos.push((item, in_panel));
        }
    }
    let hashes: BTreeMap<i64, String> = photos.iter().map(|(m, _)| (m.id, m.hash.clone())).collect();
    let hash_of = |id: i64| hashes.get(&id).cloned();

    let created_by: String = conn.query_row("SELECT created_by FROM articles WHERE id = ?1", [id], |r| r.get(0))?;
    let content = content_to_file(&crate::library::content_of(&article), &hash_of);
    let file_article = FileArticle {
        uid: article.uid.clone(),
        headline: article.headline.clone(),
        sapo: article.sapo.clone(),
        body: content.body.clone(),
        section: article.section.clone(),
        keywords: article.keywords.clone(),
        byline: article.byline.clone(),
        dateline: article.dateline.clone(),
        slug: article.slug.clone(),
        slug_auto: article.slug_auto,
        status: article.status,
        editor_note: article.editor_note.clone(),
        featured_media: article.featured_media_id.and_then(hash_of),
        scheduled_at: article.scheduled_at.clone(),
        created_at: article.created_at.clone(),
        updated_at: article.updated_at.clone(),
        created_by,
        content_sha256: content_key(&content),
    };
    let history = FileHistory { revisions: revisions(conn, id, &hash_of)?, transitions: transitions(conn, id)? };
    let notes = FileNotes { notes: notes(conn, id)? };
    let sync = FileSync { bases: sync_bases(conn, id, article.version)? };

    let mut media_list = Vec::new();
    let mut media_entries = Vec::new();
    for (m, in_panel) in &photos {
        let path = lib.original_path(m);
        let bytes = std::fs::read(&path).map_err(|source| Error::File { path: path.clone(), source })?;
        let entry = media_path(&m.hash, &m.format);
        media_list.push(FileMedia {
            sha256: m.hash.clone(),
            format: m.format.clone(),
            path: entry.clone(),
            bytes: bytes.len() as u64,
            width: m.width,
            height: m.height,
            original_name: m.original_name.clone(),
            caption: m.caption.clone(),
            credit: m.credit.clone(),
            by_line: m.by_line.clone(),
            copyright: m.copyright.clone(),
            keywords: m.keywords.clone(),
            date_taken: m.date_taken.clone(),
            camera: m.camera.clone(),
            had_gps: m.had_gps,
            in_panel: *in_panel,
        });
        media_entries.push((entry, bytes));
    }
    let counts = (photos.len() as u32, history.revisions.len() as u32, notes.notes.len() as u32);
    let mut entries = vec![
        (ARTICLE.to_string(), json_bytes(&file_article)),
        (HISTORY.to_string(), json_bytes(&history)),
        (NOTES.to_string(), json_bytes(&notes)),
        (SYNC.to_string(), json_bytes(&sync)),
        (MEDIA.to_string(), json_bytes(&FileMediaList { photos: media_list })),
    ];
    entries.extend(media_entries);
    Ok(Gathered { uid: article.uid, entries, photos: counts.0, revisions: counts.1, notes: counts.2 })
}

/// The ZIP's bytes: the manifest first, then every entry (deflate).
fn zip_bytes(g: &Gathered) -> Result<Vec<u8>> {
    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        created_at: crate::time::now_rfc3339(),
        article_uid: g.uid.clone(),
        entries: g
            .entries
            .iter()
            .map(|(path, bytes)| ManifestEntry {
                path: path.clone(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let zip_error = |e: zip::result::ZipError| Error::Io(std::io::Error::other(e));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    // Photos are compressed already: deflating a 7 MB JPEG again saved 0.3% and took seconds.
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
    zip.start_file(MANIFEST, deflated).map_err(zip_error)?;
    zip.write_all(&json_bytes(&manifest))?;
    for (path, bytes) in &g.entries {
        let options = if path.starts_with("media/") { stored } else { deflated };
        zip.start_file(path.as_str(), options).map_err(zip_error)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// Writes `bytes` to a temporary file beside `out`, fsyncs it and renames it into place.
fn write_beside(out: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::File { path: out.to_path_buf(), source };
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "handover".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, out));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(io)?;
    // The rename itself survives a power cut once the folder is synced.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

pub(super) fn export(lib: &Library, id: ArticleId, out: &Path) -> Result<HandoverExport> {
    let gathered = gather(lib, id)?;
    let bytes = zip_bytes(&gathered)?;
    write_beside(out, &bytes)?;
    // What the other library now has is closed: the next edit here starts a new revision.
    lib.conn.execute("UPDATE revisions SET handed_over = 1 WHERE article_id = ?1 AND handed_over = 0", [id])?;
    Ok(HandoverExport {
        path: out.display().to_string(),
        bytes: bytes.len() as u64,
        photos: gathered.photos,
        revisions: gathered.revisions,
        notes: gathered.notes,
    })
}

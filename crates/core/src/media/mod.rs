//! Photos in the library: import (parallel, with progress and cancel), content-addressed
//! originals, cached renditions, article links, the featured image, and search over
//! captions and credits. The pixel work is `banthao-media`'s.

mod import;
pub mod model;
mod store;

use rusqlite::{params, OptionalExtension, Row};
use std::path::PathBuf;

pub(crate) use import::insert_media_item;
pub use import::{not_reached, render_all, ImportSource, RenderedPhoto};
pub use model::*;

use crate::error::{Error, Result};
use crate::library::Library;
use crate::ArticleId;

const MEDIA_COLUMNS: &str = "id, hash, format, width, height, bytes, original_name, caption, credit, by_line, \
     copyright, keywords, date_taken, camera, had_gps, imported_at";

fn media_from_row(r: &Row) -> rusqlite::Result<MediaItem> {
    Ok(MediaItem {
        id: r.get(0)?,
        hash: r.get(1)?,
        format: r.get(2)?,
        width: r.get(3)?,
        height: r.get(4)?,
        bytes: r.get::<_, i64>(5)? as u64,
        original_name: r.get(6)?,
        caption: r.get(7)?,
        credit: r.get(8)?,
        by_line: r.get(9)?,
        copyright: r.get(10)?,
        keywords: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
        date_taken: r.get(12)?,
        camera: r.get(13)?,
        had_gps: r.get(14)?,
        imported_at: r.get(15)?,
    })
}

impl Library {
    pub fn photo_settings(&self) -> Result<PhotoSettings> {
        Ok(self.get_setting("photos")?.unwrap_or_default())
    }

    pub fn set_photo_settings(&mut self, settings: PhotoSettings) -> Result<PhotoSettings> {
        self.put_setting("photos", &settings)?;
        Ok(settings)
    }

    pub fn media(&self, id: MediaId) -> Result<MediaItem> {
        self.conn
            .query_row(&format!("SELECT {MEDIA_COLUMNS} FROM media WHERE id = ?1"), [id], media_from_row)
            .optional()?
            .ok_or(Error::MediaNotFound(id))
    }

    pub fn media_by_hash(&self, hash: &str) -> Result<Option<MediaItem>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {MEDIA_COLUMNS} FROM media WHERE hash = ?1"), [hash], media_from_row)
            .optional()?)
    }

    /// The photos attached to an article (its photo panel), in the order they were added.
    pub fn article_media(&self, article_id: ArticleId) -> Result<Vec<MediaItem>> {
        self.get_article(article_id)?;
        let columns = MEDIA_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {columns} FROM article_media am JOIN media m ON m.id = am.media_id
             WHERE am.article_id = ?1 ORDER BY am.added_at, m.id"
        ))?;
        let rows = stmt.query_map([article_id], media_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn attach_media(&mut self, article_id: ArticleId, media_id: MediaId) -> Result<()> {
        self.get_article(article_id)?;
        self.media(media_id)?;
        self.conn.execute(
            "INSERT INTO article_media (article_id, media_id, added_at) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
            params![article_id, media_id, crate::time::now_rfc3339()],
        )?;
        Ok(())
    }

    /// The library's photos, newest first; with a query, those whose caption, credit, by-line
    /// or file name match it without regard to diacritics.
    pub fn search_media(&self, query: &str, limit: u32) -> Result<Vec<MediaItem>> {
        // Queried like article search: folded words, the last one as a prefix.
        let terms = crate::library::search::fts_terms(&banthao_text::fold_for_search(query));
        let limit = limit.clamp(1, 500);
        if terms.is_empty() {
            let mut stmt =
                self.conn.prepare_cached(&format!("SELECT {MEDIA_COLUMNS} FROM media ORDER BY id DESC LIMIT ?1"))?;
            let rows = stmt.query_map([limit], media_from_row)?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        }
        let columns = MEDIA_COLUMNS.split(", ").map(|c| format!("m.{c}")).collect::<Vec<_>>().join(", ");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {columns} FROM media_search s JOIN media m ON m.id = s.rowid
             WHERE media_search MATCH ?1 ORDER BY s.rowid DESC LIMIT ?2"
        ))?;
        let fts = crate::library::search::fts_query("folded", &terms);
        let rows = stmt.query_map(params![fts, limit], media_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn original_path(&self, media: &MediaItem) -> PathBuf {
        store::original_path(self.dir(), &media.hash, &media.format)
    }

    /// A rendition of a photo as a figure shows it (crop, rotation, caption, credit), made
    /// on first use and cached; a changed crop makes a new one.
    pub fn rendition(&self, id: MediaId, size: RenditionSize, look: &FigureLook) -> Result<PathBuf> {
        let job = self.rendition_job(id, look)?;
        job.run()?;
        Ok(match size {
            RenditionSize::Web => job.web,
            RenditionSize::Thumb => job.thumb,
        })
    }

    /// What making a figure's renditions takes, read from the library: [`RenditionJob::run`]
    /// then needs no library, so callers can render many photos at once without holding it.
    pub fn rendition_job(&self, id: MediaId, look: &FigureLook) -> Result<RenditionJob> {
        let media = self.media(id)?;
        let spec = self.photo_settings()?.spec();
        let variant = store::variant_key(&spec, look);
        // The figure's caption and credit when it has them, else the photo's own.
        let first = |texts: &[&str]| texts.iter().find(|t| !t.is_empty()).map(|t| t.to_string());
        let embed = banthao_media::EmbedMetadata {
            caption: first(&[&look.caption, &media.caption]),
            by_line: first(&[&media.by_line]),
            credit: first(&[&look.credit, &media.credit]),
            copyright: first(&[&media.copyright]),
        };
        Ok(RenditionJob {
            web: store::rendition_path(self.dir(), &media.hash, &variant, "web"),
            thumb: store::rendition_path(self.dir(), &media.hash, &variant, "thumb"),
            original: self.original_path(&media),
            name: media.original_name,
            spec,
            embed,
            crop: look.crop.map(|c| banthao_media::Crop { x: c.x, y: c.y, width: c.width, height: c.height }),
            rotation: look.rotation,
        })
    }
}

/// One figure's renditions to make (see [`Library::rendition_job`]).
pub struct RenditionJob {
    pub web: PathBuf,
    pub thumb: PathBuf,
    original: PathBuf,
    name: String,
    spec: banthao_media::RenditionSpec,
    embed: banthao_media::EmbedMetadata,
    crop: Option<banthao_media::Crop>,
    rotation: u8,
}

impl RenditionJob {
    /// Makes the renditions unless they exist (atomic writes: a reader sees none or all).
    pub fn run(&self) -> Result<()> {
        if self.web.exists() && self.thumb.exists() {
            return Ok(());
        }
        let bytes =
            std::fs::read(&self.original).map_err(|source| Error::File { path: self.original.clone(), source })?;
        let out = banthao_media::render(
            &bytes,
            &banthao_media::ImportLimits::default(),
            &self.spec,
            self.crop,
            self.rotation,
            &self.embed,
        )
        .map_err(|e| Error::Media {
            file: self.name.clone(),
            code: e.code(),
            vi: e.message_vi(),
            en: e.message_en(),
        })?;
        store::write_atomic(&self.web, &out.web)?;
        store::write_atomic(&self.thumb, &out.thumb)?;
        Ok(())
    }
}

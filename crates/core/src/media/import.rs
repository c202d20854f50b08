//! Importing photos: files (or pasted/dropped bytes) are read, checked and rendered on all
//! cores; the library thread stores each result as it arrives (original by content address,
//! the row, the renditions, the article link) and reports cumulative progress. A bad file
//! gives its error and the batch goes on; a cancel stops before the next file.

use rusqlite::{params, Connection, OptionalExtension};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::model::*;
use super::store;
use crate::error::{Error, Lang, Result};
use crate::library::connection::write_transaction;
use crate::library::Library;
use crate::ArticleId;

/// A photo to import: a file, or bytes from a paste or a drop with the name to show.
pub enum ImportSource {
    Path(PathBuf),
    Bytes { name: String, bytes: Vec<u8> },
}

impl ImportSource {
    /// The file's name without its folder: what the photo browser shows and searches.
    fn file_name(&self) -> String {
        match self {
            ImportSource::Path(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            ImportSource::Bytes { name, .. } => name.clone(),
        }
    }

    fn name(&self) -> String {
        match self {
            ImportSource::Path(p) => p.display().to_string(),
            ImportSource::Bytes { name, .. } => name.clone(),
        }
    }
}

/// A photo read, checked and rendered, ready to be stored.
pub struct RenderedPhoto {
    bytes: Vec<u8>,
    prepared: banthao_media::Prepared,
    renditions: banthao_media::Renditions,
}

fn media_error(file: &str, e: banthao_media::MediaError) -> Error {
    Error::Media { file: file.to_string(), code: e.code(), vi: e.message_vi(), en: e.message_en() }
}

/// A photo file's bytes. A device (`/dev/zero`), a folder or a pipe, and a file over the
/// media crate's byte limit, are refused from their metadata, before anything is read.
fn read_photo_file(path: &Path, limits: &banthao_media::ImportLimits) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    let file_error = |source| Error::File { path: path.to_path_buf(), source };
    let too_large =
        |bytes| media_error(&name, banthao_media::MediaError::FileTooLarge { bytes, max_bytes: limits.max_file_bytes });
    // Looked at before opening: opening a pipe would wait for a writer.
    let meta = std::fs::metadata(path).map_err(file_error)?;
    if !meta.is_file() {
        return Err(media_error(&name, banthao_media::MediaError::NotAnImage));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(file_error)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // It may have grown, or been swapped for something else, since: one byte past the limit at most.
    file.take(limits.max_file_bytes + 1).read_to_end(&mut bytes).map_err(file_error)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn work(source: &ImportSource, spec: &banthao_media::RenditionSpec) -> Result<RenderedPhoto> {
    let name = source.name();
    let limits = banthao_media::ImportLimits::default();
    let bytes = match source {
        ImportSource::Path(p) => read_photo_file(p, &limits)?,
        ImportSource::Bytes { bytes, .. } => bytes.clone(),
    };
    let imported = banthao_media::import(&bytes, &limits, spec).map_err(|e| media_error(&name, e))?;
    Ok(RenderedPhoto { bytes, prepared: imported.prepared, renditions: imported.renditions })
}

/// Reads, checks and renders `sources` on all cores, without the library: `on_done` is called
/// on the calling thread with each outcome, in the order given (ids and the photo panel follow
/// the user's order, whatever order the workers finish in). `cancel` stops before the next file.
pub fn render_all(
    sources: &[ImportSource],
    spec: &banthao_media::RenditionSpec,
    cancel: &AtomicBool,
    on_done: &mut dyn FnMut(usize, Result<RenderedPhoto>),
) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(sources.len().max(1));
    let next = AtomicUsize::new(0);
    // Bounded: only a few rendered files wait for the caller at a time.
    let (tx, rx) = mpsc::sync_channel::<(usize, Result<RenderedPhoto>)>(threads);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                if tx.send((i, work(source, spec))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut next_to_report = 0;
        for (i, outcome) in rx {
            waiting.insert(i, outcome);
            while let Some(outcome) = waiting.remove(&next_to_report) {
                on_done(next_to_report, outcome);
                next_to_report += 1;
            }
        }
    });
}

/// The photo's row and its search entry; returns its id.
fn insert_media(
    conn: &Connection,
    p: &banthao_media::Prepared,
    format: &str,
    bytes: usize,
    file_name: &str,
) -> Result<MediaId> {
    let m = &p.metadata;
    insert_media_item(
        conn,
        &MediaItem {
            id: 0,
            hash: p.hash.clone(),
            format: format.to_string(),
            width: p.width,
            height: p.height,
            bytes: bytes as u64,
            original_name: banthao_text::to_nfc_string(file_name),
            caption: m.caption.clone().unwrap_or_default(),
            credit: m.credit.clone().unwrap_or_default(),
            by_line: m.by_line.clone().unwrap_or_default(),
            copyright: m.copyright.clone().unwrap_or_default(),
            keywords: m.keywords.clone(),
            date_taken: m.date_taken.clone(),
            camera: m.camera.clone(),
            had_gps: m.has_gps,
            imported_at: crate::time::now_rfc3339(),
        },
    )
}

/// A photo's row (every field but `id` as given) and its search entry; returns its id. Also
/// the door for photos that arrive with their details already known (a handover file).
pub(crate) fn insert_media_item(conn: &Connection, m: &MediaItem) -> Result<MediaId> {
    conn.execute(
        "INSERT INTO media (hash, format, width, height, bytes, original_name, caption, credit, by_line,
           copyright, keywords, date_taken, camera, had_gps, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            m.hash,
            m.format,
            m.width,
            m.height,
            m.bytes as i64,
            m.original_name,
            m.caption,
            m.credit,
            m.by_line,
            m.copyright,
            serde_json::to_string(&m.keywords).expect("keywords serialize"),
            m.date_taken,
            m.camera,
            m.had_gps,
            m.imported_at,
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO media_search (rowid, folded, exact)
         SELECT id, bt_fold(doc), bt_exact(doc) FROM (SELECT id, caption || ' ' || credit || ' ' || by_line
           || ' ' || original_name || ' ' || keywords AS doc FROM media WHERE id = ?1)",
        [id],
    )?;
    Ok(id)
}

impl RenderedPhoto {
    /// Reads, checks and renders a photo's bytes (a handover file's original), under the same
    /// limits as any import.
    pub(crate) fn from_bytes(name: &str, bytes: Vec<u8>, spec: &banthao_media::RenditionSpec) -> Result<Self> {
        work(&ImportSource::Bytes { name: name.to_string(), bytes }, spec)
    }

    /// SHA-256 of the original: its content address.
    pub(crate) fn hash(&self) -> &str {
        &self.prepared.hash
    }

    /// The format read from its bytes (`jpeg`, `png`…), as the library names it.
    pub(crate) fn format(&self) -> String {
        format!("{:?}", self.prepared.format).to_lowercase()
    }

    pub(crate) fn size(&self) -> (u32, u32) {
        (self.prepared.width, self.prepared.height)
    }

    /// Writes the original (once per content) and its default renditions into the library
    /// folder. Content-addressed: a copy left by an import that then failed is harmless.
    pub(crate) fn write_files(&self, library: &Path, spec: &banthao_media::RenditionSpec) -> Result<()> {
        let hash = &self.prepared.hash;
        let original = store::original_path(library, hash, &self.format());
        if !original.exists() {
            store::write_atomic(&original, &self.bytes)?;
        }
        let variant = store::variant_key(spec, &FigureLook::default());
        for (size, bytes) in [("web", &self.renditions.web), ("thumb", &self.renditions.thumb)] {
            let path = store::rendition_path(library, hash, &variant, size);
            if !path.exists() {
                store::write_atomic(&path, bytes)?;
            }
        }
        Ok(())
    }
}

/// The result for a file the batch never reached (cancelled).
pub fn not_reached(source: &ImportSource, lang: Lang) -> PhotoImportResult {
    PhotoImportResult {
        file: source.name(),
        media: None,
        duplicate: false,
        web_path: None,
        thumb_path: None,
        error: Some(Error::Cancelled.payload(lang)),
    }
}

impl Library {
    /// Imports photos in parallel (the CLI's door; the desktop shell uses [`render_all`] and
    /// [`Library::store_rendered`] so the library is locked only while each photo is stored).
    /// `progress` gets cumulative counts after each file.
    pub fn import_photos(
        &mut self,
        sources: &[ImportSource],
        article: Option<ArticleId>,
        lang: Lang,
        progress: &mut dyn FnMut(&ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<Vec<PhotoImportResult>> {
        if let Some(id) = article {
            self.get_article(id)?;
        }
        let spec = self.photo_settings()?.spec();
        let mut results: Vec<Option<PhotoImportResult>> = vec![None; sources.len()];
        let mut counts = ImportProgress { done: 0, total: sources.len() as u32, failed: 0 };
        render_all(sources, &spec, cancel, &mut |i, outcome| {
            results[i] = Some(self.store_rendered(&sources[i], outcome, article, lang, &mut counts));
            progress(&counts);
        });
        Ok(results.into_iter().zip(sources).map(|(r, s)| r.unwrap_or_else(|| not_reached(s, lang))).collect())
    }

    /// Stores one outcome of [`render_all`] and counts it.
    pub fn store_rendered(
        &mut self,
        source: &ImportSource,
        outcome: Result<RenderedPhoto>,
        article: Option<ArticleId>,
        lang: Lang,
        counts: &mut ImportProgress,
    ) -> PhotoImportResult {
        let file = source.name();
        counts.done += 1;
        match outcome.and_then(|r| self.store_import(r, &source.file_name(), article)) {
            Ok((media, duplicate, web, thumb)) => PhotoImportResult {
                file,
                media: Some(media),
                duplicate,
                web_path: Some(web.display().to_string()),
                thumb_path: Some(thumb.display().to_string()),
                error: None,
            },
            Err(e) => {
                counts.failed += 1;
                PhotoImportResult {
                    file,
                    media: None,
                    duplicate: false,
                    web_path: None,
                    thumb_path: None,
                    error: Some(e.payload(lang)),
                }
            }
        }
    }

    /// Stores one rendered photo: the original (once per content), its row, its default
    /// renditions, and the link to the article.
    fn store_import(
        &mut self,
        r: RenderedPhoto,
        file_name: &str,
        article: Option<ArticleId>,
    ) -> Result<(MediaItem, bool, PathBuf, PathBuf)> {
        let p = &r.prepared;
        let format = r.format();
        let existing = self.media_by_hash(&p.hash)?;
        let mut duplicate = existing.is_some();
        let spec = self.photo_settings()?.spec();
        r.write_files(self.dir(), &spec)?;
        let media = match existing {
            Some(m) => m,
            None => {
                let tx = write_transaction(&mut self.conn)?;
                // Another process may have stored the same photo since the look-up above.
                let stored: Option<MediaId> =
                    tx.query_row("SELECT id FROM media WHERE hash = ?1", [&p.hash], |r| r.get(0)).optional()?;
                duplicate = stored.is_some();
                let id = match stored {
                    Some(id) => id,
                    None => insert_media(&tx, p, &format, r.bytes.len(), file_name)?,
                };
                tx.commit()?;
                self.media(id)?
            }
        };
        let variant = store::variant_key(&spec, &FigureLook::default());
        let web = store::rendition_path(self.dir(), &p.hash, &variant, "web");
        let thumb = store::rendition_path(self.dir(), &p.hash, &variant, "thumb");
        if let Some(article) = article {
            self.attach_media(article, media.id)?;
        }
        Ok((media, duplicate, web, thumb))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use std::time::{Duration, Instant};

    /// Imports one path and returns the error it ended with, checking that it came at once.
    fn refused(path: &Path) -> crate::ErrorPayload {
        let mut lib = Library::open_in_memory().unwrap();
        let started = Instant::now();
        let sources = [ImportSource::Path(path.to_path_buf())];
        let results = lib.import_photos(&sources, None, Lang::En, &mut |_| {}, &AtomicBool::new(false)).unwrap();
        assert!(started.elapsed() < Duration::from_secs(2), "{} was read before being refused", path.display());
        results[0].error.clone().expect("refused")
    }

    #[test]
    fn a_device_is_refused_without_being_read() {
        let error = refused(Path::new("/dev/zero"));
        assert_eq!(error.code, ErrorCode::InvalidMedia);
        assert!(error.message.contains("not an image"), "{}", error.message);
    }

    #[test]
    fn a_file_over_the_byte_limit_is_refused_from_its_size() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("huge.jpg");
        // Sparse: 3 GB on paper, nothing on disk; reading it would take seconds and all the memory.
        std::fs::File::create(&path).unwrap().set_len(3 << 30).unwrap();
        let error = refused(&path);
        assert_eq!(error.code, ErrorCode::InvalidMedia);
        assert!(error.message.contains("too large"), "{}", error.message);
    }

    #[test]
    fn a_folder_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(refused(tmp.path()).code, ErrorCode::InvalidMedia);
    }
}

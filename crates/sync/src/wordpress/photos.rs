//! Photos between the library and a site: each figure's photo uploaded once per crop and
//! rotation (found again by its marker when an answer was lost), captions and alt text kept
//! current, and a site's images brought into the library as local photos.

use banthao_core::media::{FigureLook, ImportProgress, ImportSource, MediaId, MediaItem};
use banthao_core::sync::RemoteMedia;
use banthao_core::{Lang, PmNode};
use serde_json::{json, Value};
use std::sync::atomic::AtomicBool;

use super::content::{PulledImage, RemoteImage};
use super::pixels::{media_marker, parse_pixels_key, pixels_key};
use super::session::Session;
use crate::access::LibraryAccess;
use crate::error::{SyncError, SyncResult};

/// Pulled images larger than this are refused (the library's own import limits apply too).
const MAX_IMAGE_BYTES: usize = 64 * 1024 * 1024;

/// How a figure shows its photo, read from the node's attributes.
pub fn figure_look(node: &PmNode) -> (MediaId, FigureLook, String) {
    let attrs = node.attrs.clone().unwrap_or_default();
    let text = |k: &str| attrs.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let caption = node.content.iter().flatten().map(banthao_core::article::render::doc_to_text).collect::<String>();
    let look = FigureLook {
        crop: attrs.get("crop").and_then(|c| serde_json::from_value(c.clone()).ok()),
        rotation: attrs.get("rotation").and_then(Value::as_u64).unwrap_or(0) as u8,
        caption,
        credit: text("credit"),
    };
    (attrs.get("media_id").and_then(Value::as_i64).unwrap_or(0), look, text("alt"))
}

/// The figure's key in the site's media: the photo and its pixels.
pub fn figure_key(node: &PmNode) -> (MediaId, String) {
    let (id, look, _) = figure_look(node);
    (id, pixels_key(look.crop, look.rotation))
}

fn meta_of(look: &FigureLook, alt: &str) -> String {
    json!({ "caption": look.caption, "alt": alt, "credit": look.credit }).to_string()
}

fn description(marker: &str, credit: &str) -> String {
    if credit.is_empty() {
        marker.to_string()
    } else {
        format!("Ảnh: {credit}\n{marker}")
    }
}

/// An ASCII file name for the upload (WordPress refuses RFC 5987 names): the photo's own name
/// without diacritics.
fn upload_name(media: &MediaItem) -> String {
    let stem = media.original_name.rsplit_once('.').map_or(media.original_name.as_str(), |(s, _)| s);
    let slug = banthao_text::slugify(stem, 60);
    format!("{}.jpg", if slug.is_empty() { "anh" } else { &slug })
}

/// A photo as a figure wants it on the site.
pub struct Wanted {
    pub media: MediaItem,
    pub look: FigureLook,
    pub alt: String,
    pixels: String,
    meta: String,
    marker: String,
}

impl Wanted {
    pub fn read<A: LibraryAccess>(
        session: &Session<'_, A>,
        media_id: MediaId,
        look: &FigureLook,
        alt: &str,
    ) -> SyncResult<Wanted> {
        let media = session.lib(|l| l.media(media_id))?;
        let pixels = pixels_key(look.crop, look.rotation);
        let marker = media_marker(&media.hash, &pixels);
        Ok(Wanted { meta: meta_of(look, alt), look: look.clone(), alt: alt.to_string(), pixels, marker, media })
    }

    fn fields(&self) -> Value {
        json!({ "caption": self.look.caption, "alt_text": self.alt, "description": description(&self.marker, &self.look.credit) })
    }
}

impl<A: LibraryAccess> Session<'_, A> {
    /// Every photo of `wanted` on the site: those it has are looked up, the others rendered on
    /// all cores while the finished ones upload, so rendering and the network overlap.
    pub fn ensure_photos(&self, wanted: Vec<Wanted>) -> SyncResult<Vec<RemoteImage>> {
        let mut out: Vec<Option<RemoteImage>> = vec![None; wanted.len()];
        let mut missing = Vec::new();
        for (i, w) in wanted.iter().enumerate() {
            match self.on_site(w)? {
                Some(image) => out[i] = Some(image),
                None => missing.push(i),
            }
        }
        if !missing.is_empty() {
            let mut jobs = Vec::with_capacity(missing.len());
            for &i in &missing {
                let w = &wanted[i];
                jobs.push(self.lib(|l| l.rendition_job(w.media.id, &w.look))?);
                self.lib(|l| l.mark_upload_started(self.endpoint.id, &w.media.hash, &w.pixels))?;
            }
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(jobs.len());
            let next = std::sync::atomic::AtomicUsize::new(0);
            let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, banthao_core::Result<()>)>();
            std::thread::scope(|scope| -> SyncResult<()> {
                for _ in 0..threads {
                    let (jobs, next, done_tx) = (&jobs, &next, done_tx.clone());
                    scope.spawn(move || loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(job) = jobs.get(k) else { break };
                        if done_tx.send((k, job.run())).is_err() {
                            break;
                        }
                    });
                }
                drop(done_tx);
                let result = (|| {
                    for (k, rendered) in done_rx.iter() {
                        rendered?;
                        let i = missing[k];
                        out[i] = Some(self.upload(&wanted[i], &jobs[k].web)?);
                    }
                    Ok(())
                })();
                // On an error, the renderers stop at their next photo.
                next.store(usize::MAX / 2, std::sync::atomic::Ordering::Relaxed);
                result
            })?;
        }
        Ok(out.into_iter().map(|o| o.expect("every photo is on the site")).collect())
    }

    /// The site's item for this photo if it has one (captions brought up to date); `None`
    /// when it must be uploaded. An upload whose answer was lost is looked for by its marker.
    fn on_site(&self, w: &Wanted) -> SyncResult<Option<RemoteImage>> {
        let endpoint = self.endpoint.id;
        let known = self.lib(|l| l.remote_media(endpoint, &w.media.hash, &w.pixels))?;
        let item = match known {
            Some(known) if known.remote_id > 0 => {
                if known.meta != w.meta {
                    self.client.update_media(known.remote_id, &w.fields())?;
                    let updated = RemoteMedia { meta: w.meta.clone(), ..known.clone() };
                    self.lib(|l| l.put_remote_media(endpoint, &w.media.hash, &w.pixels, &updated))?;
                }
                return Ok(Some(RemoteImage { id: known.remote_id, url: known.url }));
            }
            // Sent before, answer unknown (lost, or the app was killed): it may be there.
            Some(_) => match self.client.find_media_by_marker(&w.marker)? {
                Some(found) => {
                    self.client.update_media(found.id, &w.fields())?;
                    found
                }
                None => return Ok(None),
            },
            None => return Ok(None),
        };
        let remote = RemoteMedia { remote_id: item.id, url: item.source_url.clone(), meta: w.meta.clone() };
        self.lib(|l| l.put_remote_media(endpoint, &w.media.hash, &w.pixels, &remote))?;
        Ok(Some(RemoteImage { id: item.id, url: item.source_url }))
    }

    fn upload(&self, w: &Wanted, rendition: &std::path::Path) -> SyncResult<RemoteImage> {
        let bytes = std::fs::read(rendition)
            .map_err(|e| SyncError::from(banthao_core::Error::File { path: rendition.to_path_buf(), source: e }))?;
        let title = if w.look.caption.is_empty() { w.media.original_name.clone() } else { w.look.caption.clone() };
        let title: String = title.chars().take(120).collect();
        let description = description(&w.marker, &w.look.credit);
        let fields = [
            ("title", title.as_str()),
            ("caption", w.look.caption.as_str()),
            ("alt_text", w.alt.as_str()),
            ("description", description.as_str()),
        ];
        let item = self.client.upload_media(&upload_name(&w.media), "image/jpeg", &bytes, &fields)?;
        let remote = RemoteMedia { remote_id: item.id, url: item.source_url.clone(), meta: w.meta.clone() };
        self.lib(|l| l.put_remote_media(self.endpoint.id, &w.media.hash, &w.pixels, &remote))?;
        Ok(RemoteImage { id: item.id, url: item.source_url })
    }

    /// A site's image as a figure of this library: a photo the library already has (one we
    /// uploaded, or pulled before), else downloaded and imported now.
    pub fn local_figure(&self, image: &PulledImage) -> SyncResult<PmNode> {
        let endpoint = self.endpoint.id;
        let known = match image.remote_id {
            Some(id) => self.lib(|l| l.media_for_remote(endpoint, id))?,
            None => None,
        };
        let (media, pixels) = match known.map(|(hash, pixels)| (self.lib(|l| l.media_by_hash(&hash)), pixels)) {
            Some((Ok(Some(media)), pixels)) => (media, pixels),
            _ => (self.import_remote_image(image)?, "r0".to_string()),
        };
        let (crop, rotation) = parse_pixels_key(&pixels);
        let credit = if image.credit.is_empty() { media.credit.clone() } else { image.credit.clone() };
        let caption = PmNode {
            node_type: "figcaption".into(),
            attrs: None,
            content: (!image.caption.is_empty()).then(|| image.caption.clone()),
            text: None,
            marks: None,
        };
        let attrs = json!({
            "media_id": media.id, "credit": credit, "alt": image.alt,
            "crop": crop.map(|c| json!({"x": c.x, "y": c.y, "width": c.width, "height": c.height})),
            "rotation": rotation,
        });
        Ok(PmNode {
            node_type: "figure".into(),
            attrs: attrs.as_object().cloned(),
            content: Some(vec![caption]),
            text: None,
            marks: None,
        })
    }

    fn import_remote_image(&self, image: &PulledImage) -> SyncResult<MediaItem> {
        let item = match image.remote_id {
            Some(id) => self.client.get_media(id)?,
            None => None,
        };
        let url =
            item.as_ref().map(|i| i.source_url.clone()).filter(|u| !u.is_empty()).unwrap_or_else(|| image.src.clone());
        if url.is_empty() {
            return Err(SyncError::BadAnswer("an image without an address".into()));
        }
        let bytes = self.client.download(&url, MAX_IMAGE_BYTES)?;
        let name = url.rsplit('/').next().unwrap_or("anh.jpg").split('?').next().unwrap_or("anh.jpg").to_string();
        let source = ImportSource::Bytes { name, bytes };
        let spec = self.lib(|l| l.photo_settings())?.spec();
        let mut outcome = None;
        // Decoded and resized outside the library lock; stored inside it.
        banthao_core::media::render_all(std::slice::from_ref(&source), &spec, &AtomicBool::new(false), &mut |_, o| {
            outcome = Some(o)
        });
        let outcome = outcome.expect("one source, one outcome");
        let mut counts = ImportProgress { done: 0, total: 1, failed: 0 };
        let result = self.lib(|l| Ok(l.store_rendered(&source, outcome, None, Lang::Vi, &mut counts)))?;
        let media = match (result.media, result.error) {
            (Some(m), _) => m,
            (None, Some(e)) => {
                return Err(SyncError::Local(e.message.clone(), e.code, e.message));
            }
            (None, None) => return Err(SyncError::BadAnswer("an image that could not be imported".into())),
        };
        if let Some(item) = item {
            let remote = RemoteMedia { remote_id: item.id, url: item.source_url, meta: String::new() };
            self.lib(|l| l.put_remote_media(self.endpoint.id, &media.hash, "r0", &remote))?;
        }
        Ok(media)
    }
}

//! Photos between the library and a site: each figure's photo uploaded once per crop and
//! rotation (found again by its marker when an answer was lost), captions and alt text kept
//! current, and a site's images brought into the library as local photos.

use banthao_core::media::{FigureLook, ImportProgress, ImportSource, MediaId, MediaItem, RenditionSize};
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

impl<A: LibraryAccess> Session<'_, A> {
    /// The site's copy of a photo as this figure shows it: uploaded now if the site does not
    /// have it, its caption and alt text updated if they changed. Returns the site's image.
    pub fn ensure_photo(&self, media_id: MediaId, look: &FigureLook, alt: &str) -> SyncResult<RemoteImage> {
        let endpoint = self.endpoint.id;
        let media = self.lib(|l| l.media(media_id))?;
        let pixels = pixels_key(look.crop, look.rotation);
        let meta = meta_of(look, alt);
        let marker = media_marker(&media.hash, &pixels);
        let fields =
            json!({ "caption": look.caption, "alt_text": alt, "description": description(&marker, &look.credit) });
        if let Some(known) = self.lib(|l| l.remote_media(endpoint, &media.hash, &pixels))? {
            if known.meta != meta {
                self.client.update_media(known.remote_id, &fields)?;
                self.lib(|l| {
                    l.put_remote_media(endpoint, &media.hash, &pixels, &RemoteMedia { meta, ..known.clone() })
                })?;
            }
            return Ok(RemoteImage { id: known.remote_id, url: known.url });
        }
        // An upload whose answer was lost (or a kill after it) left the item on the site.
        let item = match self.client.find_media_by_marker(&marker)? {
            Some(found) => {
                self.client.update_media(found.id, &fields)?;
                found
            }
            None => {
                let path = self.lib(|l| l.rendition(media_id, RenditionSize::Web, look))?;
                let bytes =
                    std::fs::read(&path).map_err(|e| SyncError::from(banthao_core::Error::File { path, source: e }))?;
                let title = if look.caption.is_empty() { media.original_name.clone() } else { look.caption.clone() };
                let title: String = title.chars().take(120).collect();
                let upload_fields = [
                    ("title", title.as_str()),
                    ("caption", look.caption.as_str()),
                    ("alt_text", alt),
                    ("description", &description(&marker, &look.credit)),
                ];
                self.client.upload_media(&upload_name(&media), "image/jpeg", &bytes, &upload_fields)?
            }
        };
        let remote = RemoteMedia { remote_id: item.id, url: item.source_url.clone(), meta };
        self.lib(|l| l.put_remote_media(endpoint, &media.hash, &pixels, &remote))?;
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

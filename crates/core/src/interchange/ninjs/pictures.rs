//! The pictures of a ninjs item: one association per figure (`picture1`, `picture2`… in body
//! order) and one for the featured photo (`featureimage`), each with its renditions as files
//! of this library. Where those files are reachable (`href`) is the caller's choice.

use serde_json::Value;
use std::path::PathBuf;

use crate::article::body::PmNode;
use crate::article::model::Article;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::media::{FigureLook, MediaItem, RenditionSize};

/// One rendition file of a picture. Only the library's renditions are offered (`web`,
/// `thumb`): the original may carry a GPS position and a camera serial number, which
/// published pictures never do.
#[derive(Debug, Clone, PartialEq)]
pub struct NinjsRendition {
    /// `web` or `thumb`.
    pub name: &'static str,
    /// The file in the library (made on first use).
    pub path: PathBuf,
    /// The rendition's asset id: its file name, `<photo hash>-<variant>-<size>.jpg`. Content
    /// addressed (the variant covers crop, rotation and the embedded caption and credit), so
    /// a receiver that has this id has these exact bytes.
    pub media_id: String,
    pub contenttype: &'static str,
    pub width: u32,
    pub height: u32,
    pub sizeinbytes: u64,
}

/// A picture association before its renditions get their addresses.
#[derive(Debug, Clone, PartialEq)]
pub struct NinjsPicture {
    /// `featureimage`, or `picture1`, `picture2`… in the body's order.
    pub name: String,
    /// `urn:banthao:picture:<photo hash>`, plus `:<rotation/crop>` when the figure shows the
    /// photo turned or cropped (then it is another picture).
    pub uri: String,
    pub media: MediaItem,
    /// Chú thích (plain text).
    pub caption: String,
    /// Tác giả ảnh.
    pub credit: String,
    pub alt: String,
    pub renditions: Vec<NinjsRendition>,
}

/// How a figure shows its photo, read from the node's attributes: photo id, look, alt text.
pub fn figure_look(node: &PmNode) -> (i64, FigureLook, String) {
    let attrs = node.attrs.clone().unwrap_or_default();
    let text = |k: &str| attrs.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let caption = node.content.iter().flatten().map(crate::article::render::doc_to_text).collect::<String>();
    let look = FigureLook {
        crop: attrs.get("crop").and_then(|c| serde_json::from_value(c.clone()).ok()),
        rotation: attrs.get("rotation").and_then(Value::as_u64).unwrap_or(0) as u8 % 4,
        caption: caption.trim().to_string(),
        credit: text("credit"),
    };
    (attrs.get("media_id").and_then(Value::as_i64).unwrap_or(0), look, text("alt"))
}

/// Every figure of the body, in document order.
pub fn figures(node: &PmNode, out: &mut Vec<PmNode>) {
    if node.node_type == "figure" {
        out.push(node.clone());
        return;
    }
    for child in node.content.iter().flatten() {
        figures(child, out);
    }
}

fn picture_uri(media: &MediaItem, look: &FigureLook) -> String {
    let mut uri = format!("urn:banthao:picture:{}", media.hash);
    if look.rotation != 0 || look.crop.is_some() {
        uri.push_str(&format!(":r{}", look.rotation));
        if let Some(c) = look.crop {
            uri.push_str(&format!("-c{:.4},{:.4},{:.4},{:.4}", c.x, c.y, c.width, c.height));
        }
    }
    uri
}

fn rendition(library: &Library, media: &MediaItem, size: RenditionSize, look: &FigureLook) -> Result<NinjsRendition> {
    let path = library.rendition(media.id, size, look)?;
    let bytes = std::fs::read(&path).map_err(|source| Error::File { path: path.clone(), source })?;
    let shown = banthao_media::inspect(&bytes, &banthao_media::ImportLimits::default()).map_err(|e| Error::Media {
        file: media.original_name.clone(),
        code: e.code(),
        vi: e.message_vi(),
        en: e.message_en(),
    })?;
    let media_id = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    Ok(NinjsRendition {
        name: match size {
            RenditionSize::Web => "web",
            RenditionSize::Thumb => "thumb",
        },
        path,
        media_id,
        contenttype: "image/jpeg",
        width: shown.width,
        height: shown.height,
        sizeinbytes: bytes.len() as u64,
    })
}

fn picture(library: &Library, name: String, media_id: i64, look: &FigureLook, alt: &str) -> Result<NinjsPicture> {
    let media = library.media(media_id)?;
    let renditions = vec![
        rendition(library, &media, RenditionSize::Web, look)?,
        rendition(library, &media, RenditionSize::Thumb, look)?,
    ];
    Ok(NinjsPicture {
        name,
        uri: picture_uri(&media, look),
        caption: look.caption.clone(),
        credit: look.credit.clone(),
        alt: alt.to_string(),
        media,
        renditions,
    })
}

/// The article's pictures: the featured photo first (its own caption and credit from the
/// photo's metadata; the alt text of a figure showing it, if any), then every figure.
pub fn pictures(library: &Library, article: &Article) -> Result<Vec<NinjsPicture>> {
    let mut nodes = Vec::new();
    figures(&article.body, &mut nodes);
    let looks: Vec<(i64, FigureLook, String)> = nodes.iter().map(figure_look).collect();
    let mut out = Vec::new();
    if let Some(id) = article.featured_media_id {
        let media = library.media(id)?;
        let alt = looks.iter().find(|(m, _, alt)| *m == id && !alt.is_empty()).map(|(_, _, a)| a.clone());
        let look = FigureLook { caption: media.caption.clone(), credit: media.credit.clone(), ..Default::default() };
        out.push(picture(library, "featureimage".into(), id, &look, &alt.unwrap_or_default())?);
    }
    for (i, (id, look, alt)) in looks.iter().enumerate() {
        out.push(picture(library, format!("picture{}", i + 1), *id, look, alt)?);
    }
    Ok(out)
}

//! `banthao photo …`: import, show, rendition.

use banthao_core::media::{FigureLook, ImportSource, MediaItem, PhotoImportResult, RenditionSize};
use banthao_core::{ArticlePatch, Lang, Library, Result};
use serde::Serialize;
use std::sync::atomic::AtomicBool;

use crate::args::{PhotoVerb, Size};

/// One imported file as `photo import --json` prints it (documented in README).
#[derive(Serialize)]
struct ImportJson<'a> {
    file: &'a str,
    media_id: Option<i64>,
    width: Option<u32>,
    height: Option<u32>,
    caption: Option<&'a str>,
    credit: Option<&'a str>,
    duplicate: bool,
    web: Option<&'a str>,
    thumb: Option<&'a str>,
    error: Option<&'a banthao_core::ErrorPayload>,
}

fn to_json(r: &PhotoImportResult) -> ImportJson<'_> {
    let m = r.media.as_ref();
    ImportJson {
        file: &r.file,
        media_id: m.map(|m| m.id),
        width: m.map(|m| m.width),
        height: m.map(|m| m.height),
        caption: m.map(|m| m.caption.as_str()),
        credit: m.map(|m| if m.credit.is_empty() { m.by_line.as_str() } else { m.credit.as_str() }),
        duplicate: r.duplicate,
        web: r.web_path.as_deref(),
        thumb: r.thumb_path.as_deref(),
        error: r.error.as_ref(),
    }
}

/// What `--caption`, `--credit` and `--alt` set on the new figures.
struct FigureTexts<'a> {
    caption: Option<&'a str>,
    credit: Option<&'a str>,
    alt: Option<&'a str>,
}

/// Appends a figure per photo to the article's body (caption and credit from the file's
/// IPTC/XMP unless given) and, with `featured`, makes the first photo the featured image.
fn add_figures(
    library: &mut Library,
    article_id: i64,
    photos: &[&MediaItem],
    figures: Option<FigureTexts>,
    featured: bool,
) -> Result<()> {
    let article = library.get_article(article_id)?;
    let mut body = article.body.clone();
    if let Some(texts) = &figures {
        let content = body.content.get_or_insert_with(Vec::new);
        // An empty first paragraph (a new article's body) gives way to the figures.
        if content.len() == 1 && content[0].node_type == "paragraph" && content[0].content.is_none() {
            content.clear();
        }
        for m in photos {
            let caption = texts.caption.map(str::to_string).unwrap_or_else(|| m.caption.clone());
            let credit = texts.credit.map(str::to_string).unwrap_or_else(|| {
                if m.credit.is_empty() {
                    m.by_line.clone()
                } else {
                    m.credit.clone()
                }
            });
            let figure = serde_json::json!({
                "type": "figure",
                "attrs": {"media_id": m.id, "credit": credit, "alt": texts.alt.unwrap_or(""), "crop": null, "rotation": 0},
                "content": [{"type": "figcaption", "content": if caption.is_empty() { serde_json::json!([]) } else {
                    serde_json::json!([{"type": "text", "text": caption}]) }}]
            });
            content.push(serde_json::from_value(figure).expect("a figure node"));
        }
    }
    let patch = ArticlePatch {
        base_version: article.version,
        body: figures.is_some().then_some(body),
        featured_media_id: if featured { photos.first().map(|m| m.id) } else { None },
        ..Default::default()
    };
    library.update_article(article_id, patch)?;
    Ok(())
}

/// Runs a photo verb; returns whether every file went through (for the exit status).
pub fn run(library: &mut Library, verb: PhotoVerb, json: bool) -> Result<bool> {
    match verb {
        PhotoVerb::Import { files, article, figure, featured, caption, credit, alt } => {
            let sources: Vec<ImportSource> = files.into_iter().map(ImportSource::Path).collect();
            let cancel = AtomicBool::new(false);
            let total = sources.len();
            let mut progress = |p: &banthao_core::media::ImportProgress| {
                if !json && total > 1 {
                    eprint!("\r{}/{} ảnh…", p.done, p.total);
                }
            };
            let results = library.import_photos(&sources, article, Lang::Vi, &mut progress, &cancel)?;
            if !json && total > 1 {
                eprintln!();
            }
            if json {
                crate::output::json(&results.iter().map(to_json).collect::<Vec<_>>());
            } else {
                for r in &results {
                    match (&r.media, &r.error) {
                        (Some(m), _) => println!(
                            "{}  {}×{}  {}{}\n    chú thích: {}\n    tác giả: {}\n    web: {}\n    thumb: {}",
                            m.id,
                            m.width,
                            m.height,
                            r.file,
                            if r.duplicate { "  (đã có trong thư viện)" } else { "" },
                            m.caption,
                            if m.credit.is_empty() { &m.by_line } else { &m.credit },
                            r.web_path.as_deref().unwrap_or(""),
                            r.thumb_path.as_deref().unwrap_or(""),
                        ),
                        (None, Some(e)) => println!("lỗi  {}: {}", r.file, e.message),
                        (None, None) => {}
                    }
                }
            }
            if let Some(article_id) = article.filter(|_| figure || featured) {
                let imported: Vec<&MediaItem> = results.iter().filter_map(|r| r.media.as_ref()).collect();
                let texts = FigureTexts { caption: caption.as_deref(), credit: credit.as_deref(), alt: alt.as_deref() };
                add_figures(library, article_id, &imported, figure.then_some(texts), featured)?;
            }
            Ok(results.iter().all(|r| r.error.is_none()))
        }
        PhotoVerb::Show { media_id } => {
            let m = library.media(media_id)?;
            if json {
                crate::output::json(&m);
            } else {
                println!("{}  {}×{}  {}  {}", m.id, m.width, m.height, m.format, m.original_name);
                for (label, value) in
                    [("chú thích", &m.caption), ("tác giả ảnh", &m.credit), ("bản quyền", &m.copyright)]
                {
                    if !value.is_empty() {
                        println!("{label}: {value}");
                    }
                }
            }
            Ok(true)
        }
        PhotoVerb::Rendition { media_id, size } => {
            let size = match size {
                Size::Web => RenditionSize::Web,
                Size::Thumb => RenditionSize::Thumb,
            };
            println!("{}", library.rendition(media_id, size, &FigureLook::default())?.display());
            Ok(true)
        }
    }
}

//! Photos in the library: import, dedupe, figures in bodies, the featured image, the figure
//! check before submitting, renditions per crop, and search over captions and credits.

mod common;

use banthao_core::media::*;
use banthao_core::*;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// The camera-like fixtures, made once per test run (tests run in parallel threads).
fn fixture(name: &str) -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = root.join("target/photo-fixtures");
        let status =
            std::process::Command::new(root.join("scripts/make-photo-fixtures.sh")).arg(&dir).status().unwrap();
        assert!(status.success(), "photo fixtures: run scripts/install-deps.sh first");
        dir
    });
    dir.join(name)
}

fn import(lib: &mut Library, names: &[&str], article: Option<i64>) -> Vec<PhotoImportResult> {
    let sources: Vec<ImportSource> = names.iter().map(|n| ImportSource::Path(fixture(n))).collect();
    let mut seen = Vec::new();
    let results =
        lib.import_photos(&sources, article, Lang::Vi, &mut |p| seen.push(p.clone()), &AtomicBool::new(false)).unwrap();
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((names.len() as u32, names.len() as u32)));
    assert!(seen.windows(2).all(|w| w[0].done < w[1].done), "cumulative progress");
    results
}

fn figure(media_id: i64, caption: &str, credit: &str, alt: &str) -> serde_json::Value {
    let caption = if caption.is_empty() { json!([]) } else { json!([{"type": "text", "text": caption}]) };
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": null, "rotation": 0},
           "content": [{"type": "figcaption", "content": caption}]})
}

#[test]
fn figures_the_featured_image_and_the_check_before_submitting() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let a = lib.create_article(common::new_article("Ảnh", "", &["Mở đầu."])).unwrap();
    let r = import(&mut lib, &["camera.jpg", "photo.png", "camera.jpg"], Some(a.id));
    let (photo, png) = (r[0].media.clone().unwrap(), r[1].media.clone().unwrap());
    assert!(r[2].duplicate && r[2].media.as_ref().unwrap().id == photo.id);
    assert_eq!(lib.article_media(a.id).unwrap().iter().map(|m| m.id).collect::<Vec<_>>(), [photo.id, png.id]);

    // A figure without a credit can be saved, but not submitted.
    let body = common::body_json(json!({"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Mở đầu."}]},
        figure(photo.id, "Người dân đi bộ trên đường mới.", "", "Đường ven biển")]}));
    let a = lib
        .update_article(
            a.id,
            ArticlePatch {
                base_version: a.version,
                body: Some(body),
                featured_media_id: Some(png.id),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(a.featured_media_id, Some(png.id));
    let submit = || desk::transitions::StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() };
    let err = lib.change_status(a.id, submit()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::IncompleteFigures);
    assert!(err.message(Lang::Vi).contains("ảnh số 1"), "{}", err.message(Lang::Vi));
    // Steps past "Chờ duyệt" cannot be reached without it: skipping a step does not skip the check.
    for past in [ArticleStatus::InReview, ArticleStatus::Approved, ArticleStatus::Scheduled, ArticleStatus::Published] {
        let step = desk::transitions::StatusChange { to: Some(past), ..Default::default() };
        assert_eq!(lib.change_status(a.id, step).unwrap_err().code(), ErrorCode::WorkflowRefused, "{past:?}");
    }
    let a = lib.get_article(a.id).unwrap();
    assert_eq!(a.status, ArticleStatus::Draft);
    let complete = common::body_json(json!({"type": "doc", "content": [
        figure(photo.id, "Người dân đi bộ trên đường mới.", "Ảnh: Nguyễn Văn An", "Đường ven biển")]}));
    lib.update_article(a.id, ArticlePatch { base_version: a.version, body: Some(complete), ..Default::default() })
        .unwrap();
    let a = lib.change_status(a.id, submit()).unwrap();
    assert_eq!(a.status, ArticleStatus::Submitted);
    let html = export::to_html(&a);
    assert!(
        html.contains(
            "<figcaption>Người dân đi bộ trên đường mới. <span class=\"credit\">Ảnh: Nguyễn Văn An</span></figcaption>"
        ),
        "{html}"
    );

    // A figure of a photo that is not in the library is refused.
    let ghost = common::body_json(json!({"type": "doc", "content": [figure(9999, "x", "y", "z")]}));
    let err = lib
        .update_article(a.id, ArticlePatch { base_version: a.version, body: Some(ghost), ..Default::default() })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn a_new_crop_makes_a_new_rendition_and_the_old_one_stays_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let photo = import(&mut lib, &["camera.jpg"], None)[0].media.clone().unwrap();
    let plain = lib.rendition(photo.id, RenditionSize::Web, &FigureLook::default()).unwrap();
    let square = FigureLook {
        crop: Some(CropRect { x: 0.25, y: 0.0, width: 0.5, height: 0.75 }),
        caption: "Chú thích của toà soạn cho ảnh cắt".into(),
        ..Default::default()
    };
    let cropped = lib.rendition(photo.id, RenditionSize::Web, &square).unwrap();
    assert_ne!(plain, cropped);
    assert!(plain.exists() && cropped.exists());
    // The published rendition carries the figure's caption, else the photo's own (credit likewise).
    let contains = |path: &Path, text: &str| {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(text.len()).any(|w| w == text.as_bytes())
    };
    assert!(contains(&cropped, "Chú thích của toà soạn cho ảnh cắt"));
    assert!(contains(&cropped, "Ảnh: Nguyễn Văn An"), "no figure credit: the photo's own");
    assert!(contains(&plain, &photo.caption) && !photo.caption.is_empty());
    let modified = std::fs::metadata(&cropped).unwrap().modified().unwrap();
    assert_eq!(lib.rendition(photo.id, RenditionSize::Web, &square).unwrap(), cropped);
    assert_eq!(std::fs::metadata(&cropped).unwrap().modified().unwrap(), modified, "made once, then cached");
}

/// The web view asks for a figure by photo and look (media://…/id/web?crop…): the same request
/// must give the new rendition once the settings change. The job that makes it needs no library
/// (the shell decodes without holding the library lock).
#[test]
fn new_rendition_settings_make_a_new_rendition_for_the_same_look() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let photo = import(&mut lib, &["camera.jpg"], None)[0].media.clone().unwrap();
    let before = lib.rendition(photo.id, RenditionSize::Web, &FigureLook::default()).unwrap();
    let settings = lib.photo_settings().unwrap();
    lib.set_photo_settings(PhotoSettings { web_long_edge: 800, ..settings }).unwrap();
    let job = lib.rendition_job(photo.id, &FigureLook::default()).unwrap();
    drop(lib);
    job.run().unwrap();
    assert_ne!(job.web, before);
    let long_edge = |path: &Path| {
        let p = banthao_media::inspect(&std::fs::read(path).unwrap(), &Default::default()).unwrap();
        p.width.max(p.height)
    };
    assert_eq!((long_edge(&before), long_edge(&job.web)), (1600, 800));
}

#[test]
fn the_photo_browser_searches_captions_and_credits_without_diacritics() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let r = import(&mut lib, &["camera.jpg", "photo.png"], None);
    let found = lib.search_media("hai son duong ven bien", 20).unwrap();
    assert!(found.iter().any(|m| Some(m.id) == r[0].media.as_ref().map(|m| m.id)), "{found:?}");
    assert!(!lib.search_media("nguyen van an", 20).unwrap().is_empty());
    assert!(lib.search_media("khong co dau", 20).unwrap().is_empty());
    assert_eq!(lib.search_media("", 20).unwrap().len(), 2, "an empty query lists the library newest first");
}

#[test]
fn a_caption_is_a_body_block_a_note_and_a_photo_request_can_sit_on() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let photo = import(&mut lib, &["camera.jpg"], None)[0].media.clone().unwrap();
    let body = common::body_json(json!({"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Ảnh dưới."}]},
        figure(photo.id, "Người dân xếp hàng mua xăng.", "", "")]}));
    let a = lib.create_article(NewArticle { headline: "Tít".into(), body: Some(body), ..Default::default() }).unwrap();
    let n = lib.add_note_on_quote(a.id, "Chú thích cần ghi địa điểm", "xếp hàng", None, true).unwrap();
    assert_eq!(n.anchor.unwrap().block, 1);
    assert!(n.photo_request);
    // The photo desk sees it: a photo request and a figure without credit or alt text.
    let queue = lib.queue(desk::people::Role::Photo, None).unwrap();
    let item = &queue.groups[0].items[0];
    assert_eq!((item.article.id, item.photo_requests, item.incomplete_figures), (a.id, 1, 1));
}

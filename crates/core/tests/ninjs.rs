//! The IPTC ninjs export: every field the app fills, checked against the official ninjs 2.2
//! schema (python3-jsonschema, Draft 2020-12, formats checked) and value by value; notes, the
//! editor's note and checklist overrides never appear.

mod common;

use banthao_core::desk::transitions::StatusChange;
use banthao_core::interchange::ninjs::{self, NinjsRendition};
use banthao_core::media::*;
use banthao_core::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const NOTE: &str = "GHICHU-noi-bo-khong-dang";
const EDITOR_NOTE: &str = "BIENTAP-chi-de-trong-toa-soan";
const OVERRIDE: &str = "VUOT-checklist-tin-nong";

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

fn import(lib: &mut Library, name: &str, article: i64) -> MediaItem {
    let sources = [ImportSource::Path(fixture(name))];
    let r = lib.import_photos(&sources, Some(article), Lang::Vi, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    r[0].media.clone().unwrap()
}

fn figure(media_id: i64, caption: &str, credit: &str, alt: &str) -> Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": null, "rotation": 0},
           "content": [{"type": "figcaption", "content": [
               {"type": "text", "text": caption}, {"type": "text", "text": " (ảnh minh hoạ)", "marks": [{"type": "em"}]}]}]})
}

/// Validates with the IPTC schema copied into the repo. A missing validator is a failure:
/// this test is the proof that the output is ninjs.
fn validate(item: &Value) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ninjs-schema_2.2.json");
    let tmp = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(tmp.path(), serde_json::to_vec(item).unwrap()).unwrap();
    let script = "import json, sys\n\
        try:\n    import jsonschema\n\
        except ImportError:\n    print('python3-jsonschema is missing: run scripts/install-deps.sh'); sys.exit(3)\n\
        schema = json.load(open(sys.argv[1])); item = json.load(open(sys.argv[2]))\n\
        v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)\n\
        errors = sorted(v.iter_errors(item), key=lambda e: list(e.absolute_path))\n\
        for e in errors: print('/'.join(map(str, e.absolute_path)) + ': ' + e.message)\n\
        sys.exit(1 if errors else 0)\n";
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&schema)
        .arg(tmp.path())
        .output()
        .expect("python3 is needed to validate ninjs (scripts/install-deps.sh)");
    assert!(
        out.status.success(),
        "the ninjs item is not valid against the IPTC ninjs 2.2 schema:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn utc(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .unwrap()
        .with_timezone(&chrono::Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// `href` as the push would give it: the receiver's asset address.
fn asset_href(r: &NinjsRendition) -> String {
    format!("https://cms.example.vn/assets/{}", r.media_id)
}

#[test]
fn an_approved_and_a_scheduled_article_are_valid_ninjs_with_every_field_and_no_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    lib.set_check_settings(Default::default()).unwrap();
    // Decomposed (NFD) input comes out NFC.
    let nfd_headline = "Đà Nẵng mở tuyến đường ven biển";
    let a = lib
        .create_article(NewArticle {
            headline: nfd_headline.into(),
            sapo: "Sáng 2-3, UBND quận Sơn Trà thông xe tuyến đường ven biển dài 5 km.".into(),
            section: "An toàn giao thông".into(),
            keywords: vec!["Đà Nẵng".into(), "giao thông".into()],
            byline: "Nguyễn Văn An – Trần Thị Bình".into(),
            dateline: "Đà Nẵng".into(),
            ..Default::default()
        })
        .unwrap();
    let photo = import(&mut lib, "camera.jpg", a.id);
    let png = import(&mut lib, "photo.png", a.id);
    let body = common::body_json(json!({"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Tuyến đường "},
            {"type": "text", "text": "ven biển", "marks": [{"type": "strong"}]},
            {"type": "text", "text": " nối hai quận; xem "},
            {"type": "text", "text": "bản đồ", "marks": [{"type": "link", "attrs": {"href": "https://example.vn/ban-do"}}]},
            {"type": "text", "text": "."}]},
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Ba điểm mới"}]},
        {"type": "bullet_list", "content": [
            {"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Cầu đi bộ"}]}]},
            {"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Bãi đỗ xe"}]}]}]},
        figure(photo.id, "Người dân đi bộ trên đường mới.", "Ảnh: Nguyễn Văn An", "Đường ven biển lúc sáng sớm"),
        {"type": "paragraph", "content": [{"type": "text", "text": "Dự án hoàn thành sớm hai tháng."}]},
        figure(png.id, "Sơ đồ tuyến đường.", "Đồ hoạ: Lê Cường", "Sơ đồ tuyến"),
    ]}));
    let a = lib
        .update_article(
            a.id,
            ArticlePatch {
                base_version: a.version,
                body: Some(body),
                featured_media_id: Some(photo.id),
                editor_note: Some(EDITOR_NOTE.into()),
                ..Default::default()
            },
        )
        .unwrap();
    lib.add_note(a.id, desk::notes::NewNote { text: NOTE.into(), ..Default::default() }).unwrap();
    let step = |to| StatusChange { to: Some(to), ..Default::default() };
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    lib.change_status(a.id, step(ArticleStatus::InReview)).unwrap();
    lib.change_status(a.id, StatusChange { override_note: OVERRIDE.into(), ..step(ArticleStatus::Approved) }).unwrap();
    let a = lib.get_article(a.id).unwrap();
    assert_eq!(a.status, ArticleStatus::Approved);

    let exported = ninjs::to_ninjs(&lib, a.id, &asset_href).unwrap();
    let item = &exported.item;
    validate(item);

    assert_eq!(item["uri"], json!(format!("urn:banthao:article:{}", a.uid)));
    assert_eq!(
        item["standard"],
        json!({"name": "ninjs", "version": "2.2", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"})
    );
    assert_eq!(item["type"], "text");
    assert_eq!(item["version"], json!(a.version.to_string()));
    assert_eq!(item["versioncreated"], json!(utc(&a.updated_at)));
    assert_eq!(item["firstcreated"], json!(utc(&a.created_at)));
    assert!(item["versioncreated"].as_str().unwrap().ends_with('Z'));
    assert_eq!(item["language"], "vi");
    assert_eq!(item["pubstatus"], "usable");
    assert!(item.get("embargoed").is_none(), "an approved article has no embargo");
    assert_eq!(
        item["headlines"],
        json!([{"role": "main", "contenttype": "text/plain", "value": "Đà Nẵng mở tuyến đường ven biển"}])
    );
    assert_eq!(item["headlines"][0]["value"].as_str().unwrap().chars().count(), 31, "NFC, not NFD");
    assert_eq!(
        item["descriptions"],
        json!([{"role": "summary", "contenttype": "text/plain",
                "value": "Sáng 2-3, UBND quận Sơn Trà thông xe tuyến đường ven biển dài 5 km."}])
    );
    assert_eq!(item["by"], "Nguyễn Văn An – Trần Thị Bình");
    assert_eq!(item["located"], "Đà Nẵng");
    assert_eq!(item["slugline"], json!(a.slug));
    assert_eq!(a.slug, "da-nang-mo-tuyen-duong-ven-bien");
    assert_eq!(
        item["subjects"],
        json!([{"name": "Đà Nẵng", "rel": "keyword"}, {"name": "giao thông", "rel": "keyword"},
               {"name": "An toàn giao thông", "rel": "section"}])
    );

    // The pictures: the featured photo (its caption and credit from the file's IPTC), then
    // the figures in body order.
    assert_eq!(photo.caption, "Người dân phường Hải Sơn đi bộ trên tuyến đường ven biển mới thông xe.");
    assert_eq!(photo.credit, "Ảnh: Nguyễn Văn An");
    let pics = &exported.pictures;
    assert_eq!(pics.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["featureimage", "picture1", "picture2"]);
    let web = |i: usize| pics[i].renditions[0].clone();
    let thumb = |i: usize| pics[i].renditions[1].clone();
    let rendition = |r: &NinjsRendition| {
        json!({"name": r.name, "href": asset_href(r), "contenttype": "image/jpeg",
               "width": r.width, "height": r.height, "sizeinbytes": r.sizeinbytes})
    };
    for p in pics {
        for r in &p.renditions {
            assert_eq!(r.sizeinbytes, std::fs::metadata(&r.path).unwrap().len());
            assert!(r.media_id.starts_with(&p.media.hash) && r.media_id.ends_with(&format!("-{}.jpg", r.name)));
            assert!(r.width > 0 && r.height > 0);
        }
        assert!(p.renditions[0].width > p.renditions[1].width, "web is larger than thumb");
    }
    assert_eq!(
        item["associations"],
        json!([
            {"name": "featureimage", "uri": format!("urn:banthao:picture:{}", photo.hash), "type": "picture",
             "descriptions": [
                {"role": "caption", "contenttype": "text/plain", "value": photo.caption},
                {"role": "alt", "contenttype": "text/plain", "value": "Đường ven biển lúc sáng sớm"}],
             "by": photo.credit, "copyrightholder": "© 2024 Báo Bản Thảo",
             "renditions": [rendition(&web(0)), rendition(&thumb(0))]},
            {"name": "picture1", "uri": format!("urn:banthao:picture:{}", photo.hash), "type": "picture",
             "descriptions": [
                {"role": "caption", "contenttype": "text/plain", "value": "Người dân đi bộ trên đường mới. (ảnh minh hoạ)"},
                {"role": "alt", "contenttype": "text/plain", "value": "Đường ven biển lúc sáng sớm"}],
             "by": "Ảnh: Nguyễn Văn An", "copyrightholder": "© 2024 Báo Bản Thảo",
             "renditions": [rendition(&web(1)), rendition(&thumb(1))]},
            {"name": "picture2", "uri": format!("urn:banthao:picture:{}", png.hash), "type": "picture",
             "descriptions": [
                {"role": "caption", "contenttype": "text/plain", "value": "Sơ đồ tuyến đường. (ảnh minh hoạ)"},
                {"role": "alt", "contenttype": "text/plain", "value": "Sơ đồ tuyến"}],
             "by": "Đồ hoạ: Lê Cường",
             "renditions": [rendition(&web(2)), rendition(&thumb(2))]},
        ])
    );
    let body = format!(
        "<p>Tuyến đường <strong>ven biển</strong> nối hai quận; xem <a href=\"https://example.vn/ban-do\">bản đồ</a>.</p>\
         <h2>Ba điểm mới</h2><ul><li><p>Cầu đi bộ</p></li><li><p>Bãi đỗ xe</p></li></ul>\
         <figure data-association=\"picture1\"><img src=\"{}\" alt=\"Đường ven biển lúc sáng sớm\"><figcaption>Người dân đi bộ trên đường mới.<em> (ảnh minh hoạ)</em> <span class=\"credit\">Ảnh: Nguyễn Văn An</span></figcaption></figure>\
         <p>Dự án hoàn thành sớm hai tháng.</p>\
         <figure data-association=\"picture2\"><img src=\"{}\" alt=\"Sơ đồ tuyến\"><figcaption>Sơ đồ tuyến đường.<em> (ảnh minh hoạ)</em> <span class=\"credit\">Đồ hoạ: Lê Cường</span></figcaption></figure>",
        asset_href(&web(1)),
        asset_href(&web(2))
    );
    assert_eq!(item["bodies"], json!([{"role": "main", "contenttype": "text/html", "value": body}]));

    let text = serde_json::to_string(item).unwrap();
    for secret in [NOTE, EDITOR_NOTE, OVERRIDE] {
        assert!(!text.contains(secret), "{secret} leaked into the ninjs item");
    }
    assert!(!text.contains("data-media-id"), "local photo ids stay local");

    // The export file: the same item, renditions as file:// addresses of the library's files.
    let file = ninjs::export_ninjs(&lib, a.id).unwrap();
    let from_file: Value = serde_json::from_str(&file).unwrap();
    validate(&from_file);
    let href = from_file["associations"][1]["renditions"][0]["href"].as_str().unwrap().to_string();
    assert_eq!(href, ninjs::file_url(&web(1).path));
    assert!(href.starts_with("file:///") && web(1).path.exists());

    // Hẹn giờ: still usable, with the publication time as the embargo.
    let at = "2030-03-02T08:30:00+07:00";
    lib.change_status(
        a.id,
        StatusChange {
            scheduled_at: Some(at.into()),
            override_note: OVERRIDE.into(),
            ..step(ArticleStatus::Scheduled)
        },
    )
    .unwrap();
    let scheduled = ninjs::to_ninjs(&lib, a.id, &asset_href).unwrap().item;
    validate(&scheduled);
    assert_eq!(scheduled["pubstatus"], "usable");
    assert_eq!(scheduled["embargoed"], "2030-03-02T01:30:00Z");
}

#[test]
fn drafts_are_withheld_and_a_bare_article_is_valid() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(common::new_article("Tin vắn", "", &["Một dòng."])).unwrap();
    let item = ninjs::to_ninjs(&lib, a.id, &asset_href).unwrap().item;
    validate(&item);
    assert_eq!(item["pubstatus"], "withheld");
    assert_eq!(item["bodies"][0]["value"], "<p>Một dòng.</p>");
    for absent in ["descriptions", "by", "located", "subjects", "associations", "embargoed"] {
        assert!(item.get(absent).is_none(), "{absent} is left out when empty");
    }
    for s in ArticleStatus::ALL {
        let usable = matches!(s, ArticleStatus::Approved | ArticleStatus::Scheduled | ArticleStatus::Published);
        assert_eq!(ninjs::pubstatus(s), if usable { "usable" } else { "withheld" }, "{s:?}");
    }
}

//! The handover tests' article (photos, figures, notes, history, steps, a sync base) and the
//! views of a library they compare between two libraries.
#![allow(dead_code)]

use super::common::*;
use banthao_core::article::render::doc_to_text;
use banthao_core::desk::notes::{NewNote, Note, NoteField};
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::media::{ImportSource, MediaItem};
use banthao_core::sync::{EndpointInput, SyncedBase};
use banthao_core::*;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub const SITE: &str = "https://baomoi.example.vn";

/// A small real JPEG made by ImageMagick (`pattern` decides its pixels).
pub fn jpeg(dir: &Path, name: &str, size: &str, pattern: &str) -> PathBuf {
    let path = dir.join(name);
    let status = std::process::Command::new("convert")
        .args(["-size", size, pattern, "-quality", "85"])
        .arg(&path)
        .status()
        .expect("ImageMagick's convert (scripts/install-deps.sh)");
    assert!(status.success());
    path
}

pub fn figure(media_id: i64, caption: &str, credit: &str, alt: &str, crop: serde_json::Value) -> serde_json::Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": crop, "rotation": 0},
           "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
}

pub fn para(text: &str) -> serde_json::Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

pub fn act(lib: &mut Library, name: &str, role: Role) {
    lib.act_as(UserProfile::new(name, role));
}

pub fn save(lib: &mut Library, id: i64, patch: ArticlePatch) -> Article {
    let version = lib.get_article(id).unwrap().version;
    lib.update_article(id, ArticlePatch { base_version: version, ..patch }).unwrap()
}

pub fn body(blocks: Vec<serde_json::Value>) -> BodyDoc {
    body_json(json!({"type": "doc", "content": blocks}))
}

pub struct Sent {
    pub article: Article,
    pub photos: [MediaItem; 2],
}

/// Library A's article: two photos in figures (captions, credits, one cropped), a featured
/// image, three notes (a reply, one resolved, one anchored in the body), four revisions, two
/// workflow steps and a sync base.
pub fn make_article(lib: &mut Library, photo_dir: &Path) -> Sent {
    act(lib, "Nguyễn Văn An", Role::Reporter);
    let a = lib
        .create_article(new_article("Đường ven biển thông xe", "Sáng 2-3, tuyến đường mới thông xe.", &["Mở đầu."]))
        .unwrap();
    let sources = [
        ImportSource::Path(jpeg(photo_dir, "duong.jpg", "120x80", "gradient:red-blue")),
        ImportSource::Path(jpeg(photo_dir, "cau.jpg", "90x120", "gradient:green-yellow")),
    ];
    let results = lib.import_photos(&sources, Some(a.id), Lang::Vi, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let photos = [results[0].media.clone().unwrap(), results[1].media.clone().unwrap()];
    let crop = json!({"x": 0.1, "y": 0.2, "width": 0.5, "height": 0.6});
    let blocks = vec![
        para("Người dân phường Hải Sơn đi bộ trên tuyến đường mới."),
        figure(photos[0].id, "Tuyến đường ven biển mới.", "Ảnh: Nguyễn Văn An", "Đường ven biển", crop),
        para("Dự án có tổng vốn 500 tỷ đồng."),
        figure(photos[1].id, "Cây cầu trên tuyến.", "Ảnh: Trần Bình", "Cây cầu", serde_json::Value::Null),
    ];
    save(
        lib,
        a.id,
        ArticlePatch { body: Some(body(blocks.clone())), featured_media_id: Some(photos[1].id), ..Default::default() },
    );
    lib.change_status(a.id, StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() }).unwrap();
    let mut edited = blocks.clone();
    edited[2] = para("Dự án có tổng vốn hơn 500 tỷ đồng, khởi công năm 2022.");
    save(
        lib,
        a.id,
        ArticlePatch {
            body: Some(body(edited.clone())),
            keywords: Some(vec!["giao thông".into(), "Đà Nẵng".into()]),
            ..Default::default()
        },
    );
    let v = lib.get_article(a.id).unwrap().version;
    lib.save_bulk_fix(
        a.id,
        ArticlePatch {
            base_version: v,
            sapo: Some("Sáng 2-3, tuyến đường ven biển mới chính thức thông xe.".into()),
            ..Default::default()
        },
    )
    .unwrap();

    act(lib, "Lê Thị Biên", Role::Editor);
    lib.change_status(a.id, StatusChange { to: Some(ArticleStatus::InReview), ..Default::default() }).unwrap();
    let anchored =
        lib.add_note_on_quote(a.id, "Nguồn số liệu?", "hơn 500 tỷ đồng", Some(NoteField::Body), false).unwrap();
    let general = lib
        .add_note(a.id, NewNote { text: "Cần thêm ảnh toàn cảnh.".into(), photo_request: true, ..Default::default() })
        .unwrap();
    act(lib, "Nguyễn Văn An", Role::Reporter);
    lib.add_note(a.id, NewNote { text: "Theo Sở GTVT.".into(), reply_to: Some(anchored.id), ..Default::default() })
        .unwrap();
    act(lib, "Lê Thị Biên", Role::Editor);
    lib.add_note(a.id, NewNote { text: "Tít hơi dài.".into(), ..Default::default() }).unwrap();
    lib.set_note_resolved(general.id, true).unwrap();

    let endpoint = lib
        .save_endpoint(
            &EndpointInput { name: "Báo".into(), url: SITE.into(), username: "an".into(), ..Default::default() },
            false,
        )
        .unwrap();
    let version = lib.get_article(a.id).unwrap().version;
    let synced = SyncedBase {
        remote_id: 4242,
        link: format!("{SITE}/?p=4242"),
        remote_modified: "2026-12-01T08:00:00".into(),
        remote_revision: Some(77),
        base: r#"{"title":"Đường ven biển thông xe","content":"…"}"#.into(),
        synced_version: version,
    };
    lib.record_synced(a.id, endpoint.id, &synced).unwrap();
    Sent { article: lib.get_article(a.id).unwrap(), photos }
}

/// Every table of a library, row by row: what "unchanged" means.
pub fn dump(dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join("library.sqlite")).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        for row in rows {
            out.push(format!("{t}: {}", row.unwrap()));
        }
    }
    let mut files: Vec<String> = walk(&dir.join("media"));
    files.sort();
    out.extend(files);
    out
}

pub fn walk(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flat_map(|e| {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p)
            } else {
                vec![p.display().to_string()]
            }
        })
        .collect()
}

/// A note as a person sees it, without local ids.
pub fn note_view(n: &Note) -> serde_json::Value {
    json!({"text": n.text, "quote": n.quote, "anchor": n.anchor, "detached": n.detached, "photo_request": n.photo_request,
           "resolved": n.resolved, "resolved_by": n.resolved_by, "author": n.author, "role": n.role,
           "created_at": n.created_at, "replies": n.replies.iter().map(note_view).collect::<Vec<_>>()})
}

pub fn notes_view(lib: &Library, id: i64) -> Vec<serde_json::Value> {
    lib.list_notes(id).unwrap().iter().map(note_view).collect()
}

/// The history as a person sees it: number, time, reason, headline, text.
pub fn history_view(lib: &Library, id: i64) -> Vec<(u32, String, RevisionReason, String, String)> {
    lib.list_revisions(id)
        .unwrap()
        .iter()
        .map(|r| {
            let content = lib.get_revision(r.id).unwrap().content;
            (r.number, r.created_at.clone(), r.reason, r.headline.clone(), doc_to_text(&content.body))
        })
        .collect()
}

pub fn transitions_view(lib: &Library, id: i64) -> Vec<serde_json::Value> {
    lib.list_transitions(id)
        .unwrap()
        .iter()
        .map(|t| json!({"at": t.at, "actor": t.actor, "role": t.role, "from": t.from, "to": t.to, "note": t.note}))
        .collect()
}

/// Each figure's photo (by hash), caption, credit, alt and crop.
pub fn figures_view(lib: &Library, a: &Article) -> Vec<serde_json::Value> {
    a.body
        .content
        .iter()
        .flatten()
        .filter(|n| n.node_type == "figure")
        .map(|f| {
            let attrs = f.attrs.clone().unwrap();
            let media = lib.media(attrs["media_id"].as_i64().unwrap()).unwrap();
            json!({"hash": media.hash, "caption": doc_to_text(f), "credit": attrs["credit"], "alt": attrs["alt"], "crop": attrs["crop"]})
        })
        .collect()
}

pub fn paragraph_texts(a: &Article) -> Vec<String> {
    a.body.content.iter().flatten().filter(|n| n.node_type == "paragraph").map(doc_to_text).collect()
}

pub fn with_paragraph(a: &Article, index: usize, text: &str) -> BodyDoc {
    let mut b = a.body.clone();
    let paragraphs: Vec<usize> =
        b.content.iter().flatten().enumerate().filter(|(_, n)| n.node_type == "paragraph").map(|(i, _)| i).collect();
    b.content.as_mut().unwrap()[paragraphs[index]] = super::common::body_json(para(text));
    b
}

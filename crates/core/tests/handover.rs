//! The handover file (`.banthao`): an article carried between two libraries with its photos
//! (originals byte-identical), figures, featured image, notes, history, workflow steps and sync
//! base; handed back and merged without duplicates; a conflicting edit shown side by side and
//! settled; damaged, tampered and foreign files refused with the library left exactly as it was.

mod common;

use banthao_core::article::render::doc_to_text;
use banthao_core::desk::notes::{NewNote, Note, NoteField};
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::interchange::handover::HandoverOutcome;
use banthao_core::media::{ImportSource, MediaItem};
use banthao_core::sync::{ConflictSide, EndpointInput, SyncedBase};
use banthao_core::*;
use common::*;
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const SITE: &str = "https://baomoi.example.vn";

/// A small real JPEG made by ImageMagick (`pattern` decides its pixels).
fn jpeg(dir: &Path, name: &str, size: &str, pattern: &str) -> PathBuf {
    let path = dir.join(name);
    let status = std::process::Command::new("convert")
        .args(["-size", size, pattern, "-quality", "85"])
        .arg(&path)
        .status()
        .expect("ImageMagick's convert (scripts/install-deps.sh)");
    assert!(status.success());
    path
}

fn figure(media_id: i64, caption: &str, credit: &str, alt: &str, crop: serde_json::Value) -> serde_json::Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": crop, "rotation": 0},
           "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
}

fn para(text: &str) -> serde_json::Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

fn act(lib: &mut Library, name: &str, role: Role) {
    lib.act_as(UserProfile::new(name, role));
}

fn save(lib: &mut Library, id: i64, patch: ArticlePatch) -> Article {
    let version = lib.get_article(id).unwrap().version;
    lib.update_article(id, ArticlePatch { base_version: version, ..patch }).unwrap()
}

fn body(blocks: Vec<serde_json::Value>) -> BodyDoc {
    body_json(json!({"type": "doc", "content": blocks}))
}

struct Sent {
    article: Article,
    photos: [MediaItem; 2],
}

/// Library A's article: two photos in figures (captions, credits, one cropped), a featured
/// image, three notes (a reply, one resolved, one anchored in the body), four revisions, two
/// workflow steps and a sync base.
fn make_article(lib: &mut Library, photo_dir: &Path) -> Sent {
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
fn dump(dir: &Path) -> Vec<String> {
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

fn walk(dir: &Path) -> Vec<String> {
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
fn note_view(n: &Note) -> serde_json::Value {
    json!({"text": n.text, "quote": n.quote, "anchor": n.anchor, "detached": n.detached, "photo_request": n.photo_request,
           "resolved": n.resolved, "resolved_by": n.resolved_by, "author": n.author, "role": n.role,
           "created_at": n.created_at, "replies": n.replies.iter().map(note_view).collect::<Vec<_>>()})
}

fn notes_view(lib: &Library, id: i64) -> Vec<serde_json::Value> {
    lib.list_notes(id).unwrap().iter().map(note_view).collect()
}

/// The history as a person sees it: number, time, reason, headline, text.
fn history_view(lib: &Library, id: i64) -> Vec<(u32, String, RevisionReason, String, String)> {
    lib.list_revisions(id)
        .unwrap()
        .iter()
        .map(|r| {
            let content = lib.get_revision(r.id).unwrap().content;
            (r.number, r.created_at.clone(), r.reason, r.headline.clone(), doc_to_text(&content.body))
        })
        .collect()
}

fn transitions_view(lib: &Library, id: i64) -> Vec<serde_json::Value> {
    lib.list_transitions(id)
        .unwrap()
        .iter()
        .map(|t| json!({"at": t.at, "actor": t.actor, "role": t.role, "from": t.from, "to": t.to, "note": t.note}))
        .collect()
}

/// Each figure's photo (by hash), caption, credit, alt and crop.
fn figures_view(lib: &Library, a: &Article) -> Vec<serde_json::Value> {
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

fn paragraph_texts(a: &Article) -> Vec<String> {
    a.body.content.iter().flatten().filter(|n| n.node_type == "paragraph").map(doc_to_text).collect()
}

fn with_paragraph(a: &Article, index: usize, text: &str) -> BodyDoc {
    let mut b = a.body.clone();
    let paragraphs: Vec<usize> =
        b.content.iter().flatten().enumerate().filter(|(_, n)| n.node_type == "paragraph").map(|(i, _)| i).collect();
    b.content.as_mut().unwrap()[paragraphs[index]] = common::body_json(para(text));
    b
}

#[test]
fn round_trip_merge_back_conflict_and_choices() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir_a, dir_b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut a_lib = Library::open(&dir_a).unwrap();
    let mut b_lib = Library::open(&dir_b).unwrap();
    let sent = make_article(&mut a_lib, tmp.path());
    let a = sent.article.clone();

    // Export: written under its name, nothing left beside it.
    let file = tmp.path().join("bai.banthao");
    let exported = a_lib.export_handover(a.id, &file).unwrap();
    assert_eq!((exported.photos, exported.notes), (2, 4));
    assert_eq!(exported.revisions as usize, a_lib.list_revisions(a.id).unwrap().len());
    assert_eq!(exported.bytes, std::fs::metadata(&file).unwrap().len());
    let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(beside.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{beside:?}");

    // Import into B: everything arrives.
    let imported = b_lib.import_handover(&file, None, Lang::Vi).unwrap();
    assert_eq!(imported.outcome, HandoverOutcome::Created);
    assert_eq!((imported.photos_added, imported.notes_added, imported.transitions_added), (2, 4, 2));
    let b = b_lib.get_article(imported.article_id).unwrap();
    assert_eq!(b.uid, a.uid);
    for (x, y) in [(&a.headline, &b.headline), (&a.sapo, &b.sapo), (&a.slug, &b.slug), (&a.editor_note, &b.editor_note)]
    {
        assert_eq!(x, y);
    }
    assert_eq!(
        (b.status, &b.keywords, &b.created_at, &b.updated_at),
        (a.status, &a.keywords, &a.created_at, &a.updated_at)
    );
    assert_eq!(doc_to_text(&b.body), doc_to_text(&a.body));
    assert_eq!(figures_view(&b_lib, &b), figures_view(&a_lib, &a));
    let featured = b_lib.media(b.featured_media_id.unwrap()).unwrap();
    assert_eq!(featured.hash, sent.photos[1].hash);
    for photo in &sent.photos {
        let there = b_lib.media_by_hash(&photo.hash).unwrap().expect("photo arrived");
        assert_eq!(
            std::fs::read(b_lib.original_path(&there)).unwrap(),
            std::fs::read(a_lib.original_path(photo)).unwrap()
        );
        assert_eq!(
            (&there.original_name, &there.caption, &there.credit),
            (&photo.original_name, &photo.caption, &photo.credit)
        );
        assert!(b_lib.rendition(there.id, media::RenditionSize::Thumb, &Default::default()).unwrap().exists());
    }
    let panel = |lib: &Library, id| lib.article_media(id).unwrap().into_iter().map(|m| m.hash).collect::<Vec<_>>();
    assert_eq!(panel(&b_lib, b.id), panel(&a_lib, a.id));
    assert_eq!(notes_view(&b_lib, b.id), notes_view(&a_lib, a.id));
    assert_eq!(history_view(&b_lib, b.id), history_view(&a_lib, a.id));
    assert!(history_view(&a_lib, a.id).len() >= 4, "{:?}", history_view(&a_lib, a.id));
    assert_eq!(transitions_view(&b_lib, b.id), transitions_view(&a_lib, a.id));
    assert!(b_lib.list_notes(b.id).unwrap().iter().any(|n| n.anchor.is_some_and(|x| x.field == NoteField::Body)));
    // No endpoint for the site here yet: the base waits, and is found when one is added.
    assert!(b_lib.sync_record(b.id).unwrap().is_none());
    let endpoint = b_lib
        .save_endpoint(
            &EndpointInput { name: "Trang".into(), url: SITE.into(), username: "bien".into(), ..Default::default() },
            false,
        )
        .unwrap();
    let record = b_lib.sync_record(b.id).unwrap().expect("base adopted");
    assert_eq!((record.endpoint_id, record.remote_id, record.remote_revision), (endpoint.id, Some(4242), Some(77)));
    assert_eq!(record.base.as_deref(), Some(r#"{"title":"Đường ven biển thông xe","content":"…"}"#));

    // The same file again: already up to date, nothing changes.
    let before = dump(&dir_b);
    let again = b_lib.import_handover(&file, None, Lang::En).unwrap();
    assert_eq!(again.outcome, HandoverOutcome::Unchanged, "{}", again.message);
    assert_eq!(dump(&dir_b), before);

    // Edited on B (a paragraph, a new note, a note resolved), handed back to A: merged.
    act(&mut b_lib, "Lê Thị Biên", Role::Editor);
    let b = save(
        &mut b_lib,
        b.id,
        ArticlePatch {
            body: Some(with_paragraph(&b, 0, "Người dân phường Hải Sơn háo hức đi bộ trên tuyến đường mới.")),
            ..Default::default()
        },
    );
    b_lib.add_note(b.id, NewNote { text: "Kiểm tra chính tả.".into(), ..Default::default() }).unwrap();
    let open_note = b_lib.list_notes(b.id).unwrap().into_iter().find(|n| n.text == "Tít hơi dài.").unwrap();
    b_lib.set_note_resolved(open_note.id, true).unwrap();
    let back = tmp.path().join("tra-lai.banthao");
    b_lib.export_handover(b.id, &back).unwrap();
    let articles_before = a_lib.list_articles(&ListQuery::default()).unwrap().len();
    let merged = a_lib.import_handover(&back, None, Lang::Vi).unwrap();
    assert_eq!(merged.outcome, HandoverOutcome::Merged);
    assert_eq!((merged.article_id, merged.notes_added, merged.photos_added), (a.id, 1, 0));
    assert_eq!(a_lib.list_articles(&ListQuery::default()).unwrap().len(), articles_before, "never a second article");
    let a_now = a_lib.get_article(a.id).unwrap();
    assert_eq!(paragraph_texts(&a_now), paragraph_texts(&b));
    assert_eq!(notes_view(&a_lib, a.id), notes_view(&b_lib, b.id));
    assert_eq!(history_view(&a_lib, a.id), history_view(&b_lib, b.id), "the same history, no revision twice");
    assert_eq!(transitions_view(&a_lib, a.id), transitions_view(&b_lib, b.id));
    // And back again: nothing new either way.
    let a_file = tmp.path().join("lan-3.banthao");
    a_lib.export_handover(a.id, &a_file).unwrap();
    assert_eq!(b_lib.import_handover(&a_file, None, Lang::Vi).unwrap().outcome, HandoverOutcome::Unchanged);
    // B goes on editing the same paragraph at once (the same editing burst): the revision A has
    // stays as it was, and A takes the new text as a plain fast-forward, not a conflict.
    let b = b_lib.get_article(b.id).unwrap();
    let b = save(
        &mut b_lib,
        b.id,
        ArticlePatch {
            body: Some(with_paragraph(&b, 0, "Người dân phường Hải Sơn háo hức đi bộ, đạp xe trên tuyến đường mới.")),
            ..Default::default()
        },
    );
    let again = tmp.path().join("lan-4.banthao");
    b_lib.export_handover(b.id, &again).unwrap();
    let ff = a_lib.import_handover(&again, None, Lang::Vi).unwrap();
    assert_eq!((ff.outcome, ff.revisions_added), (HandoverOutcome::Merged, 1), "{:?}", ff.conflicts);
    let a_now = a_lib.get_article(a.id).unwrap();
    assert_eq!(paragraph_texts(&a_now), paragraph_texts(&b));
    assert_eq!(history_view(&a_lib, a.id), history_view(&b_lib, b.id));

    // The same paragraph edited differently on both sides: a conflict, side by side.
    let a_now = save(
        &mut a_lib,
        a.id,
        ArticlePatch {
            body: Some(with_paragraph(&a_now, 1, "Dự án có tổng vốn 520 tỷ đồng (bản A).")),
            ..Default::default()
        },
    );
    let b_now = b_lib.get_article(b.id).unwrap();
    save(
        &mut b_lib,
        b.id,
        ArticlePatch {
            body: Some(with_paragraph(&b_now, 1, "Dự án có tổng vốn 510 tỷ đồng (bản B).")),
            ..Default::default()
        },
    );
    let a_file = tmp.path().join("xung-dot.banthao");
    a_lib.export_handover(a_now.id, &a_file).unwrap();
    let before = dump(&dir_b);
    let conflict = b_lib.import_handover(&a_file, None, Lang::Vi).unwrap();
    assert_eq!(conflict.outcome, HandoverOutcome::Conflict);
    assert_eq!(conflict.conflicts.len(), 1, "{:?}", conflict.conflicts);
    assert_eq!(conflict.conflicts[0].field, "body");
    assert_eq!(conflict.conflicts[0].local, ["Dự án có tổng vốn 510 tỷ đồng (bản B)."]);
    assert_eq!(conflict.conflicts[0].remote, ["Dự án có tổng vốn 520 tỷ đồng (bản A)."]);
    assert_eq!(dump(&dir_b), before, "a conflict changes nothing");
    let wrong = b_lib.import_handover(&a_file, Some(&[]), Lang::Vi).unwrap_err();
    assert_eq!(wrong.code(), ErrorCode::InvalidInput);
    assert_eq!(dump(&dir_b), before);
    let settled = b_lib.import_handover(&a_file, Some(&[ConflictSide::Remote]), Lang::Vi).unwrap();
    assert_eq!(settled.outcome, HandoverOutcome::Merged);
    let b_final = b_lib.get_article(b.id).unwrap();
    assert_eq!(paragraph_texts(&b_final)[1], "Dự án có tổng vốn 520 tỷ đồng (bản A).");
    // B's own text stays in its history; the newest revision is the text chosen (A's own
    // revision, which arrived with the file: no second copy of it).
    let history = history_view(&b_lib, b.id);
    assert!(history[0].4.contains("(bản A)"), "{:?}", history[0]);
    assert!(history.iter().any(|h| h.4.contains("(bản B)")));
    assert_eq!(
        history.len(),
        history.iter().map(|h| (&h.1, format!("{:?}", h.2), &h.4)).collect::<std::collections::BTreeSet<_>>().len()
    );
    assert_eq!(b_lib.list_articles(&ListQuery::default()).unwrap().len(), 1);
}

/// Rewrites the ZIP at `from` into `to`, entry by entry through `edit` (None drops the entry),
/// then adds `extra` entries.
/// What becomes of one entry: its new bytes, or None to leave it out.
type EntryEdit<'a> = &'a dyn Fn(&str, Vec<u8>) -> Option<Vec<u8>>;

fn rewrite(from: &Path, to: &Path, edit: EntryEdit, extra: &[(&str, &[u8])]) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = edit(&name, bytes) {
            out.start_file(name, options).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    for (name, bytes) in extra {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn damaged_tampered_and_foreign_files_are_refused_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir_a, dir_b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut a_lib = Library::open(&dir_a).unwrap();
    let mut b_lib = Library::open(&dir_b).unwrap();
    let sent = make_article(&mut a_lib, tmp.path());
    let good = tmp.path().join("good.banthao");
    a_lib.export_handover(sent.article.id, &good).unwrap();
    // B already has an article of its own, so "unchanged" is not just "empty".
    b_lib.create_article(new_article("Bài của B", "", &["Nội dung."])).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let case = |name: &str| tmp.path().join(format!("{name}.banthao"));

    // A byte flipped inside an entry's stored data: it no longer decompresses to what it was.
    let flipped = case("flipped");
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
        let entry = zip.by_name("article.json").unwrap();
        entry.data_start().unwrap() as usize
    };
    let mut b = bytes.clone();
    b[start + 20] ^= 0x5a;
    std::fs::write(&flipped, &b).unwrap();
    // The same in a photo, which is stored without compression: its CRC no longer matches.
    let flipped_photo = case("flipped-photo");
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
        let entry = zip.by_name(&format!("media/{}.jpeg", sent.photos[0].hash)).unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
        entry.data_start().unwrap() as usize
    };
    let mut b = bytes.clone();
    b[start + 100] ^= 0x01;
    std::fs::write(&flipped_photo, &b).unwrap();
    // An entry changed and re-zipped whole (a valid ZIP): its checksum no longer matches.
    let edited = case("edited");
    rewrite(
        &good,
        &edited,
        &|name, bytes| {
            Some(if name == "article.json" {
                String::from_utf8(bytes).unwrap().replacen("thông xe", "thông  xe", 1).into_bytes()
            } else {
                bytes
            })
        },
        &[],
    );
    let truncated = case("truncated");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let unlisted = case("unlisted");
    rewrite(&good, &unlisted, &|_, bytes| Some(bytes), &[("media/extra.jpg", b"not listed")]);
    let no_manifest = case("no-manifest");
    rewrite(&good, &no_manifest, &|name, bytes| (name != "manifest.json").then_some(bytes), &[]);
    let too_new = case("v99");
    rewrite(
        &good,
        &too_new,
        &|name, bytes| {
            Some(if name == "manifest.json" {
                let mut m: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                m["version"] = json!(99);
                serde_json::to_vec(&m).unwrap()
            } else {
                bytes
            })
        },
        &[],
    );
    let missing_photo = case("missing-photo");
    rewrite(&good, &missing_photo, &|name, bytes| (!name.starts_with("media/")).then_some(bytes), &[]);
    let text = case("text");
    std::fs::write(&text, "Đây là một tệp văn bản.").unwrap();

    let before = dump(&dir_b);
    for (file, code, words) in [
        (&flipped, "handover_damaged", "damaged"),
        (&flipped_photo, "handover_damaged", "damaged"),
        (&edited, "handover_tampered", "altered"),
        (&truncated, "handover_damaged", "damaged"),
        (&unlisted, "handover_tampered", "media/extra.jpg"),
        (&no_manifest, "not_handover", "not a Bản Thảo handover file"),
        (&too_new, "handover_too_new", "newer Bản Thảo"),
        (&missing_photo, "handover_damaged", "is missing"),
        (&text, "not_handover", "not a Bản Thảo handover file"),
    ] {
        let err = b_lib.import_handover(file, None, Lang::Vi).unwrap_err();
        let Error::BadFile { code: got, vi, en, .. } = &err else { panic!("{}: {err:?}", file.display()) };
        assert_eq!(*got, code, "{}: {en}", file.display());
        assert!(en.contains(words), "{en}");
        assert!(en.contains("Nothing was changed") || en.contains("nothing was changed"), "{en}");
        assert!(vi.contains("Không có gì bị thay đổi") || vi.contains("không có gì bị thay đổi"), "{vi}");
        assert_eq!(err.code(), ErrorCode::InvalidFile);
        // The message names the file as it is spelled (not capitalised as a sentence).
        assert!(err.message(Lang::En).starts_with(&format!("{}: ", file.display())), "{}", err.message(Lang::En));
        assert_eq!(dump(&dir_b), before, "{} changed the library", file.display());
    }
    // The good file still goes in.
    assert_eq!(b_lib.import_handover(&good, None, Lang::Vi).unwrap().outcome, HandoverOutcome::Created);
}

#[test]
fn a_failed_export_leaves_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Một."])).unwrap();
    let out = tmp.path().join("no-such-folder/bai.banthao");
    assert!(lib.export_handover(a.id, &out).is_err());
    assert!(!out.exists());
    let err = lib.export_handover(9999, &tmp.path().join("x.banthao")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(!tmp.path().join("x.banthao").exists());
}

#[test]
fn edits_in_different_places_merge_into_a_handover_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a_lib = Library::open(&tmp.path().join("a")).unwrap();
    let mut b_lib = Library::open(&tmp.path().join("b")).unwrap();
    let a = a_lib.create_article(new_article("Giá xăng tăng", "Từ 15 giờ.", &["Một.", "Hai.", "Ba."])).unwrap();
    let file = tmp.path().join("1.banthao");
    a_lib.export_handover(a.id, &file).unwrap();
    let b_id = b_lib.import_handover(&file, None, Lang::Vi).unwrap().article_id;
    let a = save(
        &mut a_lib,
        a.id,
        ArticlePatch { body: Some(paragraphs(&["Một, sửa ở A.", "Hai.", "Ba."])), ..Default::default() },
    );
    save(
        &mut b_lib,
        b_id,
        ArticlePatch {
            body: Some(paragraphs(&["Một.", "Hai.", "Ba, sửa ở B."])),
            headline: Some("Giá xăng lại tăng".into()),
            ..Default::default()
        },
    );
    let back = tmp.path().join("2.banthao");
    b_lib.export_handover(b_id, &back).unwrap();
    let merged = a_lib.import_handover(&back, None, Lang::En).unwrap();
    assert_eq!(merged.outcome, HandoverOutcome::Merged, "{:?}", merged.conflicts);
    assert_eq!(merged.revisions_added, 1);
    let now = a_lib.get_article(a.id).unwrap();
    assert_eq!(now.headline, "Giá xăng lại tăng");
    assert_eq!(paragraph_texts(&now), ["Một, sửa ở A.", "Hai.", "Ba, sửa ở B."]);
    let reasons: Vec<RevisionReason> = a_lib.list_revisions(a.id).unwrap().iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        [RevisionReason::Handover, RevisionReason::Edited, RevisionReason::Edited, RevisionReason::Created]
    );
    assert_ne!(now.version, a.version);
}

/// Notes, revisions and workflow steps written before schema 9 get their uid when the
/// library is upgraded, and keep it.
#[test]
fn rows_from_before_the_migration_get_uids() {
    use banthao_core::library::migrate::{migrate_to, SCHEMA_VERSION};
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("library.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        library::connection::configure(&conn).unwrap();
        migrate_to(&mut conn, Some(&db), SCHEMA_VERSION - 1).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, body, created_at, updated_at) VALUES (1, '{\"type\":\"doc\"}', 't', 't');
             INSERT INTO revisions (article_id, opened_at, created_at, reason, headline, tieng, content)
               VALUES (1, 't', 't', 'created', '', 0, '{}');
             INSERT INTO notes (article_id, author, role, text, created_at) VALUES (1, 'An', 'editor', 'Ghi chú', 't');
             INSERT INTO transitions (article_id, at, actor, role, from_status, to_status)
               VALUES (1, 't', 'An', 'reporter', 'draft', 'submitted');",
        )
        .unwrap();
    }
    drop(Library::open(tmp.path()).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    for table in ["revisions", "notes", "transitions"] {
        let uids: Vec<Option<String>> = conn
            .prepare(&format!("SELECT uid FROM {table}"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(uids.len(), 1);
        assert!(uids[0].as_ref().is_some_and(|u| u.len() == 32), "{table}: {uids:?}");
    }
}

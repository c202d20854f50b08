//! The handover file (`.banthao`): an article carried between two libraries with its photos
//! (originals byte-identical), figures, featured image, notes, history, workflow steps and sync
//! base; handed back and merged without duplicates; a conflicting edit shown side by side and
//! settled; damaged, tampered and foreign files refused with the library left exactly as it was.

mod common;
#[path = "support/handover_fixtures.rs"]
mod handover_fixtures;

use banthao_core::article::render::doc_to_text;
use banthao_core::desk::notes::{NewNote, NoteField};
use banthao_core::desk::people::Role;
use banthao_core::interchange::handover::HandoverOutcome;
use banthao_core::sync::{ConflictSide, EndpointInput};
use banthao_core::*;
use common::*;
use handover_fixtures::*;

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

/// Notes, revisions and workflow steps written before schema 10 (the handover file's) get
/// their uid when the library is upgraded, and keep it.
#[test]
fn rows_from_before_the_migration_get_uids() {
    use banthao_core::library::migrate::migrate_to;
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("library.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        library::connection::configure(&conn).unwrap();
        migrate_to(&mut conn, Some(&db), 9).unwrap();
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

//! Notes anchored to the text: they follow every save (insertions before, inside and after the
//! range; a deleted range leaves the note detached, never lost), from this library or another
//! process on the same file; replies, resolve and reopen; photo requests; queues per role.

mod common;

use banthao_core::desk::notes::{NewNote, Note, NoteAnchor, NoteField};
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::*;
use common::*;

const SENTENCE: &str = "Giá xăng tăng lần thứ ba trong tháng.";

fn with_note(lib: &mut Library) -> (Article, Note) {
    let a = lib
        .create_article(new_article(
            "Giá xăng tăng",
            "Từ 15 giờ chiều nay, giá xăng tăng.",
            &["Mở đầu bài viết.", &format!("Theo Bộ Công Thương, {SENTENCE} Người dân lo lắng.")],
        ))
        .unwrap();
    let note = lib.add_note_on_quote(a.id, "Nguồn nào xác nhận?", SENTENCE, Some(NoteField::Body), false).unwrap();
    (a, note)
}

fn body_edit(lib: &mut Library, a: &Article, blocks: &[&str]) -> Article {
    let now = lib.get_article(a.id).unwrap();
    lib.update_article(
        a.id,
        ArticlePatch { base_version: now.version, body: Some(paragraphs(blocks)), ..Default::default() },
    )
    .unwrap()
}

fn the_note(lib: &Library, a: &Article) -> Note {
    lib.list_notes(a.id).unwrap().remove(0)
}

#[test]
fn a_quoted_note_is_anchored_on_its_first_occurrence() {
    let mut lib = Library::open_in_memory().unwrap();
    let (_, note) = with_note(&mut lib);
    let start = "Theo Bộ Công Thương, ".chars().count() as u32;
    assert_eq!(
        note.anchor,
        Some(NoteAnchor { field: NoteField::Body, block: 1, start, end: start + SENTENCE.chars().count() as u32 })
    );
    assert_eq!(note.quote, SENTENCE);
    assert!(!note.detached && !note.resolved);
}

#[test]
fn the_anchor_follows_insertions_before_inside_and_after() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, _) = with_note(&mut lib);
    // Before, in an earlier paragraph and in the same one.
    body_edit(
        &mut lib,
        &a,
        &["Tin mới.", "Mở đầu bài viết.", &format!("Sáng nay, theo Bộ Công Thương, {SENTENCE} Người dân lo lắng.")],
    );
    let n = the_note(&lib, &a);
    assert_eq!((n.anchor.unwrap().block, n.quote.as_str()), (2, SENTENCE));
    // Inside.
    let grown = "Giá xăng RON 95 tăng lần thứ ba trong tháng.";
    body_edit(
        &mut lib,
        &a,
        &["Tin mới.", "Mở đầu bài viết.", &format!("Sáng nay, theo Bộ Công Thương, {grown} Người dân lo lắng.")],
    );
    assert_eq!(the_note(&lib, &a).quote, grown);
    // After.
    body_edit(
        &mut lib,
        &a,
        &[
            "Tin mới.",
            "Mở đầu bài viết.",
            &format!("Sáng nay, theo Bộ Công Thương, {grown} Người dân rất lo lắng."),
            "Đoạn cuối.",
        ],
    );
    let n = the_note(&lib, &a);
    assert_eq!(n.quote, grown);
    assert!(!n.detached);
}

#[test]
fn a_deleted_range_leaves_the_note_detached_with_its_quote() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, _) = with_note(&mut lib);
    body_edit(&mut lib, &a, &["Mở đầu bài viết.", "Theo Bộ Công Thương, Người dân lo lắng."]);
    let n = the_note(&lib, &a);
    assert!(n.detached);
    assert_eq!(n.anchor, None);
    assert_eq!(n.quote, SENTENCE);
    assert_eq!(n.text, "Nguồn nào xác nhận?");
    // It stays detached when the text comes back elsewhere; the note is never lost.
    body_edit(&mut lib, &a, &["Mở đầu bài viết.", SENTENCE]);
    assert!(the_note(&lib, &a).detached);
}

#[test]
fn headline_and_sapo_notes_follow_their_field() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, _) = with_note(&mut lib);
    let h = lib.add_note_on_quote(a.id, "Tít dài quá?", "tăng", Some(NoteField::Headline), false).unwrap();
    assert_eq!(h.anchor.unwrap().field, NoteField::Headline);
    let now = lib.get_article(a.id).unwrap();
    lib.update_article(
        a.id,
        ArticlePatch {
            base_version: now.version, headline: Some("Giá xăng lại tăng".into()), ..Default::default()
        },
    )
    .unwrap();
    let h = lib.note(h.id).unwrap();
    assert_eq!((h.quote.as_str(), h.anchor.unwrap().start), ("tăng", 13));
}

#[test]
fn edits_from_another_process_move_the_anchor_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Library::open(dir.path()).unwrap();
    let (a, _) = with_note(&mut app);
    // The CLI, another window: another connection on the same file.
    let mut other = Library::open(dir.path()).unwrap();
    body_edit(&mut other, &a, &["Đoạn thêm ở đầu.", "Mở đầu bài viết.", &format!("Theo Bộ Công Thương, {SENTENCE}")]);
    let n = the_note(&app, &a);
    assert_eq!((n.anchor.unwrap().block, n.quote.as_str()), (2, SENTENCE));
}

#[test]
fn replies_resolve_and_reopen() {
    let mut lib = Library::open_in_memory().unwrap();
    lib.act_as(UserProfile::new("Minh", Role::Editor));
    let (a, note) = with_note(&mut lib);
    lib.act_as(UserProfile::new("Lan", Role::Reporter));
    let with_reply = lib
        .add_note(
            a.id,
            NewNote {
                text: "Đã thêm nguồn: Bộ Công Thương.".into(), reply_to: Some(note.id), ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(with_reply.id, note.id);
    assert_eq!(with_reply.replies.len(), 1);
    assert_eq!((with_reply.author.as_str(), with_reply.replies[0].author.as_str()), ("Minh", "Lan"));
    let resolved = lib.set_note_resolved(note.id, true).unwrap();
    assert!(resolved.resolved);
    assert_eq!(resolved.resolved_by.as_deref(), Some("Lan"));
    assert!(!lib.set_note_resolved(note.id, false).unwrap().resolved);
    // A reply to a reply, or to another article's note, is refused.
    let reply_id = with_reply.replies[0].id;
    assert!(lib.add_note(a.id, NewNote { text: "x".into(), reply_to: Some(reply_id), ..Default::default() }).is_err());
}

#[test]
fn bad_notes_are_refused_with_a_reason() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, _) = with_note(&mut lib);
    assert_eq!(lib.add_note(a.id, NewNote::default()).unwrap_err().code(), ErrorCode::InvalidInput);
    let outside = NoteAnchor { field: NoteField::Body, block: 9, start: 0, end: 2 };
    let e = lib.add_note(a.id, NewNote { text: "x".into(), anchor: Some(outside), ..Default::default() }).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    let e = lib.add_note_on_quote(a.id, "x", "không có trong bài", None, false).unwrap_err();
    assert!(e.message(Lang::Vi).contains("không có trong bài"));
}

#[test]
fn notes_never_reach_a_readers_export() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, note) = with_note(&mut lib);
    let a = lib.get_article(a.id).unwrap();
    for out in [export::to_html(&a), export::to_json(&a)] {
        assert!(!out.contains(&note.text), "{out}");
    }
}

fn step(lib: &mut Library, id: ArticleId, to: ArticleStatus, note: &str) {
    lib.change_status(id, StatusChange { to: Some(to), note: note.into(), ..Default::default() }).unwrap();
}

#[test]
fn each_role_sees_its_queue() {
    let mut lib = Library::open_in_memory().unwrap();
    let lan = UserProfile::new("Lan", Role::Reporter);
    lib.act_as(lan.clone());
    let draft = lib.create_article(new_article("Nháp của Lan", "", &["a"])).unwrap();
    let returned = lib.create_article(new_article("Bài bị trả", "", &["b"])).unwrap();
    let waiting = lib.create_article(new_article("Bài chờ", "", &["c"])).unwrap();
    lib.act_as(UserProfile::new("Hùng", Role::Reporter));
    let other = lib.create_article(new_article("Bài của Hùng", "", &["d"])).unwrap();
    for id in [returned.id, waiting.id, other.id] {
        step(&mut lib, id, ArticleStatus::Submitted, "");
    }
    lib.act_as(UserProfile::new("Minh", Role::Editor));
    step(&mut lib, returned.id, ArticleStatus::InReview, "");
    step(&mut lib, returned.id, ArticleStatus::Returned, "Viết lại đoạn đầu");
    lib.add_note(other.id, NewNote { text: "Cần ảnh hiện trường".into(), photo_request: true, ..Default::default() })
        .unwrap();

    let titles = |q: &desk::queue::Queue| -> Vec<(String, Vec<String>, u32)> {
        q.groups
            .iter()
            .map(|g| (g.key.clone(), g.items.iter().map(|i| i.article.headline.clone()).collect(), g.count))
            .collect()
    };
    let reporter = lib.queue(Role::Reporter, Some(&lan)).unwrap();
    assert_eq!(
        titles(&reporter),
        [
            ("returned".into(), vec!["Bài bị trả".into()], 1),
            ("drafts".into(), vec!["Nháp của Lan".into()], 1),
            ("waiting".into(), vec!["Bài chờ".into()], 1),
        ]
    );
    let editor = lib.queue(Role::Editor, None).unwrap();
    // Oldest waiting first: "Bài chờ" was handed in before "Bài của Hùng".
    assert_eq!(titles(&editor)[0], ("submitted".into(), vec!["Bài chờ".into(), "Bài của Hùng".into()], 2));
    let photo = lib.queue(Role::Photo, None).unwrap();
    assert_eq!(titles(&photo), [("photos".into(), vec!["Bài của Hùng".into()], 1)]);
    assert_eq!(photo.groups[0].items[0].photo_requests, 1);
    let _ = draft;
}

#[test]
fn paragraphs_added_and_removed_around_the_note_move_it_between_blocks() {
    let mut lib = Library::open_in_memory().unwrap();
    let (a, _) = with_note(&mut lib);
    let sentence = format!("Theo Bộ Công Thương, {SENTENCE} Người dân lo lắng.");
    body_edit(&mut lib, &a, &[&sentence, "Đoạn cuối."]);
    assert_eq!(the_note(&lib, &a).anchor.unwrap().block, 0, "the paragraph before it was deleted");
    body_edit(&mut lib, &a, &["Một.", "Hai.", "Ba.", &sentence, "Đoạn cuối.", "Thêm nữa."]);
    let n = the_note(&lib, &a);
    assert_eq!((n.anchor.unwrap().block, n.quote.as_str()), (3, SENTENCE));
    // An edit far from it leaves it where it is.
    body_edit(&mut lib, &a, &["Một.", "Hai.", "Ba.", &sentence, "Đoạn cuối đã sửa.", "Thêm nữa."]);
    assert_eq!(the_note(&lib, &a).anchor.unwrap().block, 3);
}

//! What the editor changed: the syllable diff between "as submitted" and now, accept and
//! reject one change at a time.

mod common;

use banthao_core::desk::diff::DiffOp;
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::*;
use common::*;

fn step(lib: &mut Library, id: ArticleId, to: ArticleStatus) {
    lib.change_status(id, StatusChange { to: Some(to), ..Default::default() }).unwrap();
}

/// Lan writes and submits; Minh takes it and edits the body and the sapo right away (inside
/// one autosave burst: the step must still keep what was submitted apart).
fn edited_after_submission(lib: &mut Library) -> Article {
    lib.act_as(UserProfile::new("Lan", Role::Reporter));
    let a = lib
        .create_article(new_article(
            "Mưa lớn ở Hà Nội",
            "Mưa kéo dài suốt đêm.",
            &["Nước dâng cao ở phố Hoà Mã.", "Đoạn hai giữ nguyên."],
        ))
        .unwrap();
    step(lib, a.id, ArticleStatus::Submitted);
    lib.act_as(UserProfile::new("Minh", Role::Editor));
    step(lib, a.id, ArticleStatus::InReview);
    let a = lib.get_article(a.id).unwrap();
    lib.update_article(
        a.id,
        ArticlePatch {
            base_version: a.version,
            sapo: Some("Mưa kéo dài suốt đêm qua.".into()),
            body: Some(paragraphs(&["Nước dâng cao ở phố Hòa Mã.", "Đoạn hai giữ nguyên."])),
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn as_submitted_against_now_shows_whole_syllables() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = edited_after_submission(&mut lib);
    let diff = lib.diff_article(a.id, None, None).unwrap();
    let body0 = diff.fields.iter().find(|f| f.block == Some(0) && f.changed).expect("the first paragraph changed");
    let changed: Vec<_> =
        body0.pieces.iter().filter(|p| p.op != DiffOp::Equal).map(|p| (p.op, p.text.as_str())).collect();
    assert_eq!(changed, [(DiffOp::Delete, "Hoà"), (DiffOp::Insert, "Hòa")]);
    let sapo = diff.fields.iter().find(|f| f.field == desk::diff::DiffField::Sapo).unwrap();
    assert!(sapo.pieces.iter().any(|p| p.op == DiffOp::Insert && p.text.contains("qua")));
    assert!(!diff.fields.iter().any(|f| f.block == Some(1) && f.changed));
    assert_eq!(diff.version, a.version);
}

#[test]
fn rejecting_one_change_brings_its_words_back_and_keeps_the_others() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = edited_after_submission(&mut lib);
    let diff = lib.diff_article(a.id, None, None).unwrap();
    let body_change = diff
        .fields
        .iter()
        .filter(|f| f.block == Some(0))
        .flat_map(|f| &f.pieces)
        .find_map(|p| p.change.clone())
        .unwrap();
    lib.act_as(UserProfile::new("Lan", Role::Reporter));
    let back = lib.reject_change(a.id, diff.from, &body_change, diff.version).unwrap();
    assert_eq!(article::render::doc_to_text(&back.body), "Nước dâng cao ở phố Hoà Mã.\nĐoạn hai giữ nguyên.");
    assert_eq!(back.sapo, "Mưa kéo dài suốt đêm qua.");
    // Rejecting against an old version is refused like any stale save.
    assert_eq!(lib.reject_change(a.id, diff.from, "sapo:0", diff.version).unwrap_err().code(), ErrorCode::Conflict);
}

#[test]
fn an_accepted_change_is_marked_and_stays_accepted_after_another_is_rejected() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = edited_after_submission(&mut lib);
    let diff = lib.diff_article(a.id, None, None).unwrap();
    let diff = lib.accept_change(a.id, diff.from, "sapo:0").unwrap();
    assert_eq!(diff.accepted, ["sapo:0"]);
    let body_change = diff
        .fields
        .iter()
        .filter(|f| f.block == Some(0))
        .flat_map(|f| &f.pieces)
        .find_map(|p| p.change.clone())
        .unwrap();
    lib.reject_change(a.id, diff.from, &body_change, diff.version).unwrap();
    assert_eq!(lib.diff_article(a.id, None, None).unwrap().accepted, ["sapo:0"]);
    assert!(lib.accept_change(a.id, diff.from, "headline:7").is_err());
}

#[test]
fn any_two_revisions_can_be_compared() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = edited_after_submission(&mut lib);
    let revs = lib.list_revisions(a.id).unwrap();
    assert!(revs.len() >= 2, "the step kept the submitted text as its own revision");
    let (newest, oldest) = (revs[0].id, revs[revs.len() - 1].id);
    let diff = lib.diff_article(a.id, Some(oldest), Some(newest)).unwrap();
    assert!(diff.fields.iter().any(|f| f.changed));
    let other = lib.create_article(new_article("Khác", "", &[])).unwrap();
    assert!(lib.diff_article(other.id, Some(oldest), None).is_err());
}

#[test]
fn after_a_return_and_a_resubmission_the_editor_sees_what_the_reporter_changed() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = edited_after_submission(&mut lib);
    lib.change_status(
        a.id,
        StatusChange { to: Some(ArticleStatus::Returned), note: "Thêm nguồn.".into(), ..Default::default() },
    )
    .unwrap();
    lib.act_as(UserProfile::new("Lan", Role::Reporter));
    let now = lib.get_article(a.id).unwrap();
    lib.update_article(
        a.id,
        ArticlePatch {
            base_version: now.version,
            body: Some(paragraphs(&["Nước dâng cao ở phố Hòa Mã.", "Đoạn hai giữ nguyên. Nguồn: Sở Xây dựng."])),
            ..Default::default()
        },
    )
    .unwrap();
    step(&mut lib, a.id, ArticleStatus::Submitted);
    let diff = lib.diff_article(a.id, None, None).unwrap();
    let changed: Vec<_> = diff.fields.iter().filter(|f| f.changed).collect();
    assert_eq!(changed.len(), 1, "only the reporter's addition, not the editor's earlier edits");
    assert_eq!(changed[0].block, Some(1));
    assert!(changed[0].pieces.iter().any(|p| p.op == DiffOp::Insert && p.text.contains("Sở Xây dựng")));
}

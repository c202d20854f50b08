//! The guarded workflow through the library: allowed and refused steps, the note and time
//! requirements, figures before submitting, the checklist and its override, and the record of
//! every step.

mod common;

use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::desk::workflow::WorkflowRefusal;
use banthao_core::*;
use common::*;

fn step(to: ArticleStatus) -> StatusChange {
    StatusChange { to: Some(to), ..Default::default() }
}

fn refusal(e: Error) -> WorkflowRefusal {
    match e {
        Error::Workflow(r) => r,
        other => panic!("expected a workflow refusal, got {other:?}"),
    }
}

/// An article that passes the checklist: headline, sapo, section, clean text, no figures.
fn ready(lib: &mut Library) -> Article {
    let a = lib
        .create_article(NewArticle {
            section: "Thời sự".into(),
            ..new_article(
                "Hà Nội mở thêm tuyến buýt",
                "Ba tuyến buýt mới chạy từ tháng sau.",
                &["Thành phố mở thêm ba tuyến buýt."],
            )
        })
        .unwrap();
    lib.set_check_settings(Default::default()).unwrap();
    a
}

fn as_user(lib: &mut Library, name: &str, role: Role) {
    lib.act_as(UserProfile::new(name, role));
}

#[test]
fn the_whole_path_from_draft_to_published_is_recorded() {
    let mut lib = Library::open_in_memory().unwrap();
    as_user(&mut lib, "Lan", Role::Reporter);
    let a = ready(&mut lib);
    let a = lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    assert_eq!(a.status, ArticleStatus::Submitted);
    as_user(&mut lib, "Minh", Role::Editor);
    lib.change_status(a.id, step(ArticleStatus::InReview)).unwrap();
    lib.change_status(a.id, step(ArticleStatus::Approved)).unwrap();
    let at = (chrono::Utc::now() + chrono::Duration::hours(3)).to_rfc3339();
    let a = lib.change_status(a.id, StatusChange { scheduled_at: Some(at), ..step(ArticleStatus::Scheduled) }).unwrap();
    assert!(a.scheduled_at.is_some());
    lib.change_status(a.id, step(ArticleStatus::Published)).unwrap();

    let steps = lib.list_transitions(a.id).unwrap();
    let path: Vec<_> = steps.iter().map(|t| (t.from, t.to, t.actor.as_str(), t.role.as_str())).collect();
    use ArticleStatus::*;
    assert_eq!(
        path,
        [
            (Draft, Submitted, "Lan", "reporter"),
            (Submitted, InReview, "Minh", "editor"),
            (InReview, Approved, "Minh", "editor"),
            (Approved, Scheduled, "Minh", "editor"),
            (Scheduled, Published, "Minh", "editor"),
        ]
    );
    assert!(steps[3].scheduled_at.is_some());
    assert!(steps.iter().all(|t| !t.at.is_empty() && t.overridden.is_empty()));
    // Steps are not text revisions: the history keeps the one revision the article was made with.
    assert_eq!(lib.list_revisions(a.id).unwrap().len(), 1);
}

#[test]
fn a_step_that_does_not_follow_is_refused_and_says_what_can() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = ready(&mut lib);
    let e = lib.change_status(a.id, step(ArticleStatus::Published)).unwrap_err();
    assert_eq!(e.code(), ErrorCode::WorkflowRefused);
    assert!(e.message(Lang::Vi).contains("Chờ duyệt"), "{}", e.message(Lang::Vi));
    assert!(matches!(refusal(e), WorkflowRefusal::NotAllowed { allowed, .. } if allowed == [ArticleStatus::Submitted]));
    assert_eq!(lib.get_article(a.id).unwrap().status, ArticleStatus::Draft);
    assert!(lib.list_transitions(a.id).unwrap().is_empty());
}

#[test]
fn returning_needs_a_note_and_keeps_it() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = ready(&mut lib);
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    lib.change_status(a.id, step(ArticleStatus::InReview)).unwrap();
    let e = lib.change_status(a.id, StatusChange { note: "  ".into(), ..step(ArticleStatus::Returned) }).unwrap_err();
    assert_eq!(refusal(e), WorkflowRefusal::NoteRequired);
    lib.change_status(a.id, StatusChange { note: "Thiếu nguồn tin ở đoạn 2.".into(), ..step(ArticleStatus::Returned) })
        .unwrap();
    let last = lib.list_transitions(a.id).unwrap().pop().unwrap();
    assert_eq!((last.to, last.note.as_str()), (ArticleStatus::Returned, "Thiếu nguồn tin ở đoạn 2."));
    // The reporter hands it in again.
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
}

#[test]
fn scheduling_needs_a_time_to_come() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = ready(&mut lib);
    for s in [ArticleStatus::Submitted, ArticleStatus::InReview, ArticleStatus::Approved] {
        lib.change_status(a.id, step(s)).unwrap();
    }
    assert_eq!(
        refusal(lib.change_status(a.id, step(ArticleStatus::Scheduled)).unwrap_err()),
        WorkflowRefusal::TimeRequired
    );
    let past =
        StatusChange { scheduled_at: Some("2020-01-01T08:00:00+07:00".into()), ..step(ArticleStatus::Scheduled) };
    assert_eq!(refusal(lib.change_status(a.id, past).unwrap_err()), WorkflowRefusal::TimeInPast);
    let bad = StatusChange { scheduled_at: Some("mai 8 giờ".into()), ..step(ArticleStatus::Scheduled) };
    assert_eq!(lib.change_status(a.id, bad).unwrap_err().code(), ErrorCode::InvalidInput);
    let at = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    lib.change_status(a.id, StatusChange { scheduled_at: Some(at), ..step(ArticleStatus::Scheduled) }).unwrap();
    // Unscheduling clears the time.
    let a = lib.change_status(a.id, step(ArticleStatus::Approved)).unwrap();
    assert_eq!(a.scheduled_at, None);
}

#[test]
fn submitting_needs_complete_figures() {
    let mut lib = Library::open_in_memory().unwrap();
    let body = body_json(serde_json::json!({"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Ảnh dưới đây."}]}
    ]}));
    let a = lib.create_article(NewArticle { headline: "Tít".into(), body: Some(body), ..Default::default() }).unwrap();
    // No figures: fine. (Figures themselves are covered in photos.rs.)
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
}

#[test]
fn approving_over_open_checklist_items_needs_an_override_note_which_is_recorded() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Nội dung."])).unwrap();
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    lib.change_status(a.id, step(ArticleStatus::InReview)).unwrap();
    let list = lib.checklist(a.id).unwrap();
    let open: Vec<_> = list.items.iter().filter(|i| !i.ok).map(|i| i.key.as_str()).collect();
    assert_eq!(open, ["sapo", "section"]);
    assert!(!list.all_ok);
    let e = lib.change_status(a.id, step(ArticleStatus::Approved)).unwrap_err();
    assert!(e.message(Lang::Vi).contains("chuyên mục"), "{}", e.message(Lang::Vi));
    assert_eq!(refusal(e), WorkflowRefusal::ChecklistOpen { items: vec!["sapo".into(), "section".into()] });
    lib.change_status(
        a.id,
        StatusChange { override_note: "Tin nóng, bổ sung sapo sau.".into(), ..step(ArticleStatus::Approved) },
    )
    .unwrap();
    let last = lib.list_transitions(a.id).unwrap().pop().unwrap();
    assert_eq!(last.overridden, ["sapo", "section"]);
    assert_eq!(last.note, "Tin nóng, bổ sung sapo sau.");
}

#[test]
fn the_checklist_sees_findings_lengths_and_open_notes() {
    let mut lib = Library::open_in_memory().unwrap();
    let long_headline = "Tít ".repeat(60);
    let a = lib
        .create_article(NewArticle {
            section: "Xã hội".into(),
            ..new_article(&long_headline, "Sapo ngắn.", &["Câu có  hai dấu cách."])
        })
        .unwrap();
    let list = lib.checklist(a.id).unwrap();
    let get = |k: &str| list.items.iter().find(|i| i.key == k).unwrap().clone();
    assert!(!get("headline").ok);
    assert!(!get("findings").ok && get("findings").count >= 1);
    assert!(get("notes").ok);
    lib.add_note(a.id, desk::notes::NewNote { text: "Kiểm tra lại số liệu".into(), ..Default::default() }).unwrap();
    let list = lib.checklist(a.id).unwrap();
    assert_eq!(list.items.iter().find(|i| i.key == "notes").unwrap().count, 1);
}

#[test]
fn a_save_cannot_change_the_status_but_a_pull_records_the_sites() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = ready(&mut lib);
    let e = lib
        .update_article(
            a.id,
            ArticlePatch { base_version: a.version, status: Some(ArticleStatus::Published), ..Default::default() },
        )
        .unwrap_err();
    assert_eq!(refusal(e), WorkflowRefusal::NotThroughWorkflow);
    // The same status in a save (the editor's whole form) is no change and is accepted.
    lib.update_article(
        a.id,
        ArticlePatch {
            base_version: a.version,
            status: Some(ArticleStatus::Draft),
            headline: Some("Tít mới".into()),
            ..Default::default()
        },
    )
    .unwrap();
}

#[test]
fn next_steps_offer_only_what_follows_with_what_each_needs() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = ready(&mut lib);
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    lib.change_status(a.id, step(ArticleStatus::InReview)).unwrap();
    let steps = lib.next_steps(a.id).unwrap();
    let tos: Vec<_> = steps.iter().map(|s| (s.to, s.needs_note, s.needs_checklist)).collect();
    assert_eq!(tos, [(ArticleStatus::Approved, false, true), (ArticleStatus::Returned, true, false)]);
}

#[test]
fn the_user_comes_from_the_settings_unless_acting_as_someone() {
    let mut lib = Library::open_in_memory().unwrap();
    let s = lib.set_user(&UserProfile::new("  Trần Văn Bình ", Role::Editor)).unwrap();
    assert_eq!(s.user, UserProfile { name: "Trần Văn Bình".into(), role: Role::Editor });
    let a = lib.create_article(new_article("Tít", "Sapo", &["Thân."])).unwrap();
    lib.change_status(a.id, step(ArticleStatus::Submitted)).unwrap();
    assert_eq!(lib.list_transitions(a.id).unwrap()[0].actor, "Trần Văn Bình");
    lib.act_as(UserProfile::new("CLI", Role::Reporter));
    assert_eq!(lib.user().unwrap().name, "CLI");
}

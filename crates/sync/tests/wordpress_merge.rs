//! No silent overwrites, in either direction: edits made on the site and here to different
//! paragraphs merge by themselves; to the same paragraph they become a conflict that a person
//! settles either way; a post deleted on the site is reported, never recreated.

mod common;
mod support;

use banthao_core::sync::{ConflictSide, SyncBadge};
use banthao_core::{Lang, RevisionReason};
use banthao_sync::wordpress::push::Pushed;
use banthao_sync::worker::{send_job, JobOutcome};
use common::*;
use serde_json::json;
use std::time::Duration;

fn outcome(results: &[banthao_sync::worker::JobResult]) -> Pushed {
    match &results.last().expect("a job ran").outcome {
        JobOutcome::Sent(report) => report.outcome,
        other => panic!("not sent: {other:?}"),
    }
}

/// Edits the post on the site as an editor would: one paragraph's text replaced.
fn edit_on_site(desk: &Desk, post_id: i64, from: &str, to: &str) {
    let post = desk.site.get_json(&format!("/wp/v2/posts/{post_id}?context=edit"));
    let content = post["content"]["raw"].as_str().unwrap();
    assert!(content.contains(from), "{content}");
    // modified_gmt has one-second resolution: make the site's change land in a new second.
    std::thread::sleep(Duration::from_millis(1100));
    desk.site.update_post(post_id, &json!({ "content": content.replace(from, to) }));
}

fn site_content(desk: &Desk, post_id: i64) -> String {
    desk.site.get_json(&format!("/wp/v2/posts/{post_id}?context=edit"))["content"]["raw"].as_str().unwrap().to_string()
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn edits_to_different_paragraphs_merge_and_to_the_same_paragraph_conflict() {
    let desk = Desk::new(false);
    let a = desk.article(
        &format!("Bài hai người sửa {}", unique("gop")),
        &["Đoạn một gốc.", "Đoạn hai gốc.", "Đoạn ba gốc."],
        1,
    );
    assert_eq!(outcome(&desk.send(a.id, Duration::from_secs(5))), Pushed::Created);
    let post_id = desk.remote_id(a.id);

    // Different paragraphs: the site's editor changes the third, the reporter the first.
    edit_on_site(&desk, post_id, "Đoạn ba gốc.", "Đoạn ba do biên tập viên sửa.");
    desk.edit(a.id, |a| {
        a.body.content.as_mut().unwrap()[0] = serde_json::from_value(paragraph("Đoạn một phóng viên sửa.")).unwrap()
    });
    assert_eq!(outcome(&desk.send(a.id, Duration::from_secs(5))), Pushed::Merged);
    let local = desk.with(|l| l.get_article(a.id));
    assert_eq!(block_text(&local, 0), "Đoạn một phóng viên sửa.");
    assert_eq!(block_text(&local, 2), "Đoạn ba do biên tập viên sửa.");
    assert_eq!(local.body.content.as_ref().unwrap()[3].node_type, "figure", "the figure is still ours");
    let content = site_content(&desk, post_id);
    assert!(
        content.contains("Đoạn một phóng viên sửa.") && content.contains("Đoạn ba do biên tập viên sửa."),
        "{content}"
    );
    assert!(desk.with(|l| l.list_revisions(a.id)).iter().any(|r| r.reason == RevisionReason::Pulled));

    // The same paragraph, differently: a conflict; both versions kept, nothing sent.
    edit_on_site(&desk, post_id, "Đoạn hai gốc.", "Đoạn hai theo trang.");
    desk.edit(a.id, |a| {
        a.body.content.as_mut().unwrap()[1] = serde_json::from_value(paragraph("Đoạn hai theo phóng viên.")).unwrap()
    });
    assert_eq!(outcome(&desk.send(a.id, Duration::from_secs(5))), Pushed::Conflict);
    let sync = desk.with(|l| l.article_sync(a.id, Lang::Vi)).unwrap();
    assert_eq!(sync.badge, SyncBadge::Conflict);
    let conflict = desk.with(|l| l.sync_record(a.id)).unwrap().conflict.unwrap();
    assert_eq!(conflict.hunks.len(), 1, "{:?}", conflict.hunks);
    assert_eq!(conflict.hunks[0].field, "body");
    assert_eq!(conflict.hunks[0].local, ["Đoạn hai theo phóng viên."]);
    assert_eq!(conflict.hunks[0].remote, ["Đoạn hai theo trang."]);
    assert!(site_content(&desk, post_id).contains("Đoạn hai theo trang."), "the site's text is not overwritten");
    let revisions = desk.with(|l| l.list_revisions(a.id));
    let copy = revisions.iter().find(|r| r.reason == RevisionReason::RemoteCopy).expect("the site's version is kept");
    let copy = desk.with(|l| l.get_revision(copy.id));
    assert!(banthao_core::article::render::doc_to_text(&copy.content.body).contains("Đoạn hai theo trang."));

    // Settled for the site's version: it comes here, and nothing of ours elsewhere is lost.
    resolve(&desk, a.id, ConflictSide::Remote);
    let local = desk.with(|l| l.get_article(a.id));
    assert_eq!(block_text(&local, 1), "Đoạn hai theo trang.");
    assert_eq!(block_text(&local, 0), "Đoạn một phóng viên sửa.");
    assert_eq!(desk.with(|l| l.article_sync(a.id, Lang::Vi)).unwrap().badge, SyncBadge::Synced);

    // Again, settled for ours: it goes to the site.
    edit_on_site(&desk, post_id, "Đoạn hai theo trang.", "Đoạn hai trang sửa lần nữa.");
    desk.edit(a.id, |a| {
        a.body.content.as_mut().unwrap()[1] = serde_json::from_value(paragraph("Đoạn hai phóng viên giữ.")).unwrap()
    });
    assert_eq!(outcome(&desk.send(a.id, Duration::from_secs(5))), Pushed::Conflict);
    resolve(&desk, a.id, ConflictSide::Local);
    assert!(site_content(&desk, post_id).contains("Đoạn hai phóng viên giữ."));
    assert!(!site_content(&desk, post_id).contains("Đoạn hai trang sửa lần nữa."));
    assert_eq!(desk.site.count_posts_with(&format!("banthao:uid={}", a.uid)), 1);
}

fn resolve(desk: &Desk, id: i64, side: ConflictSide) {
    let n = desk.with(|l| l.sync_record(id)).unwrap().conflict.unwrap().hunks.len();
    let endpoint = desk.endpoint.endpoint.id;
    desk.with(|l| l.send_article(id, None, endpoint));
    let job = desk.with(|l| l.claim_due_job(Some(&[id]), Lang::En)).unwrap();
    let result = send_job(&desk.lib, &desk.secrets, &desk.http, &job, None, Some(&vec![side; n]));
    assert!(matches!(result, JobOutcome::Sent(_)), "{result:?}");
    assert!(desk.with(|l| l.sync_record(id)).unwrap().conflict.is_none());
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn a_post_deleted_on_the_site_is_reported_and_not_recreated() {
    let desk = Desk::new(false);
    let a = desk.article(&format!("Bài bị xoá {}", unique("xoa")), &["Một đoạn."], 0);
    assert_eq!(outcome(&desk.send(a.id, Duration::from_secs(5))), Pushed::Created);
    let post_id = desk.remote_id(a.id);
    desk.site.delete_post(post_id, false);
    desk.edit(a.id, |a| a.headline.push_str(" (sửa)"));
    let results = desk.send(a.id, Duration::from_secs(2));
    assert!(
        matches!(&results.last().unwrap().outcome, JobOutcome::Failed(e) if e.vi().contains("thùng rác")),
        "{results:?}"
    );
    assert_eq!(desk.with(|l| l.article_sync(a.id, Lang::Vi)).unwrap().badge, SyncBadge::RemoteGone);

    desk.site.delete_post(post_id, true);
    desk.with(|l| l.retry_now(a.id));
    let results = desk.run(Duration::from_secs(2));
    assert!(matches!(&results.last().unwrap().outcome, JobOutcome::Failed(e) if e.vi().contains("xoá")), "{results:?}");
    assert_eq!(desk.site.count_posts_with(&format!("banthao:uid={}", a.uid)), 0, "never recreated silently");
}

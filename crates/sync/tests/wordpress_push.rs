//! Publishing to a real WordPress (started by scripts/wordpress/with-wordpress.sh; `make test`
//! does): an article with photos becomes one post with image blocks and captions, Vietnamese
//! text reads back byte-identical, an unchanged article sends only a cheap check, and faults
//! between the app and the site — resets, timeouts, 500, 429, lost answers — never make a
//! second post or a second media item, and never lose an edit.

mod common;
mod support;

use banthao_sync::wordpress::push::Pushed;
use banthao_sync::worker::JobOutcome;
use common::*;
use std::time::Duration;

fn sent(results: &[banthao_sync::worker::JobResult]) -> Pushed {
    match &results.last().expect("a job ran").outcome {
        JobOutcome::Sent(report) => report.outcome,
        other => panic!("not sent: {other:?}"),
    }
}

fn marker(uid: &str) -> String {
    format!("banthao:uid={uid}")
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn an_article_with_photos_becomes_one_post_and_an_unchanged_one_sends_a_cheap_check() {
    let desk = Desk::new(true);
    let headline = "Quận Dương Kinh thông xe tuyến đường ven biển “đẹp nhất” — 5 km";
    let a = desk.article(
        headline,
        &["Người dân phường Hải Sơn vui mừng khi con đường hoàn thành.", "Công trình có vốn 200 tỷ đồng & hơn."],
        2,
    );
    assert_eq!(sent(&desk.send(a.id, Duration::from_secs(5))), Pushed::Created);
    let post_id = desk.remote_id(a.id);

    let post = desk.site.get_json(&format!("/wp/v2/posts/{post_id}?context=edit"));
    assert_eq!(post["title"]["raw"].as_str().unwrap().replace("&amp;", "&"), headline, "NFC title back byte-identical");
    assert_eq!(post["status"], "draft");
    assert_eq!(desk.site.count_posts_with(&marker(&a.uid)), 1);
    let content = post["content"]["raw"].as_str().unwrap();
    assert_eq!(content.matches("<!-- wp:image").count(), 2, "{content}");
    assert!(content.contains("<figcaption") && content.contains("Người dân đi trên đường mới, ảnh 1."), "{content}");
    assert!(content.contains("Nguyễn Văn An"), "credit in the figure: {content}");
    assert!(content.contains("<!-- wp:paragraph -->"), "{content}");
    let media_ids: Vec<i64> = content
        .match_indices("<!-- wp:image {\"id\":")
        .map(|(i, _)| content[i + 20..].split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap())
        .collect();
    for id in &media_ids {
        let m = desk.site.get_json(&format!("/wp/v2/media/{id}?context=edit"));
        assert_eq!(m["alt_text"], "Đường ven biển");
        assert!(m["caption"]["raw"].as_str().unwrap().contains("Người dân đi trên đường mới"));
    }
    assert_eq!(post["featured_media"].as_i64(), Some(media_ids[0]));
    let cats = post["categories"].as_array().unwrap();
    let cat = desk.site.get_json(&format!("/wp/v2/categories/{}", cats[0]));
    assert_eq!(cat["name"], "Giao thông");
    assert_eq!(post["tags"].as_array().unwrap().len(), 2);

    // Nothing changed: one small request, no media bytes, nothing on the site changes.
    let proxy = desk.proxy.as_ref().unwrap();
    proxy.reset_log();
    assert_eq!(sent(&desk.send(a.id, Duration::ZERO)), Pushed::Unchanged);
    let log = proxy.log();
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(log.iter().all(|r| r.method == "GET" && r.request_bytes < 4096), "{log:?}");
    let after = desk.site.get_json(&format!("/wp/v2/posts/{post_id}?context=edit"));
    assert_eq!(after["modified_gmt"], post["modified_gmt"]);

    // A changed paragraph is an update of the same post; photos are not uploaded again.
    desk.edit(a.id, |a| {
        a.body.content.as_mut().unwrap()[1] =
            serde_json::from_value(paragraph("Công trình có vốn 210 tỷ đồng.")).unwrap();
    });
    proxy.reset_log();
    assert_eq!(sent(&desk.send(a.id, Duration::ZERO)), Pushed::Updated);
    assert!(proxy.log().iter().all(|r| !r.path.contains("/media") || r.method == "GET"), "{:?}", proxy.log());
    assert_eq!(desk.remote_id(a.id), post_id);
    assert_eq!(desk.site.count_posts_with(&marker(&a.uid)), 1);
    let content = desk.site.get_json(&format!("/wp/v2/posts/{post_id}?context=edit"))["content"]["raw"].clone();
    assert!(content.as_str().unwrap().contains("210 tỷ đồng"));
    let badge = desk.with(|l| l.article_sync(a.id, banthao_core::Lang::Vi)).unwrap().badge;
    assert_eq!(badge, banthao_core::sync::SyncBadge::Synced);
}

/// After each fault: exactly one post, one media item per photo, every local edit on the site.
fn survives(fault: Fault, method: &str, path: &str, on_update: bool) {
    let desk = Desk::new(true);
    let proxy = desk.proxy.as_ref().unwrap();
    let tag = unique("loi");
    let a = desk.article(&format!("Bài thử lỗi mạng {tag}"), &["Đoạn một.", "Đoạn hai."], 2);
    if on_update {
        assert_eq!(sent(&desk.send(a.id, Duration::from_secs(5))), Pushed::Created);
        desk.edit(a.id, |a| a.headline = format!("Bài thử lỗi mạng đã sửa {tag}"));
    }
    proxy.inject(method, path, fault.clone(), 1);
    let results = desk.send(a.id, Duration::from_secs(40));
    let outcome = &results.last().unwrap().outcome;
    assert!(matches!(outcome, JobOutcome::Sent(_)), "{fault:?} {method} {path}: {outcome:?}");
    assert_eq!(proxy.pending_faults(), 0, "{fault:?} {method} {path}: the fault happened");
    assert!(proxy.log().iter().any(|r| r.fault.is_some()), "{fault:?}: logged as a fault");
    let a = desk.with(|l| l.get_article(a.id));
    assert_eq!(desk.site.count_posts_with(&marker(&a.uid)), 1, "{fault:?} {method} {path}: one post");
    let post = desk.site.get_json(&format!("/wp/v2/posts/{}?context=edit", desk.remote_id(a.id)));
    assert_eq!(post["title"]["raw"].as_str().unwrap(), a.headline, "{fault:?}: the edit is on the site");
    let content = post["content"]["raw"].as_str().unwrap().to_string();
    assert_eq!(content.matches("<!-- wp:image").count(), 2);
    for m in desk.with(|l| l.article_media(a.id)) {
        let pixels = "r0";
        let marker = banthao_sync::wordpress::pixels::media_marker(&m.hash, pixels);
        assert_eq!(desk.site.count_media_with(&marker), 1, "{fault:?} {method} {path}: one media item per photo");
    }
    assert!(desk.with(|l| l.outbox(banthao_core::Lang::En)).is_empty(), "the job left the outbox");
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn lost_answers_never_make_a_second_post_or_media_item() {
    survives(Fault::DropResponse, "POST", "/wp/v2/posts", false);
    survives(Fault::DropResponse, "POST", "/wp/v2/media", false);
    survives(Fault::DropResponse, "POST", "/wp/v2/posts/", true);
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn resets_timeouts_and_server_errors_are_retried() {
    survives(Fault::Reset, "POST", "/wp/v2/posts", false);
    survives(Fault::Timeout(Duration::from_secs(5)), "POST", "/wp/v2/media", false);
    survives(Fault::Status(500), "POST", "/wp/v2/posts/", true);
    survives(Fault::TooMany { retry_after_secs: 2 }, "POST", "/wp/v2/posts", false);
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn retry_after_is_honoured_and_an_unreachable_site_leaves_the_job_queued() {
    let desk = Desk::new(true);
    let proxy = desk.proxy.as_ref().unwrap();
    let a = desk.article(&format!("Bài chờ {}", unique("cho")), &["Một đoạn."], 0);
    proxy.inject("GET", "/wp/v2/posts", Fault::TooMany { retry_after_secs: 3 }, 1);
    let started = std::time::Instant::now();
    assert_eq!(sent(&desk.send(a.id, Duration::from_secs(10))), Pushed::Created);
    assert!(started.elapsed() >= Duration::from_secs(3), "waited for Retry-After");

    // No site at all: the job stays queued with the reason, and "Gửi" still succeeded locally.
    let b = desk.article(&format!("Bài mất mạng {}", unique("mang")), &["Một đoạn."], 0);
    proxy.inject("", "/", Fault::Reset, 1000);
    let results = desk.send(b.id, Duration::ZERO);
    assert!(matches!(results.last().unwrap().outcome, JobOutcome::Retrying { .. }), "{results:?}");
    let jobs = desk.with(|l| l.outbox(banthao_core::Lang::Vi));
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].state, banthao_core::sync::JobState::Queued);
    assert!(jobs[0].error.as_ref().unwrap().message.contains("Không kết nối được"), "{:?}", jobs[0].error);
    proxy.clear();
    desk.with(|l| l.retry_now(b.id));
    assert_eq!(sent(&desk.run(Duration::from_secs(5))), Pushed::Created);
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn a_refusal_waits_for_the_user_with_the_reason_in_vietnamese() {
    let desk = Desk::new(false);
    let a = desk.article(&format!("Bài bị từ chối {}", unique("tuchoi")), &["Một đoạn."], 0);
    // An Author cannot create new categories: the site refuses, the job waits, nothing retries.
    desk.with(|l| {
        l.update_article(
            a.id,
            banthao_core::ArticlePatch {
                base_version: a.version,
                section: Some(unique("Chuyên mục mới")),
                ..Default::default()
            },
        )
    });
    let results = desk.send(a.id, Duration::from_secs(2));
    match &results.last().unwrap().outcome {
        JobOutcome::Failed(e) => assert!(e.vi().contains("Trang từ chối"), "{}", e.vi()),
        other => panic!("{other:?}"),
    }
    let job = &desk.with(|l| l.outbox(banthao_core::Lang::Vi))[0];
    assert_eq!(job.state, banthao_core::sync::JobState::Failed);
}

//! Pushing ninjs to a receiver started by the test (no WordPress needed): the Superdesk
//! signature verifies, renditions arrive before the item, an asset the receiver has is not
//! uploaded, an unchanged article sends nothing, a 503 is retried and delivered once, a 400
//! waits for a person with the receiver's reason, and a lost answer is re-sent as the same
//! uri + version, never as a different item; a signed profile whose secret is lost sends nothing.

#[path = "support/ninjs_receiver.rs"]
mod ninjs_receiver;

use banthao_core::interchange::ninjs::to_ninjs;
use banthao_core::media::ImportSource;
use banthao_core::sync::{EndpointInput, EndpointKind, JobState};
use banthao_core::{ArticlePatch, Lang, Library, NewArticle};
use banthao_sync::http::UreqHttp;
use banthao_sync::wordpress::push::Pushed;
use banthao_sync::worker::{run_outbox, JobOutcome, JobResult, RunOptions};
use banthao_sync::{LibraryAccess, Secrets};
use hmac::{Hmac, Mac};
use ninjs_receiver::{Answer, Receiver};
use serde_json::{json, Value};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;
use std::time::Duration;

const SECRET: &str = "bí-mật-toà-soạn-42";

struct Desk {
    lib: Mutex<Library>,
    secrets: Secrets,
    http: UreqHttp,
    endpoint_id: i64,
    article: i64,
    receiver: Receiver,
    _dir: tempfile::TempDir,
}

fn photo(dir: &std::path::Path, label: &str, seed: u32) -> std::path::PathBuf {
    let path = dir.join(format!("{label}.jpg"));
    let status = std::process::Command::new("convert")
        .args(["-size", "900x600", "-seed", &seed.to_string(), "plasma:"])
        .arg(&path)
        .status()
        .expect("ImageMagick's convert makes the test photos (scripts/install-deps.sh)");
    assert!(status.success());
    path
}

fn figure(media_id: i64, caption: &str) -> Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": "Ảnh: Lê Cường", "alt": "Cầu mới", "crop": null, "rotation": 0},
           "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
}

impl Desk {
    /// A library with one article (a figure, and the same photo as the featured image) and a
    /// ninjs profile for a fresh receiver, signed with `secret` when given.
    fn new(secret: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let receiver = Receiver::start();
        let a = lib
            .create_article(NewArticle {
                headline: "Cầu Rồng thông xe".into(),
                sapo: "Sáng nay, cầu mới thông xe.".into(),
                ..Default::default()
            })
            .unwrap();
        let src = ImportSource::Path(photo(dir.path(), "cau", 7));
        let media = lib.import_photos(&[src], Some(a.id), Lang::Vi, &mut |_| {}, &AtomicBool::new(false)).unwrap()[0]
            .media
            .clone()
            .unwrap();
        let body = serde_json::from_value(json!({"type": "doc", "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "Cầu dài 666 m."}]},
            figure(media.id, "Cầu Rồng lúc khánh thành.")]}))
        .unwrap();
        let patch = ArticlePatch {
            base_version: a.version,
            body: Some(body),
            featured_media_id: Some(media.id),
            ..Default::default()
        };
        lib.update_article(a.id, patch).unwrap();
        let lib = Mutex::new(lib);
        let secrets = Secrets::session_only();
        let http = UreqHttp::new(Duration::from_secs(3));
        let input = EndpointInput {
            name: "CMS toà soạn".into(),
            kind: EndpointKind::Ninjs,
            url: receiver.url(),
            ..Default::default()
        };
        let check = banthao_sync::endpoint::save_endpoint(&lib, &secrets, &http, &input, secret).unwrap();
        assert_eq!(check.remote_user, "HTTP 405", "a receiver that only takes POSTs is reachable");
        assert_eq!(check.endpoint.assets_url.as_deref(), Some(receiver.assets_url().as_str()));
        assert_eq!(check.endpoint.signed, !secret.is_empty());
        receiver.clear_requests();
        Desk { lib, secrets, http, endpoint_id: check.endpoint.id, article: a.id, receiver, _dir: dir }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Library) -> banthao_core::Result<R>) -> R {
        self.lib.with_library(f).unwrap()
    }

    fn send(&self) {
        self.with(|l| l.send_article(self.article, None, self.endpoint_id));
    }

    fn run(&self, wait: Duration) -> Vec<JobResult> {
        self.run_with(&self.secrets, wait)
    }

    /// Runs the outbox with these secrets (another session's keychain).
    fn run_with(&self, secrets: &Secrets, wait: Duration) -> Vec<JobResult> {
        let mut on_job = |_: &banthao_core::sync::SyncJob, _: Option<&JobOutcome>| {};
        let mut opts =
            RunOptions { only: None, password: None, wait_for_retries: wait, lang: Lang::En, on_job: &mut on_job };
        run_outbox(&self.lib, secrets, &self.http, &mut opts)
    }

    /// The rendition ids the item refers to.
    fn asset_ids(&self) -> Vec<String> {
        let ninjs = self.with(|l| to_ninjs(l, self.article, &|r| r.media_id.clone()));
        let mut ids: Vec<String> =
            ninjs.pictures.iter().flat_map(|p| p.renditions.iter().map(|r| r.media_id.clone())).collect();
        ids.dedup();
        ids
    }
}

fn outcome(results: &[JobResult]) -> &JobOutcome {
    &results.last().expect("a job ran").outcome
}

fn sent(results: &[JobResult]) -> Pushed {
    match outcome(results) {
        JobOutcome::Sent(report) => report.outcome,
        other => panic!("not sent: {other:?}"),
    }
}

fn hmac_sha1(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha1={hex}")
}

#[test]
fn signed_renditions_first_then_the_item_and_nothing_twice() {
    let desk = Desk::new(SECRET);
    desk.send();
    assert_eq!(sent(&desk.run(Duration::ZERO)), Pushed::Created);

    let requests = desk.receiver.requests();
    let ids = desk.asset_ids();
    assert_eq!(ids.len(), 4, "featured (own caption) and figure: web and thumb each");
    // Each rendition: asked about, then uploaded; then the item, last.
    let shape: Vec<(String, String)> = requests.iter().map(|r| (r.method.clone(), r.path.clone())).collect();
    let mut expected: Vec<(String, String)> = Vec::new();
    for id in &ids {
        expected.push(("GET".into(), format!("/assets/{id}")));
        expected.push(("POST".into(), "/assets".into()));
    }
    expected.push(("POST".into(), "/".into()));
    assert_eq!(shape, expected);
    // Every POST is signed over its exact bytes; the GETs carry no body to sign.
    for r in requests.iter().filter(|r| r.method == "POST") {
        assert_eq!(r.header("x-superdesk-signature"), Some(hmac_sha1(SECRET, &r.body).as_str()), "{}", r.path);
    }
    let items = desk.receiver.items();
    assert_eq!(items.len(), 1);
    let a = desk.with(|l| l.get_article(desk.article));
    assert_eq!(items[0]["uri"], json!(format!("urn:banthao:article:{}", a.uid)));
    assert_eq!(items[0]["version"], json!(a.version.to_string()));
    // The item points at the receiver's copies, which are the library's exact bytes.
    let state = desk.receiver.state.lock().unwrap();
    for assoc in items[0]["associations"].as_array().unwrap() {
        for r in assoc["renditions"].as_array().unwrap() {
            let href = r["href"].as_str().unwrap();
            let id = href.strip_prefix(&format!("{}/", desk.receiver.assets_url())).unwrap();
            assert_eq!(state.assets[id].len() as u64, r["sizeinbytes"].as_u64().unwrap());
        }
    }
    drop(state);
    assert_eq!(
        desk.with(|l| l.article_sync(desk.article, Lang::En)).unwrap().badge,
        banthao_core::sync::SyncBadge::Synced
    );

    // Nothing changed: a sync sends nothing at all.
    desk.receiver.clear_requests();
    assert!(desk.with(|l| l.queue_changed(desk.endpoint_id)).is_empty());
    assert!(desk.run(Duration::ZERO).is_empty());
    // A save the item does not show (the editor's note): sent as a job, but no request.
    let v = desk.with(|l| l.get_article(desk.article)).version;
    desk.with(|l| {
        l.update_article(
            desk.article,
            ArticlePatch { base_version: v, editor_note: Some("chỉ nội bộ".into()), ..Default::default() },
        )
    });
    assert_eq!(desk.with(|l| l.queue_changed(desk.endpoint_id)), [desk.article]);
    assert_eq!(sent(&desk.run(Duration::ZERO)), Pushed::Unchanged);
    assert!(desk.receiver.requests().is_empty(), "{:?}", desk.receiver.requests());

    // A new headline: only the item goes (the renditions are known to be there).
    let v = desk.with(|l| l.get_article(desk.article)).version;
    desk.with(|l| {
        l.update_article(
            desk.article,
            ArticlePatch {
                base_version: v, headline: Some("Cầu Rồng thông xe sớm".into()), ..Default::default()
            },
        )
    });
    desk.send();
    assert_eq!(sent(&desk.run(Duration::ZERO)), Pushed::Updated);
    let shape: Vec<(String, String)> =
        desk.receiver.requests().iter().map(|r| (r.method.clone(), r.path.clone())).collect();
    assert_eq!(shape, [("POST".to_string(), "/".to_string())]);
    let items = desk.receiver.items();
    assert_eq!(items.len(), 2, "a new version is a new item version");
    assert_eq!(items[1]["uri"], items[0]["uri"]);
    assert_eq!(items[1]["version"], json!((v + 1).to_string()));
    assert_eq!(items[1]["headlines"][0]["value"], "Cầu Rồng thông xe sớm");
}

#[test]
fn an_asset_the_receiver_has_is_not_uploaded_and_no_secret_signs_nothing() {
    let desk = Desk::new("");
    let ids = desk.asset_ids();
    desk.receiver.state.lock().unwrap().assets.insert(ids[0].clone(), b"already".to_vec());
    desk.send();
    assert_eq!(sent(&desk.run(Duration::ZERO)), Pushed::Created);
    let requests = desk.receiver.requests();
    let uploads = requests.iter().filter(|r| r.method == "POST" && r.path == "/assets").count();
    assert_eq!(uploads, ids.len() - 1);
    assert!(requests.iter().all(|r| r.header("x-superdesk-signature").is_none()));
    assert_eq!(requests.last().unwrap().path, "/");
}

#[test]
fn a_503_is_retried_and_delivered_exactly_once() {
    let desk = Desk::new(SECRET);
    desk.receiver.then(Answer::Status(503, "busy"));
    desk.send();
    let results = desk.run(Duration::from_secs(10));
    assert_eq!(sent(&results), Pushed::Created);
    let posts: Vec<_> = desk.receiver.requests().into_iter().filter(|r| r.path == "/").collect();
    assert_eq!(posts.len(), 2, "one refused with 503, one accepted");
    assert_eq!(posts[0].body, posts[1].body, "the retry is the same item");
    let uploads = desk.receiver.requests().iter().filter(|r| r.method == "POST" && r.path == "/assets").count();
    assert_eq!(uploads, 4, "renditions delivered on the first try are not sent again");
    assert_eq!(desk.receiver.items().len(), 1);
    assert!(desk.with(|l| l.outbox(Lang::En)).is_empty());
}

#[test]
fn a_400_waits_for_a_person_with_the_receivers_reason() {
    let desk = Desk::new(SECRET);
    desk.receiver.then(Answer::Status(400, "slugline is required"));
    desk.send();
    let results = desk.run(Duration::from_secs(5));
    assert!(matches!(outcome(&results), JobOutcome::Failed(_)), "{results:?}");
    let jobs = desk.with(|l| l.outbox(Lang::En));
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].state, JobState::Failed);
    let error = jobs[0].error.clone().unwrap();
    assert_eq!(error.code, banthao_core::ErrorCode::RemoteRefused);
    assert_eq!(error.message, "The site refused the request (HTTP 400, ninjs): slugline is required");
    let vi = desk.with(|l| l.outbox(Lang::Vi))[0].error.clone().unwrap().message;
    assert_eq!(vi, "Trang từ chối yêu cầu (HTTP 400, mã ninjs): slugline is required");
    assert!(desk.receiver.items().is_empty());
    assert_eq!(desk.receiver.requests().iter().filter(|r| r.path == "/").count(), 1, "not retried by itself");
}

#[test]
fn a_lost_answer_is_resent_as_the_same_uri_and_version() {
    let desk = Desk::new(SECRET);
    desk.receiver.then(Answer::Drop);
    desk.send();
    let results = desk.run(Duration::from_secs(10));
    assert_eq!(sent(&results), Pushed::Created);
    let posts: Vec<Value> = desk
        .receiver
        .requests()
        .iter()
        .filter(|r| r.path == "/")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(posts.len(), 2, "the item whose answer was lost is sent again");
    assert_eq!((&posts[0]["uri"], &posts[0]["version"]), (&posts[1]["uri"], &posts[1]["version"]));
    assert_eq!(posts[0], posts[1]);
    assert_eq!(desk.receiver.items().len(), 1, "the receiver has one item, never a different one");
}

#[test]
fn a_signed_profile_whose_secret_is_lost_stops_with_its_own_message() {
    let desk = Desk::new(SECRET);
    desk.send();
    // A new session on a machine without a keychain: the secret kept at save time is gone.
    let results = desk.run_with(&Secrets::session_only(), Duration::ZERO);
    let JobOutcome::Failed(error) = outcome(&results) else { panic!("not failed: {results:?}") };
    assert_eq!(error.code(), banthao_core::ErrorCode::AuthFailed);
    assert_eq!(
        error.vi(),
        "Chưa có khoá ký cho nơi nhận “CMS toà soạn”: hãy nhập lại trong Cài đặt → Đăng bài. Bài không được gửi đi khi chưa ký."
    );
    assert_eq!(
        error.en(),
        "No signing secret for the receiver 'CMS toà soạn': enter it again in Settings → Publishing. Nothing is sent unsigned."
    );
    assert!(!error.vi().contains("mật khẩu ứng dụng"));
    assert!(desk.receiver.requests().is_empty(), "nothing is sent unsigned");
}

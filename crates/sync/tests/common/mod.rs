//! What the WordPress sync tests share: a temp library with an endpoint profile pointing at
//! the real site (optionally through the fault proxy), unique photos, and a runner that sends
//! the outbox the way the app's worker does.

#![allow(dead_code, unused_imports)]

use banthao_core::media::ImportSource;
use banthao_core::sync::{EndpointCheck, EndpointInput};
use banthao_core::{Article, ArticlePatch, Lang, Library, NewArticle, PmNode};
use banthao_sync::http::UreqHttp;
use banthao_sync::worker::{run_outbox, JobResult, RunOptions};
use banthao_sync::{LibraryAccess, Secrets};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;
use std::time::Duration;

pub use crate::support::fault_proxy::{Fault, FaultProxy};
pub use crate::support::wordpress::TestSite;

pub struct Desk {
    pub site: TestSite,
    pub lib: Mutex<Library>,
    pub secrets: Secrets,
    pub http: UreqHttp,
    pub endpoint: EndpointCheck,
    pub proxy: Option<FaultProxy>,
    pub password: String,
    _dir: tempfile::TempDir,
}

/// A unique token for this test run, so that markers and photos never meet an earlier run's.
pub fn unique(label: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{label}-{}-{nanos}", std::process::id())
}

impl Desk {
    /// A reporter's library with a profile for the site as the Author account (the role a
    /// reporter has), optionally through a fault proxy.
    pub fn new(through_proxy: bool) -> Desk {
        Desk::with_account(through_proxy, false)
    }

    /// An editor's library: the site's administrator account (it can read everyone's drafts).
    pub fn editor() -> Desk {
        Desk::with_account(false, true)
    }

    fn with_account(through_proxy: bool, admin: bool) -> Desk {
        let site = TestSite::from_env();
        site.ensure_category("Giao thông");
        let dir = tempfile::tempdir().unwrap();
        let lib = Mutex::new(Library::open(dir.path()).unwrap());
        let secrets = Secrets::session_only();
        // Short timeouts: the proxy's "timeout" fault must not make the tests slow.
        let http = UreqHttp::new(Duration::from_secs(3));
        let proxy = through_proxy.then(|| FaultProxy::start(site.addr()));
        let url = proxy.as_ref().map(|p| p.url()).unwrap_or_else(|| site.url.clone());
        let input = EndpointInput {
            name: "Trang thử".into(),
            url,
            username: if admin { site.admin_user.clone() } else { site.author_user.clone() },
            allow_http: false,
            status_map: None,
            ..Default::default()
        };
        let password = if admin { site.admin_password.clone() } else { site.author_password.clone() };
        let endpoint = banthao_sync::endpoint::save_endpoint(&lib, &secrets, &http, &input, &password).unwrap();
        Desk { site, lib, secrets, http, endpoint, proxy, password, _dir: dir }
    }

    pub fn dir(&self) -> PathBuf {
        self._dir.path().to_path_buf()
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut Library) -> banthao_core::Result<R>) -> R {
        self.lib.with_library(f).unwrap()
    }

    /// A photo no earlier run has seen (a unique comment changes its hash).
    pub fn photo(&self, label: &str, seed: u32) -> PathBuf {
        let path = self.dir().join(format!("{label}.jpg"));
        let status = std::process::Command::new("convert")
            .args(["-size", "900x600", "-seed", &seed.to_string(), "plasma:", "-set", "comment", &unique(label)])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "ImageMagick's convert makes the test photos");
        path
    }

    pub fn import(&self, path: &Path, article: i64) -> i64 {
        let results = self.with(|l| {
            l.import_photos(
                &[ImportSource::Path(path.to_path_buf())],
                Some(article),
                Lang::Vi,
                &mut |_| {},
                &AtomicBool::new(false),
            )
        });
        results[0].media.as_ref().expect("the photo imports").id
    }

    /// An article with `paragraphs` and one figure per photo, complete for publishing.
    pub fn article(&self, headline: &str, paragraphs: &[&str], photos: usize) -> Article {
        let a = self.with(|l| {
            l.create_article(NewArticle {
                headline: headline.into(),
                sapo: "Sáng 2-3, UBND quận Dương Kinh tổ chức lễ thông xe tuyến đường ven biển.".into(),
                section: "Giao thông".into(),
                keywords: vec!["Hải Phòng".into(), "giao thông".into()],
                ..Default::default()
            })
        });
        let mut content: Vec<Value> = paragraphs.iter().map(|p| paragraph(p)).collect();
        let mut first = None;
        for i in 0..photos {
            let media = self.import(&self.photo(&format!("anh-{i}"), 7 + i as u32), a.id);
            first.get_or_insert(media);
            content.push(figure(
                media,
                &format!("Người dân đi trên đường mới, ảnh {}.", i + 1),
                "Nguyễn Văn An",
                "Đường ven biển",
            ));
        }
        let body: PmNode = serde_json::from_value(json!({"type": "doc", "content": content})).unwrap();
        self.with(|l| {
            l.update_article(
                a.id,
                ArticlePatch {
                    base_version: a.version,
                    body: Some(body),
                    featured_media_id: first,
                    ..Default::default()
                },
            )
        })
    }

    /// "Gửi", then the worker's pass over the outbox (waiting through retries up to `wait`).
    pub fn send(&self, id: i64, wait: Duration) -> Vec<JobResult> {
        let endpoint = self.endpoint.endpoint.id;
        self.with(|l| l.send_article(id, None, endpoint));
        self.run(wait)
    }

    pub fn run(&self, wait: Duration) -> Vec<JobResult> {
        let mut on_job = |_: &banthao_core::sync::SyncJob, _: Option<&banthao_sync::worker::JobOutcome>| {};
        let mut opts =
            RunOptions { only: None, password: None, wait_for_retries: wait, lang: Lang::En, on_job: &mut on_job };
        run_outbox(&self.lib, &self.secrets, &self.http, &mut opts)
    }

    pub fn remote_id(&self, id: i64) -> i64 {
        self.with(|l| l.sync_record(id)).and_then(|r| r.remote_id).expect("the article has a post")
    }

    pub fn edit(&self, id: i64, f: impl FnOnce(&mut Article)) -> Article {
        let mut a = self.with(|l| l.get_article(id));
        let version = a.version;
        f(&mut a);
        self.with(|l| {
            l.update_article(
                id,
                ArticlePatch {
                    base_version: version,
                    headline: Some(a.headline.clone()),
                    sapo: Some(a.sapo.clone()),
                    body: Some(a.body.clone()),
                    ..Default::default()
                },
            )
        })
    }
}

pub fn paragraph(text: &str) -> Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

pub fn figure(media_id: i64, caption: &str, credit: &str, alt: &str) -> Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": credit, "alt": alt, "crop": null, "rotation": 0},
           "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
}

/// The n-th top-level block's text.
pub fn block_text(a: &Article, n: usize) -> String {
    banthao_core::article::render::doc_to_text(&a.body.content.as_ref().unwrap()[n])
}

//! Publishing figures against the test WordPress (scripts/wordpress/with-wordpress.sh starts
//! it; `make bench` runs through it): an article with 10 camera photos sent from "Gửi" to
//! "Đã đồng bộ", beside plain `curl` requests sending the same bytes (the same renditions and
//! the same post) in the same run; then a re-sync of the unchanged article: requests, bytes, time.

use banthao_core::media::{FigureLook, ImportSource, RenditionSize};
use banthao_core::sync::EndpointInput;
use banthao_core::{ArticlePatch, Lang, Library, NewArticle, PmNode};
use banthao_sync::http::{Http, NetError, Request, Response, UreqHttp};
use banthao_sync::worker::{run_outbox, JobOutcome, RunOptions};
use banthao_sync::Secrets;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::stats::{ms, ratio, Samples};

const PHOTOS: usize = 10;
const ROUNDS: usize = 3;

/// The real client, counting what crosses the wire (bodies and header lines).
struct Counting {
    inner: UreqHttp,
    requests: AtomicUsize,
    sent: AtomicUsize,
    received: AtomicUsize,
    media_bytes: AtomicUsize,
}

impl Http for Counting {
    fn send(&self, request: &Request) -> Result<Response, NetError> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let headers: usize = request.headers.iter().map(|(n, v)| n.len() + v.len() + 4).sum();
        self.sent.fetch_add(request.method.len() + request.url.len() + headers + request.body.len(), Ordering::Relaxed);
        if request.url.contains("/media") && request.method == "POST" {
            self.media_bytes.fetch_add(request.body.len(), Ordering::Relaxed);
        }
        let response = self.inner.send(request)?;
        self.received.fetch_add(response.body.len(), Ordering::Relaxed);
        Ok(response)
    }
}

impl Counting {
    fn reset(&self) {
        for c in [&self.requests, &self.sent, &self.received, &self.media_bytes] {
            c.store(0, Ordering::Relaxed);
        }
    }
}

struct Site {
    url: String,
    user: String,
    password: String,
}

fn site() -> Option<Site> {
    let var = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
    Some(Site {
        url: var("BANTHAO_WP_URL")?,
        user: var("BANTHAO_WP_AUTHOR_USER")?,
        password: var("BANTHAO_WP_AUTHOR_PASSWORD")?,
    })
}

/// Ten distinct camera photos: the 24-MP fixture with a unique trailer after its end marker
/// (decoders ignore it; the content hash differs, so each is a new photo for the site).
fn photos(fixture: &Path, dir: &Path, round: usize) -> Vec<PathBuf> {
    let bytes = std::fs::read(fixture).unwrap();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    (0..PHOTOS)
        .map(|i| {
            let path = dir.join(format!("anh-{round}-{i}.jpg"));
            let mut b = bytes.clone();
            b.extend_from_slice(format!("banthao-bench-{nanos}-{round}-{i}").as_bytes());
            std::fs::write(&path, b).unwrap();
            path
        })
        .collect()
}

fn paragraph(text: &str) -> Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

/// A library with a profile and one article of 8 paragraphs and 10 captioned figures.
fn article(
    dir: &Path,
    site: &Site,
    http: &dyn Http,
    secrets: &Secrets,
    files: &[PathBuf],
) -> (Mutex<Library>, i64, i64) {
    let lib = Mutex::new(Library::open(dir).unwrap());
    let input = EndpointInput {
        name: "Bench".into(),
        url: site.url.clone(),
        username: site.user.clone(),
        ..Default::default()
    };
    let endpoint = banthao_sync::endpoint::save_endpoint(&lib, secrets, http, &input, &site.password).unwrap().endpoint;
    let mut l = lib.lock().unwrap();
    let a = l
        .create_article(NewArticle {
            headline: "Đà Nẵng: mười bức ảnh lễ hội pháo hoa quốc tế trên sông Hàn".into(),
            sapo: "Tối 1-6, lễ hội pháo hoa quốc tế Đà Nẵng khai mạc với sự tham gia của các đội đến từ năm châu."
                .into(),
            keywords: vec!["Đà Nẵng".into(), "pháo hoa".into()],
            ..Default::default()
        })
        .unwrap();
    let sources: Vec<ImportSource> = files.iter().cloned().map(ImportSource::Path).collect();
    let imported = l.import_photos(&sources, Some(a.id), Lang::Vi, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    let mut content = Vec::new();
    for (i, r) in imported.iter().enumerate() {
        let id = r.media.as_ref().expect("the camera photo imports").id;
        if i < 8 {
            content.push(paragraph(&format!(
                "Đoạn {} — hàng nghìn người dân và du khách đổ về hai bờ sông Hàn để xem các màn trình diễn.",
                i + 1
            )));
        }
        content.push(json!({"type": "figure",
            "attrs": {"media_id": id, "credit": "Nguyễn Văn An", "alt": format!("Pháo hoa trên sông Hàn, ảnh {}", i + 1), "crop": null, "rotation": 0},
            "content": [{"type": "figcaption", "content": [{"type": "text", "text": format!("Màn pháo hoa của đội thứ {} trên sông Hàn.", i + 1)}]}]}));
    }
    let body: PmNode = serde_json::from_value(json!({"type": "doc", "content": content})).unwrap();
    let first = imported[0].media.as_ref().map(|m| m.id);
    l.update_article(
        a.id,
        ArticlePatch { base_version: a.version, body: Some(body), featured_media_id: first, ..Default::default() },
    )
    .unwrap();
    drop(l);
    (lib, a.id, endpoint.id)
}

fn send(lib: &Mutex<Library>, secrets: &Secrets, http: &dyn Http, id: i64, endpoint: i64) -> Duration {
    let started = Instant::now();
    lib.lock().unwrap().send_article(id, None, endpoint).unwrap();
    let mut on_job = |_: &banthao_core::sync::SyncJob, _: Option<&JobOutcome>| {};
    let mut opts = RunOptions {
        only: None,
        password: None,
        wait_for_retries: Duration::ZERO,
        lang: Lang::En,
        on_job: &mut on_job,
    };
    let results = run_outbox(lib, secrets, http, &mut opts);
    let elapsed = started.elapsed();
    assert!(matches!(results.last().map(|r| &r.outcome), Some(JobOutcome::Sent(_))), "{results:?}");
    elapsed
}

/// The same bytes with plain curl: each rendition uploaded with the same fields, then the post.
fn curl_reference(site: &Site, dir: &Path, lib: &Mutex<Library>, id: i64) -> Duration {
    let l = lib.lock().unwrap();
    let article = l.get_article(id).unwrap();
    let record = l.sync_record(id).unwrap().unwrap();
    let base: Value = serde_json::from_str(record.base.as_deref().unwrap()).unwrap();
    let mut renditions = Vec::new();
    for node in article.body.content.iter().flatten().filter(|n| n.node_type == "figure") {
        let attrs = node.attrs.as_ref().unwrap();
        let media_id = attrs["media_id"].as_i64().unwrap();
        let caption = banthao_core::article::render::doc_to_text(node);
        let look = FigureLook { caption: caption.clone(), credit: "Nguyễn Văn An".into(), ..Default::default() };
        let path = l.rendition(media_id, RenditionSize::Web, &look).unwrap();
        renditions.push((path, caption, attrs["alt"].as_str().unwrap().to_string()));
    }
    drop(l);
    let netrc = dir.join("curl-config");
    std::fs::write(&netrc, format!("user = \"{}:{}\"\n", site.user, site.password)).unwrap();
    let post = json!({
        "title": article.headline, "content": base["content"], "excerpt": article.sapo, "status": "draft",
        "slug": format!("{}-curl", article.slug),
        "tags": base["tags"].as_array().unwrap().iter().map(|t| t["id"].clone()).collect::<Vec<_>>(),
    });
    let post_file = dir.join("post.json");
    std::fs::write(&post_file, post.to_string()).unwrap();
    let started = Instant::now();
    for (i, (path, caption, alt)) in renditions.iter().enumerate() {
        let status = Command::new("curl")
            .args(["-sS", "-o", "/dev/null", "-f", "-K"])
            .arg(&netrc)
            .arg("-F")
            .arg(format!("file=@{};type=image/jpeg;filename=anh-{i}.jpg", path.display()))
            .args([
                "-F",
                &format!("title={caption}"),
                "-F",
                &format!("caption={caption}"),
                "-F",
                &format!("alt_text={alt}"),
            ])
            .args(["-F", &format!("description=curl reference {i}")])
            .arg(format!("{}/wp-json/wp/v2/media", site.url))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "curl upload");
    }
    let status = Command::new("curl")
        .args(["-sS", "-o", "/dev/null", "-f", "-K"])
        .arg(&netrc)
        .args(["-H", "Content-Type: application/json", "--data-binary"])
        .arg(format!("@{}", post_file.display()))
        .arg(format!("{}/wp-json/wp/v2/posts", site.url))
        .status()
        .unwrap();
    assert!(status.success(), "curl post");
    started.elapsed()
}

pub fn run(tmp: &Path) {
    let Some(site) = site() else {
        println!("publishing (WordPress)              skipped: no test site (make bench starts one)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fixtures = root.join("target/photo-fixtures");
    let made = Command::new(root.join("scripts/make-photo-fixtures.sh")).arg(&fixtures).status();
    if !matches!(made, Ok(s) if s.success()) {
        println!("publishing (WordPress)              skipped: photo fixtures could not be made");
        return;
    }
    let secrets = Secrets::session_only();
    let http = Counting {
        inner: UreqHttp::new(Duration::from_secs(120)),
        requests: AtomicUsize::new(0),
        sent: AtomicUsize::new(0),
        received: AtomicUsize::new(0),
        media_bytes: AtomicUsize::new(0),
    };
    let (mut ours, mut reference) = (Vec::new(), Vec::new());
    let mut last = None;
    for round in 0..ROUNDS {
        let dir = tmp.join(format!("sync-bench-{round}"));
        std::fs::create_dir_all(&dir).unwrap();
        let files = photos(&fixtures.join("camera.jpg"), &dir, round);
        let (lib, id, endpoint) = article(&dir.join("library"), &site, &http, &secrets, &files);
        http.reset();
        ours.push(send(&lib, &secrets, &http, id, endpoint));
        let first = (http.requests.load(Ordering::Relaxed), http.sent.load(Ordering::Relaxed));
        // The reference uploads fresh copies of the same renditions (a second media item each).
        reference.push(curl_reference(&site, &dir, &lib, id));
        last = Some((lib, id, endpoint, first));
    }
    let (ours, reference) = (Samples(ours), Samples(reference));
    let (lib, id, endpoint, (requests, bytes)) = last.unwrap();
    println!(
        "publish an article with {PHOTOS} camera photos (renditions, uploads, post)  p50 {}   {requests} requests, {:.1} MB",
        ms(ours.p50()),
        bytes as f64 / 1e6
    );
    println!(
        "  vs plain curl sending the same renditions and post  p50 {}   ratio {}",
        ms(reference.p50()),
        ratio(ours.p50(), reference.p50())
    );
    http.reset();
    let again = Samples::collect(5, || {
        send(&lib, &secrets, &http, id, endpoint);
    });
    println!(
        "re-sync of the unchanged article  p50 {}   {} requests, {} bytes sent, {} bytes received, {} media bytes (5 runs)",
        ms(again.p50()),
        http.requests.load(Ordering::Relaxed) / 5,
        http.sent.load(Ordering::Relaxed) / 5,
        http.received.load(Ordering::Relaxed) / 5,
        http.media_bytes.load(Ordering::Relaxed) / 5
    );
}

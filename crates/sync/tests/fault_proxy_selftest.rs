//! The fault proxy itself, against a tiny in-process HTTP server (no WordPress needed): requests
//! and answers pass through intact whatever their framing, and each fault does what the sync
//! tests rely on — a real RST, a silent hang, 500, 429 + Retry-After, and a lost answer after the
//! server did the work — for exactly the requests it was aimed at.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::fault_proxy::{Fault, FaultProxy};

/// A request as the upstream received it.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A std-only HTTP/1.1 server: one request per connection, then close. The path picks the
/// answer's framing: `/chunked…` (chunked), `/eof…` (no length, ends at close), `/status/N`,
/// anything else Content-Length. The body echoes what arrived.
struct Upstream {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Upstream {
    fn start() -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let s = s.clone();
                std::thread::spawn(move || serve(conn, &s));
            }
        });
        Upstream { addr, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(conn: TcpStream, seen: &Mutex<Vec<Seen>>) {
    let mut r = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if r.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap().to_string(), parts.next().unwrap().to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        r.read_line(&mut h).unwrap();
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':').unwrap();
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().unwrap())
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).unwrap();
    let req = Seen { method, target: target.clone(), headers, body };
    seen.lock().unwrap().push(req.clone());

    let echo = serde_json::json!({
        "method": req.method,
        "target": req.target,
        "host": req.header("host"),
        "body": String::from_utf8_lossy(&req.body),
    })
    .to_string();
    let mut w = conn;
    let head_only = req.method == "HEAD";
    let out = if target.starts_with("/chunked") {
        let mut out =
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for piece in echo.as_bytes().chunks(7) {
            out.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
            out.extend_from_slice(piece);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    } else if target.starts_with("/eof") {
        format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{echo}").into_bytes()
    } else if let Some(code) = target.strip_prefix("/status/") {
        format!("HTTP/1.1 {code} Whatever\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{echo}", echo.len())
            .into_bytes()
    } else {
        let mut out = format!(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Upstream: yes\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            echo.len()
        )
        .into_bytes();
        if !head_only {
            out.extend_from_slice(echo.as_bytes());
        }
        out
    };
    w.write_all(&out).unwrap();
    let _ = w.flush();
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::AgentBuilder::new().timeout(timeout).build()
}

fn io_kind(e: &ureq::Error) -> Option<std::io::ErrorKind> {
    let ureq::Error::Transport(t) = e else { return None };
    std::error::Error::source(t)?.downcast_ref::<std::io::Error>().map(|e| e.kind())
}

/// Sends raw bytes, reads until EOF/error: (bytes read, how it ended).
fn raw(addr: SocketAddr, request: &[u8], timeout: Duration) -> (Vec<u8>, std::io::Result<()>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(timeout)).unwrap();
    s.write_all(request).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return (got, Ok(())),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => return (got, Err(e)),
        }
    }
}

const POSTS: &str = "/wp-json/wp/v2/posts";

#[test]
fn requests_and_answers_pass_through_intact() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    assert!(proxy.url().starts_with("http://127.0.0.1:"));
    let a = agent(Duration::from_secs(5));

    // A POST with a Vietnamese JSON body, Content-Length framed both ways.
    let body = r#"{"title":"Hà Nội mưa lớn — “đẹp nhất”","content":"Đoạn một."}"#;
    let resp = a
        .post(&format!("{}{POSTS}?context=edit", proxy.url()))
        .set("Content-Type", "application/json")
        .set("Authorization", "Basic YWRtaW46c2VjcmV0")
        .send_string(body)
        .unwrap();
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.header("X-Upstream"), Some("yes"));
    assert_eq!(resp.header("Connection"), Some("close"));
    let echo: serde_json::Value = serde_json::from_str(&resp.into_string().unwrap()).unwrap();
    assert_eq!(echo["body"], body, "the body arrives byte-identical");
    let seen = up.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].target, format!("{POSTS}?context=edit"));
    assert_eq!(seen[0].header("host"), Some(format!("127.0.0.1:{}", up.addr.port()).as_str()), "Host rewritten");
    assert_eq!(seen[0].header("connection"), Some("close"));
    assert_eq!(seen[0].header("authorization"), Some("Basic YWRtaW46c2VjcmV0"), "other headers kept");

    let log = proxy.log();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!((log[0].method.as_str(), log[0].path.as_str()), ("POST", format!("{POSTS}?context=edit").as_str()));
    assert_eq!(log[0].response_status, Some(201));
    assert_eq!(log[0].fault, None);
    assert!(log[0].request_bytes > body.len() && log[0].request_bytes < body.len() + 400, "{log:?}");
    assert!(log[0].response_bytes > 0);

    // Chunked and close-delimited answers reach the client whole.
    for path in ["/chunked/x", "/eof/y"] {
        let text = a.get(&format!("{}{path}", proxy.url())).call().unwrap().into_string().unwrap();
        let echo: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(echo["target"], path);
    }
    // An error status from upstream is passed on as it is.
    match a.get(&format!("{}/status/404", proxy.url())).call() {
        Err(ureq::Error::Status(404, _)) => {}
        other => panic!("{other:?}"),
    }
    // HEAD: no body, the announced length kept.
    let resp = a.head(&format!("{}/head", proxy.url())).call().unwrap();
    assert!(resp.header("Content-Length").is_some());

    proxy.reset_log();
    assert!(proxy.log().is_empty());
}

#[test]
fn a_chunked_request_body_is_forwarded_with_a_length() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    // ureq sends a body of unknown size chunked.
    let data = "Ảnh ".repeat(5000);
    let resp = agent(Duration::from_secs(5))
        .post(&format!("{}/wp-json/wp/v2/media", proxy.url()))
        .set("Content-Type", "image/jpeg")
        .send(std::io::Cursor::new(data.clone().into_bytes()))
        .unwrap();
    assert_eq!(resp.status(), 201);
    let seen = up.seen();
    assert_eq!(seen[0].body, data.as_bytes());
    assert_eq!(seen[0].header("content-length"), Some(data.len().to_string().as_str()));
    assert_eq!(seen[0].header("transfer-encoding"), None);
    let log = proxy.log();
    assert!(log[0].request_bytes > data.len(), "chunk framing counted: {log:?}");

    // By hand, with chunk extensions, trailers and Expect: 100-continue.
    let req = b"POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n\
                3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n";
    let (got, end) = raw(proxy.addr(), req, Duration::from_secs(5));
    end.unwrap();
    let text = String::from_utf8(got).unwrap();
    assert!(text.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201"), "{text}");
    assert_eq!(up.seen()[1].body, b"abcde");
    assert_eq!(up.seen()[1].header("expect"), None);
    assert_eq!(proxy.log()[1].request_bytes, req.len());
}

#[test]
fn connections_close_by_default_and_keep_alive_can_be_turned_on() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    let a = agent(Duration::from_secs(5));
    for _ in 0..3 {
        a.get(&format!("{}/one", proxy.url())).call().unwrap().into_string().unwrap();
    }
    assert_eq!(proxy.connections(), 3, "one request per connection by default");

    proxy.set_keep_alive(true);
    let a = agent(Duration::from_secs(5));
    for path in ["/chunked/1", "/eof/2", "/plain/3", "/status/500"] {
        let resp = match a.get(&format!("{}{path}", proxy.url())).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(resp.header("Connection"), Some("keep-alive"));
        let echo: serde_json::Value = serde_json::from_str(&resp.into_string().unwrap()).unwrap();
        assert_eq!(echo["target"], path);
    }
    assert_eq!(proxy.connections(), 4, "ureq reused one connection for four requests");

    // Two requests written back to back on one raw connection, the second asking to close.
    let (got, end) = raw(
        proxy.addr(),
        b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        Duration::from_secs(5),
    );
    end.unwrap();
    let text = String::from_utf8(got).unwrap();
    assert_eq!(text.matches("HTTP/1.1 201").count(), 2, "{text}");
    assert!(text.contains("\"target\":\"/a\"") && text.contains("\"target\":\"/b\""));
}

#[test]
fn reset_closes_with_a_rst_and_forwards_nothing() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    proxy.inject("POST", "/wp/v2/posts", Fault::Reset, 1);
    let a = agent(Duration::from_secs(5));
    let err = a.post(&format!("{}{POSTS}", proxy.url())).send_string("{}").unwrap_err();
    assert_eq!(io_kind(&err), Some(std::io::ErrorKind::ConnectionReset), "{err:?}");
    assert!(up.seen().is_empty(), "nothing reached the server");
    // Used up: the next one passes.
    assert_eq!(a.post(&format!("{}{POSTS}", proxy.url())).send_string("{}").unwrap().status(), 201);
    assert_eq!(up.seen().len(), 1);
    let log = proxy.log();
    assert_eq!(log[0].fault.as_deref(), Some("Reset"));
    assert_eq!(log[0].response_status, None);
    assert_eq!(log[1].fault, None);

    // On the wire: a read fails with "connection reset", it does not just end.
    proxy.inject("", "/", Fault::Reset, 1);
    let (got, end) = raw(proxy.addr(), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", Duration::from_secs(5));
    assert!(got.is_empty());
    assert_eq!(end.unwrap_err().kind(), std::io::ErrorKind::ConnectionReset);
}

#[test]
fn timeout_holds_the_connection_silently() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    proxy.inject("POST", "/wp/v2/media", Fault::Timeout(Duration::from_millis(1500)), 2);
    let started = Instant::now();
    let err = agent(Duration::from_millis(300))
        .post(&format!("{}/wp-json/wp/v2/media", proxy.url()))
        .send_string("x")
        .unwrap_err();
    assert!(matches!(err, ureq::Error::Transport(_)), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(1200), "the client's timeout fired first");

    // A patient client sees nothing for the whole time, then the connection just ends.
    let started = Instant::now();
    let (got, end) = raw(
        proxy.addr(),
        b"POST /wp-json/wp/v2/media HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx",
        Duration::from_secs(5),
    );
    let held = started.elapsed();
    assert!(got.is_empty());
    end.unwrap();
    assert!(held >= Duration::from_millis(1400) && held < Duration::from_secs(4), "{held:?}");
    assert!(up.seen().is_empty(), "nothing forwarded");
    assert_eq!(proxy.log().len(), 2);
    assert!(proxy.log().iter().all(|r| r.fault.as_deref() == Some("Timeout(1.5s)")), "{:?}", proxy.log());
}

#[test]
fn status_and_too_many_answer_without_forwarding() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    let a = agent(Duration::from_secs(5));
    proxy.inject("POST", "/wp/v2/posts/", Fault::Status(500), 1);
    proxy.inject("GET", "/wp/v2/posts", Fault::TooMany { retry_after_secs: 3 }, 1);

    // "/wp/v2/posts/" does not match the collection: creating passes, updating fails.
    assert_eq!(a.post(&format!("{}{POSTS}", proxy.url())).send_string("{}").unwrap().status(), 201);
    match a.post(&format!("{}{POSTS}/12", proxy.url())).send_string("{}") {
        Err(ureq::Error::Status(500, r)) => assert!(r.into_string().unwrap().contains("fault_proxy")),
        other => panic!("{other:?}"),
    }
    match a.get(&format!("{}{POSTS}?search=x", proxy.url())).call() {
        Err(ureq::Error::Status(429, r)) => assert_eq!(r.header("Retry-After"), Some("3")),
        other => panic!("{other:?}"),
    }
    assert_eq!(up.seen().len(), 1, "only the passing request reached the server");
    let statuses: Vec<_> = proxy.log().iter().map(|r| r.response_status).collect();
    assert_eq!(statuses, [Some(201), Some(500), Some(429)]);
    assert_eq!(proxy.pending_faults(), 0);
    assert_eq!(a.get(&format!("{}{POSTS}?search=x", proxy.url())).call().unwrap().status(), 201);
}

#[test]
fn drop_response_lets_the_server_do_the_work_and_loses_the_answer() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    proxy.inject("POST", "/wp/v2/posts", Fault::DropResponse, 1);
    let err = agent(Duration::from_secs(5))
        .post(&format!("{}{POSTS}", proxy.url()))
        .send_string(r#"{"title":"Bài mới"}"#)
        .unwrap_err();
    assert!(matches!(err, ureq::Error::Transport(_)), "{err:?}");
    let seen = up.seen();
    assert_eq!(seen.len(), 1, "the server got the request");
    assert_eq!(seen[0].body, r#"{"title":"Bài mới"}"#.as_bytes());
    let log = proxy.log();
    assert_eq!(log[0].fault.as_deref(), Some("DropResponse"));
    assert_eq!((log[0].response_status, log[0].upstream_status), (None, Some(201)));

    // On the wire: an empty reply (curl's exit 52), a clean end rather than a reset.
    proxy.inject("POST", "/wp/v2/posts", Fault::DropResponse, 1);
    let (got, end) = raw(
        proxy.addr(),
        format!("POST {POSTS} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").as_bytes(),
        Duration::from_secs(5),
    );
    assert!(got.is_empty());
    end.unwrap();
    assert_eq!(up.seen().len(), 2);
}

#[test]
fn rules_match_method_and_path_and_count_down() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    let a = agent(Duration::from_secs(5));
    let status = |method: &str, path: &str| -> u16 {
        match a.request(method, &format!("{}{path}", proxy.url())).call() {
            Ok(r) => r.status(),
            Err(ureq::Error::Status(s, _)) => s,
            Err(e) => panic!("{e}"),
        }
    };
    proxy.inject("get", "/wp/v2/media", Fault::Status(503), 2);
    assert_eq!(status("POST", "/wp-json/wp/v2/media"), 201, "other method");
    assert_eq!(status("GET", "/wp-json/wp/v2/posts"), 201, "other path");
    assert_eq!(status("GET", "/wp-json/wp/v2/media/7"), 503);
    // The ?rest_route= form, percent-encoded, matches too.
    assert_eq!(status("GET", "/?rest_route=%2Fwp%2Fv2%2Fmedia&search=a"), 503);
    assert_eq!(status("GET", "/wp-json/wp/v2/media/7"), 201, "used up after two");

    // Any method, first rule first; clear() drops what is left.
    proxy.inject("", "/", Fault::Status(502), 1000);
    proxy.inject("*", "/", Fault::Status(504), 1);
    assert_eq!(status("DELETE", "/x"), 502);
    assert_eq!(status("PUT", "/y"), 502);
    assert_eq!(proxy.pending_faults(), 999);
    proxy.clear();
    assert_eq!(proxy.pending_faults(), 0);
    assert_eq!(status("GET", "/z"), 201);
}

#[test]
fn an_unreachable_upstream_is_a_502() {
    let dead = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap(); // closed again
    let proxy = FaultProxy::start(dead);
    match agent(Duration::from_secs(5)).get(&format!("{}/x", proxy.url())).call() {
        Err(ureq::Error::Status(502, _)) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(proxy.log()[0].upstream_status, None);
}

#[test]
fn dropping_the_proxy_stops_it() {
    let up = Upstream::start();
    let proxy = FaultProxy::start(up.addr);
    let addr = proxy.addr();
    proxy.inject("", "/", Fault::Timeout(Duration::from_secs(30)), 1);
    let hanging = std::thread::spawn(move || raw(addr, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", Duration::from_secs(20)));
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    drop(proxy);
    let (_, end) = hanging.join().unwrap();
    end.unwrap();
    assert!(started.elapsed() < Duration::from_secs(2), "a held connection is let go on drop");
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(), "no longer listening");
}

// ---- in front of the real WordPress (scripts/wordpress/with-wordpress.sh) ---------------------

fn basic(user: &str, password: &str) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let input = format!("{user}:{password}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in input.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | ((b as u32) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ABC[((n >> (18 - 6 * i)) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

fn unique(label: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{label}-{}-{nanos}", std::process::id())
}

/// A multipart upload body: the file plus text fields, as WordPress's media route takes it.
fn multipart(boundary: &str, filename: &str, bytes: &[u8], fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: image/png\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

/// A valid 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
    0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn the_site_helpers_see_what_is_on_the_site() {
    let site = support::wordpress::TestSite::from_env();
    let cat = site.ensure_category("Thời sự");
    assert_eq!(site.ensure_category("Thời sự"), cat, "an existing category is found, not duplicated");

    let marker = unique("banthao:test");
    let title = "Đà Nẵng: Cầu Rồng phun lửa — “lễ hội” & pháo hoa";
    let post = site.create_post(&serde_json::json!({
        "title": title,
        "content": format!("<!-- wp:paragraph -->\n<p>Đoạn một.</p>\n<!-- /wp:paragraph -->\n<!-- {marker} -->"),
        "status": "draft",
        "categories": [cat],
    }));
    let id = post["id"].as_i64().unwrap();
    let got = site.get_json(&format!("/wp/v2/posts/{id}"));
    assert_eq!(got["title"]["raw"], title, "context=edit added, Vietnamese byte-identical");
    assert_eq!(site.count_posts_with(&marker), 1);
    assert_eq!(site.count_posts_with(&unique("banthao:none")), 0);

    let updated = site.update_post(id, &serde_json::json!({ "status": "pending", "title": "Đã sửa" }));
    assert_eq!((updated["status"].as_str(), updated["title"]["raw"].as_str()), (Some("pending"), Some("Đã sửa")));
    assert_eq!(site.count_posts_with(&marker), 1, "pending posts are counted");
    site.delete_post(id, false);
    assert_eq!(site.get_json(&format!("/wp/v2/posts/{id}"))["status"], "trash");
    assert_eq!(site.count_posts_with(&marker), 0, "trash is not counted");
    site.delete_post(id, true);
    assert_eq!(site.request("GET", &format!("/wp/v2/posts/{id}?context=edit"), None).0, 404);
    // The timezone is not UTC on purpose: only the *_gmt fields are safe to compare.
    assert_eq!(site.get_json("/wp/v2/settings")["timezone"], "Asia/Ho_Chi_Minh");
}

#[test]
#[ignore = "needs WordPress: scripts/wordpress/with-wordpress.sh (make test runs it)"]
fn through_the_proxy_wordpress_answers_and_lost_answers_leave_the_work_done() {
    let site = support::wordpress::TestSite::from_env();
    let proxy = FaultProxy::start(site.addr());
    let a = agent(Duration::from_secs(30));
    let auth = basic(&site.author_user, &site.author_password);
    let api = |path: &str| format!("{}/wp-json{path}", proxy.url());

    // Debian's config is found (Host rewritten) and the Author's application password works.
    let me: serde_json::Value = serde_json::from_str(
        &a.get(&api("/wp/v2/users/me")).set("Authorization", &auth).call().unwrap().into_string().unwrap(),
    )
    .unwrap();
    assert_eq!(me["slug"], site.author_user);

    // A created post whose answer is lost: the post exists, once.
    let marker = unique("banthao:uid");
    let content = format!(
        "<!-- wp:paragraph -->\n<p>Người dân phường Hải Sơn vui mừng.</p>\n<!-- /wp:paragraph -->\n<!-- {marker} -->"
    );
    let body = serde_json::json!({ "title": "Bài mất câu trả lời", "content": content, "status": "draft" }).to_string();
    proxy.inject("POST", "/wp/v2/posts", Fault::DropResponse, 1);
    let err = a
        .post(&api("/wp/v2/posts"))
        .set("Authorization", &auth)
        .set("Content-Type", "application/json")
        .send_string(&body);
    assert!(matches!(err, Err(ureq::Error::Transport(_))), "{err:?}");
    assert_eq!(site.count_posts_with(&marker), 1, "WordPress did the work");
    let log = proxy.log();
    assert_eq!((log.last().unwrap().upstream_status, log.last().unwrap().response_status), (Some(201), None));
    let found = site.search_all(&format!(
        "/wp/v2/posts?search={}&status=draft&context=edit&per_page=100",
        support::wordpress::encode(&marker)
    ));
    assert_eq!(found[0]["content"]["raw"], content, "an Author's comment marker and Vietnamese text survive");

    // A media upload (multipart, description = marker) whose answer is lost: one item.
    let media_marker = unique("banthao:media");
    let boundary = "----banthao-test-boundary";
    let upload = multipart(
        boundary,
        "anh-thu.png",
        PNG,
        &[("title", "Ảnh thử"), ("caption", "Chú thích"), ("alt_text", "Ô vuông"), ("description", &media_marker)],
    );
    proxy.inject("POST", "/wp/v2/media", Fault::DropResponse, 1);
    let err = a
        .post(&api("/wp/v2/media"))
        .set("Authorization", &auth)
        .set("Content-Type", &format!("multipart/form-data; boundary={boundary}"))
        .send_bytes(&upload);
    assert!(matches!(err, Err(ureq::Error::Transport(_))), "{err:?}");
    assert_eq!(site.count_media_with(&media_marker), 1);
    assert!(proxy.log().last().unwrap().request_bytes > upload.len());

    // And straight through, the same upload answers 201 with the fields set.
    let again = unique("banthao:media");
    let upload = multipart(boundary, "anh-thu.png", PNG, &[("caption", "Chú thích"), ("description", &again)]);
    let resp = a
        .post(&api("/wp/v2/media"))
        .set("Authorization", &auth)
        .set("Content-Type", &format!("multipart/form-data; boundary={boundary}"))
        .send_bytes(&upload)
        .unwrap();
    assert_eq!(resp.status(), 201);
    let media: serde_json::Value = serde_json::from_str(&resp.into_string().unwrap()).unwrap();
    assert_eq!(media["caption"]["raw"], "Chú thích");
    assert_eq!(site.count_media_with(&again), 1);
}

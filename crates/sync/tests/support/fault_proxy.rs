//! A fault-injecting HTTP/1.1 proxy for the integration tests, in the spirit of Shopify's
//! Toxiproxy: it sits between the code under test and the real WordPress and, on request, breaks
//! the next N requests that match a rule — a reset connection, a silent hang, a 500, a 429 with
//! `Retry-After`, or a lost answer after WordPress did the work. Everything else passes through.
//! It also logs every request (method, target, bytes on the wire, status, fault) so tests can
//! count what the client sent.
//!
//! std only (plus `libc`, already a dev-dependency, for `SO_LINGER`). One thread per client
//! connection; every request goes to the upstream on a fresh connection with `Connection: close`
//! and `Host` rewritten to the upstream's address (Debian's WordPress picks its config by Host).
//!
//! By default every answer carries `Connection: close`, so each request arrives on a new client
//! connection. That keeps faults visible: ureq 2 silently re-sends an idempotent request with an
//! empty body (GET, DELETE) once when a *pooled* connection breaks, which would swallow a
//! `Reset`, `DropResponse` or `Timeout` aimed at it. `set_keep_alive(true)` turns client-side
//! keep-alive on (several requests per client connection) for tests that want that behaviour.

#![allow(dead_code)]

use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::http_wire::{
    answer, bad, has_token, header, percent_decode, read_chunked, read_exact_counted, read_headers, read_line,
    read_request, reason, Request,
};

/// What to do to a matching request instead of (or after) forwarding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Close the client connection with a TCP RST (SO_LINGER 0), forwarding nothing.
    Reset,
    /// Forward nothing, answer nothing, hold the connection open this long, then close it.
    Timeout(Duration),
    /// Answer with this status (a small JSON error body) without forwarding.
    Status(u16),
    /// Answer 429 with `Retry-After: retry_after_secs` without forwarding.
    TooMany { retry_after_secs: u64 },
    /// Forward the request, read the upstream's whole answer (the server did the work), then
    /// close the client connection without sending a byte: "the response never arrived".
    DropResponse,
}

/// One request as the proxy saw it.
#[derive(Clone, Debug)]
pub struct LoggedRequest {
    pub method: String,
    /// The request target as sent: path and query, e.g. `/wp-json/wp/v2/posts/12?context=edit`.
    pub path: String,
    /// Bytes the client sent for this request: request line, headers and body as on the wire.
    pub request_bytes: usize,
    /// The status sent to the client (the upstream's, or the injected one); None when nothing
    /// was answered (Reset, Timeout, DropResponse, upstream unreachable).
    pub response_status: Option<u16>,
    /// Bytes of the answer to the client, head and body (0 when nothing was answered).
    pub response_bytes: usize,
    /// The status the upstream answered, when the request was forwarded (for DropResponse this
    /// is what the client never saw).
    pub upstream_status: Option<u16>,
    /// The injected fault, as `format!("{fault:?}")`.
    pub fault: Option<String>,
    /// From the request read to its answer ready to go (or the fault applied: a Timeout's hold
    /// is not included). Entries are logged before the answer is written, so a client that has
    /// its answer always finds the request in the log.
    pub elapsed: Duration,
}

struct Rule {
    method: String,
    path_contains: String,
    fault: Fault,
    remaining: usize,
}

struct Shared {
    upstream: SocketAddr,
    rules: Mutex<Vec<Rule>>,
    log: Mutex<Vec<LoggedRequest>>,
    keep_alive: AtomicBool,
    stopping: AtomicBool,
    connections: AtomicUsize,
}

pub struct FaultProxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

/// Poisoned locks (a panicking connection thread) must not cascade into every later test.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl FaultProxy {
    /// Starts a proxy on 127.0.0.1 (a free port) in front of `upstream`.
    pub fn start(upstream: SocketAddr) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("fault proxy: bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            upstream,
            rules: Mutex::new(Vec::new()),
            log: Mutex::new(Vec::new()),
            keep_alive: AtomicBool::new(false),
            stopping: AtomicBool::new(false),
            connections: AtomicUsize::new(0),
        });
        let s = shared.clone();
        let acceptor = std::thread::Builder::new()
            .name(format!("fault-proxy-{}", addr.port()))
            .spawn(move || {
                for conn in listener.incoming() {
                    if s.stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    s.connections.fetch_add(1, Ordering::SeqCst);
                    let s = s.clone();
                    let _ = std::thread::Builder::new().name("fault-proxy-conn".into()).spawn(move || {
                        let _ = serve_connection(&s, conn);
                    });
                }
            })
            .unwrap();
        FaultProxy { addr, shared, acceptor: Some(acceptor) }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, to use as the site's URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn upstream(&self) -> SocketAddr {
        self.shared.upstream
    }

    /// Applies `fault` to the next `times` requests whose method is `method` (case-insensitive;
    /// "" or "*" matches any) and whose target contains `path_contains` (checked against the raw
    /// target and its percent-decoded form, so `?rest_route=%2Fwp%2Fv2%2Fposts` matches
    /// "/wp/v2/posts" too). Rules are tried in the order they were added; a request takes at
    /// most one fault.
    pub fn inject(&self, method: &str, path_contains: &str, fault: Fault, times: usize) {
        if times == 0 {
            return;
        }
        lock(&self.shared.rules).push(Rule {
            method: method.to_ascii_uppercase(),
            path_contains: path_contains.to_string(),
            fault,
            remaining: times,
        });
    }

    /// Removes every pending fault.
    pub fn clear(&self) {
        lock(&self.shared.rules).clear();
    }

    /// How many faults are still to be applied (summed over the rules).
    pub fn pending_faults(&self) -> usize {
        lock(&self.shared.rules).iter().map(|r| r.remaining).sum()
    }

    /// Every request seen since the start or the last `reset_log`, in the order they were
    /// answered (or faulted).
    pub fn log(&self) -> Vec<LoggedRequest> {
        lock(&self.shared.log).clone()
    }

    pub fn reset_log(&self) {
        lock(&self.shared.log).clear();
    }

    /// Client connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Client-side keep-alive (off by default: see the module documentation).
    pub fn set_keep_alive(&self, on: bool) {
        self.shared.keep_alive.store(on, Ordering::SeqCst);
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the acceptor so it sees the flag. Connection threads finish on their own; a
        // Timeout fault's sleep checks the flag too.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

// ---- one client connection ---------------------------------------------------------------------

fn take_fault(shared: &Shared, method: &str, target: &str) -> Option<Fault> {
    let decoded = percent_decode(target);
    let mut rules = lock(&shared.rules);
    let i = rules.iter().position(|r| {
        r.remaining > 0
            && (r.method.is_empty() || r.method == "*" || r.method.eq_ignore_ascii_case(method))
            && (target.contains(&r.path_contains) || decoded.contains(&r.path_contains))
    })?;
    let fault = rules[i].fault.clone();
    rules[i].remaining -= 1;
    if rules[i].remaining == 0 {
        rules.remove(i);
    }
    Some(fault)
}

/// A TCP RST instead of a FIN: SO_LINGER on with a zero timeout, then close.
fn reset(stream: TcpStream) {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let linger = libc::linger { l_onoff: 1, l_linger: 0 };
        // SAFETY: a valid socket fd and a correctly sized, initialised `linger`.
        unsafe {
            libc::setsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                &linger as *const libc::linger as *const libc::c_void,
                std::mem::size_of::<libc::linger>() as libc::socklen_t,
            );
        }
    }
    drop(stream);
}

/// A complete upstream answer, body de-framed.
struct Upstream {
    status: u16,
    status_line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn forward(shared: &Shared, req: &Request) -> io::Result<Upstream> {
    let up = TcpStream::connect_timeout(&shared.upstream, Duration::from_secs(10))?;
    up.set_read_timeout(Some(Duration::from_secs(300)))?;
    up.set_write_timeout(Some(Duration::from_secs(60)))?;
    let _ = up.set_nodelay(true);
    let mut head = format!("{} {} HTTP/1.1\r\n", req.method, req.target);
    head.push_str(&format!("Host: 127.0.0.1:{}\r\n", shared.upstream.port()));
    for (k, v) in &req.headers {
        let skip = [
            "host",
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "content-length",
            "expect",
            "te",
            "upgrade",
        ]
        .iter()
        .any(|h| k.eq_ignore_ascii_case(h));
        if !skip {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    let has_body = !req.body.is_empty()
        || header(&req.headers, "content-length").is_some()
        || header(&req.headers, "transfer-encoding").is_some();
    if has_body {
        head.push_str(&format!("Content-Length: {}\r\n", req.body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut w = &up;
    w.write_all(head.as_bytes())?;
    w.write_all(&req.body)?;
    w.flush()?;

    let mut r = BufReader::new(&up);
    let mut ignored = 0;
    loop {
        let line = read_line(&mut r, &mut ignored)?.ok_or_else(|| bad("upstream closed without answering"))?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad(format!("bad upstream status line {line:?}")))?;
        let headers = read_headers(&mut r, &mut ignored)?;
        if (100..200).contains(&status) {
            continue; // interim answer: the real one follows
        }
        let no_body = req.method.eq_ignore_ascii_case("HEAD") || status == 204 || status == 304;
        let body = if no_body {
            Vec::new()
        } else if has_token(header(&headers, "transfer-encoding"), "chunked") {
            read_chunked(&mut r, &mut ignored)?
        } else if let Some(len) = header(&headers, "content-length") {
            let len: usize = len.parse().map_err(|_| bad("bad upstream Content-Length"))?;
            read_exact_counted(&mut r, len, &mut ignored)?
        } else {
            let mut body = Vec::new();
            r.read_to_end(&mut body)?;
            body
        };
        return Ok(Upstream { status, status_line: line, headers, body });
    }
}

fn injected(status: u16, extra: Vec<(String, String)>) -> (String, Vec<(String, String)>, Vec<u8>) {
    let body = format!(
        "{{\"code\":\"fault_proxy\",\"message\":\"Injected by the test fault proxy\",\"data\":{{\"status\":{status}}}}}"
    )
    .into_bytes();
    let mut headers = vec![("Content-Type".to_string(), "application/json; charset=UTF-8".to_string())];
    headers.extend(extra);
    (format!("HTTP/1.1 {status} {}", reason(status)), headers, body)
}

fn serve_connection(shared: &Shared, client: TcpStream) -> io::Result<()> {
    if shared.stopping.load(Ordering::SeqCst) {
        return Ok(());
    }
    let _ = client.set_nodelay(true);
    let mut w = client.try_clone()?;
    let mut r = BufReader::new(client);
    loop {
        let Some(req) = read_request(&mut r, &mut w)? else { return Ok(()) };
        let started = Instant::now();
        let fault = take_fault(shared, &req.method, &req.target);
        let mut entry = LoggedRequest {
            method: req.method.clone(),
            path: req.target.clone(),
            request_bytes: req.wire_bytes,
            response_status: None,
            response_bytes: 0,
            upstream_status: None,
            fault: fault.as_ref().map(|f| format!("{f:?}")),
            elapsed: Duration::ZERO,
        };
        let keep_alive = shared.keep_alive.load(Ordering::SeqCst) && req.client_keep_alive;
        let head_only = req.method.eq_ignore_ascii_case("HEAD");
        let log = |mut e: LoggedRequest| {
            e.elapsed = started.elapsed();
            lock(&shared.log).push(e);
        };
        let (out, keep_alive) = match fault {
            Some(Fault::Reset) => {
                log(entry);
                reset(r.into_inner());
                drop(w);
                return Ok(());
            }
            Some(Fault::Timeout(d)) => {
                log(entry);
                let until = Instant::now() + d;
                while Instant::now() < until && !shared.stopping.load(Ordering::SeqCst) {
                    std::thread::sleep((until - Instant::now()).min(Duration::from_millis(50)));
                }
                let _ = w.shutdown(Shutdown::Both);
                return Ok(());
            }
            Some(Fault::DropResponse) => {
                // The upstream does the work; its whole answer is read and thrown away.
                entry.upstream_status = forward(shared, &req).ok().map(|u| u.status);
                log(entry);
                let _ = w.shutdown(Shutdown::Both);
                return Ok(());
            }
            Some(Fault::Status(status)) => {
                let (line, headers, body) = injected(status, vec![]);
                entry.response_status = Some(status);
                (answer(&line, &headers, &body, head_only, keep_alive), keep_alive)
            }
            Some(Fault::TooMany { retry_after_secs }) => {
                let (line, headers, body) =
                    injected(429, vec![("Retry-After".to_string(), retry_after_secs.to_string())]);
                entry.response_status = Some(429);
                (answer(&line, &headers, &body, head_only, keep_alive), keep_alive)
            }
            None => match forward(shared, &req) {
                Ok(up) => {
                    entry.upstream_status = Some(up.status);
                    entry.response_status = Some(up.status);
                    (answer(&up.status_line, &up.headers, &up.body, head_only, keep_alive), keep_alive)
                }
                Err(e) => {
                    // Upstream down or broken: a 502 the way a real reverse proxy would.
                    let (line, headers, _) = injected(502, vec![]);
                    let message = e.to_string();
                    let body = format!("{{\"code\":\"fault_proxy_upstream\",\"message\":{message:?}}}").into_bytes();
                    entry.response_status = Some(502);
                    (answer(&line, &headers, &body, head_only, false), false)
                }
            },
        };
        // Logged before the answer goes out: a client holding its answer finds it in the log.
        entry.response_bytes = out.len();
        log(entry);
        w.write_all(&out)?;
        w.flush()?;
        if !keep_alive {
            let _ = w.shutdown(Shutdown::Write);
            // Drain what the client may still send so that our close is a FIN, not a RST that
            // could destroy the answer in flight.
            let _ = r.get_ref().set_read_timeout(Some(Duration::from_millis(200)));
            let mut sink = [0u8; 4096];
            while matches!(r.read(&mut sink), Ok(n) if n > 0) {}
            return Ok(());
        }
    }
}

//! HTTP behind a small trait: the sync code builds requests and reads responses, and never
//! sees the client library. Tests put a fault proxy between the real client and a real site.

use std::io::Read;
use std::time::Duration;

/// Responses larger than this are refused (a post, a list page or a photo fits well inside).
pub const MAX_RESPONSE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn new(method: &'static str, url: impl Into<String>) -> Request {
        Request { method, url: url.into(), headers: Vec::new(), body: Vec::new() }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Request {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn json(self, value: &serde_json::Value) -> Request {
        let body = serde_json::to_vec(value).expect("JSON serializes");
        Request { body, ..self.header("Content-Type", "application/json; charset=utf-8") }
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Why no response came back. None of these says whether the server acted on the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetError {
    Timeout,
    /// Connection refused, reset, closed early, DNS failure…
    Connection(String),
    /// The TLS handshake or certificate failed.
    Tls(String),
}

pub trait Http: Send + Sync {
    fn send(&self, request: &Request) -> Result<Response, NetError>;
}

/// The real client: ureq (blocking) with rustls. Redirects are not followed: a POST that is
/// redirected would silently turn into a GET, so the caller reports the new address instead.
pub struct UreqHttp {
    agent: ureq::Agent,
}

impl UreqHttp {
    pub fn new(timeout: Duration) -> UreqHttp {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(timeout.min(Duration::from_secs(10)))
            .timeout(timeout)
            .redirects(0)
            .user_agent(concat!("BanThao/", env!("CARGO_PKG_VERSION")))
            .build();
        UreqHttp { agent }
    }
}

impl Default for UreqHttp {
    fn default() -> Self {
        UreqHttp::new(Duration::from_secs(30))
    }
}

impl Http for UreqHttp {
    fn send(&self, request: &Request) -> Result<Response, NetError> {
        let mut call = self.agent.request(request.method, &request.url);
        for (name, value) in &request.headers {
            call = call.set(name, value);
        }
        let result = if request.body.is_empty() && request.method == "GET" {
            call.call()
        } else {
            call.send_bytes(&request.body)
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(ureq::Error::Transport(t)) => return Err(transport_error(&t)),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .filter_map(|n| response.header(&n).map(|v| (n.clone(), v.to_string())))
            .collect();
        let mut body = Vec::new();
        response.into_reader().take(MAX_RESPONSE_BYTES).read_to_end(&mut body).map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut {
                NetError::Timeout
            } else {
                NetError::Connection(e.to_string())
            }
        })?;
        Ok(Response { status, headers, body })
    }
}

fn transport_error(t: &ureq::Transport) -> NetError {
    let text = t.to_string();
    let timed_out = text.contains("timed out") || text.contains("Timeout") || text.contains("WouldBlock");
    match t.kind() {
        _ if timed_out => NetError::Timeout,
        ureq::ErrorKind::InsecureRequestHttpsOnly => NetError::Tls(text),
        _ if text.contains("certificate") || text.contains("tls") || text.contains("TLS") => NetError::Tls(text),
        _ => NetError::Connection(text),
    }
}

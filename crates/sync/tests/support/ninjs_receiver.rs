//! A small ninjs receiver for the push tests, the way a newsroom CMS takes a Superdesk HTTP
//! push: `GET /assets/<id>` (200 or 404), `POST /assets` (multipart: `media_id`, `media`),
//! `POST /` (the ninjs JSON; one item per uri + version). It records every request in
//! order, and can be told to answer the next item POSTs with a status or to drop the
//! connection after reading one (the item is kept: a lost answer). std only.

#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// How the receiver answers the next item POST.
#[derive(Debug, Clone)]
pub enum Answer {
    Status(u16, &'static str),
    /// Reads and keeps the item, then closes the connection without a word.
    Drop,
}

#[derive(Default)]
pub struct State {
    pub requests: Vec<Recorded>,
    pub assets: HashMap<String, Vec<u8>>,
    /// Items kept, by (uri, version): a repeat of the same pair is the same item.
    pub items: Vec<serde_json::Value>,
    pub script: VecDeque<Answer>,
}

pub struct Receiver {
    pub port: u16,
    pub state: Arc<Mutex<State>>,
}

impl Receiver {
    pub fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &state);
                });
            }
        });
        Receiver { port, state }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn assets_url(&self) -> String {
        format!("http://127.0.0.1:{}/assets", self.port)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    pub fn items(&self) -> Vec<serde_json::Value> {
        self.state.lock().unwrap().items.clone()
    }

    pub fn clear_requests(&self) {
        self.state.lock().unwrap().requests.clear();
    }

    pub fn then(&self, answer: Answer) {
        self.state.lock().unwrap().script.push_back(answer);
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let len = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0usize);
    let mut body = vec![0; len];
    reader.read_exact(&mut body)?;
    let request = Recorded { method, path, headers, body };
    let (status, text) = {
        let mut s = state.lock().unwrap();
        s.requests.push(request.clone());
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", p) if p.starts_with("/assets/") => {
                if s.assets.contains_key(&p["/assets/".len()..]) {
                    (200, "{}".to_string())
                } else {
                    (404, "{\"error\": \"not found\"}".to_string())
                }
            }
            ("POST", "/assets") => match multipart(&request) {
                Some((id, bytes)) => {
                    s.assets.insert(id, bytes);
                    (201, "{}".to_string())
                }
                None => (400, "bad multipart".to_string()),
            },
            ("POST", "/") => {
                let answer = s.script.pop_front().unwrap_or(Answer::Status(201, "{}"));
                let keep = |s: &mut State| {
                    let item: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
                    if !s.items.iter().any(|i| i["uri"] == item["uri"] && i["version"] == item["version"]) {
                        s.items.push(item);
                    }
                };
                match answer {
                    Answer::Drop => {
                        keep(&mut s);
                        drop(s);
                        return stream.shutdown(std::net::Shutdown::Both);
                    }
                    Answer::Status(code, text) => {
                        if (200..300).contains(&code) {
                            keep(&mut s);
                        }
                        (code, text.to_string())
                    }
                }
            }
            ("GET", "/") => (405, "POST only".to_string()),
            _ => (404, "no such route".to_string()),
        }
    };
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )?;
    out.flush()
}

/// The `media_id` field and the `media` file of a multipart body.
fn multipart(request: &Recorded) -> Option<(String, Vec<u8>)> {
    let boundary = request.header("content-type")?.split("boundary=").nth(1)?.to_string();
    let delimiter = format!("--{boundary}");
    let body = &request.body;
    let mut parts = Vec::new();
    let mut at = find(body, delimiter.as_bytes(), 0)?;
    loop {
        let start = at + delimiter.len();
        if body[start..].starts_with(b"--") {
            break;
        }
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), start)?;
        parts.push(&body[start + 2..next]);
        at = next + 2;
    }
    let (mut id, mut media) = (None, None);
    for part in parts {
        let split = find(part, b"\r\n\r\n", 0)?;
        let head = String::from_utf8_lossy(&part[..split]).to_string();
        let content = part[split + 4..].to_vec();
        if head.contains("name=\"media_id\"") {
            id = Some(String::from_utf8(content).ok()?);
        } else if head.contains("name=\"media\"") {
            media = Some(content);
        }
    }
    Some((id?, media?))
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

//! HTTP/1.1 on the wire for the fault proxy: reading a client's request (headers, chunked or
//! sized bodies, counting the bytes), and writing an answer re-framed with a Content-Length.
//! std only; just what the proxy needs, not a general HTTP implementation.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;

pub(super) struct Request {
    pub(super) method: String,
    pub(super) target: String,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
    pub(super) wire_bytes: usize,
    /// The client's wish (Connection header / HTTP version).
    pub(super) client_keep_alive: bool,
}

pub(super) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

pub(super) fn has_token(value: Option<&str>, token: &str) -> bool {
    value.is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
}

pub(super) fn bad(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Reads one CRLF- (or LF-) terminated line, counting its bytes. None at a clean EOF.
pub(super) fn read_line(r: &mut impl BufRead, count: &mut usize) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    let n = r.take(64 * 1024).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    *count += n;
    if buf.last() != Some(&b'\n') {
        return Err(bad("line too long or connection closed mid-line"));
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    String::from_utf8(buf).map(Some).map_err(|_| bad("non-UTF-8 header line"))
}

pub(super) fn read_headers(r: &mut impl BufRead, count: &mut usize) -> io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    loop {
        let line = read_line(r, count)?.ok_or_else(|| bad("EOF in headers"))?;
        if line.is_empty() {
            return Ok(headers);
        }
        let (k, v) = line.split_once(':').ok_or_else(|| bad(format!("bad header line {line:?}")))?;
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
}

/// Decodes a chunked body (and skips the trailers), counting the wire bytes.
pub(super) fn read_chunked(r: &mut impl BufRead, count: &mut usize) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line = read_line(r, count)?.ok_or_else(|| bad("EOF in chunked body"))?;
        let size = usize::from_str_radix(line.split(';').next().unwrap().trim(), 16)
            .map_err(|_| bad(format!("bad chunk size {line:?}")))?;
        if size == 0 {
            read_headers(r, count)?; // trailers, up to the empty line
            return Ok(body);
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..])?;
        *count += size;
        let end = read_line(r, count)?.ok_or_else(|| bad("EOF after chunk"))?;
        if !end.is_empty() {
            return Err(bad("chunk not followed by CRLF"));
        }
    }
}

pub(super) fn read_exact_counted(r: &mut impl Read, n: usize, count: &mut usize) -> io::Result<Vec<u8>> {
    let mut body = vec![0; n];
    r.read_exact(&mut body)?;
    *count += n;
    Ok(body)
}

/// Reads the next request from the client. None when the client closed the connection cleanly
/// between requests. Answers `Expect: 100-continue` itself (the header is not forwarded).
pub(super) fn read_request(r: &mut BufReader<TcpStream>, w: &mut TcpStream) -> io::Result<Option<Request>> {
    let mut count = 0;
    let line = loop {
        match read_line(r, &mut count)? {
            None => return Ok(None),
            Some(l) if l.is_empty() => continue, // tolerated stray CRLF between requests
            Some(l) => break l,
        }
    };
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad(format!("bad request line {line:?}")));
    };
    let (method, mut target, version) = (method.to_string(), target.to_string(), version.to_string());
    // Absolute form (a client configured to use us as a proxy): keep the origin form.
    if let Some(rest) = target.strip_prefix("http://").or_else(|| target.strip_prefix("https://")) {
        target = rest.find('/').map(|i| rest[i..].to_string()).unwrap_or_else(|| "/".into());
    }
    let headers = read_headers(r, &mut count)?;
    if has_token(header(&headers, "expect"), "100-continue") {
        w.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let body = if has_token(header(&headers, "transfer-encoding"), "chunked") {
        read_chunked(r, &mut count)?
    } else if let Some(len) = header(&headers, "content-length") {
        let len: usize = len.parse().map_err(|_| bad(format!("bad Content-Length {len:?}")))?;
        read_exact_counted(r, len, &mut count)?
    } else {
        Vec::new()
    };
    let conn = header(&headers, "connection");
    let client_keep_alive = if version.eq_ignore_ascii_case("HTTP/1.0") {
        has_token(conn, "keep-alive")
    } else {
        !has_token(conn, "close")
    };
    Ok(Some(Request { method, target, headers, body, wire_bytes: count, client_keep_alive }))
}

pub(super) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fault for this request, if a rule matches (and uses up one of its times).
pub(super) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Injected",
    }
}

/// The bytes of an answer to the client, re-framed with a Content-Length.
pub(super) fn answer(
    status_line: &str,
    headers: &[(String, String)],
    body: &[u8],
    head_only: bool,
    keep_alive: bool,
) -> Vec<u8> {
    let mut head = format!("{status_line}\r\n");
    for (k, v) in headers {
        let skip = ["connection", "keep-alive", "transfer-encoding", "content-length"]
            .iter()
            .any(|h| k.eq_ignore_ascii_case(h));
        if !skip {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    if head_only {
        // A HEAD answer keeps the length the upstream announced, if any.
        if let Some(len) = header(headers, "content-length") {
            head.push_str(&format!("Content-Length: {len}\r\n"));
        }
    } else {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str(if keep_alive { "Connection: keep-alive\r\n\r\n" } else { "Connection: close\r\n\r\n" });
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(body);
    }
    out
}

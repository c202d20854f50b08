//! The WordPress REST calls sync needs, and how each answer is read. Authentication is HTTP
//! Basic with an Application Password; the header is built here and never logged.

use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{SyncError, SyncResult};
use crate::http::{Http, Request, Response};

pub struct WpClient<'a> {
    http: &'a dyn Http,
    site: String,
    auth: String,
    /// The site has no pretty permalinks: `/?rest_route=` instead of `/wp-json`.
    plain_routes: AtomicBool,
}

/// A post as sync reads it (`context=edit`: raw fields).
#[derive(Debug, Clone, PartialEq)]
pub struct RemotePost {
    pub id: i64,
    pub link: String,
    pub status: String,
    pub modified_gmt: String,
    /// The newest revision's id (`_links.predecessor-version`), when the site reports it.
    pub revision: Option<i64>,
    pub title: String,
    pub content: String,
    pub excerpt: String,
    pub slug: String,
    pub date_gmt: Option<String>,
    pub categories: Vec<i64>,
    pub tags: Vec<i64>,
    pub featured_media: i64,
    pub author: i64,
}

impl RemotePost {
    pub fn from_json(v: &Value) -> SyncResult<RemotePost> {
        let raw =
            |k: &str| v.get(k).and_then(|f| f.get("raw").or(Some(f))).and_then(Value::as_str).unwrap_or("").to_string();
        let ids = |k: &str| {
            v.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_i64).collect()).unwrap_or_default()
        };
        let id =
            v.get("id").and_then(Value::as_i64).ok_or_else(|| SyncError::BadAnswer("a post without an id".into()))?;
        let slug = match v.get("slug").and_then(Value::as_str).unwrap_or("") {
            "" => v.get("generated_slug").and_then(Value::as_str).unwrap_or("").to_string(),
            s => s.to_string(),
        };
        Ok(RemotePost {
            id,
            link: v.get("link").and_then(Value::as_str).unwrap_or("").to_string(),
            status: v.get("status").and_then(Value::as_str).unwrap_or("").to_string(),
            modified_gmt: v.get("modified_gmt").and_then(Value::as_str).unwrap_or("").to_string(),
            revision: v.pointer("/_links/predecessor-version/0/id").and_then(Value::as_i64),
            title: raw("title"),
            content: raw("content"),
            excerpt: raw("excerpt"),
            slug,
            date_gmt: v.get("date_gmt").and_then(Value::as_str).map(str::to_string),
            categories: ids("categories"),
            tags: ids("tags"),
            featured_media: v.get("featured_media").and_then(Value::as_i64).unwrap_or(0),
            author: v.get("author").and_then(Value::as_i64).unwrap_or(0),
        })
    }
}

/// A media item as sync reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteMediaItem {
    pub id: i64,
    pub source_url: String,
    pub alt_text: String,
    pub caption: String,
    pub description: String,
    pub mime_type: String,
}

impl RemoteMediaItem {
    fn from_json(v: &Value) -> Option<RemoteMediaItem> {
        let raw =
            |k: &str| v.get(k).and_then(|f| f.get("raw").or(Some(f))).and_then(Value::as_str).unwrap_or("").to_string();
        Some(RemoteMediaItem {
            id: v.get("id")?.as_i64()?,
            source_url: v.get("source_url").and_then(Value::as_str).unwrap_or("").to_string(),
            alt_text: v.get("alt_text").and_then(Value::as_str).unwrap_or("").to_string(),
            caption: raw("caption"),
            description: raw("description"),
            mime_type: v.get("mime_type").and_then(Value::as_str).unwrap_or("").to_string(),
        })
    }
}

/// Reads an answer: 2xx as JSON, everything else as the error it means.
pub fn read(response: Response) -> SyncResult<Value> {
    let status = response.status;
    if (200..300).contains(&status) {
        return response.json().ok_or_else(|| SyncError::BadAnswer(format!("HTTP {status} without JSON")));
    }
    Err(error_for(&response))
}

pub fn error_for(response: &Response) -> SyncError {
    let status = response.status;
    let body = response.json();
    let code = body.as_ref().and_then(|b| b.get("code")).and_then(Value::as_str).unwrap_or("").to_string();
    let message = body.as_ref().and_then(|b| b.get("message")).and_then(Value::as_str).unwrap_or("").to_string();
    if let Some(error) = crate::error::redirect_or_passing(response) {
        return error;
    }
    match status {
        401 if code == "rest_not_logged_in" || code.starts_with("incorrect_password") || code == "invalid_username" => {
            SyncError::Auth
        }
        401 | 403 if code.is_empty() => SyncError::Auth,
        404 | 410 if body.is_none() || code == "rest_no_route" => SyncError::NotWordpress { status },
        _ => SyncError::Refused {
            status,
            code: if code.is_empty() { "-".into() } else { code },
            message: clip(&message),
        },
    }
}

/// A server's message, short and without markup.
fn clip(message: &str) -> String {
    let plain: String = message.chars().filter(|c| *c != '<' && *c != '>').take(300).collect();
    plain.trim().to_string()
}

impl<'a> WpClient<'a> {
    pub fn new(http: &'a dyn Http, site: &str, user: &str, password: &str) -> WpClient<'a> {
        let auth = format!("Basic {}", base64(format!("{user}:{password}").as_bytes()));
        WpClient { http, site: site.trim_end_matches('/').to_string(), auth, plain_routes: AtomicBool::new(false) }
    }

    /// `route` like `/wp/v2/posts/5`, `query` like `context=edit&per_page=1`.
    fn url(&self, route: &str, query: &str) -> String {
        if self.plain_routes.load(Ordering::Relaxed) {
            let q = if query.is_empty() { String::new() } else { format!("&{query}") };
            format!("{}/?rest_route={}{q}", self.site, route)
        } else {
            let q = if query.is_empty() { String::new() } else { format!("?{query}") };
            format!("{}/wp-json{route}{q}", self.site)
        }
    }

    /// Sends a request to a route; on a site without pretty permalinks (`/wp-json` is a 404
    /// page, not JSON) switches to `?rest_route=` once and asks again.
    pub fn call(
        &self,
        method: &'static str,
        route: &str,
        query: &str,
        build: impl Fn(Request) -> Request,
    ) -> SyncResult<Response> {
        let send = |url: String| {
            let request = build(Request::new(method, url).header("Authorization", self.auth.clone()));
            self.http.send(&request).map_err(SyncError::Net)
        };
        let response = send(self.url(route, query))?;
        let not_api = response.status == 404 && response.json().is_none();
        if not_api && !self.plain_routes.swap(true, Ordering::Relaxed) {
            return send(self.url(route, query));
        }
        Ok(response)
    }

    fn get(&self, route: &str, query: &str) -> SyncResult<Value> {
        read(self.call("GET", route, query, |r| r)?)
    }

    fn post_json(&self, route: &str, body: &Value) -> SyncResult<Value> {
        read(self.call("POST", route, "", |r| r.json(body))?)
    }

    /// `GET /users/me`: the only call that tells a wrong application password (WordPress
    /// treats one as an anonymous request).
    pub fn check_credentials(&self) -> SyncResult<Value> {
        let response = self.call("GET", "/wp/v2/users/me", "context=edit", |r| r)?;
        if response.status == 200 && response.json().is_none() {
            return Err(SyncError::NotWordpress { status: 200 });
        }
        read(response)
    }

    pub fn get_post(&self, id: i64) -> SyncResult<RemotePost> {
        RemotePost::from_json(&self.get(&format!("/wp/v2/posts/{id}"), "context=edit")?)
    }

    /// The post carrying `marker` in its content, in any status but the trash.
    pub fn find_post_by_marker(&self, marker: &str) -> SyncResult<Option<RemotePost>> {
        let query = format!(
            "context=edit&per_page=20&status=draft,pending,future,publish,private&search={}",
            percent_encode(marker)
        );
        let found = self.get("/wp/v2/posts", &query)?;
        let posts = found.as_array().cloned().unwrap_or_default();
        for p in posts {
            let post = RemotePost::from_json(&p)?;
            if post.content.contains(marker) {
                return Ok(Some(post));
            }
        }
        Ok(None)
    }

    pub fn create_post(&self, body: &Value) -> SyncResult<RemotePost> {
        let response = self.call("POST", "/wp/v2/posts", "context=edit", |r| r.json(body))?;
        RemotePost::from_json(&read(response)?)
    }

    pub fn update_post(&self, id: i64, body: &Value) -> SyncResult<RemotePost> {
        let response = self.call("POST", &format!("/wp/v2/posts/{id}"), "context=edit", |r| r.json(body))?;
        RemotePost::from_json(&read(response)?)
    }

    /// Posts for review: `statuses` like `pending,draft`, newest first, one page of 100.
    pub fn list_posts(&self, statuses: &str, extra: &str, page: u32) -> SyncResult<(Vec<RemotePost>, u32)> {
        let query = format!("context=edit&per_page=100&page={page}&status={statuses}&orderby=modified{extra}");
        let response = self.call("GET", "/wp/v2/posts", &query, |r| r)?;
        let pages = response.header("x-wp-totalpages").and_then(|v| v.parse().ok()).unwrap_or(1);
        let list = read(response)?;
        let posts = list
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(RemotePost::from_json)
            .collect::<SyncResult<_>>()?;
        Ok((posts, pages))
    }

    pub fn get_media(&self, id: i64) -> SyncResult<Option<RemoteMediaItem>> {
        match self.get(&format!("/wp/v2/media/{id}"), "context=edit") {
            Ok(v) => Ok(RemoteMediaItem::from_json(&v)),
            Err(SyncError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The media item whose description carries `marker` (a photo we uploaded before, whose
    /// answer may have been lost).
    pub fn find_media_by_marker(&self, marker: &str) -> SyncResult<Option<RemoteMediaItem>> {
        let found = self.get("/wp/v2/media", &format!("context=edit&per_page=20&search={}", percent_encode(marker)))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(RemoteMediaItem::from_json)
            .find(|m| m.description.contains(marker)))
    }

    /// One multipart request: the file and its caption, alt text, title and description.
    pub fn upload_media(
        &self,
        file_name: &str,
        mime: &str,
        bytes: &[u8],
        fields: &[(&str, &str)],
    ) -> SyncResult<RemoteMediaItem> {
        let boundary = format!("banthao-{:016x}", fxhash(bytes) ^ bytes.len() as u64);
        let mut body = Vec::with_capacity(bytes.len() + 1024);
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(value.as_bytes());
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {mime}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        let response = self.call("POST", "/wp/v2/media", "context=edit", move |r| {
            let mut r = r.header("Content-Type", content_type.clone());
            r.body = body.clone();
            r
        })?;
        RemoteMediaItem::from_json(&read(response)?).ok_or_else(|| SyncError::BadAnswer("media without an id".into()))
    }

    pub fn update_media(&self, id: i64, body: &Value) -> SyncResult<()> {
        self.post_json(&format!("/wp/v2/media/{id}"), body).map(|_| ())
    }

    /// The id of the category or tag named exactly `name`, if the site has one.
    pub fn find_term(&self, taxonomy: &str, name: &str) -> SyncResult<Option<i64>> {
        let found =
            self.get(&format!("/wp/v2/{taxonomy}"), &format!("per_page=100&search={}", percent_encode(name)))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .find(|v| v.get("name").and_then(Value::as_str).is_some_and(|n| html_unescape(n) == name))
            .and_then(|v| v.get("id")?.as_i64()))
    }

    /// A user's id by login name (slug) or display name.
    pub fn user_id(&self, name: &str) -> SyncResult<i64> {
        let found = self.get("/wp/v2/users", &format!("per_page=100&search={}", percent_encode(name)))?;
        found
            .as_array()
            .into_iter()
            .flatten()
            .find(|u| {
                [u.get("slug"), u.get("name")]
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .any(|n| n.eq_ignore_ascii_case(name))
            })
            .and_then(|u| u.get("id")?.as_i64())
            .ok_or_else(|| {
                SyncError::Local(
                    format!("Trang không có người dùng “{name}”."),
                    banthao_core::ErrorCode::NotFound,
                    format!("The site has no user '{name}'."),
                )
            })
    }

    /// The id of the category or tag named `name`, created when missing. A create of a term
    /// that exists answers `term_exists` with its id.
    pub fn ensure_term(&self, taxonomy: &str, name: &str) -> SyncResult<i64> {
        if let Some(id) = self.find_term(taxonomy, name)? {
            return Ok(id);
        }
        match self.post_json(&format!("/wp/v2/{taxonomy}"), &json!({ "name": name })) {
            Ok(v) => {
                v.get("id").and_then(Value::as_i64).ok_or_else(|| SyncError::BadAnswer("a term without an id".into()))
            }
            Err(SyncError::Refused { code, .. }) if code == "term_exists" => {
                // Asked again for the id the refusal carries in `data.term_id`.
                let response =
                    self.call("POST", &format!("/wp/v2/{taxonomy}"), "", |r| r.json(&json!({ "name": name })))?;
                response
                    .json()
                    .and_then(|b| b.pointer("/data/term_id").and_then(Value::as_i64))
                    .ok_or_else(|| SyncError::BadAnswer("term_exists without term_id".into()))
            }
            Err(SyncError::Refused { status: 401 | 403, .. }) => {
                let (vi_kind, en_kind) =
                    if taxonomy == "categories" { ("chuyên mục", "category") } else { ("từ khóa", "tag") };
                Err(SyncError::Refused {
                    status: 403,
                    code: "rest_cannot_create".into(),
                    message: format!(
                        "{vi_kind} “{name}” chưa có trên trang và tài khoản này không được tạo mới / the {en_kind} '{name}' \
                         does not exist on the site and this account may not create it"
                    ),
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Names of categories or tags by id.
    pub fn term_names(&self, taxonomy: &str, ids: &[i64]) -> SyncResult<Vec<(i64, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let include = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let found =
            self.get(&format!("/wp/v2/{taxonomy}"), &format!("per_page=100&include={include}&_fields=id,name"))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| Some((v.get("id")?.as_i64()?, html_unescape(v.get("name")?.as_str()?))))
            .collect())
    }

    /// A file the site serves (a pulled image), with the same authentication.
    pub fn download(&self, url: &str, max_bytes: usize) -> SyncResult<Vec<u8>> {
        let request = Request::new("GET", url).header("Authorization", self.auth.clone());
        let response = self.http.send(&request).map_err(SyncError::Net)?;
        if !(200..300).contains(&response.status) {
            return Err(error_for(&response));
        }
        if response.body.len() > max_bytes {
            return Err(SyncError::BadAnswer(format!("a file of {} bytes", response.body.len())));
        }
        Ok(response.body)
    }

    pub fn site(&self) -> &str {
        &self.site
    }
}

/// WordPress answers term names HTML-escaped (`&amp;`).
pub fn html_unescape(s: &str) -> String {
    s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#039;", "'")
}

pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn fxhash(bytes: &[u8]) -> u64 {
    bytes.iter().step_by(97).fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

pub fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"admin:abcd efgh"), "YWRtaW46YWJjZCBlZmdo");
    }

    #[test]
    fn errors_from_answers() {
        let answer = |status, body: &str, headers: Vec<(String, String)>| Response {
            status,
            headers,
            body: body.as_bytes().to_vec(),
        };
        assert_eq!(error_for(&answer(401, r#"{"code":"rest_not_logged_in","message":"x"}"#, vec![])), SyncError::Auth);
        assert_eq!(
            error_for(&answer(429, "", vec![("Retry-After".into(), "7".into())])),
            SyncError::Unavailable { status: 429, retry_after: Some(std::time::Duration::from_secs(7)) }
        );
        assert!(matches!(error_for(&answer(404, "<html>", vec![])), SyncError::NotWordpress { status: 404 }));
        assert!(matches!(
            error_for(&answer(
                400,
                r#"{"code":"rest_invalid_param","message":"Invalid parameter(s): status"}"#,
                vec![]
            )),
            SyncError::Refused { status: 400, .. }
        ));
        assert!(error_for(&answer(503, "", vec![])).retry().is_some());
        assert!(SyncError::Auth.retry().is_none());
    }
}

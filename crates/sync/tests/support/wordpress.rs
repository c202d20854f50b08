//! The real WordPress the integration tests run against, as started by
//! `scripts/wordpress/start.sh` (through `scripts/wordpress/with-wordpress.sh`, which `make test`
//! uses), plus small helpers to INSPECT and change the site independently of the code under
//! test. They use `curl` as a subprocess (installed by scripts/wordpress/install.sh) so that a bug
//! in the sync's own HTTP client cannot hide itself. Credentials reach curl on stdin (`-K -`),
//! never in its argv.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const HOW: &str = "run through scripts/wordpress/with-wordpress.sh (make test does)";

#[derive(Clone)]
pub struct TestSite {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
    pub admin_user: String,
    pub admin_password: String,
    /// An Author (the role a reporter usually has): no `unfiltered_html`, cannot create terms.
    pub author_user: String,
    pub author_password: String,
    /// Where start.sh keeps the site's state (logs: php.log, mariadb.err), when known.
    pub state_dir: Option<PathBuf>,
}

impl std::fmt::Debug for TestSite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestSite")
            .field("url", &self.url)
            .field("admin_user", &self.admin_user)
            .field("author_user", &self.author_user)
            .field("state_dir", &self.state_dir)
            .finish_non_exhaustive()
    }
}

/// Who a request is made as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum As {
    Admin,
    Author,
    Anonymous,
}

impl TestSite {
    /// The site from the environment written by start.sh (`BANTHAO_WP_URL`,
    /// `BANTHAO_WP_{ADMIN,AUTHOR}_{USER,PASSWORD}`). Panics with how to get it when missing.
    pub fn from_env() -> TestSite {
        let var = |name: &str| match std::env::var(name) {
            Ok(v) if !v.is_empty() => v,
            _ => panic!("{name} is not set: these tests need the test WordPress; {HOW}"),
        };
        TestSite {
            url: var("BANTHAO_WP_URL").trim_end_matches('/').to_string(),
            admin_user: var("BANTHAO_WP_ADMIN_USER"),
            admin_password: var("BANTHAO_WP_ADMIN_PASSWORD"),
            author_user: var("BANTHAO_WP_AUTHOR_USER"),
            author_password: var("BANTHAO_WP_AUTHOR_PASSWORD"),
            state_dir: std::env::var_os("BANTHAO_WP_STATE_DIR").map(PathBuf::from),
        }
    }

    /// The site's socket address (what a `FaultProxy` forwards to).
    pub fn addr(&self) -> SocketAddr {
        let hostport = self.url.strip_prefix("http://").unwrap_or(&self.url);
        let hostport = hostport.split('/').next().unwrap();
        hostport.parse().unwrap_or_else(|_| panic!("BANTHAO_WP_URL {:?} is not http://IP:PORT; {HOW}", self.url))
    }

    /// The full URL of a REST path: "/wp/v2/posts" → "{url}/wp-json/wp/v2/posts". Paths that
    /// already name a file of the site ("/wp-json/…", "/wp-cron.php", "/wp-content/…") or the
    /// `/?rest_route=` form are kept as they are.
    pub fn rest_url(&self, path: &str) -> String {
        if path.starts_with("/wp-json/") || path.starts_with("/wp-") || path.starts_with("/?") {
            format!("{}{path}", self.url)
        } else {
            format!("{}/wp-json{path}", self.url)
        }
    }

    /// One request with curl: `(status, parsed JSON body or Value::Null)`. `path` as for
    /// `rest_url`. Never panics on an HTTP error status; panics if curl cannot run or the site
    /// cannot be reached.
    pub fn request_as(&self, who: As, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let (status, bytes) = self.raw_request(who, method, path, body);
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        (status, value)
    }

    /// `request_as(As::Admin, …)`.
    pub fn request(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        self.request_as(As::Admin, method, path, body)
    }

    /// GET as the administrator; panics unless 2xx. For the item and collection routes of
    /// posts, pages, media, terms, users and comments, `context=edit` is added when the path
    /// names no context, so raw fields (`content.raw`, `title.raw`, `generated_slug`) are there.
    pub fn get_json(&self, path: &str) -> Value {
        let path = with_edit_context(path);
        let (status, value) = self.request("GET", &path, None);
        assert!((200..300).contains(&status), "GET {path} as admin answered {status}: {value}");
        value
    }

    /// Creates a post as the administrator (`json` as for POST /wp/v2/posts); the post's JSON.
    pub fn create_post(&self, json: &Value) -> Value {
        let (status, value) = self.request("POST", "/wp/v2/posts", Some(json));
        assert_eq!(status, 201, "POST /wp/v2/posts as admin: {value}");
        value
    }

    /// Changes a post as the administrator ("someone edited it on the site"); the post's JSON
    /// (`context=edit`).
    pub fn update_post(&self, id: i64, json: &Value) -> Value {
        let path = format!("/wp/v2/posts/{id}?context=edit");
        let (status, value) = self.request("POST", &path, Some(json));
        assert_eq!(status, 200, "POST {path} as admin: {value}");
        value
    }

    /// Trashes (`force` false) or deletes for good (`force` true) a post as the administrator.
    pub fn delete_post(&self, id: i64, force: bool) -> Value {
        let path = format!("/wp/v2/posts/{id}?force={force}");
        let (status, value) = self.request("DELETE", &path, None);
        assert_eq!(status, 200, "DELETE {path} as admin: {value}");
        value
    }

    /// The id of the category `name`, created if missing (authors cannot create terms, so tests
    /// that send as an Author make theirs this way first).
    pub fn ensure_category(&self, name: &str) -> i64 {
        let (status, value) = self.request("POST", "/wp/v2/categories", Some(&json!({ "name": name })));
        match status {
            201 => value["id"].as_i64().expect("a category id"),
            400 if value["code"] == "term_exists" => value["data"]["term_id"].as_i64().expect("data.term_id"),
            _ => panic!("creating category {name:?}: {status} {value}"),
        }
    }

    /// Runs WordPress's scheduler once (the site has DISABLE_WP_CRON: scheduled posts are
    /// published only when /wp-cron.php is requested).
    pub fn run_cron(&self) {
        let (status, _) = self.raw_request(As::Anonymous, "GET", "/wp-cron.php?doing_wp_cron", None);
        assert_eq!(status, 200, "GET /wp-cron.php");
    }

    /// How many posts (draft, pending, future, publish, private; not trash) really contain
    /// `marker` in their raw content. WordPress's search is a substring match that also sees
    /// HTML comments, so a client-side marker is found; the content check weeds out search's
    /// looser matches (title, excerpt).
    pub fn count_posts_with(&self, marker: &str) -> usize {
        let base = format!(
            "/wp/v2/posts?search={}&status=draft,pending,future,publish,private&context=edit&per_page=100",
            encode(marker)
        );
        self.search_all(&base)
            .iter()
            .filter(|p| p["content"]["raw"].as_str().is_some_and(|c| c.contains(marker)))
            .count()
    }

    /// How many media items carry `marker` in their description (`description.raw`).
    pub fn count_media_with(&self, marker: &str) -> usize {
        let base = format!("/wp/v2/media?search={}&context=edit&per_page=100", encode(marker));
        self.search_all(&base)
            .iter()
            .filter(|m| m["description"]["raw"].as_str().is_some_and(|c| c.contains(marker)))
            .count()
    }

    /// Every item of a collection query (all pages), as the administrator.
    pub fn search_all(&self, path: &str) -> Vec<Value> {
        let mut all = Vec::new();
        for page in 1.. {
            let (status, value) = self.request("GET", &format!("{path}&page={page}"), None);
            if status == 400 && value["code"] == "rest_post_invalid_page_number" {
                break; // exactly a multiple of per_page
            }
            assert_eq!(status, 200, "GET {path}&page={page} as admin: {value}");
            let items = value.as_array().unwrap_or_else(|| panic!("not a list: {value}"));
            let n = items.len();
            all.extend(items.iter().cloned());
            if n < 100 {
                break;
            }
        }
        all
    }

    fn credentials(&self, who: As) -> Option<(&str, &str)> {
        match who {
            As::Admin => Some((&self.admin_user, &self.admin_password)),
            As::Author => Some((&self.author_user, &self.author_password)),
            As::Anonymous => None,
        }
    }

    fn raw_request(&self, who: As, method: &str, path: &str, body: Option<&Value>) -> (u16, Vec<u8>) {
        let url = self.rest_url(path);
        // curl's config on stdin: the credentials never appear in a process listing.
        let mut config = String::new();
        if let Some((user, password)) = self.credentials(who) {
            config.push_str(&format!("user = \"{}:{}\"\n", quote(user), quote(password)));
        }
        let body_file = body.map(|b| {
            let mut f = tempfile::NamedTempFile::new().expect("a temp file for the request body");
            f.write_all(serde_json::to_string(b).unwrap().as_bytes()).unwrap();
            f.flush().unwrap();
            f
        });
        let mut cmd = Command::new("curl");
        cmd.args(["--silent", "--show-error", "--globoff", "--max-time", "120", "-K", "-", "-X", method]);
        cmd.args(["-H", "Accept: application/json", "--write-out", "\n%{http_code}"]);
        if let Some(f) = &body_file {
            cmd.args(["-H", "Content-Type: application/json; charset=utf-8", "--data-binary"]);
            cmd.arg(format!("@{}", f.path().display()));
        }
        cmd.arg(&url).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot run curl ({e}); {HOW}"));
        child.stdin.take().unwrap().write_all(config.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "curl {method} {url}: {} (is the test WordPress up? {HOW})",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        let mut stdout = out.stdout;
        let cut = stdout.iter().rposition(|&b| b == b'\n').expect("curl's --write-out status");
        let status = std::str::from_utf8(&stdout[cut + 1..]).unwrap().trim().parse().expect("an HTTP status");
        stdout.truncate(cut);
        (status, stdout)
    }
}

/// Backslash-escapes for a double-quoted value in a curl config file.
fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Adds `context=edit` to GETs of the core content routes when the path names no context.
fn with_edit_context(path: &str) -> String {
    let route = path.split('?').next().unwrap();
    let route = route.strip_prefix("/wp-json").unwrap_or(route);
    let editable = ["posts", "pages", "media", "categories", "tags", "users", "comments", "blocks"]
        .iter()
        .any(|r| route.starts_with(&format!("/wp/v2/{r}")));
    if !editable || path.contains("context=") {
        return path.to_string();
    }
    format!("{path}{}context=edit", if path.contains('?') { '&' } else { '?' })
}

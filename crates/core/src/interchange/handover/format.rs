//! The handover file's entries as JSON (version 1, documented in `docs/handover-format.md`),
//! and the one rule that ties photos in a body to the file: a figure names its photo by the
//! SHA-256 of the original (`media`), never by a library's local integer id.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::article::body::{BodyDoc, PmNode};
use crate::article::model::{ArticleStatus, RevisionContent};

/// `format` in the manifest: what says "this ZIP is a handover file".
pub const FORMAT_NAME: &str = "banthao-handover";
/// The major version this reader and writer know. A file of a higher version is refused.
pub const FORMAT_VERSION: u32 = 1;

pub const MANIFEST: &str = "manifest.json";
pub const ARTICLE: &str = "article.json";
pub const HISTORY: &str = "history.json";
pub const NOTES: &str = "notes.json";
pub const SYNC: &str = "sync.json";
pub const MEDIA: &str = "media.json";
/// The JSON entries every version 1 file has, in the order they are written after the manifest.
pub const JSON_ENTRIES: [&str; 5] = [ARTICLE, HISTORY, NOTES, SYNC, MEDIA];

/// `manifest.json`: the first entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    pub created_at: String,
    pub article_uid: String,
    pub entries: Vec<ManifestEntry>,
}

/// Every other entry of the ZIP, with its size and SHA-256 (lowercase hex).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// `article.json`: the article as it is now (bodies' figures name photos by hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileArticle {
    pub uid: String,
    pub headline: String,
    pub sapo: String,
    pub body: BodyDoc,
    pub section: String,
    pub keywords: Vec<String>,
    pub byline: String,
    pub dateline: String,
    pub slug: String,
    pub slug_auto: bool,
    pub status: ArticleStatus,
    pub editor_note: String,
    /// The featured photo's hash.
    pub featured_media: Option<String>,
    pub scheduled_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub created_by: String,
    /// SHA-256 of the article's content as a revision keeps it ([`content_key`]).
    pub content_sha256: String,
}

/// `history.json`: revisions (oldest first) and workflow steps (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileHistory {
    pub revisions: Vec<FileRevision>,
    pub transitions: Vec<FileTransition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRevision {
    pub uid: String,
    /// `created`, `edited`, `restored`, `bulk_fix`, `handover`… as the library records them.
    pub reason: String,
    pub opened_at: String,
    pub created_at: String,
    pub tieng: u32,
    pub content: RevisionContent,
    /// [`content_key`] of `content`: how two libraries find the newest version they share.
    pub content_sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileTransition {
    pub uid: String,
    pub at: String,
    pub actor: String,
    pub role: String,
    pub from: ArticleStatus,
    pub to: ArticleStatus,
    pub note: String,
    pub overridden: Vec<String>,
    pub scheduled_at: Option<String>,
}

/// `notes.json`: notes and replies, oldest first (a reply after the note it answers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileNotes {
    pub notes: Vec<FileNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileNote {
    pub uid: String,
    /// The note a reply answers.
    pub parent: Option<String>,
    pub author: String,
    pub role: String,
    pub text: String,
    pub photo_request: bool,
    pub created_at: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    /// `headline`, `sapo` or `body`; none for a general note.
    pub field: Option<String>,
    pub block: Option<u32>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub quote: String,
    pub detached: bool,
}

/// `sync.json`: the article's sync base per endpoint, the endpoint named by its address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSync {
    pub bases: Vec<SyncBaseEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncBaseEntry {
    /// The site's address as the endpoint profile keeps it (`https://baomoi.example.vn`).
    pub endpoint_url: String,
    pub endpoint_kind: String,
    pub remote_id: i64,
    pub link: String,
    pub remote_modified: String,
    pub remote_revision: Option<i64>,
    /// The post as the server returned it at the last sync (the sync crate's JSON).
    pub base: String,
    pub synced_at: Option<String>,
    /// The article in the file is the version that was synced (nothing changed since).
    pub in_sync: bool,
}

/// `media.json`: every photo the article, its figures or its history show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileMediaList {
    pub photos: Vec<FileMedia>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileMedia {
    pub sha256: String,
    pub format: String,
    /// Its entry: `media/<sha256>.<format>`.
    pub path: String,
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
    pub original_name: String,
    pub caption: String,
    pub credit: String,
    pub by_line: String,
    pub copyright: String,
    pub keywords: Vec<String>,
    pub date_taken: Option<String>,
    pub camera: Option<String>,
    pub had_gps: bool,
    /// In the article's photo panel (not only in an older revision).
    pub in_panel: bool,
}

pub fn media_path(hash: &str, format: &str) -> String {
    format!("media/{hash}.{format}")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The identity of a revision's content across libraries: SHA-256 of its JSON (object keys
/// sorted) with figures naming their photos by hash.
pub fn content_key(content: &RevisionContent) -> String {
    sha256_hex(serde_json::to_string(content).expect("content serializes").as_bytes())
}

/// Calls `f` on the attributes of every figure in `node`.
fn each_figure(node: &mut PmNode, f: &mut dyn FnMut(&mut serde_json::Map<String, Value>)) {
    if node.node_type == "figure" {
        if let Some(attrs) = node.attrs.as_mut() {
            f(attrs);
        }
    }
    for child in node.content.iter_mut().flatten() {
        each_figure(child, f);
    }
}

/// The body as the file carries it: each figure's `media_id` replaced by `media` (the hash).
/// `hash_of` gives the hash of a local id; an id it does not know (a photo gone from the
/// library) becomes `missing:<id>`, which a reader refuses.
pub fn body_to_file(body: &BodyDoc, hash_of: &dyn Fn(i64) -> Option<String>) -> BodyDoc {
    let mut body = body.clone();
    each_figure(&mut body, &mut |attrs| {
        let id = attrs.remove("media_id").and_then(|v| v.as_i64()).unwrap_or(0);
        let hash = hash_of(id).unwrap_or_else(|| format!("missing:{id}"));
        attrs.insert("media".into(), Value::from(hash));
    });
    body
}

/// The body as a library keeps it: each figure's `media` (hash) replaced by the local id
/// `id_of` gives. `Err(hash)`: a figure whose photo is not known (or has no `media`).
pub fn body_from_file(body: &BodyDoc, id_of: &dyn Fn(&str) -> Option<i64>) -> Result<BodyDoc, String> {
    let mut body = body.clone();
    let mut missing = None;
    each_figure(&mut body, &mut |attrs| {
        let hash = attrs.remove("media").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        match id_of(&hash) {
            Some(id) => {
                attrs.insert("media_id".into(), Value::from(id));
            }
            None => missing = Some(hash),
        }
    });
    match missing {
        Some(hash) => Err(hash),
        None => Ok(body),
    }
}

pub fn content_to_file(content: &RevisionContent, hash_of: &dyn Fn(i64) -> Option<String>) -> RevisionContent {
    RevisionContent { body: body_to_file(&content.body, hash_of), ..content.clone() }
}

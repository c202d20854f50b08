//! IPTC ninjs 2.2: an article as a news item in JSON, for newsrooms with their own CMS
//! (the export file, and the HTTP push in `banthao-sync`). Notes, the editor's note and
//! checklist overrides never appear; all text is NFC.
//!
//! Field mapping (README "ninjs"):
//! - `uri` `urn:banthao:article:<uid>`; `version` the article's save counter; `versioncreated`
//!   the last save and `firstcreated` the creation, UTC.
//! - `pubstatus`: `usable` for Đã duyệt / Hẹn giờ / Đã đăng, `withheld` before that (Nháp,
//!   Chờ duyệt, Đang biên tập, Trả lại); `embargoed` the publication time of a Hẹn giờ article.
//! - `headlines` the tít (role `main`), `descriptions` the sapo (role `summary`), `bodies`
//!   the body as HTML (role `main`, figures point at their association by
//!   `data-association`), `by` the byline, `located` the dateline, `slugline` the slug,
//!   `subjects` the keywords (rel `keyword`) and the chuyên mục (rel `section`).
//! - `associations`: see [`pictures`].

mod pictures;

pub use pictures::{figure_look, figures, pictures, NinjsPicture, NinjsRendition};

use serde_json::{json, Map, Value};

use crate::article::model::{Article, ArticleId, ArticleStatus};
use crate::article::render::{doc_to_html_with, HtmlParts};
use crate::error::Result;
use crate::library::Library;

/// The ninjs standard this module writes, as the item's `standard` says.
pub const NINJS_VERSION: &str = "2.2";
pub const NINJS_SCHEMA: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

/// An item and the pictures it refers to (the push uploads their renditions first).
#[derive(Debug, Clone, PartialEq)]
pub struct NinjsItem {
    pub item: Value,
    pub pictures: Vec<NinjsPicture>,
}

/// The stable identity of an article in ninjs: the same for every version and library.
pub fn article_uri(uid: &str) -> String {
    format!("urn:banthao:article:{uid}")
}

/// `usable` once an editor approved the article, `withheld` before.
pub fn pubstatus(status: ArticleStatus) -> &'static str {
    match status {
        ArticleStatus::Approved | ArticleStatus::Scheduled | ArticleStatus::Published => "usable",
        ArticleStatus::Draft | ArticleStatus::Submitted | ArticleStatus::InReview | ArticleStatus::Returned => {
            "withheld"
        }
    }
}

/// A stored time as ninjs wants it: UTC, `2026-12-02T06:35:03Z` (seconds).
fn utc(stored: &str) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(stored).ok()?;
    Some(t.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A `file://` address of a library file (the export's rendition `href`s).
pub fn file_url(path: &std::path::Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The article as a ninjs 2.2 item. `href` says where each rendition can be fetched: the
/// export file uses [`file_url`] of the library's rendition, the push the receiver's asset
/// address.
pub fn to_ninjs(library: &Library, id: ArticleId, href: &dyn Fn(&NinjsRendition) -> String) -> Result<NinjsItem> {
    let article = library.get_article(id)?;
    let pictures = pictures(library, &article)?;
    let item = item(&article, &pictures, href);
    Ok(NinjsItem { item, pictures })
}

fn item(article: &Article, pictures: &[NinjsPicture], href: &dyn Fn(&NinjsRendition) -> String) -> Value {
    let mut item = Map::new();
    let mut put = |k: &str, v: Value| {
        item.insert(k.to_string(), v);
    };
    put("uri", json!(article_uri(&article.uid)));
    put("standard", json!({ "name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA }));
    put("type", json!("text"));
    put("version", json!(article.version.to_string()));
    if let Some(t) = utc(&article.created_at) {
        put("firstcreated", json!(t));
    }
    if let Some(t) = utc(&article.updated_at) {
        put("versioncreated", json!(t));
    }
    put("language", json!("vi"));
    put("pubstatus", json!(pubstatus(article.status)));
    if article.status == ArticleStatus::Scheduled {
        if let Some(t) = article.scheduled_at.as_deref().and_then(utc) {
            put("embargoed", json!(t));
        }
    }
    put("headlines", json!([{ "role": "main", "contenttype": "text/plain", "value": article.headline }]));
    if !article.sapo.is_empty() {
        put("descriptions", json!([{ "role": "summary", "contenttype": "text/plain", "value": article.sapo }]));
    }
    put("bodies", json!([{ "role": "main", "contenttype": "text/html", "value": body_html(article, pictures, href) }]));
    for (key, value) in [("by", &article.byline), ("located", &article.dateline), ("slugline", &article.slug)] {
        if !value.is_empty() {
            put(key, json!(value));
        }
    }
    let mut subjects: Vec<Value> = article.keywords.iter().map(|k| json!({ "name": k, "rel": "keyword" })).collect();
    if !article.section.is_empty() {
        subjects.push(json!({ "name": article.section, "rel": "section" }));
    }
    if !subjects.is_empty() {
        put("subjects", Value::Array(subjects));
    }
    if !pictures.is_empty() {
        put("associations", Value::Array(pictures.iter().map(|p| association(p, href)).collect()));
    }
    nfc(Value::Object(item))
}

fn association(picture: &NinjsPicture, href: &dyn Fn(&NinjsRendition) -> String) -> Value {
    let mut a = Map::new();
    a.insert("name".into(), json!(picture.name));
    a.insert("uri".into(), json!(picture.uri));
    a.insert("type".into(), json!("picture"));
    let mut descriptions = Vec::new();
    if !picture.caption.is_empty() {
        descriptions.push(json!({ "role": "caption", "contenttype": "text/plain", "value": picture.caption }));
    }
    // ninjs has no alt-text field: a description with role `alt`, as the spec leaves roles open.
    if !picture.alt.is_empty() {
        descriptions.push(json!({ "role": "alt", "contenttype": "text/plain", "value": picture.alt }));
    }
    if !descriptions.is_empty() {
        a.insert("descriptions".into(), Value::Array(descriptions));
    }
    if !picture.credit.is_empty() {
        a.insert("by".into(), json!(picture.credit));
    }
    if !picture.media.copyright.is_empty() {
        a.insert("copyrightholder".into(), json!(picture.media.copyright));
    }
    let renditions = picture
        .renditions
        .iter()
        .map(|r| {
            json!({
                "name": r.name, "href": href(r), "contenttype": r.contenttype,
                "width": r.width, "height": r.height, "sizeinbytes": r.sizeinbytes,
            })
        })
        .collect();
    a.insert("renditions".into(), Value::Array(renditions));
    Value::Object(a)
}

/// The body as HTML: figures show their web rendition and say which association they are.
fn body_html(article: &Article, pictures: &[NinjsPicture], href: &dyn Fn(&NinjsRendition) -> String) -> String {
    let figures: Vec<&NinjsPicture> = pictures.iter().filter(|p| p.name != "featureimage").collect();
    let next = std::cell::Cell::new(0usize);
    let image_src = |_id: i64, _node: &crate::PmNode| {
        let i = next.get();
        next.set(i + 1);
        figures.get(i).and_then(|p| p.renditions.first()).map(href)
    };
    let html = doc_to_html_with(&article.body, &HtmlParts { image_src: &image_src, raw_block: "" });
    // Each figure opens with `<figure data-media-id="N">` (text is escaped, so the tag cannot
    // come from the article's words): in order, they become the associations' names.
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    let mut k = 0;
    while let Some(at) = rest.find("<figure data-media-id=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('>').map_or(after.len(), |e| e + 1);
        match figures.get(k) {
            Some(p) => out.push_str(&format!("<figure data-association=\"{}\">", p.name)),
            None => out.push_str(&after[..end]),
        }
        k += 1;
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every string NFC (the library stores NFC; this keeps the promise for what it did not write).
fn nfc(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(banthao_text::to_nfc_string(&s)),
        Value::Array(a) => Value::Array(a.into_iter().map(nfc).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, nfc(v))).collect()),
        other => other,
    }
}

/// The item as the export file writes it (pretty JSON, renditions as `file://` addresses).
pub fn export_ninjs(library: &Library, id: ArticleId) -> Result<String> {
    let ninjs = to_ninjs(library, id, &|r| file_url(&r.path))?;
    Ok(serde_json::to_string_pretty(&ninjs.item).expect("JSON serializes") + "\n")
}

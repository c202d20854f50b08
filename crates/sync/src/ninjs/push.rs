//! One article to a ninjs receiver: its renditions, then the item.
//!
//! No duplicates: the item names itself (`uri` from the article's uid, `version` its save
//! counter), so a re-send after a lost answer is the same uri and version, which a receiver
//! takes as the same item (as ninjs intends). What was last delivered is recorded per article
//! and endpoint as a SHA-256 of the item without `version`/`versioncreated`: the same content
//! is not sent again, even after a save that changed nothing the item shows (a note, the
//! editor's note).

use banthao_core::interchange::ninjs::{to_ninjs, NinjsRendition};
use banthao_core::sync::Endpoint;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::assets::ensure_asset;
use super::error_for;
use super::sign::signed;
use crate::access::LibraryAccess;
use crate::error::{SyncError, SyncResult};
use crate::http::{Http, Request};
use crate::wordpress::push::{PushReport, Pushed};

/// The receiver's assets address for a profile (`<url>/assets` unless set).
pub fn assets_url(endpoint: &Endpoint) -> String {
    endpoint.assets_url.clone().unwrap_or_else(|| format!("{}/assets", endpoint.url))
}

/// What a delivered item is compared by: everything but its version stamp.
pub fn content_hash(item: &Value) -> String {
    let mut item = item.clone();
    if let Some(o) = item.as_object_mut() {
        o.remove("version");
        o.remove("versioncreated");
    }
    let digest = Sha256::digest(serde_json::to_vec(&item).expect("JSON serializes"));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Sends the article: renditions first, then the item (2xx is success).
pub fn push<A: LibraryAccess>(
    access: &A,
    http: &dyn Http,
    endpoint: &Endpoint,
    secret: Option<&str>,
    article_id: i64,
) -> SyncResult<PushReport> {
    let assets = assets_url(endpoint);
    let href = |r: &NinjsRendition| format!("{assets}/{}", r.media_id);
    let ninjs = access.with_library(|l| to_ninjs(l, article_id, &href))?;
    let item = ninjs.item;
    let version: i64 = item["version"].as_str().and_then(|v| v.parse().ok()).unwrap_or(0);
    let uri = item["uri"].as_str().unwrap_or_default().to_string();
    let hash = content_hash(&item);

    let record = access.with_library(|l| l.sync_record(article_id))?.filter(|r| r.endpoint_id == endpoint.id);
    let sent_hash = record
        .as_ref()
        .and_then(|r| r.base.as_deref())
        .and_then(|b| serde_json::from_str::<Value>(b).ok())
        .and_then(|b| b.get("sha256").and_then(Value::as_str).map(str::to_string));
    let base = json!({ "sha256": hash, "version": version.to_string() }).to_string();
    if sent_hash.as_deref() == Some(hash.as_str()) {
        access.with_library(|l| l.record_ninjs_pushed(article_id, endpoint.id, &uri, &base, version))?;
        return Ok(PushReport { outcome: Pushed::Unchanged, remote_id: None, link: Some(uri), conflicts: 0 });
    }

    let mut seen = std::collections::HashSet::new();
    for r in ninjs.pictures.iter().flat_map(|p| &p.renditions) {
        if !seen.insert(r.media_id.clone()) {
            continue;
        }
        ensure_asset(access, http, endpoint, &assets, secret, r)?;
    }

    let body = serde_json::to_vec(&item).expect("JSON serializes");
    let mut request = Request::new("POST", &endpoint.url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
    request.body = body;
    let answer = http.send(&signed(request, secret)).map_err(SyncError::Net)?;
    if !(200..300).contains(&answer.status) {
        return Err(error_for(&answer));
    }
    access.with_library(|l| l.record_ninjs_pushed(article_id, endpoint.id, &uri, &base, version))?;

    // Saved here while it was being sent: the newer version goes next.
    let now = access.with_library(|l| l.get_article(article_id))?.version;
    let outcome = if now != version {
        Pushed::Again
    } else if sent_hash.is_some() {
        Pushed::Updated
    } else {
        Pushed::Created
    };
    Ok(PushReport { outcome, remote_id: None, link: Some(uri), conflicts: 0 })
}

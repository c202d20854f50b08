//! Renditions to the receiver's assets address: `GET <assets>/<media_id>` (200: it has it,
//! 404: it does not), else `POST <assets>` as `multipart/form-data` with `media_id`,
//! `mime_type` and the file as `media` (success: 200 or 201). A rendition the library
//! recorded as delivered to this endpoint is not asked about again.

use banthao_core::interchange::ninjs::NinjsRendition;
use banthao_core::sync::{Endpoint, RemoteMedia};

use super::error_for;
use super::sign::signed;
use crate::access::LibraryAccess;
use crate::error::{SyncError, SyncResult};
use crate::http::{Http, Request};

/// What happened to one rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetSent {
    /// Recorded in the library as delivered to this endpoint: no request.
    Known,
    /// The receiver answered 200 to the check.
    AlreadyThere,
    Uploaded,
}

/// The key of a rendition in the library's `remote_media` (per endpoint, photo hash, pixels).
fn pixels(r: &NinjsRendition) -> String {
    format!("ninjs:{}", r.media_id)
}

fn photo_hash(r: &NinjsRendition) -> &str {
    r.media_id.split('-').next().unwrap_or(&r.media_id)
}

/// The multipart body Superdesk sends: the boundary is derived from the content so the same
/// rendition is always the same bytes (and the same signature).
pub fn multipart(r: &NinjsRendition, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = format!("banthao-{}", &photo_hash(r)[..photo_hash(r).len().min(24)]);
    let mut body = Vec::with_capacity(bytes.len() + 512);
    let mut field = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    };
    field("media_id", &r.media_id);
    field("mime_type", r.contenttype);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            r.media_id, r.contenttype
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Makes sure the receiver has the rendition.
pub fn ensure_asset<A: LibraryAccess>(
    access: &A,
    http: &dyn Http,
    endpoint: &Endpoint,
    assets_url: &str,
    secret: Option<&str>,
    r: &NinjsRendition,
) -> SyncResult<AssetSent> {
    let (hash, key) = (photo_hash(r).to_string(), pixels(r));
    let known = access.with_library(|l| l.remote_media(endpoint.id, &hash, &key))?;
    if known.is_some_and(|k| k.remote_id > 0) {
        return Ok(AssetSent::Known);
    }
    let href = format!("{assets_url}/{}", r.media_id);
    let check = http.send(&Request::new("GET", &href)).map_err(SyncError::Net)?;
    let sent = match check.status {
        200 => AssetSent::AlreadyThere,
        404 => {
            let bytes = std::fs::read(&r.path)
                .map_err(|e| SyncError::from(banthao_core::Error::File { path: r.path.clone(), source: e }))?;
            let (content_type, body) = multipart(r, &bytes);
            let mut request = Request::new("POST", assets_url).header("Content-Type", content_type);
            request.body = body;
            let answer = http.send(&signed(request, secret)).map_err(SyncError::Net)?;
            if !matches!(answer.status, 200 | 201) {
                return Err(error_for(&answer));
            }
            AssetSent::Uploaded
        }
        _ => return Err(error_for(&check)),
    };
    let record = RemoteMedia { remote_id: 1, url: href, meta: String::new() };
    access.with_library(|l| l.put_remote_media(endpoint.id, &hash, &key, &record))?;
    Ok(sent)
}

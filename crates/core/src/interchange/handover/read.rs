//! Reading a handover file, and checking all of it before the library is touched: a ZIP, the
//! manifest of a known version, every entry listed with a matching size and SHA-256 and no
//! entry unlisted, JSON that parses, photos whose bytes hash to their names, bodies that pass
//! the schema. Anything else is refused with a [`refusals`](super::refusals) code.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use super::format::*;
use super::refusals::{damaged, not_handover, tampered, too_new};
use crate::article::schema;
use crate::error::{Error, Result};

/// No entry of a handover file may be larger than this (a photo's own limit is lower).
const MAX_ENTRY_BYTES: u64 = 1 << 30;

/// A handover file, read and checked.
pub struct Package {
    pub article: FileArticle,
    pub history: FileHistory,
    pub notes: FileNotes,
    pub sync: FileSync,
    /// Each photo with its original's bytes, in media.json's order.
    pub media: Vec<(FileMedia, Vec<u8>)>,
}

type Archive = zip::ZipArchive<std::io::BufReader<std::fs::File>>;

fn open(path: &Path) -> Result<Archive> {
    let mut file = std::fs::File::open(path).map_err(|source| Error::File { path: path.to_path_buf(), source })?;
    let mut magic = [0u8; 4];
    let is_zip = file.read_exact(&mut magic).is_ok() && magic == *b"PK\x03\x04";
    if !is_zip {
        return Err(not_handover(path));
    }
    let file = std::fs::File::open(path).map_err(|source| Error::File { path: path.to_path_buf(), source })?;
    zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|_| {
        damaged(path, "không đọc được tệp nén: tệp bị cắt cụt?", "the ZIP cannot be read: is it truncated?")
    })
}

/// One entry's bytes, at most `size` (+1 to notice more).
fn read_entry(path: &Path, zip: &mut Archive, name: &str, size: u64) -> Result<Vec<u8>> {
    let unreadable =
        || damaged(path, &format!("không giải nén được “{name}”"), &format!("“{name}” does not decompress"));
    let entry = zip.by_name(name).map_err(|_| unreadable())?;
    if entry.size() != size {
        return Err(tampered(path, name));
    }
    let mut bytes = Vec::with_capacity(size.min(MAX_ENTRY_BYTES) as usize);
    entry.take(size + 1).read_to_end(&mut bytes).map_err(|_| unreadable())?;
    if bytes.len() as u64 != size {
        return Err(tampered(path, name));
    }
    Ok(bytes)
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, name: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|_| {
        damaged(path, &format!("“{name}” không đúng định dạng"), &format!("“{name}” is not in the expected form"))
    })
}

fn manifest(path: &Path, zip: &mut Archive) -> Result<Manifest> {
    let bytes = {
        let entry = zip.by_name(MANIFEST).map_err(|_| not_handover(path))?;
        let mut bytes = Vec::new();
        entry.take(MAX_ENTRY_BYTES).read_to_end(&mut bytes).map_err(|_| {
            damaged(path, "không giải nén được danh mục (manifest.json)", "manifest.json does not decompress")
        })?;
        bytes
    };
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| not_handover(path))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(not_handover(path));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == FORMAT_VERSION as u64 => {}
        Some(v) if v > FORMAT_VERSION as u64 => return Err(too_new(path, v)),
        _ => return Err(damaged(path, "phiên bản định dạng không hợp lệ", "the format version is not valid")),
    }
    parse(path, MANIFEST, &bytes)
}

fn is_hex_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A body with its figures' photo hashes checked against the file's photos and the schema.
/// `missing_ok`: an older revision may show a photo its library no longer had (`missing:<id>`).
fn check_body(path: &Path, body: &crate::BodyDoc, photos: &BTreeSet<String>, missing_ok: bool) -> Result<()> {
    let known = |h: &str| (photos.contains(h) || (missing_ok && h.starts_with("missing:"))).then_some(1);
    let body = body_from_file(body, &known).map_err(|_| {
        damaged(path, "một ảnh trong bài không có trong tệp", "a figure shows a photo the file does not carry")
    })?;
    if missing_ok {
        return Ok(());
    }
    schema::validate(body).map(|_| ()).map_err(|e| {
        damaged(path, &format!("nội dung bài không hợp lệ: {e}"), &format!("the article's body is not valid: {e}"))
    })
}

pub fn read(path: &Path) -> Result<Package> {
    let mut zip = open(path)?;
    let manifest = manifest(path, &mut zip)?;
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).ok().and_then(|e| e.name().ok().map(|n| n.to_string())))
        .collect::<Option<_>>()
        .ok_or_else(|| damaged(path, "không đọc được danh sách tệp", "the list of entries cannot be read"))?;
    let in_zip: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    if in_zip.len() != names.len() {
        return Err(tampered(path, "?"));
    }
    let mut listed: BTreeMap<&str, &ManifestEntry> = BTreeMap::new();
    for e in &manifest.entries {
        if e.path == MANIFEST || listed.insert(e.path.as_str(), e).is_some() {
            return Err(tampered(path, &e.path));
        }
    }
    // Unlisted entries first: an added file is tampering even when something else is missing.
    if let Some(extra) = names.iter().find(|n| n.as_str() != MANIFEST && !listed.contains_key(n.as_str())) {
        return Err(tampered(path, extra));
    }
    let mut contents: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for e in &manifest.entries {
        if !in_zip.contains(e.path.as_str()) {
            return Err(damaged(path, &format!("thiếu “{}”", e.path), &format!("“{}” is missing", e.path)));
        }
        if e.size > MAX_ENTRY_BYTES {
            return Err(tampered(path, &e.path));
        }
        let bytes = read_entry(path, &mut zip, &e.path, e.size)?;
        if sha256_hex(&bytes) != e.sha256 {
            return Err(tampered(path, &e.path));
        }
        contents.insert(e.path.as_str(), bytes);
    }
    for name in JSON_ENTRIES {
        if !contents.contains_key(name) {
            return Err(damaged(path, &format!("thiếu “{name}”"), &format!("“{name}” is missing")));
        }
    }
    let article: FileArticle = parse(path, ARTICLE, &contents[ARTICLE])?;
    let history: FileHistory = parse(path, HISTORY, &contents[HISTORY])?;
    let notes: FileNotes = parse(path, NOTES, &contents[NOTES])?;
    let sync: FileSync = parse(path, SYNC, &contents[SYNC])?;
    let media_list: FileMediaList = parse(path, MEDIA, &contents[MEDIA])?;

    // The photos: exactly the media entries, each hashing to its name.
    let mut media = Vec::new();
    let mut hashes = BTreeSet::new();
    for m in media_list.photos {
        let ok_name = is_hex_hash(&m.sha256)
            && m.format.bytes().all(|b| b.is_ascii_alphanumeric())
            && m.path == media_path(&m.sha256, &m.format);
        if !ok_name || !hashes.insert(m.sha256.clone()) {
            return Err(damaged(path, "danh sách ảnh không hợp lệ", "the photo list is not valid"));
        }
        let Some(bytes) = contents.remove(m.path.as_str()) else {
            return Err(damaged(path, &format!("thiếu ảnh “{}”", m.path), &format!("photo “{}” is missing", m.path)));
        };
        if sha256_hex(&bytes) != m.sha256 {
            return Err(tampered(path, &m.path));
        }
        media.push((m, bytes));
    }
    if let Some(extra) = contents.keys().find(|k| !JSON_ENTRIES.contains(k)) {
        return Err(tampered(path, extra));
    }

    let uid_ok = (8..=64).contains(&article.uid.len())
        && article.uid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && article.uid == manifest.article_uid;
    if !uid_ok {
        return Err(damaged(path, "mã bài (uid) không hợp lệ", "the article uid is not valid"));
    }
    check_body(path, &article.body, &hashes, false)?;
    if article.featured_media.as_ref().is_some_and(|h| !hashes.contains(h)) {
        return Err(damaged(path, "ảnh đại diện không có trong tệp", "the featured photo is not in the file"));
    }
    let own = crate::article::model::RevisionContent {
        headline: article.headline.clone(),
        sapo: article.sapo.clone(),
        body: article.body.clone(),
        section: article.section.clone(),
        keywords: article.keywords.clone(),
        byline: article.byline.clone(),
        dateline: article.dateline.clone(),
        slug: article.slug.clone(),
    };
    if content_key(&own) != article.content_sha256 {
        return Err(damaged(path, "mã kiểm tra nội dung bài không khớp", "the article's content hash does not match"));
    }
    for r in &history.revisions {
        check_body(path, &r.content.body, &hashes, true)?;
        if content_key(&r.content) != r.content_sha256 {
            return Err(damaged(
                path,
                "mã kiểm tra một phiên bản không khớp",
                "a revision's content hash does not match",
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for n in &notes.notes {
        let parent_ok = n.parent.as_ref().is_none_or(|p| seen.contains(p.as_str()));
        let field_ok = match n.field.as_deref() {
            None => true,
            Some("headline" | "sapo" | "body") => n.start.zip(n.end).is_some_and(|(s, e)| s < e),
            Some(_) => false,
        };
        if !parent_ok || !field_ok || n.uid.is_empty() || !seen.insert(n.uid.as_str()) {
            return Err(damaged(path, "ghi chú không hợp lệ", "a note is not valid"));
        }
    }
    Ok(Package { article, history, notes, sync, media })
}

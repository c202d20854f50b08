use banthao_core::media::{
    not_reached, render_all, ImportProgress, ImportSource, MediaId, MediaItem, PhotoImportResult, PhotoSettings,
};
use banthao_core::{ArticleId, ErrorCode, ErrorPayload};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::State;

use crate::error::CommandResult;
use crate::granted_paths::not_granted;
use crate::state::AppState;

/// Imports files dropped on the window on all cores; any path the shell did not hand the page
/// is refused (see `granted_paths`). The library is locked only while each photo is stored, so
/// autosave goes on during a long import. Progress goes to `on_progress` after each file
/// (cumulative); `cancel_import(job_id)` stops before the next.
#[tauri::command(async)]
pub fn import_photo_files(
    state: State<'_, AppState>,
    job_id: String,
    paths: Vec<String>,
    article_id: Option<ArticleId>,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<Vec<PhotoImportResult>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    state.granted_paths.take(&paths, Instant::now()).map_err(|path| not_granted(&path, state.lang()))?;
    let sources: Vec<ImportSource> = paths.into_iter().map(ImportSource::Path).collect();
    let spec = state.with_library(|lib| lib.photo_settings())?.spec();
    let cancel = Arc::new(AtomicBool::new(false));
    state.imports.lock().unwrap_or_else(|p| p.into_inner()).insert(job_id.clone(), cancel.clone());
    let lang = state.lang();
    let mut counts = ImportProgress { done: 0, total: sources.len() as u32, failed: 0 };
    let mut results: Vec<Option<PhotoImportResult>> = vec![None; sources.len()];
    render_all(&sources, &spec, &cancel, &mut |i, outcome| {
        let stored =
            state.with_library(|lib| Ok(lib.store_rendered(&sources[i], outcome, article_id, lang, &mut counts)));
        results[i] = Some(
            stored.unwrap_or_else(|error| PhotoImportResult { error: Some(error), ..not_reached(&sources[i], lang) }),
        );
        let _ = on_progress.send(counts.clone());
    });
    state.imports.lock().unwrap_or_else(|p| p.into_inner()).remove(&job_id);
    Ok(results.into_iter().zip(&sources).map(|(r, s)| r.unwrap_or_else(|| not_reached(s, lang))).collect())
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>, job_id: String) {
    if let Some(flag) = state.imports.lock().unwrap_or_else(|p| p.into_inner()).get(&job_id) {
        flag.store(true, Ordering::Relaxed);
    }
}

/// One pasted or chosen image as raw bytes (no JSON round trip for megabytes). Headers:
/// `x-file-name` (percent-encoded UTF-8) and, optionally, `x-article-id`.
#[tauri::command(async)]
pub fn import_photo_data(state: State<'_, AppState>, request: Request<'_>) -> CommandResult<PhotoImportResult> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorPayload { code: ErrorCode::InvalidInput, message: "expected image bytes".into() });
    };
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).map(percent_decode);
    let name = header("x-file-name").unwrap_or_else(|| "ảnh dán".into());
    let article_id = header("x-article-id").and_then(|v| v.parse::<ArticleId>().ok());
    let lang = state.lang();
    let source = ImportSource::Bytes { name, bytes: bytes.clone() };
    let spec = state.with_library(|lib| lib.photo_settings())?.spec();
    let mut outcome = None;
    render_all(std::slice::from_ref(&source), &spec, &AtomicBool::new(false), &mut |_, o| outcome = Some(o));
    let mut counts = ImportProgress { done: 0, total: 1, failed: 0 };
    let outcome = outcome.expect("one source, one outcome");
    state.with_library(|lib| Ok(lib.store_rendered(&source, outcome, article_id, lang, &mut counts)))
}

pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (
            bytes[i],
            bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()),
        ) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tauri::command(async)]
pub fn media_info(state: State<'_, AppState>, id: MediaId) -> CommandResult<MediaItem> {
    state.with_library(|lib| lib.media(id))
}

#[tauri::command(async)]
pub fn article_media(state: State<'_, AppState>, article_id: ArticleId) -> CommandResult<Vec<MediaItem>> {
    state.with_library(|lib| lib.article_media(article_id))
}

#[tauri::command(async)]
pub fn attach_media(state: State<'_, AppState>, article_id: ArticleId, media_id: MediaId) -> CommandResult<()> {
    state.with_library(|lib| lib.attach_media(article_id, media_id))
}

#[tauri::command(async)]
pub fn search_media(state: State<'_, AppState>, query: String, limit: u32) -> CommandResult<Vec<MediaItem>> {
    state.with_library(|lib| lib.search_media(&query, limit))
}

#[tauri::command(async)]
pub fn get_photo_settings(state: State<'_, AppState>) -> CommandResult<PhotoSettings> {
    state.with_library(|lib| lib.photo_settings())
}

#[tauri::command(async)]
pub fn set_photo_settings(state: State<'_, AppState>, settings: PhotoSettings) -> CommandResult<PhotoSettings> {
    state.with_library(|lib| lib.set_photo_settings(settings))
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_percent_decoded_as_utf8() {
        assert_eq!(super::percent_decode("%E1%BA%A2nh%20b%C3%A3o.jpg"), "Ảnh bão.jpg");
        assert_eq!(super::percent_decode("plain.png"), "plain.png");
        assert_eq!(super::percent_decode("bad%zz"), "bad%zz");
    }
}

//! Files that travel: "Xuất bài" through the desktop's own save dialog (the page names a format,
//! never a path), and Word or handover files brought in by a drop or the file chooser.

use banthao_core::interchange::{DocumentImport, DocumentImportResult, ExportDone, ExportFormat};
use banthao_core::sync::ConflictSide;
use banthao_core::{ArticleId, ErrorCode, ErrorPayload, Lang};
use std::path::PathBuf;
use std::time::Instant;
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::photos::percent_decode;
use crate::error::CommandResult;
use crate::granted_paths::not_granted;
use crate::state::AppState;

/// Asks where to save article `id` as `format`, then writes it there. `None` when the user
/// closed the dialog. The library is not held while the dialog is open.
#[tauri::command(async)]
pub fn export_article(
    app: AppHandle,
    state: State<'_, AppState>,
    id: ArticleId,
    format: ExportFormat,
) -> CommandResult<Option<ExportDone>> {
    let article = state.with_library(|lib| lib.get_article(id))?;
    let stem = if article.slug.is_empty() { format!("bai-{id}") } else { article.slug };
    let vi = state.lang() == Lang::Vi;
    let (title, kind) = match format {
        ExportFormat::Json => ("JSON", "JSON"),
        ExportFormat::Html => ("HTML", "HTML"),
        ExportFormat::Ninjs => ("IPTC ninjs", "IPTC ninjs"),
        ExportFormat::Banthao => (if vi { "tệp bàn giao" } else { "handover file" }, "Bản Thảo"),
    };
    let extension = format.extension();
    let chosen = app
        .dialog()
        .file()
        .set_title(if vi { format!("Xuất bài ({title})") } else { format!("Export article ({title})") })
        .set_file_name(format!("{stem}.{extension}"))
        .add_filter(kind, &[extension.rsplit('.').next().unwrap_or(extension)])
        .blocking_save_file();
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|e| ErrorPayload { code: ErrorCode::Io, message: e.to_string() })?;
    state.with_library(|lib| lib.export_article(id, format, &path)).map(Some)
}

/// Word documents and handover files dropped on the window: only paths the shell itself was
/// handed by the drop (see `granted_paths`). One result per file. A handover file that came
/// back with a conflict stays granted, so the same drop can be imported again with `choices`.
#[tauri::command(async)]
pub fn import_documents(
    state: State<'_, AppState>,
    paths: Vec<String>,
    choices: Option<Vec<ConflictSide>>,
) -> CommandResult<Vec<DocumentImportResult>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    state.granted_paths.take(&paths, Instant::now()).map_err(|path| not_granted(&path, state.lang()))?;
    let lang = state.lang();
    let results = state.with_library(|lib| Ok(lib.import_documents(&paths, choices.as_deref(), lang)))?;
    let undecided = paths.iter().zip(&results).filter(|(_, r)| is_conflict(r)).map(|(p, _)| p.clone());
    state.granted_paths.grant(undecided, Instant::now());
    Ok(results)
}

/// One chosen file as raw bytes. Headers: `x-file-name` (percent-encoded UTF-8) and, to settle
/// a handover conflict, `x-choices` (`local,remote,…`).
#[tauri::command(async)]
pub fn import_document_data(state: State<'_, AppState>, request: Request<'_>) -> CommandResult<DocumentImportResult> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorPayload { code: ErrorCode::InvalidInput, message: "expected file bytes".into() });
    };
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).map(percent_decode);
    let file = header("x-file-name").unwrap_or_else(|| "tài liệu".into());
    let choices = match header("x-choices") {
        None => None,
        Some(list) => Some(
            list.split(',')
                .map(|side| match side.trim() {
                    "local" => Ok(ConflictSide::Local),
                    "remote" => Ok(ConflictSide::Remote),
                    other => {
                        Err(ErrorPayload { code: ErrorCode::InvalidInput, message: format!("x-choices: {other}") })
                    }
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let lang = state.lang();
    let outcome =
        state.with_library(|lib| Ok(lib.import_document_bytes(&file, bytes.clone(), choices.as_deref(), lang)))?;
    Ok(match outcome {
        Ok(imported) => DocumentImportResult { file, imported: Some(imported), error: None },
        Err(e) => DocumentImportResult { file, imported: None, error: Some(e.payload(lang)) },
    })
}

fn is_conflict(result: &DocumentImportResult) -> bool {
    matches!(&result.imported, Some(DocumentImport::Handover(h)) if h.outcome == banthao_core::interchange::handover::HandoverOutcome::Conflict)
}

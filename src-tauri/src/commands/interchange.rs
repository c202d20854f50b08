//! Files that travel: "Xuất bài" through the desktop's own save dialog (the page names a format,
//! never a path), and Word or handover files brought in by a drop or the file chooser.

use banthao_core::interchange::{ExportDone, ExportFormat};
use banthao_core::{ArticleId, ErrorCode, ErrorPayload, Lang};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
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

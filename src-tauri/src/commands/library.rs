use banthao_core::LibraryInfo;
use tauri::{AppHandle, Manager, State};

use crate::error::CommandResult;
use crate::state::AppState;

/// The open library, or the reason it could not be opened (the UI shows an error screen).
#[tauri::command(async)]
pub fn library_info(state: State<'_, AppState>) -> CommandResult<LibraryInfo> {
    state.reopen_if_closed();
    state.with_library(|lib| lib.info())
}

/// The list has painted. With `BANTHAO_REPORT_READY` set, prints the time since launch and the
/// page's start-up phases (`name=ms` since its navigation; `make bench` reads both).
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>, phases: Option<String>) {
    if std::env::var_os("BANTHAO_REPORT_READY").is_some() {
        let phases = phases.unwrap_or_default();
        println!("banthao-ready-ms {} {}", state.started.elapsed().as_millis(), phases.trim());
    }
}

/// The UI saved everything pending after a close request: close for real.
#[tauri::command]
pub fn flush_done(app: AppHandle, state: State<'_, AppState>) {
    *state.flushed.lock().unwrap_or_else(|p| p.into_inner()) = true;
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.close();
    }
}

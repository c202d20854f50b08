//! The main window: created at the size the library remembers, and closed only after the
//! UI has saved what it was holding (with a time limit, so a hung page cannot keep it open).

use banthao_core::WindowGeometry;
use std::time::Duration;
use tauri::{AppHandle, DragDropEvent, Emitter, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder, WindowEvent};

use crate::state::AppState;

pub const MAIN: &str = "main";
const DEFAULT_SIZE: (f64, f64) = (1280.0, 800.0);
const MIN_SIZE: (f64, f64) = (880.0, 560.0);
/// How long the UI gets to save after a close request before the window closes anyway.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(3);

pub fn create(app: &AppHandle) -> tauri::Result<WebviewWindow> {
    let state = app.state::<AppState>();
    let saved = state.if_open(|lib| lib.settings()).and_then(|s| s.window);
    let (width, height) = saved.map_or(DEFAULT_SIZE, |g| (g.width.max(MIN_SIZE.0), g.height.max(MIN_SIZE.1)));
    let dev_url = app.config().build.dev_url.clone().filter(|_| tauri::is_dev());
    let window = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Bản Thảo")
        .on_navigation(move |url| {
            let own = crate::navigation::is_own_page(url, dev_url.as_ref());
            if !own {
                eprintln!(
                    "Bản Thảo: the window stays on its own pages (refused {})",
                    url.origin().ascii_serialization()
                );
            }
            own
        })
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .inner_size(width, height)
        .min_inner_size(MIN_SIZE.0, MIN_SIZE.1)
        .maximized(saved.is_some_and(|g| g.maximized))
        .build()?;
    let handle = window.clone();
    window.on_window_event(move |event| match event {
        WindowEvent::CloseRequested { api, .. } => on_close_requested(&handle, api),
        // Runs before the page can hear of the drop: the paths are granted by the time it asks.
        WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
            handle.state::<AppState>().granted_paths.grant(paths.iter().cloned(), std::time::Instant::now())
        }
        _ => {}
    });
    Ok(window)
}

fn on_close_requested(window: &WebviewWindow, api: &tauri::CloseRequestApi) {
    let app = window.app_handle();
    let state = app.state::<AppState>();
    remember_geometry(window, &state);
    let flushed = *state.flushed.lock().unwrap_or_else(|p| p.into_inner());
    if flushed {
        return;
    }
    api.prevent_close();
    let _ = window.emit_to(MAIN, "flush-request", ());
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FLUSH_TIMEOUT);
        // Saves already acknowledged are on disk; only unsaved keystrokes could be lost here.
        let _ = window.destroy();
    });
}

fn remember_geometry(window: &WebviewWindow, state: &AppState) {
    let (Ok(size), Ok(scale), Ok(maximized)) = (window.inner_size(), window.scale_factor(), window.is_maximized())
    else {
        return;
    };
    let logical = size.to_logical::<f64>(scale);
    let geometry = WindowGeometry { width: logical.width, height: logical.height, maximized };
    // Not while the library is still opening (an upgrade): the main thread must not wait.
    let _ = state.if_open(|lib| lib.set_window_geometry(geometry));
}

/// Brings the window to the front (a second launch on the same library asked for it).
pub fn focus(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

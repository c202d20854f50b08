//! Tells the window when another process (the CLI, a script) changed the library: SQLite's
//! `data_version` is polled once a second, briefly under the library lock, and a change sends
//! `library-changed`. The window then refreshes the list and brings the open article up to date.

use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

const POLL: Duration = Duration::from_secs(1);

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("library-watch".into())
        .spawn(move || {
            // The baseline is taken at once, before the window first lists the library: a change
            // made in the first second (a script started with the app) is not taken as the start.
            let mut last: Option<i64> = app.state::<AppState>().with_library(|l| l.data_version()).ok();
            loop {
                std::thread::sleep(POLL);
                let state = app.state::<AppState>();
                let Ok(now) = state.with_library(|l| l.data_version()) else { continue };
                if last.is_some_and(|v| v != now) {
                    let _ = app.emit("library-changed", ());
                }
                last = Some(now);
            }
        })
        .expect("the library watcher starts");
}

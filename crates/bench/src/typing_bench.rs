//! Typing in the real window (`--only typing`): keystroke-to-paint in the release app beside a
//! plain contenteditable holding the same text in the same page. The page-side work (WebDriver
//! through tauri-driver, the probe, the statistics) is `e2e/typing-bench.mjs`; this runs it with
//! the release binaries next to this one.

use std::path::Path;
use std::process::Command;

pub fn run() {
    if std::env::var_os("DISPLAY").is_none() {
        println!("typing: skipped (no DISPLAY; `make bench` runs under xvfb-run)");
        return;
    }
    let Some(driver) = std::env::var_os("TAURI_DRIVER") else {
        println!("typing: skipped (TAURI_DRIVER is not set; `make bench` installs tauri-driver and sets it)");
        return;
    };
    let exe = std::env::current_exe().unwrap();
    let bin_dir = exe.parent().unwrap();
    let (app, cli) = (bin_dir.join("banthao-app"), bin_dir.join("banthao"));
    if !app.exists() || !cli.exists() {
        println!("typing: skipped (build with `make bench`, which builds the app and the CLI in release)");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../e2e/typing-bench.mjs");
    println!();
    let status = Command::new("node")
        .arg(&script)
        .env("APP_BIN", &app)
        .env("BANTHAO_CLI", &cli)
        .env("TAURI_DRIVER", driver)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => println!("typing: the benchmark failed ({s})"),
        Err(e) => println!("typing: could not run node: {e}"),
    }
}

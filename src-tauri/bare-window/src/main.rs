//! The reference for `make bench`: a bare Tauri window from the same toolchain and config,
//! showing a static page that reports once it has painted. No library, no app code.

#[tauri::command]
fn ui_ready(phases: Option<String>) {
    println!("banthao-ready-ms 0 {}", phases.unwrap_or_default().trim());
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App("bare.html".into()))
                .title("bare")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("bare window");
}

//! Bản Thảo desktop shell: opens the library, makes the window, and adapts Tauri commands
//! onto `banthao_core`. It holds no SQL, text rules or file formats of its own.

mod commands;
mod error;
mod granted_paths;
mod instance;
mod library_watch;
mod media_protocol;
mod navigation;
pub mod rendering;
mod state;
mod sync_worker;
mod window;

use banthao_core::Library;
use std::path::PathBuf;
use std::time::Instant;
use tauri::Manager;

use state::AppState;

/// `--library DIR` on the command line, else `BANTHAO_LIBRARY`, else the OS data directory.
fn library_dir_from_args(args: &[String]) -> PathBuf {
    args.iter()
        .position(|a| a == "--library")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--library=").map(PathBuf::from)))
        .unwrap_or_else(banthao_core::library::default_library_dir)
}

pub fn run() {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    let library_dir = library_dir_from_args(&args);
    let guard = match instance::claim(&library_dir) {
        Some(instance::Instance::AlreadyRunning) => {
            eprintln!("Bản Thảo đã mở thư viện {} — chuyển sang cửa sổ đó.", library_dir.display());
            return;
        }
        Some(instance::Instance::First(guard)) => Some(guard),
        None => None,
    };
    // The library opens (or is created, on a first run) on its own thread while GTK and the
    // event loop start; commands wait for it (state.rs).
    let opening = {
        let dir = library_dir.clone();
        std::thread::Builder::new()
            .name("library-open".into())
            .spawn(move || Library::open(&dir))
            .expect("a thread to open the library")
    };

    let state = AppState::new(library_dir, opening, started);

    tauri::Builder::default()
        .manage(state)
        // Opens links for the UI's one link handler (ui/src/views/links.ts); the plugin's own
        // click script would be a second, broader one (it also takes `tel:`).
        .plugin(tauri_plugin_opener::Builder::new().open_js_links_on_click(false).build())
        // Save dialogs for "Xuất bài", opened from Rust only (no dialog permission for the page).
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol("media", media_protocol::handle)
        .invoke_handler(tauri::generate_handler![
            commands::library::library_info,
            commands::library::ui_ready,
            commands::library::flush_done,
            commands::articles::list_articles,
            commands::articles::search_articles,
            commands::articles::list_sections,
            commands::articles::list_authors,
            commands::articles::get_article,
            commands::articles::create_article,
            commands::articles::update_article,
            commands::articles::delete_article,
            commands::articles::duplicate_article,
            commands::articles::move_to_trash,
            commands::articles::restore_from_trash,
            commands::articles::archive_articles,
            commands::articles::empty_trash,
            commands::articles::shelf_counts,
            commands::interchange::export_article,
            commands::interchange::import_documents,
            commands::interchange::import_document_data,
            commands::articles::merge_edit,
            commands::revisions::list_revisions,
            commands::revisions::get_revision,
            commands::revisions::restore_revision,
            commands::revisions::revision_mark,
            commands::revisions::save_bulk_fix,
            commands::revisions::keep_unsaved_copy,
            commands::checks::check_document,
            commands::checks::ignore_finding,
            commands::checks::unignore_finding,
            commands::checks::get_check_settings,
            commands::checks::set_check_settings,
            commands::checks::abbreviation_list,
            commands::checks::list_user_words,
            commands::checks::add_user_word,
            commands::checks::remove_user_word,
            commands::checks::convert_font_runs,
            commands::checks::fix_tone_style,
            commands::photos::import_photo_files,
            commands::photos::cancel_import,
            commands::photos::import_photo_data,
            commands::photos::media_info,
            commands::photos::article_media,
            commands::photos::attach_media,
            commands::photos::search_media,
            commands::photos::get_photo_settings,
            commands::photos::set_photo_settings,
            commands::preview::preview_article,
            commands::settings::get_settings,
            commands::settings::set_locale,
            commands::settings::set_last_article,
            commands::sync::list_endpoints,
            commands::sync::save_endpoint,
            commands::sync::test_endpoint,
            commands::sync::remove_endpoint,
            commands::sync::keychain_available,
            commands::sync::send_article,
            commands::sync::retry_sync,
            commands::sync::cancel_sync,
            commands::sync::list_outbox,
            commands::sync::article_syncs,
            commands::sync::sync_conflict,
            commands::sync::resolve_conflict,
            commands::sync::pull_posts,
            commands::desk::set_user,
            commands::desk::change_status,
            commands::desk::next_steps,
            commands::desk::list_transitions,
            commands::desk::article_checklist,
            commands::desk::list_notes,
            commands::desk::add_note,
            commands::desk::set_note_resolved,
            commands::desk::delete_note,
            commands::desk::desk_queue,
            commands::desk::diff_article,
            commands::desk::accept_change,
            commands::desk::reject_change,
        ])
        .setup(move |app| {
            // The window opens at the size the library remembers, so it waits for the library
            // a moment (an open takes milliseconds). An upgrade that rebuilds the search index
            // of a large library takes longer: then the window opens at once, at the default
            // size, and the page says what it is waiting for.
            app.state::<AppState>().wait_until_open(std::time::Duration::from_millis(1500));
            window::create(app.handle())?;
            let state = app.state::<AppState>();
            sync_worker::start(app.handle().clone(), state.secrets.clone(), state.wake_sync.clone());
            library_watch::start(app.handle().clone());
            if let Some(guard) = guard {
                let handle = app.handle().clone();
                guard.listen(move || {
                    let h = handle.clone();
                    let _ = handle.run_on_main_thread(move || window::focus(&h));
                });
                app.manage(guard);
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Bản Thảo");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn library_flag_in_both_spellings() {
        assert_eq!(library_dir_from_args(&args(&["app", "--library", "/tmp/a"])), PathBuf::from("/tmp/a"));
        assert_eq!(library_dir_from_args(&args(&["app", "--library=/tmp/b"])), PathBuf::from("/tmp/b"));
    }
}

use tauri_build::{AppManifest, Attributes};

/// The app's own commands. Each gets an `allow-…` permission; the capability file grants
/// exactly these to the main window.
const COMMANDS: &[&str] = &[
    "library_info",
    "list_articles",
    "search_articles",
    "list_sections",
    "get_article",
    "create_article",
    "update_article",
    "delete_article",
    "merge_edit",
    "list_revisions",
    "get_revision",
    "restore_revision",
    "keep_unsaved_copy",
    "check_document",
    "get_check_settings",
    "set_check_settings",
    "list_user_words",
    "add_user_word",
    "remove_user_word",
    "convert_font_runs",
    "fix_tone_style",
    "import_photo_files",
    "cancel_import",
    "import_photo_data",
    "media_info",
    "article_media",
    "attach_media",
    "search_media",
    "get_photo_settings",
    "set_photo_settings",
    "get_settings",
    "set_locale",
    "set_last_article",
    "ui_ready",
    "flush_done",
    "list_endpoints",
    "save_endpoint",
    "test_endpoint",
    "remove_endpoint",
    "keychain_available",
    "send_article",
    "retry_sync",
    "cancel_sync",
    "list_outbox",
    "article_syncs",
    "sync_conflict",
    "resolve_conflict",
    "pull_posts",
];

fn main() {
    tauri_build::try_build(Attributes::new().app_manifest(AppManifest::new().commands(COMMANDS)))
        .expect("tauri build configuration");
}

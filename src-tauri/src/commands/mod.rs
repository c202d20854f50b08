//! `#[tauri::command]` adapters, by area. Each one is a line or two over `banthao_core`:
//! no SQL, no text rules here.

pub mod articles;
pub mod checks;
pub mod desk;
pub mod interchange;
pub mod library;
pub mod photos;
pub mod preview;
pub mod revisions;
pub mod settings;
pub mod sync;

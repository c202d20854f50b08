//! How the sync code reaches the library: briefly, between network calls, never holding it
//! while waiting on a site (autosave goes on during a long sync).

use banthao_core::{Library, Result};
use std::sync::Mutex;

pub trait LibraryAccess: Sync {
    fn with_library<R>(&self, f: impl FnOnce(&mut Library) -> Result<R>) -> Result<R>;
}

impl LibraryAccess for Mutex<Library> {
    fn with_library<R>(&self, f: impl FnOnce(&mut Library) -> Result<R>) -> Result<R> {
        let mut guard = self.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

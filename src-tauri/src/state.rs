//! What the shell holds between commands: the open library (or why it could not be opened),
//! the UI language, and the close handshake.

use banthao_core::{Error, ErrorPayload, Lang, Library, Locale};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use crate::error::CommandResult;

pub struct AppState {
    library_dir: PathBuf,
    library: Mutex<Result<Library, LibraryOpenError>>,
    locale: Mutex<Locale>,
    /// Set once the UI has flushed its pending saves; the next close request goes through.
    pub flushed: Mutex<bool>,
    pub started: Instant,
    /// Passwords of publishing endpoints: the OS keychain, or this session's memory.
    pub secrets: std::sync::Arc<banthao_sync::Secrets>,
    /// Wakes the outbox worker when a job is queued.
    pub wake_sync: std::sync::Arc<crate::sync_worker::Wake>,
    /// Cancel flags of running photo imports, by job id.
    pub imports: Mutex<std::collections::HashMap<String, std::sync::Arc<std::sync::atomic::AtomicBool>>>,
    /// Paths dropped on the window: the only files a photo import may read.
    pub granted_paths: crate::granted_paths::GrantedPaths,
}

/// The error that kept the library closed, kept in both languages for the error screen.
pub struct LibraryOpenError {
    vi: ErrorPayload,
    en: ErrorPayload,
}

impl From<Error> for LibraryOpenError {
    fn from(e: Error) -> Self {
        LibraryOpenError { vi: e.payload(Lang::Vi), en: e.payload(Lang::En) }
    }
}

impl AppState {
    pub fn new(library_dir: PathBuf, opened: Result<Library, Error>, started: Instant) -> AppState {
        let locale = opened.as_ref().ok().and_then(|l| l.settings().ok()).map(|s| s.locale).unwrap_or_default();
        let library = opened.map_err(LibraryOpenError::from);
        AppState {
            library_dir,
            library: Mutex::new(library),
            locale: Mutex::new(locale),
            flushed: Mutex::new(false),
            started,
            secrets: std::sync::Arc::new(banthao_sync::Secrets::system()),
            wake_sync: Default::default(),
            imports: Mutex::new(Default::default()),
            granted_paths: Default::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.locale.lock().map(|l| l.lang()).unwrap_or_default()
    }

    pub fn set_locale(&self, locale: Locale) {
        if let Ok(mut l) = self.locale.lock() {
            *l = locale;
        }
    }

    /// Tries again to open a library that could not be opened (the error screen's "Thử lại":
    /// the user may have fixed permissions or moved a file back).
    pub fn reopen_if_closed(&self) {
        let mut guard = self.library.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_err() {
            *guard = Library::open(&self.library_dir).map_err(LibraryOpenError::from);
        }
    }

    /// Runs `f` on the open library; errors come back as payloads in the UI's language.
    pub fn with_library<T>(&self, f: impl FnOnce(&mut Library) -> Result<T, Error>) -> CommandResult<T> {
        let lang = self.lang();
        let mut guard = self.library.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &mut *guard {
            Ok(library) => f(library).map_err(|e| e.payload(lang)),
            Err(open_error) => Err(match lang {
                Lang::Vi => open_error.vi.clone(),
                Lang::En => open_error.en.clone(),
            }),
        }
    }
}

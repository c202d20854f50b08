//! What the shell holds between commands: the open library (or why it could not be opened),
//! the UI language, and the close handshake.

use banthao_core::{Error, ErrorPayload, Lang, Library, Locale};
use std::path::PathBuf;
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::CommandResult;

pub struct AppState {
    library_dir: PathBuf,
    library: Mutex<Slot>,
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

/// The library while it opens on its own thread (start-up does not wait for it: an upgrade
/// that rebuilds the search index of a large library takes a while), then open or failed.
enum Slot {
    Opening(JoinHandle<Result<Library, Error>>),
    Open(Box<Library>),
    Failed(LibraryOpenError),
}

impl Slot {
    /// Waits for the opening thread if it is still running (the caller holds the slot's lock,
    /// so every other caller waits too) and returns the library's locale once it is open.
    fn settle(&mut self) -> Option<Locale> {
        if !matches!(self, Slot::Opening(_)) {
            return None;
        }
        let Slot::Opening(handle) = std::mem::replace(self, Slot::Failed(thread_failed().into())) else {
            return None;
        };
        *self = match handle.join() {
            Ok(Ok(library)) => Slot::Open(Box::new(library)),
            Ok(Err(e)) => {
                eprintln!("{}", e.message(Lang::En));
                Slot::Failed(e.into())
            }
            Err(_) => Slot::Failed(thread_failed().into()),
        };
        match self {
            Slot::Open(library) => library.settings().ok().map(|s| s.locale),
            _ => None,
        }
    }
}

fn thread_failed() -> Error {
    Error::InvalidInput("the library could not be opened: its thread stopped".into())
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
    /// `opening`: the thread opening the library (started first thing, so it runs while GTK
    /// and the window start).
    pub fn new(library_dir: PathBuf, opening: JoinHandle<Result<Library, Error>>, started: Instant) -> AppState {
        AppState {
            library_dir,
            library: Mutex::new(Slot::Opening(opening)),
            locale: Mutex::new(Locale::default()),
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

    /// The locked slot, with the opening finished (waited for if need be).
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        let mut guard = self.library.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(locale) = guard.settle() {
            self.set_locale(locale);
        }
        guard
    }

    /// Waits up to `limit` for the library to open; false if it is still opening.
    pub fn wait_until_open(&self, limit: Duration) -> bool {
        let until = Instant::now() + limit;
        loop {
            let finished = match &*self.library.lock().unwrap_or_else(|p| p.into_inner()) {
                Slot::Opening(handle) => handle.is_finished(),
                _ => true,
            };
            if finished || Instant::now() >= until {
                return finished;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Runs `f` on the library only if it has finished opening (never waits: for the main
    /// thread, which must not block while an upgrade runs).
    pub fn if_open<T>(&self, f: impl FnOnce(&mut Library) -> Result<T, Error>) -> Option<T> {
        if !self.wait_until_open(Duration::ZERO) {
            return None;
        }
        match &mut *self.slot() {
            Slot::Open(library) => f(library).ok(),
            _ => None,
        }
    }

    /// Tries again to open a library that could not be opened (the error screen's "Thử lại":
    /// the user may have fixed permissions or moved a file back).
    pub fn reopen_if_closed(&self) {
        let mut guard = self.slot();
        if matches!(*guard, Slot::Failed(_)) {
            *guard = match Library::open(&self.library_dir) {
                Ok(library) => Slot::Open(Box::new(library)),
                Err(e) => Slot::Failed(e.into()),
            };
        }
    }

    /// Runs `f` on the open library (waiting for it to open); errors come back as payloads in
    /// the UI's language.
    pub fn with_library<T>(&self, f: impl FnOnce(&mut Library) -> Result<T, Error>) -> CommandResult<T> {
        let mut guard = self.slot();
        let lang = self.lang();
        match &mut *guard {
            Slot::Open(library) => f(library).map_err(|e| e.payload(lang)),
            Slot::Opening(_) => Err(thread_failed().payload(lang)),
            Slot::Failed(open_error) => Err(match lang {
                Lang::Vi => open_error.vi.clone(),
                Lang::En => open_error.en.clone(),
            }),
        }
    }
}

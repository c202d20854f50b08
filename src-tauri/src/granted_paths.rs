//! The files the shell itself handed to the web view (paths dropped on the window), and the
//! only files `import_photo_files` will read: a page that names any other path (a script
//! slipped in through pasted content, say) cannot read the disk through the import. Each grant
//! is used once and lapses after [`GRANT_LIFETIME`].

use banthao_core::{ErrorCode, ErrorPayload, Lang};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Long enough for a drop queued behind a long import; a grant is normally used at once.
pub const GRANT_LIFETIME: Duration = Duration::from_secs(30 * 60);

#[derive(Default)]
pub struct GrantedPaths {
    granted: Mutex<HashMap<PathBuf, Instant>>,
}

impl GrantedPaths {
    /// Records paths the shell gave the page (a drop's); a path given again is granted anew.
    pub fn grant(&self, paths: impl IntoIterator<Item = PathBuf>, now: Instant) {
        let mut granted = self.granted.lock().unwrap_or_else(|p| p.into_inner());
        granted.retain(|_, at| now.duration_since(*at) < GRANT_LIFETIME);
        granted.extend(paths.into_iter().map(|p| (p, now)));
    }

    /// Uses up the grants for one import: all of `paths` when each was granted and has not
    /// lapsed, else none of them, and the first path that was not granted is named.
    pub fn take(&self, paths: &[PathBuf], now: Instant) -> Result<(), PathBuf> {
        let mut granted = self.granted.lock().unwrap_or_else(|p| p.into_inner());
        granted.retain(|_, at| now.duration_since(*at) < GRANT_LIFETIME);
        if let Some(stranger) = paths.iter().find(|p| !granted.contains_key(*p)) {
            return Err(stranger.clone());
        }
        for path in paths {
            granted.remove(path);
        }
        Ok(())
    }
}

/// The refusal the page gets for a path the shell never gave it.
pub fn not_granted(path: &Path, lang: Lang) -> ErrorPayload {
    let path = path.display();
    let message = match lang {
        Lang::Vi => {
            format!("Không nhập được {path}: Bản Thảo chỉ đọc tệp được kéo thả vào cửa sổ. Hãy kéo tệp vào lại.")
        }
        Lang::En => {
            format!("Cannot import {path}: Bản Thảo only reads files dropped on its window. Drop the file again.")
        }
    };
    ErrorPayload { code: ErrorCode::InvalidInput, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(p: &[&str]) -> Vec<PathBuf> {
        p.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn a_path_never_granted_is_refused() {
        let grants = GrantedPaths::default();
        let now = Instant::now();
        grants.grant(paths(&["/home/pv/ảnh/bão.jpg"]), now);
        assert_eq!(grants.take(&paths(&["/etc/passwd"]), now), Err(PathBuf::from("/etc/passwd")));
        assert_eq!(grants.take(&paths(&["/home/pv/ảnh/../../../etc/passwd"]), now).map_err(|_| ()), Err(()));
    }

    #[test]
    fn a_grant_is_used_once() {
        let grants = GrantedPaths::default();
        let now = Instant::now();
        grants.grant(paths(&["/a.jpg", "/b.jpg"]), now);
        assert_eq!(grants.take(&paths(&["/a.jpg", "/b.jpg"]), now), Ok(()));
        assert_eq!(grants.take(&paths(&["/a.jpg"]), now), Err(PathBuf::from("/a.jpg")));
        // Dropped again: granted again.
        grants.grant(paths(&["/a.jpg"]), now);
        assert_eq!(grants.take(&paths(&["/a.jpg"]), now), Ok(()));
    }

    #[test]
    fn one_stranger_refuses_the_whole_import_and_spends_nothing() {
        let grants = GrantedPaths::default();
        let now = Instant::now();
        grants.grant(paths(&["/a.jpg"]), now);
        assert_eq!(
            grants.take(&paths(&["/a.jpg", "/root/.ssh/id_ed25519"]), now),
            Err(PathBuf::from("/root/.ssh/id_ed25519"))
        );
        assert_eq!(grants.take(&paths(&["/a.jpg"]), now), Ok(()), "the refused import used no grant");
    }

    #[test]
    fn a_grant_lapses() {
        let grants = GrantedPaths::default();
        let then = Instant::now();
        grants.grant(paths(&["/a.jpg", "/b.jpg"]), then);
        assert_eq!(grants.take(&paths(&["/a.jpg"]), then + GRANT_LIFETIME - Duration::from_secs(1)), Ok(()));
        assert_eq!(grants.take(&paths(&["/b.jpg"]), then + GRANT_LIFETIME), Err(PathBuf::from("/b.jpg")));
    }

    #[test]
    fn the_refusal_says_why_in_both_languages() {
        let vi = not_granted(Path::new("/etc/passwd"), Lang::Vi);
        let en = not_granted(Path::new("/etc/passwd"), Lang::En);
        assert_eq!((vi.code, en.code), (ErrorCode::InvalidInput, ErrorCode::InvalidInput));
        assert!(vi.message.contains("/etc/passwd") && vi.message.contains("kéo thả"));
        assert!(en.message.contains("/etc/passwd") && en.message.contains("dropped"));
    }
}

//! One app instance per library. The first launch holds a lock on a file in the library
//! folder and listens on a local socket; a second launch on the same library finds the lock
//! taken, asks the first to come to the front, and exits.

use std::fs::{File, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

const LOCK_FILE: &str = ".banthao-app.lock";

pub enum Instance {
    /// This process owns the library; keep the guard alive for the life of the app.
    First(InstanceGuard),
    /// Another window has the library open and was asked to come to the front.
    AlreadyRunning,
}

pub struct InstanceGuard {
    _lock: File,
    listener: UnixListener,
    socket: PathBuf,
}

/// Short and per library: socket paths are limited to ~100 bytes, library paths are not.
fn socket_path(library_dir: &Path) -> PathBuf {
    let canonical = library_dir.canonicalize().unwrap_or_else(|_| library_dir.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut hasher);
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    runtime.join(format!("banthao-{:016x}.sock", hasher.finish()))
}

/// Claims the library for this process, or hands over to the instance that has it.
/// Returns `None` when the library folder cannot hold a lock (the library error is shown later).
pub fn claim(library_dir: &Path) -> Option<Instance> {
    std::fs::create_dir_all(library_dir).ok()?;
    let lock = OpenOptions::new().create(true).truncate(false).write(true).open(library_dir.join(LOCK_FILE)).ok()?;
    let socket = socket_path(library_dir);
    // SAFETY: flock on a file descriptor we own; released when the file is closed.
    let locked = unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    if !locked {
        ask_to_focus(&socket);
        return Some(Instance::AlreadyRunning);
    }
    let _ = std::fs::remove_file(&socket); // left by a crashed instance
    let listener = UnixListener::bind(&socket).ok()?;
    Some(Instance::First(InstanceGuard { _lock: lock, listener, socket }))
}

fn ask_to_focus(socket: &Path) {
    // The first instance may still be starting: give it a moment to listen.
    for _ in 0..20 {
        if let Ok(mut stream) = UnixStream::connect(socket) {
            let _ = stream.write_all(b"focus\n");
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl InstanceGuard {
    /// Calls `on_focus` each time another launch asks for this window.
    pub fn listen(&self, on_focus: impl Fn() + Send + 'static) {
        let Ok(listener) = self.listener.try_clone() else { return };
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut line = String::new();
                let _ = BufReader::new(stream).read_line(&mut line);
                if line.trim() == "focus" {
                    on_focus();
                }
            }
        });
    }
}

impl Drop for InstanceGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.socket);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_second_claim_on_the_same_library_asks_the_first_to_focus() {
        let tmp = tempfile::tempdir().unwrap();
        let Some(Instance::First(guard)) = claim(tmp.path()) else { panic!("the first claim owns the library") };
        let (tx, rx) = mpsc::channel();
        guard.listen(move || tx.send(()).unwrap());
        // flock is per open file description: a second claim in this process is refused too.
        assert!(matches!(claim(tmp.path()), Some(Instance::AlreadyRunning)));
        rx.recv_timeout(Duration::from_secs(5)).expect("the first instance was asked to focus");
        // Another library is not affected.
        let other = tempfile::tempdir().unwrap();
        assert!(matches!(claim(other.path()), Some(Instance::First(_))));
    }

    #[test]
    fn the_library_is_free_again_once_the_first_instance_ends() {
        let tmp = tempfile::tempdir().unwrap();
        let first = claim(tmp.path());
        assert!(matches!(first, Some(Instance::First(_))));
        drop(first);
        assert!(matches!(claim(tmp.path()), Some(Instance::First(_))));
    }
}

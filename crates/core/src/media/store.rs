//! Where a library keeps photo files: originals by content address, renditions by the
//! original's address plus a key of how they were made. Writes are atomic (temp + rename) and
//! durable (the file and its folder are fsynced).

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::model::FigureLook;
use crate::error::{Error, Result};

pub fn original_path(library: &Path, hash: &str, format: &str) -> PathBuf {
    library.join("media/originals").join(&hash[..2]).join(format!("{hash}.{format}"))
}

/// A rendition's file: one per (original, settings, crop, rotation, embedded caption/credit).
pub fn rendition_path(library: &Path, hash: &str, variant: &str, size: &str) -> PathBuf {
    library.join("media/renditions").join(&hash[..2]).join(format!("{hash}-{variant}-{size}.jpg"))
}

/// A short, stable key for how a rendition was made (FNV-1a over its inputs).
pub fn variant_key(spec: &banthao_media::RenditionSpec, look: &FigureLook) -> String {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
            }
        }
        fn finish(&self) -> u64 {
            self.0
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    (spec.web_long_edge, spec.web_quality, spec.thumb_long_edge, look.rotation % 4).hash(&mut h);
    if let Some(c) = look.crop {
        [c.x, c.y, c.width, c.height].map(f64::to_bits).hash(&mut h);
    }
    (&look.caption, &look.credit).hash(&mut h);
    format!("{:012x}", h.finish() & 0xffff_ffff_ffff)
}

/// Writes `bytes` to `path` so that a reader sees the old file or the whole new one, and so
/// that once it returns the file survives a power cut: its bytes, its name in the folder, and
/// any folder made for it are fsynced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    static NEXT_TMP: AtomicU64 = AtomicU64::new(0);
    let io = |source| Error::File { path: path.to_path_buf(), source };
    let dir = path.parent().expect("media paths have a parent");
    create_dir_durable(dir).map_err(io)?;
    // Unique per writer: two renders of the same figure at once must not share a temp file.
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("media"),
        std::process::id(),
        NEXT_TMP.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.and_then(|()| sync_dir(dir)).map_err(io)
}

/// `create_dir_all`, then an fsync of the folder that holds each folder it made.
fn create_dir_durable(dir: &Path) -> std::io::Result<()> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
    std::fs::create_dir_all(dir)?;
    for made in missing.iter().rev() {
        sync_dir(made.parent().expect("a folder that did not exist has a parent"))?;
    }
    Ok(())
}

/// Makes the folder's entries (a rename into it, a folder made in it) durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_makes_its_folders_and_leaves_no_temp_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("media/renditions/ab/photo.jpg");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> =
            std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["photo.jpg"]);
    }

    /// Renditions are made outside the library lock: two requests for the same figure may
    /// write the same file at once, and a reader must still see one whole file.
    #[test]
    fn writers_of_the_same_file_at_once_each_leave_a_whole_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("media/renditions/ab/photo.jpg");
        let payloads: Vec<Vec<u8>> = (0..4u8).map(|i| vec![i; 256 * 1024]).collect();
        std::thread::scope(|s| {
            for payload in &payloads {
                let path = &path;
                s.spawn(move || (0..20).for_each(|_| write_atomic(path, payload).unwrap()));
            }
        });
        assert!(payloads.contains(&std::fs::read(&path).unwrap()));
    }
}

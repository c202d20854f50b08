//! Where a library keeps photo files: originals by content address, renditions by the
//! original's address plus a key of how they were made. Writes are atomic (temp + rename).

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Writes `bytes` to `path` so that a reader sees the old file or the whole new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::File { path: path.to_path_buf(), source };
    let dir = path.parent().expect("media paths have a parent");
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = dir.join(format!(".{}.tmp", path.file_name().and_then(|n| n.to_str()).unwrap_or("media")));
    let mut file = std::fs::File::create(&tmp).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

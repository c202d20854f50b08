//! Photo import figures on the 24-MP camera fixture (scripts/make-photo-fixtures.sh).
//!
//! The import is the whole of it: `Library::import_photos` on a real library folder reads the
//! file, renders the web and thumbnail renditions, stores the original, commits the row and
//! writes the renditions, each file fsynced. The references write their file too:
//! `vipsthumbnail` (web rendition only, a process each time, no fsync) and ImageMagick
//! `convert`. Peak memory is measured on fresh processes for both (GNU time's maximum resident
//! size): this binary re-run with [`IMPORT_ONE`] to import one photo and exit.

use banthao_core::media::ImportSource;
use banthao_core::{Lang, Library};
use banthao_media::{import, inspect, ImportLimits, RenditionSpec};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::stats::{ms, ratio, Samples};

const BATCH: usize = 20;
const SAMPLES: usize = 10;
/// The hidden flag: `--import-one LIBRARY_DIR FILE` imports one photo into a new library and
/// exits (`FILE` = `-`: opens the library only, the process's size without an import).
pub const IMPORT_ONE: &str = "--import-one";

pub fn run(tmp: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fixtures = root.join("target/photo-fixtures");
    let made = Command::new(root.join("scripts/make-photo-fixtures.sh")).arg(&fixtures).status();
    if !matches!(made, Ok(s) if s.success()) {
        println!(
            "photo import                        skipped: fixtures could not be made (run scripts/install-deps.sh)"
        );
        return;
    }
    let camera = fixtures.join("camera.jpg");
    let bytes = std::fs::read(&camera).unwrap();
    let (limits, spec) = (ImportLimits::default(), RenditionSpec::default());
    let has = |tool: &str| {
        Command::new("sh").args(["-c", &format!("command -v {tool}")]).output().is_ok_and(|o| o.status.success())
    };
    let out = tmp.join("photo-bench");
    std::fs::create_dir_all(&out).unwrap();

    // --- one photo, the whole import into a library ---------------------------------------
    let _ = import(&bytes, &limits, &spec).unwrap(); // warm the page cache and the allocator
    let libraries: Vec<Library> =
        (0..SAMPLES).map(|i| Library::open(&out.join(format!("library-{i}"))).unwrap()).collect();
    let mut libraries = libraries.into_iter();
    let ours = Samples::collect(SAMPLES, || {
        let mut lib = libraries.next().unwrap();
        let results = import_into(&mut lib, vec![ImportSource::Path(camera.clone())]);
        assert!(results.iter().all(|r| r.error.is_none()));
    });
    println!(
        "photo import, 24 MP JPEG, whole (read, renditions, original + row + renditions stored, fsynced)  p50 {}",
        ms(ours.p50())
    );
    let web = out.join("vips.jpg");
    let vips_one = || {
        let mut c = Command::new("vipsthumbnail");
        c.arg(&camera).args(["-s", "1600", "-o"]).arg(format!("{}[Q=82]", web.display()));
        c
    };
    let magick_one = || {
        let mut c = Command::new("convert");
        c.arg(&camera).args(["-resize", "1600x1600", "-quality", "82"]).arg(out.join("magick.jpg"));
        c
    };
    if has("vipsthumbnail") {
        let vips = Samples::collect(SAMPLES, || run_tool(&mut vips_one()));
        let start = Samples::collect(5, || run_tool(Command::new("vipsthumbnail").arg("--version")));
        println!(
            "  vs vipsthumbnail -s 1600 writing its file (web only, no fsync)  p50 {}   ratio {}   (its process start, included: {})",
            ms(vips.p50()),
            ratio(ours.p50(), vips.p50()),
            ms(start.p50())
        );
    }
    if has("convert") {
        let magick = Samples::collect(3, || run_tool(&mut magick_one()));
        println!(
            "  vs convert -resize 1600x1600 writing its file (web only)  p50 {}   ratio {}",
            ms(magick.p50()),
            ratio(ours.p50(), magick.p50())
        );
    }
    // The pixel work alone, for where the time goes: no file read, nothing stored.
    let in_memory = Samples::collect(SAMPLES, || {
        let imported = import(&bytes, &limits, &spec).unwrap();
        assert_eq!(imported.renditions.web_size, (1600, 1067));
    });
    let inspect_only = Samples::collect(SAMPLES, || {
        inspect(&bytes, &limits).unwrap();
    });
    println!(
        "  of which the pixel work (renditions in memory from bytes in memory, nothing stored)  p50 {}   (inspect alone {})",
        ms(in_memory.p50()),
        ms(inspect_only.p50())
    );

    // --- a batch of 20 on all cores, the whole import --------------------------------------
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let files = distinct_copies(&fixtures, &out);
    let mut lib = Library::open(&out.join("library-batch")).unwrap();
    let t = Instant::now();
    let results = import_into(&mut lib, files.iter().cloned().map(ImportSource::Path).collect());
    let batch = t.elapsed();
    assert!(results.iter().all(|r| r.error.is_none() && !r.duplicate));
    println!(
        "photo batch of {BATCH}, whole import ({cores} threads rendering, stored one by one)  {}   = {} a photo",
        ms(batch),
        ms(batch / BATCH as u32)
    );
    if has("vipsthumbnail") {
        let vips = parallel_processes(&files, cores, |chunk| {
            let mut c = Command::new("vipsthumbnail");
            c.args(chunk).args(["-s", "1600", "-o", "%s-vips.jpg[Q=82]"]);
            c
        });
        println!("  vs vipsthumbnail, {cores} processes  {}   ratio {}", ms(vips), ratio(batch, vips));
    }

    // --- peak memory of a fresh process -----------------------------------------------------
    if Path::new("/usr/bin/time").exists() {
        let exe = std::env::current_exe().unwrap();
        let ours = |file: &Path, library: &str| {
            let mut c = Command::new(&exe);
            c.arg(IMPORT_ONE).arg(out.join(library)).arg(file);
            max_rss_kb(&mut c)
        };
        let import_one = ours(&camera, "library-peak");
        let idle = ours(Path::new("-"), "library-idle");
        print!(
            "peak memory, fresh process importing one 24 MP photo into a library  {:.0} MB   (the same process opening the library only: {:.0} MB)",
            import_one / 1024.0,
            idle / 1024.0
        );
        if has("vipsthumbnail") {
            print!("\n  vs vipsthumbnail {:.0} MB", max_rss_kb(&mut vips_one()) / 1024.0);
        }
        if has("convert") {
            print!("   convert {:.0} MB", max_rss_kb(&mut magick_one()) / 1024.0);
        }
        println!();
    } else {
        println!("peak memory                         skipped: no GNU time (/usr/bin/time)");
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// The hidden [`IMPORT_ONE`] mode: one import into a new library, then exit.
pub fn import_one(library: &Path, file: &str) {
    let mut lib = Library::open(library).unwrap();
    if file != "-" {
        let results = import_into(&mut lib, vec![ImportSource::Path(PathBuf::from(file))]);
        assert!(results.iter().all(|r| r.error.is_none()), "{results:?}");
    }
}

fn import_into(lib: &mut Library, sources: Vec<ImportSource>) -> Vec<banthao_core::media::PhotoImportResult> {
    lib.import_photos(&sources, None, Lang::En, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

/// `BATCH` camera files, each different (a JPEG comment after the start marker), so that every
/// one is stored: copies of one file would be found in the library and skipped.
fn distinct_copies(fixtures: &Path, out: &Path) -> Vec<PathBuf> {
    let names = ["camera.jpg", "camera-orient6.jpg", "camera-orient8.jpg"];
    (0..BATCH)
        .map(|i| {
            let original = std::fs::read(fixtures.join(names[i % names.len()])).unwrap();
            assert_eq!(original[..2], [0xff, 0xd8], "a JPEG");
            let comment = format!("banthao bench copy {i}");
            let mut bytes = original[..2].to_vec();
            bytes.extend([0xff, 0xfe]);
            bytes.extend(((comment.len() + 2) as u16).to_be_bytes());
            bytes.extend(comment.as_bytes());
            bytes.extend(&original[2..]);
            let path = out.join(format!("batch-{i:02}.jpg"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

fn run_tool(cmd: &mut Command) {
    let status = cmd.stdout(std::process::Stdio::null()).status().unwrap();
    assert!(status.success(), "{cmd:?} failed");
}

/// Splits `files` over `n` concurrent processes and times until all have finished.
fn parallel_processes(files: &[PathBuf], n: usize, make: impl Fn(&[PathBuf]) -> Command) -> Duration {
    let t = Instant::now();
    let chunk = files.len().div_ceil(n);
    let children: Vec<_> = files.chunks(chunk).map(|c| make(c).spawn().unwrap()).collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    t.elapsed()
}

/// Peak resident size of a child, in KiB, from GNU time.
fn max_rss_kb(cmd: &mut Command) -> f64 {
    let mut time = Command::new("/usr/bin/time");
    time.args(["-f", "%M"]).arg(cmd.get_program()).args(cmd.get_args());
    let out = time.output().unwrap();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(f64::NAN)
}

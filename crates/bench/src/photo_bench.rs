//! Photo import figures on the 24-MP camera fixture (scripts/make-photo-fixtures.sh): one photo
//! (inspect + web + thumbnail + metadata) and a batch of 20 on all cores, each beside
//! `vipsthumbnail` (web rendition only) and ImageMagick `convert` on the same files in the same
//! run, plus peak memory per photo.

use banthao_media::{import, import_batch, inspect, ImportLimits, RenditionSpec};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::stats::{ms, ratio, Samples};

const BATCH: usize = 20;

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

    // --- one photo -------------------------------------------------------------------------
    let _ = import(&bytes, &limits, &spec).unwrap(); // warm the page cache and the allocator
    let ours = Samples::collect(10, || {
        let imported = import(&bytes, &limits, &spec).unwrap();
        assert_eq!(imported.renditions.web_size, (1600, 1067));
    });
    let inspect_only = Samples::collect(10, || {
        inspect(&bytes, &limits).unwrap();
    });
    println!(
        "photo import, 24 MP JPEG (inspect + web + thumb + metadata)  p50 {}   (inspect alone {})",
        ms(ours.p50()),
        ms(inspect_only.p50())
    );
    let web = out.join("vips.jpg");
    if has("vipsthumbnail") {
        let vips = Samples::collect(10, || {
            run_tool(
                Command::new("vipsthumbnail")
                    .arg(&camera)
                    .args(["-s", "1600", "-o"])
                    .arg(format!("{}[Q=82]", web.display())),
            )
        });
        let start = Samples::collect(5, || run_tool(Command::new("vipsthumbnail").arg("--version")));
        println!(
            "  vs vipsthumbnail -s 1600 (web only)  p50 {}   ratio {}   (its process start, included: {})",
            ms(vips.p50()),
            ratio(ours.p50(), vips.p50()),
            ms(start.p50())
        );
    }
    if has("convert") {
        let magick = Samples::collect(3, || {
            run_tool(
                Command::new("convert")
                    .arg(&camera)
                    .args(["-resize", "1600x1600", "-quality", "82"])
                    .arg(out.join("magick.jpg")),
            )
        });
        println!(
            "  vs convert -resize 1600x1600 (web only)  p50 {}   ratio {}",
            ms(magick.p50()),
            ratio(ours.p50(), magick.p50())
        );
    }

    // --- a batch of 20 on all cores --------------------------------------------------------
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let names = ["camera.jpg", "camera-orient6.jpg", "camera-orient8.jpg"];
    let files: Vec<PathBuf> = (0..BATCH)
        .map(|i| {
            let path = out.join(format!("batch-{i:02}.jpg"));
            std::fs::copy(fixtures.join(names[i % names.len()]), &path).unwrap();
            path
        })
        .collect();
    let t = Instant::now();
    let contents: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let results = import_batch(&refs, &limits, &spec, 0);
    let batch = t.elapsed();
    assert!(results.iter().all(Result::is_ok));
    println!(
        "photo batch of {BATCH} (read + import, {cores} threads)  {}   = {} a photo",
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

    // --- peak memory ----------------------------------------------------------------------
    match peak_rss_delta(|| {
        import(&bytes, &limits, &spec).unwrap();
    }) {
        Some(kb) => print!("peak memory for one 24 MP photo  {:.0} MB above the idle process", kb as f64 / 1024.0),
        None => print!("peak memory for one 24 MP photo  (VmHWM not available)"),
    }
    if Path::new("/usr/bin/time").exists() && has("vipsthumbnail") {
        let vips = max_rss_kb(
            Command::new("vipsthumbnail")
                .arg(&camera)
                .args(["-s", "1600", "-o"])
                .arg(format!("{}[Q=82]", web.display())),
        );
        let magick = max_rss_kb(
            Command::new("convert")
                .arg(&camera)
                .args(["-resize", "1600x1600", "-quality", "82"])
                .arg(out.join("magick.jpg")),
        );
        print!("   (whole process: vipsthumbnail {:.0} MB, convert {:.0} MB)", vips / 1024.0, magick / 1024.0);
    }
    println!();
    let _ = std::fs::remove_dir_all(&out);
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

/// Resets this process's high-water mark (`/proc/self/clear_refs`), runs `f`, and returns
/// how far VmHWM rose above the resident size before `f`, in KiB.
fn peak_rss_delta(f: impl FnOnce()) -> Option<u64> {
    let field = |name: &str| -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let before = field("VmRSS:")?;
    f();
    Some(field("VmHWM:")?.saturating_sub(before))
}

/// Peak resident size of a child, in KiB, from GNU time.
fn max_rss_kb(cmd: &mut Command) -> f64 {
    let mut time = Command::new("/usr/bin/time");
    time.args(["-f", "%M"]).arg(cmd.get_program()).args(cmd.get_args());
    let out = time.output().unwrap();
    String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(f64::NAN)
}

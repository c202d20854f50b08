//! Shared by the integration tests: generated fixtures (under target/, rebuilt by
//! scripts/make-photo-fixtures.sh) and exiftool's view of a rendition.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub const CAPTION: &str = "Người dân phường Hải Sơn đi bộ trên tuyến đường ven biển mới thông xe.";
pub const BYLINE: &str = "Nguyễn Văn An";
pub const CREDIT: &str = "Ảnh: Nguyễn Văn An";
pub const COPYRIGHT: &str = "© 2024 Báo Bản Thảo";

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Small committed fixture.
pub fn committed(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

/// The generated fixtures directory, or `None` (with a printed notice) when the tools that make
/// them are genuinely missing. `make test` installs them, so in CI these tests run.
pub fn generated() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or(workspace_root().join("target"));
        let dir = target.join("photo-fixtures");
        let status = Command::new(workspace_root().join("scripts/make-photo-fixtures.sh")).arg(&dir).status();
        match status {
            Ok(s) if s.success() => Some(dir),
            Ok(s) if s.code() == Some(2) => {
                eprintln!(
                    "NOTICE: skipping photo fixture tests: a tool or package is missing (run scripts/install-deps.sh)"
                );
                None
            }
            other => panic!("scripts/make-photo-fixtures.sh failed: {other:?}"),
        }
    })
    .as_deref()
}

pub fn fixture(name: &str) -> Option<Vec<u8>> {
    generated().map(|dir| std::fs::read(dir.join(name)).unwrap())
}

/// `exiftool -j -G1 -a -u` on the given bytes: every tag, grouped, duplicates kept.
pub fn exiftool(bytes: &[u8]) -> serde_json::Map<String, serde_json::Value> {
    let file = tempfile::Builder::new().suffix(".jpg").tempfile().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let out = Command::new("exiftool")
        .args(["-j", "-G1", "-a", "-u", "-charset", "iptc=UTF8"])
        .arg(file.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "exiftool: {}", String::from_utf8_lossy(&out.stderr));
    let mut list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    match list.remove(0) {
        serde_json::Value::Object(map) => map,
        other => panic!("unexpected exiftool output {other}"),
    }
}

/// Mean RGB of a `size`×`size` square whose top-left corner is at (x, y) in a JPEG.
pub fn mean_rgb(jpeg: &[u8], x: u32, y: u32, size: u32) -> [f64; 3] {
    let file = tempfile::Builder::new().suffix(".jpg").tempfile().unwrap();
    std::fs::write(file.path(), jpeg).unwrap();
    let out = Command::new("convert")
        .arg(file.path())
        .args(["-crop", &format!("{size}x{size}+{x}+{y}"), "+repage", "-scale", "1x1!", "-depth", "8", "txt:-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("0,0:")).unwrap_or_else(|| panic!("convert: {text}"));
    let inner = &line[line.find('(').unwrap() + 1..line.find(')').unwrap()];
    let v: Vec<f64> = inner.split(',').map(|s| s.trim().trim_end_matches('%').parse().unwrap()).collect();
    [v[0], v[1], v[2]]
}

/// Mean absolute difference per channel (0–255) between two pictures of the same size, by
/// ImageMagick's `compare -metric MAE`.
pub fn mean_difference(a: &[u8], b: &[u8]) -> f64 {
    let (fa, fb) = (
        tempfile::Builder::new().suffix(".jpg").tempfile().unwrap(),
        tempfile::Builder::new().suffix(".jpg").tempfile().unwrap(),
    );
    std::fs::write(fa.path(), a).unwrap();
    std::fs::write(fb.path(), b).unwrap();
    let out =
        Command::new("compare").args(["-metric", "MAE"]).arg(fa.path()).arg(fb.path()).arg("null:").output().unwrap();
    // "1234.5 (0.0188)": the normalised figure in parentheses, 0–1.
    let text = String::from_utf8_lossy(&out.stderr);
    let normalised = text.split(['(', ')']).nth(1).and_then(|v| v.trim().parse::<f64>().ok());
    normalised.unwrap_or_else(|| panic!("compare: {text}")) * 255.0
}

/// ImageMagick's own rendering of a generated fixture (after `args`), as a JPEG of `size`.
pub fn imagemagick_reference(name: &str, args: &[&str], size: (u32, u32)) -> Vec<u8> {
    let out = Command::new("convert")
        .arg(generated().unwrap().join(name))
        .args(args)
        .args(["-resize", &format!("{}x{}!", size.0, size.1), "-quality", "95", "jpg:-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "convert {name}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// What every rendition promises: no GPS, serial numbers, maker notes or EXIF at all, sRGB
/// without a profile, three channels, and the caption in IPTC and XMP when there is one.
pub fn assert_publishable(name: &str, jpeg: &[u8], caption: Option<&str>) {
    let tags = exiftool(jpeg);
    for key in tags.keys() {
        let k = key.to_lowercase();
        assert!(!k.contains("gps") && !k.contains("serial") && !k.contains("maker"), "{name}: {key}");
        assert!(!k.starts_with("ifd0:") && !k.starts_with("exififd:"), "{name}: no EXIF at all, got {key}");
        assert!(!k.starts_with("icc_profile:") && !k.starts_with("adobe:"), "{name}: plain sRGB, got {key}");
    }
    assert_eq!(tags.get("File:ColorComponents").and_then(serde_json::Value::as_u64), Some(3), "{name}");
    if let Some(caption) = caption {
        assert_eq!(tags.get("IPTC:Caption-Abstract").and_then(serde_json::Value::as_str), Some(caption), "{name}");
        assert_eq!(tags.get("XMP-dc:Description").and_then(serde_json::Value::as_str), Some(caption), "{name}");
    }
}

//! `banthao photo …` on camera-like fixtures (made by scripts/make-photo-fixtures.sh).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("target/photo-fixtures");
    let status = Command::new(root.join("scripts/make-photo-fixtures.sh")).arg(&dir).status().unwrap();
    assert!(status.success(), "photo fixtures: run scripts/install-deps.sh first");
    dir
}

fn banthao(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banthao")).arg("--library").arg(library).args(args).output().unwrap()
}

#[test]
fn import_a_batch_with_bad_files_in_it() {
    let f = fixtures();
    let tmp = tempfile::tempdir().unwrap();
    let path = |n: &str| f.join(n).display().to_string();
    let id = String::from_utf8(banthao(tmp.path(), &["new", "--headline", "Ảnh"]).stdout).unwrap();
    let files = [
        path("camera-orient6.jpg"),
        path("bomb.png"),
        path("not-an-image.jpg"),
        path("photo.webp"),
        path("camera-orient6.jpg"),
    ];
    let mut args = vec!["photo", "import", "--article", id.trim(), "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = banthao(tmp.path(), &args);
    assert!(!out.status.success(), "a batch with bad files exits non-zero");
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.len(), 5, "one result per file, in order");

    let first = &results[0];
    assert_eq!(
        (first["width"].as_u64(), first["height"].as_u64()),
        (Some(4000), Some(6000)),
        "orientation 6 swaps the size"
    );
    assert_eq!(first["caption"], "Người dân phường Hải Sơn đi bộ trên tuyến đường ven biển mới thông xe.");
    assert_eq!(first["credit"], "Ảnh: Nguyễn Văn An");
    for key in ["web", "thumb"] {
        assert!(Path::new(first[key].as_str().unwrap()).exists(), "{key} rendition written");
    }
    assert_eq!(results[1]["error"]["code"], "invalid_media");
    assert!(results[1]["error"]["message"].as_str().unwrap().contains("bomb.png"));
    assert_eq!(results[2]["error"]["code"], "invalid_media");
    assert!(results[3]["media_id"].is_number(), "the batch went on after the bad files");
    assert_eq!(results[4]["duplicate"], true, "the same photo twice is stored once");
    assert_eq!(results[4]["media_id"], results[0]["media_id"]);
    let originals: Vec<_> = walk(&tmp.path().join("media/originals"));
    assert_eq!(originals.len(), 2, "two distinct originals stored: {originals:?}");

    let media_id = first["media_id"].to_string();
    let shown: Value =
        serde_json::from_slice(&banthao(tmp.path(), &["photo", "show", &media_id, "--json"]).stdout).unwrap();
    assert_eq!(shown["had_gps"], true);
    assert_eq!(shown["original_name"], "camera-orient6.jpg");
    let rendition = banthao(tmp.path(), &["photo", "rendition", &media_id, "--size", "thumb"]);
    assert!(rendition.status.success());
    let thumb = String::from_utf8(rendition.stdout).unwrap();
    assert_eq!(thumb.trim(), first["thumb"].as_str().unwrap());
    let err = banthao(tmp.path(), &["photo", "show", "999"]);
    assert!(!err.status.success() && String::from_utf8_lossy(&err.stderr).contains("Không tìm thấy ảnh 999"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

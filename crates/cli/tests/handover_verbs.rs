//! `banthao export ID --format banthao --out FILE` and `banthao import FILE.banthao [--keep …]`,
//! run as a user runs them: two libraries, a photo in a figure, a note; handed over, handed
//! back, a conflict shown side by side (exit 1, nothing changed) and settled with --keep.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn banthao(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banthao"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("BANTHAO_LIBRARY")
        .env("BANTHAO_USER", "Nguyễn Văn An")
        .output()
        .unwrap()
}

fn ok(library: &Path, args: &[&str]) -> String {
    let out = banthao(library, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(library: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(library, args)).unwrap()
}

fn headline(library: &Path, id: &str) -> String {
    json(library, &["show", id, "--json"])["headline"].as_str().unwrap().to_string()
}

#[test]
fn hand_over_hand_back_and_settle_a_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let photo = tmp.path().join("duong.jpg");
    let made = Command::new("convert").args(["-size", "80x60", "gradient:red-blue"]).arg(&photo).status().unwrap();
    assert!(made.success(), "ImageMagick's convert (scripts/install-deps.sh)");

    let id = ok(&a, &["new", "--headline", "Đường ven biển thông xe", "--sapo", "Sáng 2-3, tuyến đường mới thông xe."]);
    let id = id.trim();
    ok(&a, &["photo", "import", "--article", id, "--figure", photo.to_str().unwrap()]);
    ok(&a, &["note", "add", id, "--text", "Nguồn số liệu?", "--quote", "tuyến đường mới"]);

    // --out is required: the handover file is a ZIP, never printed.
    let out = banthao(&a, &["export", id, "--format", "banthao"]);
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));

    let file = tmp.path().join("bai.banthao");
    let exported = json(&a, &["export", id, "--format", "banthao", "--out", file.to_str().unwrap(), "--json"]);
    assert_eq!((exported["photos"].as_u64(), exported["notes"].as_u64()), (Some(1), Some(1)));
    assert_eq!(exported["bytes"].as_u64(), Some(std::fs::metadata(&file).unwrap().len()));
    let text = ok(&a, &["export", id, "--format", "banthao", "--out", file.to_str().unwrap()]);
    assert!(text.contains("1 ảnh/photos") && text.contains("1 ghi chú/notes"), "{text}");

    let rows = json(&b, &["import", file.to_str().unwrap(), "--json"]);
    assert_eq!(rows[0]["outcome"], "created");
    assert_eq!((rows[0]["photos_added"].as_u64(), rows[0]["notes_added"].as_u64()), (Some(1), Some(1)));
    let b_id = rows[0]["article_id"].as_i64().unwrap().to_string();
    assert_eq!(headline(&b, &b_id), "Đường ven biển thông xe");
    let notes = json(&b, &["note", "list", &b_id, "--json"]);
    assert_eq!(notes[0]["quote"], "tuyến đường mới");
    // The figure points at the photo as stored in B, byte for byte the same original.
    let shown = json(&b, &["show", &b_id, "--json"]);
    let figure = shown["body"]["content"].as_array().unwrap().iter().find(|n| n["type"] == "figure").unwrap().clone();
    let media_id = figure["attrs"]["media_id"].as_i64().unwrap().to_string();
    let media = json(&b, &["photo", "show", &media_id, "--json"]);
    let original = b.join("media/originals").join(&media["hash"].as_str().unwrap()[..2]).join(format!(
        "{}.{}",
        media["hash"].as_str().unwrap(),
        media["format"].as_str().unwrap()
    ));
    assert_eq!(std::fs::read(original).unwrap(), std::fs::read(&photo).unwrap());

    // Handed back after an edit on B: merged into the same article.
    ok(&b, &["update", &b_id, "--sapo", "Sáng 2-3, tuyến đường ven biển mới chính thức thông xe."]);
    let back = tmp.path().join("tra-lai.banthao");
    ok(&b, &["export", &b_id, "--format", "banthao", "--out", back.to_str().unwrap()]);
    let line = ok(&a, &["import", back.to_str().unwrap()]);
    assert!(line.contains("merged") && line.contains(&format!(" {id} ")), "{line}");
    assert_eq!(json(&a, &["show", id, "--json"])["sapo"], "Sáng 2-3, tuyến đường ven biển mới chính thức thông xe.");
    assert_eq!(json(&a, &["list", "--json"]).as_array().map(Vec::len), Some(1));

    // The headline changed differently on both sides: both shown, exit 1, nothing changed.
    ok(&a, &["update", id, "--headline", "Đường ven biển Hải Sơn thông xe"]);
    ok(&b, &["update", &b_id, "--headline", "Thông xe đường ven biển"]);
    ok(&b, &["export", &b_id, "--format", "banthao", "--out", back.to_str().unwrap()]);
    let out = banthao(&a, &["import", back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("[headline]"), "{shown}");
    assert!(shown.contains("ở đây / local:\n    Đường ven biển Hải Sơn thông xe"), "{shown}");
    assert!(shown.contains("trong tệp / incoming:\n    Thông xe đường ven biển"), "{shown}");
    assert!(shown.contains("--keep"), "{shown}");
    assert_eq!(headline(&a, id), "Đường ven biển Hải Sơn thông xe");
    let rows = json(&a, &["import", back.to_str().unwrap(), "--keep", "incoming", "--json"]);
    assert_eq!(rows[0]["outcome"], "merged");
    assert_eq!(headline(&a, id), "Thông xe đường ven biển");

    // A damaged file: refused with its code, in both languages.
    let bytes = std::fs::read(&file).unwrap();
    let cut = tmp.path().join("cut.banthao");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = banthao(&b, &["import", cut.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["error"]["code"], "invalid_file");
    let out = banthao(&b, &["import", cut.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("lỗi:") && err.contains("bị hỏng") && err.contains("damaged"), "{err}");
}

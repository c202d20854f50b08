//! The `banthao` binary, run as a user runs it: each verb, its JSON shape, its errors.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn banthao(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banthao"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("BANTHAO_LIBRARY")
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

fn fails(library: &Path, args: &[&str]) -> String {
    let out = banthao(library, args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "no data on stdout for an error");
    String::from_utf8(out.stderr).unwrap()
}

const ARTICLE_KEYS: [&str; 15] = [
    "id",
    "headline",
    "sapo",
    "body",
    "section",
    "keywords",
    "byline",
    "dateline",
    "slug",
    "slug_auto",
    "status",
    "editor_note",
    "version",
    "created_at",
    "updated_at",
];

#[test]
fn new_then_show_list_search_export() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("thu-vien");
    let body = tmp.path().join("body.txt");
    // NFD on purpose: the CLI must store NFC.
    std::fs::write(&body, "Đoa\u{0323}n mo\u{0302}\u{0323}t, dòng một\ndòng hai.\n\nNgười dân Đà Nẵng đổ ra đường.\n")
        .unwrap();
    let id = ok(
        &lib,
        &[
            "new",
            "--headline",
            "Quận Dương Kinh mở đường",
            "--sapo",
            "Sáng 2-3, UBND quận…",
            "--body-file",
            body.to_str().unwrap(),
            "--section",
            "Giao thông",
            "--keywords",
            "Hải Phòng, giao thông",
        ],
    );
    let id: i64 = id.trim().parse().expect("new prints the id");
    assert!(lib.join("library.sqlite").exists(), "the library folder is created when missing");

    let a = json(&lib, &["show", &id.to_string(), "--json"]);
    for key in ARTICLE_KEYS {
        assert!(a.get(key).is_some(), "article JSON lacks {key}: {a}");
    }
    assert_eq!(a["headline"], "Quận Dương Kinh mở đường");
    assert_eq!(a["keywords"], serde_json::json!(["Hải Phòng", "giao thông"]));
    assert_eq!(a["slug"], "quan-duong-kinh-mo-duong");
    assert_eq!(a["status"], "draft");
    assert_eq!(a["body"]["type"], "doc");
    assert_eq!(a["body"]["content"][0]["content"][0]["text"], "Đoạn một, dòng một dòng hai.");
    assert_eq!(a["body"]["content"][1]["content"][0]["text"], "Người dân Đà Nẵng đổ ra đường.");
    let created = a["created_at"].as_str().unwrap();
    assert!(chrono_like_utc(created), "{created}");

    let human = ok(&lib, &["show", &id.to_string()]);
    assert!(human.contains("Quận Dương Kinh mở đường") && human.contains("chuyên mục: Giao thông"), "{human}");

    let with_json = json(&lib, &["new", "--headline", "Bài hai", "--json"]);
    assert_eq!(with_json["headline"], "Bài hai");
    assert_eq!(with_json["body"]["content"][0]["type"], "paragraph");

    let list = json(&lib, &["list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["headline"], "Bài hai", "newest first");
    for key in ["id", "headline", "section", "status", "updated_at"] {
        assert!(rows[0].get(key).is_some(), "list row lacks {key}");
    }
    assert!(json(&lib, &["list", "--status", "submitted", "--json"]).as_array().unwrap().is_empty());
    let text_list = ok(&lib, &["list"]);
    assert!(text_list.contains("Quận Dương Kinh mở đường"), "{text_list}");

    let hits = json(&lib, &["search", "da nang", "--json"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], id);
    assert_eq!(hits[0]["headline"], "Quận Dương Kinh mở đường");
    assert!(hits[0]["snippet"].as_str().unwrap().contains("Đà Nẵng"), "{}", hits[0]);
    assert_eq!(json(&lib, &["search", "duong kinh", "--json"])[0]["id"], id);
    let human_hits = ok(&lib, &["search", "duong kinh"]);
    assert!(human_hits.contains("Quận Dương Kinh mở đường") && human_hits.contains("ra [đường]"), "{human_hits}");

    let exported: Value = serde_json::from_str(&ok(&lib, &["export", &id.to_string(), "--format", "json"])).unwrap();
    assert_eq!(exported, a);
    let html = ok(&lib, &["export", &id.to_string(), "--format", "html"]);
    assert!(html.starts_with("<!doctype html>") && html.contains("<h1>Quận Dương Kinh mở đường</h1>"), "{html}");
    assert!(html.contains("<p>Người dân Đà Nẵng đổ ra đường.</p>"));
}

fn chrono_like_utc(s: &str) -> bool {
    s.len() >= 20 && s.ends_with('Z') && s.as_bytes()[10] == b'T'
}

#[test]
fn the_library_env_var_chooses_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_banthao"))
        .args(["new", "--headline", "Từ biến môi trường"])
        .env("BANTHAO_LIBRARY", tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(json(tmp.path(), &["list", "--json"])[0]["headline"], "Từ biến môi trường");
}

#[test]
fn unknown_ids_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    for verb in [&["show", "4242"][..], &["export", "4242", "--format", "html"]] {
        let err = fails(tmp.path(), verb);
        assert!(err.contains("Không tìm thấy bài viết 4242"), "{err}");
        assert!(err.contains("Article 4242 not found"), "{err}");
    }
}

#[test]
fn unreadable_body_files_are_clear_errors_and_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("khong-co.txt");
    let err = fails(tmp.path(), &["new", "--headline", "x", "--body-file", missing.to_str().unwrap()]);
    assert!(err.contains("khong-co.txt") && err.contains("không tồn tại"), "{err}");
    let latin1 = tmp.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 \xff\xfe").unwrap();
    let err = fails(tmp.path(), &["new", "--headline", "x", "--body-file", latin1.to_str().unwrap()]);
    assert!(err.contains("latin1.txt") && err.contains("bảng mã") && err.contains("encoding"), "{err}");
    let binary = tmp.path().join("anh.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let err = fails(tmp.path(), &["new", "--headline", "x", "--body-file", binary.to_str().unwrap()]);
    assert!(err.contains("anh.txt"), "{err}");
    assert!(json(tmp.path(), &["list", "--json"]).as_array().unwrap().is_empty(), "nothing half-created");
}

#[test]
fn a_library_from_a_newer_app_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["new", "--headline", "x"]);
    bump_schema_version(tmp.path());
    let err = fails(tmp.path(), &["list"]);
    assert!(err.contains("mới hơn") && err.contains("newer"), "{err}");
}

/// Makes the library look as if a newer Bản Thảo had written it.
fn bump_schema_version(dir: &Path) {
    let lib = banthao_core::Library::open(dir).unwrap();
    lib.connection().pragma_update(None, "user_version", 999).unwrap();
}

#[test]
fn a_damaged_library_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("library.sqlite"), vec![7u8; 8192]).unwrap();
    let err = fails(tmp.path(), &["list", "--json"]);
    assert!(err.contains("bị hỏng") && err.contains("damaged"), "{err}");
}

#[test]
fn usage_errors_exit_non_zero() {
    let tmp = tempfile::tempdir().unwrap();
    fails(tmp.path(), &["show", "not-a-number"]);
    fails(tmp.path(), &["export", "1", "--format", "pdf"]);
    fails(tmp.path(), &["list", "--status", "lost"]);
}

#[test]
fn a_reader_that_goes_away_stops_the_output_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    ok(tmp.path(), &["new", "--headline", "Bài một"]);
    // The pipe's reading end is closed before the CLI writes: its first print meets EPIPE.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_banthao"))
        .arg("--library")
        .arg(tmp.path())
        .args(["list", "--json"])
        .env_remove("BANTHAO_LIBRARY")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn list_sorts_by_a_column_and_filters_by_author() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("thu-vien");
    for (headline, byline) in
        [("Đà Nẵng mưa to", "Trần Bình"), ("An Giang mùa nước nổi", "Lê An"), ("Ăn Tết ở Huế", "Trần Bình")]
    {
        ok(&lib, &["new", "--headline", headline, "--byline", byline]);
    }
    let headlines = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        json(&lib, &all).as_array().unwrap().iter().map(|a| a["headline"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(headlines(&["--sort", "headline"]), ["An Giang mùa nước nổi", "Ăn Tết ở Huế", "Đà Nẵng mưa to"]);
    assert_eq!(
        headlines(&["--sort", "headline", "--reverse"]),
        ["Đà Nẵng mưa to", "Ăn Tết ở Huế", "An Giang mùa nước nổi"]
    );
    assert_eq!(headlines(&["--author", "Trần Bình"]), ["Ăn Tết ở Huế", "Đà Nẵng mưa to"]);
    assert!(fails(&lib, &["list", "--sort", "length"]).contains("sort by"));
}

#[test]
fn trash_archive_restore_and_empty_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let id = |v: Value| v["id"].as_i64().unwrap().to_string();
    let a = id(json(lib, &["--json", "new", "--headline", "Bài bỏ đi"]));
    let b = id(json(lib, &["--json", "new", "--headline", "Bài lưu trữ"]));
    let listed = |shelf: &str| -> Vec<String> {
        json(lib, &["--json", "list", "--shelf", shelf])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["headline"].as_str().unwrap().to_string())
            .collect()
    };
    ok(lib, &["trash", &a]);
    ok(lib, &["archive", &b]);
    assert!(listed("active").is_empty());
    assert_eq!(listed("trash"), ["Bài bỏ đi"]);
    assert_eq!(listed("archived"), ["Bài lưu trữ"]);
    ok(lib, &["restore", &a]);
    ok(lib, &["archive", "--undo", &b]);
    assert_eq!(listed("active").len(), 2);
    ok(lib, &["trash", &a]);
    assert_eq!(json(lib, &["--json", "empty-trash"])["deleted"], 1);
    assert!(fails(lib, &["show", &a]).contains("not found"));
    assert!(fails(lib, &["list", "--shelf", "bin"]).contains("active, archived or trash"));
}

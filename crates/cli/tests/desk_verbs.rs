//! The desk verbs (`update`, `status`, `note`, `history`, `diff`, `queue`, `preview`,
//! `checklist`), run as a reporter and an editor run them: who acts comes from
//! `BANTHAO_USER` / `BANTHAO_ROLE`.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const AN: (&str, &str) = ("Nguyễn Thị An", "reporter");
const MINH: (&str, &str) = ("Minh", "biên tập viên");

fn banthao_with(library: &Path, who: (&str, &str), args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banthao"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("BANTHAO_LIBRARY")
        .env("BANTHAO_USER", who.0)
        .env("BANTHAO_ROLE", who.1)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn ok(library: &Path, who: (&str, &str), args: &[&str]) -> String {
    let out = banthao_with(library, who, args, None);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(library: &Path, who: (&str, &str), args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&ok(library, who, &args)).unwrap()
}

/// Exits 1 (not a usage error), nothing on stdout; returns stderr.
fn refused(library: &Path, who: (&str, &str), args: &[&str]) -> String {
    let out = banthao_with(library, who, args, None);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail with 1: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "no data on stdout for an error");
    String::from_utf8(out.stderr).unwrap()
}

/// A new article by An, with `body` (paragraphs separated by blank lines); its id.
fn article(library: &Path, headline: &str, body: &str) -> String {
    let file = library.with_extension("body.txt");
    std::fs::write(&file, body).unwrap();
    let args = ["new", "--headline", headline, "--sapo", "Sáng 2-12…", "--section", "Thời sự", "--body-file"];
    let id = ok(library, AN, &[&args[..], &[file.to_str().unwrap()]].concat());
    id.trim().to_string()
}

#[test]
fn from_draft_to_returned_and_back_to_the_reporter() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let id = &article(&lib, "Cầu Rồng phun lửa đêm cuối tuần", "Đoạn một.");

    assert_eq!(ok(&lib, AN, &["status", id, "chờ duyệt"]).trim(), "submitted  Chờ duyệt", "a Vietnamese label");
    let editor_queue = json(&lib, MINH, &["queue", "--role", "editor"]);
    assert_eq!(editor_queue["groups"][0]["key"], "submitted");
    assert_eq!(editor_queue["groups"][0]["items"][0]["article"]["id"], id.parse::<i64>().unwrap());
    assert_eq!(json(&lib, MINH, &["status", id, "in_review"])["status"], "in_review");

    let err = refused(&lib, MINH, &["status", id, "published"]);
    assert!(err.contains("Không thể chuyển bài từ “Đang biên tập” sang “Đã đăng”"), "{err}");
    assert!(err.contains("From “In review” it can go to: Approved, Returned"), "{err}");
    let err = refused(&lib, MINH, &["status", id, "returned"]);
    assert!(
        err.contains("Trả lại bài cần một ghi chú") && err.contains("needs a note") && err.contains("--note"),
        "{err}"
    );
    ok(&lib, MINH, &["status", id, "returned", "--note", "Thiếu nguồn tin ở đoạn hai."]);

    let mine = json(&lib, AN, &["queue", "--role", "reporter"]);
    assert_eq!(mine["groups"][0]["key"], "returned", "returned articles come first: {mine}");
    assert_eq!(mine["groups"][0]["count"], 1);
    assert_eq!(mine["groups"][0]["items"][0]["article"]["id"], id.parse::<i64>().unwrap());
    let text = ok(&lib, AN, &["queue"]);
    assert!(text.starts_with("Bị trả lại / returned (1)\n  #") && text.contains("(chờ từ "), "{text}");

    let history = json(&lib, AN, &["history", id]);
    let steps: Vec<(&str, &str, &str, &str)> = history["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["to"].as_str().unwrap(),
                t["actor"].as_str().unwrap(),
                t["role"].as_str().unwrap(),
                t["note"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("submitted", AN.0, "reporter", ""),
            ("in_review", MINH.0, "editor", ""),
            ("returned", MINH.0, "editor", "Thiếu nguồn tin ở đoạn hai.")
        ]
    );
    assert_eq!(history["revisions"][0]["reason"], "created");
    let text = ok(&lib, AN, &["history", id]);
    assert!(text.contains("Đang biên tập → Trả lại  Minh (editor)  “Thiếu nguồn tin ở đoạn hai.”"), "{text}");
}

#[test]
fn who_acts_and_what_a_step_needs_are_clear_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let id = &article(&lib, "Tít", "Đoạn.");
    let err = refused(&lib, ("An", "sếp"), &["list"]);
    assert!(err.contains("BANTHAO_ROLE") && err.contains("reporter"), "{err}");
    let err = refused(&lib, AN, &["update", id]);
    assert!(err.contains("--headline") && err.contains("--body-file"), "says what can be given: {err}");
    assert_eq!(ok(&lib, AN, &["update", id, "--headline", "Tít mới", "--keywords", "a, b"]).trim(), "2");
    let checklist = json(&lib, AN, &["checklist", id]);
    assert_eq!(checklist["all_ok"], true, "{checklist}");
    let out = banthao_with(&lib, AN, &["status", id, "lost"], None);
    assert_eq!(out.status.code(), Some(2), "an unknown status is a usage error");
}

#[test]
fn notes_follow_the_text_and_detach_when_it_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let id = &article(&lib, "Lễ hội", "Đoạn một.\n\nNgười dân Đà Nẵng đổ ra đường.");
    let note = ok(&lib, MINH, &["note", "add", id, "--text", "Kiểm tra lại số liệu", "--quote", "Đà Nẵng"]);
    let note_id = note.trim();
    let reply = ok(&lib, AN, &["note", "add", id, "--text", "Đã kiểm tra", "--reply-to", note_id]);
    assert_ne!(reply.trim(), note_id, "a reply has its own id");

    let before = json(&lib, AN, &["note", "list", id]);
    assert_eq!(before[0]["anchor"], serde_json::json!({"field": "body", "block": 1, "start": 10, "end": 17}));
    let body = "Đoạn mở đầu.\n\nĐoạn một.\n\nHôm qua, người dân Đà Nẵng đổ ra đường.";
    let out = banthao_with(&lib, AN, &["update", id, "--body-file", "-"], Some(body));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let notes = json(&lib, AN, &["note", "list", id]);
    let n = &notes[0];
    assert_eq!(n["quote"], "Đà Nẵng");
    assert_eq!((n["anchor"]["block"].as_u64(), n["anchor"]["start"].as_u64()), (Some(2), Some(19)), "{n}");
    for key in [
        "id",
        "text",
        "quote",
        "anchor",
        "resolved",
        "author",
        "created_at",
        "replies",
        "detached",
        "photo_request",
        "role",
        "resolved_by",
    ] {
        assert!(n.get(key).is_some(), "note JSON lacks {key}: {n}");
    }
    assert_eq!((n["author"].as_str(), n["role"].as_str()), (Some(MINH.0), Some("editor")));
    assert_eq!(n["replies"][0]["text"], "Đã kiểm tra");

    let out = banthao_with(&lib, AN, &["update", id, "--body-file", "-"], Some("Đoạn mở đầu.\n\nĐoạn một."));
    assert!(out.status.success());
    let n = &json(&lib, AN, &["note", "list", id])[0];
    assert_eq!((&n["anchor"], &n["detached"], &n["quote"]), (&Value::Null, &Value::Bool(true), &"Đà Nẵng".into()));

    assert_eq!(json(&lib, AN, &["note", "resolve", id, note_id])["resolved"], true);
    assert_eq!(json(&lib, AN, &["note", "resolve", id, note_id, "--reopen"])["resolved"], false);
    let err = refused(&lib, AN, &["note", "add", id, "--text", "x", "--quote", "không có"]);
    assert!(err.contains("không có"), "{err}");
}

#[test]
fn a_tone_mark_change_shows_the_syllable_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let id = &article(&lib, "Tít", "Người dân hoà mình vào lễ hội.");
    ok(&lib, AN, &["status", id, "submitted"]);
    let out = banthao_with(&lib, MINH, &["update", id, "--body-file", "-"], Some("Người dân hòa mình vào lễ hội."));
    assert!(out.status.success());

    let diff = json(&lib, MINH, &["diff", id]);
    let body = diff["fields"].as_array().unwrap().iter().find(|f| f["field"] == "body").unwrap();
    let pieces: Vec<(&str, &str)> = body["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["op"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(pieces, [("equal", "Người dân "), ("delete", "hoà"), ("insert", "hòa"), ("equal", " mình vào lễ hội.")]);
    let text = ok(&lib, MINH, &["diff", id]);
    assert!(text.contains("body 0 (paragraph):\n  Người dân [-hoà-]{+hòa+} mình vào lễ hội."), "{text}");
    assert!(!text.contains("headline:"), "unchanged fields are left out: {text}");
}

/// A 1×1 PNG.
const PIXEL: [u8; 70] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba,
    0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn the_preview_is_what_readers_see() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let id = &article(&lib, "Cầu Rồng & lễ hội", "Người dân đổ ra đường.");
    let photo = tmp.path().join("anh.png");
    std::fs::write(&photo, PIXEL).unwrap();
    let import = ["photo", "import", photo.to_str().unwrap(), "--article", id, "--figure"];
    ok(
        &lib,
        AN,
        &[&import[..], &["--caption", "Pháo hoa", "--credit", "TTXVN", "--alt", "Pháo hoa trên sông Hàn"]].concat(),
    );
    ok(&lib, MINH, &["note", "add", id, "--text", "Ghi chú nội bộ không đăng", "--quote", "đổ ra"]);

    let out = tmp.path().join("xem truoc.html");
    assert!(ok(&lib, AN, &["preview", id, "--out", out.to_str().unwrap()]).is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<h1>Cầu Rồng &amp; lễ hội</h1>"), "{html}");
    assert!(!html.contains("Ghi chú nội bộ"), "notes never reach readers");
    let src = html.split("<img src=\"").nth(1).and_then(|s| s.split('"').next()).expect("the photo");
    let path = src.strip_prefix("file://").expect("a file URL");
    assert!(Path::new(path).is_absolute() && Path::new(path).exists(), "{src}");
    assert_eq!(ok(&lib, AN, &["preview", id]), html, "stdout without --out");
}

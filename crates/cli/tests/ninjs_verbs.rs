//! ninjs from the command line, against a local receiver (no WordPress): `endpoint add
//! --type ninjs` with the secret on standard input, `sync` delivering a signed item, a second
//! `sync` sending nothing, and `export --format ninjs` writing the item to a file; `endpoint
//! list` telling the kinds apart, and a lost secret refused in its own words.

#[path = "../../sync/tests/support/ninjs_receiver.rs"]
mod ninjs_receiver;

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs the CLI and expects it to succeed.
fn run(library: &Path, args: &[&str], stdin: Option<&str>, secret: Option<&str>) -> Output {
    let out = attempt(library, args, stdin, secret);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn attempt(library: &Path, args: &[&str], stdin: Option<&str>, secret: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_banthao"));
    c.arg("--library").arg(library).args(args).env_remove("BANTHAO_LIBRARY").env_remove("BANTHAO_PASSWORD");
    // Never the user's own keychain: without a session bus the secret is given per run.
    c.env_remove("DBUS_SESSION_BUS_ADDRESS").env("BANTHAO_HTTP_TIMEOUT", "5");
    if let Some(s) = secret {
        c.env("BANTHAO_PASSWORD", s);
    }
    let mut child = c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn endpoint_add_sync_and_export_ninjs() {
    let receiver = ninjs_receiver::Receiver::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let url = receiver.url();
    let added = run(lib, &["endpoint", "add", "CMS", "--type", "ninjs", "--url", &url], Some("khoá-ký\n"), None);
    let text = String::from_utf8_lossy(&added.stdout);
    assert_eq!(
        text.trim(),
        format!("CMS  ninjs  {url}  tệp ảnh / assets {url}/assets  có ký / signed  (trả lời / answered HTTP 405)")
    );
    let created = run(lib, &["--json", "new", "--headline", "Tin mới", "--sapo", "Sapo."], None, None);
    let id = serde_json::from_slice::<Value>(&created.stdout).unwrap()["id"].as_i64().unwrap();

    let synced = run(lib, &["--json", "sync", "--endpoint", "CMS", &id.to_string()], None, Some("khoá-ký"));
    let lines: Value = serde_json::from_slice(&synced.stdout).unwrap();
    assert_eq!(lines[0]["outcome"], "created", "{lines}");
    let items = receiver.items();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["headlines"][0]["value"], "Tin mới");
    let post = receiver.requests().into_iter().find(|r| r.method == "POST").unwrap();
    assert!(post.header("x-superdesk-signature").is_some_and(|s| s.starts_with("sha1=") && s.len() == 45));

    receiver.clear_requests();
    run(lib, &["sync"], None, Some("khoá-ký"));
    assert!(receiver.requests().is_empty(), "nothing changed, nothing sent");

    let out = dir.path().join("tin.json");
    run(lib, &["export", &id.to_string(), "--format", "ninjs", "--out", out.to_str().unwrap()], None, None);
    let item: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(item["uri"], items[0]["uri"]);
    assert_eq!(item["pubstatus"], "withheld");
}

#[test]
fn endpoint_list_shows_the_kind_and_a_lost_secret_is_named() {
    let receiver = ninjs_receiver::Receiver::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    let url = receiver.url();
    run(lib, &["endpoint", "add", "CMS", "--type", "ninjs", "--url", &url], Some("khoá-ký\n"), None);
    let assets = format!("{url}/kho-anh");
    run(lib, &["endpoint", "add", "Kho", "--type", "ninjs", "--url", &url, "--assets-url", &assets], Some("\n"), None);

    let listed = run(lib, &["endpoint", "list"], None, None);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        format!(
            "CMS  ninjs  {url}  tệp ảnh / assets {url}/assets  có ký / signed\n\
             Kho  ninjs  {url}  tệp ảnh / assets {assets}  không ký / unsigned\n"
        )
    );
    let listed: Value = serde_json::from_slice(&run(lib, &["endpoint", "list", "--json"], None, None).stdout).unwrap();
    let fields: Vec<_> =
        listed.as_array().unwrap().iter().map(|e| (&e["name"], &e["kind"], &e["assets_url"], &e["signed"])).collect();
    assert_eq!(
        fields,
        [
            (&Value::from("CMS"), &Value::from("ninjs"), &Value::from(format!("{url}/assets")), &Value::from(true)),
            (&Value::from("Kho"), &Value::from("ninjs"), &Value::from(assets), &Value::from(false)),
        ]
    );
    assert!(!listed.to_string().contains("khoá-ký"));

    // No keychain here: the secret lived only in the run that added the profile.
    let created = run(lib, &["--json", "new", "--headline", "Tin mới"], None, None);
    let id = serde_json::from_slice::<Value>(&created.stdout).unwrap()["id"].as_i64().unwrap();
    let out = attempt(lib, &["--json", "sync", "--endpoint", "CMS", &id.to_string()], None, None);
    assert!(!out.status.success());
    let lines: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(lines[0]["outcome"], "failed", "{lines}");
    assert_eq!(lines[0]["error"]["code"], "auth_failed");
    assert_eq!(
        lines[0]["error"]["message"],
        "Chưa có khoá ký cho nơi nhận “CMS”: hãy nhập lại trong Cài đặt → Đăng bài. Bài không được gửi đi khi chưa ký."
    );
    assert!(receiver.items().is_empty(), "nothing sent unsigned");
}

//! ninjs from the command line, against a local receiver (no WordPress): `endpoint add
//! --type ninjs` with the secret on standard input, `sync` delivering a signed item, a second
//! `sync` sending nothing, and `export --format ninjs` writing the item to a file.

#[path = "../../sync/tests/support/ninjs_receiver.rs"]
mod ninjs_receiver;

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(library: &Path, args: &[&str], stdin: Option<&str>, secret: Option<&str>) -> Output {
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
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
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

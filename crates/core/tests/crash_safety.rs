//! Kills a process with SIGKILL in the middle of a stream of saves, again and again, and
//! checks that the library stays sound and that every save acknowledged before a kill is
//! there. The child is this same test binary, re-run with `BANTHAO_CRASH_CHILD` set.

mod common;

use banthao_core::*;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const KILLS: usize = 120;
const CHILD_ENV: &str = "BANTHAO_CRASH_CHILD";

/// The child: saves forever, printing `ack` lines only after each save has committed.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else { return };
    let mut lib = Library::open(std::path::Path::new(&dir)).unwrap();
    let run: u64 = std::env::var("BANTHAO_CRASH_RUN").unwrap().parse().unwrap();
    let shared = lib.list_articles(&ListQuery::default()).unwrap().into_iter().find(|a| a.headline == "shared");
    let shared = match shared {
        Some(s) => lib.get_article(s.id).unwrap(),
        None => lib.create_article(new_article("shared", "", &["0"])).unwrap(),
    };
    let mut version = shared.version;
    for n in 0u64.. {
        // A new article, then an update of the shared one: both kinds of save.
        let text = format!("run {run} save {n} – Dương Kinh {}", "chữ ".repeat((n % 50) as usize));
        let a = lib.create_article(new_article(&format!("r{run}-n{n}"), "", &[&text])).unwrap();
        println!("ack new {} {run} {n}", a.id);
        let saved = lib
            .update_article(
                shared.id,
                ArticlePatch { base_version: version, body: Some(paragraphs(&[&text])), ..Default::default() },
            )
            .unwrap();
        version = saved.version;
        println!("ack update {version} {run} {n}");
    }
}

#[test]
fn sigkill_in_the_middle_of_saves_loses_nothing_acknowledged() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut acked_new: Vec<(i64, u64, u64)> = Vec::new();
    let mut acked_version = 0i64;
    let mut seed = 0x9e3779b97f4a7c15u64;
    for run in 0..KILLS as u64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let acks_before_kill = 1 + (seed % 12) as usize;
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, tmp.path())
            .env("BANTHAO_CRASH_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = 0;
        while seen < acks_before_kill {
            let Some(Ok(line)) = lines.next() else { break };
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["ack", "new", id, r, n] => {
                    acked_new.push((id.parse().unwrap(), r.parse().unwrap(), n.parse().unwrap()))
                }
                ["ack", "update", v, ..] => acked_version = v.parse().unwrap(),
                _ => continue,
            }
            seen += 1;
        }
        // Kill while the next save is under way.
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        child.wait().unwrap();
        // Acks already written to the pipe before the kill count as acknowledged too.
        for line in lines.map_while(Result::ok) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["ack", "new", id, r, n] => {
                    acked_new.push((id.parse().unwrap(), r.parse().unwrap(), n.parse().unwrap()))
                }
                ["ack", "update", v, ..] => acked_version = v.parse().unwrap(),
                _ => {}
            }
        }
    }
    assert!(acked_new.len() >= KILLS, "the children saved too little to test anything");

    let lib = Library::open(tmp.path()).unwrap();
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    for (id, run, n) in &acked_new {
        let a = lib.get_article(*id).unwrap_or_else(|e| panic!("acknowledged article {id} lost: {e}"));
        assert_eq!(a.headline, format!("r{run}-n{n}"));
        let text = format!("run {run} save {n} – Dương Kinh {}", "chữ ".repeat((*n % 50) as usize));
        assert_eq!(a.body, paragraphs(&[&text]));
    }
    let shared = lib.list_articles(&ListQuery { limit: 1000, ..Default::default() }).unwrap();
    let shared = shared.iter().find(|a| a.headline == "shared").unwrap();
    let shared = lib.get_article(shared.id).unwrap();
    assert!(shared.version >= acked_version, "shared article at {} < acknowledged {acked_version}", shared.version);
    println!(
        "{} kills, {} acknowledged new articles, shared article at version {}",
        KILLS,
        acked_new.len(),
        shared.version
    );
}

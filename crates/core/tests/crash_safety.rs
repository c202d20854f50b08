//! Stops a writer in the middle of a stream of saves, again and again, and checks that the
//! library stays sound and that every save acknowledged before the stop is there. Two kinds
//! of stop: SIGKILL (a crash: the kernel's page cache keeps every write the process made) and
//! a power cut (the writer runs on a VFS that keeps only what was fsynced, and the rest is
//! thrown away: support/power_cut_vfs.rs). The writer is this same test binary, re-run with
//! `BANTHAO_CRASH_CHILD` set.

mod common;
#[path = "support/power_cut_vfs.rs"]
mod power_cut_vfs;

use banthao_core::library::DB_FILE;
use banthao_core::*;
use common::*;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

const KILLS: u64 = 120;
const POWER_CUTS: u64 = 120;
const CHILD_ENV: &str = "BANTHAO_CRASH_CHILD";
/// Set for a power cut: where the child's VFS keeps the disk's copy of the library's files.
const DISK_ENV: &str = "BANTHAO_CRASH_DISK";
const ACK: &str = "ack ";

fn text_of(run: u64, n: u64) -> String {
    format!("run {run} save {n} – Dương Kinh {}", "chữ ".repeat((n % 50) as usize))
}

/// The child: saves forever, printing `ack` lines only after each save has committed.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else { return };
    if let Ok(disk) = std::env::var(DISK_ENV) {
        power_cut_vfs::install(Path::new(&disk));
    }
    let mut lib = Library::open(Path::new(&dir)).unwrap();
    let run: u64 = std::env::var("BANTHAO_CRASH_RUN").unwrap().parse().unwrap();
    let shared = lib.list_articles(&ListQuery::default()).unwrap().into_iter().find(|a| a.headline == "shared");
    let shared = match shared {
        Some(s) => lib.get_article(s.id).unwrap(),
        None => lib.create_article(new_article("shared", "", &["0"])).unwrap(),
    };
    let mut version = shared.version;
    for n in 0u64.. {
        // A new article, then an update of the shared one: both kinds of save.
        let text = text_of(run, n);
        let a = lib.create_article(new_article(&format!("r{run}-n{n}"), "", &[&text])).unwrap();
        println!("{ACK}new {} {run} {n}", a.id);
        let saved = lib
            .update_article(
                shared.id,
                ArticlePatch { base_version: version, body: Some(paragraphs(&[&text])), ..Default::default() },
            )
            .unwrap();
        version = saved.version;
        println!("{ACK}update {version} {run} {n}");
    }
}

/// What the children acknowledged: new articles (id, run, n) and the shared article's version.
#[derive(Default)]
struct Acks {
    new: Vec<(i64, u64, u64)>,
    version: i64,
}

impl Acks {
    /// Takes one line of the child's output; true if it was an acknowledgement. The test
    /// harness prints `test crash_child ... ` with no line break before the child's first
    /// line, so an ack is looked for anywhere in the line.
    fn take(&mut self, line: &str) -> bool {
        let Some(start) = line.find(ACK) else { return false };
        let parts: Vec<&str> = line[start + ACK.len()..].split_whitespace().collect();
        match parts.as_slice() {
            ["new", id, r, n] => self.new.push((id.parse().unwrap(), r.parse().unwrap(), n.parse().unwrap())),
            ["update", v, _, _] => self.version = v.parse().unwrap(),
            _ => panic!("unexpected ack line: {line}"),
        }
        true
    }
}

#[test]
fn an_ack_after_the_harness_prefix_counts() {
    let mut acks = Acks::default();
    assert!(acks.take("test crash_child ... ack new 5 0 0"));
    assert!(acks.take("ack update 7 0 0"));
    assert!(!acks.take("running 1 test"));
    assert_eq!((acks.new, acks.version), (vec![(5, 0, 0)], 7));
}

/// Runs one child on the library in `dir` until it has acknowledged `want` saves, kills it
/// while the next save is under way, and records every ack it wrote before dying. A child
/// that stops short fails the test with everything it printed.
fn run_child(dir: &Path, disk: Option<&Path>, run: u64, want: usize, acks: &mut Acks) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .env("BANTHAO_CRASH_RUN", run.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(disk) = disk {
        command.env(DISK_ENV, disk);
    }
    let mut child = command.spawn().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut other = Vec::new();
    let mut seen = 0;
    while seen < want {
        let Some(Ok(line)) = lines.next() else { break };
        if acks.take(&line) {
            seen += 1;
        } else {
            other.push(line);
        }
    }
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    child.wait().unwrap();
    // Acks already written to the pipe before the kill count as acknowledged too.
    for line in lines.map_while(Result::ok) {
        if !acks.take(&line) {
            other.push(line);
        }
    }
    let stderr = stderr.join().unwrap();
    assert!(
        seen >= want,
        "run {run}: the child acknowledged {seen} of {want} saves, then stopped.\n\
         its stdout:\n{}\nits stderr:\n{stderr}",
        other.join("\n")
    );
}

/// A deterministic sequence of 1..=12: how many acks to wait for before each kill.
fn acks_before_kill() -> impl FnMut() -> usize {
    let mut seed = 0x9e3779b97f4a7c15u64;
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        1 + (seed % 12) as usize
    }
}

/// The library opens, passes `integrity_check`, and holds every acknowledged save.
fn check_everything_acknowledged_is_there(dir: &Path, acks: &Acks, stops: u64) {
    let lib = Library::open(dir).unwrap();
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    for (id, run, n) in &acks.new {
        let a = lib.get_article(*id).unwrap_or_else(|e| panic!("acknowledged article {id} lost: {e}"));
        assert_eq!(a.headline, format!("r{run}-n{n}"));
        assert_eq!(a.body, paragraphs(&[&text_of(*run, *n)]));
    }
    let shared = lib.list_articles(&ListQuery { limit: 1000, ..Default::default() }).unwrap();
    let shared = shared.iter().find(|a| a.headline == "shared").unwrap();
    let shared = lib.get_article(shared.id).unwrap();
    assert!(shared.version >= acks.version, "shared article at {} < acknowledged {}", shared.version, acks.version);
    println!(
        "{stops} stops, {} acknowledged new articles, shared article at version {}",
        acks.new.len(),
        shared.version
    );
}

#[test]
fn sigkill_in_the_middle_of_saves_loses_nothing_acknowledged() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut acks = Acks::default();
    let mut want = acks_before_kill();
    for run in 0..KILLS {
        run_child(tmp.path(), None, run, want(), &mut acks);
    }
    check_everything_acknowledged_is_there(tmp.path(), &acks, KILLS);
}

/// After each kill, the files are put back as the disk had them (only what was fsynced):
/// `synchronous=NORMAL`, which passes the SIGKILL test, fails this one.
#[test]
fn a_power_cut_in_the_middle_of_saves_loses_nothing_acknowledged() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (dir, disk) = (tmp.path().join("library"), tmp.path().join("disk"));
    drop(Library::open(&dir).unwrap());
    let db = dir.join(DB_FILE);
    power_cut_vfs::seed(&db, &disk);
    let mut acks = Acks::default();
    let mut want = acks_before_kill();
    for run in 0..POWER_CUTS {
        run_child(&dir, Some(&disk), run, want(), &mut acks);
        power_cut_vfs::cut_power(&db, &disk);
    }
    check_everything_acknowledged_is_there(&dir, &acks, POWER_CUTS);
}

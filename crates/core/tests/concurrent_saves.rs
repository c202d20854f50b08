//! Two real processes write one library at the same moment (the app and the CLI): every save
//! ends saved or as a clean `conflict`, never as "database is locked". The children are this
//! same test binary, re-run with `BANTHAO_SAVES_CHILD` set; the parent starts each round on
//! both at once (a line on their stdin) and reads one outcome line from each. Outcome lines
//! start with `@`: the child's test harness prints `test saves_child ... ` before the first.

mod common;

use banthao_core::*;
use common::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};

const CHILD_ENV: &str = "BANTHAO_SAVES_CHILD";
const ROUNDS: usize = 150;

/// The child: for each `save ID` line, waits a moment (0–3 ms, so that both orders happen),
/// reads the article, saves an edit based on the version it read, and prints the outcome;
/// for each `open DIR` line, opens (creating or upgrading) the library there.
#[test]
fn saves_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else { return };
    let name = std::env::var("BANTHAO_SAVES_NAME").unwrap();
    let mut lib = None;
    let mut seed: u64 = name.bytes().fold(0x9e3779b97f4a7c15, |s, b| s.rotate_left(7) ^ b as u64);
    println!("@ready");
    for (round, line) in std::io::stdin().lock().lines().enumerate() {
        let Ok(line) = line else { break };
        if let Some(other) = line.strip_prefix("open ") {
            match Library::open(Path::new(other)) {
                Ok(_) => println!("@opened"),
                Err(e) => println!("@error {:?} {e}", e.code()),
            }
            continue;
        }
        let Some(id) = line.strip_prefix("save ").and_then(|id| id.parse::<ArticleId>().ok()) else { break };
        let lib = lib.get_or_insert_with(|| Library::open(Path::new(&dir)).unwrap());
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(std::time::Duration::from_micros(seed % 3000));
        let outcome = lib.get_article(id).and_then(|read| {
            let text = format!("{name} lần {round}: Dương Kinh");
            lib.update_article(
                id,
                ArticlePatch { base_version: read.version, body: Some(paragraphs(&[&text])), ..Default::default() },
            )
        });
        match outcome {
            Ok(saved) => println!("@saved {}", saved.version),
            Err(e) if e.code() == ErrorCode::Conflict => println!("@conflict"),
            Err(e) => println!("@error {:?} {e}", e.code()),
        }
    }
}

/// One child process and the outcome lines it prints.
struct Writer {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: std::io::Lines<BufReader<std::process::ChildStdout>>,
}

impl Writer {
    fn start(dir: &Path, name: &str) -> Writer {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saves_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir)
            .env("BANTHAO_SAVES_NAME", name)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut writer = Writer { child, stdin, lines };
        assert_eq!(writer.next_line(), "ready");
        writer
    }

    fn send(&mut self, line: &str) {
        writeln!(self.stdin.as_mut().unwrap(), "{line}").unwrap();
    }

    fn next_line(&mut self) -> String {
        loop {
            let line = self.lines.next().expect("the child stopped early").unwrap();
            if let Some((_, outcome)) = line.split_once('@') {
                return outcome.to_string();
            }
        }
    }

    fn finish(mut self) {
        drop(self.stdin.take());
        assert!(self.child.wait().unwrap().success());
    }
}

/// Runs `ROUNDS` rounds; in each, writer `i` saves article `ids[i]`. Returns every outcome line.
fn run_rounds(dir: &Path, ids: [ArticleId; 2]) -> Vec<String> {
    let mut writers = [Writer::start(dir, "A"), Writer::start(dir, "B")];
    let mut outcomes = Vec::new();
    for _ in 0..ROUNDS {
        for (w, id) in writers.iter_mut().zip(ids) {
            w.send(&format!("save {id}"));
        }
        for w in &mut writers {
            outcomes.push(w.next_line());
        }
    }
    writers.into_iter().for_each(Writer::finish);
    outcomes
}

fn saved_versions(outcomes: &[String]) -> Vec<i64> {
    outcomes.iter().filter_map(|l| l.strip_prefix("saved ")).map(|v| v.parse().unwrap()).collect()
}

#[test]
fn two_processes_saving_one_article_end_saved_or_in_conflict() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let id = Library::open(tmp.path()).unwrap().create_article(new_article("Chung", "", &["Bản đầu."])).unwrap().id;

    let outcomes = run_rounds(tmp.path(), [id, id]);

    let errors: Vec<&String> = outcomes.iter().filter(|l| !(l.starts_with("saved ") || *l == "conflict")).collect();
    assert!(errors.is_empty(), "saves that ended neither saved nor in conflict: {errors:?}");
    let mut versions = saved_versions(&outcomes);
    versions.sort();
    let expected: Vec<i64> = (2..2 + versions.len() as i64).collect();
    assert_eq!(versions, expected, "every successful save makes exactly one new version");
    let conflicts = outcomes.len() - versions.len();
    assert!(versions.len() >= ROUNDS, "at least one save per round goes through");
    let lib = Library::open(tmp.path()).unwrap();
    assert_eq!(lib.get_article(id).unwrap().version, versions.len() as i64 + 1);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    println!("{} saves, {conflicts} conflicts", versions.len());
}

#[test]
fn two_processes_saving_different_articles_all_succeed() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let a = lib.create_article(new_article("Bài A", "", &["A."])).unwrap().id;
    let b = lib.create_article(new_article("Bài B", "", &["B."])).unwrap().id;
    drop(lib);

    let outcomes = run_rounds(tmp.path(), [a, b]);

    let failed: Vec<&String> = outcomes.iter().filter(|l| !l.starts_with("saved ")).collect();
    assert!(failed.is_empty(), "saves of different articles must all succeed: {failed:?}");
    let lib = Library::open(tmp.path()).unwrap();
    assert_eq!(lib.get_article(a).unwrap().version, ROUNDS as i64 + 1);
    assert_eq!(lib.get_article(b).unwrap().version, ROUNDS as i64 + 1);
}

#[test]
fn two_processes_opening_a_new_or_old_library_at_once_both_open_it() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut writers = [Writer::start(tmp.path(), "A"), Writer::start(tmp.path(), "B")];
    for round in 0..20 {
        let dir = tmp.path().join(format!("library-{round}"));
        if round % 2 == 1 {
            // An old library: both find it to upgrade, one does, the other finds it done.
            std::fs::create_dir_all(&dir).unwrap();
            let mut conn = rusqlite::Connection::open(dir.join(library::DB_FILE)).unwrap();
            library::connection::configure(&conn).unwrap();
            library::migrate::migrate_to(&mut conn, None, 1).unwrap();
        }
        for w in &mut writers {
            w.send(&format!("open {}", dir.display()));
        }
        for w in &mut writers {
            assert_eq!(w.next_line(), "opened", "round {round}");
        }
        let lib = Library::open(&dir).unwrap();
        assert_eq!(lib.info().unwrap().schema_version, library::migrate::SCHEMA_VERSION);
        let backups = std::fs::read_dir(dir.join("backups")).map_or(0, |d| d.count());
        assert_eq!(backups, round % 2, "round {round}: one backup of an old library, by the one that upgraded it");
    }
    writers.into_iter().for_each(Writer::finish);
}

//! Start-up to the list on screen, and resident memory of the whole process tree (WebKit's
//! processes included), against a bare Tauri window built by the same toolchain
//! (`src-tauri/bare-window/`). Both print a line once their page has painted.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::stats::{ms, ratio};

const RUNS: usize = 5;

struct Launch {
    ready: Duration,
    rss_kib: u64,
    processes: usize,
    /// The page's milestones, ms since its navigation, in the order it reported them.
    phases: Vec<(String, u64)>,
}

/// `banthao-ready-ms N name=ms name=ms…` → the named phases.
fn parse_phases(line: &str) -> Vec<(String, u64)> {
    line.split_whitespace()
        .skip(2)
        .filter_map(|part| {
            let (name, at) = part.split_once('=')?;
            Some((name.to_string(), at.parse().ok()?))
        })
        .collect()
}

fn children_map() -> HashMap<u32, Vec<u32>> {
    let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // The command name may hold spaces: the parent pid is the 2nd field after ')'.
        let Some(ppid) = stat.rsplit(')').next().and_then(|r| r.split_whitespace().nth(1)) else { continue };
        if let Ok(ppid) = ppid.parse() {
            map.entry(ppid).or_default().push(pid);
        }
    }
    map
}

fn tree(root: u32) -> Vec<u32> {
    let map = children_map();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        out.extend(map.get(&out[i]).into_iter().flatten().copied());
        i += 1;
    }
    out
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

/// WebKit's switch for drawing without compositing, as the app sets it on a machine without a
/// GPU render node (src-tauri/src/rendering.rs); the bare window is measured with it too.
const DIRECT: (&str, &str) = ("WEBKIT_DISABLE_COMPOSITING_MODE", "1");

fn launch(bin: &Path, data_home: &Path, library: Option<&Path>) -> Option<Launch> {
    launch_with(bin, data_home, library, None)
}

fn launch_with(bin: &Path, data_home: &Path, library: Option<&Path>, env: Option<(&str, &str)>) -> Option<Launch> {
    let start = Instant::now();
    let mut command = Command::new(bin);
    if let Some((key, value)) = env {
        command.env(key, value);
    }
    if let Some(dir) = library {
        command.arg("--library").arg(dir);
    }
    let mut child = command
        .env("XDG_DATA_HOME", data_home)
        .env("BANTHAO_REPORT_READY", "1")
        .env_remove("BANTHAO_LIBRARY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let stdout = child.stdout.take()?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("banthao-ready-ms") {
                let _ = tx.send(parse_phases(&line));
            }
        }
    });
    let reported = rx.recv_timeout(Duration::from_secs(60)).ok().map(|phases| (start.elapsed(), phases));
    // Let the web process settle before reading memory, as a user would see it a moment later.
    std::thread::sleep(Duration::from_millis(1500));
    let pids = tree(child.id());
    let rss = pids.iter().map(|&p| rss_kib(p)).sum();
    for &pid in pids.iter().rev() {
        kill_pid(pid);
    }
    let _ = child.wait();
    let (ready, phases) = reported?;
    Some(Launch { ready, rss_kib: rss, processes: pids.len(), phases })
}

fn kill_pid(pid: u32) {
    let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
}

fn median(mut v: Vec<Launch>) -> Option<Launch> {
    if v.is_empty() {
        return None;
    }
    v.sort_by_key(|l| l.ready);
    let mid = v.len() / 2;
    let ready = v[mid].ready;
    let mut rss: Vec<u64> = v.iter().map(|l| l.rss_kib).collect();
    rss.sort();
    // Each phase's own median, in the order the median run reported them.
    let phases = v[mid]
        .phases
        .iter()
        .map(|(name, _)| {
            let mut at: Vec<u64> =
                v.iter().filter_map(|l| l.phases.iter().find(|(n, _)| n == name).map(|p| p.1)).collect();
            at.sort();
            (name.clone(), at[at.len() / 2])
        })
        .collect();
    Some(Launch { ready, rss_kib: rss[mid], processes: v[mid].processes, phases })
}

/// Where a start-up went: before the page (process, GTK, web view, navigation: the total less
/// the page's last phase), then each of the page's phases.
fn phase_line(label: &str, launch: &Launch) -> String {
    let page_end = launch.phases.last().map_or(0, |p| p.1);
    let before = (launch.ready.as_millis() as u64).saturating_sub(page_end);
    let phases: Vec<String> = launch.phases.iter().map(|(name, at)| format!("{name} {at}")).collect();
    format!("    {label}: before the page {before} ms; in the page (ms since navigation): {}", phases.join(", "))
}

fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .is_ok_and(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
}

fn print_startup(what: &str, o: &Launch, r: &Launch, same: Option<&Launch>) {
    println!(
        "start-up to the list on screen, {what}   median {}   (bare Tauri window: {})   ratio {}",
        ms(o.ready),
        ms(r.ready),
        ratio(o.ready, r.ready)
    );
    if let Some(d) = same {
        println!(
            "    the bare window drawn as ours is here (no compositing): {}   ratio {}",
            ms(d.ready),
            ratio(o.ready, d.ready)
        );
    }
    println!("{}", phase_line("ours", o));
    println!("{}", phase_line("bare", r));
    if let Some(d) = same {
        println!("{}", phase_line("bare, no compositing", d));
    }
}

/// Start-up and memory on a fresh default library (a first run: the library is created on the
/// way), and, given `existing`, start-up on that library as every later day's start.
pub fn startup_and_memory(tmp: &Path, existing: Option<&Path>) {
    if std::env::var_os("DISPLAY").is_none() {
        println!("start-up / memory: skipped (no DISPLAY; `make bench` runs under xvfb-run)");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let bin_dir = exe.parent().unwrap();
    let (app, bare) = (bin_dir.join("banthao-app"), bin_dir.join("bare-window"));
    if !app.exists() || !bare.exists() {
        println!("start-up / memory: skipped (build with `make bench`, which builds both release binaries)");
        return;
    }
    // Ours draws without compositing when the machine has no GPU render node; the bare window is
    // measured as Tauri makes it and, on such a machine, drawn the same way as ours.
    let direct = !has_render_node() && std::env::var_os(DIRECT.0).is_none();
    if direct {
        println!("start-up: no GPU render node here, so the app draws without compositing; the bare window is measured both ways");
    }
    let mut ours = Vec::new();
    let (mut reference, mut same) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        // A fresh default library each time: first-run start-up, library created on the way.
        ours.extend(launch(&app, &tmp.join(format!("app-{run}")), None));
        reference.extend(launch(&bare, &tmp.join(format!("bare-{run}")), None));
        if direct {
            same.extend(launch_with(&bare, &tmp.join(format!("bare-direct-{run}")), None, Some(DIRECT)));
        }
    }
    let (Some(o), Some(r)) = (median(ours), median(reference)) else {
        println!("start-up / memory: a window did not report ready within 60 s");
        return;
    };
    print_startup("first run (library created)", &o, &r, median(same).as_ref());
    if let Some(dir) = existing {
        let articles = banthao_core::Library::open(dir).and_then(|l| l.info()).map(|i| i.article_count).unwrap_or(0);
        let (mut ours, mut reference, mut same) = (Vec::new(), Vec::new(), Vec::new());
        for run in 0..RUNS {
            ours.extend(launch(&app, &tmp.join(format!("app-existing-{run}")), Some(dir)));
            reference.extend(launch(&bare, &tmp.join(format!("bare-existing-{run}")), None));
            if direct {
                same.extend(launch_with(&bare, &tmp.join(format!("bare-direct-existing-{run}")), None, Some(DIRECT)));
            }
        }
        if let (Some(o), Some(r)) = (median(ours), median(reference)) {
            print_startup(&format!("a library of {articles} articles"), &o, &r, median(same).as_ref());
        }
    }
    println!(
        "resident memory, whole tree         {:.0} MiB in {} processes   (bare Tauri window: {:.0} MiB in {})   ratio {:.2}×",
        o.rss_kib as f64 / 1024.0,
        o.processes,
        r.rss_kib as f64 / 1024.0,
        r.processes,
        o.rss_kib as f64 / r.rss_kib.max(1) as f64
    );
}

/// The built UI the app embeds (ui/dist/assets): the entry chunk the web view parses at every
/// start, and all of it (the editor's chunks load once the list is on screen).
pub fn bundle_size() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/dist/assets");
    let Ok(entries) = std::fs::read_dir(&assets) else {
        println!("UI bundle: ui/dist not built");
        return;
    };
    let (mut all, mut entry) = ((0u64, 0u64), (0u64, 0u64));
    let mut css = (0u64, 0u64);
    for file in entries.flatten() {
        let path = file.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let size = (bytes.len() as u64, gzip_len(&bytes));
        if name.ends_with(".css") {
            css = (css.0 + size.0, css.1 + size.1);
        } else if name.ends_with(".js") {
            all = (all.0 + size.0, all.1 + size.1);
            if name.starts_with("index-") {
                entry = (entry.0 + size.0, entry.1 + size.1);
            }
        }
    }
    let kib = |b: u64| b as f64 / 1024.0;
    println!(
        "UI bundle (ui/dist/assets)          JS at start-up {:.0} KiB ({:.0} KiB gzip), all JS {:.0} KiB ({:.0} KiB gzip), CSS {:.0} KiB ({:.0} KiB gzip)",
        kib(entry.0),
        kib(entry.1),
        kib(all.0),
        kib(all.1),
        kib(css.0),
        kib(css.1)
    );
}

fn gzip_len(bytes: &[u8]) -> u64 {
    use std::io::Write;
    let Ok(mut child) = Command::new("gzip").arg("-9c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn() else {
        return 0;
    };
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map(|o| o.stdout.len() as u64).unwrap_or(0);
    let _ = writer.join();
    out
}

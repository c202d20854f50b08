//! `banthao endpoint|sync|pull|outbox|resolve`: publishing from the command line, through the
//! same sync code as the app. Passwords come from standard input or BANTHAO_PASSWORD, never argv.

use banthao_core::sync::{ConflictSide, Endpoint, EndpointInput, EndpointKind, PasswordKept};
use banthao_core::{Error, Lang, Library, Result};
use banthao_sync::http::UreqHttp;
use banthao_sync::wordpress::pull::PullFilter;
use banthao_sync::worker::{run_outbox, send_job, JobOutcome, RunOptions};
use banthao_sync::Secrets;
use serde::Serialize;
use std::io::{BufRead, IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use crate::args::{EndpointType, EndpointVerb};

fn http() -> UreqHttp {
    let secs = std::env::var("BANTHAO_HTTP_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    UreqHttp::new(Duration::from_secs(secs))
}

fn env_password() -> Option<String> {
    std::env::var("BANTHAO_PASSWORD").ok().filter(|p| !p.is_empty())
}

/// The application password: BANTHAO_PASSWORD, else one line of standard input (not echoed
/// when it is a terminal).
fn read_password() -> Result<String> {
    if let Some(p) = env_password() {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    if tty {
        eprint!("Mật khẩu ứng dụng (Application Password): ");
        let _ = std::io::stderr().flush();
    }
    let echo = tty.then(|| set_echo(false));
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if let Some(Some(old)) = echo {
        restore_echo(&old);
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// A ninjs profile's signing secret, like the password (an empty line: requests are not signed).
fn read_secret() -> Result<String> {
    if let Some(p) = env_password() {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        eprint!("Khoá ký (secret), để trống nếu không ký / signing secret, empty for none: ");
        let _ = std::io::stderr().flush();
    }
    let echo = std::io::stdin().is_terminal().then(|| set_echo(false));
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if let Some(Some(old)) = echo {
        restore_echo(&old);
        eprintln!();
    }
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn set_echo(on: bool) -> Option<libc::termios> {
    // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed termios the call fills in.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut t) != 0 {
            return None;
        }
        let old = t;
        if on {
            t.c_lflag |= libc::ECHO;
        } else {
            t.c_lflag &= !libc::ECHO;
        }
        libc::tcsetattr(0, libc::TCSANOW, &t);
        Some(old)
    }
}

fn restore_echo(old: &libc::termios) {
    // SAFETY: restores the settings read by set_echo.
    unsafe {
        libc::tcsetattr(0, libc::TCSANOW, old);
    }
}

fn print_json<T: Serialize>(value: &T) {
    crate::output::json(value)
}

/// A ninjs profile in one line: name, kind, resource and assets addresses, whether it signs.
fn ninjs_line(e: &Endpoint) -> String {
    format!(
        "{}  ninjs  {}  tệp ảnh / assets {}  {}",
        e.name,
        e.url,
        e.assets_url.as_deref().unwrap_or(""),
        if e.signed { "có ký / signed" } else { "không ký / unsigned" }
    )
}

pub fn endpoint(library: Library, verb: EndpointVerb, json: bool) -> Result<bool> {
    let access = Mutex::new(library);
    let secrets = Secrets::system();
    let http = http();
    match verb {
        EndpointVerb::Add { name, kind, url, user, assets_url, allow_http } => {
            let kind = match kind {
                EndpointType::Wordpress => EndpointKind::Wordpress,
                EndpointType::Ninjs => EndpointKind::Ninjs,
            };
            if kind == EndpointKind::Wordpress && user.trim().is_empty() {
                return Err(Error::InvalidInput("a WordPress endpoint needs --user".into()));
            }
            let password = if kind == EndpointKind::Ninjs { read_secret()? } else { read_password()? };
            let input = EndpointInput { name, kind, url, assets_url, username: user, allow_http, status_map: None };
            let check = banthao_sync::endpoint::save_endpoint(&access, &secrets, &http, &input, &password)?;
            if json {
                print_json(&check);
            } else if kind == EndpointKind::Ninjs {
                println!("{}  (trả lời / answered {})", ninjs_line(&check.endpoint), check.remote_user);
            } else {
                println!(
                    "{}  {}  {} ({})",
                    check.endpoint.name, check.endpoint.url, check.endpoint.username, check.remote_user
                );
            }
            if check.password_kept == PasswordKept::SessionOnly
                && (kind == EndpointKind::Wordpress || check.endpoint.signed)
            {
                eprintln!(
                    "chú ý: máy này không có kho khoá (Secret Service); mật khẩu không được lưu — hãy đặt BANTHAO_PASSWORD khi đồng bộ.\n\
                     note: no OS keychain (Secret Service) here; the password was not kept — set BANTHAO_PASSWORD when syncing."
                );
            }
        }
        EndpointVerb::List => {
            let endpoints = access.with_library_ref(|l| l.endpoints())?;
            if json {
                print_json(&endpoints);
            } else {
                for e in endpoints {
                    let unchecked = if e.checked_at.is_none() { "  (chưa kiểm tra)" } else { "" };
                    match e.kind {
                        EndpointKind::Ninjs => println!("{}{unchecked}", ninjs_line(&e)),
                        EndpointKind::Wordpress => {
                            println!("{}  wordpress  {}  {}{unchecked}", e.name, e.url, e.username)
                        }
                    }
                }
            }
        }
        EndpointVerb::Test { name } => {
            let check =
                banthao_sync::endpoint::test_endpoint(&access, &secrets, &http, &name, env_password().as_deref())?;
            if json {
                print_json(&check);
            } else if check.endpoint.kind == EndpointKind::Ninjs {
                println!("{}: nơi nhận trả lời ({}) / the receiver answers", check.endpoint.name, check.remote_user);
            } else {
                println!(
                    "{}: đăng nhập được với tên {} / credentials accepted",
                    check.endpoint.name, check.remote_user
                );
            }
        }
        EndpointVerb::Remove { name } => {
            let removed = banthao_sync::endpoint::remove_endpoint(&access, &secrets, &name)?;
            if json {
                print_json(&removed);
            } else {
                println!("đã xoá / removed {}", removed.name);
            }
        }
    }
    Ok(true)
}

trait WithRef {
    fn with_library_ref<R>(&self, f: impl FnOnce(&mut Library) -> Result<R>) -> Result<R>;
}

impl WithRef for Mutex<Library> {
    fn with_library_ref<R>(&self, f: impl FnOnce(&mut Library) -> Result<R>) -> Result<R> {
        use banthao_sync::LibraryAccess;
        self.with_library(f)
    }
}

/// One article's outcome as `sync --json` prints it (documented in README).
#[derive(Serialize)]
struct SyncLine {
    id: i64,
    outcome: &'static str,
    remote_id: Option<i64>,
    link: Option<String>,
    error: Option<banthao_core::ErrorPayload>,
    retry_at: Option<String>,
}

fn line_for(id: i64, outcome: &JobOutcome) -> SyncLine {
    use banthao_sync::wordpress::push::Pushed;
    let mut line = SyncLine { id, outcome: "", remote_id: None, link: None, error: None, retry_at: None };
    match outcome {
        JobOutcome::Sent(report) => {
            line.outcome = match report.outcome {
                Pushed::Created => "created",
                Pushed::Updated => "updated",
                Pushed::Unchanged => "unchanged",
                Pushed::Merged => "merged",
                Pushed::Conflict => "conflict",
                Pushed::Again => "queued",
            };
            line.remote_id = report.remote_id;
            line.link = report.link.clone();
        }
        JobOutcome::Retrying { at, error } => {
            line.outcome = "queued";
            line.retry_at = Some(at.clone());
            line.error = Some(error.clone().into_core().payload(Lang::Vi));
        }
        JobOutcome::Failed(error) => {
            line.outcome = "failed";
            line.error = Some(error.clone().into_core().payload(Lang::Vi));
        }
    }
    line
}

pub fn sync(library: Library, endpoint: Option<String>, ids: Vec<i64>, wait: u64, json: bool) -> Result<bool> {
    let access = Mutex::new(library);
    let endpoint = endpoint.map(|name| access.with_library_ref(|l| l.endpoint_by_name(&name))).transpose()?;
    let queued: Vec<i64> = access.with_library_ref(|l| {
        if ids.is_empty() {
            let endpoints = match &endpoint {
                Some(e) => vec![e.clone()],
                None => l.endpoints()?,
            };
            let mut all = Vec::new();
            for e in endpoints {
                all.extend(l.queue_changed(e.id)?);
            }
            // Jobs already waiting (from the app, or an earlier run) are sent too.
            all.extend(l.outbox(Lang::En)?.iter().map(|j| j.article_id));
            all.sort();
            all.dedup();
            return Ok(all);
        }
        for id in &ids {
            let target = match (&endpoint, l.sync_record(*id)?) {
                (Some(e), _) => e.id,
                (None, Some(record)) => record.endpoint_id,
                (None, None) => match l.endpoints()?.as_slice() {
                    [only] => only.id,
                    _ => {
                        return Err(Error::InvalidInput(format!(
                            "article {id} was never sent: name the endpoint with --endpoint"
                        )))
                    }
                },
            };
            l.send_article(*id, None, target)?;
        }
        Ok(ids.clone())
    })?;
    let secrets = Secrets::system();
    let http = http();
    let password = env_password();
    let mut on_job = |job: &banthao_core::sync::SyncJob, outcome: Option<&JobOutcome>| {
        if !json && outcome.is_none() {
            eprintln!("đang gửi / sending {}: {}", job.article_id, job.headline);
        }
    };
    let mut opts = RunOptions {
        only: Some(queued.clone()),
        password,
        wait_for_retries: Duration::from_secs(wait),
        lang: Lang::Vi,
        on_job: &mut on_job,
    };
    let results = run_outbox(&access, &secrets, &http, &mut opts);
    let lines: Vec<SyncLine> = results.iter().map(|r| line_for(r.job.article_id, &r.outcome)).collect();
    let all_done = lines.iter().all(|l| matches!(l.outcome, "created" | "updated" | "unchanged" | "merged"))
        && queued.iter().all(|id| lines.iter().any(|l| l.id == *id));
    if json {
        print_json(&lines);
    } else {
        for l in &lines {
            let err = l.error.as_ref().map(|e| format!("  — {}", e.message)).unwrap_or_default();
            println!(
                "{:>6}  {:<9}  {}  {}{err}",
                l.id,
                l.outcome,
                l.remote_id.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
                l.link.as_deref().unwrap_or("")
            );
        }
        if !all_done {
            eprintln!("lỗi: còn bài chưa gửi được (xem `banthao outbox`)\nerror: some articles were not sent (see `banthao outbox`)");
        }
    }
    Ok(all_done)
}

pub fn pull(
    library: Library,
    endpoint: &str,
    statuses: Vec<String>,
    category: Option<String>,
    author: Option<String>,
    json: bool,
) -> Result<bool> {
    use banthao_sync::wordpress::client::WpClient;
    use banthao_sync::wordpress::pull::Pulled;
    use banthao_sync::wordpress::session::Session;
    let access = Mutex::new(library);
    let endpoint = access.with_library_ref(|l| l.endpoint_by_name(endpoint))?;
    let secrets = Secrets::system();
    let http = http();
    let password = banthao_sync::worker::password_for(&secrets, &endpoint, env_password().as_deref())
        .map_err(|e| e.into_core())?;
    let client = WpClient::new(&http, &endpoint.url, &endpoint.username, &password);
    let session = Session { access: &access, client, endpoint };
    let mut filter = PullFilter { category, author, ..Default::default() };
    if !statuses.is_empty() {
        filter.statuses = statuses;
    }
    let items = session
        .pull(&filter, &mut |done, total| {
            if !json {
                eprint!("\r{done}/{total} bài…");
            }
        })
        .map_err(|e| e.into_core())?;
    if !json && !items.is_empty() {
        eprintln!();
    }
    #[derive(Serialize)]
    struct PullLine<'a> {
        id: i64,
        remote_id: i64,
        headline: &'a str,
        outcome: &'static str,
    }
    let lines: Vec<PullLine> = items
        .iter()
        .map(|i| PullLine {
            id: i.article_id,
            remote_id: i.remote_id,
            headline: &i.headline,
            outcome: match i.outcome {
                Pulled::Created => "created",
                Pulled::Updated => "updated",
                Pulled::Unchanged => "unchanged",
                Pulled::Conflict => "conflict",
            },
        })
        .collect();
    if json {
        print_json(&lines);
    } else {
        for l in &lines {
            println!("{:>6}  {:<9}  {:>6}  {}", l.id, l.outcome, l.remote_id, l.headline);
        }
    }
    Ok(true)
}

pub fn outbox(library: &Library, json: bool) -> Result<bool> {
    let jobs = library.outbox(Lang::Vi)?;
    if json {
        print_json(&jobs);
    } else {
        for j in &jobs {
            let err = j.error.as_ref().map(|e| format!("  — {}", e.message)).unwrap_or_default();
            println!(
                "{:>6}  {:<8}  {}  lần {}  {}  {}{err}",
                j.article_id,
                j.state.as_str(),
                j.endpoint_name,
                j.attempts,
                banthao_core::time::display_vietnam(&j.next_attempt_at),
                j.headline
            );
        }
    }
    Ok(true)
}

pub fn resolve(library: Library, id: i64, keep: &str, json: bool) -> Result<bool> {
    let record = library.sync_record(id)?;
    let Some(conflict) = record.and_then(|r| r.conflict) else {
        return Err(Error::InvalidInput(format!("article {id} has no sync conflict")));
    };
    let n = conflict.hunks.len();
    let side = |s: &str| match s.trim() {
        "l" | "local" => Some(ConflictSide::Local),
        "r" | "remote" => Some(ConflictSide::Remote),
        _ => None,
    };
    let choices: Vec<ConflictSide> = match side(keep) {
        Some(one) if !keep.contains(',') => vec![one; n],
        _ => keep.split(',').map(side).collect::<Option<_>>().ok_or_else(|| {
            Error::InvalidInput(format!("--keep takes local, remote, or one of l/r per conflict ({n})"))
        })?,
    };
    if choices.len() != n {
        return Err(Error::InvalidInput(format!("this article has {n} conflicts; --keep gave {}", choices.len())));
    }
    let access = Mutex::new(library);
    let job = access.with_library_ref(|l| {
        let endpoint = l.sync_record(id)?.map(|r| r.endpoint_id).expect("a conflict has a record");
        l.send_article(id, None, endpoint)?;
        l.claim_due_job(Some(&[id]), Lang::Vi)
    })?;
    let Some(job) = job else {
        return Err(Error::InvalidInput(format!("article {id} is being sent by another window")));
    };
    let outcome = send_job(&access, &Secrets::system(), &http(), &job, env_password().as_deref(), Some(&choices));
    let line = line_for(id, &outcome);
    if json {
        print_json(&line);
    } else {
        println!("{:>6}  {}  {}", line.id, line.outcome, line.link.as_deref().unwrap_or(""));
    }
    Ok(matches!(line.outcome, "updated" | "merged" | "created" | "unchanged"))
}

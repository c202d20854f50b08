//! The outbox worker: claims due jobs, sends each through a session, and records what
//! happened. Passing failures go back to the queue with exponential backoff and full jitter
//! (honouring `Retry-After`); refusals wait for a person; a conflict waits for a choice.

use banthao_core::sync::{ConflictSide, Endpoint, EndpointKind, SyncJob};
use banthao_core::{ArticleId, Lang};
use std::time::{Duration, Instant};

use crate::access::LibraryAccess;
use crate::credentials::{account, Secrets};
use crate::error::{SyncError, SyncResult};
use crate::http::Http;
use crate::wordpress::client::WpClient;
use crate::wordpress::push::{PushReport, Pushed};
use crate::wordpress::session::Session;

/// Backoff: the first retry within ~2 s, doubling up to 10 minutes, uniformly jittered.
const BACKOFF_BASE: Duration = Duration::from_secs(2);
const BACKOFF_CAP: Duration = Duration::from_secs(600);

/// The password for an endpoint: given for this run (CLI `BANTHAO_PASSWORD`), else the keychain
/// or this session's memory.
pub fn password_for(secrets: &Secrets, endpoint: &Endpoint, given: Option<&str>) -> SyncResult<String> {
    if let Some(p) = given.filter(|p| !p.is_empty()) {
        return Ok(p.to_string());
    }
    secrets.get(&account(endpoint)).ok_or_else(|| SyncError::NoPassword { endpoint: endpoint.name.clone() })
}

/// A ninjs profile's signing secret: given for this run, else the keychain's. `None` when the
/// profile signs nothing; a signed profile whose secret is lost stops rather than send unsigned.
pub fn ninjs_secret_for(secrets: &Secrets, endpoint: &Endpoint, given: Option<&str>) -> SyncResult<Option<String>> {
    if let Some(p) = given.filter(|p| !p.is_empty()) {
        return Ok(Some(p.to_string()));
    }
    match secrets.get(&account(endpoint)) {
        Some(s) => Ok(Some(s)),
        None if endpoint.signed => Err(SyncError::NoSigningSecret { endpoint: endpoint.name.clone() }),
        None => Ok(None),
    }
}

/// How long to wait before attempt `attempts + 1`: full jitter over the exponential step,
/// never less than the server's `Retry-After`.
pub fn backoff(attempts: u32, retry_after: Option<Duration>) -> Duration {
    let step = BACKOFF_BASE.saturating_mul(1u32 << attempts.saturating_sub(1).min(16)).min(BACKOFF_CAP);
    let jittered = step.mul_f64(random_unit());
    jittered.max(retry_after.unwrap_or_default()).min(BACKOFF_CAP.max(retry_after.unwrap_or_default()))
}

fn random_unit() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// What happened to one job.
#[derive(Debug, Clone, PartialEq)]
pub enum JobOutcome {
    Sent(PushReport),
    /// Back in the queue until `at` (a passing failure).
    Retrying {
        at: String,
        error: SyncError,
    },
    /// Waiting for a person: the site refused it, or the post is gone.
    Failed(SyncError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct JobResult {
    pub job: SyncJob,
    pub outcome: JobOutcome,
}

pub struct RunOptions<'a> {
    /// Only these articles' jobs (the CLI's `sync ID…`); all due jobs when `None`.
    pub only: Option<Vec<ArticleId>>,
    /// A password given for this run instead of the keychain's.
    pub password: Option<String>,
    /// Keep waiting for retries until this long has passed (the CLI waits a little; the app's
    /// worker loops by itself). Jobs still queued after it stay queued.
    pub wait_for_retries: Duration,
    pub lang: Lang,
    pub on_job: &'a mut dyn FnMut(&SyncJob, Option<&JobOutcome>),
}

/// Sends every due job once (and, within `wait_for_retries`, again when its retry comes due).
pub fn run_outbox<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    opts: &mut RunOptions,
) -> Vec<JobResult> {
    let started = Instant::now();
    let mut results: Vec<JobResult> = Vec::new();
    loop {
        let claimed = access.with_library(|l| l.claim_due_job(opts.only.as_deref(), opts.lang));
        let job = match claimed {
            Ok(Some(job)) => job,
            Ok(None) => {
                // Nothing due now: wait for the next retry if it falls inside the window.
                let next = access.with_library(|l| l.next_due_at()).ok().flatten();
                let wait = next.and_then(|at| until(&at));
                match wait {
                    Some(w) if started.elapsed() + w <= opts.wait_for_retries && waiting_for_ours(access, opts) => {
                        std::thread::sleep(w + Duration::from_millis(20));
                        continue;
                    }
                    _ => break,
                }
            }
            Err(_) => break,
        };
        (opts.on_job)(&job, None);
        let outcome = send_job(access, secrets, http, &job, opts.password.as_deref(), None);
        (opts.on_job)(&job, Some(&outcome));
        results.retain(|r| r.job.article_id != job.article_id);
        results.push(JobResult { job, outcome });
    }
    results
}

fn waiting_for_ours<A: LibraryAccess>(access: &A, opts: &RunOptions) -> bool {
    let queued = access.with_library(|l| l.outbox(Lang::En)).unwrap_or_default();
    queued.iter().any(|j| {
        j.state == banthao_core::sync::JobState::Queued
            && opts.only.as_ref().is_none_or(|ids| ids.contains(&j.article_id))
    })
}

/// Time until an RFC 3339 instant (None if it does not parse; zero if past).
fn until(at: &str) -> Option<Duration> {
    let at = chrono::DateTime::parse_from_rfc3339(at).ok()?;
    let ms = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_milliseconds().max(0);
    Some(Duration::from_millis(ms as u64))
}

/// Sends one claimed job and records its outcome in the library.
pub fn send_job<A: LibraryAccess>(
    access: &A,
    secrets: &Secrets,
    http: &dyn Http,
    job: &SyncJob,
    password: Option<&str>,
    choices: Option<&[ConflictSide]>,
) -> JobOutcome {
    let result = (|| {
        let endpoint = access.with_library(|l| l.endpoint(job.endpoint_id))?;
        if endpoint.kind == EndpointKind::Ninjs {
            let secret = ninjs_secret_for(secrets, &endpoint, password)?;
            return crate::ninjs::push::push(access, http, &endpoint, secret.as_deref(), job.article_id);
        }
        let password = password_for(secrets, &endpoint, password)?;
        let client = WpClient::new(http, &endpoint.url, &endpoint.username, &password);
        let session = Session { access, client, endpoint };
        session.push(job.article_id, choices)
    })();
    let record = |f: &dyn Fn(&mut banthao_core::Library) -> banthao_core::Result<()>| {
        let _ = access.with_library(|l| f(l));
    };
    match result {
        Ok(report) => {
            match report.outcome {
                // Saved here while it was being sent: straight back in the queue.
                Pushed::Again => {
                    record(&|l| l.retry_job_later(job.id, &SyncError::BadAnswer("again".into()).into_core(), &now()))
                }
                Pushed::Conflict => {}
                _ => record(&|l| l.finish_job(job.id)),
            }
            JobOutcome::Sent(report)
        }
        Err(error) => match error.retry() {
            Some(retry_after) => {
                let wait = backoff(job.attempts, retry_after);
                let at = (chrono::Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default())
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                record(&|l| l.retry_job_later(job.id, &error.clone().into_core(), &at));
                JobOutcome::Retrying { at, error }
            }
            None => {
                if let SyncError::Gone { trashed } = &error {
                    let how = if *trashed { "trash" } else { "deleted" };
                    record(&|l| l.record_remote_gone(job.article_id, how));
                }
                record(&|l| l.fail_job(job.id, &error.clone().into_core()));
                JobOutcome::Failed(error)
            }
        },
    }
}

fn now() -> String {
    banthao_core::time::now_rfc3339()
}

//! The app's outbox worker: one background thread that sends due jobs whenever there are
//! any, sleeps until the next retry (or until "Gửi" wakes it), and tells the window what is
//! happening (`sync-progress`, `sync-changed`). The sending itself is `banthao_sync`'s.

use banthao_core::sync::{SyncJob, SyncProgress};
use banthao_core::{Error, Lang, Library};
use banthao_sync::http::UreqHttp;
use banthao_sync::worker::{run_outbox, JobOutcome, RunOptions};
use banthao_sync::{LibraryAccess, Secrets};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// Wakes the worker when a job is queued ("Gửi", "Thử lại").
#[derive(Default)]
pub struct Wake {
    pending: Mutex<bool>,
    signal: Condvar,
}

impl Wake {
    pub fn now(&self) {
        *self.pending.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.signal.notify_all();
    }

    fn wait(&self, at_most: Duration) {
        let guard = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        let (mut guard, _) =
            self.signal.wait_timeout_while(guard, at_most, |woken| !*woken).unwrap_or_else(|p| p.into_inner());
        *guard = false;
    }
}

/// The library as the sync code reaches it: through the app's lock, briefly.
pub struct StateAccess<'a>(pub &'a AppState);

impl LibraryAccess for StateAccess<'_> {
    fn with_library<R>(&self, f: impl FnOnce(&mut Library) -> banthao_core::Result<R>) -> banthao_core::Result<R> {
        let mut out = None;
        let result = self.0.with_library(|l| {
            out = Some(f(l));
            Ok(())
        });
        match (result, out) {
            (_, Some(r)) => r,
            (Err(payload), None) => Err(Error::InvalidInput(payload.message)),
            (Ok(()), None) => unreachable!("the closure ran"),
        }
    }
}

pub fn start(app: AppHandle, secrets: Arc<Secrets>, wake: Arc<Wake>) {
    std::thread::Builder::new()
        .name("outbox".into())
        .spawn(move || {
            let http = UreqHttp::new(Duration::from_secs(30));
            loop {
                let state = app.state::<AppState>();
                let access = StateAccess(&state);
                // Only jobs this pass will send count: failed ones wait for a person, retries for later.
                let now = banthao_core::time::now_rfc3339();
                let total = access
                    .with_library(|l| l.outbox(Lang::En))
                    .map(|jobs| {
                        jobs.iter()
                            .filter(|j| {
                                j.state == banthao_core::sync::JobState::Sending
                                    || (j.state == banthao_core::sync::JobState::Queued && j.next_attempt_at <= now)
                            })
                            .count() as u32
                    })
                    .unwrap_or(0);
                let mut done = 0u32;
                let lang = state.lang();
                let handle = app.clone();
                let mut on_job = |job: &SyncJob, outcome: Option<&JobOutcome>| {
                    let phase: &str = match outcome {
                        None => "sending",
                        Some(JobOutcome::Sent(r)) if r.outcome == banthao_sync::wordpress::push::Pushed::Conflict => {
                            "conflict"
                        }
                        Some(JobOutcome::Sent(_)) => "sent",
                        Some(JobOutcome::Retrying { .. }) => "retrying",
                        Some(JobOutcome::Failed(_)) => "failed",
                    };
                    if outcome.is_some() {
                        done += 1;
                    }
                    let progress = SyncProgress {
                        article_id: job.article_id,
                        headline: job.headline.clone(),
                        done,
                        total: total.max(done),
                        phase: phase.into(),
                    };
                    let _ = handle.emit("sync-progress", progress);
                    if outcome.is_some() {
                        let _ = handle.emit("sync-changed", job.article_id);
                    }
                };
                let mut opts = RunOptions {
                    only: None,
                    password: None,
                    wait_for_retries: Duration::ZERO,
                    lang,
                    on_job: &mut on_job,
                };
                let _ = run_outbox(&access, &secrets, &http, &mut opts);
                // Sleep until the next retry is due, a new job wakes us, or a minute passes.
                let next = access.with_library(|l| l.next_due_at()).ok().flatten();
                let wait = next
                    .and_then(|at| chrono::DateTime::parse_from_rfc3339(&at).ok())
                    .map(|at| {
                        (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_milliseconds().clamp(50, 60_000)
                    })
                    .unwrap_or(60_000);
                wake.wait(Duration::from_millis(wait as u64));
            }
        })
        .expect("the outbox thread starts");
}

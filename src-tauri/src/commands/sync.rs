//! Publishing: endpoint profiles, "Gửi", the outbox, each article's sync state, pull for
//! review, conflicts. Adapters over `banthao_sync` and the core; passwords go straight to
//! the keychain (or this session's memory) and never come back to the window.

use banthao_core::sync::{
    ArticleSync, ConflictSide, Endpoint, EndpointCheck, EndpointInput, PullProgress, PullSummary, SyncConflict, SyncJob,
};
use banthao_core::{Article, ArticleId, ArticlePatch, ErrorCode, ErrorPayload, Lang};
use banthao_sync::http::UreqHttp;
use banthao_sync::wordpress::client::WpClient;
use banthao_sync::wordpress::pull::{PullFilter, Pulled};
use banthao_sync::wordpress::session::Session;
use std::time::Duration;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;
use crate::sync_worker::StateAccess;

fn http() -> UreqHttp {
    UreqHttp::new(Duration::from_secs(30))
}

fn payload(e: banthao_core::Error, lang: Lang) -> ErrorPayload {
    e.payload(lang)
}

#[tauri::command(async)]
pub fn list_endpoints(state: State<'_, AppState>) -> CommandResult<Vec<Endpoint>> {
    state.with_library(|l| l.endpoints())
}

/// Checks the credentials with the site, then saves the profile; the password goes to the
/// keychain (or, without one, this session's memory).
#[tauri::command(async)]
pub fn save_endpoint(
    state: State<'_, AppState>,
    input: EndpointInput,
    password: String,
) -> CommandResult<EndpointCheck> {
    let lang = state.lang();
    banthao_sync::endpoint::save_endpoint(&StateAccess(&state), &state.secrets, &http(), &input, &password)
        .map_err(|e| payload(e, lang))
}

#[tauri::command(async)]
pub fn test_endpoint(state: State<'_, AppState>, name: String) -> CommandResult<EndpointCheck> {
    let lang = state.lang();
    banthao_sync::endpoint::test_endpoint(&StateAccess(&state), &state.secrets, &http(), &name, None)
        .map_err(|e| payload(e, lang))
}

#[tauri::command(async)]
pub fn remove_endpoint(state: State<'_, AppState>, name: String) -> CommandResult<Endpoint> {
    let lang = state.lang();
    banthao_sync::endpoint::remove_endpoint(&StateAccess(&state), &state.secrets, &name).map_err(|e| payload(e, lang))
}

/// Whether passwords can be kept in an OS keychain on this machine.
#[tauri::command]
pub fn keychain_available(state: State<'_, AppState>) -> bool {
    state.secrets.has_keychain()
}

/// "Gửi": saves the pending edit (if any) and queues the article, in one transaction. Always
/// succeeds locally; the worker sends it when the site can be reached.
#[tauri::command(async)]
pub fn send_article(
    state: State<'_, AppState>,
    id: ArticleId,
    patch: Option<ArticlePatch>,
    endpoint_id: i64,
) -> CommandResult<(Article, SyncJob)> {
    let sent = state.with_library(|l| l.send_article(id, patch, endpoint_id))?;
    state.wake_sync.now();
    Ok(sent)
}

/// "Thử lại".
#[tauri::command(async)]
pub fn retry_sync(state: State<'_, AppState>, id: ArticleId) -> CommandResult<()> {
    state.with_library(|l| l.retry_now(id))?;
    state.wake_sync.now();
    Ok(())
}

#[tauri::command(async)]
pub fn cancel_sync(state: State<'_, AppState>, id: ArticleId) -> CommandResult<()> {
    state.with_library(|l| l.cancel_job(id))
}

#[tauri::command(async)]
pub fn list_outbox(state: State<'_, AppState>) -> CommandResult<Vec<SyncJob>> {
    let lang = state.lang();
    state.with_library(|l| l.outbox(lang))
}

/// The sync state of the articles named: the rows the list shows, or the open article.
#[tauri::command(async)]
pub fn article_syncs(state: State<'_, AppState>, ids: Vec<ArticleId>) -> CommandResult<Vec<ArticleSync>> {
    let lang = state.lang();
    state.with_library(|l| l.article_syncs(&ids, lang))
}

#[tauri::command(async)]
pub fn sync_conflict(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Option<SyncConflict>> {
    state.with_library(|l| Ok(l.sync_record(id)?.and_then(|r| r.conflict)))
}

/// A person chose a side for each conflict: the merge is saved and sent.
#[tauri::command(async)]
pub fn resolve_conflict(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: ArticleId,
    choices: Vec<ConflictSide>,
) -> CommandResult<()> {
    let lang = state.lang();
    let access = StateAccess(&state);
    let job = state.with_library(|l| {
        let endpoint = l.sync_record(id)?.map(|r| r.endpoint_id).ok_or(banthao_core::Error::ArticleNotFound(id))?;
        l.send_article(id, None, endpoint)?;
        l.claim_due_job(Some(&[id]), lang)
    })?;
    let Some(job) = job else {
        let message = match lang {
            Lang::Vi => "Bài đang được gửi ở nơi khác; hãy thử lại sau giây lát.",
            Lang::En => "The article is being sent elsewhere; try again in a moment.",
        };
        return Err(ErrorPayload { code: ErrorCode::Conflict, message: message.into() });
    };
    let outcome = banthao_sync::worker::send_job(&access, &state.secrets, &http(), &job, None, Some(&choices));
    let _ = tauri::Emitter::emit(&app, "sync-changed", id);
    match outcome {
        banthao_sync::worker::JobOutcome::Failed(e) => Err(e.into_core().payload(lang)),
        _ => Ok(()),
    }
}

/// Pull for review: the site's pending (and draft) posts into the library.
#[tauri::command(async)]
pub fn pull_posts(
    state: State<'_, AppState>,
    endpoint_id: i64,
    statuses: Vec<String>,
    on_progress: Channel<PullProgress>,
) -> CommandResult<PullSummary> {
    let lang = state.lang();
    let access = StateAccess(&state);
    let endpoint = state.with_library(|l| l.endpoint(endpoint_id))?;
    let http = http();
    let password =
        banthao_sync::worker::password_for(&state.secrets, &endpoint, None).map_err(|e| e.into_core().payload(lang))?;
    let client = WpClient::new(&http, &endpoint.url, &endpoint.username, &password);
    let session = Session { access: &access, client, endpoint };
    let mut filter = PullFilter::default();
    if !statuses.is_empty() {
        filter.statuses = statuses;
    }
    let items = session
        .pull(&filter, &mut |done, total| {
            let _ = on_progress.send(PullProgress { done: done as u32, total: total as u32 });
        })
        .map_err(|e| e.into_core().payload(lang))?;
    let count = |o: Pulled| items.iter().filter(|i| i.outcome == o).count() as u32;
    Ok(PullSummary {
        created: count(Pulled::Created),
        updated: count(Pulled::Updated),
        unchanged: count(Pulled::Unchanged),
        conflicts: count(Pulled::Conflict),
    })
}

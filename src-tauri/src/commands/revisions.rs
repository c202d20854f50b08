use banthao_core::{Article, ArticleId, ArticlePatch, Revision, RevisionId, RevisionMark, RevisionSummary};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_revisions(state: State<'_, AppState>, article_id: ArticleId) -> CommandResult<Vec<RevisionSummary>> {
    state.with_library(|lib| lib.list_revisions(article_id))
}

#[tauri::command(async)]
pub fn get_revision(state: State<'_, AppState>, revision_id: RevisionId) -> CommandResult<Revision> {
    state.with_library(|lib| lib.get_revision(revision_id))
}

#[tauri::command(async)]
pub fn restore_revision(state: State<'_, AppState>, revision_id: RevisionId) -> CommandResult<Article> {
    state.with_library(|lib| lib.restore_revision(revision_id))
}

#[tauri::command(async)]
pub fn keep_unsaved_copy(
    state: State<'_, AppState>,
    article_id: ArticleId,
    patch: ArticlePatch,
) -> CommandResult<RevisionSummary> {
    state.with_library(|lib| lib.keep_unsaved_copy(article_id, patch))
}

/// The editor's "Bản N": asked after a save that may have started a new revision.
#[tauri::command(async)]
pub fn revision_mark(state: State<'_, AppState>, article_id: ArticleId) -> CommandResult<RevisionMark> {
    state.with_library(|lib| lib.revision_mark(article_id))
}

/// "Sửa tất cả" and the tone style: saved as a revision of their own.
#[tauri::command(async)]
pub fn save_bulk_fix(state: State<'_, AppState>, id: ArticleId, patch: ArticlePatch) -> CommandResult<Article> {
    state.with_library(|lib| lib.save_bulk_fix(id, patch))
}

use banthao_core::{Article, ArticleId, ArticlePatch, Revision, RevisionId, RevisionSummary};
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

use banthao_core::article::merge::EditMerge;
use banthao_core::library::ShelfCounts;
use banthao_core::sync::ConflictSide;
use banthao_core::{Article, ArticleId, ArticlePatch, ArticleStatus, ArticleSummary, ListQuery, NewArticle, SearchHit};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_articles(state: State<'_, AppState>, query: ListQuery) -> CommandResult<Vec<ArticleSummary>> {
    state.with_library(|lib| lib.list_articles(&query))
}

#[tauri::command(async)]
pub fn search_articles(
    state: State<'_, AppState>,
    query: String,
    status: Option<ArticleStatus>,
    limit: u32,
) -> CommandResult<Vec<SearchHit>> {
    state.with_library(|lib| lib.search(&query, status, limit))
}

#[tauri::command(async)]
pub fn list_sections(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    state.with_library(|lib| lib.sections())
}

#[tauri::command(async)]
pub fn list_authors(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    state.with_library(|lib| lib.authors())
}

#[tauri::command(async)]
pub fn get_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Article> {
    state.with_library(|lib| lib.get_article(id))
}

#[tauri::command(async)]
pub fn create_article(state: State<'_, AppState>, input: NewArticle) -> CommandResult<Article> {
    state.with_library(|lib| lib.create_article(input))
}

#[tauri::command(async)]
pub fn update_article(state: State<'_, AppState>, id: ArticleId, patch: ArticlePatch) -> CommandResult<Article> {
    state.with_library(|lib| lib.update_article(id, patch))
}

/// An unsaved edit met a version saved elsewhere: the merge to save, and any conflicts to
/// show side by side (settled by `choices` on a second call).
#[tauri::command(async)]
pub fn merge_edit(
    state: State<'_, AppState>,
    base: Article,
    local: ArticlePatch,
    choices: Option<Vec<ConflictSide>>,
) -> CommandResult<EditMerge> {
    state.with_library(|lib| lib.merge_edit(&base, local, choices.as_deref()))
}

#[tauri::command(async)]
pub fn duplicate_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Article> {
    state.with_library(|lib| lib.duplicate_article(id))
}

#[tauri::command(async)]
pub fn delete_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<()> {
    state.with_library(|lib| lib.delete_article(id))
}

/// The trash and the archive: moving between shelves is not an edit (no version change).
#[tauri::command(async)]
pub fn move_to_trash(state: State<'_, AppState>, ids: Vec<ArticleId>) -> CommandResult<()> {
    state.with_library(|lib| lib.move_to_trash(&ids))
}

#[tauri::command(async)]
pub fn restore_from_trash(state: State<'_, AppState>, ids: Vec<ArticleId>) -> CommandResult<()> {
    state.with_library(|lib| lib.restore_from_trash(&ids))
}

#[tauri::command(async)]
pub fn archive_articles(state: State<'_, AppState>, ids: Vec<ArticleId>, undo: bool) -> CommandResult<()> {
    state.with_library(|lib| if undo { lib.unarchive(&ids) } else { lib.archive(&ids) })
}

#[tauri::command(async)]
pub fn empty_trash(state: State<'_, AppState>) -> CommandResult<u32> {
    state.with_library(|lib| lib.empty_trash())
}

#[tauri::command(async)]
pub fn shelf_counts(state: State<'_, AppState>) -> CommandResult<ShelfCounts> {
    state.with_library(|lib| lib.shelf_counts())
}

//! The editor's desk: who is at it, workflow steps, notes, the checklist, queues, what changed.

use banthao_core::desk::checklist::Checklist;
use banthao_core::desk::notes::{NewNote, Note};
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::queue::Queue;
use banthao_core::desk::review::ArticleDiff;
use banthao_core::desk::transitions::{NextStep, StatusChange, Transition};
use banthao_core::{Article, ArticleId, RevisionId, Settings};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn set_user(state: State<'_, AppState>, user: UserProfile) -> CommandResult<Settings> {
    state.with_library(|lib| lib.set_user(&user))
}

#[tauri::command(async)]
pub fn change_status(state: State<'_, AppState>, id: ArticleId, change: StatusChange) -> CommandResult<Article> {
    state.with_library(|lib| lib.change_status(id, change))
}

#[tauri::command(async)]
pub fn next_steps(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Vec<NextStep>> {
    state.with_library(|lib| lib.next_steps(id))
}

#[tauri::command(async)]
pub fn list_transitions(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Vec<Transition>> {
    state.with_library(|lib| lib.list_transitions(id))
}

#[tauri::command(async)]
pub fn article_checklist(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Checklist> {
    state.with_library(|lib| lib.checklist(id))
}

#[tauri::command(async)]
pub fn list_notes(state: State<'_, AppState>, id: ArticleId) -> CommandResult<Vec<Note>> {
    state.with_library(|lib| lib.list_notes(id))
}

#[tauri::command(async)]
pub fn add_note(state: State<'_, AppState>, id: ArticleId, note: NewNote) -> CommandResult<Note> {
    state.with_library(|lib| lib.add_note(id, note))
}

#[tauri::command(async)]
pub fn set_note_resolved(state: State<'_, AppState>, note_id: i64, resolved: bool) -> CommandResult<Note> {
    state.with_library(|lib| lib.set_note_resolved(note_id, resolved))
}

#[tauri::command(async)]
pub fn delete_note(state: State<'_, AppState>, note_id: i64) -> CommandResult<()> {
    state.with_library(|lib| lib.delete_note(note_id))
}

#[tauri::command(async)]
pub fn desk_queue(state: State<'_, AppState>, role: Role) -> CommandResult<Queue> {
    state.with_library(|lib| lib.queue(role, None))
}

#[tauri::command(async)]
pub fn diff_article(
    state: State<'_, AppState>,
    id: ArticleId,
    from: Option<RevisionId>,
    to: Option<RevisionId>,
) -> CommandResult<ArticleDiff> {
    state.with_library(|lib| lib.diff_article(id, from, to))
}

#[tauri::command(async)]
pub fn accept_change(
    state: State<'_, AppState>,
    id: ArticleId,
    from: RevisionId,
    change: String,
) -> CommandResult<ArticleDiff> {
    state.with_library(|lib| lib.accept_change(id, from, &change))
}

#[tauri::command(async)]
pub fn reject_change(
    state: State<'_, AppState>,
    id: ArticleId,
    from: RevisionId,
    change: String,
    base_version: i64,
) -> CommandResult<Article> {
    state.with_library(|lib| lib.reject_change(id, from, &change, base_version))
}

use banthao_core::{ArticleId, Locale, Settings};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> CommandResult<Settings> {
    state.with_library(|lib| lib.settings())
}

#[tauri::command(async)]
pub fn set_locale(state: State<'_, AppState>, locale: Locale) -> CommandResult<Settings> {
    let settings = state.with_library(|lib| lib.set_locale(locale))?;
    state.set_locale(locale);
    Ok(settings)
}

#[tauri::command(async)]
pub fn set_last_article(state: State<'_, AppState>, id: Option<ArticleId>) -> CommandResult<()> {
    state.with_library(|lib| lib.set_last_article(id))
}

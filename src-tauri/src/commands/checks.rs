use banthao_core::checks::{
    AbbreviationList, CheckInput, CheckReport, CheckSettings, ConvertedRun, FindingKey, FontRun, ToneStyleFix,
};
use banthao_core::{ArticleId, BodyDoc};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The checks while you type: headline, sapo and the body's text blocks.
#[tauri::command(async)]
pub fn check_document(state: State<'_, AppState>, input: CheckInput) -> CommandResult<CheckReport> {
    let lang = state.lang();
    state.with_library(|lib| lib.check_input(&input, lang))
}

/// "Bỏ qua": the article leaves this finding out of its checks from now on.
#[tauri::command(async)]
pub fn ignore_finding(state: State<'_, AppState>, article: ArticleId, key: FindingKey) -> CommandResult<()> {
    state.with_library(|lib| lib.ignore_finding(article, &key))
}

/// "Hiện lại": the article reports this finding again.
#[tauri::command(async)]
pub fn unignore_finding(state: State<'_, AppState>, article: ArticleId, key: FindingKey) -> CommandResult<()> {
    state.with_library(|lib| lib.unignore_finding(article, &key))
}

#[tauri::command(async)]
pub fn get_check_settings(state: State<'_, AppState>) -> CommandResult<CheckSettings> {
    state.with_library(|lib| lib.check_settings())
}

#[tauri::command(async)]
pub fn set_check_settings(state: State<'_, AppState>, settings: CheckSettings) -> CommandResult<CheckSettings> {
    state.with_library(|lib| lib.set_check_settings(settings))
}

/// The built-in abbreviation list and what the library's house text changes in it.
#[tauri::command(async)]
pub fn abbreviation_list(state: State<'_, AppState>) -> CommandResult<AbbreviationList> {
    state.with_library(|lib| lib.abbreviation_list())
}

#[tauri::command(async)]
pub fn list_user_words(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    state.with_library(|lib| lib.user_words())
}

#[tauri::command(async)]
pub fn add_user_word(state: State<'_, AppState>, word: String) -> CommandResult<Vec<String>> {
    state.with_library(|lib| lib.add_user_word(&word))
}

#[tauri::command(async)]
pub fn remove_user_word(state: State<'_, AppState>, word: String) -> CommandResult<Vec<String>> {
    state.with_library(|lib| lib.remove_user_word(&word))
}

/// Pasted runs set in TCVN3 or VNI fonts, as Unicode.
#[tauri::command(async)]
pub fn convert_font_runs(runs: Vec<FontRun>) -> Vec<ConvertedRun> {
    banthao_core::checks::convert_font_runs(&runs)
}

#[tauri::command(async)]
pub fn fix_tone_style(
    state: State<'_, AppState>,
    headline: String,
    sapo: String,
    body: BodyDoc,
) -> CommandResult<ToneStyleFix> {
    state.with_library(|lib| lib.fix_tone_style(&headline, &sapo, &body))
}

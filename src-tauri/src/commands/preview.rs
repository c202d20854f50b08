use banthao_core::media::RenditionSize;
use banthao_core::preview::reader_html;
use banthao_core::ArticleId;
use banthao_sync::wordpress::photos::figure_look;
use tauri::State;

use crate::error::CommandResult;
use crate::media_protocol;
use crate::state::AppState;

/// "Xem trước": the article as a reader sees it, one whole page for the UI's sandboxed frame.
/// Each photo is the media protocol's web rendition with the figure's crop and rotation.
#[tauri::command(async)]
pub fn preview_article(state: State<'_, AppState>, id: ArticleId) -> CommandResult<String> {
    state.with_library(|lib| {
        let article = lib.get_article(id)?;
        Ok(reader_html(&article, &|media_id, figure| {
            let (_, look, _) = figure_look(figure);
            Some(media_protocol::url(media_id, RenditionSize::Web, &look))
        }))
    })
}

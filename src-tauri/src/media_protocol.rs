//! `media://localhost/<id>/<web|thumb>?crop=x,y,w,h&rot=n`: the web view's only way to show a
//! photo. It serves renditions made by the core (never an arbitrary file), on a worker thread.

use banthao_core::media::{CropRect, FigureLook, RenditionSize};
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || {
        let response = serve(&app, request.uri())
            .unwrap_or_else(|status| Response::builder().status(status).body(Vec::new()).expect("static response"));
        responder.respond(response);
    });
}

fn serve<R: Runtime>(app: &tauri::AppHandle<R>, uri: &tauri::http::Uri) -> Result<Response<Vec<u8>>, StatusCode> {
    let mut parts = uri.path().trim_matches('/').split('/');
    let id: i64 = parts.next().and_then(|p| p.parse().ok()).ok_or(StatusCode::BAD_REQUEST)?;
    let size = match parts.next() {
        Some("web") => RenditionSize::Web,
        Some("thumb") | None => RenditionSize::Thumb,
        _ => return Err(StatusCode::BAD_REQUEST),
    };
    let mut look = FigureLook::default();
    for pair in uri.query().unwrap_or("").split('&') {
        match pair.split_once('=') {
            Some(("rot", n)) => look.rotation = n.parse::<u8>().map_err(|_| StatusCode::BAD_REQUEST)? % 4,
            Some(("crop", c)) => {
                let v: Vec<f64> = c.split(',').filter_map(|x| x.parse().ok()).collect();
                if let [x, y, width, height] = v[..] {
                    look.crop = Some(CropRect { x, y, width, height });
                }
            }
            _ => {}
        }
    }
    let state = app.state::<AppState>();
    let path = state.with_library(|lib| lib.rendition(id, size, &look)).map_err(|_| StatusCode::NOT_FOUND)?;
    let bytes = std::fs::read(path).map_err(|_| StatusCode::NOT_FOUND)?;
    Response::builder()
        .header("Content-Type", "image/jpeg")
        .header("Cache-Control", "max-age=31536000, immutable")
        .body(bytes)
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

//! `media://localhost/<id>/<web|thumb>?crop=x,y,w,h&rot=n`: the web view's only way to show a
//! photo (the UI builds these in `ui/src/backend/tauri.ts`, `mediaUrl`). It serves renditions
//! made by the core (never an arbitrary file), on a worker thread.

use banthao_core::media::{CropRect, FigureLook, MediaId, RenditionSize};
use tauri::http::{Request, Response, StatusCode, Uri};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::state::AppState;

/// The URL names the photo and the figure's look, not the rendition settings: after a change
/// of settings the same URL serves a new rendition, so the web view must ask again each time
/// rather than keep the old one (the request is cheap once the rendition exists).
const CACHE_CONTROL: &str = "no-cache";

pub fn handle<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || {
        let response = serve(&app, request.uri())
            .unwrap_or_else(|status| Response::builder().status(status).body(Vec::new()).expect("static response"));
        responder.respond(response);
    });
}

fn serve<R: Runtime>(app: &tauri::AppHandle<R>, uri: &Uri) -> Result<Response<Vec<u8>>, StatusCode> {
    let (id, size, look) = parse(uri)?;
    // The library is locked only to look the job up; decoding and resizing happen without it,
    // so autosave and other photos go on meanwhile.
    let job =
        app.state::<AppState>().with_library(|lib| lib.rendition_job(id, &look)).map_err(|_| StatusCode::NOT_FOUND)?;
    job.run().map_err(|_| StatusCode::NOT_FOUND)?;
    let path = match size {
        RenditionSize::Web => &job.web,
        RenditionSize::Thumb => &job.thumb,
    };
    jpeg_response(std::fs::read(path).map_err(|_| StatusCode::NOT_FOUND)?)
}

fn jpeg_response(bytes: Vec<u8>) -> Result<Response<Vec<u8>>, StatusCode> {
    Response::builder()
        .header("Content-Type", "image/jpeg")
        .header("Cache-Control", CACHE_CONTROL)
        .body(bytes)
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

/// The URL for a rendition of photo `id` as a figure shows it: what `mediaUrl` in
/// `ui/src/backend/tauri.ts` builds, for pages the shell writes itself (the preview).
pub fn url(id: MediaId, size: RenditionSize, look: &FigureLook) -> String {
    // Windows serves custom schemes as http://<scheme>.localhost/.
    let base = if cfg!(windows) { "http://media.localhost/" } else { "media://localhost/" };
    let size = match size {
        RenditionSize::Web => "web",
        RenditionSize::Thumb => "thumb",
    };
    let mut query = Vec::new();
    if let Some(c) = look.crop {
        let round = |v: f64| ((v * 1e6).round() / 1e6).to_string();
        query.push(format!("crop={},{},{},{}", round(c.x), round(c.y), round(c.width), round(c.height)));
    }
    if !look.rotation.is_multiple_of(4) {
        query.push(format!("rot={}", look.rotation % 4));
    }
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    format!("{base}{id}/{size}{query}")
}

/// The photo, the size and the figure's look a URL asks for.
fn parse(uri: &Uri) -> Result<(MediaId, RenditionSize, FigureLook), StatusCode> {
    let mut parts = uri.path().trim_matches('/').split('/');
    let id: MediaId = parts.next().and_then(|p| p.parse().ok()).ok_or(StatusCode::BAD_REQUEST)?;
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
    Ok((id, size, look))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> (MediaId, RenditionSize, FigureLook) {
        parse(&url.parse().unwrap()).unwrap()
    }

    /// The URLs `ui/src/backend/tauri.test.ts` expects `mediaUrl` to build.
    #[test]
    fn reads_the_urls_the_ui_builds() {
        let (id, size, look) = parsed("media://localhost/4/thumb");
        assert_eq!((id, size, look), (4, RenditionSize::Thumb, FigureLook::default()));
        let (id, size, look) = parsed("media://localhost/4/web?crop=0,0.078125,1,0.84375&rot=1");
        assert_eq!((id, size), (4, RenditionSize::Web));
        assert_eq!(look.crop, Some(CropRect { x: 0.0, y: 0.078125, width: 1.0, height: 0.84375 }));
        assert_eq!(look.rotation, 1);
        // Windows serves custom schemes as http://<scheme>.localhost/.
        assert_eq!(parsed("http://media.localhost/9/web").0, 9);
        assert!(parse(&"media://localhost/x/web".parse().unwrap()).is_err());
        assert!(parse(&"media://localhost/4/original".parse().unwrap()).is_err());
    }

    /// The preview's URLs are the UI's, and read back as the look they were made from.
    #[test]
    fn builds_the_urls_the_ui_builds() {
        let look = FigureLook {
            crop: Some(CropRect { x: 0.0, y: 0.078125, width: 1.0, height: 0.84375 }),
            rotation: 1,
            ..FigureLook::default()
        };
        let built = url(4, RenditionSize::Web, &look);
        if !cfg!(windows) {
            assert_eq!(built, "media://localhost/4/web?crop=0,0.078125,1,0.84375&rot=1");
            assert_eq!(url(4, RenditionSize::Thumb, &FigureLook::default()), "media://localhost/4/thumb");
        }
        assert_eq!(parsed(&built), (4, RenditionSize::Web, look));
    }

    /// The settings are not in the URL, so the web view must not keep an answer without
    /// asking again (it was `max-age=31536000, immutable`: a year of the old rendition).
    #[test]
    fn renditions_are_not_cached_past_a_change_of_settings() {
        let response = jpeg_response(vec![0xff, 0xd8]).unwrap();
        let cache = response.headers()["Cache-Control"].to_str().unwrap();
        assert_eq!(cache, "no-cache");
    }
}

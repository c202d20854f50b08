//! Where the app window may go: its own pages only. The UI sends every link to the system
//! browser; this is the second line: no click, script or dropped link can put a web page in
//! the window, where it would run beside the app's commands.

use tauri::Url;

/// True for the app's own pages (`tauri://localhost` on Linux and macOS, `http://tauri.localhost`
/// on Windows), and in development for the Vite server's origin (`dev_url`).
pub fn is_own_page(url: &Url, dev_url: Option<&Url>) -> bool {
    let bundled = if cfg!(windows) {
        matches!(url.scheme(), "http" | "https") && url.host_str() == Some("tauri.localhost")
    } else {
        url.scheme() == "tauri" && url.host_str() == Some("localhost")
    };
    bundled || dev_url.is_some_and(|dev| dev.origin() == url.origin())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    #[cfg(not(windows))]
    fn the_apps_own_pages_load() {
        assert!(is_own_page(&url("tauri://localhost/index.html"), None));
        assert!(is_own_page(&url("tauri://localhost/"), None));
    }

    #[test]
    fn no_page_from_elsewhere_replaces_the_app() {
        for other in [
            "https://vnexpress.net/bao-so-3.html",
            "http://example.com/",
            "mailto:toasoan@example.vn",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "about:blank",
            "tauri://evil.example/index.html",
            "http://127.0.0.1:5173/",
            "http://tauri.localhost.example.com/",
        ] {
            assert!(!is_own_page(&url(other), None), "{other} must not load in the window");
        }
    }

    #[test]
    fn in_development_the_vite_server_loads_and_nothing_else() {
        let dev = url("http://127.0.0.1:5173");
        assert!(is_own_page(&url("http://127.0.0.1:5173/index.html"), Some(&dev)));
        assert!(!is_own_page(&url("http://127.0.0.1:8080/"), Some(&dev)));
        assert!(!is_own_page(&url("https://vnexpress.net/"), Some(&dev)));
    }
}

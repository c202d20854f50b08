//! How the web view draws on a machine without a GPU.
//!
//! WebKitGTK composites the page with OpenGL. Where the machine has no GPU render node
//! (`/dev/dri/renderD*`: a virtual machine, a remote desktop, a thin client), that OpenGL is
//! Mesa's software rasteriser, and every frame goes through it. Measured in the release app
//! under Xvfb on such a machine (`make bench`, `--only typing`, 20,000 tiếng): a keystroke took
//! 50 ms to reach the screen composited and 14 ms drawn directly, and the longest frame gap
//! while typing fell from about 100 ms to under 35 ms. So without a render node the app asks
//! WebKit to draw without compositing, before GTK starts.
//!
//! The user keeps the last word: `WEBKIT_DISABLE_COMPOSITING_MODE` set either way is left as it
//! is, and `BANTHAO_COMPOSITING=on` keeps compositing on a machine without a render node.

use std::path::Path;

/// What the start-up decided, for the log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// A GPU render node is there: WebKit's default (compositing with the GPU).
    Gpu,
    /// No render node: drawn without compositing.
    DirectNoGpu,
    /// The environment already says what to do.
    AsConfigured,
}

/// The decision alone, for tests: `webkit_set` is whether `WEBKIT_DISABLE_COMPOSITING_MODE` is
/// set, `ours` the value of `BANTHAO_COMPOSITING`, `render_node` whether a GPU render node exists.
pub fn decide(webkit_set: bool, ours: Option<&str>, render_node: bool) -> Rendering {
    if webkit_set || ours.is_some_and(|v| v.eq_ignore_ascii_case("on")) {
        Rendering::AsConfigured
    } else if render_node {
        Rendering::Gpu
    } else {
        Rendering::DirectNoGpu
    }
}

/// Whether `dir` (normally `/dev/dri`) holds a render node.
pub fn has_render_node(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .is_ok_and(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
}

/// Applies the decision to this process's environment. Call first thing in `main`, before any
/// thread starts (WebKit's processes inherit the environment).
pub fn choose() -> Rendering {
    let webkit_set = std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_some();
    let ours = std::env::var("BANTHAO_COMPOSITING").ok();
    let rendering = decide(webkit_set, ours.as_deref(), has_render_node(Path::new("/dev/dri")));
    if rendering == Rendering::DirectNoGpu {
        // Single-threaded here (nothing has started yet), which is what `set_var` needs.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    rendering
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_render_node_the_page_is_drawn_directly_unless_the_user_said_otherwise() {
        assert_eq!(decide(false, None, false), Rendering::DirectNoGpu);
        assert_eq!(decide(false, None, true), Rendering::Gpu);
        // WebKit's own switch, set either way, is the user's.
        assert_eq!(decide(true, None, false), Rendering::AsConfigured);
        assert_eq!(decide(true, None, true), Rendering::AsConfigured);
        // Ours: "on" keeps compositing without a GPU.
        assert_eq!(decide(false, Some("on"), false), Rendering::AsConfigured);
        assert_eq!(decide(false, Some("ON"), false), Rendering::AsConfigured);
        // Anything else is not a reason to keep the slow path.
        assert_eq!(decide(false, Some(""), false), Rendering::DirectNoGpu);
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = std::env::temp_dir().join(format!("banthao-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "an empty directory");
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_render_node(&dir), "a card alone is a display, not a render node");
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "no directory at all");
    }
}

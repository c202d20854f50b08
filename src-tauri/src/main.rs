// No console window on Windows release builds; Linux ignores this.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before anything else starts a thread: WebKit's processes inherit the environment.
    if banthao_app::rendering::choose() == banthao_app::rendering::Rendering::DirectNoGpu {
        eprintln!(
            "Bản Thảo: no GPU render node, so the page is drawn without compositing (BANTHAO_COMPOSITING=on keeps it)"
        );
    }
    banthao_app::run();
}

//! Any bytes through `inspect` and `render`: errors are fine, panics, hangs and allocations
//! past the limits are not. Seed the corpus with crates/media/fixtures/ and target/photo-fixtures/.
#![no_main]

use banthao_media::{inspect, render, Crop, EmbedMetadata, ImportLimits, RenditionSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Small limits keep each run fast and inside libFuzzer's default 2 GB RSS cap.
    let limits = ImportLimits { max_pixels: 4_000_000, max_file_bytes: 8 << 20, max_memory_bytes: 64 << 20 };
    let spec = RenditionSpec { web_long_edge: 256, web_quality: 70, thumb_long_edge: 64 };
    if let Ok(prepared) = inspect(data, &limits) {
        let turns = data.last().copied().unwrap_or(0) % 4;
        let crop = Crop { x: 0.1, y: 0.2, width: 0.5, height: 0.6 };
        let embed: EmbedMetadata = prepared.metadata.to_embed();
        let _ = render(data, &limits, &spec, None, 0, &embed);
        let _ = render(data, &limits, &spec, Some(crop), turns, &EmbedMetadata::default());
    }
});

//! Files that must be refused, each with its own reason, before anything large is allocated.
//! These use the small committed fixtures, so they never skip.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use banthao_media::{
    import, import_batch, inspect, render, EmbedMetadata, Format, ImportLimits, MediaError, RenditionSpec,
};
use common::committed;

/// The system allocator, remembering the largest single request this test binary made, so a
/// test can show that a bomb was refused before its pixel buffer was ever asked for. (Memory
/// that C libraries allocate themselves is not seen; for them the refusal comes before they
/// are asked to decode.)
struct LargestAllocation;
static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for LargestAllocation {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: LargestAllocation = LargestAllocation;

fn limits() -> ImportLimits {
    ImportLimits::default()
}

#[test]
fn text_with_a_jpg_name_is_not_an_image() {
    let err = inspect(&committed("not-an-image.jpg"), &limits()).unwrap_err();
    assert_eq!(err, MediaError::NotAnImage);
    assert!(err.message_vi().contains("không phải là ảnh"), "{}", err.message_vi());
    assert_eq!(err.code(), "not_an_image");
}

#[test]
fn truncated_jpeg_is_named_truncated() {
    let bytes = committed("truncated.jpg");
    let err = inspect(&bytes, &limits()).unwrap_err();
    assert_eq!(err, MediaError::Truncated);
    assert!(err.message_vi().contains("bị cắt cụt"), "{}", err.message_vi());
    assert_eq!(render(&bytes, &limits(), &RenditionSpec::default(), None, 0, &EmbedMetadata::default()), Err(err));
}

#[test]
fn files_cut_short_are_refused_cleanly() {
    let png = committed("png-named.jpg");
    let jpeg = committed("truncated.jpg");
    for source in [&png, &jpeg] {
        // Up to 90%: a PNG cut only in its trailing text chunks still holds every pixel.
        for cut in (0..source.len() * 9 / 10).step_by(97) {
            let result = import(&source[..cut], &limits(), &RenditionSpec::default());
            assert!(result.is_err(), "a {cut}-byte prefix imported");
        }
    }
}

#[test]
fn png_with_a_jpg_name_imports_as_png() {
    let imported = import(&committed("png-named.jpg"), &limits(), &RenditionSpec::default()).unwrap();
    assert_eq!(imported.prepared.format, Format::Png);
    assert_eq!((imported.prepared.width, imported.prepared.height), (160, 100));
    assert_eq!(imported.renditions.web_size, (160, 100), "never enlarged");
    assert!(imported.renditions.web.starts_with(&[0xff, 0xd8, 0xff]));
}

#[test]
fn decompression_bombs_are_refused_from_the_header() {
    // One per format: 60000×60000 (3.6 gigapixels, 10 GB of RGB) in a few bytes; the AVIF
    // claims 20000×20000 (libheif's own cap is 32768², see below).
    let bombs = [
        ("bomb.png", (60000, 60000)),
        ("bomb.jpg", (60000, 60000)),
        ("bomb.tif", (60000, 60000)),
        ("bomb.gif", (60000, 60000)),
        ("bomb.bmp", (60000, 60000)),
        ("bomb.avif", (20000, 20000)),
    ];
    for (name, (width, height)) in bombs {
        let bytes = committed(name);
        assert!(bytes.len() < 20_000, "{name} is a small file");
        let err = inspect(&bytes, &limits()).unwrap_err();
        assert_eq!(err, MediaError::TooLarge { width, height, max_pixels: 100_000_000 }, "{name}");
        assert!(err.message_vi().contains(&format!("Ảnh quá lớn: {width} × {height}")), "{}", err.message_vi());
        let rendered = render(&bytes, &limits(), &RenditionSpec::default(), None, 0, &EmbedMetadata::default());
        assert_eq!(rendered.unwrap_err().code(), "too_large", "{name}");
    }
    assert!(
        LARGEST.load(Ordering::Relaxed) < 8 << 20,
        "no pixel-sized allocation: {}",
        LARGEST.load(Ordering::Relaxed)
    );
}

#[test]
fn avif_beyond_libheifs_own_cap_is_named_too_large() {
    // The committed AVIF bomb with its 'ispe' box rewritten to 60000×60000: libheif refuses it
    // while reading the header, and the refusal reads as ours.
    let mut bytes = committed("bomb.avif");
    let at = bytes.windows(4).position(|w| w == b"ispe").unwrap() + 8;
    bytes[at..at + 8].copy_from_slice(&[0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60]);
    let err = inspect(&bytes, &limits()).unwrap_err();
    assert_eq!(err, MediaError::TooLarge { width: 60000, height: 60000, max_pixels: 100_000_000 });
}

#[test]
fn gif_whose_first_frame_is_a_bomb_on_a_small_screen_is_refused_before_decoding() {
    // A 2×2 screen (passes the pixel limit) whose first frame claims 60000×60000.
    let mut bytes = committed("bomb.gif");
    bytes[6..10].copy_from_slice(&[2, 0, 2, 0]);
    let err = inspect(&bytes, &limits()).unwrap_err();
    assert!(matches!(err, MediaError::Decode(_)), "{err:?}");
    assert!(LARGEST.load(Ordering::Relaxed) < 8 << 20);
}

#[test]
fn memory_cap_is_enforced_before_decoding() {
    let tight = ImportLimits { max_memory_bytes: 50_000, ..limits() };
    let err =
        render(&committed("png-named.jpg"), &tight, &RenditionSpec::default(), None, 0, &EmbedMetadata::default())
            .unwrap_err();
    assert!(matches!(err, MediaError::MemoryLimit { .. }), "{err:?}");
    assert!(err.message_vi().contains("bộ nhớ"));
}

#[test]
fn file_size_cap() {
    let tiny = ImportLimits { max_file_bytes: 1000, ..limits() };
    assert!(matches!(inspect(&committed("png-named.jpg"), &tiny), Err(MediaError::FileTooLarge { .. })));
}

#[test]
fn errors_serialise_with_a_code() {
    let json = serde_json::to_value(MediaError::Truncated).unwrap();
    assert_eq!(json["code"], "truncated");
    assert!(json["message_vi"].as_str().unwrap().contains("cắt cụt"));
}

#[test]
fn a_batch_goes_on_past_bad_files() {
    let files = [
        committed("not-an-image.jpg"),
        committed("png-named.jpg"),
        committed("bomb.png"),
        committed("truncated.jpg"),
        committed("bomb.tif"),
        committed("jpeg-12bit.jpg"),
        committed("png-named.jpg"),
    ];
    let refs: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    let results = import_batch(&refs, &limits(), &RenditionSpec::default(), 0);
    let codes: Vec<&str> = results.iter().map(|r| r.as_ref().map_or_else(|e| e.code(), |_| "ok")).collect();
    assert_eq!(codes, ["not_an_image", "ok", "too_large", "truncated", "too_large", "unsupported_format", "ok"]);
}

//! Files that must be refused, each with its own reason, before anything large is allocated.
//! These use the small committed fixtures, so they never skip.

mod common;

use banthao_media::{
    import, import_batch, inspect, render, EmbedMetadata, Format, ImportLimits, MediaError, RenditionSpec,
};
use common::committed;

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
    for name in ["bomb.png", "bomb.jpg"] {
        let bytes = committed(name);
        assert!(bytes.len() < 20_000, "{name} is a small file");
        let err = inspect(&bytes, &limits()).unwrap_err();
        assert_eq!(err, MediaError::TooLarge { width: 60000, height: 60000, max_pixels: 100_000_000 }, "{name}");
        assert!(err.message_vi().contains("Ảnh quá lớn: 60000 × 60000"), "{}", err.message_vi());
        let rendered = render(&bytes, &limits(), &RenditionSpec::default(), None, 0, &EmbedMetadata::default());
        assert_eq!(rendered.unwrap_err().code(), "too_large");
    }
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
        committed("png-named.jpg"),
    ];
    let refs: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    let results = import_batch(&refs, &limits(), &RenditionSpec::default(), 0);
    let codes: Vec<&str> = results.iter().map(|r| r.as_ref().map_or_else(|e| e.code(), |_| "ok")).collect();
    assert_eq!(codes, ["not_an_image", "ok", "too_large", "truncated", "ok"]);
}

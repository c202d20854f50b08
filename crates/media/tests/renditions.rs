//! Camera-like fixtures made by scripts/make-photo-fixtures.sh: metadata read, renditions
//! checked with exiftool (privacy, captions byte-exact, orientation baked in) and ImageMagick
//! (colour). Skips with a notice only when the fixture tools are missing.

mod common;

use banthao_media::{
    import, import_batch, inspect, render, Crop, EmbedMetadata, Format, ImportLimits, RenditionSpec, Renditions,
};
use common::*;
use serde_json::Value;

fn limits() -> ImportLimits {
    ImportLimits::default()
}

fn render_own(bytes: &[u8], crop: Option<Crop>, turns: u8) -> Renditions {
    let embed = inspect(bytes, &limits()).unwrap().metadata.to_embed();
    render(bytes, &limits(), &RenditionSpec::default(), crop, turns, &embed).unwrap()
}

fn is_red([r, g, b]: [f64; 3]) -> bool {
    r > 200.0 && g < 70.0 && b < 70.0
}

#[test]
fn camera_metadata_is_read_and_prefilled() {
    let Some(bytes) = fixture("camera-orient6.jpg") else { return };
    let prepared = inspect(&bytes, &limits()).unwrap();
    assert_eq!(prepared.format, Format::Jpeg);
    assert_eq!((prepared.width, prepared.height), (4000, 6000), "orientation 6 swaps the size");
    assert_eq!(prepared.orientation, 6);
    assert_eq!(prepared.hash.len(), 64);
    let m = &prepared.metadata;
    assert_eq!(m.caption.as_deref(), Some(CAPTION));
    assert_eq!(m.by_line.as_deref(), Some(BYLINE));
    assert_eq!(m.credit.as_deref(), Some(CREDIT));
    assert_eq!(m.copyright.as_deref(), Some(COPYRIGHT));
    assert_eq!(m.keywords, ["giao thông", "Đà Nẵng"]);
    assert_eq!(m.date_taken.as_deref(), Some("2024-06-01T07:30:15+07:00"));
    assert_eq!(m.camera.as_deref(), Some("SONY DSC-RX100M4"));
    assert!(m.has_gps);
    let prefill = m.prefill();
    assert_eq!((prefill.caption.as_deref(), prefill.credit.as_deref()), (Some(CAPTION), Some(CREDIT)));

    let other = inspect(&fixture("camera.jpg").unwrap(), &limits()).unwrap();
    assert_ne!(other.hash, prepared.hash, "content address follows the bytes");
    assert_eq!((other.width, other.height, other.orientation), (6000, 4000, 1));
}

#[test]
fn renditions_carry_the_caption_and_nothing_private() {
    let Some(bytes) = fixture("camera-orient6.jpg") else { return };
    let original = bytes.clone();
    let r = render_own(&bytes, None, 0);
    assert_eq!(bytes, original, "the original is never modified");
    assert_eq!(r.web_size, (1067, 1600));
    assert_eq!(r.thumb_size, (213, 320));
    for (name, jpeg) in [("web", &r.web), ("thumb", &r.thumb)] {
        let tags = exiftool(jpeg);
        for key in tags.keys() {
            let k = key.to_lowercase();
            assert!(!k.contains("gps"), "{name}: {key}");
            assert!(!k.contains("serial"), "{name}: {key}");
            assert!(!k.contains("maker") && !k.starts_with("sony:"), "{name}: {key}");
            assert!(!k.starts_with("ifd0:") && !k.starts_with("exififd:"), "{name}: no EXIF at all, got {key}");
            assert!(!k.ends_with(":orientation"), "{name}: {key}");
            assert!(!k.starts_with("icc_profile:"), "{name}: untagged means sRGB, got {key}");
        }
        let text = |key: &str| tags.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("{name}: no {key}"));
        assert_eq!(text("IPTC:CodedCharacterSet"), "UTF8");
        assert_eq!(text("IPTC:Caption-Abstract"), CAPTION);
        assert_eq!(text("IPTC:By-line"), BYLINE);
        assert_eq!(text("IPTC:Credit"), CREDIT);
        assert_eq!(text("IPTC:CopyrightNotice"), COPYRIGHT);
        assert_eq!(text("XMP-dc:Description"), CAPTION);
        assert_eq!(text("XMP-dc:Creator"), BYLINE);
        assert_eq!(text("XMP-photoshop:Credit"), CREDIT);
        assert_eq!(text("XMP-dc:Rights"), COPYRIGHT);
        // Byte-exact UTF-8 in the file itself: once in IPTC, once in XMP.
        let hits = jpeg.windows(CAPTION.len()).filter(|w| *w == CAPTION.as_bytes()).count();
        assert_eq!(hits, 2, "{name}");
    }
    let web = exiftool(&r.web);
    assert_eq!((web["File:ImageWidth"].as_u64(), web["File:ImageHeight"].as_u64()), (Some(1067), Some(1600)));
}

#[test]
fn orientation_is_baked_into_the_pixels() {
    // The fixtures carry a red square in the stored top-left corner.
    let cases = [
        ("camera.jpg", (1600, 1067), (0, 0)),
        ("camera-orient6.jpg", (1067, 1600), (1, 0)),
        ("camera-orient8.jpg", (1067, 1600), (0, 1)),
    ];
    for (name, size, (right, bottom)) in cases {
        let Some(bytes) = fixture(name) else { return };
        let r = render_own(&bytes, None, 0);
        assert_eq!(r.web_size, size, "{name}");
        let corner =
            |right: u32, bottom: u32| mean_rgb(&r.web, 20 + right * (size.0 - 140), 20 + bottom * (size.1 - 140), 100);
        assert!(is_red(corner(right, bottom)), "{name}: red corner moved: {:?}", corner(right, bottom));
        assert!(!is_red(corner(1 - right, bottom)), "{name}");
        assert!(!is_red(corner(right, 1 - bottom)), "{name}");
    }
}

#[test]
fn crop_and_quarter_turns_are_applied_as_shown() {
    let Some(bytes) = fixture("camera.jpg") else { return };
    // Turned a quarter clockwise, the picture is 4000×6000 and the red square is top-right;
    // the top-right quarter crop (2000×3000) keeps it in its own top-right corner.
    let crop = Crop { x: 0.5, y: 0.0, width: 0.5, height: 0.5 };
    let r = render_own(&bytes, Some(crop), 1);
    assert_eq!(r.web_size, (1067, 1600));
    assert!(is_red(mean_rgb(&r.web, 1067 - 150, 30, 100)));
    assert!(!is_red(mean_rgb(&r.web, 30, 30, 100)));
    // A small crop is never enlarged.
    let small = render_own(&bytes, Some(Crop { x: 0.0, y: 0.0, width: 0.1, height: 0.1 }), 0);
    assert_eq!(small.web_size, (600, 400));
    assert!(is_red(mean_rgb(&small.web, 100, 100, 200)));
    let bad = render(
        &bytes,
        &limits(),
        &RenditionSpec::default(),
        Some(Crop { x: 0.8, y: 0.0, width: 0.5, height: 1.0 }),
        0,
        &EmbedMetadata::default(),
    );
    assert_eq!(bad.unwrap_err().code(), "invalid_crop");
}

#[test]
fn wide_gamut_is_converted_to_srgb() {
    for name in ["display-p3.jpg", "adobe-rgb.jpg"] {
        let Some(bytes) = fixture(name) else { return };
        let path = generated().unwrap().join(name);
        let prepared = inspect(&bytes, &limits()).unwrap();
        assert!(prepared.color_profile.is_some(), "{name}");
        let r = render_own(&bytes, None, 0);
        let ours = mean_rgb(&r.web, 700, 400, 100);
        // Reference: ImageMagick's own conversion of the same file.
        let reference_jpeg = std::process::Command::new("convert")
            .arg(&path)
            .args(["-profile", "/usr/share/color/icc/sRGB.icc", "-quality", "95", "jpg:-"])
            .output()
            .unwrap()
            .stdout;
        let expected = mean_rgb(&reference_jpeg, 600, 400, 100);
        let unconverted = mean_rgb(&bytes, 600, 400, 100);
        for c in 0..3 {
            assert!((ours[c] - expected[c]).abs() <= 4.0, "{name}: ours {ours:?}, ImageMagick {expected:?}");
        }
        assert!((0..3).any(|c| (ours[c] - unconverted[c]).abs() > 10.0), "{name}: not converted: {ours:?}");
    }
}

#[test]
fn png_webp_and_heic_import_with_their_captions() {
    for (name, format) in [("photo.png", Format::Png), ("photo.webp", Format::WebP), ("photo.heic", Format::Heic)] {
        let Some(bytes) = fixture(name) else { return };
        let imported = import(&bytes, &limits(), &RenditionSpec::default()).unwrap();
        let p = &imported.prepared;
        assert_eq!((p.format, p.width, p.height), (format, 1600, 1000), "{name}");
        assert_eq!(p.metadata.prefill().caption.as_deref(), Some(CAPTION), "{name}");
        assert_eq!(p.metadata.prefill().credit.as_deref(), Some(CREDIT), "{name}");
        assert_eq!(imported.renditions.web_size, (1600, 1000), "{name}");
        assert_eq!(imported.renditions.thumb_size, (320, 200), "{name}");
        assert_eq!(exiftool(&imported.renditions.web)["XMP-dc:Description"], CAPTION, "{name}");
    }
}

#[test]
fn legacy_windows_1252_iptc_is_decoded() {
    let Some(bytes) = fixture("legacy-iptc.jpg") else { return };
    let m = inspect(&bytes, &limits()).unwrap().metadata;
    assert_eq!(m.caption.as_deref(), Some("Café crème – Éric Müller, 5 €"));
    assert_eq!(m.prefill().credit.as_deref(), Some("Éric Müller"));
}

#[test]
fn batch_of_camera_files_uses_all_cores_and_keeps_order() {
    let Some(camera) = fixture("camera.jpg") else { return };
    let bad = committed("not-an-image.jpg");
    let rotated = fixture("camera-orient6.jpg").unwrap();
    let files: Vec<&[u8]> = vec![&camera, &bad, &rotated];
    let results = import_batch(&files, &limits(), &RenditionSpec::default(), 0);
    assert_eq!(results[0].as_ref().unwrap().renditions.web_size, (1600, 1067));
    assert_eq!(results[1].as_ref().unwrap_err().code(), "not_an_image");
    assert_eq!(results[2].as_ref().unwrap().renditions.web_size, (1067, 1600));
}

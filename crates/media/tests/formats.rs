//! The formats a photo desk receives besides camera JPEGs (issue 11): TIFF (8/16-bit, CMYK,
//! JPEG-compressed), CMYK JPEG, GIF, BMP and AVIF, made by scripts/make-photo-fixtures.sh from
//! the same photograph as `photo.png`. Each imports, shows the right way up, keeps its colours
//! (CMYK through an ICC profile), prefills caption and credit, and gives renditions with no
//! private data. Skips with a notice only when the fixture tools are missing.

mod common;

use banthao_media::{import, inspect, render, Format, ImportLimits, MediaError, RenditionSpec, Renditions};
use common::*;

fn limits() -> ImportLimits {
    ImportLimits::default()
}

fn render_own(bytes: &[u8]) -> Renditions {
    let embed = inspect(bytes, &limits()).unwrap().metadata.to_embed();
    render(bytes, &limits(), &RenditionSpec::default(), None, 0, &embed).unwrap()
}

/// A trip through a press's CMYK gamut and back costs this much on this photograph (ImageMagick's
/// own conversions land at 9–13): the bound for "close to the RGB source".
const CMYK_ROUND_TRIP: f64 = 12.0;
const SRGB: &str = "/usr/share/color/icc/sRGB.icc";
const SWOP: &str = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
/// How we convert CMYK (and Photoshop does by default), for ImageMagick's references.
const AS_PHOTOSHOP: [&str; 3] = ["-intent", "relative", "-black-point-compensation"];

/// The lossless PNG of the same photograph, rendered the same way: what the others should match.
fn reference_web() -> Option<Vec<u8>> {
    fixture("photo.png").map(|png| render_own(&png).web)
}

fn is_red([r, g, b]: [f64; 3]) -> bool {
    r > 200.0 && g < 70.0 && b < 70.0
}

#[test]
fn agency_tiff_is_turned_by_its_orientation_tag_and_keeps_its_caption() {
    let Some(bytes) = fixture("tiff-rgb8.tif") else { return };
    let prepared = inspect(&bytes, &limits()).unwrap();
    assert_eq!(prepared.format, Format::Tiff);
    assert_eq!((prepared.width, prepared.height, prepared.orientation), (1000, 1600, 6));
    let m = &prepared.metadata;
    assert_eq!(m.caption.as_deref(), Some(CAPTION));
    assert_eq!(m.by_line.as_deref(), Some(BYLINE));
    assert_eq!(m.prefill().credit.as_deref(), Some(CREDIT));
    assert_eq!(m.copyright.as_deref(), Some(COPYRIGHT));
    assert_eq!(m.keywords, ["giao thông", "Đà Nẵng"]);
    assert_eq!(m.camera.as_deref(), Some("SONY DSC-RX100M4"));
    assert_eq!(m.date_taken.as_deref(), Some("2024-06-01T07:30:15"));
    assert!(m.has_gps);

    let r = render_own(&bytes);
    assert_eq!((r.web_size, r.thumb_size), ((1000, 1600), (200, 320)));
    // The red block, stored top-left, is shown top-right after a quarter turn clockwise.
    assert!(is_red(mean_rgb(&r.web, 1000 - 110, 10, 100)), "{:?}", mean_rgb(&r.web, 890, 10, 100));
    assert!(!is_red(mean_rgb(&r.web, 10, 10, 100)));
    for jpeg in [&r.web, &r.thumb] {
        assert_publishable("tiff-rgb8.tif", jpeg, Some(CAPTION));
    }
}

#[test]
fn sixteen_bit_jpeg_compressed_and_planar_tiff_keep_their_colours() {
    let Some(reference) = reference_web() else { return };
    let cases = [("tiff-rgb16.tif", 1.5), ("tiff-jpeg.tif", 3.0), ("tiff-planar.tif", 1.5), ("tiff-tiled.tif", 1.5)];
    for (name, bound) in cases {
        let imported = import(&fixture(name).unwrap(), &limits(), &RenditionSpec::default()).unwrap();
        assert_eq!(
            (imported.prepared.format, imported.prepared.width, imported.prepared.height),
            (Format::Tiff, 1600, 1000)
        );
        let difference = mean_difference(&imported.renditions.web, &reference);
        assert!(difference < bound, "{name}: mean channel difference {difference:.2} from the PNG");
        assert_publishable(name, &imported.renditions.web, None);
    }
}

#[test]
fn cmyk_tiff_with_a_profile_is_converted_through_that_profile() {
    let Some(bytes) = fixture("tiff-cmyk-icc.tif") else { return };
    let prepared = inspect(&bytes, &limits()).unwrap();
    assert!(prepared.color_profile.is_some());
    assert_eq!(prepared.metadata.prefill().caption.as_deref(), Some(CAPTION));
    assert_eq!(prepared.metadata.prefill().credit.as_deref(), Some(CREDIT));
    let r = render_own(&bytes);
    // Close to the RGB photograph it was separated from…
    let from_source = mean_difference(&r.web, &reference_web().unwrap());
    assert!(from_source < CMYK_ROUND_TRIP, "mean channel difference {from_source:.2} from the RGB source");
    // …and to ImageMagick's conversion with the embedded profile, not with the standard one.
    let own =
        imagemagick_reference("tiff-cmyk-icc.tif", &[&AS_PHOTOSHOP[..], &["-profile", SRGB]].concat(), r.web_size);
    let standard = [&AS_PHOTOSHOP[..], &["+profile", "icc", "-profile", SWOP, "-profile", SRGB]].concat();
    let swop = imagemagick_reference("tiff-cmyk-icc.tif", &standard, r.web_size);
    let (to_own, to_swop) = (mean_difference(&r.web, &own), mean_difference(&r.web, &swop));
    assert!(to_own < 3.0 && to_swop > 3.0 * to_own, "embedded profile {to_own:.2}, standard {to_swop:.2}");
    assert_publishable("tiff-cmyk-icc.tif", &r.web, Some(CAPTION));
}

#[test]
fn cmyk_without_a_profile_is_read_as_a_standard_press() {
    let Some(reference) = reference_web() else { return };
    for name in ["tiff-cmyk.tif", "jpeg-cmyk-noicc.jpg"] {
        let bytes = fixture(name).unwrap();
        let prepared = inspect(&bytes, &limits()).unwrap();
        assert_eq!((prepared.width, prepared.height, prepared.color_profile.as_deref()), (1600, 1000, None), "{name}");
        let r = render_own(&bytes);
        let from_source = mean_difference(&r.web, &reference);
        assert!(from_source < CMYK_ROUND_TRIP, "{name}: mean channel difference {from_source:.2} from the RGB source");
        let press = imagemagick_reference(
            name,
            &[&AS_PHOTOSHOP[..], &["-profile", SWOP, "-profile", SRGB]].concat(),
            r.web_size,
        );
        let to_press = mean_difference(&r.web, &press);
        assert!(to_press < 3.0, "{name}: {to_press:.2} from ImageMagick's SWOP conversion");
        // The textbook formula (ImageMagick without a profile) is much further off.
        let naive = imagemagick_reference(name, &["-colorspace", "sRGB"], r.web_size);
        let naive_from_source = mean_difference(&naive, &reference);
        assert!(naive_from_source > 1.8 * from_source, "{name}: ours {from_source:.2}, naive {naive_from_source:.2}");
        assert_publishable(name, &r.web, None);
    }
}

#[test]
fn cmyk_jpeg_keeps_the_fast_path_its_colours_and_caption() {
    let Some(bytes) = fixture("jpeg-cmyk.jpg") else { return };
    let imported = import(&bytes, &limits(), &RenditionSpec::default()).unwrap();
    let p = &imported.prepared;
    assert_eq!((p.format, p.width, p.height), (Format::Jpeg, 1600, 1000));
    assert_eq!(p.color_profile.as_deref(), Some("Artifex CMYK SWOP Profile"));
    assert_eq!(p.metadata.prefill().caption.as_deref(), Some(CAPTION));
    assert_eq!(p.metadata.prefill().credit.as_deref(), Some(CREDIT));
    let difference = mean_difference(&imported.renditions.web, &reference_web().unwrap());
    assert!(difference < CMYK_ROUND_TRIP, "mean channel difference {difference:.2} from the RGB source");
    assert_publishable("jpeg-cmyk.jpg", &imported.renditions.web, Some(CAPTION));
    assert_publishable("jpeg-cmyk.jpg", &imported.renditions.thumb, Some(CAPTION));
}

#[test]
fn animated_gif_gives_its_first_frame_and_says_so() {
    let Some(bytes) = fixture("photo.gif") else { return };
    let imported = import(&bytes, &limits(), &RenditionSpec::default()).unwrap();
    let p = &imported.prepared;
    assert_eq!((p.format, p.width, p.height, p.animated), (Format::Gif, 800, 500, true));
    assert_eq!(p.metadata.prefill().caption.as_deref(), Some(CAPTION));
    assert_eq!(p.metadata.prefill().credit.as_deref(), Some(CREDIT));
    assert_eq!(imported.renditions.web_size, (800, 500));
    // The photograph (256 colours), not the blue second frame.
    let small = RenditionSpec { web_long_edge: 800, ..RenditionSpec::default() };
    let reference = render(&fixture("photo.png").unwrap(), &limits(), &small, None, 0, &Default::default()).unwrap();
    let difference = mean_difference(&imported.renditions.web, &reference.web);
    assert!(difference < 10.0, "mean channel difference {difference:.2} from the photograph");
    assert_publishable("photo.gif", &imported.renditions.web, Some(CAPTION));
    assert!(!inspect(&fixture("photo.png").unwrap(), &limits()).unwrap().animated);
}

#[test]
fn bmp_and_avif_import() {
    let Some(reference) = reference_web() else { return };
    for (name, format, bound, caption) in
        [("photo.bmp", Format::Bmp, 1.5, None), ("photo.avif", Format::Avif, 6.0, Some(CAPTION))]
    {
        let imported = import(&fixture(name).unwrap(), &limits(), &RenditionSpec::default()).unwrap();
        let p = &imported.prepared;
        assert_eq!((p.format, p.width, p.height, p.orientation), (format, 1600, 1000, 1), "{name}");
        assert_eq!(p.metadata.prefill().caption.as_deref(), caption, "{name}");
        assert_eq!(imported.renditions.thumb_size, (320, 200), "{name}");
        let difference = mean_difference(&imported.renditions.web, &reference);
        assert!(difference < bound, "{name}: mean channel difference {difference:.2} from the PNG");
        assert_publishable(name, &imported.renditions.web, caption);
    }
}

#[test]
fn a_tiff_layout_the_decoder_cannot_read_is_refused_not_a_crash() {
    let Some(bytes) = fixture("tiff-planar-tiled.tif") else { return };
    assert_eq!(inspect(&bytes, &limits()).unwrap().format, Format::Tiff);
    let err = import(&bytes, &limits(), &RenditionSpec::default()).unwrap_err();
    assert_eq!(err.code(), "decode", "{err:?}");
}

#[test]
fn new_formats_cut_short_are_refused() {
    for name in ["tiff-rgb8.tif", "tiff-cmyk.tif", "photo.gif", "photo.bmp", "photo.avif", "jpeg-cmyk.jpg"] {
        let Some(bytes) = fixture(name) else { return };
        for percent in [5, 30, 60, 90] {
            let cut = &bytes[..bytes.len() * percent / 100];
            let result = import(cut, &limits(), &RenditionSpec::default());
            assert!(result.is_err(), "{name} cut at {percent}% imported");
        }
        let err = import(&bytes[..bytes.len() * 6 / 10], &limits(), &RenditionSpec::default()).unwrap_err();
        assert!(matches!(err, MediaError::Truncated | MediaError::Decode(_)), "{name}: {err:?}");
    }
}

#[test]
fn twelve_bit_jpeg_is_refused_by_name() {
    let err = inspect(&committed("jpeg-12bit.jpg"), &limits()).unwrap_err();
    assert_eq!(err, MediaError::UnsupportedFormat("JPEG 12-bit".into()));
    assert!(err.message_vi().contains("JPEG 12-bit"), "{}", err.message_vi());
}

//! Colour: pixels tagged with a wide-gamut ICC profile (Display P3 from phones, Adobe RGB
//! from cameras) are converted to sRGB with Little CMS, so browsers show them as shot; CMYK
//! (press files from agencies and scanners) is converted with its own profile, or with a
//! standard press profile when it carries none.

use std::sync::OnceLock;

use lcms2::{ColorSpaceSignature, Flags, InfoType, Intent, Locale, PixelFormat, Profile, Transform};

/// Standard CMYK profiles, for CMYK files without one. Debian's free ICC packages
/// (icc-profiles-free, colord-data) ship none; Ghostscript's SWOP-based default profile
/// (package libgs-common, installed by scripts/install-deps.sh) is one, read from disk rather
/// than built in (it is under the AGPL). Photoshop likewise assumes a SWOP press.
const STANDARD_CMYK_PROFILES: &[&str] =
    &["/usr/share/color/icc/ghostscript/default_cmyk.icc", "/usr/share/ghostscript/iccprofiles/default_cmyk.icc"];

/// The profile's description, e.g. "Display P3".
pub(crate) fn describe(icc: &[u8]) -> Option<String> {
    Profile::new_icc(icc).ok()?.info(InfoType::Description, Locale::none())
}

/// Converts packed RGB in place. Profiles that are sRGB already, not RGB, or unreadable are
/// left alone (the pixels are then taken as sRGB, as a browser would).
pub(crate) fn to_srgb_in_place(pixels: &mut [u8], icc: &[u8]) {
    let Ok(profile) = Profile::new_icc(icc) else { return };
    if profile.color_space() != lcms2::ColorSpaceSignature::RgbData {
        return;
    }
    let description = profile.info(InfoType::Description, Locale::none()).unwrap_or_default();
    if description.starts_with("sRGB") {
        return;
    }
    let srgb = Profile::new_srgb();
    let Ok(transform) =
        Transform::<u8, u8>::new(&profile, PixelFormat::RGB_8, &srgb, PixelFormat::RGB_8, Intent::RelativeColorimetric)
    else {
        return;
    };
    transform.transform_in_place(pixels);
}

/// The first standard CMYK profile found on this machine, read once.
pub(crate) fn standard_cmyk_profile() -> Option<&'static [u8]> {
    static PROFILE: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    PROFILE
        .get_or_init(|| {
            STANDARD_CMYK_PROFILES.iter().filter_map(|path| std::fs::read(path).ok()).find(|icc| is_cmyk(icc))
        })
        .as_deref()
}

fn is_cmyk(icc: &[u8]) -> bool {
    Profile::new_icc(icc).is_ok_and(|p| p.color_space() == ColorSpaceSignature::CmykData)
}

/// Packed CMYK (4 bytes a pixel; `inverted` when 0 is full ink) to packed sRGB, through the
/// file's own CMYK profile, else the standard one (relative colorimetric with black point
/// compensation, as Photoshop converts by default).
pub(crate) fn cmyk_to_srgb(cmyk: &[u8], icc: Option<&[u8]>, inverted: bool) -> Vec<u8> {
    let mut rgb = vec![0u8; cmyk.len() / 4 * 3];
    let profile = match icc.filter(|icc| is_cmyk(icc)) {
        Some(own) => Some(own),
        None => standard_cmyk_profile(),
    };
    let profile = profile.and_then(|icc| Profile::new_icc(icc).ok());
    let format = if inverted { PixelFormat::CMYK_8_REV } else { PixelFormat::CMYK_8 };
    let transform = profile.and_then(|profile| {
        let srgb = Profile::new_srgb();
        let intent = Intent::RelativeColorimetric;
        Transform::<u8, u8>::new_flags(
            &profile,
            format,
            &srgb,
            PixelFormat::RGB_8,
            intent,
            Flags::BLACKPOINT_COMPENSATION,
        )
        .ok()
    });
    match transform {
        Some(transform) => transform.transform_pixels(cmyk, &mut rgb),
        // No profile anywhere: the textbook formula. Colours come out too bright and too
        // saturated next to a press conversion, but the picture is there.
        None => {
            let ink = |v: u8| if inverted { 255 - v as u32 } else { v as u32 };
            for (from, to) in cmyk.chunks_exact(4).zip(rgb.chunks_exact_mut(3)) {
                let paper = 255 - ink(from[3]);
                for (channel, &v) in to.iter_mut().zip(&from[..3]) {
                    *channel = ((255 - ink(v)) * paper / 255) as u8;
                }
            }
        }
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Display P3 as phones write it: P3 primaries, D65 white, the sRGB tone curve.
    pub(crate) fn display_p3() -> Vec<u8> {
        use lcms2::{CIExyY, CIExyYTRIPLE, ToneCurve};
        let d65 = CIExyY { x: 0.3127, y: 0.3290, Y: 1.0 };
        let primaries = CIExyYTRIPLE {
            Red: CIExyY { x: 0.680, y: 0.320, Y: 1.0 },
            Green: CIExyY { x: 0.265, y: 0.690, Y: 1.0 },
            Blue: CIExyY { x: 0.150, y: 0.060, Y: 1.0 },
        };
        let srgb_curve =
            ToneCurve::new_parametric(4, &[2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045]).unwrap();
        let mut profile = Profile::new_rgb(&d65, &primaries, &[&srgb_curve, &srgb_curve, &srgb_curve]).unwrap();
        let mut description = lcms2::MLU::new(1);
        description.set_text("Display P3", Locale::none());
        profile.write_tag(lcms2::TagSignature::ProfileDescriptionTag, lcms2::Tag::MLU(&description));
        profile.icc().unwrap()
    }

    #[test]
    fn the_committed_display_p3_profile_is_the_one_we_build() {
        let committed = include_bytes!("../fixtures/DisplayP3.icc");
        assert_eq!(describe(committed).as_deref(), Some("Display P3"));
        let mut a = [200u8, 60, 40];
        let mut b = a;
        to_srgb_in_place(&mut a, committed);
        to_srgb_in_place(&mut b, &display_p3());
        assert_eq!(a, b);
    }

    #[test]
    fn p3_red_becomes_more_saturated_srgb_and_srgb_is_untouched() {
        let mut px = [200u8, 60, 40];
        to_srgb_in_place(&mut px, &display_p3());
        assert!(px[0] > 210 && px[1] < 55, "{px:?}");
        let mut px = [200u8, 60, 40];
        to_srgb_in_place(&mut px, &Profile::new_srgb().icc().unwrap());
        assert_eq!(px, [200, 60, 40]);
    }

    #[test]
    fn cmyk_inks_become_srgb_through_a_press_profile() {
        // No ink is paper white, all four inks are black; the inverted form reads the same.
        let rgb = cmyk_to_srgb(&[0, 0, 0, 0, 255, 255, 255, 255, 0, 255, 255, 0], None, false);
        let inverted = cmyk_to_srgb(&[255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255], None, true);
        assert_eq!(rgb, inverted);
        assert!(rgb[..3].iter().all(|&v| v > 235), "paper: {rgb:?}");
        assert!(rgb[3..6].iter().all(|&v| v < 40), "black: {rgb:?}");
        // Magenta + yellow print red; through a press profile it is a dull red, not 255,0,0.
        let red = &rgb[6..9];
        assert!(red[0] > 180 && red[1] < 80 && red[2] < 80, "red: {red:?}");
        if standard_cmyk_profile().is_some() {
            assert!(red[0] < 250, "press red is not display red: {red:?}");
        }
    }

    /// Writes `fixtures/DisplayP3.icc`: `cargo test -p banthao-media -- --ignored write_display_p3`.
    #[test]
    #[ignore]
    fn write_display_p3() {
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/DisplayP3.icc"), display_p3()).unwrap();
    }
}

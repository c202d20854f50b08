//! Colour: pixels tagged with a wide-gamut ICC profile (Display P3 from phones, Adobe RGB
//! from cameras) are converted to sRGB with Little CMS, so browsers show them as shot.

use lcms2::{InfoType, Intent, Locale, PixelFormat, Profile, Transform};

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

    /// Writes `fixtures/DisplayP3.icc`: `cargo test -p banthao-media -- --ignored write_display_p3`.
    #[test]
    #[ignore]
    fn write_display_p3() {
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/DisplayP3.icc"), display_p3()).unwrap();
    }
}

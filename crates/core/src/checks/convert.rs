//! Conversions the editor applies in one step: legacy-font runs from a paste, and the whole
//! article into the house tone style.

use banthao_text::encoding::{convert_font_run, legacy_font, LegacyFont};
use banthao_text::tone_style;

use super::model::{ConvertedRun, FontRun, HouseStyle, ToneStyleFix};
use crate::{BodyDoc, PmNode};

/// Each run in NFC Unicode: runs set in TCVN3 (`.VnTime`, `.VnTimeH`…) or VNI fonts are
/// converted by their font; other runs are only normalised.
pub fn convert_font_runs(runs: &[FontRun]) -> Vec<ConvertedRun> {
    runs.iter()
        .map(|run| match legacy_font(&run.font) {
            Some(font) => ConvertedRun {
                text: convert_font_run(&run.text, font),
                from: Some(match font {
                    LegacyFont::Tcvn3 | LegacyFont::Tcvn3Capitals => "tcvn3".into(),
                    LegacyFont::Vni => "vni".into(),
                }),
            },
            None => ConvertedRun { text: banthao_text::to_nfc_string(&run.text), from: None },
        })
        .collect()
}

/// Headline, sapo and every text of the body in the house tone style.
pub fn fix_tone_style(headline: &str, sapo: &str, body: &BodyDoc, house: HouseStyle) -> ToneStyleFix {
    let style = house.tone_style();
    let mut changed = 0u32;
    let mut convert = |s: &str| {
        let out = tone_style::convert(&banthao_text::to_nfc(s), style);
        changed += banthao_text::tokens::tokens(s)
            .iter()
            .zip(banthao_text::tokens::tokens(&out).iter())
            .filter(|(a, b)| a.text != b.text)
            .count() as u32;
        out
    };
    let headline = convert(headline);
    let sapo = convert(sapo);
    let body = map_text(body, &mut convert);
    ToneStyleFix { headline, sapo, body, changed }
}

fn map_text(node: &PmNode, f: &mut impl FnMut(&str) -> String) -> PmNode {
    let mut out = node.clone();
    if let Some(text) = &node.text {
        out.text = Some(f(text));
    }
    if let Some(children) = &node.content {
        out.content = Some(children.iter().map(|c| map_text(c, f)).collect());
    }
    out
}

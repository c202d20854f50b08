//! Text pasted from Word in a legacy font: the clipboard HTML names the font per run
//! (`font-family:".VnTime"`), and the run's text holds the font's bytes as Windows-1252
//! characters (`Céng hßa` for TCVN3 "Cộng hòa", `Coäng hoøa` for VNI). A paste can mix
//! fonts, so each run is decided by its own font.
//!
//! Font names: TCVN3 fonts start with `.Vn` (`.VnTime`, `.VnArial`, `.VnCentury Schoolbook`…)
//! and their capital twins end in a capital `H` (`.VnTimeH`, `.VnArialH`); VNI fonts start
//! with `VNI-` (`VNI-Times`, `VNI-Helve`…). In a `…H` font every letter shows as a capital.

use super::{cp1252, tcvn3, vni};

/// The legacy font family of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyFont {
    /// `.VnTime`, `.VnArial`…
    Tcvn3,
    /// `.VnTimeH`, `.VnArialH`…: TCVN3 bytes shown as capitals.
    Tcvn3Capitals,
    /// `VNI-Times`, `VNI-Helve`…
    Vni,
}

/// The legacy font named by a CSS `font-family` value (`".VnTimeH", serif`, `'VNI-Times'`),
/// or `None` for a Unicode font. The first family decides: the browser renders with it.
pub fn legacy_font(font_family: &str) -> Option<LegacyFont> {
    let first = font_family.split(',').next()?;
    let name = first.trim().trim_matches(|c: char| matches!(c, '"' | '\'') || c.is_whitespace());
    let name = name.strip_prefix("&quot;").unwrap_or(name);
    let name = name.strip_suffix("&quot;").unwrap_or(name).trim();
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(".vn") && name.len() > 3 {
        return Some(if name.ends_with('H') { LegacyFont::Tcvn3Capitals } else { LegacyFont::Tcvn3 });
    }
    if ["vni-", "vni ", "vni_"].iter().any(|p| lower.starts_with(p)) && name.len() > 4 {
        return Some(LegacyFont::Vni);
    }
    None
}

/// Converts the text of one run in a legacy font to NFC Unicode. Characters that have no
/// Windows-1252 byte (real Unicode already in the run) are kept as they are. In a `…H` font
/// the converted letters come back as capitals.
pub fn convert_font_run(text: &str, font: LegacyFont) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut bytes = Vec::new();
    for c in text.chars() {
        match cp1252::encode_char(c) {
            Some(b) => bytes.push(b),
            None => {
                flush(&mut bytes, font, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut bytes, font, &mut out);
    crate::nfc::to_nfc(&out).into_owned()
}

fn flush(bytes: &mut Vec<u8>, font: LegacyFont, out: &mut String) {
    if bytes.is_empty() {
        return;
    }
    match font {
        LegacyFont::Tcvn3 => out.push_str(&tcvn3::decode(bytes, false)),
        LegacyFont::Tcvn3Capitals => out.extend(tcvn3::decode(bytes, false).chars().flat_map(char::to_uppercase)),
        LegacyFont::Vni => out.push_str(&vni::decode(bytes, false)),
    }
    bytes.clear();
}

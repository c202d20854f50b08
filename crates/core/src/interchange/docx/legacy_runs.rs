//! A paragraph's runs in legacy Vietnamese fonts (VNI, TCVN3…), converted to Unicode as the
//! paragraph is finished, with what was converted counted per font for the import's report.

use banthao_text::encoding::{convert_font_run, LegacyFont};

use super::model::{push_merged, Converted, Inline};

/// A piece of a paragraph, with the legacy font its text is in (name and encoding), if any.
pub(super) type Piece = (Inline, Option<(String, LegacyFont)>);

/// Joins neighbouring pieces with the same marks and font, then converts legacy-font text
/// (joined first: a VNI letter and its mark may sit in two runs); soft hyphens are dropped.
pub(super) fn convert(pieces: Vec<Piece>, report: &mut Vec<(String, Converted)>) -> Vec<Inline> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for (piece, font) in pieces {
        if let (Some((Inline::Text(prev), prev_font)), Inline::Text(seg)) = (merged.last_mut(), &piece) {
            if *prev_font == font && prev.bold == seg.bold && prev.italic == seg.italic && prev.link == seg.link {
                prev.text.push_str(&seg.text);
                continue;
            }
        }
        merged.push((piece, font));
    }
    let mut out: Vec<Inline> = Vec::with_capacity(merged.len());
    for (piece, font) in merged {
        let piece = match (piece, font) {
            (Inline::Text(mut seg), Some((name, legacy))) => {
                let converted = convert_font_run(&seg.text, legacy);
                let counted = entry(report, &name);
                counted.chars += converted.chars().count() as u32;
                if counted.sample.chars().count() < 40 {
                    counted.sample.push_str(&converted);
                    counted.sample = counted.sample.chars().take(40).collect::<String>();
                }
                seg.text = converted;
                Inline::Text(seg)
            }
            (Inline::Text(mut seg), None) if seg.text.contains('\u{AD}') => {
                seg.text.retain(|c| c != '\u{AD}');
                Inline::Text(seg)
            }
            (piece, _) => piece,
        };
        // Converted text may now match its neighbour's marks.
        push_merged(&mut out, piece);
    }
    out
}

/// The report's entry for `font`, added when it has none yet.
pub(super) fn entry<'a>(report: &'a mut Vec<(String, Converted)>, font: &str) -> &'a mut Converted {
    let i = match report.iter().position(|(f, _)| f == font) {
        Some(i) => i,
        None => {
            report.push((font.to_string(), Converted::default()));
            report.len() - 1
        }
    };
    &mut report[i].1
}

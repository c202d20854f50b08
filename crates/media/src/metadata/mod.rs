//! What a photo says about itself (EXIF, IPTC IIM, XMP), merged into one record, and what a
//! rendition carries out again.

pub(crate) mod exif;
pub(crate) mod iptc;
pub(crate) mod xmp;

use serde::Serialize;

/// The metadata blocks found in a file, before interpretation.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawMetadata {
    pub exif: Option<Vec<u8>>,
    /// Photoshop image resources (JPEG APP13 payload after `Photoshop 3.0\0`).
    pub photoshop: Option<Vec<u8>>,
    pub xmp: Option<Vec<u8>>,
    pub icc: Option<Vec<u8>>,
    /// Bare IPTC IIM (TIFF tag 33723), where there are no Photoshop resources around it.
    pub iptc: Option<Vec<u8>>,
    /// EXIF already read in place (TIFF: the file itself is the EXIF structure).
    pub exif_fields: Option<exif::ExifFields>,
}

/// Caption, credit and the rest, all text in NFC. When XMP and IPTC disagree, XMP wins (it is
/// the one editors and Photoshop update last); EXIF Artist/Copyright fill gaps.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct PhotoMetadata {
    pub caption: Option<String>,
    pub by_line: Option<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
    pub keywords: Vec<String>,
    /// RFC 3339; without a zone when the camera recorded none (local time as shot).
    pub date_taken: Option<String>,
    /// "Make Model", e.g. "SONY DSC-RX100M4".
    pub camera: Option<String>,
    /// The original holds GPS coordinates (renditions never do).
    pub has_gps: bool,
}

/// What the figure is prefilled with on import.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Prefill {
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl PhotoMetadata {
    /// Caption (XMP over IPTC) and credit (the credit line, else the by-line).
    pub fn prefill(&self) -> Prefill {
        Prefill { caption: self.caption.clone(), credit: self.credit.clone().or_else(|| self.by_line.clone()) }
    }

    /// The fields a rendition should carry, taken from the original.
    pub fn to_embed(&self) -> EmbedMetadata {
        EmbedMetadata {
            caption: self.caption.clone(),
            by_line: self.by_line.clone(),
            credit: self.credit.clone(),
            copyright: self.copyright.clone(),
        }
    }
}

/// Written into every rendition as IPTC IIM (UTF-8, with 1:90) and XMP, so the caption
/// travels with the picture. Text is normalised to NFC on the way out.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct EmbedMetadata {
    pub caption: Option<String>,
    pub by_line: Option<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
}

impl EmbedMetadata {
    pub(crate) fn normalized(&self) -> EmbedMetadata {
        let nfc =
            |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(banthao_text::to_nfc_string);
        EmbedMetadata {
            caption: nfc(&self.caption),
            by_line: nfc(&self.by_line),
            credit: nfc(&self.credit),
            copyright: nfc(&self.copyright),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.caption.is_none() && self.by_line.is_none() && self.credit.is_none() && self.copyright.is_none()
    }
}

/// Interprets the raw blocks. Also returns the EXIF orientation (1–8) if there is one.
pub(crate) fn read(raw: &RawMetadata) -> (PhotoMetadata, Option<u16>) {
    let exif = raw.exif_fields.clone().or_else(|| raw.exif.as_deref().map(exif::parse)).unwrap_or_default();
    let iptc = raw
        .photoshop
        .as_deref()
        .and_then(iptc::iim_from_photoshop_resources)
        .or(raw.iptc.as_deref())
        .map(iptc::parse)
        .unwrap_or_default();
    let xmp = raw.xmp.as_deref().map(xmp::parse).unwrap_or_default();
    let nfc = |s: Option<String>| s.map(|s| banthao_text::to_nfc_string(&s));
    let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join(", "));

    let mut keywords = if xmp.subjects.is_empty() { iptc.keywords } else { xmp.subjects };
    keywords.dedup();
    let date_taken = exif.date_taken.or(xmp.date_created).or_else(|| iptc.date_created.as_deref().and_then(iptc_date));
    let metadata = PhotoMetadata {
        caption: xmp.description.or(iptc.caption),
        by_line: join(xmp.creators).or(join(iptc.by_line)).or(nfc(exif.artist)),
        credit: xmp.credit.or(iptc.credit),
        copyright: xmp.rights.or(iptc.copyright).or(nfc(exif.copyright)),
        keywords,
        date_taken,
        camera: exif.camera,
        has_gps: exif.has_gps,
    };
    (metadata, exif.orientation)
}

/// IPTC 2:55 `CCYYMMDD` → `CCYY-MM-DD`.
fn iptc_date(d: &str) -> Option<String> {
    (d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit())).then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photoshop_with(embed: &EmbedMetadata) -> Vec<u8> {
        iptc::photoshop_resource(&iptc::write_iim(embed))
    }

    #[test]
    fn xmp_wins_over_iptc_and_credit_falls_back_to_by_line() {
        let iptc_side = EmbedMetadata {
            caption: Some("Chú thích IPTC".into()),
            by_line: Some("Trần Thị Bình".into()),
            ..Default::default()
        };
        let xmp_side = EmbedMetadata { caption: Some("Chú thích XMP".into()), ..Default::default() };
        let raw = RawMetadata {
            photoshop: Some(photoshop_with(&iptc_side)),
            xmp: Some(xmp::write_packet(&xmp_side).into_bytes()),
            ..Default::default()
        };
        let (metadata, _) = read(&raw);
        let prefill = metadata.prefill();
        assert_eq!(prefill.caption.as_deref(), Some("Chú thích XMP"));
        assert_eq!(prefill.credit.as_deref(), Some("Trần Thị Bình"));
    }

    #[test]
    fn credit_line_is_preferred_to_by_line() {
        let raw = RawMetadata {
            photoshop: Some(photoshop_with(&EmbedMetadata {
                by_line: Some("Nguyễn Văn An".into()),
                credit: Some("Ảnh: TTXVN".into()),
                ..Default::default()
            })),
            ..Default::default()
        };
        assert_eq!(read(&raw).0.prefill().credit.as_deref(), Some("Ảnh: TTXVN"));
    }

    #[test]
    fn embed_text_is_trimmed_and_nfc() {
        let embed = EmbedMetadata {
            caption: Some("  Ha\u{0323} Long ".into()),
            credit: Some(" ".into()),
            ..Default::default()
        };
        let n = embed.normalized();
        assert_eq!(n.caption.as_deref(), Some("Hạ Long"));
        assert_eq!(n.credit, None);
    }
}

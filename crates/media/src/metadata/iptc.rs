//! IPTC IIM inside Photoshop's image resource block (JPEG APP13, resource 0x0404): read the
//! newsroom fields in UTF-8 or legacy Windows-1252, and write them back in UTF-8.

use super::EmbedMetadata;

const RESOURCE_IIM: u16 = 0x0404;
/// Record 1:90 "coded character set" = `ESC % G`: UTF-8.
const UTF8_MARKER: &[u8] = b"\x1b%G";
/// The IIM spec's limit for 2:120; longer captions still travel whole in XMP.
const CAPTION_MAX_BYTES: usize = 2000;

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct IptcFields {
    pub caption: Option<String>,
    pub by_line: Vec<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
    pub keywords: Vec<String>,
    /// 2:55 date created, `CCYYMMDD`.
    pub date_created: Option<String>,
}

/// Finds the IIM block among Photoshop image resources (`8BIM` records).
pub(crate) fn iim_from_photoshop_resources(mut data: &[u8]) -> Option<&[u8]> {
    while data.len() >= 12 && &data[..4] == b"8BIM" {
        let id = u16::from_be_bytes([data[4], data[5]]);
        // A Pascal-string name, padded so that length byte + name is even.
        let name_len = data[6] as usize;
        let after_name = 6 + (name_len + 2) / 2 * 2;
        let size_bytes = data.get(after_name..after_name + 4)?;
        let size = u32::from_be_bytes(size_bytes.try_into().ok()?) as usize;
        let start = after_name + 4;
        let body = data.get(start..start.checked_add(size)?)?;
        if id == RESOURCE_IIM {
            return Some(body);
        }
        data = data.get(start + size + size % 2..)?;
    }
    None
}

/// Reads the IIM datasets. Text is UTF-8 when 1:90 says so; otherwise UTF-8 if it decodes as
/// such (Latin-1 text almost never does), else Windows-1252.
pub(crate) fn parse(iim: &[u8]) -> IptcFields {
    let mut utf8 = false;
    let mut raw: Vec<(u8, &[u8])> = Vec::new();
    let mut i = 0;
    while i + 5 <= iim.len() && iim[i] == 0x1c {
        let (record, dataset) = (iim[i + 1], iim[i + 2]);
        let mut len = u16::from_be_bytes([iim[i + 3], iim[i + 4]]) as usize;
        let mut start = i + 5;
        if len & 0x8000 != 0 {
            // Extended dataset: the low bits give how many bytes hold the real length.
            let n = len & 0x7fff;
            if n > 4 || start + n > iim.len() {
                break;
            }
            len = iim[start..start + n].iter().fold(0usize, |acc, b| acc << 8 | *b as usize);
            start += n;
        }
        let Some(value) = start.checked_add(len).and_then(|end| iim.get(start..end)) else { break };
        match (record, dataset) {
            (1, 90) => utf8 = value == UTF8_MARKER,
            (2, _) => raw.push((dataset, value)),
            _ => {}
        }
        i = start + len;
    }
    let text = |bytes: &[u8]| -> Option<String> {
        let s = decode_text(bytes, utf8);
        let s = s.trim_matches(|c: char| c == '\0' || c.is_whitespace());
        (!s.is_empty()).then(|| banthao_text::to_nfc_string(s))
    };
    let mut fields = IptcFields::default();
    for (dataset, value) in raw {
        match dataset {
            120 => fields.caption = fields.caption.take().or_else(|| text(value)),
            80 => fields.by_line.extend(text(value)),
            110 => fields.credit = fields.credit.take().or_else(|| text(value)),
            116 => fields.copyright = fields.copyright.take().or_else(|| text(value)),
            25 => fields.keywords.extend(text(value)),
            55 => fields.date_created = fields.date_created.take().or_else(|| text(value)),
            _ => {}
        }
    }
    fields
}

fn decode_text(bytes: &[u8], declared_utf8: bool) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) if declared_utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The IIM datasets for a rendition: 1:90 UTF-8, 2:00 version, then caption, by-line, credit, copyright.
pub(crate) fn write_iim(embed: &EmbedMetadata) -> Vec<u8> {
    let mut out = Vec::new();
    push_dataset(&mut out, 1, 90, UTF8_MARKER);
    push_dataset(&mut out, 2, 0, &[0, 4]);
    let fields: [(u8, &Option<String>, usize); 4] = [
        (120, &embed.caption, CAPTION_MAX_BYTES),
        (80, &embed.by_line, 0x7fff),
        (110, &embed.credit, 0x7fff),
        (116, &embed.copyright, 0x7fff),
    ];
    for (dataset, value, max) in fields {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            push_dataset(&mut out, 2, dataset, truncate_utf8(value, max).as_bytes());
        }
    }
    out
}

/// The whole Photoshop resource block wrapping the IIM, as it goes in APP13.
pub(crate) fn photoshop_resource(iim: &[u8]) -> Vec<u8> {
    let mut out = b"8BIM".to_vec();
    out.extend_from_slice(&RESOURCE_IIM.to_be_bytes());
    out.extend_from_slice(&[0, 0]); // empty name, padded
    out.extend_from_slice(&(iim.len() as u32).to_be_bytes());
    out.extend_from_slice(iim);
    if iim.len() % 2 == 1 {
        out.push(0);
    }
    out
}

fn push_dataset(out: &mut Vec<u8>, record: u8, dataset: u8, value: &[u8]) {
    out.extend_from_slice(&[0x1c, record, dataset]);
    out.extend_from_slice(&(value.len() as u16).to_be_bytes());
    out.extend_from_slice(value);
}

pub(crate) fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_vietnamese_in_utf8() {
        let embed = EmbedMetadata {
            caption: Some("Người dân phường Hải Sơn".into()),
            by_line: Some("Nguyễn Văn An".into()),
            credit: Some("Ảnh: Nguyễn Văn An".into()),
            copyright: None,
        };
        let block = photoshop_resource(&write_iim(&embed));
        let fields = parse(iim_from_photoshop_resources(&block).unwrap());
        assert_eq!(fields.caption.as_deref(), Some("Người dân phường Hải Sơn"));
        assert_eq!(fields.by_line, ["Nguyễn Văn An"]);
        assert_eq!(fields.credit.as_deref(), Some("Ảnh: Nguyễn Văn An"));
        assert_eq!(fields.copyright, None);
    }

    #[test]
    fn legacy_text_without_1_90_is_windows_1252() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, 2, 120, b"Caf\xe9 \x96 5 \x80");
        assert_eq!(parse(&iim).caption.as_deref(), Some("Café – 5 €"));
    }

    #[test]
    fn decomposed_text_is_normalised_to_nfc() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, 1, 90, UTF8_MARKER);
        push_dataset(&mut iim, 2, 110, "A\u{0309}nh".as_bytes());
        assert_eq!(parse(&iim).credit.as_deref(), Some("Ảnh"));
    }

    #[test]
    fn long_captions_are_cut_on_a_character_boundary() {
        let caption = "ệ".repeat(1000); // 3000 bytes
        let embed = EmbedMetadata { caption: Some(caption), ..Default::default() };
        let fields = parse(&write_iim(&embed));
        assert_eq!(fields.caption.unwrap().chars().count(), 666);
    }

    #[test]
    fn hostile_lengths_do_not_panic() {
        for iim in [&b"\x1c\x02\x78\xff\xff"[..], b"\x1c\x02\x78\x80\x09abc", b"\x1c\x02", b"8BIM\x04\x04\xff"] {
            let _ = parse(iim);
            let _ = iim_from_photoshop_resources(iim);
        }
    }
}

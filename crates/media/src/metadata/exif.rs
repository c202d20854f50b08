//! EXIF (a TIFF structure): orientation, date taken, camera, GPS presence, artist, copyright.

use exif::{Field, In, Tag, Value};

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct ExifFields {
    pub orientation: Option<u16>,
    pub date_taken: Option<String>,
    pub camera: Option<String>,
    pub has_gps: bool,
    pub artist: Option<String>,
    pub copyright: Option<String>,
}

/// Parses an EXIF block, with or without its `Exif\0\0` prefix. Broken EXIF reads as empty:
/// a photo is still a photo without it.
pub(crate) fn parse(block: &[u8]) -> ExifFields {
    let tiff = block.strip_prefix(b"Exif\0\0").unwrap_or(block);
    exif::parse_exif(tiff).map(|(fields, _)| from_fields(&fields)).unwrap_or_default()
}

/// The fields we use, from parsed TIFF/EXIF fields (an EXIF block's, or a TIFF file's own).
pub(crate) fn from_fields(fields: &[Field]) -> ExifFields {
    let get = |tag: Tag| fields.iter().find(|f| f.tag == tag && f.ifd_num == In::PRIMARY);
    let text = |tag: Tag| get(tag).and_then(|f| ascii(&f.value));
    let orientation = get(Tag::Orientation)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u16::try_from(v).ok())
        .filter(|v| (1..=8).contains(v));
    let date_taken = text(Tag::DateTimeOriginal)
        .or_else(|| text(Tag::DateTimeDigitized))
        .and_then(|d| exif_date_to_rfc3339(&d, text(Tag::OffsetTimeOriginal).as_deref()));
    let camera = match (text(Tag::Make), text(Tag::Model)) {
        (Some(make), Some(model)) if model.to_lowercase().starts_with(&make.to_lowercase()) => Some(model),
        (Some(make), Some(model)) => Some(format!("{make} {model}")),
        (make, model) => make.or(model),
    };
    let has_gps = fields.iter().any(|f| matches!(f.tag, Tag::GPSLatitude | Tag::GPSLongitude));
    ExifFields { orientation, date_taken, camera, has_gps, artist: text(Tag::Artist), copyright: text(Tag::Copyright) }
}

fn ascii(value: &Value) -> Option<String> {
    let Value::Ascii(parts) = value else { return None };
    let bytes = parts.first()?;
    let s = String::from_utf8_lossy(bytes).trim_matches(|c: char| c == '\0' || c.is_whitespace()).to_string();
    (!s.is_empty()).then_some(s)
}

/// `2024:06:01 07:30:15` (+ `+07:00`) → `2024-06-01T07:30:15+07:00`; without an offset the
/// result is local time with no zone, as the camera recorded it.
pub(crate) fn exif_date_to_rfc3339(date: &str, offset: Option<&str>) -> Option<String> {
    let b = date.as_bytes();
    let shape_ok = b.len() >= 19
        && b[..19].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b':' || *c == b'-',
            10 => *c == b' ' || *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok || &date[..4] == "0000" {
        return None;
    }
    let mut out = format!("{}-{}-{}T{}", &date[..4], &date[5..7], &date[8..10], &date[11..19]);
    if let Some(offset) = offset.filter(|o| o.len() == 6 && (o.starts_with('+') || o.starts_with('-'))) {
        out.push_str(offset);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_rfc3339() {
        assert_eq!(exif_date_to_rfc3339("2024:06:01 07:30:15", Some("+07:00")).unwrap(), "2024-06-01T07:30:15+07:00");
        assert_eq!(exif_date_to_rfc3339("2024:06:01 07:30:15", None).unwrap(), "2024-06-01T07:30:15");
        assert_eq!(exif_date_to_rfc3339("0000:00:00 00:00:00", None), None);
        assert_eq!(exif_date_to_rfc3339("    :  :     :  :  ", None), None);
    }

    #[test]
    fn garbage_reads_as_empty() {
        assert_eq!(parse(b"Exif\0\0MM\0*garbage"), ExifFields::default());
        assert_eq!(parse(b""), ExifFields::default());
    }
}

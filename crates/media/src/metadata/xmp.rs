//! XMP (RDF/XML, always UTF-8): read dc:description, dc:creator, photoshop:Credit, dc:rights,
//! dc:subject and the creation date; write the four newsroom fields for a rendition.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use super::EmbedMetadata;

const DC: &str = "http://purl.org/dc/elements/1.1/";
const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XMP_EXIF: &str = "http://ns.adobe.com/exif/1.0/";
const XMP_BASIC: &str = "http://ns.adobe.com/xap/1.0/";

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct XmpFields {
    pub description: Option<String>,
    pub creators: Vec<String>,
    pub credit: Option<String>,
    pub rights: Option<String>,
    pub subjects: Vec<String>,
    pub date_created: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Property {
    Description,
    Creator,
    Credit,
    Rights,
    Subject,
    DateCreated,
}

fn property(namespace: &str, local: &str) -> Option<Property> {
    Some(match (namespace, local) {
        (DC, "description") => Property::Description,
        (DC, "creator") => Property::Creator,
        (DC, "rights") => Property::Rights,
        (DC, "subject") => Property::Subject,
        (PHOTOSHOP, "Credit") => Property::Credit,
        (PHOTOSHOP, "DateCreated") | (XMP_EXIF, "DateTimeOriginal") | (XMP_BASIC, "CreateDate") => {
            Property::DateCreated
        }
        _ => return None,
    })
}

/// One value of a property: its `xml:lang` (for rdf:Alt) and its text.
type Value = (Option<String>, String);

/// Parses an XMP packet. Malformed XML keeps whatever was read before the fault.
pub(crate) fn parse(packet: &[u8]) -> XmpFields {
    let text = String::from_utf8_lossy(packet);
    let mut reader = NsReader::from_str(&text);
    let mut values: Vec<(Property, Value)> = Vec::new();
    // The property being read, the depth it opened at, and the value being built.
    let mut open: Option<(Property, usize)> = None;
    let mut current: Option<Value> = None;
    let mut depth = 0usize;
    while let Ok((ns, event)) = reader.read_resolved_event() {
        let namespace = match ns {
            ResolveResult::Bound(n) => n.0.to_string(),
            _ => String::new(),
        };
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if open.is_none() => {
                let local = e.local_name().as_ref().to_string();
                if namespace == RDF && local == "Description" {
                    // Short form: simple properties as attributes of rdf:Description.
                    for attr in e.attributes().flatten() {
                        let (attr_ns, attr_local) = reader.resolver().resolve_attribute(attr.key);
                        let attr_ns = match attr_ns {
                            ResolveResult::Bound(n) => n.0,
                            _ => "",
                        };
                        let attr_local = attr_local.as_ref().to_string();
                        if let (Some(p), Ok(v)) =
                            (property(attr_ns, &attr_local), attr.normalized_value(XmlVersion::Implicit1_0))
                        {
                            values.push((p, (None, v.into_owned())));
                        }
                    }
                }
                if is_start {
                    if let Some(p) = property(&namespace, &local) {
                        open = Some((p, depth));
                        current = Some((None, String::new()));
                    }
                    depth += 1;
                }
            }
            Event::Start(e) => {
                depth += 1;
                let local = e.local_name().as_ref().to_string();
                if namespace == RDF && local == "li" {
                    let lang = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "xml:lang")
                        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()));
                    current = Some((lang, String::new()));
                }
            }
            Event::Text(t) => {
                if let (Some(_), Some((_, buf))) = (open, current.as_mut()) {
                    buf.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(_), Some((_, buf))) = (open, current.as_mut()) {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match &*r {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    buf.extend(c);
                }
            }
            Event::CData(c) => {
                if let (Some(_), Some((_, buf))) = (open, current.as_mut()) {
                    buf.push_str(&c);
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let local = e.local_name().as_ref().to_string();
                if let Some((p, at)) = open {
                    if depth == at {
                        if let Some(v) = current.take().filter(|(_, s)| !s.trim().is_empty()) {
                            values.push((p, v));
                        }
                        open = None;
                    } else if namespace == RDF && local == "li" {
                        if let Some(v) = current.take().filter(|(_, s)| !s.trim().is_empty()) {
                            values.push((p, v));
                        }
                        current = Some((None, String::new()));
                    }
                }
            }
            Event::Empty(_) => {}
            Event::Eof => break,
            _ => {}
        }
    }
    collect(values)
}

fn collect(values: Vec<(Property, Value)>) -> XmpFields {
    let clean = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| banthao_text::to_nfc_string(s))
    };
    let all = |p: Property| -> Vec<String> {
        values.iter().filter(|(q, _)| *q == p).filter_map(|(_, (_, s))| clean(s)).collect()
    };
    // rdf:Alt: the x-default entry, else the first.
    let alt = |p: Property| -> Option<String> {
        let of_p = || values.iter().filter(move |(q, _)| *q == p);
        of_p()
            .find(|(_, (lang, _))| lang.as_deref() == Some("x-default"))
            .or_else(|| of_p().next())
            .and_then(|(_, (_, s))| clean(s))
    };
    XmpFields {
        description: alt(Property::Description),
        creators: all(Property::Creator),
        credit: alt(Property::Credit),
        rights: alt(Property::Rights),
        subjects: all(Property::Subject),
        date_created: alt(Property::DateCreated),
    }
}

/// An XMP packet carrying caption, by-line, credit and copyright (UTF-8, NFC).
pub(crate) fn write_packet(embed: &EmbedMetadata) -> String {
    let mut body = String::new();
    let mut alt = |name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            body.push_str(&format!(
                "   <{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{name}>\n",
                escape(v)
            ));
        }
    };
    alt("dc:description", &embed.caption);
    alt("dc:rights", &embed.copyright);
    if let Some(v) = embed.by_line.as_deref().filter(|v| !v.is_empty()) {
        body.push_str(&format!("   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n", escape(v)));
    }
    if let Some(v) = embed.credit.as_deref().filter(|v| !v.is_empty()) {
        body.push_str(&format!("   <photoshop:Credit>{}</photoshop:Credit>\n", escape(v)));
    }
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
         <rdf:RDF xmlns:rdf=\"{RDF}\">\n  \
         <rdf:Description rdf:about=\"\" xmlns:dc=\"{DC}\" xmlns:photoshop=\"{PHOTOSHOP}\">\n\
         {body}  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )
}

/// XML-escapes text and drops the control characters XML 1.0 cannot hold.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_newsroom_fields() {
        let embed = EmbedMetadata {
            caption: Some("Người dân <phường> Hải Sơn & \"bạn\"".into()),
            by_line: Some("Nguyễn Văn An".into()),
            credit: Some("Ảnh: Nguyễn Văn An".into()),
            copyright: Some("© 2024 Báo Bản Thảo".into()),
        };
        let fields = parse(write_packet(&embed).as_bytes());
        assert_eq!(fields.description, embed.caption);
        assert_eq!(fields.creators, ["Nguyễn Văn An"]);
        assert_eq!(fields.credit, embed.credit);
        assert_eq!(fields.rights, embed.copyright);
    }

    #[test]
    fn reads_attribute_form_other_prefixes_and_languages() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Credit="TTXVN"
              ps:DateCreated="2024-06-01T07:30:15+07:00" xmlns:d="http://purl.org/dc/elements/1.1/">
            <d:description><rdf:Alt><rdf:li xml:lang="en">English</rdf:li><rdf:li xml:lang="x-default">Ha&#803; Long</rdf:li></rdf:Alt></d:description>
            <d:subject><rdf:Bag><rdf:li>biển</rdf:li><rdf:li>du lịch</rdf:li></rdf:Bag></d:subject>
          </rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let fields = parse(packet.as_bytes());
        assert_eq!(fields.credit.as_deref(), Some("TTXVN"));
        assert_eq!(fields.description.as_deref(), Some("Hạ Long"), "x-default wins, and NFC");
        assert_eq!(fields.subjects, ["biển", "du lịch"]);
        assert_eq!(fields.date_created.as_deref(), Some("2024-06-01T07:30:15+07:00"));
    }

    #[test]
    fn malformed_xml_does_not_panic() {
        for packet in ["<x:xmpmeta", "<<<>>>&&&", "<rdf:li xml:lang=\"", ""] {
            let _ = parse(packet.as_bytes());
        }
    }
}

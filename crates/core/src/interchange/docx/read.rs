//! The parts of a `.docx` package this import reads: `word/document.xml`, `word/styles.xml`,
//! `word/numbering.xml`, `word/_rels/document.xml.rels` and the pictures under `word/media/`.
//! What is not a Word package (a legacy `.doc`, an `.odt` or `.xlsx` renamed, a text file, a
//! truncated download) is refused here with a message that says which, before anything is made.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::bad_file;
use crate::error::{Error, Result};

/// No real article's `document.xml` comes near this; a ZIP bomb stops here.
const MAX_XML_BYTES: u64 = 128 << 20;

/// A relationship of `document.xml`: a picture inside the package, or a link out of it.
#[derive(Debug, Clone)]
pub(super) struct Relationship {
    pub target: String,
    pub external: bool,
}

/// An opened Word package.
pub(super) struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    file: String,
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    pub rels: HashMap<String, Relationship>,
}

/// What the first bytes say a file is, when it is not a ZIP.
fn sniff_refusal(file: &str, bytes: &[u8]) -> Option<Error> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(bad_file(
            file,
            "legacy_doc",
            "đây là tài liệu Word cũ (.doc). Hãy mở nó trong Word hoặc LibreOffice, chọn Lưu thành (Save As) định dạng .docx rồi nhập lại.",
            "this is an old Word document (.doc). Open it in Word or LibreOffice, save it as .docx and import that.",
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Some(not_docx(file));
    }
    None
}

pub(super) fn not_docx(file: &str) -> Error {
    bad_file(file, "not_docx", "tệp này không phải tài liệu Word (.docx).", "this file is not a Word document (.docx).")
}

pub(super) fn damaged(file: &str) -> Error {
    bad_file(
        file,
        "damaged_docx",
        "tài liệu Word bị hỏng hoặc chưa tải về hết. Hãy mở nó trong Word, lưu lại rồi nhập lại.",
        "the Word document is damaged or incomplete. Open it in Word, save it again and import that.",
    )
}

impl Package {
    pub fn open(file: &str, bytes: Vec<u8>) -> Result<Package> {
        if let Some(refusal) = sniff_refusal(file, &bytes) {
            return Err(refusal);
        }
        // It starts like a ZIP: if it cannot be opened as one, it is damaged (cut short, most often).
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(file))?;
        let names: Vec<String> = zip.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
        if !names.iter().any(|n| n == "word/document.xml") {
            return Err(other_package(file, &names));
        }
        let mut read = |name: &str| -> Result<Option<String>> {
            if !names.iter().any(|n| n == name) {
                return Ok(None);
            }
            let bytes = read_entry(&mut zip, file, name, MAX_XML_BYTES)?;
            String::from_utf8(bytes).map(Some).map_err(|_| damaged(file))
        };
        let document = read("word/document.xml")?.ok_or_else(|| damaged(file))?;
        let styles = read("word/styles.xml")?;
        let numbering = read("word/numbering.xml")?;
        let rels = match read("word/_rels/document.xml.rels")? {
            Some(xml) => parse_rels(&xml).ok_or_else(|| damaged(file))?,
            None => HashMap::new(),
        };
        Ok(Package { zip, file: file.to_string(), document, styles, numbering, rels })
    }

    /// A picture's bytes by its package path (`word/media/image1.png`), up to `max` bytes.
    pub fn media(&mut self, path: &str, max: u64) -> Result<Vec<u8>> {
        read_entry(&mut self.zip, &self.file, path, max)
    }
}

/// A ZIP that is another kind of document gets a message naming it.
fn other_package(file: &str, names: &[String]) -> Error {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("content.xml") && has("mimetype") {
        return bad_file(
            file,
            "not_docx",
            "đây là tài liệu OpenDocument (.odt), không phải Word. Hãy mở nó trong LibreOffice, lưu thành .docx rồi nhập lại.",
            "this is an OpenDocument file (.odt), not Word. Open it in LibreOffice, save it as .docx and import that.",
        );
    }
    if has("xl/workbook.xml") || has("ppt/presentation.xml") {
        return bad_file(
            file,
            "not_docx",
            "đây là bảng tính Excel hoặc trình chiếu PowerPoint, không phải tài liệu Word (.docx).",
            "this is an Excel workbook or a PowerPoint presentation, not a Word document (.docx).",
        );
    }
    not_docx(file)
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, file: &str, name: &str, max: u64) -> Result<Vec<u8>> {
    let entry = zip.by_name(name).map_err(|_| damaged(file))?;
    let mut bytes = Vec::with_capacity(entry.size().min(max) as usize);
    // zip checks the CRC when the entry is read to its end: a damaged entry fails here.
    entry.take(max + 1).read_to_end(&mut bytes).map_err(|_| damaged(file))?;
    if bytes.len() as u64 > max {
        return Err(bad_file(
            file,
            "docx_too_large",
            "một phần của tài liệu Word quá lớn để nhập.",
            "a part of the Word document is too large to import.",
        ));
    }
    Ok(bytes)
}

/// `Id` → target; internal targets are made package paths (`media/image1.png` → `word/media/image1.png`).
fn parse_rels(xml: &str) -> Option<HashMap<String, Relationship>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = HashMap::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (mut id, mut target, mut external) = (None, None, false);
                for a in e.attributes().flatten() {
                    let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?.into_owned();
                    match a.key.as_ref() {
                        "Id" => id = Some(value),
                        "Target" => target = Some(value),
                        "TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if let (Some(id), Some(target)) = (id, target) {
                    let target = if external { target } else { package_path(&target) };
                    out.insert(id, Relationship { target, external });
                }
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

/// A target relative to `word/` (or absolute from the package root) as a package path.
fn package_path(target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = vec!["word"];
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::package_path;

    #[test]
    fn targets_become_package_paths() {
        assert_eq!(package_path("media/image1.png"), "word/media/image1.png");
        assert_eq!(package_path("../media/a.jpg"), "media/a.jpg");
        assert_eq!(package_path("/word/media/b.png"), "word/media/b.png");
    }
}

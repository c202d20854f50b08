//! Word documents for the import tests, made by a real word processor: flat ODT (`.fodt`)
//! written here, converted to `.docx` by LibreOffice headless in one run for all files (it
//! takes seconds to start), with a private profile so parallel runs do not clash. Also small
//! hand-written packages for the forms Word writes and LibreOffice does not, and a test PNG.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const FODT_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family="'.VnTime'"/><style:font-face style:name=".VnTimeH" svg:font-family="'.VnTimeH'"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Vn" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style>
<style:style style:name="VnH" style:family="text"><style:text-properties style:font-name=".VnTimeH"/></style:style>
<text:list-style style:name="LB"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/><text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
<text:list-style style:name="LN"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
"#;
const FODT_TAIL: &str = "\n</office:text></office:body></office:document>\n";

/// A whole flat ODT around `body` (ODF text elements; styles `B`, `I`, `Vn`, `VnH` and the
/// list styles `LB` bullets, `LN` numbers are defined).
pub fn fodt(body: &str) -> String {
    format!("{FODT_HEAD}{body}{FODT_TAIL}")
}

/// An inline picture in a frame, with alt text.
pub fn fodt_image(png: &[u8], alt: &str) -> String {
    format!(
        r#"<draw:frame draw:name="Ảnh" text:anchor-type="as-char" svg:width="4cm" svg:height="3cm"><draw:image><office:binary-data>{}</office:binary-data></draw:image><svg:desc>{alt}</svg:desc></draw:frame>"#,
        base64(png)
    )
}

/// Text as it sits in a Word run in a legacy font: each byte of its TCVN3 encoding as the
/// Windows-1252 character (the same as Latin-1 for the bytes TCVN3 uses here).
pub fn tcvn3_run_text(text: &str) -> String {
    let bytes =
        banthao_text::encoding::encode(text, banthao_text::encoding::Encoding::Tcvn3).expect("encodable in TCVN3");
    assert!(bytes.iter().all(|b| *b < 0x80 || *b >= 0xA0), "test text needs Windows-1252 bytes only");
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Converts `(name, fodt)` documents to `.docx` in `dir` with one LibreOffice run; returns
/// the `.docx` paths in order. Fails (never skips) when LibreOffice is missing.
pub fn convert_with_libreoffice(dir: &Path, docs: &[(&str, String)]) -> Vec<PathBuf> {
    let mut inputs = Vec::new();
    for (name, body) in docs {
        let path = dir.join(format!("{name}.fodt"));
        std::fs::write(&path, body).unwrap();
        inputs.push(path);
    }
    let profile = dir.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(dir)
        .args(&inputs)
        .output();
    let out = match status {
        Ok(out) => out,
        Err(e) => {
            panic!("LibreOffice (soffice) is needed for the Word import tests ({e}): run scripts/install-deps.sh")
        }
    };
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
    docs.iter()
        .map(|(name, _)| {
            let p = dir.join(format!("{name}.docx"));
            assert!(p.exists(), "LibreOffice did not write {}: {}", p.display(), String::from_utf8_lossy(&out.stderr));
            p
        })
        .collect()
}

/// A ZIP of `(path, bytes)` entries: a hand-made package.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        for (name, bytes) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// A small real PNG (a colour gradient), `w`×`h`, distinct per `seed`.
pub fn png(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        let data: Vec<u8> =
            (0..h).flat_map(|y| (0..w).flat_map(move |x| [(x * 255 / w) as u8, (y * 255 / h) as u8, seed])).collect();
        writer.write_image_data(&data).unwrap();
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// The package parts every hand-written Word document shares.
pub const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="emf" ContentType="image/x-emf"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
pub const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

//! Word import: a 20-page `.docx` with 10 photos (headings, bold, italic, links, a `.VnTime`
//! run, each photo with a caption), made by LibreOffice from a generated flat ODT. Ours is the
//! whole `Library::import_docx` into a fresh library: file read, package parsed, photos imported
//! (renditions rendered and stored, fsynced), article stored. The reference is LibreOffice
//! headless converting the same file to HTML (`soffice --convert-to html`, a warm profile, its
//! process start included), in the same run.

use banthao_core::{Lang, Library};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::generate::{headline, paragraphs, Rng};
use crate::stats::{ms, ratio, Samples};

const SAMPLES: usize = 5;
const PHOTOS: usize = 10;

pub fn run(tmp: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fixtures = root.join("target/photo-fixtures");
    let made = Command::new(root.join("scripts/make-photo-fixtures.sh")).arg(&fixtures).status();
    let has_soffice = Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success());
    if !matches!(made, Ok(s) if s.success()) || !has_soffice {
        println!("word import                         skipped: photo fixtures or LibreOffice missing (run scripts/install-deps.sh)");
        return;
    }
    let out = tmp.join("docx-bench");
    std::fs::create_dir_all(&out).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", out.join("lo-profile").display());
    let camera = std::fs::read(fixtures.join("camera.jpg")).unwrap();
    // Ten different photos of about 3 MP (the size Word keeps at its default 220 ppi), made
    // from the camera fixture at ten sizes.
    let photos: Vec<Vec<u8>> = (0..PHOTOS as u32)
        .map(|i| {
            let spec =
                banthao_media::RenditionSpec { web_long_edge: 2000 + 16 * i, web_quality: 90, thumb_long_edge: 64 };
            banthao_media::import(&camera, &banthao_media::ImportLimits::default(), &spec).unwrap().renditions.web
        })
        .collect();
    let fodt = out.join("bai-20-trang.fodt");
    std::fs::write(&fodt, document(&photos)).unwrap();
    let status = Command::new("soffice")
        .arg(&profile)
        .args(["--headless", "--convert-to", "docx", "--outdir"])
        .arg(&out)
        .arg(&fodt)
        .output()
        .unwrap();
    assert!(status.status.success(), "soffice: {}", String::from_utf8_lossy(&status.stderr));
    let docx = out.join("bai-20-trang.docx");
    let size = std::fs::metadata(&docx).unwrap().len();

    let mut n = 0;
    let mut last = None;
    let ours = Samples::collect(SAMPLES, || {
        n += 1;
        let mut lib = Library::open(&out.join(format!("library-{n}"))).unwrap();
        last = Some(lib.import_docx(&docx, Lang::Vi).unwrap());
    });
    let done = last.unwrap();
    assert_eq!(done.photos as usize, PHOTOS);
    println!(
        "word import, 20 pages + {PHOTOS} photos ({:.1} MB .docx), whole (article + photos with renditions stored)  p50 {}",
        size as f64 / 1e6,
        ms(ours.p50())
    );
    let html_out = out.join("html");
    let reference = Samples::collect(SAMPLES, || {
        let o = Command::new("soffice")
            .arg(&profile)
            .args(["--headless", "--convert-to", "html", "--outdir"])
            .arg(&html_out)
            .arg(&docx)
            .output()
            .unwrap();
        assert!(o.status.success());
    });
    println!(
        "  vs soffice --headless --convert-to html of the same file  p50 {}   ratio {}",
        ms(reference.p50()),
        ratio(ours.p50(), reference.p50())
    );
}

/// About 20 A4 pages of text (≈ 9,000 tiếng) with the photos spread through it, each followed
/// by its caption.
fn document(photos: &[Vec<u8>]) -> String {
    let mut rng = Rng::new(20);
    let mut body = String::new();
    let _ = write!(body, r#"<text:p text:style-name="Title">{}</text:p>"#, headline(&mut rng));
    let paras = paragraphs(&mut rng, 9_000);
    let every = paras.len() / PHOTOS;
    for (i, p) in paras.iter().enumerate() {
        if i % 8 == 0 {
            let _ = write!(body, r#"<text:h text:outline-level="2">{}</text:h>"#, headline(&mut rng));
        }
        let words: Vec<&str> = p.split(' ').collect();
        let (a, b) = words.split_at(words.len() / 3);
        let (b, c) = b.split_at(b.len() / 2);
        let _ = write!(
            body,
            r#"<text:p>{} <text:span text:style-name="B">{}</text:span> <text:a xlink:type="simple" xlink:href="https://vnexpress.net/">{}</text:a></text:p>"#,
            a.join(" "),
            b.join(" "),
            c.join(" ")
        );
        if i % 25 == 0 {
            body.push_str(r#"<text:p>Tin cũ: <text:span text:style-name="Vn">Céng hßa x· héi chñ nghÜa ViÖt Nam</text:span></text:p>"#);
        }
        if every > 0 && i % every == every - 1 && i / every < PHOTOS {
            let photo = &photos[i / every];
            let _ = write!(
                body,
                r#"<text:p><draw:frame draw:name="Ảnh {i}" text:anchor-type="as-char" svg:width="16cm" svg:height="10.7cm"><draw:image><office:binary-data>{}</office:binary-data></draw:image></draw:frame></text:p><text:p text:style-name="Caption">{}</text:p>"#,
                base64(photo),
                headline(&mut rng)
            );
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name=".VnTime" svg:font-family="'.VnTime'"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Vn" style:family="text"><style:text-properties style:font-name=".VnTime"/></style:style></office:automatic-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>"#
    )
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            s.push(if i <= chunk.len() { T[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    s
}

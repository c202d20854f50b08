//! Word import: documents written by LibreOffice (from flat ODT made here) and hand-written
//! packages in the forms Word itself writes, imported and compared with what was written,
//! exactly. Bad files are refused with their own code and leave no article.

#[path = "support/docx_fixtures.rs"]
mod fixtures;

use banthao_core::interchange::docx::{DocxNoticeKind, NotImportedKind};
use banthao_core::{Error, Lang, Library, ListQuery};
use fixtures::*;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

const LONG: &str = "Theo kế hoạch, từ nay đến cuối năm, lực lượng công an sẽ phối hợp với chính quyền các phường \
     tổ chức tuần tra vào ban đêm, lắp thêm camera ở những tuyến đường vắng và vận động người dân tham gia.";

/// The LibreOffice documents, converted once for the whole test binary.
struct Made {
    _dir: tempfile::TempDir,
    text: PathBuf,
    vntime: PathBuf,
    images: PathBuf,
}

fn made() -> &'static Made {
    static MADE: OnceLock<Made> = OnceLock::new();
    MADE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let text = fodt(
            r#"<text:p text:style-name="Title">Xây dựng thế trận liên hoàn bảo vệ ANTT</text:p>
<text:p><text:span text:style-name="B">Sáng 2-3, UBND quận Hải An triển khai kế hoạch bảo vệ an ninh trật tự.</text:span></text:p>
<text:h text:outline-level="2">Lực lượng nòng cốt</text:h>
<text:p>Công an phường <text:span text:style-name="B">Đằng Hải</text:span> và <text:span text:style-name="I">dân quân</text:span> tuần tra, xem <text:a xlink:type="simple" xlink:href="https://vnexpress.net/thoi-su">VnExpress</text:a>.<text:line-break/>Dòng thứ hai.</text:p>
<text:h text:outline-level="3">Các bước</text:h>
<text:list text:style-name="LB"><text:list-item><text:p>Tổ tự quản</text:p><text:list><text:list-item><text:p>Họp hằng tuần</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Camera an ninh</text:p></text:list-item></text:list>
<text:list text:style-name="LN"><text:list-item><text:p>Bước một</text:p></text:list-item><text:list-item><text:p>Bước hai</text:p></text:list-item></text:list>
<text:p>Đoạn cuối.</text:p>"#,
        );
        let vntime = fodt(&format!(
            r#"<text:p text:style-name="Title">Văn bản cũ</text:p>
<text:p>Quốc hiệu: <text:span text:style-name="Vn">{}</text:span>.</text:p>
<text:p><text:span text:style-name="VnH">{}</text:span></text:p>"#,
            tcvn3_run_text("Cộng hòa xã hội chủ nghĩa Việt Nam, người dân vui mừng"),
            tcvn3_run_text("độc lập - tự do - hạnh phúc"),
        ));
        let images = fodt(&format!(
            r#"<text:p text:style-name="Title">Phóng sự ảnh</text:p>
<text:p>Đoạn mở đầu của bài, không đậm, nên ở lại trong nội dung.</text:p>
<text:p>{}</text:p>
<text:p text:style-name="Caption">Người dân đi bộ trên tuyến đường ven biển mới thông xe.</text:p>
<text:p>{}</text:p>
<text:p>Cầu Rào 2 lúc hoàng hôn.</text:p>
<text:p>{LONG}</text:p>
<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Quận</text:p></table:table-cell><table:table-cell><text:p>Số vụ</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Hải An</text:p></table:table-cell><table:table-cell><text:p>12</text:p></table:table-cell></table:table-row></table:table>"#,
            fodt_image(&png(64, 48, 1), "Đường ven biển"),
            fodt_image(&png(64, 48, 2), "Cầu Rào 2"),
        ));
        let paths = convert_with_libreoffice(dir.path(), &[("text", text), ("vntime", vntime), ("images", images)]);
        Made { text: paths[0].clone(), vntime: paths[1].clone(), images: paths[2].clone(), _dir: dir }
    })
}

fn body_of(a: &banthao_core::Article) -> Value {
    serde_json::to_value(&a.body).unwrap()
}

fn text(t: &str) -> Value {
    json!({"type": "text", "text": t})
}

fn marked(t: &str, marks: Value) -> Value {
    json!({"type": "text", "text": t, "marks": marks})
}

fn para(content: Value) -> Value {
    json!({"type": "paragraph", "content": content})
}

fn li(content: Value) -> Value {
    json!({"type": "list_item", "content": content})
}

fn article_count(lib: &Library) -> usize {
    lib.list_articles(&ListQuery { limit: 100, ..Default::default() }).unwrap().len()
}

#[test]
fn headings_marks_lists_links_and_breaks_come_back_as_written() {
    let mut lib = Library::open_in_memory().unwrap();
    let done = lib.import_docx(&made().text, Lang::En).unwrap();
    let a = &done.article;
    assert_eq!(a.headline, "Xây dựng thế trận liên hoàn bảo vệ ANTT", "the Title style is the headline");
    assert_eq!(
        a.sapo, "Sáng 2-3, UBND quận Hải An triển khai kế hoạch bảo vệ an ninh trật tự.",
        "a bold paragraph after it is the sapo"
    );
    let link = json!([{"type": "link", "attrs": {"href": "https://vnexpress.net/thoi-su", "title": null}}]);
    assert_eq!(
        body_of(a),
        json!({"type": "doc", "content": [
            {"type": "heading", "attrs": {"level": 2}, "content": [text("Lực lượng nòng cốt")]},
            para(json!([
                text("Công an phường "),
                marked("Đằng Hải", json!([{"type": "strong"}])),
                text(" và "),
                marked("dân quân", json!([{"type": "em"}])),
                text(" tuần tra, xem "),
                marked("VnExpress", link),
                text("."),
                {"type": "hard_break"},
                text("Dòng thứ hai."),
            ])),
            {"type": "heading", "attrs": {"level": 3}, "content": [text("Các bước")]},
            {"type": "bullet_list", "content": [
                li(json!([para(json!([text("Tổ tự quản")])), {"type": "bullet_list", "content": [li(json!([para(json!([text("Họp hằng tuần")]))]))]}])),
                li(json!([para(json!([text("Camera an ninh")]))])),
            ]},
            {"type": "ordered_list", "attrs": {"order": 1}, "content": [
                li(json!([para(json!([text("Bước một")]))])),
                li(json!([para(json!([text("Bước hai")]))])),
            ]},
            para(json!([text("Đoạn cuối.")])),
        ]})
    );
    assert_eq!(done.photos, 0);
    assert!(done.converted.is_empty());
    assert!(done.not_imported.is_empty(), "{:?}", done.not_imported);
    assert!(done.notices.is_empty(), "{:?}", done.notices);
    assert_eq!(lib.get_article(a.id).unwrap(), *a, "the article is stored as returned");
}

#[test]
fn legacy_font_runs_are_converted_run_by_run() {
    let mut lib = Library::open_in_memory().unwrap();
    let done = lib.import_docx(&made().vntime, Lang::Vi).unwrap();
    assert_eq!(done.article.headline, "Văn bản cũ");
    assert_eq!(
        body_of(&done.article),
        json!({"type": "doc", "content": [
            para(json!([text("Quốc hiệu: Cộng hòa xã hội chủ nghĩa Việt Nam, người dân vui mừng.")])),
            para(json!([text("ĐỘC LẬP - TỰ DO - HẠNH PHÚC")])),
        ]})
    );
    let fonts: Vec<(&str, &str, u32, u32, &str)> = done
        .converted
        .iter()
        .map(|c| (c.font.as_str(), c.encoding.as_str(), c.runs, c.chars, c.sample.as_str()))
        .collect();
    assert_eq!(
        fonts,
        [
            (".VnTime", "tcvn3", 1, 54, "Cộng hòa xã hội chủ nghĩa Việt Nam, ngườ"),
            (".VnTimeH", "tcvn3", 1, 27, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ]
    );
}

#[test]
fn pictures_become_figures_with_their_captions_and_tables_become_paragraphs() {
    let mut lib = Library::open_in_memory().unwrap();
    let done = lib.import_docx(&made().images, Lang::En).unwrap();
    let a = &done.article;
    assert_eq!(a.headline, "Phóng sự ảnh");
    assert_eq!(a.sapo, "", "a plain paragraph after the headline stays in the body");
    assert_eq!(done.photos, 2);
    let photos = lib.article_media(a.id).unwrap();
    assert_eq!(photos.len(), 2, "both pictures are in the library, attached to the article");
    assert_eq!((photos[0].width, photos[0].height, photos[0].format.as_str()), (64, 48, "png"));
    let figure = |id: i64, alt: &str, caption: &str| {
        json!({"type": "figure", "attrs": {"media_id": id, "credit": "", "alt": alt, "crop": null, "rotation": 0},
               "content": [{"type": "figcaption", "content": [text(caption)]}]})
    };
    assert_eq!(
        body_of(a),
        json!({"type": "doc", "content": [
            para(json!([text("Đoạn mở đầu của bài, không đậm, nên ở lại trong nội dung.")])),
            figure(photos[0].id, "Đường ven biển", "Người dân đi bộ trên tuyến đường ven biển mới thông xe."),
            figure(photos[1].id, "Cầu Rào 2", "Cầu Rào 2 lúc hoàng hôn."),
            para(json!([text(LONG)])),
            para(json!([text("Quận | Số vụ")])),
            para(json!([text("Hải An | 12")])),
        ]})
    );
    assert_eq!(done.notices.len(), 1);
    assert_eq!(done.notices[0].kind, DocxNoticeKind::TablesFlattened);
    assert_eq!(
        done.notices[0].message,
        "1 table(s) became paragraphs: one per row, cells separated by “ | ” (2 rows)."
    );
    assert!(done.not_imported.is_empty(), "{:?}", done.not_imported);

    // The same document again: the photos are stored once.
    let again = lib.import_docx(&made().images, Lang::En).unwrap();
    assert_eq!(lib.article_media(again.article.id).unwrap(), photos);
    assert_eq!(lib.search_media("", 100).unwrap().len(), 2);
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml""#;

const WORD_STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyVn"><w:name w:val="Body Vn"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="VnChar"><w:name w:val="Vn Char"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>"#;

fn word_package(body: &str, rels: &str, media: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles =
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>{WORD_STYLES}</w:styles>"#);
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W_NS}><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
    ];
    parts.extend_from_slice(media);
    zip_parts(&parts)
}

fn word_picture(rel: &str, descr: &str, anchor: bool) -> String {
    let tag = if anchor { "wp:anchor" } else { "wp:inline" };
    format!(
        r#"<w:r><w:drawing><{tag} distT="0" distB="0"><wp:extent cx="3600000" cy="2700000"/><wp:docPr id="3" name="Picture 3" descr="{descr}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></{tag}></w:drawing></w:r>"#
    )
}

#[test]
fn the_forms_word_writes() {
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Tít từ Word</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t>Sapo từ kiểu Subtitle.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId10" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>cổng thông tin</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> và </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://baochinhphu.vn/" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>báo Chính phủ</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:rPr><w:rStyle w:val="VnChar"/></w:rPr><w:t>{}</w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText> bỏ</w:delText></w:r></w:del></w:p>
<w:p><w:pPr><w:pStyle w:val="BodyVn"/></w:pPr><w:r><w:t>{}</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t xml:space="preserve"> (Unicode)</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Mục A</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Mục B</w:t></w:r></w:p>
<w:p>{}</w:p>
<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Ảnh </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Figure \* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>: Cầu mới thông xe.</w:t></w:r></w:p>
<w:p>{}</w:p>
<w:p><w:r><w:t>Hết.</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F04A"/></w:r></w:p>"#,
        tcvn3_run_text("tiếng Việt"),
        tcvn3_run_text("kiểu đoạn"),
        word_picture("rId20", "Cầu Rào 2", true),
        word_picture("rId21", "", false),
    );
    let rels = r#"<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="www.hanoi.gov.vn" TargetMode="External"/><Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId21" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.emf"/>"#;
    let picture = png(40, 30, 9);
    let emf: &[u8] = b"\x01\x00\x00\x00\x6c\x00\x00\x00 an EMF metafile";
    let docx = word_package(&body, rels, &[("word/media/image1.png", &picture), ("word/media/image2.emf", emf)]);

    let mut lib = Library::open_in_memory().unwrap();
    let done = lib.import_docx_bytes("tu-word.docx", docx, Lang::En).unwrap();
    let a = &done.article;
    assert_eq!(a.headline, "Tít từ Word", "a first heading is the headline");
    assert_eq!(a.sapo, "Sapo từ kiểu Subtitle.", "a Subtitle paragraph after it is the sapo");
    let photos = lib.article_media(a.id).unwrap();
    assert_eq!(photos.len(), 1);
    let link = |href: &str| json!({"type": "link", "attrs": {"href": href, "title": null}});
    assert_eq!(
        body_of(a),
        json!({"type": "doc", "content": [
            para(json!([
                text("Xem "),
                marked("cổng thông tin", json!([link("https://www.hanoi.gov.vn")])),
                text(" và "),
                marked("báo Chính phủ", json!([{"type": "strong"}, link("https://baochinhphu.vn/")])),
                text("."),
            ])),
            para(json!([text("tiếng Việt thêm")])),
            para(json!([text("kiểu đoạn (Unicode)")])),
            {"type": "ordered_list", "attrs": {"order": 1}, "content": [
                li(json!([para(json!([text("Mục A")]))])),
                li(json!([para(json!([text("Mục B")]))])),
            ]},
            {"type": "figure", "attrs": {"media_id": photos[0].id, "credit": "", "alt": "Cầu Rào 2", "crop": null, "rotation": 0},
             "content": [{"type": "figcaption", "content": [text("Ảnh 1: Cầu mới thông xe.")]}]},
            para(json!([text("Hết.")])),
        ]})
    );
    let fonts: Vec<(&str, u32)> = done.converted.iter().map(|c| (c.font.as_str(), c.runs)).collect();
    assert_eq!(fonts, [(".VnTime", 2)], "a character style's font and a paragraph style's font both count");
    let left: Vec<(NotImportedKind, u32)> = done.not_imported.iter().map(|n| (n.what, n.count)).collect();
    assert_eq!(
        left,
        [(NotImportedKind::Image, 1), (NotImportedKind::Footnote, 1), (NotImportedKind::Symbol, 1)],
        "{:?}",
        done.not_imported
    );
    assert!(done.not_imported[0].detail.starts_with("Picture image2.emf: "), "{}", done.not_imported[0].detail);
    let notices: Vec<DocxNoticeKind> = done.notices.iter().map(|n| n.kind).collect();
    assert_eq!(notices, [DocxNoticeKind::TrackedChanges]);
}

#[test]
fn a_picture_in_a_frame_takes_the_frame_text_as_caption() {
    let inner = word_picture("rId20", "Toàn cảnh", false);
    let body = format!(
        r#"<w:p><w:r><w:t>Trước khung.</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Frame 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p>{inner}<w:r><w:t>Toàn cảnh buổi lễ.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Toàn cảnh buổi lễ.</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>Sau khung.</w:t></w:r></w:p>"#
    );
    let rels = r#"<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>"#;
    let picture = png(32, 32, 3);
    let docx = word_package(&body, rels, &[("word/media/image1.png", &picture)]);
    let mut lib = Library::open_in_memory().unwrap();
    let done = lib.import_docx_bytes("khung.docx", docx, Lang::En).unwrap();
    let id = lib.article_media(done.article.id).unwrap()[0].id;
    assert_eq!(
        body_of(&done.article),
        json!({"type": "doc", "content": [
            para(json!([text("Trước khung.")])),
            {"type": "figure", "attrs": {"media_id": id, "credit": "", "alt": "Toàn cảnh", "crop": null, "rotation": 0},
             "content": [{"type": "figcaption", "content": [text("Toàn cảnh buổi lễ.")]}]},
            para(json!([text("Sau khung.")])),
        ]})
    );
    assert!(done.not_imported.is_empty() && done.notices.is_empty());
}

fn refusal(lib: &mut Library, name: &str, bytes: Vec<u8>) -> (&'static str, String, String) {
    match lib.import_docx_bytes(name, bytes, Lang::En) {
        Err(e @ Error::BadFile { code, .. }) => (code, e.message(Lang::Vi), e.message(Lang::En)),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn files_that_are_not_word_documents_are_refused_and_leave_no_article() {
    let mut lib = Library::open_in_memory().unwrap();
    let real = std::fs::read(&made().text).unwrap();

    let (code, vi, en) =
        refusal(&mut lib, "cu.doc", [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 504]].concat());
    assert_eq!(code, "legacy_doc");
    assert!(vi.contains(".docx") && en.contains("save it as .docx"), "{vi} / {en}");

    let (code, _, en) = refusal(&mut lib, "ghi-chu.docx", "Chỉ là chữ.".as_bytes().to_vec());
    assert_eq!(code, "not_docx");
    assert_eq!(en, "ghi-chu.docx: this file is not a Word document (.docx).");

    let xlsx = zip_parts(&[("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")]);
    let (code, vi, _) = refusal(&mut lib, "bang.docx", xlsx);
    assert_eq!(code, "not_docx");
    assert!(vi.contains("Excel"), "{vi}");

    let odt = zip_parts(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")]);
    assert_eq!(refusal(&mut lib, "van-ban.docx", odt).0, "not_docx");

    let (code, vi, _) = refusal(&mut lib, "cut.docx", real[..real.len() / 2].to_vec());
    assert_eq!(code, "damaged_docx", "a download cut short");
    assert!(vi.starts_with("cut.docx: tài liệu Word bị hỏng"), "{vi}");

    let cut_xml = format!(r#"<?xml version="1.0"?><w:document {W_NS}><w:body><w:p><w:r><w:t>Nửa câu"#);
    let broken = zip_parts(&[("word/document.xml", cut_xml.as_bytes())]);
    assert_eq!(refusal(&mut lib, "broken.docx", broken).0, "damaged_docx", "XML cut short inside the package");

    let mismatched = format!(r#"<w:document {W_NS}><w:body><w:p></w:r></w:body></w:document>"#);
    let broken = zip_parts(&[("word/document.xml", mismatched.as_bytes())]);
    assert_eq!(refusal(&mut lib, "mismatched.docx", broken).0, "damaged_docx");

    assert_eq!(article_count(&lib), 0, "no article was created for any of them");
}

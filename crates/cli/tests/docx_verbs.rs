//! `banthao import FILE.docx`: a LibreOffice-made Word document with a picture, its caption
//! and a `.VnTime` run, imported from the command line; a legacy `.doc` refused with its message.

#[path = "../../core/tests/support/docx_fixtures.rs"]
mod fixtures;

use fixtures::*;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn banthao(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banthao")).arg("--library").arg(library).args(args).output().unwrap()
}

#[test]
fn import_a_word_document_as_an_article() {
    let tmp = tempfile::tempdir().unwrap();
    let doc = fodt(&format!(
        r#"<text:p text:style-name="Title">Đường ven biển thông xe</text:p>
<text:p>Bản tin: <text:span text:style-name="Vn">{}</text:span></text:p>
<text:p>{}</text:p>
<text:p text:style-name="Caption">Người dân đi bộ trên đường mới.</text:p>"#,
        tcvn3_run_text("Cộng hòa xã hội chủ nghĩa Việt Nam"),
        fodt_image(&png(48, 32, 7), "Đường mới"),
    ));
    let docx = &convert_with_libreoffice(tmp.path(), &[("bai", doc)])[0];
    let library = tmp.path().join("lib");
    let file = docx.display().to_string();

    let out = banthao(&library, &["import", "--json", &file]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let row = &rows[0];
    assert_eq!(row["file"], file.as_str());
    assert_eq!(row["headline"], "Đường ven biển thông xe");
    assert_eq!(row["photos"], 1);
    assert_eq!(row["converted"][0]["font"], ".VnTime");
    assert_eq!(row["converted"][0]["runs"], 1);
    assert_eq!(row["converted"][0]["sample"], "Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(row["not_imported"], serde_json::json!([]));
    assert_eq!(row["notices"], serde_json::json!([]));

    let id = row["article_id"].to_string();
    let shown: Value = serde_json::from_slice(&banthao(&library, &["show", &id, "--json"]).stdout).unwrap();
    let body = &shown["body"]["content"];
    assert_eq!(body[0]["content"][0]["text"], "Bản tin: Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(body[1]["type"], "figure");
    assert_eq!(body[1]["attrs"]["alt"], "Đường mới");
    assert_eq!(body[1]["content"][0]["content"][0]["text"], "Người dân đi bộ trên đường mới.");

    let out = banthao(&library, &["import", &file]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "đã nhập bai.docx → bài 2: «Đường ven biển thông xe» (1 ảnh; chuyển mã 1 đoạn .VnTime)"
    );

    let doc_file = tmp.path().join("cu.doc.docx");
    std::fs::write(&doc_file, [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 504]].concat()).unwrap();
    let out = banthao(&library, &["import", doc_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("lỗi: ") && stderr.contains("Lưu thành"), "{stderr}");
    assert!(stderr.contains("save it as .docx"), "{stderr}");
}

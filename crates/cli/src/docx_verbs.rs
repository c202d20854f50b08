//! `banthao import FILE.docx`: a Word document as a new article.
//!
//! Text: `đã nhập bao-cao.docx → bài 12: «Tít» (3 ảnh; chuyển mã 5 đoạn .VnTime; không nhập: …)`.
//! JSON: `{file, article_id, headline, photos, converted: [{font, encoding, runs, chars, sample}],
//! not_imported: [{what, count, detail}], notices: [{kind, message}]}`.

use banthao_core::interchange::docx::DocxImport;
use banthao_core::{Lang, Library, Result};
use serde_json::json;
use std::path::Path;

use crate::interchange_verbs::Imported;

pub(crate) fn import(library: &mut Library, file: &Path) -> Result<Imported> {
    let done = library.import_docx(file, Lang::Vi)?;
    let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(Imported { text: line(&name, &done), json: object(&file.display().to_string(), &done) })
}

fn line(name: &str, d: &DocxImport) -> String {
    let mut parts = vec![format!("{} ảnh", d.photos)];
    for c in &d.converted {
        parts.push(format!("chuyển mã {} đoạn {}", c.runs, c.font));
    }
    if !d.not_imported.is_empty() {
        let left: Vec<&str> = d.not_imported.iter().map(|n| n.detail.trim_end_matches('.')).collect();
        parts.push(format!("không nhập: {}", left.join("; ")));
    }
    let mut text = format!("đã nhập {name} → bài {}: «{}» ({})", d.article.id, d.article.headline, parts.join("; "));
    for notice in &d.notices {
        text.push_str(&format!("\n  {}", notice.message));
    }
    text
}

fn object(file: &str, d: &DocxImport) -> serde_json::Value {
    json!({
        "file": file,
        "article_id": d.article.id,
        "headline": d.article.headline,
        "photos": d.photos,
        "converted": d.converted,
        "not_imported": d.not_imported,
        "notices": d.notices,
    })
}

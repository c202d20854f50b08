//! `banthao import FILE…` (Word documents and handover files, chosen by extension) and the
//! export formats that are files rather than text: ninjs and `.banthao`.

use banthao_core::{Error, Lang, Library, Result};
use serde::Serialize;
use std::path::Path;

use crate::args::ExportFormat;
use crate::output;

/// One imported file, as `import` prints it: a line for people, an object for `--json`.
pub(crate) struct Imported {
    pub text: String,
    pub json: serde_json::Value,
}

#[derive(Serialize)]
struct FailedJson<'a> {
    file: String,
    error: &'a banthao_core::ErrorPayload,
}

/// Imports each file in turn; a bad file reports its error and the others go on.
/// `Ok(false)` when any file failed or waits for a person's choice (a handover conflict).
/// `keep` settles handover conflicts (`.banthao` files only).
pub fn import(library: &mut Library, files: &[std::path::PathBuf], keep: Option<&str>, json: bool) -> Result<bool> {
    let mut all_ok = true;
    let mut rows = Vec::new();
    for file in files {
        let done = import_one(library, file, keep);
        if let Ok(done) = &done {
            // Imported nothing yet: a person must choose (`--keep`).
            all_ok &= done.json.get("outcome").and_then(|o| o.as_str()) != Some("conflict");
        }
        match done {
            Ok(done) if json => rows.push(done.json),
            Ok(done) => println!("{}", done.text),
            Err(e) => {
                all_ok = false;
                if json {
                    let payload = e.payload(Lang::En);
                    let failed = FailedJson { file: file.display().to_string(), error: &payload };
                    rows.push(serde_json::to_value(failed).expect("serializes"));
                } else {
                    output::error(&e);
                }
            }
        }
    }
    if json {
        output::json(&rows);
    }
    Ok(all_ok)
}

fn import_one(library: &mut Library, file: &Path, keep: Option<&str>) -> Result<Imported> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    match ext.as_str() {
        "docx" => crate::docx_verbs::import(library, file),
        "banthao" => crate::handover_verbs::import(library, file, keep),
        _ => Err(Error::BadFile {
            file: file.display().to_string(),
            code: "unknown_kind",
            vi: "chỉ nhập được tài liệu Word (.docx) và tệp bàn giao (.banthao).".into(),
            en: "only Word documents (.docx) and handover files (.banthao) can be imported.".into(),
        }),
    }
}

/// `export ID --format …`: JSON and HTML on stdout or to `--out`; ninjs and `.banthao` below.
pub fn export(library: &Library, id: i64, format: ExportFormat, out: Option<&Path>, json: bool) -> Result<()> {
    use banthao_core::interchange::ExportFormat as Core;
    let core = match format {
        ExportFormat::Ninjs => return export_ninjs(library, id, out),
        ExportFormat::Banthao => return export_banthao(library, id, out, json),
        ExportFormat::Json => Core::Json,
        ExportFormat::Html => Core::Html,
    };
    match out {
        Some(path) => {
            let done = library.export_article(id, core, path)?;
            if json {
                output::json(&done);
            } else {
                eprintln!("đã xuất {} ({} byte) / exported", done.path, done.bytes);
            }
        }
        None => {
            let article = library.get_article(id)?;
            match core {
                Core::Html => print!("{}", banthao_core::export::to_html(&article)),
                _ => println!("{}", banthao_core::export::to_json(&article)),
            }
        }
    }
    Ok(())
}

/// `export --format ninjs`: the article as an IPTC ninjs 2.2 item; the pictures' renditions
/// are `file://` addresses of the library's files.
pub fn export_ninjs(library: &Library, id: i64, out: Option<&Path>) -> Result<()> {
    match out {
        Some(path) => {
            let done = library.export_article(id, banthao_core::interchange::ExportFormat::Ninjs, path)?;
            eprintln!("đã xuất {} ({} byte) / exported", done.path, done.bytes);
        }
        None => println!("{}", banthao_core::interchange::ninjs::export_ninjs(library, id)?),
    }
    Ok(())
}

/// `export --format banthao --out FILE`: the handover file.
pub fn export_banthao(library: &Library, id: i64, out: Option<&Path>, json: bool) -> Result<()> {
    crate::handover_verbs::export(library, id, out, json)
}

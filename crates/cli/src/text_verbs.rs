//! `convert` and `check`: the Vietnamese text tools.

use banthao_core::checks::{CheckField, CheckInput, HouseStyle};
use banthao_core::{Error, Lang, Library, Result};
use banthao_text::encoding::{decode, decode_auto, detect, Encoding};
use serde::Serialize;
use std::path::Path;

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::File { path: path.to_path_buf(), source })
}

fn decode_error(path: &Path, e: banthao_text::encoding::DecodeError) -> Error {
    Error::Decode { path: path.to_path_buf(), vi: e.message_vi(), en: e.message_en() }
}

/// A text file in any encoding `convert` knows, as NFC text, with the encoding it was in.
pub fn read_any_text(path: &Path, from: &str) -> Result<(String, Encoding, f32)> {
    decode_any_text(path, &read(path)?, from)
}

/// [`read_any_text`] on bytes already read (standard input); `path` names them in errors.
pub fn decode_any_text(path: &Path, bytes: &[u8], from: &str) -> Result<(String, Encoding, f32)> {
    if from == "auto" {
        let (text, detection) = decode_auto(bytes).map_err(|e| decode_error(path, e))?;
        return Ok((text, detection.encoding, detection.confidence));
    }
    let encoding = Encoding::parse(from).ok_or_else(|| Error::InvalidInput(format!("unknown encoding '{from}'")))?;
    let text = decode(bytes, encoding).map_err(|e| decode_error(path, e))?;
    Ok((text, encoding, 1.0))
}

pub fn convert(file: &Path, from: &str, detect_only: bool, json: bool) -> Result<()> {
    if detect_only {
        let d = detect(&read(file)?);
        if json {
            crate::output::json(&serde_json::json!({"encoding": d.encoding.name(), "confidence": d.confidence}));
        } else {
            println!("{} {:.2}", d.encoding.name(), d.confidence);
        }
        return Ok(());
    }
    let (text, _, _) = read_any_text(file, from)?;
    print!("{text}");
    Ok(())
}

/// A finding as `check --json` prints it (documented in README).
#[derive(Serialize)]
struct FindingJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<CheckField>,
    #[serde(skip_serializing_if = "Option::is_none")]
    block: Option<u32>,
    kind: String,
    start: u32,
    end: u32,
    text: String,
    message: String,
    suggestions: Vec<String>,
    /// Only with `--all`, on the findings the article ignores.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ignored: bool,
}

pub fn check(
    library: &mut Library,
    file: Option<&Path>,
    id: Option<i64>,
    all: bool,
    house: Option<&str>,
    json: bool,
) -> Result<()> {
    if let Some(house) = house {
        let style = HouseStyle::parse(house)
            .ok_or_else(|| Error::InvalidInput(format!("house style '{house}': use hoà or hòa")))?;
        // Only for this run: the library's setting is the app's to change.
        library.override_house_style(style)?;
    }
    let (findings, ignored) = match (file, id) {
        (Some(path), _) => {
            let (text, _, _) = read_any_text(path, "auto")?;
            let input = CheckInput { blocks: vec![text], ..Default::default() };
            let report = library.check_input(&input, Lang::Vi)?;
            (to_json(report.findings, false, false), 0)
        }
        (None, Some(id)) => {
            let report = library.check_article(id, Lang::Vi)?;
            let ignored = report.ignored.len();
            let mut findings = to_json(report.findings, true, false);
            if all {
                findings.extend(to_json(report.ignored, true, true));
                findings.sort_by_key(|f| (f.field.map(field_order), f.block, f.start, f.end));
            }
            (findings, ignored)
        }
        (None, None) => return Err(Error::InvalidInput("give a FILE or --id ID".into())),
    };
    if json {
        crate::output::json(&findings);
    } else {
        for f in &findings {
            let place = match (f.field, f.block) {
                (Some(CheckField::Body), Some(b)) => format!("body[{b}] "),
                (Some(CheckField::Caption), Some(b)) => format!("caption[{b}] "),
                (Some(field), _) => format!("{} ", serde_json::to_value(field).unwrap().as_str().unwrap_or("")),
                _ => String::new(),
            };
            let fixes =
                if f.suggestions.is_empty() { String::new() } else { format!(" → {}", f.suggestions.join(" | ")) };
            let mark = if f.ignored { " (bỏ qua)" } else { "" };
            println!("{place}{}-{} {}{mark} “{}”: {}{fixes}", f.start, f.end, f.kind, f.text, f.message);
        }
        if ignored > 0 && !all {
            // On stderr: stdout stays one finding per line.
            eprintln!("{ignored} điểm đã bỏ qua không được liệt kê (--all để xem)\n{ignored} ignored, not listed (--all shows them)");
        }
    }
    Ok(())
}

fn field_order(field: CheckField) -> u8 {
    match field {
        CheckField::Headline => 0,
        CheckField::Sapo => 1,
        CheckField::Body => 2,
        CheckField::Caption => 3,
    }
}

fn to_json(findings: Vec<banthao_core::checks::ArticleFinding>, placed: bool, ignored: bool) -> Vec<FindingJson> {
    findings
        .into_iter()
        .map(|f| FindingJson {
            field: placed.then_some(f.field),
            block: placed.then_some(f.block),
            kind: f.kind,
            start: f.start,
            end: f.end,
            text: f.text,
            message: f.message,
            suggestions: f.suggestions,
            ignored,
        })
        .collect()
}

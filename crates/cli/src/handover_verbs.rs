//! `banthao export ID --format banthao --out FILE` and `banthao import FILE.banthao [--keep …]`:
//! the handover file, through the same core calls as the desktop app.

use banthao_core::interchange::handover::{HandoverImport, HandoverOutcome};
use banthao_core::sync::ConflictSide;
use banthao_core::{Error, Lang, Library, Result};
use std::path::Path;

use crate::interchange_verbs::Imported;

pub(crate) fn export(library: &Library, id: i64, out: Option<&Path>, json: bool) -> Result<()> {
    let Some(out) = out else {
        return Err(Error::InvalidInput(
            "a handover file is a ZIP: name it with --out FILE.banthao / tệp bàn giao là tệp nén: hãy đặt tên bằng --out TỆP.banthao"
                .into(),
        ));
    };
    let done = library.export_handover(id, out)?;
    if json {
        crate::output::json(&done);
    } else {
        println!(
            "{}  {} bytes  {} ảnh/photos  {} phiên bản/revisions  {} ghi chú/notes",
            done.path, done.bytes, done.photos, done.revisions, done.notes
        );
    }
    Ok(())
}

/// `--keep`: `local`/`l`, `incoming`/`i` for every conflict, or one letter per conflict.
fn choices(keep: &str, n: usize) -> Result<Vec<ConflictSide>> {
    let side = |s: &str| match s.trim() {
        "l" | "local" => Some(ConflictSide::Local),
        "i" | "incoming" => Some(ConflictSide::Remote),
        _ => None,
    };
    let chosen: Vec<ConflictSide> = match side(keep) {
        Some(one) if !keep.contains(',') => vec![one; n],
        _ => keep.split(',').map(side).collect::<Option<_>>().ok_or_else(|| {
            Error::InvalidInput(format!("--keep takes local, incoming, or one of l/i per conflict ({n})"))
        })?,
    };
    if chosen.len() != n {
        return Err(Error::InvalidInput(format!("this file has {n} conflicts; --keep gave {}", chosen.len())));
    }
    Ok(chosen)
}

fn outcome_word(o: HandoverOutcome) -> &'static str {
    match o {
        HandoverOutcome::Created => "created",
        HandoverOutcome::Merged => "merged",
        HandoverOutcome::Unchanged => "unchanged",
        HandoverOutcome::Conflict => "conflict",
    }
}

/// Both sides of each conflict, and how to choose.
fn conflict_text(file: &Path, done: &HandoverImport) -> String {
    let mut out = format!("{}  conflict  {:>6}  {}\n", file.display(), done.article_id, done.headline);
    for (i, hunk) in done.conflicts.iter().enumerate() {
        out.push_str(&format!("\n#{} [{}]\n", i + 1, hunk.field));
        out.push_str("  ở đây / local:\n");
        for line in &hunk.local {
            out.push_str(&format!("    {line}\n"));
        }
        out.push_str("  trong tệp / incoming:\n");
        for line in &hunk.remote {
            out.push_str(&format!("    {line}\n"));
        }
    }
    let n = done.conflicts.len();
    out.push_str(&format!(
        "\nChưa có gì thay đổi. Chạy lại với --keep local|incoming (hoặc một chữ l/i cho mỗi chỗ, {n} chỗ).\n\
         Nothing was changed. Run again with --keep local|incoming (or one of l/i per conflict, {n} in all)."
    ));
    out
}

pub(crate) fn import(library: &mut Library, file: &Path, keep: Option<&str>) -> Result<Imported> {
    let mut done = library.import_handover(file, None, Lang::Vi)?;
    if done.outcome == HandoverOutcome::Conflict {
        if let Some(keep) = keep {
            let chosen = choices(keep, done.conflicts.len())?;
            done = library.import_handover(file, Some(&chosen), Lang::Vi)?;
        }
    }
    let json = serde_json::to_value(&done).expect("serializes");
    let text = match done.outcome {
        HandoverOutcome::Conflict => conflict_text(file, &done),
        o => format!(
            "{}  {:<9}  {:>6}  {}  (+{} ảnh/photos, +{} ghi chú/notes, +{} phiên bản/revisions)",
            file.display(),
            outcome_word(o),
            done.article_id,
            done.headline,
            done.photos_added,
            done.notes_added,
            done.revisions_added
        ),
    };
    Ok(Imported { text, json })
}

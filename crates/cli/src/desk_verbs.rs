//! The editor's desk from the command line: `update`, `status`, `note`, `history`, `diff`,
//! `queue`, `preview`, `checklist`. Who acts is the library's user, or `BANTHAO_USER` /
//! `BANTHAO_ROLE` for this run.

use banthao_core::article::render::doc_from_plain_text;
use banthao_core::desk::checklist::item_label;
use banthao_core::desk::diff::{DiffOp, DiffPiece, FieldDiff};
use banthao_core::desk::notes::{NewNote, Note, NoteField};
use banthao_core::desk::people::{Role, UserProfile};
use banthao_core::desk::transitions::{StatusChange, Transition};
use banthao_core::desk::workflow::{status_vi, WorkflowRefusal};
use banthao_core::media::RenditionSize;
use banthao_core::preview::{file_url, reader_html};
use banthao_core::time::display_vietnam;
use banthao_core::{ArticlePatch, Error, Lang, Library, Result, RevisionReason, RevisionSummary};
use banthao_sync::wordpress::photos::figure_look;
use serde::Serialize;
use std::path::Path;

use crate::args::{NoteVerb, UpdateArgs};
use crate::output;

/// Acts as `BANTHAO_USER` / `BANTHAO_ROLE` for this run when either is set; what is not set
/// comes from the library's settings. Nothing is stored.
pub fn act_from_env(library: &mut Library) -> Result<()> {
    let var = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let (name, role) = (var("BANTHAO_USER"), var("BANTHAO_ROLE"));
    if name.is_none() && role.is_none() {
        return Ok(());
    }
    let role = role
        .map(|r| {
            Role::parse(&r).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "BANTHAO_ROLE “{r}” không phải vai trò / is not a role: \
                     reporter (phóng viên), editor (biên tập viên), photo (ban ảnh)"
                ))
            })
        })
        .transpose()?;
    let stored = library.settings()?.user;
    library.act_as(UserProfile::new(name.as_deref().unwrap_or(&stored.name), role.unwrap_or(stored.role)));
    Ok(())
}

pub fn update(library: &mut Library, args: UpdateArgs, json: bool) -> Result<()> {
    let UpdateArgs { id, headline, sapo, body_file, section, keywords } = args;
    if headline.is_none() && sapo.is_none() && body_file.is_none() && section.is_none() && keywords.is_none() {
        return Err(Error::InvalidInput(
            "nothing to change: give --headline, --sapo, --body-file, --section or --keywords".into(),
        ));
    }
    let body = body_file.as_deref().map(crate::verbs::read_body_file).transpose()?;
    // Based on the version read just now, as the app's save is: a save in between is refused.
    let base_version = library.get_article(id)?.version;
    let patch = ArticlePatch {
        base_version,
        headline,
        sapo,
        body: body.as_deref().map(doc_from_plain_text),
        section,
        keywords,
        ..Default::default()
    };
    let saved = library.update_article(id, patch)?;
    if json {
        output::json(&saved);
    } else {
        println!("{}", saved.version);
    }
    Ok(())
}

/// Takes one workflow step. A refused step is reported with the flag that would satisfy it,
/// and the run fails (`Ok(false)`).
pub fn status(library: &mut Library, id: i64, change: StatusChange, json: bool) -> Result<bool> {
    let refusal = match library.change_status(id, change) {
        Ok(article) => {
            if json {
                output::json(&article);
            } else {
                println!("{}  {}", article.status.as_str(), status_vi(article.status));
            }
            return Ok(true);
        }
        Err(Error::Workflow(refusal)) => refusal,
        Err(e) => return Err(e),
    };
    let hint = match &refusal {
        WorkflowRefusal::NoteRequired => Some("--note \"cần sửa gì / what to change\""),
        WorkflowRefusal::TimeRequired | WorkflowRefusal::TimeInPast => Some("--at 2026-12-02T08:00:00+07:00"),
        WorkflowRefusal::ChecklistOpen { .. } => Some("--override \"lý do / why\" (banthao checklist ID)"),
        _ => None,
    };
    output::error(&Error::Workflow(refusal));
    if let Some(hint) = hint {
        eprintln!("gợi ý / hint: {hint}");
    }
    Ok(false)
}

pub fn note(library: &mut Library, verb: NoteVerb, json: bool) -> Result<()> {
    match verb {
        NoteVerb::Add { id, text, quote, field, photo_request, reply_to } => {
            let note = match quote {
                Some(quote) => {
                    let field = field.as_deref().and_then(NoteField::parse);
                    library.add_note_on_quote(id, &text, &quote, field, photo_request)?
                }
                None => library.add_note(id, NewNote { text, anchor: None, photo_request, reply_to })?,
            };
            if json {
                output::json(&note);
            } else {
                // A reply comes back inside its thread, as the thread's newest reply.
                let new_id = note.replies.last().filter(|_| reply_to.is_some()).map_or(note.id, |r| r.id);
                println!("{new_id}");
            }
        }
        NoteVerb::List { id } => {
            let notes = library.list_notes(id)?;
            if json {
                output::json(&notes);
            } else {
                notes.iter().for_each(print_note);
            }
        }
        NoteVerb::Resolve { id, note_id, reopen } => {
            if !library.list_notes(id)?.iter().any(|n| n.id == note_id) {
                return Err(Error::NoteNotFound(note_id));
            }
            let note = library.set_note_resolved(note_id, !reopen)?;
            if json {
                output::json(&note);
            } else if note.resolved {
                println!("#{}  đã giải quyết / resolved", note.id);
            } else {
                println!("#{}  mở lại / reopened", note.id);
            }
        }
    }
    Ok(())
}

fn who(name: &str, role: &str) -> String {
    match (name, role) {
        ("", "site") => "trang đăng / site".into(),
        ("", role) => format!("? ({role})"),
        (name, role) => format!("{name} ({role})"),
    }
}

fn print_note(n: &Note) {
    let state = match &n.resolved_by {
        _ if !n.resolved => "mở".to_string(),
        Some(by) => format!("đã giải quyết ({by})"),
        None => "đã giải quyết".to_string(),
    };
    let request = if n.photo_request { "  [yêu cầu ảnh]" } else { "" };
    println!("#{}  {state}  {}  {}{request}", n.id, who(&n.author, &n.role), display_vietnam(&n.created_at));
    match (&n.anchor, n.detached) {
        (Some(a), _) => {
            let field = serde_json::to_value(a.field).expect("serializes");
            let place = field.as_str().unwrap_or("");
            let block = if a.field == NoteField::Body { format!("[{}]", a.block) } else { String::new() };
            println!("    {place}{block} {}–{} “{}”", a.start, a.end, n.quote);
        }
        (None, true) => println!("    tách khỏi văn bản (đoạn đã xoá) / detached: “{}”", n.quote),
        (None, false) => {}
    }
    println!("    {}", n.text.replace('\n', "\n    "));
    for r in &n.replies {
        println!("    ↳ #{}  {}  {}: {}", r.id, who(&r.author, &r.role), display_vietnam(&r.created_at), r.text);
    }
}

fn reason_vi(reason: RevisionReason) -> &'static str {
    match reason {
        RevisionReason::Created => "tạo bài",
        RevisionReason::Edited => "sửa",
        RevisionReason::BeforeRestore => "trước khi khôi phục",
        RevisionReason::Restored => "khôi phục",
        RevisionReason::UnsavedCopy => "bản chưa lưu được",
        RevisionReason::Pulled => "lấy từ trang",
        RevisionReason::RemoteCopy => "bản của trang",
        RevisionReason::BulkFix => "sửa hàng loạt",
        RevisionReason::Handover => "nhận từ tệp bàn giao",
    }
}

fn revision_line(r: &RevisionSummary) -> String {
    format!(
        "{}  bản {}: {}  {} tiếng  “{}”",
        display_vietnam(&r.created_at),
        r.id,
        reason_vi(r.reason),
        r.tieng,
        r.headline
    )
}

fn transition_line(t: &Transition) -> String {
    let mut line =
        format!("{}  {} → {}  {}", display_vietnam(&t.at), status_vi(t.from), status_vi(t.to), who(&t.actor, &t.role));
    if let Some(at) = &t.scheduled_at {
        line.push_str(&format!("  hẹn {}", display_vietnam(at)));
    }
    if !t.overridden.is_empty() {
        let items: Vec<&str> = t.overridden.iter().map(|k| item_label(k, Lang::Vi)).collect();
        line.push_str(&format!("  bỏ qua: {}", items.join(", ")));
    }
    if !t.note.is_empty() {
        line.push_str(&format!("  “{}”", t.note.replace('\n', " · ")));
    }
    line
}

/// `history --json` (documented in README): both lists oldest first.
#[derive(Serialize)]
struct HistoryJson<'a> {
    revisions: &'a [RevisionSummary],
    transitions: &'a [Transition],
}

pub fn history(library: &Library, id: i64, json: bool) -> Result<()> {
    let mut revisions = library.list_revisions(id)?;
    revisions.reverse();
    let transitions = library.list_transitions(id)?;
    if json {
        output::json(&HistoryJson { revisions: &revisions, transitions: &transitions });
        return Ok(());
    }
    // Stored times are UTC RFC 3339 of one width: text order is time order. The sort is
    // stable, so a revision comes before a step taken at the same instant.
    let mut lines: Vec<(&str, String)> = revisions.iter().map(|r| (r.created_at.as_str(), revision_line(r))).collect();
    lines.extend(transitions.iter().map(|t| (t.at.as_str(), transition_line(t))));
    lines.sort_by(|a, b| a.0.cmp(b.0));
    for (_, line) in lines {
        println!("{line}");
    }
    Ok(())
}

/// wdiff style: `[-deleted-]{+inserted+}`.
fn marked(pieces: &[DiffPiece]) -> String {
    pieces
        .iter()
        .map(|p| match p.op {
            DiffOp::Equal => p.text.clone(),
            DiffOp::Delete => format!("[-{}-]", p.text),
            DiffOp::Insert => format!("{{+{}+}}", p.text),
        })
        .collect()
}

fn diff_heading(f: &FieldDiff) -> String {
    let kind = f.kind.map(|k| format!(" ({})", serde_json::to_value(k).expect("serializes").as_str().unwrap_or("")));
    match (f.block, f.old_block) {
        (Some(block), _) => format!("{} {block}{}", f.field.as_str(), kind.unwrap_or_default()),
        (None, Some(old)) => format!("{} {old}{} – đã xoá / deleted", f.field.as_str(), kind.unwrap_or_default()),
        (None, None) => f.field.as_str().to_string(),
    }
}

pub fn diff(library: &Library, id: i64, from: Option<i64>, to: Option<i64>, json: bool) -> Result<()> {
    let diff = library.diff_article(id, from, to)?;
    if json {
        output::json(&diff);
        return Ok(());
    }
    let to = diff.to.map_or_else(|| format!("bây giờ (phiên bản {})", diff.version), |r| format!("bản {r}"));
    println!("bản {} → {to}", diff.from);
    let changed: Vec<&FieldDiff> = diff.fields.iter().filter(|f| f.changed).collect();
    if changed.is_empty() {
        println!("không có thay đổi / no changes");
    }
    for f in changed {
        println!("\n{}:\n  {}", diff_heading(f), marked(&f.pieces).replace('\n', "\n  "));
    }
    Ok(())
}

fn group_label(key: &str) -> &str {
    match key {
        "returned" => "Bị trả lại / returned",
        "drafts" => "Nháp / drafts",
        "waiting" => "Đã gửi, đang chờ / waiting",
        "submitted" => "Chờ duyệt / submitted",
        "in_review" => "Đang biên tập / in review",
        "photos" => "Cần bổ sung ảnh / photos",
        other => other,
    }
}

pub fn queue(library: &Library, role: Option<Role>, json: bool) -> Result<()> {
    let role = match role {
        Some(role) => role,
        None => library.user()?.role,
    };
    let queue = library.queue(role, None)?;
    if json {
        output::json(&queue);
        return Ok(());
    }
    for group in &queue.groups {
        println!("{} ({})", group_label(&group.key), group.count);
        for item in &group.items {
            let mut extra = Vec::new();
            if item.open_notes > 0 {
                extra.push(format!("{} ghi chú mở", item.open_notes));
            }
            if item.incomplete_figures > 0 {
                extra.push(format!("{} ảnh thiếu thông tin", item.incomplete_figures));
            }
            if item.photo_requests > 0 {
                extra.push(format!("{} yêu cầu ảnh", item.photo_requests));
            }
            let extra = if extra.is_empty() { String::new() } else { format!("  {}", extra.join(", ")) };
            println!(
                "  #{}  {}  (chờ từ {}){extra}",
                item.article.id,
                item.article.headline,
                display_vietnam(&item.waiting_since)
            );
        }
    }
    Ok(())
}

/// The reader's page, each photo pointing at its web rendition on disk.
pub fn preview(library: &Library, id: i64, out: Option<&Path>) -> Result<()> {
    let article = library.get_article(id)?;
    let html = reader_html(&article, &|id, figure| {
        let (_, look, _) = figure_look(figure);
        let path = library.rendition(id, RenditionSize::Web, &look).ok()?;
        Some(file_url(&std::fs::canonicalize(path).ok()?))
    });
    match out {
        Some(path) => std::fs::write(path, html).map_err(|source| Error::File { path: path.to_path_buf(), source }),
        None => {
            print!("{html}");
            Ok(())
        }
    }
}

pub fn checklist(library: &mut Library, id: i64, json: bool) -> Result<()> {
    let list = library.checklist(id)?;
    if json {
        output::json(&list);
        return Ok(());
    }
    for item in &list.items {
        let count = if item.count > 0 { format!(" ({})", item.count) } else { String::new() };
        println!("{} {}{count}", if item.ok { "✓" } else { "✗" }, item_label(&item.key, Lang::Vi));
    }
    Ok(())
}

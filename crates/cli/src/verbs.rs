//! Each verb: parse → one call into the core → print.

use banthao_core::article::render::doc_from_plain_text;
use banthao_core::desk::transitions::StatusChange;
use banthao_core::library::default_library_dir;
use banthao_core::{Error, Library, ListQuery, NewArticle, Result};

use crate::args::{Cli, Verb};
use crate::output;

/// Runs a verb; `Ok(false)` when it ran but some item failed (reported on stdout).
pub fn run(cli: Cli) -> Result<bool> {
    let dir = cli.global.library.unwrap_or_else(default_library_dir);
    let json = cli.global.json;
    // `convert` and the packaging verbs need no library.
    match &cli.verb {
        Verb::Convert { file, from, detect } => {
            return crate::text_verbs::convert(file, from, *detect, json).map(|()| true)
        }
        Verb::Completions { shell } => return crate::packaging_verbs::completions(*shell).map(|()| true),
        Verb::Manpage => return crate::packaging_verbs::manpage().map(|()| true),
        _ => {}
    }
    let mut library = Library::open(&dir)?;
    crate::desk_verbs::act_from_env(&mut library)?;
    match cli.verb {
        Verb::New(args) => {
            let body = args.body_file.as_ref().map(|path| read_body_file(path)).transpose()?;
            let article = library.create_article(NewArticle {
                headline: args.headline,
                sapo: args.sapo,
                body: body.as_deref().map(doc_from_plain_text),
                section: args.section,
                keywords: args.keywords,
                byline: args.byline,
                dateline: args.dateline,
                slug: None,
                uid: None,
            })?;
            if json {
                output::json(&article);
            } else {
                println!("{}", article.id);
            }
        }
        Verb::List { status, author, sort, reverse, shelf, limit } => {
            let rows = library.list_articles(&ListQuery { status, author, sort, reverse, shelf, limit, offset: 0 })?;
            if json {
                output::json(&rows)
            } else {
                output::list(&rows)
            }
        }
        Verb::Trash { ids } => {
            library.move_to_trash(&ids)?;
            println!("đã chuyển {} bài vào thùng rác / moved to the trash", ids.len());
        }
        Verb::Restore { ids } => {
            library.restore_from_trash(&ids)?;
            println!("đã khôi phục {} bài / restored", ids.len());
        }
        Verb::Archive { ids, undo: false } => {
            library.archive(&ids)?;
            println!("đã lưu trữ {} bài / archived", ids.len());
        }
        Verb::Archive { ids, undo: true } => {
            library.unarchive(&ids)?;
            println!("đã đưa {} bài về danh sách / back in the list", ids.len());
        }
        Verb::EmptyTrash => {
            let deleted = library.empty_trash()?;
            if json {
                output::json(&serde_json::json!({ "deleted": deleted }))
            } else {
                println!("đã xoá vĩnh viễn {deleted} bài / deleted for good");
            }
        }
        Verb::Show { id } => {
            let article = library.get_article(id)?;
            if json {
                output::json(&article)
            } else {
                output::article(&article)
            }
        }
        Verb::Search { query, status, limit } => {
            let hits = library.search(&query, status, limit)?;
            if json {
                output::json(&output::search_json(&hits))
            } else {
                output::search(&hits)
            }
        }
        Verb::Convert { .. } | Verb::Completions { .. } | Verb::Manpage => {
            unreachable!("handled before the library opens")
        }
        Verb::Check { file, id, all, house_style } => {
            crate::text_verbs::check(&mut library, file.as_deref(), id, all, house_style.as_deref(), json)?
        }
        Verb::Photo(verb) => return crate::photo_verbs::run(&mut library, verb, json),
        Verb::Endpoint(verb) => return crate::sync_verbs::endpoint(library, verb, json),
        Verb::Sync { endpoint, ids, wait } => return crate::sync_verbs::sync(library, endpoint, ids, wait, json),
        Verb::Pull { endpoint, status, category, author } => {
            return crate::sync_verbs::pull(library, &endpoint, status, category, author, json)
        }
        Verb::Outbox => return crate::sync_verbs::outbox(&library, json),
        Verb::Resolve { id, keep } => return crate::sync_verbs::resolve(library, id, &keep, json),
        Verb::Export { id, format, out } => {
            crate::interchange_verbs::export(&library, id, format, out.as_deref(), json)?
        }
        Verb::Import { files, keep } => {
            return crate::interchange_verbs::import(&mut library, &files, keep.as_deref(), json)
        }
        Verb::Update(args) => crate::desk_verbs::update(&mut library, args, json)?,
        Verb::Status { id, status, note, at, override_note } => {
            let change = StatusChange {
                to: Some(status),
                note: note.unwrap_or_default(),
                scheduled_at: at,
                override_note: override_note.unwrap_or_default(),
            };
            return crate::desk_verbs::status(&mut library, id, change, json);
        }
        Verb::Note(verb) => crate::desk_verbs::note(&mut library, verb, json)?,
        Verb::History { id } => crate::desk_verbs::history(&library, id, json)?,
        Verb::Diff { id, from, to } => crate::desk_verbs::diff(&library, id, from, to, json)?,
        Verb::Queue { role } => crate::desk_verbs::queue(&library, role, json)?,
        Verb::Preview { id, out } => crate::desk_verbs::preview(&library, id, out.as_deref())?,
        Verb::Checklist { id } => crate::desk_verbs::checklist(&mut library, id, json)?,
    }
    Ok(true)
}

/// Below this, a legacy-encoding guess is refused rather than trusted.
const MIN_LEGACY_CONFIDENCE: f32 = 0.5;

/// A body file in UTF-8, UTF-16 or a legacy Vietnamese encoding (detected), as NFC text;
/// `-` is standard input. A converted file is reported on stderr so the user knows what happened.
pub(crate) fn read_body_file(path: &std::path::Path) -> Result<String> {
    let (text, encoding, confidence) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
        crate::text_verbs::decode_any_text(std::path::Path::new("(stdin)"), &bytes, "auto")?
    } else {
        crate::text_verbs::read_any_text(path, "auto")?
    };
    let unicode = matches!(encoding.name(), "utf8" | "utf16le" | "utf16be");
    // A guess this weak is more likely a file in another language's encoding, or not text.
    if !unicode && confidence < MIN_LEGACY_CONFIDENCE || text.contains('\0') {
        return Err(Error::Decode {
            path: path.to_path_buf(),
            vi: format!(
                "không nhận ra bảng mã (đoán {} với độ tin cậy {:.0}%) hoặc không phải văn bản. Hãy chuyển trước bằng `banthao convert --from …`.",
                encoding.name(),
                confidence * 100.0
            ),
            en: format!(
                "encoding not recognised (best guess {}, {:.0}% confidence) or not text. Convert it first with `banthao convert --from …`.",
                encoding.name(),
                confidence * 100.0
            ),
        });
    }
    if !unicode {
        eprintln!(
            "đã chuyển mã {} từ {} (độ tin cậy {:.0}%) / converted from {}",
            path.display(),
            encoding.name(),
            confidence * 100.0,
            encoding.name()
        );
    }
    Ok(text)
}

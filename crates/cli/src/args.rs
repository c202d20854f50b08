//! The command line's shape. Every verb takes `--library DIR`; verbs that print data take `--json`.

use banthao_core::desk::people::Role;
use banthao_core::desk::workflow::{status_en, status_vi};
use banthao_core::library::Shelf;
use banthao_core::{ArticleStatus, ListSort};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "banthao",
    version,
    about = "Bản Thảo: thư viện bài viết từ dòng lệnh / the newsroom library from the command line"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub verb: Verb,
}

#[derive(Args)]
pub struct Global {
    /// Library folder (created when missing). Default: $BANTHAO_LIBRARY, else the app's library.
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Print JSON (shapes documented in README.md).
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum Verb {
    /// Create an article; prints its id.
    New(NewArgs),
    /// List articles, newest change first.
    List {
        #[arg(long, value_parser = parse_status)]
        status: Option<ArticleStatus>,
        /// Only articles with this byline (tác giả), exactly.
        #[arg(long)]
        author: Option<String>,
        /// The column to sort by: updated (newest first), headline, section, status, author.
        #[arg(long, default_value = "updated", value_parser = parse_sort)]
        sort: ListSort,
        /// The other way round.
        #[arg(long)]
        reverse: bool,
        /// Which list: active (the daily list), archived, or trash.
        #[arg(long, default_value = "active", value_parser = parse_shelf)]
        shelf: Shelf,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Put articles in the trash (out of lists, queues and search; `restore` takes them back).
    Trash {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Take articles out of the trash.
    Restore {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Archive articles (out of the daily list and queues, still found by search), or with
    /// --undo take them back to the daily list.
    Archive {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        undo: bool,
    },
    /// Delete every article in the trash for good; prints how many.
    EmptyTrash,
    /// Show one article.
    Show { id: i64 },
    /// Search without caring about diacritics ("da nang" finds "Đà Nẵng").
    Search {
        query: String,
        #[arg(long, value_parser = parse_status)]
        status: Option<ArticleStatus>,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Convert a text file in a legacy or Unicode encoding to NFC UTF-8 on stdout.
    Convert {
        /// The file's encoding: auto, tcvn3, vni, viqr, viscii, cp1258, utf8, utf16.
        #[arg(long, default_value = "auto")]
        from: String,
        /// Print the detected encoding and its confidence instead of the text.
        #[arg(long)]
        detect: bool,
        file: PathBuf,
    },
    /// Check Vietnamese: spelling, real-word slips, tone style, abbreviations, quotes, spacing,
    /// capitalisation, lengths. Exits non-zero only for errors, not for findings.
    Check {
        /// A text file (any encoding `convert` reads); or use --id.
        file: Option<PathBuf>,
        /// Check a stored article (headline, sapo and body).
        #[arg(long, conflicts_with = "file")]
        id: Option<i64>,
        /// With --id: also the findings the article ignores ("Bỏ qua" in the app), marked so.
        #[arg(long, conflicts_with = "file")]
        all: bool,
        /// The house tone style, named by example: hoà (hoà, thuỷ, khoẻ) or hòa (hòa, thủy, khỏe).
        /// Default: the library's setting.
        #[arg(long)]
        house_style: Option<String>,
    },
    /// Photos: import, show, renditions.
    #[command(subcommand)]
    Photo(PhotoVerb),
    /// Publishing endpoints (WordPress sites): add, list, test, remove.
    #[command(subcommand)]
    Endpoint(EndpointVerb),
    /// Queue articles for their endpoint and send the queue. Without IDs: every article
    /// changed since its last sync. Exits 1 when anything is left queued or failed.
    Sync {
        /// The endpoint (needed for an article that was never sent; else its own).
        #[arg(long)]
        endpoint: Option<String>,
        ids: Vec<i64>,
        /// How long to keep retrying passing failures before leaving them queued (seconds).
        #[arg(long, default_value_t = 20)]
        wait: u64,
    },
    /// Pull drafts and pending posts from a site for offline review (updates, never duplicates).
    Pull {
        #[arg(long)]
        endpoint: String,
        /// WordPress status: pending, draft (repeatable; default both).
        #[arg(long)]
        status: Vec<String>,
        /// Only posts in this chuyên mục (the site's category name).
        #[arg(long)]
        category: Option<String>,
        /// Only posts by this author (user name or id).
        #[arg(long)]
        author: Option<String>,
    },
    /// The outbox: queued, sending, failed and conflicting jobs with their reasons.
    Outbox,
    /// Settle a sync conflict: keep ours or the site's version for each conflicting place
    /// (`local`, `remote`, or one letter per conflict, e.g. `l,r,l`), then send.
    Resolve {
        id: i64,
        #[arg(long)]
        keep: String,
    },
    /// Export an article: JSON, HTML or IPTC ninjs on stdout (or to --out), or a `.banthao`
    /// handover file (with its photos, notes and history) to --out.
    Export {
        id: i64,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of stdout (required for `banthao`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Import files as articles: Word documents (`.docx`) and handover files (`.banthao`).
    /// Prints one result per file; exits 1 when any file could not be imported.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// For a `.banthao` file that conflicts with the article here: keep `local` (this
        /// library's side), `incoming` (the file's), or one letter per conflict (`l,i,l`).
        #[arg(long)]
        keep: Option<String>,
    },
    /// Save changes to an article, with the app's version check; prints the new version.
    Update(UpdateArgs),
    /// Take an article one workflow step; prints the new status. A refused step says why
    /// and which steps are possible.
    Status {
        id: i64,
        /// draft, submitted, in_review, returned, approved, scheduled, published, or the
        /// Vietnamese label ("chờ duyệt", "trả lại"…).
        #[arg(value_parser = parse_status)]
        status: ArticleStatus,
        /// Why (required to return an article).
        #[arg(long)]
        note: Option<String>,
        /// When to publish, to schedule (RFC 3339, e.g. 2026-12-02T08:00:00+07:00).
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// Approve, schedule or publish over open checklist items, saying why.
        #[arg(long = "override", value_name = "TEXT")]
        override_note: Option<String>,
    },
    /// Notes on an article: add, list, resolve.
    #[command(subcommand)]
    Note(NoteVerb),
    /// An article's revisions and workflow steps, oldest first.
    History { id: i64 },
    /// What changed between two revisions, word by word.
    Diff {
        id: i64,
        /// The older revision (default: the article as last submitted).
        #[arg(long, value_name = "REV")]
        from: Option<i64>,
        /// The newer revision (default: the article now).
        #[arg(long, value_name = "REV")]
        to: Option<i64>,
    },
    /// A role's queue (default: the acting user's role).
    Queue {
        /// reporter, editor, photo (or phóng viên, biên tập viên, ban ảnh).
        #[arg(long, value_parser = parse_role)]
        role: Option<Role>,
    },
    /// The article as readers will see it, as a standalone HTML page (stdout, or --out).
    Preview {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The pre-publish checklist (exits 0 whatever it finds).
    Checklist { id: i64 },
    /// Shell completions on stdout (the .deb ships bash, zsh and fish; `make dist` writes them).
    #[command(hide = true)]
    Completions { shell: clap_complete::Shell },
    /// The manual page (roff) on stdout (the .deb ships it; `make dist` writes it).
    #[command(hide = true)]
    Manpage,
}

#[derive(Subcommand)]
pub enum NoteVerb {
    /// Leave a note: general, on the first place a quoted text occurs, or a reply.
    /// Prints the new note's id.
    Add {
        id: i64,
        #[arg(long)]
        text: String,
        /// Anchor the note on the first occurrence of this exact text.
        #[arg(long, conflicts_with = "reply_to")]
        quote: Option<String>,
        /// Look for the quote only in this field: headline, sapo or body.
        #[arg(long, requires = "quote", value_parser = ["headline", "sapo", "body"])]
        field: Option<String>,
        /// A request for the photo desk.
        #[arg(long, conflicts_with = "reply_to")]
        photo_request: bool,
        /// Reply to this note.
        #[arg(long, value_name = "NOTE_ID")]
        reply_to: Option<i64>,
    },
    /// The article's notes, oldest first, each with its replies.
    List { id: i64 },
    /// Resolve a note (or reopen it).
    Resolve {
        id: i64,
        note_id: i64,
        #[arg(long)]
        reopen: bool,
    },
}

#[derive(Args)]
pub struct UpdateArgs {
    pub id: i64,
    #[arg(long)]
    pub headline: Option<String>,
    #[arg(long)]
    pub sapo: Option<String>,
    /// Plain text, blank lines between paragraphs; `-` reads standard input.
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    #[arg(long)]
    pub section: Option<String>,
    /// Comma-separated; replaces the article's keywords.
    #[arg(long, value_delimiter = ',')]
    pub keywords: Option<Vec<String>>,
}

#[derive(Subcommand)]
pub enum PhotoVerb {
    /// Import photos (JPEG, PNG, WebP, HEIC) in parallel; prints one result per file.
    /// Exits 1 when any file could not be imported (the others are imported).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Attach the photos to this article's photo panel.
        #[arg(long)]
        article: Option<i64>,
        /// Also append each photo to the article's body as a figure (needs --article).
        #[arg(long, requires = "article")]
        figure: bool,
        /// Make the first photo the article's featured image (needs --article).
        #[arg(long, requires = "article")]
        featured: bool,
        /// The figures' caption (default: the file's IPTC/XMP caption).
        #[arg(long, requires = "figure")]
        caption: Option<String>,
        /// The figures' credit (default: the file's IPTC/XMP credit or by-line).
        #[arg(long, requires = "figure")]
        credit: Option<String>,
        /// The figures' alt text.
        #[arg(long, requires = "figure")]
        alt: Option<String>,
    },
    /// Show a photo's record.
    Show { media_id: i64 },
    /// Print the path of a photo's rendition (made on first use).
    Rendition {
        media_id: i64,
        #[arg(long, value_enum)]
        size: Size,
    },
}

#[derive(Subcommand)]
pub enum EndpointVerb {
    /// Add (or update) a WordPress site, or a ninjs receiver (`--type ninjs`). The application
    /// password (ninjs: the signing secret, empty for none) is read from standard input or
    /// BANTHAO_PASSWORD, never from the command line; it goes to the OS keychain.
    Add {
        name: String,
        /// `wordpress` (default) or `ninjs`.
        #[arg(long = "type", value_enum, default_value = "wordpress")]
        kind: EndpointType,
        /// WordPress: the site; ninjs: the resource address items are POSTed to.
        #[arg(long)]
        url: String,
        /// WordPress: the account (required).
        #[arg(long, default_value = "")]
        user: String,
        /// ninjs: where renditions go (default `<url>/assets`).
        #[arg(long)]
        assets_url: Option<String>,
        /// Allow plain http to a host that is not this machine (the password crosses unencrypted).
        #[arg(long)]
        allow_http: bool,
    },
    List,
    /// Check the credentials with the site again.
    Test {
        name: String,
    },
    Remove {
        name: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EndpointType {
    Wordpress,
    Ninjs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Size {
    Web,
    Thumb,
}

#[derive(Args)]
pub struct NewArgs {
    #[arg(long)]
    pub headline: String,
    #[arg(long, default_value = "")]
    pub sapo: String,
    /// Plain UTF-8 text, blank lines between paragraphs.
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    #[arg(long, default_value = "")]
    pub section: String,
    /// Comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub keywords: Vec<String>,
    #[arg(long, default_value = "")]
    pub byline: String,
    #[arg(long, default_value = "")]
    pub dateline: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Html,
    /// IPTC ninjs 2.2 (JSON).
    Ninjs,
    /// The handover file: the article with its photos, notes, history and sync base.
    Banthao,
}

fn parse_shelf(s: &str) -> Result<Shelf, String> {
    Shelf::parse(s).ok_or_else(|| format!("'{s}': use active, archived or trash"))
}

/// A workflow status as the core names it (`draft`, `in_review`, …), or by its Vietnamese
/// or English label with or without marks (`Chờ duyệt`, `cho duyet`, `in review`).
fn parse_sort(s: &str) -> Result<ListSort, String> {
    Ok(match s {
        "updated" => ListSort::Updated,
        "headline" => ListSort::Headline,
        "section" => ListSort::Section,
        "status" => ListSort::Status,
        "author" => ListSort::Author,
        _ => return Err("sắp xếp theo / sort by: updated, headline, section, status, author".into()),
    })
}

fn parse_status(s: &str) -> Result<ArticleStatus, String> {
    let fold = |s: &str| {
        let folded = banthao_text::fold_for_search(s).replace(['_', '-'], " ");
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let wanted = fold(s);
    ArticleStatus::parse(s)
        .or_else(|| {
            ArticleStatus::ALL
                .into_iter()
                .find(|&st| [st.as_str(), status_vi(st), status_en(st)].iter().any(|name| fold(name) == wanted))
        })
        .ok_or_else(|| {
            let names: Vec<&str> = ArticleStatus::ALL.iter().map(|st| st.as_str()).collect();
            format!("trạng thái không có / unknown status '{s}': {}", names.join(", "))
        })
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        format!("vai trò không có / unknown role '{s}': reporter, editor, photo (phóng viên, biên tập viên, ban ảnh)")
    })
}

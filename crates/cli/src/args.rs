//! The command line's shape. Every verb takes `--library DIR`; verbs that print data take `--json`.

use banthao_core::ArticleStatus;
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
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
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
    /// Export an article as JSON or HTML on stdout.
    Export {
        id: i64,
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
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
    /// Add (or update) a WordPress site. The application password is read from standard
    /// input or BANTHAO_PASSWORD, never from the command line; it goes to the OS keychain.
    Add {
        name: String,
        #[arg(long)]
        url: String,
        #[arg(long)]
        user: String,
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
}

/// A workflow status as the core names it (`draft`, `in_review`, …).
fn parse_status(s: &str) -> Result<ArticleStatus, String> {
    ArticleStatus::parse(s).ok_or_else(|| {
        let names: Vec<&str> = ArticleStatus::ALL.iter().map(|st| st.as_str()).collect();
        format!("trạng thái không có / unknown status '{s}': {}", names.join(", "))
    })
}

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

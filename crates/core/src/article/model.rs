//! The article as the rest of the app sees it. These types cross to the UI: their
//! TypeScript twins in `ui/src/bindings/` are generated from here (`make bindings`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::body::BodyDoc;

pub type ArticleId = i64;
pub type RevisionId = i64;

/// Workflow state (trạng thái). Labels live in the UI's locale files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ArticleStatus {
    /// Nháp
    Draft,
    /// Chờ duyệt
    Submitted,
    /// Đang biên tập
    InReview,
    /// Trả lại
    Returned,
    /// Đã duyệt
    Approved,
    /// Hẹn giờ
    Scheduled,
    /// Đã đăng
    Published,
}

impl ArticleStatus {
    pub const ALL: [ArticleStatus; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::InReview,
        Self::Returned,
        Self::Approved,
        Self::Scheduled,
        Self::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::InReview => "in_review",
            Self::Returned => "returned",
            Self::Approved => "approved",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Statuses at or past "Chờ duyệt" (submitted): each photo must have its caption, credit
    /// and alt text before an article moves into one of them.
    pub fn needs_complete_figures(self) -> bool {
        !matches!(self, Self::Draft | Self::Returned)
    }
}

/// A whole article. Times are RFC 3339 in UTC (`2026-11-27T09:40:00Z`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Article {
    #[ts(type = "number")]
    pub id: ArticleId,
    /// Stable identity (UUID) that travels with the article to every endpoint and library.
    pub uid: String,
    /// Tít: plain text.
    pub headline: String,
    /// Sapo: plain text, one paragraph.
    pub sapo: String,
    /// Nội dung: a ProseMirror document (see `body.rs` for the schema).
    pub body: BodyDoc,
    /// Chuyên mục.
    pub section: String,
    /// Từ khóa.
    pub keywords: Vec<String>,
    /// Tác giả.
    pub byline: String,
    /// Địa danh.
    pub dateline: String,
    pub slug: String,
    /// True while the slug follows the headline; false once someone edited it.
    pub slug_auto: bool,
    pub status: ArticleStatus,
    /// Ghi chú biên tập: never published.
    pub editor_note: String,
    /// Ảnh đại diện: one of the article's photos.
    #[ts(type = "number | null")]
    pub featured_media_id: Option<i64>,
    /// Hẹn giờ: when a scheduled article is to be published (RFC 3339, UTC).
    pub scheduled_at: Option<String>,
    /// Increases by one on every save; a save names the version it was based on.
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields for a new article; anything left out starts empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct NewArticle {
    pub headline: String,
    pub sapo: String,
    pub body: Option<BodyDoc>,
    pub section: String,
    pub keywords: Vec<String>,
    pub byline: String,
    pub dateline: String,
    /// A chosen slug; when absent the slug follows the headline.
    pub slug: Option<String>,
    /// The uid of an article that exists elsewhere (pulled from a site, handed over); a new
    /// article gets a fresh one when absent.
    pub uid: Option<String>,
}

/// A save: the fields that changed, and the version they were based on. A save based on
/// an older version than the stored one is refused (someone else saved in between).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct ArticlePatch {
    #[ts(type = "number")]
    pub base_version: i64,
    pub headline: Option<String>,
    pub sapo: Option<String>,
    pub body: Option<BodyDoc>,
    pub section: Option<String>,
    pub keywords: Option<Vec<String>>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// A chosen slug; an empty string hands the slug back to the headline.
    pub slug: Option<String>,
    pub status: Option<ArticleStatus>,
    pub editor_note: Option<String>,
    /// The featured photo (ảnh đại diện); 0 removes it.
    #[ts(optional, type = "number")]
    pub featured_media_id: Option<i64>,
    /// When a scheduled article goes out (RFC 3339); an empty string clears it.
    pub scheduled_at: Option<String>,
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleSummary {
    #[ts(type = "number")]
    pub id: ArticleId,
    pub headline: String,
    pub section: String,
    pub status: ArticleStatus,
    pub updated_at: String,
    /// Tác giả.
    pub byline: String,
}

/// Which articles the list shows: newest change first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct ListQuery {
    pub status: Option<ArticleStatus>,
    /// Only articles with this byline (tác giả), as listed by `Library::authors`.
    pub author: Option<String>,
    #[ts(as = "Option<ListSort>", optional)]
    pub sort: ListSort,
    /// The other way round from the column's natural order (A→Z, workflow order, newest first).
    #[ts(as = "Option<bool>", optional)]
    pub reverse: bool,
    /// The daily list (default), the archive or the trash.
    #[ts(as = "Option<crate::library::Shelf>", optional)]
    pub shelf: crate::library::Shelf,
    pub limit: u32,
    pub offset: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            status: None,
            author: None,
            sort: ListSort::Updated,
            reverse: false,
            shelf: crate::library::Shelf::Active,
            limit: 50,
            offset: 0,
        }
    }
}

/// The column the library list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ListSort {
    /// Newest change first.
    #[default]
    Updated,
    /// Tít, in Vietnamese dictionary order.
    Headline,
    Section,
    /// In workflow order: Nháp, Chờ duyệt… Đã đăng.
    Status,
    /// Tác giả (byline), in Vietnamese dictionary order.
    Author,
}

/// A piece of a search snippet; `hit` pieces match the query. Rendered as text, never HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// A search result. `exact` hits match the query's diacritics too and come first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    #[ts(type = "number")]
    pub id: ArticleId,
    pub headline: String,
    pub section: String,
    pub status: ArticleStatus,
    pub updated_at: String,
    pub snippet: Vec<SnippetPart>,
    pub exact: bool,
}

/// Why a revision was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RevisionReason {
    Created,
    Edited,
    /// The state just before a restore, so a restore can itself be undone.
    BeforeRestore,
    Restored,
    /// Text that could not be saved as the article (a colleague saved first) and was kept
    /// here instead, so it is never lost; restore it to bring it back.
    UnsavedCopy,
    /// Brought from the publishing site (a pull, or a remote change merged in).
    Pulled,
    /// The site's version of an article kept beside a sync conflict, so neither side is lost.
    RemoteCopy,
    /// A change made all at once ("Sửa tất cả", the tone style): a revision of its own, so
    /// restoring the one before it undoes exactly that change.
    BulkFix,
    /// Brought in from a handover file (`.banthao`): the merge of this library's article and
    /// the file's.
    Handover,
}

impl RevisionReason {
    /// Text kept beside the article (it never was the article's content).
    pub fn is_copy(self) -> bool {
        matches!(self, Self::UnsavedCopy | Self::RemoteCopy)
    }
}

/// One entry of an article's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: RevisionId,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    /// Its place in the article's history: 1 is the oldest revision.
    pub number: u32,
    pub created_at: String,
    pub reason: RevisionReason,
    pub headline: String,
    pub tieng: u32,
}

/// Where an article stands in its history (the editor's "Bản N").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevisionMark {
    /// The number of the revision the article's content is at, as the history numbers them.
    pub number: u32,
    /// Until when an edit joins that revision (RFC 3339); none when the next edit starts a new one.
    pub open_until: Option<String>,
}

/// The content of an article at one revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevisionContent {
    pub headline: String,
    pub sapo: String,
    pub body: BodyDoc,
    pub section: String,
    pub keywords: Vec<String>,
    pub byline: String,
    pub dateline: String,
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Revision {
    #[ts(type = "number")]
    pub id: RevisionId,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub created_at: String,
    pub reason: RevisionReason,
    pub content: RevisionContent,
}

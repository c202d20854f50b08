//! Publishing as the UI and the CLI see it: endpoint profiles, outbox jobs, each article's
//! sync state, conflicts. TypeScript twins generated (`make bindings`). No secret here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::model::{ArticleId, ArticleStatus};
use crate::error::ErrorPayload;

pub type EndpointId = i64;
pub type JobId = i64;

/// Which remote status each workflow status becomes (settable per profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct StatusMap {
    pub draft: String,
    pub submitted: String,
    pub in_review: String,
    pub returned: String,
    pub approved: String,
    pub scheduled: String,
    pub published: String,
}

impl Default for StatusMap {
    /// Nháp, Trả lại → draft; Chờ duyệt, Đang biên tập, Đã duyệt → pending; Hẹn giờ → future;
    /// Đã đăng → publish.
    fn default() -> Self {
        StatusMap {
            draft: "draft".into(),
            submitted: "pending".into(),
            in_review: "pending".into(),
            returned: "draft".into(),
            approved: "pending".into(),
            scheduled: "future".into(),
            published: "publish".into(),
        }
    }
}

/// WordPress post statuses a profile may map to.
pub const REMOTE_STATUSES: [&str; 5] = ["draft", "pending", "private", "future", "publish"];

impl StatusMap {
    pub fn remote(&self, status: ArticleStatus) -> &str {
        match status {
            ArticleStatus::Draft => &self.draft,
            ArticleStatus::Submitted => &self.submitted,
            ArticleStatus::InReview => &self.in_review,
            ArticleStatus::Returned => &self.returned,
            ArticleStatus::Approved => &self.approved,
            ArticleStatus::Scheduled => &self.scheduled,
            ArticleStatus::Published => &self.published,
        }
    }

    /// The workflow status a pulled post gets: the first one that maps to its remote status
    /// (pending → Chờ duyệt, draft → Nháp, future → Hẹn giờ, publish → Đã đăng).
    pub fn local(&self, remote: &str) -> ArticleStatus {
        ArticleStatus::ALL.into_iter().find(|s| self.remote(*s) == remote).unwrap_or(ArticleStatus::Draft)
    }

    pub fn values(&self) -> [&str; 7] {
        ArticleStatus::ALL.map(|s| self.remote(s))
    }
}

/// What a profile publishes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EndpointKind {
    /// A WordPress site over its REST API (user name + application password).
    #[default]
    Wordpress,
    /// A newsroom CMS that takes IPTC ninjs items over HTTP, Superdesk-style (renditions to
    /// the assets address, then the item to the resource address, optionally signed).
    Ninjs,
}

impl EndpointKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointKind::Wordpress => "wordpress",
            EndpointKind::Ninjs => "ninjs",
        }
    }

    pub fn parse(s: &str) -> EndpointKind {
        if s == "ninjs" {
            EndpointKind::Ninjs
        } else {
            EndpointKind::Wordpress
        }
    }
}

/// A publishing endpoint profile. The password is in the OS keychain, never here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Endpoint {
    #[ts(type = "number")]
    pub id: EndpointId,
    pub name: String,
    pub kind: EndpointKind,
    /// The site's address, e.g. `https://baomoi.example.vn` (no `/wp-json`); for ninjs, the
    /// resource address items are POSTed to.
    pub url: String,
    /// ninjs: where renditions are checked (`GET <assets>/<id>`) and uploaded (`POST`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub assets_url: Option<String>,
    /// ninjs: a secret signs every request (`x-superdesk-signature`); it lives in the keychain.
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub signed: bool,
    /// WordPress: the account; empty for ninjs.
    pub username: String,
    /// Plain `http` to a host that is not this machine, allowed explicitly by the user.
    pub allow_http: bool,
    pub status_map: StatusMap,
    pub created_at: String,
    /// When the site last accepted the credentials.
    pub checked_at: Option<String>,
    /// What names the password in the OS keychain (not a secret; never sent to the window).
    #[serde(skip)]
    #[ts(skip)]
    pub secret_key: String,
}

/// What the settings screen and `banthao endpoint add` send.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct EndpointInput {
    pub name: String,
    /// WordPress when left out.
    #[ts(as = "Option<EndpointKind>", optional)]
    pub kind: EndpointKind,
    pub url: String,
    /// ninjs: the assets address; `<url>/assets` when left out.
    pub assets_url: Option<String>,
    pub username: String,
    pub allow_http: bool,
    pub status_map: Option<StatusMap>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JobState {
    /// Waiting to be sent (again, after a retryable failure, at `next_attempt_at`).
    Queued,
    /// A worker is sending it now (a crash leaves it here; the next worker takes it over).
    Sending,
    /// Stopped on an error a person must look at (the site refused it); "Thử lại" queues it.
    Failed,
    /// The post changed on the site in the same places as here: a person must choose.
    Conflict,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Sending => "sending",
            JobState::Failed => "failed",
            JobState::Conflict => "conflict",
        }
    }

    pub fn parse(s: &str) -> JobState {
        match s {
            "sending" => JobState::Sending,
            "failed" => JobState::Failed,
            "conflict" => JobState::Conflict,
            _ => JobState::Queued,
        }
    }
}

/// One outbox job: "send this article to this endpoint".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncJob {
    #[ts(type = "number")]
    pub id: JobId,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub headline: String,
    #[ts(type = "number")]
    pub endpoint_id: EndpointId,
    pub endpoint_name: String,
    pub state: JobState,
    pub attempts: u32,
    pub next_attempt_at: String,
    /// The last failure, in the user's language.
    pub error: Option<ErrorPayload>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the list and the editor show about an article's publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SyncBadge {
    /// Đã đồng bộ: the site has this version.
    Synced,
    /// Đã sửa: changed here since the last sync, not sent yet.
    Changed,
    /// Đang chờ: queued (maybe retrying after a network error).
    Pending,
    /// Đang gửi.
    Sending,
    /// Lỗi: stopped; the reason says why ("Thử lại" sends again).
    Error,
    /// Xung đột: changed here and on the site in the same place.
    Conflict,
    /// The post was trashed or deleted on the site.
    RemoteGone,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleSync {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub badge: SyncBadge,
    #[ts(type = "number")]
    pub endpoint_id: EndpointId,
    pub endpoint_name: String,
    #[ts(type = "number | null")]
    pub remote_id: Option<i64>,
    pub link: Option<String>,
    pub synced_at: Option<String>,
    /// Why it failed or what the person must do, in the user's language.
    pub error: Option<ErrorPayload>,
    pub attempts: u32,
    pub next_attempt_at: Option<String>,
}

/// One side-by-side choice of a conflict: a field or a run of body blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictHunk {
    /// `headline`, `sapo`, `section`, `keywords`, `status`, `slug` or `body`.
    pub field: String,
    /// Plain text of each side, for showing; the stored merge keeps the structure.
    pub base: Vec<String>,
    pub local: Vec<String>,
    pub remote: Vec<String>,
}

/// A sync that needs a person: both sides changed the same place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncConflict {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub hunks: Vec<ConflictHunk>,
    /// The site's version as a full article body state (JSON), kept to finish the merge.
    #[ts(skip)]
    #[serde(default)]
    pub merge_state: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictSide {
    Local,
    Remote,
}

/// Where an endpoint's password was put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PasswordKept {
    /// In the OS keychain (Secret Service).
    Keychain,
    /// No keychain on this machine: kept in memory until the app closes, never on disk.
    SessionOnly,
}

/// An endpoint whose credentials the site accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EndpointCheck {
    pub endpoint: Endpoint,
    pub password_kept: PasswordKept,
    /// The account's display name on the site.
    pub remote_user: String,
}

/// What the window shows while the outbox is being sent ("Đang gửi 2/5").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncProgress {
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub headline: String,
    pub done: u32,
    pub total: u32,
    /// `sending`, `sent`, `retrying`, `failed` or `conflict`.
    pub phase: String,
}

/// Cumulative progress of a pull.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PullProgress {
    pub done: u32,
    pub total: u32,
}

/// What a pull brought.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PullSummary {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub conflicts: u32,
}

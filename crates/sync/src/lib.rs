//! Bản Thảo sync: publishing endpoints (WordPress REST first), the outbox worker that sends
//! queued jobs with retries, remote bases and the three-way block merge. No Tauri here.
//! The library (banthao-core) holds profiles, jobs and bases; this crate does the talking.

pub mod access;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod http;
pub mod ninjs;
/// The generic three-way merge (diff3) lives in the core, which merges local edits too.
pub use banthao_core::merge;
pub mod wordpress;
pub mod worker;

pub use access::LibraryAccess;
pub use credentials::Secrets;
pub use error::{SyncError, SyncResult};

//! Bản Thảo core: the article model and its body schema, the local library (SQLite),
//! revisions, search, and the publishing records (endpoint profiles, the outbox, sync bases)
//! that `banthao-sync` works from. No Tauri here: the desktop shell and the `banthao` CLI are two
//! thin doors onto [`Library`].

pub mod article;
pub mod checks;
pub mod desk;
pub mod error;
pub mod export;
pub mod interchange;
pub mod library;
pub mod media;
pub mod merge;
pub mod preview;
pub mod settings;
pub mod sync;
pub mod time;

pub use article::body::{BodyDoc, PmMark, PmNode};
pub use article::model::*;
pub use error::{Error, ErrorCode, ErrorPayload, Lang, Result};
pub use library::{Library, LibraryInfo};
pub use settings::{Locale, Settings, WindowGeometry};

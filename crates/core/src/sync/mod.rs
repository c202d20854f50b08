//! What the library keeps for publishing: endpoint profiles (no secrets), the outbox, each
//! article's sync base, photos already on each site. The talking is `banthao-sync`'s.

pub mod endpoints;
pub mod model;
mod outbox;
mod state;

pub use model::*;
pub use outbox::SENDING_LEASE_SECS;
pub(crate) use state::write_synced;
pub use state::{RemoteMedia, SyncRecord, SyncedBase};

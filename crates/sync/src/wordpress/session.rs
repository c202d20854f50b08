//! One conversation with one site: the endpoint, the client, and the library reached through
//! [`LibraryAccess`]. Push and pull work through a session.

use banthao_core::sync::Endpoint;
use banthao_core::Library;

use super::client::WpClient;
use crate::access::LibraryAccess;
use crate::error::SyncResult;

pub struct Session<'a, A: LibraryAccess> {
    pub access: &'a A,
    pub client: WpClient<'a>,
    pub endpoint: Endpoint,
}

impl<'a, A: LibraryAccess> Session<'a, A> {
    /// Runs `f` on the library (briefly: never across a network call).
    pub fn lib<R>(&self, f: impl FnOnce(&mut Library) -> banthao_core::Result<R>) -> SyncResult<R> {
        Ok(self.access.with_library(f)?)
    }
}

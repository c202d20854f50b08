//! `banthao export ID --format banthao --out FILE` and `banthao import FILE.banthao`.

use banthao_core::{Error, Library, Result};
use std::path::Path;

use crate::interchange_verbs::Imported;

pub(crate) fn export(library: &Library, id: i64, out: Option<&Path>, json: bool) -> Result<()> {
    let _ = (library, id, out, json);
    Err(Error::InvalidInput("handover export is not built yet".into()))
}

pub(crate) fn import(library: &mut Library, file: &Path) -> Result<Imported> {
    let _ = library;
    Err(Error::InvalidInput(format!("{}: handover import is not built yet", file.display())))
}

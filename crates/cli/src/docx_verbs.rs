//! `banthao import FILE.docx`: a Word document as a new article.

use banthao_core::{Error, Library, Result};
use std::path::Path;

use crate::interchange_verbs::Imported;

pub(crate) fn import(library: &mut Library, file: &Path) -> Result<Imported> {
    let _ = library;
    Err(Error::InvalidInput(format!("{}: Word import is not built yet", file.display())))
}

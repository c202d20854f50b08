//! The system dictionary: Debian's `hunspell-vi` (GPL-2), read at run time, never compiled in.

use std::path::PathBuf;

/// `$BANTHAO_HUNSPELL_DIC`, else Debian's `hunspell-vi` location.
pub fn system_dictionary_path() -> PathBuf {
    std::env::var_os("BANTHAO_HUNSPELL_DIC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/hunspell/vi_VN.dic"))
}

/// The dictionary's text, or `None` when it is not installed (checks then run on rules only).
pub(super) fn read_system_dictionary() -> Option<String> {
    std::fs::read_to_string(system_dictionary_path()).ok()
}

//! The handover file (`.banthao`): one article with its photos, notes, history and sync base,
//! versioned and checksummed, carried between libraries and merged on arrival.

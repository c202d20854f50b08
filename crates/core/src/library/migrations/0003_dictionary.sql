-- Schema 3: the newsroom's own words ("add to dictionary"): names, acronyms, terms the
-- system dictionary lacks. Stored in NFC.
CREATE TABLE user_words (
  word     TEXT PRIMARY KEY,
  added_at TEXT NOT NULL
) WITHOUT ROWID;

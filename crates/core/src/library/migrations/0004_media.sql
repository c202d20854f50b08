-- Schema 4: photos. Originals are stored content-addressed under media/originals/ (the hash
-- is the SHA-256 of the file as imported), so the same photo imported twice is stored once.
CREATE TABLE media (
  id            INTEGER PRIMARY KEY,
  hash          TEXT NOT NULL UNIQUE,
  format        TEXT NOT NULL,
  width         INTEGER NOT NULL,          -- as shown, after EXIF orientation
  height        INTEGER NOT NULL,
  bytes         INTEGER NOT NULL,
  original_name TEXT NOT NULL,
  caption       TEXT NOT NULL DEFAULT '',  -- from the file's IPTC/XMP: prefills figures
  credit        TEXT NOT NULL DEFAULT '',
  by_line       TEXT NOT NULL DEFAULT '',
  copyright     TEXT NOT NULL DEFAULT '',
  keywords      TEXT NOT NULL DEFAULT '[]',
  date_taken    TEXT,
  camera        TEXT,
  had_gps       INTEGER NOT NULL DEFAULT 0, -- the original has a position; renditions never do
  imported_at   TEXT NOT NULL
);

CREATE TABLE article_media (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  media_id   INTEGER NOT NULL REFERENCES media (id),
  added_at   TEXT NOT NULL,
  PRIMARY KEY (article_id, media_id)
) WITHOUT ROWID;

ALTER TABLE articles ADD COLUMN featured_media_id INTEGER REFERENCES media (id);

-- Photo browser search over captions, credits and file names, folded like article search.
CREATE VIRTUAL TABLE media_search USING fts5 (
  folded, exact,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

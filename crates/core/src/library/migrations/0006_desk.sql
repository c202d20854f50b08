-- Schema 6: the editor's desk. Who made an article; every workflow step (who, when, from, to,
-- why); notes anchored to the text, with replies; an editor's changes the reporter accepted.
ALTER TABLE articles ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

CREATE TABLE transitions (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  role         TEXT NOT NULL,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',   -- why (required to return an article)
  overridden   TEXT NOT NULL DEFAULT '[]', -- JSON: checklist items approved over, with `note` saying why
  scheduled_at TEXT                        -- Hẹn giờ: the time chosen
);
CREATE INDEX transitions_by_article ON transitions (article_id, id);

-- Notes are never published: no export meant for readers reads this table.
CREATE TABLE notes (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  parent_id     INTEGER REFERENCES notes (id) ON DELETE CASCADE,  -- a reply
  author        TEXT NOT NULL,
  role          TEXT NOT NULL,
  text          TEXT NOT NULL,
  photo_request INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  resolved_at   TEXT,
  resolved_by   TEXT,
  -- The anchor: a character range of one field (`body`: a text block, by reading order). NULL
  -- field: a general note. `detached`: the range was deleted; the quote says what it was.
  field         TEXT,
  block         INTEGER,
  start_char    INTEGER,
  end_char      INTEGER,
  quote         TEXT NOT NULL DEFAULT '',
  detached      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notes_by_article ON notes (article_id, id);

-- "Accept" on one of an editor's changes, so it is not asked again.
CREATE TABLE accepted_changes (
  article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  from_revision INTEGER NOT NULL,
  change_key    TEXT NOT NULL,
  accepted_by   TEXT NOT NULL,
  accepted_at   TEXT NOT NULL,
  PRIMARY KEY (article_id, from_revision, change_key)
);

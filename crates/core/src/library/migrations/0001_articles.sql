-- Schema 1: articles, their revisions, and per-library settings.
CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  headline    TEXT NOT NULL DEFAULT '',
  sapo        TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,                 -- ProseMirror JSON, validated by the core
  body_text   TEXT NOT NULL DEFAULT '',      -- plain text of body: search, counts
  section     TEXT NOT NULL DEFAULT '',
  keywords    TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
  byline      TEXT NOT NULL DEFAULT '',
  dateline    TEXT NOT NULL DEFAULT '',
  slug        TEXT NOT NULL DEFAULT '',
  slug_auto   INTEGER NOT NULL DEFAULT 1,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft','submitted','in_review','returned','approved','scheduled','published')),
  editor_note TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX articles_by_update ON articles (updated_at DESC, id DESC);
CREATE INDEX articles_by_status ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_by_slug ON articles (slug);

CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  opened_at   TEXT NOT NULL,                 -- start of the editing burst it covers
  created_at  TEXT NOT NULL,                 -- time of the content it holds
  reason      TEXT NOT NULL,
  headline    TEXT NOT NULL,
  tieng       INTEGER NOT NULL,
  content     TEXT NOT NULL                  -- JSON RevisionContent
);
CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

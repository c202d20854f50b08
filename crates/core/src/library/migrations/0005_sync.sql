-- Schema 5: publishing. Every article gets a stable uid (a UUID v4) that travels with it: to
-- WordPress (a marker in the post), in handover files, as the ninjs uri. Integer ids stay local.
ALTER TABLE articles ADD COLUMN uid TEXT;
ALTER TABLE articles ADD COLUMN scheduled_at TEXT;  -- Hẹn giờ: when a scheduled article goes out (UTC)
CREATE TRIGGER articles_uid AFTER INSERT ON articles WHEN NEW.uid IS NULL
BEGIN
  UPDATE articles SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
      substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
      substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE id = NEW.id;
END;
UPDATE articles SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX articles_by_uid ON articles (uid);

-- Publishing endpoints. No secret here: passwords live in the OS keychain.
CREATE TABLE endpoints (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL DEFAULT 'wordpress',
  url         TEXT NOT NULL,
  username    TEXT NOT NULL,
  allow_http  INTEGER NOT NULL DEFAULT 0,
  status_map  TEXT NOT NULL DEFAULT '{}',   -- JSON StatusMap: article status → remote status
  created_at  TEXT NOT NULL,
  checked_at  TEXT,                         -- last time the credentials were accepted
  -- Names this profile's password in the OS keychain: random, so that profiles of two
  -- libraries on one machine never share (or remove) each other's password.
  secret_key  TEXT NOT NULL DEFAULT (lower(hex(randomblob(12))))
);

-- What an article's post looked like at its last sync: the base of the three-way merge, and
-- the marker (modified_gmt + newest revision) checked before every update.
CREATE TABLE sync_state (
  article_id      INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  endpoint_id     INTEGER NOT NULL REFERENCES endpoints (id),
  remote_id       INTEGER,
  link            TEXT,
  remote_modified TEXT,
  remote_revision INTEGER,
  base            TEXT,                     -- JSON RemoteBase, as the server returned it
  synced_version  INTEGER,                  -- the article version that base matches
  synced_at       TEXT,
  conflict        TEXT,                     -- JSON SyncConflict while a person must choose
  remote_gone     TEXT                      -- 'trash' or 'deleted' when the post went away
);

-- The outbox: one open job per article, written in the same transaction as the state it sends.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  endpoint_id     INTEGER NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
  state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'failed', 'conflict')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_by      TEXT,                     -- the sending process (pid/start time): a dead one's claim is void
  error_code      TEXT,
  error_vi        TEXT,
  error_en        TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX outbox_one_job_per_article ON outbox (article_id);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Photos on a site: one media item per (photo, crop/rotation) per endpoint, uploaded once.
CREATE TABLE remote_media (
  endpoint_id INTEGER NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
  media_hash  TEXT NOT NULL,
  pixels      TEXT NOT NULL,                -- crop and rotation the uploaded file shows
  remote_id   INTEGER NOT NULL,
  url         TEXT NOT NULL,
  meta        TEXT NOT NULL DEFAULT '',     -- caption/alt/credit last sent (JSON), to update only on change
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (endpoint_id, media_hash, pixels)
) WITHOUT ROWID;

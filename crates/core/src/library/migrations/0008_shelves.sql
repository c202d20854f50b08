-- Schema 8: an article can be archived (kept and searchable, out of the daily list) or put
-- in the trash (out of every list, queue and search until it is restored or the trash is
-- emptied). Both are times, so the trash lists what went in last first.
ALTER TABLE articles ADD COLUMN archived_at TEXT;
ALTER TABLE articles ADD COLUMN trashed_at TEXT;
CREATE INDEX articles_in_trash ON articles (trashed_at DESC) WHERE trashed_at IS NOT NULL;

-- A workflow step remembers the revision the article was at when it was taken, so "what
-- changed since it was handed in" does not depend on two clocks landing in different
-- milliseconds (older steps fall back to comparing times).
ALTER TABLE transitions ADD COLUMN revision_id INTEGER;

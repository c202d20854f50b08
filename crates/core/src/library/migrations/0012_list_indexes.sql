-- Schema 12: what the window asks for before the list is on screen — the article count, the
-- shelf counts, the authors and sections of the filters — comes from small indexes. Without
-- them each was a scan of every article, and since `byline`, `section`, `archived_at` and
-- `trashed_at` are stored after the body, a scan reads every body's overflow pages too
-- (the whole file, at 100,000 articles). `trashed_at` is in the partial indexes so that
-- SQLite reads them alone (it checks the condition again from the index).
CREATE INDEX articles_archived ON articles (archived_at DESC, trashed_at)
  WHERE archived_at IS NOT NULL AND trashed_at IS NULL;
CREATE INDEX articles_by_byline ON articles (byline, trashed_at) WHERE trashed_at IS NULL;
CREATE INDEX articles_by_section ON articles (section);

-- Schema 7: findings the newsroom chose to ignore ("Bỏ qua"), per article. Kept by the kind,
-- the flagged text as written and the word on either side (lowercase, '' at the edge of its
-- text): an edit elsewhere keeps the ignore, retyping the flagged text or its neighbours ends it.
CREATE TABLE ignored_findings (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  word_before TEXT NOT NULL,
  word_after  TEXT NOT NULL,
  ignored_at  TEXT NOT NULL,
  PRIMARY KEY (article_id, kind, text, word_before, word_after)
) WITHOUT ROWID;

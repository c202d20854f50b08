-- Schema 2: the search index. FTS rowids follow the order of changes (newest = largest), so
-- `ORDER BY rowid DESC LIMIT n` lists newest hits first and stops early.
-- `folded` holds text folded by the core (bt_fold: NFC, no diacritics, đ→d, lowercase);
-- `exact` holds NFC lowercase text, for ranking exact-diacritic hits first.
ALTER TABLE articles ADD COLUMN search_rowid INTEGER;
CREATE UNIQUE INDEX articles_by_search_rowid ON articles (search_rowid);

CREATE VIEW article_search_source AS
  SELECT id, search_rowid,
         headline || char(10) || sapo || char(10) || section || char(10) || byline || char(10) ||
         dateline || char(10) ||
         coalesce((SELECT group_concat(value, ', ') FROM json_each(articles.keywords)), '') ||
         char(10) || body_text AS doc
  FROM articles;

CREATE VIRTUAL TABLE article_search USING fts5 (
  folded, exact,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

UPDATE articles SET search_rowid = (
  SELECT n FROM (SELECT id AS aid, row_number() OVER (ORDER BY updated_at, id) AS n FROM articles)
  WHERE aid = articles.id
);
INSERT INTO article_search (rowid, folded, exact)
  SELECT search_rowid, bt_fold(doc), bt_exact(doc) FROM article_search_source;

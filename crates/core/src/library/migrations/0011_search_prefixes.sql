-- Schema 11: prefix indexes for search as you type. The last word of a query is matched as a
-- prefix; without a prefix index FTS5 reads and merges the whole doclist of every term that
-- starts with it before returning the first row, so a common syllable cost 20 ms or more at
-- 100,000 articles. With an index for each prefix length a query can have (a folded
-- Vietnamese syllable has at most 7 letters: "nghieng"), the prefix is one term, read newest
-- first and stopped at the limit like any other. An FTS5 table's options are fixed at its
-- creation, so the index is built again from the articles (same rowids, same text).
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5 (
  folded, exact,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '1 2 3 4 5 6 7'
);
INSERT INTO article_search (rowid, folded, exact)
  SELECT search_rowid, bt_fold(doc), bt_exact(doc) FROM article_search_source
  WHERE search_rowid IS NOT NULL;

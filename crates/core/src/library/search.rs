//! Diacritic-insensitive search. The index holds each article twice: folded (`duong kinh`)
//! and exact (`dương kinh`). A query with diacritics first takes its exact hits, then the
//! folded ones; each pass walks FTS rowids newest first and stops at the limit.

use rusqlite::params;
use std::collections::HashSet;

use super::connection::exact_form;
use super::snippet::snippet;
use super::Library;
use crate::article::model::*;
use crate::error::Result;

/// The query's words, each quoted for FTS5 (so no user text is read as FTS syntax); the last
/// word matches as a prefix, for search as you type.
pub(crate) fn fts_terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

pub(crate) fn fts_query(column: &str, terms: &[String]) -> String {
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
    format!("{column} : ({}*)", quoted.join(" "))
}

impl Library {
    pub fn search(&self, query: &str, status: Option<ArticleStatus>, limit: u32) -> Result<Vec<SearchHit>> {
        let folded_terms = fts_terms(&banthao_text::fold_for_search(query));
        if folded_terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let exact_terms = fts_terms(&exact_form(query));
        let limit = limit.min(500);
        let mut hits: Vec<(Candidate, bool)> = Vec::new();
        let mut seen = HashSet::new();
        if exact_terms != folded_terms {
            for a in self.search_pass(&fts_query("exact", &exact_terms), status, limit)? {
                seen.insert(a.id);
                hits.push((a, true));
            }
        }
        if hits.len() < limit as usize {
            let wanted = limit + seen.len() as u32;
            for a in self.search_pass(&fts_query("folded", &folded_terms), status, wanted)? {
                if hits.len() >= limit as usize {
                    break;
                }
                if seen.insert(a.id) {
                    hits.push((a, false));
                }
            }
        }
        Ok(hits
            .into_iter()
            .map(|(a, exact)| SearchHit {
                snippet: snippet(&[&a.sapo, &a.body_text, &a.headline], &folded_terms),
                id: a.id,
                headline: a.headline,
                section: a.section,
                status: a.status,
                updated_at: a.updated_at,
                exact,
            })
            .collect())
    }

    fn search_pass(&self, fts: &str, status: Option<ArticleStatus>, limit: u32) -> Result<Vec<Candidate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.headline, a.section, a.status, a.updated_at, a.sapo, a.body_text
             FROM article_search s JOIN articles a ON a.search_rowid = s.rowid
             WHERE article_search MATCH ?1 AND (?2 IS NULL OR a.status = ?2) AND a.trashed_at IS NULL
             ORDER BY s.rowid DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![fts, status.map(|s| s.as_str()), limit], |r| {
            Ok(Candidate {
                id: r.get(0)?,
                headline: r.get(1)?,
                section: r.get(2)?,
                status: ArticleStatus::parse(&r.get::<_, String>(3)?).unwrap_or(ArticleStatus::Draft),
                updated_at: r.get(4)?,
                sapo: r.get(5)?,
                body_text: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What a hit needs: the list fields and the plain text its snippet is cut from.
struct Candidate {
    id: ArticleId,
    headline: String,
    section: String,
    status: ArticleStatus,
    updated_at: String,
    sapo: String,
    body_text: String,
}

//! Search as you type on a large library: the library's search (FTS5 with prefix indexes)
//! against today's plan before them, the same two passes over an FTS5 table without prefix
//! indexes holding the same text, in the same file and run.
//!
//! `--only search [--articles N] [--keep DIR]`: with `--keep`, the generated library is made
//! once in DIR and reused by later runs (1,000,000 articles take a while to generate).

use banthao_core::Library;
use rusqlite::Connection;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::library_bench;
use crate::stats::{ms, ratio, Samples};

/// What a reporter types into the search box, one keystroke at a time: each prefix of each
/// query is searched, as the list does while it is typed (no diacritics, and with them).
const TYPED: &[&str] = &[
    "da nang",
    "duong kinh",
    "an toan giao thong",
    "phong chay chua chay",
    "ubnd quan",
    "tiem chung",
    "thoat nuoc",
    "ho ngheo",
    "trien khai",
    "bac si",
    "đà nẵng",
    "hải phòng",
    "khánh hòa",
    "người dân",
    "kiểm tra",
];

/// The reference: today's index (no prefix indexes), filled from the same articles.
const REFERENCE_TABLE: &str = "article_search_without_prefixes";

pub fn run(tmp: &Path, articles: usize, keep: Option<&Path>) {
    let dir = keep.map(Path::to_path_buf).unwrap_or_else(|| tmp.join("search-library"));
    let fresh = !dir.join(banthao_core::library::DB_FILE).exists();
    if fresh {
        eprintln!("building a library of {articles} generated articles…");
        drop(library_bench::build_library(&dir, articles));
    }
    let lib = Library::open(&dir).unwrap();
    let count: i64 = lib.connection().query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    build_reference(lib.connection());
    let queries = typed_prefixes();
    let mut ours = Vec::new();
    let mut reference = Vec::new();
    for _ in 0..3 {
        for q in &queries {
            let t = Instant::now();
            let hits = lib.search(q, None, 20).unwrap();
            ours.push(t.elapsed());
            let t = Instant::now();
            let n = today(lib.connection(), q);
            reference.push(t.elapsed());
            assert_eq!(hits.len(), n, "{q}: the same number of hits as today's plan");
        }
    }
    let (ours, reference) = (Samples(ours), Samples(reference));
    println!(
        "search as you type, {count} articles, {} keystrokes × 3   p50 {}  p95 {}  max {}   (today's plan, no prefix indexes: p50 {}  p95 {}  max {})   ratio p50 {}  p95 {}",
        queries.len(),
        ms(ours.p50()),
        ms(ours.percentile(0.95)),
        ms(max(&ours)),
        ms(reference.p50()),
        ms(reference.percentile(0.95)),
        ms(max(&reference)),
        ratio(ours.p50(), reference.p50()),
        ratio(ours.percentile(0.95), reference.percentile(0.95)),
    );
    if count <= 200_000 {
        upgrade(lib.connection());
    }
    drop(lib);
    // What the prefix indexes cost: every save re-indexes the article into them.
    library_bench::autosave(&dir);
}

/// The one-time wait when a library from before schema 11 is opened: the migration's own SQL
/// (the index dropped and built again with prefix indexes), against the same rebuild without
/// the `prefix` option; each in a savepoint rolled back afterwards.
fn upgrade(conn: &Connection) {
    let sql = banthao_core::library::migrate::MIGRATIONS[10];
    assert!(sql.contains("prefix = '1 2 3 4 5 6 7'"), "MIGRATIONS[10] is the search migration");
    let timed = |sql: &str| {
        let t = Instant::now();
        conn.execute_batch(&format!("SAVEPOINT upgrade; {sql}")).unwrap();
        let took = t.elapsed();
        conn.execute_batch("ROLLBACK TO upgrade; RELEASE upgrade").unwrap();
        took
    };
    let without = sql.replace(",\n  prefix = '1 2 3 4 5 6 7'", "");
    assert_ne!(without, sql);
    let ours = timed(sql);
    let reference = timed(&without);
    println!(
        "re-index once on upgrading an older library (migration 0011)   {:.1} s   (the same rebuild without prefix indexes: {:.1} s)   ratio {}",
        ours.as_secs_f64(),
        reference.as_secs_f64(),
        ratio(ours, reference)
    );
}

fn max(s: &Samples) -> Duration {
    s.0.iter().copied().max().unwrap_or_default()
}

/// Every prefix of every typed query that ends inside a word or after one (the box searches
/// from the first character).
fn typed_prefixes() -> Vec<String> {
    let mut out = Vec::new();
    for q in TYPED {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            if chars[n - 1] != ' ' {
                out.push(chars[..n].iter().collect());
            }
        }
    }
    out
}

/// Builds the reference table unless a kept library has it.
fn build_reference(conn: &Connection) {
    let exists: bool = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = ?1", [REFERENCE_TABLE], |r| r.get::<_, i64>(0))
        .unwrap()
        > 0;
    if exists {
        return;
    }
    let t = Instant::now();
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE {REFERENCE_TABLE} USING fts5 (folded, exact, content = '', contentless_delete = 1,
           tokenize = 'unicode61 remove_diacritics 0');
         INSERT INTO {REFERENCE_TABLE} (rowid, folded, exact)
           SELECT search_rowid, bt_fold(doc), bt_exact(doc) FROM article_search_source;"
    ))
    .unwrap();
    eprintln!("  reference index (no prefix indexes) built in {:.1} s", t.elapsed().as_secs_f64());
}

/// Today's plan: the exact pass when the query has diacritics, then the folded pass, each
/// newest first with the last word as a prefix — the same SQL as the library's, on the
/// reference table. Returns how many articles it found (at most 20).
fn today(conn: &Connection, query: &str) -> usize {
    let folded = terms(&banthao_text::fold_for_search(query));
    let exact = terms(&banthao_core::library::connection::exact_form(query));
    let mut seen = std::collections::HashSet::new();
    let pass = |column: &str, terms: &[String], limit: usize, seen: &mut std::collections::HashSet<i64>| {
        let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
        let fts = format!("{column} : ({}*)", quoted.join(" "));
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT a.id, a.headline, a.section, a.status, a.updated_at, a.sapo, a.body_text
                 FROM {REFERENCE_TABLE} s JOIN articles a ON a.search_rowid = s.rowid
                 WHERE {REFERENCE_TABLE} MATCH ?1 AND a.trashed_at IS NULL
                 ORDER BY s.rowid DESC LIMIT ?2"
            ))
            .unwrap();
        let ids: Vec<i64> =
            stmt.query_map(rusqlite::params![fts, limit as i64], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for id in ids {
            if seen.len() < 20 {
                seen.insert(id);
            }
        }
    };
    if exact != folded {
        pass("exact", &exact, 20, &mut seen);
    }
    if seen.len() < 20 {
        let wanted = 20 + seen.len();
        pass("folded", &folded, wanted, &mut seen);
    }
    seen.len()
}

fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

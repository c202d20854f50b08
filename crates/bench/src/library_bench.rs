//! Library figures on a generated library: open + first page, autosave (search: search_bench). Each is
//! printed beside the same work done with bare SQL on the same file, in the same run.

use banthao_core::article::render::doc_from_plain_text;
use banthao_core::{ArticlePatch, Library, ListQuery, NewArticle};
use rusqlite::Connection;
use std::path::Path;
use std::time::Instant;

use crate::generate::{self, Rng};
use crate::stats::{ms, ratio, Samples};

/// Builds a library of `n` articles in `dir` through the core API (sync off while building:
/// the build is set-up, not what is measured).
pub fn build_library(dir: &Path, n: usize) -> Library {
    let t = Instant::now();
    let mut lib = Library::open(dir).unwrap();
    lib.connection().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let mut rng = Rng::new(42);
    for i in 0..n {
        let tieng = 60 + (rng.next() % 240) as usize;
        let body = generate::paragraphs(&mut rng, tieng).join("\n\n");
        lib.create_article(NewArticle {
            headline: generate::headline(&mut rng),
            sapo: generate::sentence(&mut rng),
            body: Some(doc_from_plain_text(&body)),
            section: rng.pick(generate::SECTIONS).to_string(),
            ..Default::default()
        })
        .unwrap();
        if (i + 1) % 10_000 == 0 {
            eprintln!("  … {} articles ({:.0} s)", i + 1, t.elapsed().as_secs_f64());
        }
    }
    lib.connection().execute_batch("PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    eprintln!("  built {n} articles in {:.1} s", t.elapsed().as_secs_f64());
    lib
}

pub fn open_and_first_page(dir: &Path) {
    let ours = Samples::collect(20, || {
        let lib = Library::open(dir).unwrap();
        let page = lib.list_articles(&ListQuery::default()).unwrap();
        assert_eq!(page.len(), 50);
    });
    let bare = Samples::collect(20, || {
        let conn = Connection::open(dir.join(banthao_core::library::DB_FILE)).unwrap();
        let mut stmt = conn
            .prepare("SELECT id, headline, section, status, updated_at FROM articles ORDER BY updated_at DESC, id DESC LIMIT 50")
            .unwrap();
        let n = stmt.query_map([], |_| Ok(())).unwrap().count();
        assert_eq!(n, 50);
    });
    println!(
        "open library + first page of 50     p50 {}   (bare rusqlite open + SELECT: {})   ratio {}",
        ms(ours.p50()),
        ms(bare.p50()),
        ratio(ours.p50(), bare.p50())
    );
}

pub fn autosave(dir: &Path) {
    let mut lib = Library::open(dir).unwrap();
    let mut rng = Rng::new(7);
    let text = generate::paragraphs(&mut rng, 5000).join("\n\n");
    let tieng = banthao_text::count_tieng(&text);
    let mut article = lib
        .create_article(NewArticle {
            headline: "Bài dài".into(),
            body: Some(doc_from_plain_text(&text)),
            ..Default::default()
        })
        .unwrap();
    let mut variants: Vec<_> = (0..2).map(|i| doc_from_plain_text(&format!("{text} {i}"))).collect();
    let mut i = 0;
    let ours = Samples::collect(100, || {
        i += 1;
        let body = variants[i % 2].clone();
        article = lib
            .update_article(
                article.id,
                ArticlePatch { base_version: article.version, body: Some(body), ..Default::default() },
            )
            .unwrap();
    });
    let bytes = serde_json::to_string(&variants.pop().unwrap()).unwrap();
    let conn = lib.connection();
    conn.execute_batch("CREATE TABLE IF NOT EXISTS bench_blob (id INTEGER PRIMARY KEY, body TEXT)").unwrap();
    let bare = Samples::collect(100, || {
        conn.execute_batch("BEGIN").unwrap();
        conn.execute("INSERT INTO bench_blob (body) VALUES (?1)", [&bytes]).unwrap();
        conn.execute_batch("COMMIT").unwrap();
    });
    conn.execute_batch("DROP TABLE bench_blob").unwrap();
    println!(
        "autosave of a {tieng}-tiếng article     p50 {}  p99 {}   (bare INSERT of the same {} KB, one transaction: p50 {}  p99 {})   ratio p50 {}  p99 {}",
        ms(ours.p50()),
        ms(ours.percentile(0.99)),
        bytes.len() / 1024,
        ms(bare.p50()),
        ms(bare.percentile(0.99)),
        ratio(ours.p50(), bare.p50()),
        ratio(ours.percentile(0.99), bare.percentile(0.99))
    );
}

mod common;

use banthao_core::*;
use common::*;

fn ids(hits: &[SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

#[test]
fn diacritic_free_queries_find_vietnamese_text() {
    let mut lib = Library::open_in_memory().unwrap();
    let dk = lib.create_article(new_article("Quận Dương Kinh mở đường mới", "", &["Nội dung."])).unwrap();
    let dn = lib.create_article(new_article("Mưa lớn", "", &["Người dân Đà Nẵng chống ngập."])).unwrap();
    lib.create_article(new_article("Hà Nội", "", &["Không liên quan."])).unwrap();

    assert_eq!(ids(&lib.search("duong kinh", None, 20).unwrap()), [dk.id]);
    assert_eq!(ids(&lib.search("da nang", None, 20).unwrap()), [dn.id]);
    assert_eq!(ids(&lib.search("DA NANG", None, 20).unwrap()), [dn.id]);
    assert_eq!(ids(&lib.search("Đà Nẵng", None, 20).unwrap()), [dn.id]);
    assert!(lib.search("hai phong", None, 20).unwrap().is_empty());
    assert!(lib.search("  ,; ", None, 20).unwrap().is_empty());
}

#[test]
fn an_exact_diacritic_match_ranks_first() {
    let mut lib = Library::open_in_memory().unwrap();
    let exact = lib.create_article(new_article("Bàn về đường sắt", "", &[])).unwrap();
    let folded_only = lib.create_article(new_article("Bán đường phố", "", &[])).unwrap();
    let other = lib.create_article(new_article("Ban chỉ đạo đường", "", &[])).unwrap();
    // Newest first among equals; the exact one first even though it is oldest.
    let hits = lib.search("bàn", None, 20).unwrap();
    assert_eq!(ids(&hits), [exact.id, other.id, folded_only.id]);
    assert!(hits[0].exact && !hits[1].exact);
    // A query without diacritics ranks by recency only.
    assert_eq!(ids(&lib.search("ban", None, 20).unwrap()), [other.id, folded_only.id, exact.id]);
}

#[test]
fn search_is_newest_change_first_and_filters_by_status() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Bão số 3", "", &[])).unwrap();
    let b = lib.create_article(new_article("Bão số 4", "", &[])).unwrap();
    assert_eq!(ids(&lib.search("bao", None, 20).unwrap()), [b.id, a.id]);
    lib.change_status(
        a.id,
        desk::transitions::StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() },
    )
    .unwrap();
    assert_eq!(ids(&lib.search("bao", None, 20).unwrap()), [a.id, b.id], "a save moves it to the top");
    assert_eq!(ids(&lib.search("bao", Some(ArticleStatus::Submitted), 20).unwrap()), [a.id]);
    assert_eq!(ids(&lib.search("bao", None, 1).unwrap()), [a.id]);
}

#[test]
fn edits_and_deletes_reach_the_index() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Cũ", "", &["chữ cũ"])).unwrap();
    lib.update_article(
        a.id,
        ArticlePatch { base_version: 1, body: Some(paragraphs(&["chữ mới"])), ..Default::default() },
    )
    .unwrap();
    assert!(lib.search("cu", None, 20).unwrap().iter().all(|h| h.headline == "Cũ"));
    assert_eq!(lib.search("moi", None, 20).unwrap().len(), 1);
    lib.delete_article(a.id).unwrap();
    assert!(lib.search("moi", None, 20).unwrap().is_empty());
}

#[test]
fn search_covers_sapo_keywords_section_and_prefixes() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib
        .create_article(NewArticle {
            headline: "Tít".into(),
            sapo: "Sáng 2-3, UBND quận Hải An triển khai".into(),
            section: "Bản tin Pháp luật".into(),
            keywords: vec!["phòng cháy chữa cháy".into()],
            ..Default::default()
        })
        .unwrap();
    for q in ["ubnd hai an", "phap luat", "chua chay", "trien kh"] {
        assert_eq!(ids(&lib.search(q, None, 20).unwrap()), [a.id], "{q}");
    }
}

#[test]
fn fts_syntax_in_queries_is_just_text() {
    let mut lib = Library::open_in_memory().unwrap();
    lib.create_article(new_article("Một \"câu\" NEAR OR AND", "", &[])).unwrap();
    for q in ["\"", "NEAR(", "a OR", "*", "col:x", "\"câu\" OR"] {
        lib.search(q, None, 20).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
}

#[test]
fn snippets_come_from_the_original_text_with_hits_marked() {
    let mut lib = Library::open_in_memory().unwrap();
    let long = format!("{} Người dân Đà Nẵng đổ ra đường. {}", "Mở đầu dài. ".repeat(20), "Kết thúc. ".repeat(20));
    lib.create_article(new_article("Tít", "", &[&long])).unwrap();
    let hit = &lib.search("da nang", None, 20).unwrap()[0];
    let marked: Vec<&str> = hit.snippet.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["Đà", "Nẵng"]);
    let text: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.contains("Người dân Đà Nẵng đổ ra đường."), "{text}");
}

/// A library indexed before schema 11 gets prefix indexes when it is upgraded, and every
/// search as you type finds what it found before.
#[test]
fn a_library_indexed_before_prefix_indexes_is_searched_the_same_after_its_upgrade() {
    use banthao_core::library::migrate::migrate_to;
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join(library::DB_FILE);
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        library::connection::configure(&conn).unwrap();
        migrate_to(&mut conn, Some(&db), 10).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, headline, body, body_text, created_at, updated_at, search_rowid)
               VALUES (1, 'Nghiêng ngả ở Đà Nẵng', '{\"type\":\"doc\"}', 'Người dân chờ thoát nước.', 't', 't', 1),
                      (2, 'Hà Nội', '{\"type\":\"doc\"}', 'Không liên quan.', 't', 't', 2);
             INSERT INTO article_search (rowid, folded, exact)
               SELECT search_rowid, bt_fold(doc), bt_exact(doc) FROM article_search_source;",
        )
        .unwrap();
    }
    let lib = Library::open(tmp.path()).unwrap();
    for typed in ["d", "da n", "đà nẵ", "nghieng", "nghiêng ng", "thoat nu", "nguoi dan cho th"] {
        assert_eq!(ids(&lib.search(typed, None, 20).unwrap()), [1], "{typed}");
    }
    assert_eq!(ids(&lib.search("n", None, 20).unwrap()), [2, 1]);
    let table: String = lib
        .connection()
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'article_search'", [], |r| r.get(0))
        .unwrap();
    assert!(table.contains("prefix"), "{table}");
}

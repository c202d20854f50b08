mod common;

use banthao_core::*;
use common::*;
use serde_json::json;

#[test]
fn create_read_update_delete() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib
        .create_article(NewArticle {
            headline: "Đà Nẵng: Đường Điện Biên Phủ thông xe".into(),
            sapo: "Sáng 2-3, UBND quận Thanh Khê triển khai…".into(),
            body: Some(paragraphs(&["Đoạn một.", "Đoạn hai."])),
            section: "An toàn giao thông".into(),
            keywords: vec!["Đà Nẵng".into(), " giao thông ".into(), "".into(), "đà nẵng".into()],
            byline: "Nhóm PV".into(),
            dateline: "Đà Nẵng".into(),
            slug: None,
            uid: None,
        })
        .unwrap();
    assert_eq!(a.version, 1);
    assert_eq!(a.status, ArticleStatus::Draft);
    assert_eq!(a.slug, "da-nang-duong-dien-bien-phu-thong-xe");
    assert!(a.slug_auto);
    assert_eq!(a.keywords, ["Đà Nẵng", "giao thông"]);
    assert_eq!(lib.get_article(a.id).unwrap(), a);

    let b = lib
        .update_article(a.id, ArticlePatch { base_version: 1, headline: Some("Tít mới".into()), ..Default::default() })
        .unwrap();
    assert_eq!(b.version, 2);
    assert_eq!(b.headline, "Tít mới");
    assert_eq!(b.slug, "tit-moi", "an automatic slug follows the headline");
    assert_eq!(b.sapo, a.sapo);
    assert!(b.updated_at >= a.updated_at);
    assert_eq!(lib.get_article(a.id).unwrap(), b);

    lib.delete_article(a.id).unwrap();
    assert_eq!(lib.get_article(a.id).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(lib.delete_article(a.id).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_save_based_on_an_old_version_is_refused_and_changes_nothing() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Một"])).unwrap();
    lib.update_article(a.id, ArticlePatch { base_version: 1, sapo: Some("Của tôi".into()), ..Default::default() })
        .unwrap();
    let err = lib
        .update_article(
            a.id,
            ArticlePatch { base_version: 1, sapo: Some("Của đồng nghiệp".into()), ..Default::default() },
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(lib.get_article(a.id).unwrap().sapo, "Của tôi");
}

#[test]
fn a_save_that_changes_nothing_keeps_the_version() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "Sapo", &["Một"])).unwrap();
    let same = lib
        .update_article(a.id, ArticlePatch { base_version: 1, headline: Some("Tít".into()), ..Default::default() })
        .unwrap();
    assert_eq!(same.version, 1);
}

#[test]
fn slugs_chosen_unique_and_handed_back() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Bão số 3 đổ bộ", "", &[])).unwrap();
    let b = lib.create_article(new_article("Bão số 3 đổ bộ", "", &[])).unwrap();
    assert_eq!(a.slug, "bao-so-3-do-bo");
    assert_eq!(b.slug, "bao-so-3-do-bo-2");
    let b = lib
        .update_article(b.id, ArticlePatch { base_version: 1, slug: Some("Bão Yagi".into()), ..Default::default() })
        .unwrap();
    assert_eq!((b.slug.as_str(), b.slug_auto), ("bao-yagi", false));
    let b = lib
        .update_article(b.id, ArticlePatch { base_version: 2, headline: Some("Khác".into()), ..Default::default() })
        .unwrap();
    assert_eq!(b.slug, "bao-yagi", "a chosen slug does not follow the headline");
    let b = lib
        .update_article(b.id, ArticlePatch { base_version: 3, slug: Some("".into()), ..Default::default() })
        .unwrap();
    assert_eq!((b.slug.as_str(), b.slug_auto), ("khac", true));
}

#[test]
fn list_is_newest_change_first_and_filters_by_status() {
    let mut lib = Library::open_in_memory().unwrap();
    let ids: Vec<i64> =
        (0..3).map(|i| lib.create_article(new_article(&format!("Bài {i}"), "", &[])).unwrap().id).collect();
    std::thread::sleep(std::time::Duration::from_millis(5));
    lib.change_status(
        ids[0],
        desk::transitions::StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() },
    )
    .unwrap();
    let all: Vec<i64> = lib.list_articles(&ListQuery::default()).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(all, [ids[0], ids[2], ids[1]]);
    let submitted =
        lib.list_articles(&ListQuery { status: Some(ArticleStatus::Submitted), ..Default::default() }).unwrap();
    assert_eq!(submitted.len(), 1);
    assert_eq!(submitted[0].status, ArticleStatus::Submitted);
    let page = lib.list_articles(&ListQuery { limit: 2, offset: 2, ..Default::default() }).unwrap();
    assert_eq!(page.iter().map(|s| s.id).collect::<Vec<_>>(), [ids[1]]);
}

#[test]
fn bodies_outside_the_schema_are_refused() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Một"])).unwrap();
    let bad = [
        json!({"type": "doc", "content": [{"type": "script", "content": []}]}),
        json!({"type": "doc", "content": [{"type": "heading", "attrs": {"level": 1}, "content": []}]}),
        json!({"type": "doc", "content": [{"type": "paragraph", "content": [
            {"type": "text", "text": "x", "marks": [{"type": "link", "attrs": {"href": "javascript:alert(1)"}}]}]}]}),
        json!({"type": "paragraph"}),
        json!({"type": "doc", "content": [{"type": "bullet_list", "content": [{"type": "paragraph"}]}]}),
    ];
    for b in bad {
        let err = lib
            .update_article(
                a.id,
                ArticlePatch { base_version: 1, body: Some(body_json(b.clone())), ..Default::default() },
            )
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidBody, "{b}");
    }
    assert_eq!(lib.get_article(a.id).unwrap(), a, "a refused save leaves the article as it was");
}

#[test]
fn rich_bodies_round_trip() {
    let mut lib = Library::open_in_memory().unwrap();
    let body = body_json(json!({"type": "doc", "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Tiêu đề phụ"}]},
        {"type": "paragraph", "content": [
            {"type": "text", "text": "đậm", "marks": [{"type": "strong"}]},
            {"type": "text", "text": " và "},
            {"type": "text", "text": "nghiêng", "marks": [{"type": "em"}, {"type": "link", "attrs": {"href": "https://vnexpress.net", "title": null}}]},
            {"type": "hard_break"},
            {"type": "text", "text": "dòng sau"}]},
        {"type": "blockquote", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Trích dẫn"}]}]},
        {"type": "bullet_list", "content": [{"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "một"}]}]}]},
        {"type": "ordered_list", "attrs": {"order": 3}, "content": [{"type": "list_item", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "ba"}]}]}]}
    ]}));
    let a = lib
        .create_article(NewArticle { headline: "x".into(), body: Some(body.clone()), ..Default::default() })
        .unwrap();
    assert_eq!(lib.get_article(a.id).unwrap().body, body);
    let html = export::to_html(&lib.get_article(a.id).unwrap());
    for part in [
        "<h2>Tiêu đề phụ</h2>",
        "<strong>đậm</strong>",
        "<em><a href=\"https://vnexpress.net\">nghiêng</a></em>",
        "<br>",
        "<blockquote><p>Trích dẫn</p></blockquote>",
        "<ol start=\"3\"><li><p>ba</p></li></ol>",
    ] {
        assert!(html.contains(part), "{part} missing from {html}");
    }
}

#[test]
fn html_export_escapes_article_text() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("<img src=x onerror=alert(1)>", "a & b", &["<script>x</script>"])).unwrap();
    let html = export::to_html(&a);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("a &amp; b"));
}

#[test]
fn sections_sort_in_vietnamese_order() {
    let mut lib = Library::open_in_memory().unwrap();
    for s in ["Đời sống", "Du lịch", "Ẩm thực", "An toàn giao thông", "Bản tin Pháp luật"] {
        lib.create_article(NewArticle { section: s.into(), ..Default::default() }).unwrap();
    }
    assert_eq!(lib.sections().unwrap(), ["An toàn giao thông", "Ẩm thực", "Bản tin Pháp luật", "Du lịch", "Đời sống"]);
}

#[test]
fn settings_are_remembered() {
    let mut lib = Library::open_in_memory().unwrap();
    assert_eq!(lib.settings().unwrap(), Settings::default());
    let a = lib.create_article(new_article("x", "", &[])).unwrap();
    lib.set_locale(Locale::En).unwrap();
    lib.set_last_article(Some(a.id)).unwrap();
    lib.set_window_geometry(WindowGeometry { width: 1000.0, height: 700.0, maximized: false }).unwrap();
    let s = lib.settings().unwrap();
    assert_eq!((s.locale, s.last_article_id), (Locale::En, Some(a.id)));
    assert_eq!(s.window.unwrap().width, 1000.0);
}

/// A body that no longer parses (a bug, a hand edit, a newer app) must not open as an empty
/// document: the next autosave would write the empty document over the stored text.
#[test]
fn a_damaged_body_is_refused_and_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let a = lib.create_article(new_article("Bài hỏng", "", &["Đoạn một."])).unwrap();
    let garbage = r#"{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Đoạn"#;
    let raw = rusqlite::Connection::open(tmp.path().join(banthao_core::library::DB_FILE)).unwrap();
    raw.execute("UPDATE articles SET body = ?1 WHERE id = ?2", rusqlite::params![garbage, a.id]).unwrap();
    let stored = || -> (String, i64) {
        raw.query_row("SELECT body, version FROM articles WHERE id = ?1", [a.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
    };

    let refused = lib.get_article(a.id).unwrap_err();
    assert_eq!(refused.code(), ErrorCode::ArticleDamaged);
    let (vi, en) = (refused.message(Lang::Vi), refused.message(Lang::En));
    assert!(vi.contains("bị hỏng") && vi.contains("không bị ghi đè"), "{vi}");
    assert!(en.contains("damaged") && en.contains("not be overwritten"), "{en}");

    // The list still shows it, so it can be found (and repaired by hand).
    let list = lib.list_articles(&ListQuery::default()).unwrap();
    assert!(list.iter().any(|s| s.id == a.id && s.headline == "Bài hỏng"));

    // A save, whatever it carries, is refused rather than writing over the stored text.
    for patch in [
        ArticlePatch { base_version: a.version, headline: Some("Tít mới".into()), ..Default::default() },
        ArticlePatch { base_version: a.version, body: Some(paragraphs(&["Đè lên"])), ..Default::default() },
    ] {
        let e = lib.update_article(a.id, patch).unwrap_err();
        assert_eq!(e.code(), ErrorCode::ArticleDamaged);
    }
    assert_eq!(stored(), (garbage.to_string(), a.version));
}

/// An article with a headline, a chuyên mục and a byline (the list's sortable columns).
fn article_by(lib: &mut Library, headline: &str, section: &str, byline: &str) -> Article {
    lib.create_article(NewArticle {
        headline: headline.into(),
        section: section.into(),
        byline: byline.into(),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn the_list_sorts_by_any_column_and_filters_by_author() {
    let mut lib = Library::open_in_memory().unwrap();
    let make = article_by;
    let a = make(&mut lib, "Đà Nẵng mưa to", "Xã hội", "Trần Bình");
    let b = make(&mut lib, "An Giang mùa nước nổi", "Du lịch", "Lê An");
    let c = make(&mut lib, "Ăn Tết ở Huế", "Văn hóa", "Trần Bình");
    // Times are kept to the millisecond: the step must come after the last creation.
    std::thread::sleep(std::time::Duration::from_millis(3));
    lib.change_status(
        b.id,
        desk::transitions::StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() },
    )
    .unwrap();
    let ids = |q: ListQuery| -> Vec<i64> { lib.list_articles(&q).unwrap().iter().map(|s| s.id).collect() };
    // Vietnamese dictionary order: A < Ă < Đ (not byte order, where Đ and Ă sort after Z).
    assert_eq!(ids(ListQuery { sort: ListSort::Headline, ..Default::default() }), [b.id, c.id, a.id]);
    assert_eq!(ids(ListQuery { sort: ListSort::Headline, reverse: true, ..Default::default() }), [a.id, c.id, b.id]);
    assert_eq!(ids(ListQuery { sort: ListSort::Section, ..Default::default() }), [b.id, c.id, a.id]);
    // Workflow order: drafts before submitted.
    assert_eq!(ids(ListQuery { sort: ListSort::Status, ..Default::default() })[2], b.id);
    assert_eq!(ids(ListQuery { sort: ListSort::Author, ..Default::default() })[0], b.id);
    assert_eq!(ids(ListQuery { author: Some("Trần Bình".into()), ..Default::default() }), [c.id, a.id]);
    assert_eq!(lib.authors().unwrap(), ["Lê An", "Trần Bình"]);
    assert_eq!(lib.list_articles(&ListQuery::default()).unwrap()[0].byline, "Lê An");
}

#[test]
fn duplicating_makes_a_new_draft_with_the_same_text_and_its_own_identity() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib
        .create_article(NewArticle {
            section: "Thời sự".into(),
            byline: "Lan".into(),
            ..new_article("Bão số 3", "Sapo.", &["Một.", "Hai."])
        })
        .unwrap();
    lib.change_status(
        a.id,
        desk::transitions::StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() },
    )
    .unwrap();
    lib.add_note(a.id, desk::notes::NewNote { text: "Ghi chú".into(), ..Default::default() }).unwrap();
    let copy = lib.duplicate_article(a.id).unwrap();
    let a = lib.get_article(a.id).unwrap();
    assert_ne!(copy.id, a.id);
    assert_ne!(copy.uid, a.uid);
    assert_ne!(copy.slug, a.slug);
    assert_eq!(copy.headline, "Bão số 3 (bản sao)");
    assert_eq!((copy.sapo.as_str(), copy.section.as_str(), copy.byline.as_str()), ("Sapo.", "Thời sự", "Lan"));
    assert_eq!(copy.body, a.body);
    assert_eq!(copy.status, ArticleStatus::Draft);
    assert!(lib.list_notes(copy.id).unwrap().is_empty());
    assert_eq!(lib.list_revisions(copy.id).unwrap().len(), 1);
    assert_eq!(a.status, ArticleStatus::Submitted, "the original is untouched");
}

#[test]
fn the_author_and_section_pickers_list_each_name_once_in_dictionary_order() {
    let mut lib = Library::open_in_memory().unwrap();
    // Names repeated, out of order, with empty fields between them; Đ and Ư sort after D and U.
    for (i, (section, byline)) in [
        ("Xã hội", "Trần Bình"),
        ("Đời sống", "Lê An"),
        ("", ""),
        ("Xã hội", "Trần Bình"),
        ("Du lịch", "Đỗ Chi"),
        ("Đời sống", "Dương Hà"),
        ("Ưu đãi", "Lê An"),
        ("Uống", ""),
    ]
    .into_iter()
    .enumerate()
    {
        article_by(&mut lib, &format!("Bài {i}"), section, byline);
    }
    let trashed = article_by(&mut lib, "Bài bỏ", "Thể thao", "Vũ Trang").id;
    lib.move_to_trash(&[trashed]).unwrap();
    assert_eq!(lib.authors().unwrap(), ["Dương Hà", "Đỗ Chi", "Lê An", "Trần Bình"]);
    // Sections name what the library holds, the trash included (its articles come back).
    assert_eq!(lib.sections().unwrap(), ["Du lịch", "Đời sống", "Thể thao", "Uống", "Ưu đãi", "Xã hội"]);
}

use std::time::{Duration, Instant};

use serde_json::json;

use super::*;

fn names(blocks: &[RawBlock]) -> Vec<Option<&str>> {
    blocks.iter().map(|b| b.name.as_deref()).collect()
}

/// Sources of every top-level piece, whitespace included, rebuild the document exactly.
fn assert_covers(doc: &str) {
    let all = parse_all(doc);
    let joined: String = all.iter().map(|b| b.source.as_str()).collect();
    assert_eq!(joined, doc, "pieces of {doc:?}");
    for block in &all {
        check_tree(block);
    }
}

fn check_tree(block: &RawBlock) {
    match &block.name {
        None => assert_eq!(block.source, block.inner_html),
        Some(name) => {
            assert!(block.source.starts_with("<!--"), "{:?}", block.source);
            assert!(name.contains('/'), "{name}");
            assert!(block.source.contains(&block.inner_html));
        }
    }
    let mut rest = block.inner_html.as_str();
    for child in &block.inner {
        let at = rest.find(&child.source).expect("inner blocks lie in order inside the parent");
        rest = &rest[at + child.source.len()..];
        check_tree(child);
    }
}

#[test]
fn a_paragraph_block() {
    let doc = "<!-- wp:paragraph -->\n<p>Xin chào Đà Nẵng</p>\n<!-- /wp:paragraph -->";
    let blocks = parse_blocks(doc);
    assert_eq!(blocks.len(), 1);
    let b = &blocks[0];
    assert_eq!(b.name.as_deref(), Some("core/paragraph"));
    assert_eq!(b.attrs, json!({}));
    assert_eq!(b.source, doc);
    assert_eq!(b.inner_html, "\n<p>Xin chào Đà Nẵng</p>\n");
    assert!(b.inner.is_empty());
}

#[test]
fn attributes_namespaces_and_void_blocks() {
    let doc = "<!-- wp:heading {\"level\":3} -->\n<h3>Mục</h3>\n<!-- /wp:heading -->\n\n\
               <!-- wp:my-plugin/map {\"zoom\":3,\"nested\":{\"a\":{\"b\":[1,2]}}} /-->\n\n<!-- wp:spacer /-->";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [Some("core/heading"), Some("my-plugin/map"), Some("core/spacer")]);
    assert_eq!(blocks[0].attrs, json!({"level": 3}));
    assert_eq!(blocks[1].attrs, json!({"zoom": 3, "nested": {"a": {"b": [1, 2]}}}));
    assert_eq!(blocks[1].source, "<!-- wp:my-plugin/map {\"zoom\":3,\"nested\":{\"a\":{\"b\":[1,2]}}} /-->");
    assert_eq!(blocks[1].inner_html, "");
    assert_eq!(blocks[2].attrs, json!({}));
    assert_covers(doc);
}

#[test]
fn nested_blocks_and_own_html() {
    let doc = "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>một<!-- wp:list -->\n<ul><!-- wp:list-item -->\n\
               <li>hai</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->\n\n\
               <!-- wp:list-item -->\n<li>ba</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->";
    let blocks = parse_blocks(doc);
    assert_eq!(blocks.len(), 1);
    let list = &blocks[0];
    assert_eq!(names(&list.inner), [Some("core/list-item"), Some("core/list-item")]);
    assert_eq!(list.own_html(), "\n<ul>\n\n</ul>\n");
    let first = &list.inner[0];
    assert_eq!(first.own_html(), "\n<li>một</li>\n");
    assert_eq!(first.inner[0].inner[0].own_html(), "\n<li>hai</li>\n");
    assert_eq!(list.inner[1].source, "<!-- wp:list-item -->\n<li>ba</li>\n<!-- /wp:list-item -->");
    assert_covers(doc);
}

#[test]
fn freeform_between_blocks_is_kept_and_blank_runs_dropped() {
    let doc = "<p>Cổ điển</p>\n<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->\n\n  \t\n\
               <!-- wp:separator /-->tail <b>x</b><!-- banthao:uid=01J -->\n";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [None, Some("core/paragraph"), Some("core/separator"), None]);
    assert_eq!(blocks[0].source, "<p>Cổ điển</p>\n");
    assert_eq!(blocks[3].source, "tail <b>x</b><!-- banthao:uid=01J -->\n");
    assert_eq!(parse_all(doc).len(), 5, "the blank run is a piece of its own");
    assert_covers(doc);
}

#[test]
fn classic_content_is_one_freeform_piece() {
    let doc = "Đoạn một.\n\nĐoạn <em>hai</em>.";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [None]);
    assert_eq!(blocks[0].source, doc);
    assert!(parse_blocks("").is_empty());
    assert!(parse_blocks(" \n\t ").is_empty());
}

#[test]
fn a_closer_closes_whatever_is_open() {
    let doc =
        "<!-- wp:quote --><blockquote><!-- wp:paragraph --><p>x</p><!-- /wp:heading --></blockquote><!-- /wp:foo -->";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [Some("core/quote")]);
    assert_eq!(names(&blocks[0].inner), [Some("core/paragraph")]);
    assert_covers(doc);
}

#[test]
fn a_stray_closer_turns_the_rest_into_freeform() {
    let doc = "<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->\n<!-- /wp:paragraph -->\n<!-- wp:paragraph --><p>b</p><!-- /wp:paragraph -->";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [Some("core/paragraph"), None]);
    assert_eq!(blocks[1].source, "\n<!-- /wp:paragraph -->\n<!-- wp:paragraph --><p>b</p><!-- /wp:paragraph -->");
    assert_covers(doc);
}

#[test]
fn blocks_left_open_end_with_the_document_and_stay_nested() {
    let doc = "<p>lead</p><!-- wp:group --><div><!-- wp:paragraph --><p>x</p>";
    let blocks = parse_blocks(doc);
    assert_eq!(names(&blocks), [None, Some("core/group")]);
    assert_eq!(blocks[1].source, "<!-- wp:group --><div><!-- wp:paragraph --><p>x</p>");
    assert_eq!(names(&blocks[1].inner), [Some("core/paragraph")]);
    assert_eq!(blocks[1].inner[0].inner_html, "<p>x</p>");
    assert_covers(doc);
}

#[test]
fn attributes_that_are_not_json_are_null() {
    let blocks = parse_blocks("<!-- wp:image {\"id\":12,} --><figure></figure><!-- /wp:image -->");
    assert_eq!(names(&blocks), [Some("core/image")]);
    assert_eq!(blocks[0].attrs, serde_json::Value::Null);
    assert_eq!(blocks[0].inner_html, "<figure></figure>");
}

#[test]
fn attributes_end_at_the_first_brace_before_the_comment_end() {
    // Braces and "-->" inside strings, and a "}" directly before " -->" inside a string.
    let doc = "<!-- wp:x/y {\"a\":\"} -->\"} -->body<!-- /wp:x/y -->";
    let blocks = parse_blocks(doc);
    assert_eq!(blocks[0].attrs, serde_json::Value::Null, "WordPress cuts the JSON there too");
    assert_eq!(blocks[0].inner_html, "\"} -->body");
    let doc = "<!-- wp:x/y {\"a\":\"{{}}\",\"b\":\"-->\"} -->body<!-- /wp:x/y -->";
    let blocks = parse_blocks(doc);
    assert_eq!(blocks[0].attrs, json!({"a": "{{}}", "b": "-->"}));
    assert_eq!(blocks[0].inner_html, "body");
}

#[test]
fn near_misses_are_not_delimiters() {
    for doc in [
        "<!--wp:paragraph --><p>a</p>",
        "<!-- wp:paragraph--><p>a</p>",
        "<!-- wp:Paragraph --><p>a</p>",
        "<!-- wp:1para --><p>a</p>",
        "<!-- wp: paragraph -->",
        "<!-- wp:my/ -->",
        "<!-- wp:para {\"a\":1}-->",
        "<!-- wp:para {\"a\":1 -->",
        "<!-- wp:para x -->",
        "<!-- xwp:para -->",
        "<!-- banthao:uid=abc -->",
        "<!-- wp:para",
        "<!--",
    ] {
        assert_eq!(names(&parse_blocks(doc)), [None], "{doc}");
        assert_covers(doc);
    }
}

#[test]
fn odd_but_valid_delimiters() {
    let doc = "<!--\n\twp:para_graph-2\r\n{\"a\":1}\x0b/-->";
    assert_eq!(names(&parse_blocks(doc)), [Some("core/para_graph-2")]);
    // A closer's attributes are ignored; "void" wins over "closer".
    let doc = "<!-- wp:a --><!-- /wp:a {\"x\":1} -->";
    assert_eq!(names(&parse_blocks(doc)), [Some("core/a")]);
    assert_eq!(parse_blocks(doc)[0].inner_html, "");
    let doc = "<!-- /wp:a /-->";
    assert_eq!(names(&parse_blocks(doc)), [Some("core/a")]);
    assert_eq!(parse_blocks(doc)[0].source, doc);
}

#[test]
fn nesting_beyond_the_limit_becomes_freeform() {
    let deep = "<!-- wp:group -->".repeat(MAX_DEPTH + 1);
    let doc = format!("<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->lead{deep}x");
    let blocks = parse_blocks(&doc);
    assert_eq!(names(&blocks), [Some("core/paragraph"), None]);
    assert_eq!(blocks[1].source, format!("lead{deep}x"));
    assert_covers(&doc);
    let fine = format!("{}x{}", "<!-- wp:group -->".repeat(MAX_DEPTH), "<!-- /wp:group -->".repeat(MAX_DEPTH));
    let blocks = parse_blocks(&fine);
    assert_eq!(names(&blocks), [Some("core/group")]);
}

/// A small deterministic generator: no dependency for a few thousand odd documents.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "<!-- ",
    "<!--",
    "-->",
    " -->",
    " /-->",
    "wp:",
    "/wp:",
    "paragraph",
    "core/list",
    "a",
    " ",
    "\n",
    "{",
    "}",
    "\"",
    "{\"level\":3}",
    ":",
    "/",
    "<p>",
    "</p>",
    "Đường",
    "ẫ",
    "\u{0300}",
    "<!-- wp:paragraph -->",
    "<!-- /wp:paragraph -->",
    "<!-- wp:image {\"id\":1} /-->",
    "<!-- banthao:uid=x -->",
];

#[test]
fn random_documents_never_panic_and_are_covered_exactly() {
    let mut rng = Lcg(0x5eed);
    for _ in 0..3000 {
        let len = rng.next(40);
        let doc: String = (0..len).map(|_| PIECES[rng.next(PIECES.len())]).collect();
        assert_covers(&doc);
        let _ = parse_blocks(&doc);
    }
}

#[test]
fn pathological_documents_stay_fast() {
    let cases = [
        "<!-- wp:a {".repeat(20_000),
        "}}} -->".repeat(20_000),
        "<!-- wp:a -->".repeat(50_000),
        "<!-- /wp:a -->".repeat(50_000),
        format!("<!-- wp:a {{{}", "{\"b\":".repeat(30_000)),
        "<!-- wp:a {\"x\":1} /-->".repeat(30_000),
        "<!--".repeat(100_000),
        format!("<!-- wp:{} -->", "a".repeat(200_000)),
    ];
    for doc in cases {
        let started = Instant::now();
        let blocks = parse_all(&doc);
        assert_eq!(blocks.iter().map(|b| b.source.len()).sum::<usize>(), doc.len());
        assert!(started.elapsed() < Duration::from_secs(5), "{} bytes took {:?}", doc.len(), started.elapsed());
    }
}

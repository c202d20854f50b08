//! `raw_block`: a WordPress block the editor does not know, kept byte for byte so a sync can
//! send it back unchanged.

mod common;

use banthao_core::article::render::{doc_blocks, doc_to_html, doc_to_text};
use banthao_core::article::schema::validate;
use banthao_core::*;
use common::*;
use serde_json::json;

const GALLERY: &str = "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery\">\
<!-- wp:image {\"id\":7} -->\n<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"\"/></figure>\n<!-- /wp:image -->\
</figure>\n<!-- /wp:gallery -->";

fn raw(html: &str) -> serde_json::Value {
    json!({"type": "raw_block", "attrs": {"html": html}})
}

fn para(text: &str) -> serde_json::Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

#[test]
fn a_raw_block_is_a_block_wherever_blocks_go() {
    let doc = body_json(json!({"type": "doc", "content": [
        para("Trước"),
        raw(GALLERY),
        {"type": "blockquote", "content": [para("Trích"), raw("<!-- wp:html -->\n<b>x</b>\n<!-- /wp:html -->")]},
        {"type": "bullet_list", "content": [{"type": "list_item", "content": [para("một"), raw("<!-- wp:spacer /-->")]}]},
    ]}));
    let valid = validate(doc.clone()).unwrap();
    assert_eq!(valid, doc, "nothing to normalise in a valid body");
}

#[test]
fn a_raw_block_needs_its_html_as_a_string_and_holds_nothing() {
    let bad = [
        json!({"type": "raw_block"}),
        json!({"type": "raw_block", "attrs": {}}),
        json!({"type": "raw_block", "attrs": {"html": 5}}),
        json!({"type": "raw_block", "attrs": {"html": null}}),
        json!({"type": "raw_block", "attrs": {"html": "<p>x</p>"}, "content": [para("x")]}),
        json!({"type": "raw_block", "attrs": {"html": "<p>x</p>"}, "text": "x"}),
        json!({"type": "raw_block", "attrs": {"html": "<p>x</p>"}, "marks": [{"type": "strong"}]}),
    ];
    for node in bad {
        let doc = body_json(json!({"type": "doc", "content": [node.clone()]}));
        let err = validate(doc).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidBody, "{node}");
    }
    let inline = body_json(json!({"type": "doc", "content": [{"type": "paragraph", "content": [raw("<p>x</p>")]}]}));
    assert_eq!(validate(inline).unwrap_err().code(), ErrorCode::InvalidBody, "a block is not inline content");
}

#[test]
fn the_html_is_kept_exactly_not_normalised() {
    // Decomposed "Việt" (NFD) and odd spacing: WordPress stores what it is sent, so we must too.
    let nfd = "<!-- wp:html -->\n<p>Vie\u{0323}\u{0302}t  &amp;\t<br/></p>\n<!-- /wp:html -->";
    let doc = body_json(json!({"type": "doc", "content": [raw(nfd)]}));
    let valid = validate(doc).unwrap();
    assert_eq!(valid.content.unwrap()[0].attrs.as_ref().unwrap()["html"], nfd);
}

#[test]
fn unknown_attributes_beside_the_html_are_dropped() {
    let doc = body_json(json!({"type": "doc", "content": [{"type": "raw_block", "attrs": {"html": "<hr/>", "x": 1}}]}));
    let valid = validate(doc).unwrap();
    assert_eq!(valid.content.unwrap()[0].attrs, Some(serde_json::Map::from_iter([("html".into(), json!("<hr/>"))])));
}

#[test]
fn a_raw_block_adds_no_text_no_html_and_no_checked_block() {
    let doc = body_json(
        json!({"type": "doc", "content": [para("Một"), raw("<!-- wp:html --><p>Ẩn</p><!-- /wp:html -->"), para("Hai")]}),
    );
    assert_eq!(doc_to_text(&doc), "Một\nHai");
    assert_eq!(doc_to_html(&doc), "<p>Một</p><p>Hai</p>");
    assert_eq!(doc_blocks(&doc), ["Một", "Hai"]);
}

#[test]
fn the_html_survives_a_save_and_a_load_unchanged() {
    let mut lib = Library::open_in_memory().unwrap();
    let nfd = "<!-- wp:embed {\"url\":\"https://youtu.be/x\"} -->\n<figure>Nguye\u{0302}\u{0303}n</figure>\n<!-- /wp:embed -->";
    let body = body_json(json!({"type": "doc", "content": [para("Đoạn"), raw(GALLERY), raw(nfd)]}));
    let a = lib
        .create_article(NewArticle { headline: "Tít".into(), body: Some(body.clone()), ..Default::default() })
        .unwrap();
    let loaded = lib.get_article(a.id).unwrap();
    assert_eq!(loaded.body, body);
    let html = |doc: &BodyDoc, i: usize| doc.content.as_ref().unwrap()[i].attrs.as_ref().unwrap()["html"].clone();
    assert_eq!(html(&loaded.body, 1), GALLERY);
    assert_eq!(html(&loaded.body, 2), nfd);
}

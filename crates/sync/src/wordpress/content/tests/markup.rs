//! The exact markup sent: what WordPress 6.1's block editor itself saves.

use serde_json::json;

use super::*;

fn one(block: serde_json::Value) -> String {
    let blocks = body_to_blocks(&doc(vec![block]), &uploaded).unwrap();
    assert_eq!(blocks.len(), 1);
    blocks.into_iter().next().unwrap()
}

#[test]
fn paragraphs_and_headings() {
    assert_eq!(
        one(p(vec![text("Xin chào "), marked("Đà Nẵng", json!([{"type": "strong"}])), br(), text("a & b < c > d")])),
        "<!-- wp:paragraph -->\n<p>Xin chào <strong>Đà Nẵng</strong><br>a &amp; b &lt; c &gt; d</p>\n<!-- /wp:paragraph -->"
    );
    assert_eq!(one(p(vec![])), "<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->");
    // A no-break space is written as WordPress's editor writes it.
    assert_eq!(
        one(p(vec![text("10\u{a0}000 đồng")])),
        "<!-- wp:paragraph -->\n<p>10&nbsp;000 đồng</p>\n<!-- /wp:paragraph -->"
    );
    assert_eq!(one(h(2, vec![text("Tít")])), "<!-- wp:heading -->\n<h2>Tít</h2>\n<!-- /wp:heading -->");
    assert_eq!(one(h(3, vec![text("Tít")])), "<!-- wp:heading {\"level\":3} -->\n<h3>Tít</h3>\n<!-- /wp:heading -->");
}

#[test]
fn marks_share_their_tags() {
    let s = json!({"type": "strong"});
    let e = json!({"type": "em"});
    let l = link("https://a.vn/?x=1&y=\"2\"", Some("Tựa \"đề\""));
    assert_eq!(
        one(p(vec![marked("a", json!([s])), marked("b", json!([s, e])), marked("c", json!([s, e, l])), text("d")])),
        "<!-- wp:paragraph -->\n<p><strong>a<em>b<a href=\"https://a.vn/?x=1&amp;y=&quot;2&quot;\" title=\"Tựa &quot;đề&quot;\">c</a></em></strong>d</p>\n<!-- /wp:paragraph -->"
    );
}

#[test]
fn unsafe_links_and_unknown_marks_are_not_written() {
    // Not a body the core would save; the renderer still never writes such a link.
    let body: BodyDoc = serde_json::from_value(json!({"type": "doc", "content": [{"type": "paragraph", "content": [
        {"type": "text", "text": "bấm", "marks": [{"type": "link", "attrs": {"href": "javascript:alert(1)"}}, {"type": "underline"}]}
    ]}]}))
    .unwrap();
    assert_eq!(
        body_to_blocks(&body, &uploaded).unwrap(),
        ["<!-- wp:paragraph -->\n<p>bấm</p>\n<!-- /wp:paragraph -->"]
    );
}

#[test]
fn lists_as_list_and_list_item_blocks() {
    assert_eq!(
        one(ul(vec![item(vec![p(vec![text("một")])]), item(vec![p(vec![text("hai")])])])),
        "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>một</li>\n<!-- /wp:list-item -->\n\n\
         <!-- wp:list-item -->\n<li>hai</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
    );
    assert_eq!(
        one(ol(1, vec![item(vec![p(vec![text("a")])])])),
        "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->"
    );
    assert_eq!(
        one(ol(4, vec![item(vec![p(vec![text("a")]), ul(vec![item(vec![p(vec![text("b")])])])])])),
        "<!-- wp:list {\"ordered\":true,\"start\":4} -->\n<ol start=\"4\"><!-- wp:list-item -->\n<li>a<!-- wp:list -->\n\
         <ul><!-- wp:list-item -->\n<li>b</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n\
         <!-- /wp:list-item --></ol>\n<!-- /wp:list -->"
    );
}

#[test]
fn quotes_hold_paragraph_blocks() {
    assert_eq!(
        one(quote(vec![p(vec![text("một")]), p(vec![text("hai")])])),
        "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>một</p>\n<!-- /wp:paragraph -->\n\n\
         <!-- wp:paragraph -->\n<p>hai</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->"
    );
}

#[test]
fn images_with_caption_and_credit() {
    let url = "http://127.0.0.1:8089/wp-content/uploads/2024/05/anh-3.jpg";
    assert_eq!(
        one(figure(3, "Cầu \"Rồng\"", "Nguyễn Văn A", vec![text("Cầu Rồng "), marked("về đêm", json!([{"type": "em"}])), text(".")])),
        format!(
            "<!-- wp:image {{\"id\":103,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"}} -->\n\
             <figure class=\"wp-block-image size-large\"><img src=\"{url}\" alt=\"Cầu &quot;Rồng&quot;\" class=\"wp-image-103\"/>\
             <figcaption class=\"wp-element-caption\">Cầu Rồng <em>về đêm</em>. <span class=\"banthao-credit\">Ảnh: Nguyễn Văn A</span>\
             </figcaption></figure>\n<!-- /wp:image -->"
        )
    );
    assert!(one(figure(3, "", "", vec![text("Chỉ chú thích")]))
        .contains("<figcaption class=\"wp-element-caption\">Chỉ chú thích</figcaption>"));
    assert!(one(figure(3, "", "PV", vec![])).contains(
        "<figcaption class=\"wp-element-caption\"><span class=\"banthao-credit\">Ảnh: PV</span></figcaption>"
    ));
    assert!(one(figure(3, "", "", vec![])).contains("class=\"wp-image-103\"/></figure>\n<!-- /wp:image -->"));
}

#[test]
fn a_photo_not_uploaded_yet_is_an_error_naming_it() {
    let body = doc(vec![p(vec![text("a")]), figure(42, "", "", vec![])]);
    let none = |_: &PmNode| None;
    assert_eq!(body_to_blocks(&body, &none), Err(MissingImage { media_id: 42 }));
    assert!(MissingImage { media_id: 42 }.to_string().contains("42"));
}

#[test]
fn raw_blocks_are_written_unchanged() {
    let html = "<!-- wp:html -->\n<p>  exact\t</p>\n<!-- /wp:html -->";
    assert_eq!(one(raw(html)), html);
}

#[test]
fn content_joins_blocks_and_ends_with_the_marker() {
    let blocks = ["<!-- wp:a /-->".to_string(), "<!-- wp:b /-->".to_string()];
    assert_eq!(
        blocks_to_content(&blocks, "01HX-9_z"),
        "<!-- wp:a /-->\n\n<!-- wp:b /-->\n\n<!-- banthao:uid=01HX-9_z -->"
    );
    assert_eq!(blocks_to_content(&[], "u1"), "<!-- banthao:uid=u1 -->");
    assert_eq!(blocks_to_content(&blocks, ""), "<!-- wp:a /-->\n\n<!-- wp:b /-->");
}

#[test]
fn the_marker_cannot_break_out_of_its_comment() {
    assert_eq!(marker_comment("ab --><script>x</script>"), "<!-- banthao:uid=ab--scriptxscript -->");
    assert_eq!(find_marker("x <!-- banthao:uid=01J8ZQ --> y"), Some("01J8ZQ".into()));
    assert_eq!(find_marker("<!-- banthao:uid=old -->\n<!-- banthao:uid=new -->"), Some("new".into()));
    assert_eq!(find_marker("<!-- banthao:uid= -->"), None);
    assert_eq!(find_marker("<!-- banthao:uid=a b -->"), None);
    assert_eq!(find_marker("<!-- banthao:uid=abc"), None);
    assert_eq!(find_marker("no marker"), None);
}

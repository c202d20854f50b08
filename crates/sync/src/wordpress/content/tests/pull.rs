//! Reading what the site holds: our content as WordPress rewrites it, blocks made in WordPress,
//! classic posts, and anything odd.

use serde_json::json;

use super::*;

fn pulled_nodes(content: &str) -> Vec<PmNode> {
    let pulled = content_to_body(content);
    assert_valid(&pulled.blocks);
    nodes(&pulled)
}

fn article() -> BodyDoc {
    doc(vec![
        h(2, vec![text("Tít")]),
        p(vec![text("Đoạn "), marked("đậm", json!([{"type": "strong"}])), br(), text("dòng hai")]),
        figure(1, "Cầu \"Rồng\"", "Nguyễn Văn A", vec![text("Cầu Rồng "), marked("về đêm", json!([{"type": "em"}]))]),
        ul(vec![item(vec![p(vec![text("một")])])]),
        quote(vec![p(vec![text("trích")])]),
    ])
}

/// What WordPress 6.1.9's `wp_filter_post_kses` did to this content for an Author (run on
/// the real `kses.php`): only `<img …/>` became `<img … />`.
#[test]
fn content_rewritten_for_an_author_reads_the_same() {
    let body = article();
    let content = content_of(&body).replace("\"/>", "\" />");
    assert!(content.contains("class=\"wp-image-101\" />"));
    assert_eq!(content_to_body(&content).blocks, expected(&body));
}

/// What WordPress 6.1.9's block editor saved after opening this content (run on its own
/// scripts): every block re-saved byte for byte, the marker comment wrapped in a paragraph.
#[test]
fn content_saved_again_by_the_block_editor_reads_the_same() {
    let body = article();
    let content =
        content_of(&body).replace("<!-- banthao:uid=01J0BANTHAO -->", "<p><!-- banthao:uid=01J0BANTHAO --></p>");
    let pulled = content_to_body(&content);
    assert_eq!(pulled.uid.as_deref(), Some("01J0BANTHAO"));
    assert_eq!(pulled.blocks, expected(&body));
}

#[test]
fn the_same_block_spelled_differently_has_the_same_key() {
    let ours = "<!-- wp:image {\"id\":5,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\">\
                <img src=\"a.jpg\" alt=\"Cầu &amp; sông\" class=\"wp-image-5\"/><figcaption class=\"wp-element-caption\">Cầu <strong>Rồng</strong> \
                <span class=\"banthao-credit\">Ảnh: PV</span></figcaption></figure>\n<!-- /wp:image -->";
    let theirs = "<!-- wp:image {\"sizeSlug\":\"large\",\"id\":5} -->\n<FIGURE class='size-large wp-block-image'>\
                  <img class=\"wp-image-5\" alt='Cầu &#38; sông' src=\"a.jpg\" >\n<figcaption>\n  Cầu   <b>Rồng</b>\n\
                  <span class=\"banthao-credit\">\n Ảnh:   PV </span></figcaption></FIGURE>\n<!-- /wp:image -->";
    let key = |c: &str| content_to_body(c).blocks.iter().map(block_key).collect::<Vec<_>>();
    assert_eq!(key(ours), key(theirs));
    let para = |html: &str| key(&format!("<!-- wp:paragraph -->{html}<!-- /wp:paragraph -->"));
    assert_eq!(para("<p>Tin &#8220;nóng&#8221;&nbsp;nhất</p>"), para("\n<p>Tin “nóng”\u{a0}nhất</p>\n"));
    assert_eq!(para("<p><em><strong>a</strong></em></p>"), para("<p><strong><em>a</em></strong></p>"));
    // NFD from a Mac reads as NFC.
    assert_eq!(para("<p>Vie\u{0323}\u{0302}t</p>"), para("<p>Việt</p>"));
    assert_ne!(para("<p>Việt</p>"), para("<p>Viet</p>"));
    assert_eq!(
        block_key(&PulledBlock::Raw("\n <!-- wp:x /--> \n".into())),
        block_key(&PulledBlock::Raw("<!-- wp:x /-->".into()))
    );
}

#[test]
fn headings_of_every_level() {
    let content = "<!-- wp:heading {\"level\":1} -->\n<h1>Một</h1>\n<!-- /wp:heading -->\n\n\
                   <!-- wp:heading {\"level\":4} -->\n<h4>Bốn</h4>\n<!-- /wp:heading -->\n\n\
                   <!-- wp:heading {\"level\":6,\"textAlign\":\"center\"} -->\n<h6 class=\"has-text-align-center\" id=\"sau\">Sáu</h6>\n<!-- /wp:heading -->";
    assert_eq!(
        pulled_nodes(content),
        [node(h(2, vec![text("Một")])), node(h(3, vec![text("Bốn")])), node(h(3, vec![text("Sáu")]))]
    );
}

#[test]
fn lists_in_the_older_markup_without_item_blocks() {
    let content = "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\"><li>ba</li><li>bốn<ul><li>con</li></ul></li></ol>\n<!-- /wp:list -->\n\n\
                   <!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>một</p><p>hai</p></blockquote>\n<!-- /wp:quote -->";
    assert_eq!(
        pulled_nodes(content),
        [
            node(ol(
                3,
                vec![
                    item(vec![p(vec![text("ba")])]),
                    item(vec![p(vec![text("bốn")]), ul(vec![item(vec![p(vec![text("con")])])])])
                ]
            )),
            node(quote(vec![p(vec![text("một")]), p(vec![text("hai")])])),
        ]
    );
}

#[test]
fn whitespace_as_a_browser_shows_it() {
    let content =
        "<!-- wp:paragraph -->\n<p>\n   Một  \n hai\t<strong> ba </strong> bốn <br>  năm  </p>\n<!-- /wp:paragraph -->";
    let strong = json!([{"type": "strong"}]);
    assert_eq!(
        pulled_nodes(content),
        [node(p(vec![text("Một hai "), marked("ba ", strong), text("bốn "), br(), text("năm")]))]
    );
}

#[test]
fn unsafe_links_keep_their_text() {
    let content =
        "<!-- wp:paragraph -->\n<p><a href=\"javascript:alert(1)\">bấm</a> <a href=\" HTTPS://ok.vn \">được</a> \
                   <a>không href</a> <a href=\"data:text/html,x\"><em>dữ liệu</em></a></p>\n<!-- /wp:paragraph -->";
    let ok = json!([link("HTTPS://ok.vn", None)]);
    assert_eq!(
        pulled_nodes(content),
        [node(p(vec![
            text("bấm "),
            marked("được", ok),
            text(" không href "),
            marked("dữ liệu", json!([{"type": "em"}]))
        ]))]
    );
}

#[test]
fn unknown_blocks_are_kept_exactly() {
    let blocks = [
        "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery\"><!-- wp:image {\"id\":1} -->\n<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"\"/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->",
        "<!-- wp:embed {\"url\":\"https://youtu.be/x\"} -->\n<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\nhttps://youtu.be/x\n</div></figure>\n<!-- /wp:embed -->",
        "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>1</td></tr></tbody></table></figure>\n<!-- /wp:table -->",
        "<!-- wp:html -->\n<div onclick=\"x()\">tự viết</div>\n<!-- /wp:html -->",
        "<!-- wp:columns -->\n<div class=\"wp-block-columns\"><!-- wp:column -->\n<div class=\"wp-block-column\"><!-- wp:paragraph -->\n<p>cột</p>\n<!-- /wp:paragraph --></div>\n<!-- /wp:column --></div>\n<!-- /wp:columns -->",
        "<!-- wp:my-plugin/poll {\"id\":3} /-->",
        "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>Lời</p>\n<!-- /wp:paragraph --><cite>Bác Hồ</cite></blockquote>\n<!-- /wp:quote -->",
        "<!-- wp:image {\"id\":4} -->\n<figure class=\"wp-block-image\"><a href=\"https://x.vn\"><img src=\"b.jpg\" alt=\"\" class=\"wp-image-4\"/></a></figure>\n<!-- /wp:image -->",
        "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img alt=\"no src\"/></figure>\n<!-- /wp:image -->",
        "<!-- wp:paragraph -->\n<p>a</p><p>b</p>\n<!-- /wp:paragraph -->",
    ];
    let pulled = content_to_body(&blocks.join("\n\n"));
    let want: Vec<PulledBlock> = blocks.iter().map(|b| PulledBlock::Raw(b.to_string())).collect();
    assert_eq!(pulled.blocks, want);
    assert_eq!(pulled.uid, None);
}

#[test]
fn images_made_in_wordpress() {
    let content = "<!-- wp:image {\"align\":\"center\",\"id\":77,\"width\":300,\"sizeSlug\":\"medium\"} -->\n\
                   <figure class=\"wp-block-image aligncenter size-medium is-resized\"><img src=\"http://x/a-300x200.jpg\" alt=\"Ảnh\" \
                   class=\"wp-image-77\" width=\"300\"/><figcaption class=\"wp-element-caption\">Chú <a href=\"https://a.vn\">thích</a></figcaption></figure>\n\
                   <!-- /wp:image -->\n\n<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"http://ngoai.vn/b.jpg\" alt=\"\"/></figure>\n<!-- /wp:image -->";
    let pulled = content_to_body(content);
    let linked = json!([link("https://a.vn", None)]);
    assert_eq!(
        pulled.blocks,
        [
            PulledBlock::Image(PulledImage {
                remote_id: Some(77),
                src: "http://x/a-300x200.jpg".into(),
                alt: "Ảnh".into(),
                caption: vec![node(text("Chú ")), node(marked("thích", linked))],
                credit: String::new(),
            }),
            PulledBlock::Image(PulledImage {
                remote_id: None,
                src: "http://ngoai.vn/b.jpg".into(),
                alt: String::new(),
                caption: vec![],
                credit: String::new(),
            }),
        ]
    );
}

#[test]
fn a_credit_with_or_without_its_prefix() {
    let image = |caption: &str| {
        let c = format!("<!-- wp:image {{\"id\":1}} -->\n<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"\"/><figcaption>{caption}</figcaption></figure>\n<!-- /wp:image -->");
        match content_to_body(&c).blocks.remove(0) {
            PulledBlock::Image(i) => (i.caption, i.credit),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        image("Chú thích <span class=\"banthao-credit\">Ảnh: Hữu Khá</span>"),
        (vec![node(text("Chú thích"))], "Hữu Khá".into())
    );
    assert_eq!(image("<span class=\"x banthao-credit\">Lê Vy</span>"), (vec![], "Lê Vy".into()));
    assert_eq!(image("<span class=\"banthao-credit\">Ảnh: Ảnh: TTXVN</span>"), (vec![], "Ảnh: TTXVN".into()));
    // NFD prefix, as a Mac might send it.
    assert_eq!(image("<span class=\"banthao-credit\">A\u{0309}nh: PV</span>"), (vec![], "PV".into()));
    assert_eq!(
        image("Không có tác giả. Ảnh: ai đó"),
        (vec![node(text("Không có tác giả. Ảnh: ai đó"))], String::new())
    );
}

#[test]
fn a_classic_post_is_read_as_wordpress_shows_it() {
    let content = "Sáng 2-3, UBND quận Thanh Khê\ntriển khai kế hoạch.\n\n\
                   Đoạn <strong>hai</strong> &amp; <em>nghiêng</em>.\n\n\
                   <h2>Tiêu đề</h2>\n<ul>\n\t<li>một</li>\n\t<li>hai</li>\n</ul>\n\
                   [caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<img class=\"size-medium wp-image-5\" src=\"http://x/c.jpg\" alt=\"Cầu\" width=\"300\" /> Cầu Rồng về đêm[/caption]\n\n\
                   <blockquote>Trích dẫn\ncó hai dòng</blockquote>\n<div class=\"box\">Trong <span style=\"color:red\">hộp</span></div>\
                   <script>alert(1)</script><style>p{}</style><!--more--><p>&nbsp;</p>\n<table><tr><td>ô một</td><td>ô hai</td></tr></table>";
    let pulled = content_to_body(content);
    assert_valid(&pulled.blocks);
    let strong = json!([{"type": "strong"}]);
    let em = json!([{"type": "em"}]);
    let want = vec![
        PulledBlock::Node(node(p(vec![text("Sáng 2-3, UBND quận Thanh Khê"), br(), text("triển khai kế hoạch.")]))),
        PulledBlock::Node(node(p(vec![
            text("Đoạn "),
            marked("hai", strong),
            text(" & "),
            marked("nghiêng", em),
            text("."),
        ]))),
        PulledBlock::Node(node(h(2, vec![text("Tiêu đề")]))),
        PulledBlock::Node(node(ul(vec![item(vec![p(vec![text("một")])]), item(vec![p(vec![text("hai")])])]))),
        PulledBlock::Image(PulledImage {
            remote_id: Some(5),
            src: "http://x/c.jpg".into(),
            alt: "Cầu".into(),
            caption: vec![node(text("Cầu Rồng về đêm"))],
            credit: String::new(),
        }),
        PulledBlock::Node(node(quote(vec![p(vec![text("Trích dẫn"), br(), text("có hai dòng")])]))),
        PulledBlock::Node(node(p(vec![text("Trong hộp")]))),
        PulledBlock::Node(node(p(vec![text("\u{a0}")]))),
        PulledBlock::Node(node(p(vec![text("ô một")]))),
        PulledBlock::Node(node(p(vec![text("ô hai")]))),
    ];
    assert_eq!(pulled.blocks, want);
}

#[test]
fn freeform_between_blocks_keeps_newlines_as_spaces() {
    // Once a post has blocks WordPress no longer runs wpautop: a newline is a space.
    let content = "<p>Cổ\nđiển</p>\n\n<!-- wp:paragraph -->\n<p>khối</p>\n<!-- /wp:paragraph -->\n\nchữ rời\n\ncòn nữa";
    assert_eq!(
        pulled_nodes(content),
        [node(p(vec![text("Cổ điển")])), node(p(vec![text("khối")])), node(p(vec![text("chữ rời còn nữa")]))]
    );
}

#[test]
fn pictures_inside_text_are_lifted_out() {
    let content =
        "<p>Trước <img src=\"a.jpg\" class=\"wp-image-3\" alt=\"A\"> sau</p><ul><li>mục <img src=\"b.jpg\"></li></ul>";
    let pulled = content_to_body(content);
    assert_valid(&pulled.blocks);
    let kinds: Vec<String> = pulled
        .blocks
        .iter()
        .map(|b| match b {
            PulledBlock::Node(n) => n.node_type.clone(),
            PulledBlock::Image(i) => format!("image {}", i.src),
            PulledBlock::Raw(_) => "raw".into(),
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "image a.jpg", "paragraph", "bullet_list", "image b.jpg"]);
}

#[test]
fn the_marker_is_read_and_never_a_block() {
    let pulled = content_to_body("<!-- banthao:uid=01HZX -->");
    assert_eq!((pulled.uid.as_deref(), pulled.blocks.len()), (Some("01HZX"), 0));
    let pulled =
        content_to_body("<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->\n\n<p><!-- banthao:uid=01HZX --></p>");
    assert_eq!((pulled.uid.as_deref(), pulled.blocks.len()), (Some("01HZX"), 1));
    assert_eq!(content_to_body("").blocks, []);
}

#[test]
fn deep_and_odd_markup_never_breaks() {
    let deep_lists = format!("{}x{}", "<ul><li>".repeat(300), "</li></ul>".repeat(300));
    let deep_spans = format!("<p>{}chữ{}</p>", "<span>".repeat(20_000), "</span>".repeat(20_000));
    let deep_quote = format!(
        "<!-- wp:quote -->\n{}<p>q</p>{}\n<!-- /wp:quote -->",
        "<blockquote class=\"wp-block-quote\">".repeat(60),
        "</blockquote>".repeat(60)
    );
    for content in [deep_lists, deep_spans, deep_quote] {
        let pulled = content_to_body(&content);
        assert_valid(&pulled.blocks);
        assert!(!pulled.blocks.is_empty());
    }
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn random_markup_reads_as_valid_nodes() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<h4>",
        "</h2>",
        "<ul>",
        "<ol start=\"x\">",
        "<li>",
        "</li>",
        "</ul>",
        "<blockquote>",
        "</blockquote>",
        "<strong>",
        "</b>",
        "<em>",
        "<a href=\"http://a\">",
        "</a>",
        "<br>",
        "<img src=\"i.jpg\">",
        "<figure>",
        "<figcaption>",
        "<span class=\"banthao-credit\">",
        "</span>",
        "chữ ",
        "Đ",
        "\n",
        "\n\n",
        " ",
        "&amp;",
        "&nbsp;",
        "<!-- wp:paragraph -->",
        "<!-- /wp:paragraph -->",
        "<!-- wp:list -->",
        "<!-- wp:list-item -->",
        "<!-- /wp:list-item -->",
        "<!-- /wp:list -->",
        "<!-- wp:quote -->",
        "<!-- /wp:quote -->",
        "<!-- wp:image {\"id\":2} -->",
        "<!-- /wp:image -->",
        "<!-- wp:x/y /-->",
        "[caption]",
        "[/caption]",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<table><td>",
        "\u{0301}",
    ];
    let mut rng = Lcg(7);
    for _ in 0..1500 {
        let len = rng.next(40);
        let content: String = (0..len).map(|_| PIECES[rng.next(PIECES.len())]).collect();
        let pulled = content_to_body(&content);
        assert_valid(&pulled.blocks);
    }
}

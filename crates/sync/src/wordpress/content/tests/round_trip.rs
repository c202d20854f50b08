//! What we send reads back as what we had.

use serde_json::{json, Value};

use super::*;

const TONES: &str = "Hà Nội, Đà Nẵng, Huế — a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ \
                     i ì í ỉ ĩ ị o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ \
                     À Á Ả Ã Ạ Ằ Ắ Ẳ Ẵ Ặ Ầ Ấ Ẩ Ẫ Ậ Đ È É Ẻ Ẽ Ẹ Ề Ế Ể Ễ Ệ Ò Ó Ỏ Õ Ọ Ồ Ố Ổ Ỗ Ộ Ờ Ớ Ở Ỡ Ợ Ừ Ứ Ử Ữ Ự Ỳ Ý Ỷ Ỹ Ỵ";

fn assert_round_trip(blocks: Vec<Value>) {
    let body = doc(blocks);
    let content = content_of(&body);
    let pulled = content_to_body(&content);
    assert_eq!(pulled.uid.as_deref(), Some("01J0BANTHAO"));
    assert_eq!(pulled.blocks, expected(&body), "content was:\n{content}");
    assert_valid(&pulled.blocks);
    // And the second trip is the first one again.
    assert_eq!(body_to_pulled(&body, &uploaded).unwrap(), pulled.blocks);
}

#[test]
fn vietnamese_text_with_every_tone() {
    assert_round_trip(vec![p(vec![text(TONES)]), h(2, vec![text(TONES)]), h(3, vec![text("Tiêu đề nhỏ")])]);
}

#[test]
fn characters_html_cares_about() {
    assert_round_trip(vec![
        p(vec![text(r#"AT&T <script>alert("x")</script> 'đơn' "kép" “cong” 5 > 3 &amp; &nbsp; \ / {}"#)]),
        p(vec![text("<!-- wp:paragraph --> không phải khối <!-- /wp:paragraph --> --> <!-- banthao:uid=GIẢ -->")]),
        p(vec![text("Khoảng\u{a0}trắng cứng\u{a0}\u{a0}giữ nguyên, zero\u{200b}width, tab→ và emoji 📰")]),
    ]);
}

#[test]
fn marks_nested_and_side_by_side() {
    let strong = json!([{"type": "strong"}]);
    let both = json!([{"type": "strong"}, {"type": "em"}]);
    let em = json!([{"type": "em"}]);
    let title = r#"Trang "chính" & phụ"#;
    let linked = json!([{"type": "strong"}, link("https://vnexpress.net/thoi-su?a=1&b=2", Some(title))]);
    let plain_link = json!([link("https://tuoitre.vn/", None)]);
    let other_link = json!([link("http://thanhnien.vn/", None)]);
    let mail = json!([{"type": "em"}, link("mailto:toasoan@baothao.vn", None)]);
    assert_round_trip(vec![
        p(vec![
            text("Bình thường, "),
            marked("đậm ", strong.clone()),
            marked("đậm nghiêng", both),
            marked(" nghiêng", em),
            text(" rồi "),
            marked("liên kết đậm", linked),
            marked("hai", plain_link),
            marked("liên kết", other_link),
            text(" và "),
            marked("thư", mail),
            text("."),
        ]),
        p(vec![marked("Cả đoạn đậm", strong)]),
    ]);
}

#[test]
fn hard_breaks() {
    let strong = json!([{"type": "strong"}]);
    assert_round_trip(vec![
        p(vec![text("Dòng một"), br(), text("Dòng hai "), br(), text("dòng ba")]),
        p(vec![marked("Đậm", strong.clone()), json!({"type": "hard_break", "marks": strong}), text("thường"), br()]),
        h(2, vec![text("Tít"), br(), text("hai dòng")]),
    ]);
}

#[test]
fn empty_blocks() {
    assert_round_trip(vec![p(vec![]), h(2, vec![]), h(3, vec![]), p(vec![text("sau")])]);
}

#[test]
fn lists_flat_nested_and_numbered() {
    let strong = json!([{"type": "strong"}]);
    assert_round_trip(vec![
        ul(vec![item(vec![p(vec![text("một")])]), item(vec![p(vec![marked("hai", strong)])])]),
        ol(1, vec![item(vec![p(vec![text("bước 1")])]), item(vec![p(vec![text("bước 2")])])]),
        ol(5, vec![item(vec![p(vec![text("năm")])]), item(vec![p(vec![text("sáu")])])]),
        ol(0, vec![item(vec![p(vec![text("không")])])]),
        ul(vec![
            item(vec![
                p(vec![text("cha")]),
                ul(vec![
                    item(vec![p(vec![text("con")]), ol(3, vec![item(vec![p(vec![text("cháu")])])])]),
                    item(vec![p(vec![])]),
                ]),
            ]),
            item(vec![p(vec![text("đoạn đầu")]), p(vec![text("đoạn hai của mục")]), h(3, vec![text("tít trong mục")])]),
        ]),
    ]);
}

#[test]
fn quotes_holding_anything_text() {
    assert_round_trip(vec![
        quote(vec![p(vec![text("“Trích dẫn,” ông nói.")])]),
        quote(vec![
            p(vec![text("Mở đầu")]),
            ul(vec![item(vec![p(vec![text("ý một")])]), item(vec![p(vec![text("ý hai")])])]),
            h(3, vec![text("tít")]),
            quote(vec![p(vec![text("lồng")]), quote(vec![p(vec![text("lồng nữa")])])]),
        ]),
        ul(vec![item(vec![p(vec![text("mục")]), quote(vec![p(vec![text("trích trong mục")])])])]),
    ]);
}

#[test]
fn figures_with_caption_credit_and_alt() {
    let em = json!([{"type": "em"}]);
    let linked = json!([link("https://baothao.vn/anh", None)]);
    assert_round_trip(vec![
        p(vec![text("Trước ảnh")]),
        figure(1, "Cầu Rồng phun lửa", "Nguyễn Văn A", vec![text("Cầu Rồng "), marked("về đêm", em), text(".")]),
        figure(2, r#"Ảnh "đẹp" & rõ <nét>"#, "", vec![text("Không ghi tác giả "), marked("liên kết", linked)]),
        figure(3, "", "TTXVN", vec![]),
        figure(4, "", "", vec![]),
        figure(5, "alt", "Ảnh: đã có tiền tố", vec![text("Chú thích"), br(), text("hai dòng")]),
        figure(6, "a", "A & B <C>", vec![text("Ký tự & < > \" '")]),
    ]);
}

#[test]
fn kept_blocks_go_back_byte_for_byte() {
    let gallery = "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default\">\
                   <!-- wp:image {\"id\":7} -->\n<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"\" class=\"wp-image-7\"/></figure>\n\
                   <!-- /wp:image --></figure>\n<!-- /wp:gallery -->";
    let embed = "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=x\",\"type\":\"video\"} -->\n<figure class=\"wp-block-embed\">\
                 <div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=x\n</div></figure>\n<!-- /wp:embed -->";
    let spacer = "<!-- wp:spacer {\"height\":\"40px\"} /-->";
    assert_round_trip(vec![raw(gallery), p(vec![text("giữa")]), raw(embed), raw(spacer)]);
    // Kept blocks inside a quote or a list item stay inside it.
    assert_round_trip(vec![
        quote(vec![p(vec![text("Xem video:")]), raw(embed)]),
        ul(vec![item(vec![p(vec![text("mục")]), raw(spacer)])]),
    ]);
}

#[test]
fn a_figure_inside_a_quote_comes_back_kept_not_lost() {
    let body =
        doc(vec![quote(vec![p(vec![text("Trích")]), figure(9, "alt", "PV", vec![text("Ảnh trong trích dẫn")])])]);
    let blocks = body_to_blocks(&body, &uploaded).unwrap();
    let pulled = content_to_body(&blocks_to_content(&blocks, ""));
    let [PulledBlock::Node(quote)] = pulled.blocks.as_slice() else { panic!("{pulled:?}") };
    let inner = quote.content.as_ref().unwrap();
    assert_eq!(inner[0], node(p(vec![text("Trích")])));
    assert_eq!(inner[1].node_type, "raw_block");
    let html = inner[1].attrs.as_ref().unwrap()["html"].as_str().unwrap();
    assert!(html.starts_with("<!-- wp:image {\"id\":109,") && html.contains("Ảnh trong trích dẫn"), "{html}");
    assert_valid(&pulled.blocks);
}

#[test]
fn a_long_mixed_article() {
    let strong = json!([{"type": "strong"}]);
    let mut blocks = Vec::new();
    for i in 0..40u64 {
        blocks.push(h(2 + (i % 2), vec![text(&format!("Phần {i}: Đường Điện Biên Phủ"))]));
        blocks.push(p(vec![
            text("Sáng 2-3, UBND quận Thanh Khê "),
            marked("triển khai", strong.clone()),
            text(" kế hoạch."),
        ]));
        blocks.push(figure(i as i64 + 1, &format!("Ảnh {i}"), "Hữu Khá", vec![text(&format!("Chú thích {i}."))]));
        blocks.push(ol(i + 1, vec![item(vec![p(vec![text("Bước")])])]));
    }
    assert_round_trip(blocks);
}

/// Random bodies of every supported node, text spaced as HTML keeps it.
mod random {
    use serde_json::{json, Value};

    use super::*;

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.next(100) < percent
        }
    }

    const WORDS: &[&str] = &[
        "Đà",
        "Nẵng",
        "đường",
        "Điện",
        "Biên",
        "Phủ",
        "thông",
        "xe",
        "UBND",
        "quận",
        "AT&T",
        "<b>",
        "a>b",
        "\"kép\"",
        "'đơn'",
        "“cong”",
        "5%",
        "--",
        "-->",
        "<!--",
        "&amp;",
        "\u{a0}",
        "ỹ",
        "Ử",
        "2-3,",
        "(Ảnh:",
        "x/y",
        "{}",
    ];

    fn words(rng: &mut Lcg) -> String {
        let n = 1 + rng.next(4);
        (0..n).map(|_| WORDS[rng.next(WORDS.len())]).collect::<Vec<_>>().join(" ")
    }

    fn marks(rng: &mut Lcg) -> Vec<Value> {
        let mut out = Vec::new();
        if rng.chance(30) {
            out.push(json!({"type": "strong"}));
        }
        if rng.chance(30) {
            out.push(json!({"type": "em"}));
        }
        if rng.chance(20) {
            let href = ["https://a.vn/x?y=1&z=2", "http://b.vn/", "mailto:pv@baothao.vn"][rng.next(3)];
            let title = if rng.chance(30) { Some("Tựa \"đề\" & <x>") } else { None };
            out.push(link(href, title));
        }
        out
    }

    /// Inline content with no space at a line's start or end and no two spaces in a row;
    /// neighbours with the same marks joined, as ProseMirror keeps them.
    fn inline(rng: &mut Lcg) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        let mut line_start = true;
        for _ in 0..rng.next(6) {
            if !line_start && rng.chance(15) {
                let m = marks(rng);
                out.push(if m.is_empty() { br() } else { json!({"type": "hard_break", "marks": m}) });
                line_start = true;
                continue;
            }
            let mut t = words(rng);
            let ends_space = out.last().and_then(|n| n["text"].as_str()).is_some_and(|s| s.ends_with(' '));
            if !line_start && !ends_space && rng.chance(50) {
                t.insert(0, ' ');
            }
            if rng.chance(30) {
                t.push(' ');
            }
            let m = marks(rng);
            match out.last_mut() {
                Some(last) if last["type"] == "text" && last.get("marks").cloned().unwrap_or(json!([])) == json!(m) => {
                    let joined = format!("{}{t}", last["text"].as_str().unwrap());
                    last["text"] = Value::from(joined);
                }
                _ => out.push(if m.is_empty() { text(&t) } else { marked(&t, json!(m)) }),
            }
            line_start = false;
        }
        // No space at the end of the block.
        if let Some(last) = out.last_mut() {
            if let Some(s) = last["text"].as_str() {
                let trimmed = s.trim_end_matches(' ').to_string();
                if trimmed.is_empty() {
                    out.pop();
                } else {
                    last["text"] = Value::from(trimmed);
                }
            }
        }
        out
    }

    fn block(rng: &mut Lcg, depth: usize, id: &mut i64) -> Value {
        let pick = if depth > 3 { rng.next(3) } else { rng.next(9) };
        match pick {
            0 | 1 => p(inline(rng)),
            2 => h(2 + rng.next(2) as u64, inline(rng)),
            3 | 4 => {
                let items = (0..1 + rng.next(3))
                    .map(|_| {
                        let mut content = vec![p(inline(rng))];
                        for _ in 0..rng.next(2) {
                            content.push(block(rng, depth + 1, id));
                        }
                        item(content)
                    })
                    .collect();
                if rng.chance(50) {
                    ul(items)
                } else {
                    ol(rng.next(12) as u64, items)
                }
            }
            5 => quote((0..1 + rng.next(3)).map(|_| block(rng, depth + 1, id)).collect()),
            6 if depth == 0 => {
                *id += 1;
                let credit = if rng.chance(50) { words(rng) } else { String::new() };
                figure(*id, &words(rng), &credit, inline(rng))
            }
            7 => raw("<!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>\n<!-- /wp:separator -->"),
            _ => p(inline(rng)),
        }
    }

    #[test]
    fn random_bodies_come_back_unchanged() {
        let mut rng = Lcg(2024);
        for round in 0..300 {
            let mut id = 0;
            let blocks: Vec<Value> = (0..1 + rng.next(6)).map(|_| block(&mut rng, 0, &mut id)).collect();
            let body = doc(blocks);
            let pulled = content_to_body(&content_of(&body));
            let want = expected(&body);
            for (i, (got, want)) in pulled.blocks.iter().zip(&want).enumerate() {
                assert_eq!(got, want, "round {round}, block {i}: {}", body_to_blocks(&body, &uploaded).unwrap()[i]);
            }
            assert_eq!(pulled.blocks.len(), want.len(), "round {round}");
        }
    }
}

//! The desk's "what changed": syllable diffs between two versions, and undoing one change.

use banthao_core::article::blocks::text_blocks;
use banthao_core::article::schema::validate;
use banthao_core::desk::diff::{diff_contents, revert_change, DiffBlockKind, DiffField, DiffOp, FieldDiff};
use banthao_core::*;
use serde_json::{json, Value};

fn body(blocks: Vec<Value>) -> BodyDoc {
    serde_json::from_value(json!({"type": "doc", "content": blocks})).unwrap()
}

fn p(text: &str) -> Value {
    json!({"type": "paragraph", "content": [{"type": "text", "text": text}]})
}

/// A paragraph whose `\n` are hard breaks.
fn lines(text: &str) -> Value {
    let mut inline = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            inline.push(json!({"type": "hard_break"}));
        }
        inline.push(json!({"type": "text", "text": line}));
    }
    json!({"type": "paragraph", "content": inline})
}

fn h(text: &str) -> Value {
    json!({"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": text}]})
}

fn figure(media_id: i64, caption: &str) -> Value {
    json!({"type": "figure", "attrs": {"media_id": media_id, "credit": "TTXVN", "alt": "Ảnh"},
           "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
}

fn content(headline: &str, sapo: &str, blocks: Vec<Value>) -> RevisionContent {
    RevisionContent {
        headline: headline.into(),
        sapo: sapo.into(),
        body: validate(body(blocks)).unwrap(),
        section: "Thời sự".into(),
        keywords: vec!["Hà Nội".into(), "giao thông".into()],
        byline: "Minh Anh".into(),
        dateline: "Hà Nội".into(),
        slug: "s".into(),
    }
}

/// The text of one side: equal + delete (older) or equal + insert (newer).
fn side(diff: &FieldDiff, newer: bool) -> String {
    let own = if newer { DiffOp::Insert } else { DiffOp::Delete };
    diff.pieces.iter().filter(|p| p.op == DiffOp::Equal || p.op == own).map(|p| p.text.as_str()).collect()
}

fn field(diffs: &[FieldDiff], f: DiffField) -> Option<&FieldDiff> {
    diffs.iter().find(|d| d.field == f)
}

fn body_diffs(diffs: &[FieldDiff]) -> Vec<&FieldDiff> {
    diffs.iter().filter(|d| d.field == DiffField::Body).collect()
}

fn ops(diff: &FieldDiff) -> Vec<(DiffOp, &str)> {
    diff.pieces.iter().map(|p| (p.op, p.text.as_str())).collect()
}

fn change_ids(diffs: &[FieldDiff]) -> Vec<String> {
    let mut ids: Vec<String> = diffs.iter().flat_map(|d| d.pieces.iter().filter_map(|p| p.change.clone())).collect();
    ids.dedup();
    ids
}

/// Every field's pieces give back both texts exactly; every block of both bodies appears
/// once, in order; equal pieces carry no change and changed pieces one.
fn assert_reconstructs(from: &RevisionContent, to: &RevisionContent) -> Vec<FieldDiff> {
    let diffs = diff_contents(from, to);
    for (f, old, new) in [
        (DiffField::Headline, from.headline.clone(), to.headline.clone()),
        (DiffField::Sapo, from.sapo.clone(), to.sapo.clone()),
        (DiffField::Section, from.section.clone(), to.section.clone()),
        (DiffField::Keywords, from.keywords.join(", "), to.keywords.join(", ")),
    ] {
        match field(&diffs, f) {
            Some(d) => {
                assert_eq!((side(d, false), side(d, true)), (old.clone(), new.clone()), "{f:?}");
                assert_eq!(d.changed, old != new);
            }
            None => assert_eq!(old, new, "{f:?} changed but is not shown"),
        }
    }
    let (old_blocks, new_blocks) = (text_blocks(&from.body), text_blocks(&to.body));
    let (mut seen_old, mut seen_new) = (Vec::new(), Vec::new());
    for d in body_diffs(&diffs) {
        if let Some(o) = d.old_block {
            assert_eq!(side(d, false), old_blocks[o as usize].text);
            seen_old.push(o as usize);
        } else {
            assert_eq!(side(d, false), "");
        }
        if let Some(n) = d.block {
            assert_eq!(side(d, true), new_blocks[n as usize].text);
            seen_new.push(n as usize);
        } else {
            assert_eq!(side(d, true), "");
        }
    }
    assert_eq!(seen_old, (0..old_blocks.len()).collect::<Vec<_>>());
    assert_eq!(seen_new, (0..new_blocks.len()).collect::<Vec<_>>());
    for d in &diffs {
        assert_eq!(d.changed, d.pieces.iter().any(|p| p.op != DiffOp::Equal));
        for piece in &d.pieces {
            assert_eq!(piece.change.is_some(), piece.op != DiffOp::Equal, "{piece:?}");
        }
    }
    diffs
}

// In a module so that `cargo test -p banthao-core diff` picks these tests out.
mod diff {
    use super::*;

    #[test]
    fn a_tone_mark_or_a_capital_replaces_the_whole_syllable() {
        let from = content("Hoà bình cho Ông Nam", "", vec![p("")]);
        let to = content("Hòa bình cho ông Nam", "", vec![p("")]);
        let diffs = assert_reconstructs(&from, &to);
        let headline = field(&diffs, DiffField::Headline).unwrap();
        assert_eq!(
            ops(headline),
            [
                (DiffOp::Delete, "Hoà"),
                (DiffOp::Insert, "Hòa"),
                (DiffOp::Equal, " bình cho "),
                (DiffOp::Delete, "Ông"),
                (DiffOp::Insert, "ông"),
                (DiffOp::Equal, " Nam"),
            ]
        );
        assert_eq!(change_ids(&diffs), ["headline:0", "headline:1"]);

        // Decomposed text (NFD) still compares by whole syllables.
        let mut nfd = from.clone();
        nfd.headline = "Hoa\u{300} bình".into();
        let mut nfc = to.clone();
        nfc.headline = "Hòa bình".into();
        let diffs = assert_reconstructs(&nfd, &nfc);
        assert_eq!(
            ops(field(&diffs, DiffField::Headline).unwrap()),
            [(DiffOp::Delete, "Hoa\u{300}"), (DiffOp::Insert, "Hòa"), (DiffOp::Equal, " bình")]
        );
    }

    #[test]
    fn insertions_before_inside_and_after() {
        let from = content("Nam nói.", "", vec![p("")]);
        let cases = [
            ("Hôm qua Nam nói.", vec![(DiffOp::Insert, "Hôm qua "), (DiffOp::Equal, "Nam nói.")]),
            ("Nam nói thêm.", vec![(DiffOp::Equal, "Nam nói"), (DiffOp::Insert, " thêm"), (DiffOp::Equal, ".")]),
        ];
        for (headline, expected) in cases {
            let to = content(headline, "", vec![p("")]);
            let diffs = assert_reconstructs(&from, &to);
            assert_eq!(ops(field(&diffs, DiffField::Headline).unwrap()), expected);
        }
        let to = content("Nam đã nói.", "", vec![p("")]);
        let diffs = assert_reconstructs(&from, &to);
        let headline = field(&diffs, DiffField::Headline).unwrap();
        let changed: Vec<_> = headline.pieces.iter().filter(|p| p.op != DiffOp::Equal).collect();
        assert_eq!(changed.len(), 1);
        assert_eq!((changed[0].op, changed[0].text.trim()), (DiffOp::Insert, "đã"));
    }

    #[test]
    fn whitespace_between_changed_words_belongs_to_the_change() {
        let from = content("Ông Ba Tư nói rằng", "", vec![p("")]);
        let to = content("Bà Năm Sáu nói rằng", "", vec![p("")]);
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(
            ops(field(&diffs, DiffField::Headline).unwrap()),
            [(DiffOp::Delete, "Ông Ba Tư"), (DiffOp::Insert, "Bà Năm Sáu"), (DiffOp::Equal, " nói rằng")]
        );
    }

    #[test]
    fn unchanged_fields_and_blocks_are_one_equal_piece() {
        let from = content("Tít", "Sapo.", vec![p("Một."), h("Hai"), figure(1, "Ba")]);
        let diffs = assert_reconstructs(&from, &from);
        assert_eq!(diffs.len(), 5, "headline, sapo and three blocks; section and keywords only when changed");
        for d in &diffs {
            assert!(!d.changed);
            assert_eq!(d.pieces.len(), 1);
        }
        let kinds: Vec<_> = body_diffs(&diffs).iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [Some(DiffBlockKind::Paragraph), Some(DiffBlockKind::Heading), Some(DiffBlockKind::Caption)]);
        assert_eq!(field(&diffs, DiffField::Headline).unwrap().kind, None);
    }

    #[test]
    fn a_deleted_and_an_inserted_paragraph_among_unchanged_ones() {
        let from = content("T", "", vec![p("Một."), p("Hai bị xoá."), p("Ba."), p("Bốn.")]);
        let to = content("T", "", vec![p("Một."), p("Ba."), p("Năm mới thêm."), p("Bốn.")]);
        let diffs = assert_reconstructs(&from, &to);
        let blocks: Vec<_> = body_diffs(&diffs).iter().map(|d| (d.block, d.old_block, ops(d))).collect();
        assert_eq!(
            blocks,
            [
                (Some(0), Some(0), vec![(DiffOp::Equal, "Một.")]),
                (None, Some(1), vec![(DiffOp::Delete, "Hai bị xoá.")]),
                (Some(1), Some(2), vec![(DiffOp::Equal, "Ba.")]),
                (Some(2), None, vec![(DiffOp::Insert, "Năm mới thêm.")]),
                (Some(3), Some(3), vec![(DiffOp::Equal, "Bốn.")]),
            ]
        );
        assert_eq!(change_ids(&diffs), ["body:old1:0", "body:2:0"]);
    }

    #[test]
    fn an_edited_block_pairs_with_its_old_self_not_a_deleted_neighbour() {
        let from = content(
            "T",
            "",
            vec![p("Mở."), p("Đoạn sẽ bị xoá hẳn."), p("Thủ tướng phát biểu tại hội nghị."), p("Kết.")],
        );
        let to = content("T", "", vec![p("Mở."), p("Thủ tướng đã phát biểu tại hội nghị."), p("Kết.")]);
        let diffs = assert_reconstructs(&from, &to);
        let blocks: Vec<_> = body_diffs(&diffs).iter().map(|d| (d.block, d.old_block)).collect();
        assert_eq!(blocks, [(Some(0), Some(0)), (None, Some(1)), (Some(1), Some(2)), (Some(2), Some(3))]);
    }

    #[test]
    fn a_caption_change_is_a_caption_block() {
        let from = content("T", "", vec![p("Một."), figure(7, "Cầu Long Biên lúc sáng sớm.")]);
        let to = content("T", "", vec![p("Một."), figure(7, "Cầu Long Biên lúc hoàng hôn.")]);
        let diffs = assert_reconstructs(&from, &to);
        let caption = body_diffs(&diffs)[1];
        assert_eq!(caption.kind, Some(DiffBlockKind::Caption));
        assert_eq!(
            ops(caption),
            [
                (DiffOp::Equal, "Cầu Long Biên lúc "),
                (DiffOp::Delete, "sáng sớm"),
                (DiffOp::Insert, "hoàng hôn"),
                (DiffOp::Equal, "."),
            ]
        );
        let reverted = revert_change(&from, &to, "body:1:0").unwrap();
        assert_eq!(reverted.body, from.body);
    }

    #[test]
    fn headline_sapo_section_and_keywords() {
        let from = content("Giá xăng giảm", "Từ 15h chiều nay, giá xăng giảm.", vec![p("")]);
        let mut to = content("Giá xăng tăng mạnh", "Từ 15h chiều nay, giá xăng tăng.", vec![p("")]);
        to.section = "Kinh tế".into();
        to.keywords = vec!["giá xăng".into(), "giao thông".into()];
        let diffs = assert_reconstructs(&from, &to);
        let fields: Vec<_> = diffs.iter().map(|d| d.field).collect();
        assert_eq!(
            fields,
            [DiffField::Headline, DiffField::Sapo, DiffField::Section, DiffField::Keywords, DiffField::Body]
        );
        assert_eq!(
            ops(field(&diffs, DiffField::Headline).unwrap()),
            [(DiffOp::Equal, "Giá xăng "), (DiffOp::Delete, "giảm"), (DiffOp::Insert, "tăng mạnh")]
        );
        assert_eq!(
            ops(field(&diffs, DiffField::Keywords).unwrap()),
            [(DiffOp::Delete, "Hà Nội"), (DiffOp::Insert, "giá xăng"), (DiffOp::Equal, ", giao thông")]
        );
        let json = serde_json::to_value(field(&diffs, DiffField::Sapo).unwrap()).unwrap();
        assert_eq!(
            json,
            json!({"field": "sapo", "block": null, "old_block": null, "kind": null, "changed": true, "pieces": [
            {"op": "equal", "text": "Từ 15h chiều nay, giá xăng "},
            {"op": "delete", "text": "giảm", "change": "sapo:0"},
            {"op": "insert", "text": "tăng", "change": "sapo:0"},
            {"op": "equal", "text": "."}]})
        );
    }

    #[test]
    fn pieces_rebuild_both_versions() {
        let texts = [
            ("", "Một câu mới."),
            ("Một câu cũ.", ""),
            ("Sáng 2-3, UBND quận “Dương Kinh” họp.", "Chiều 3-3, UBND quận Dương Kinh (Hải Phòng) đã họp!"),
            ("a  b\tc\nd", "a b\nc  d"),
            ("Người dân   chờ đợi…", "Người dân đã chờ, rất lâu…"),
            ("Thủy, thuỷ, hoà, hòa.", "Thuỷ, thủy, hòa, hoà."),
        ];
        for (old, new) in texts {
            let from = content(old, new, vec![p(old), p("giữ nguyên"), p(new)]);
            let to = content(new, old, vec![p(new), p("giữ nguyên"), p(old), p("thêm")]);
            assert_reconstructs(&from, &to);
            assert_reconstructs(&to, &from);
        }
        let from = content(
            "T",
            "",
            vec![h("Tiêu đề"), figure(1, "Ảnh một"), p("A."), p("B."), p("C."), figure(2, "Ảnh hai"), p("D.")],
        );
        let to = content("T", "", vec![p("Tiêu đề"), p("A mới."), figure(2, "Ảnh hai sửa"), p("X."), p("D."), p("E.")]);
        assert_reconstructs(&from, &to);
        assert_reconstructs(&to, &from);
    }

    /// Undoes every change of `from` → `to`, one at a time, and checks `from` comes back.
    fn assert_reverts_to_older(from: &RevisionContent, to: &RevisionContent) {
        let mut now = to.clone();
        for _ in 0..200 {
            let Some(id) = change_ids(&diff_contents(from, &now)).into_iter().next() else { break };
            now = revert_change(from, &now, &id).unwrap();
        }
        assert_eq!(
            (&now.headline, &now.sapo, &now.section, &now.keywords, &now.body),
            (&from.headline, &from.sapo, &from.section, &from.keywords, &from.body)
        );
    }

    #[test]
    fn undoing_every_change_gives_back_the_older_version() {
        let texts = [
            ("Dòng một\nDòng hai cũ", "Dòng một mới dòng hai"),
            ("a  b\tc\nd", "a b\nc  d"),
            ("Sáng 2-3, UBND quận “Dương Kinh” họp.", "Chiều 3-3, UBND quận Dương Kinh (Hải Phòng) đã họp!"),
            ("", "Một câu mới."),
        ];
        for (old, new) in texts {
            let from = content(old, old, vec![lines(old), h("Giữ"), lines(new), figure(1, old)]);
            let to = content(new, new, vec![lines(new), p("Thêm"), h("Giữ"), figure(1, new), lines(old)]);
            assert_reverts_to_older(&from, &to);
            assert_reverts_to_older(&to, &from);
        }
    }

    #[test]
    fn a_paragraph_made_a_heading_shows_as_two_blocks() {
        let from = content("T", "", vec![p("Một."), p("Bối cảnh"), p("Hai.")]);
        let to = content("T", "", vec![p("Một."), h("Bối cảnh"), p("Hai.")]);
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(change_ids(&diffs), ["body:old1:0", "body:1:0"]);
        let back = revert_change(&from, &to, "body:1:0").unwrap();
        let back = revert_change(&from, &back, "body:old1:0").unwrap();
        assert_eq!(back.body, from.body);
    }

    fn block_texts(c: &RevisionContent) -> Vec<String> {
        text_blocks(&c.body).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn reverting_one_change_keeps_the_others() {
        let from = content(
            "Giá xăng giảm",
            "Sapo cũ.",
            vec![p("Mở đầu."), p("Ông Ba nói hôm qua."), p("Đoạn bị xoá."), p("Giữa."), figure(3, "Ảnh cũ"), p("Kết.")],
        );
        let mut to = content(
            "Giá xăng tăng",
            "Sapo mới.",
            vec![
                p("Mở đầu."),
                p("Ông Nam nói chiều qua."),
                p("Giữa."),
                p("Đoạn thêm."),
                figure(3, "Ảnh mới"),
                p("Kết."),
            ],
        );
        to.section = "Kinh tế".into();
        to.keywords = vec!["Hà Nội".into(), "xăng dầu".into()];
        let diffs = assert_reconstructs(&from, &to);
        let ids = change_ids(&diffs);
        assert_eq!(
            ids,
            [
                "headline:0",
                "sapo:0",
                "section:0",
                "keywords:0",
                "body:1:0",
                "body:1:1",
                "body:old2:0",
                "body:3:0",
                "body:4:0"
            ]
        );

        let r = revert_change(&from, &to, "headline:0").unwrap();
        assert_eq!((r.headline.as_str(), r.sapo.as_str(), r.body == to.body), ("Giá xăng giảm", "Sapo mới.", true));
        let r = revert_change(&from, &to, "sapo:0").unwrap();
        assert_eq!((r.headline.as_str(), r.sapo.as_str()), ("Giá xăng tăng", "Sapo cũ."));
        let r = revert_change(&from, &to, "section:0").unwrap();
        assert_eq!((r.section.as_str(), r.keywords.clone()), ("Thời sự", to.keywords.clone()));
        let r = revert_change(&from, &to, "keywords:0").unwrap();
        assert_eq!((r.section.as_str(), r.keywords.clone()), ("Kinh tế", from.keywords.clone()));

        let r = revert_change(&from, &to, "body:1:1").unwrap();
        assert_eq!(block_texts(&r)[1], "Ông Nam nói hôm qua.");
        assert_eq!(r.headline, to.headline);
        let r = revert_change(&from, &to, "body:1:0").unwrap();
        assert_eq!(block_texts(&r)[1], "Ông Ba nói chiều qua.");

        let r = revert_change(&from, &to, "body:old2:0").unwrap();
        assert_eq!(
            block_texts(&r),
            ["Mở đầu.", "Ông Nam nói chiều qua.", "Đoạn bị xoá.", "Giữa.", "Đoạn thêm.", "Ảnh mới", "Kết."]
        );
        let r = revert_change(&from, &to, "body:3:0").unwrap();
        assert_eq!(block_texts(&r), ["Mở đầu.", "Ông Nam nói chiều qua.", "Giữa.", "Ảnh mới", "Kết."]);
        let r = revert_change(&from, &to, "body:4:0").unwrap();
        assert_eq!(block_texts(&r)[4], "Ảnh cũ");

        // Undoing every change, one after another, gives back the older version.
        let mut now = to.clone();
        while let Some(id) = change_ids(&diff_contents(&from, &now)).into_iter().next() {
            now = revert_change(&from, &now, &id).unwrap();
        }
        assert_eq!(
            (now.headline, now.sapo, now.body, now.keywords),
            (from.headline, from.sapo, from.body, from.keywords)
        );
    }

    #[test]
    fn a_deleted_block_comes_back_as_it_was_where_it_was() {
        let bold_heading = json!({"type": "heading", "attrs": {"level": 3}, "content": [{"type": "text", "text": "Bối cảnh", "marks": [{"type": "strong"}]}]});
        let list = |items: &[&str]| json!({"type": "bullet_list", "content": items.iter().map(|t| json!({"type": "list_item", "content": [p(t)]})).collect::<Vec<_>>()});
        let from = content(
            "T",
            "",
            vec![p("Một."), list(&["Ý một", "Ý hai"]), bold_heading.clone(), p("Hai."), figure(5, "Ảnh")],
        );
        let to = content("T", "", vec![p("Một."), list(&["Ý một"]), p("Hai.")]);
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(change_ids(&diffs), ["body:old2:0", "body:old3:0", "body:old5:0"]);

        // The heading goes back after the list, not into its last item, with its level and bold.
        let r = revert_change(&from, &to, "body:old3:0").unwrap();
        assert_eq!(r.body, validate(body(vec![p("Một."), list(&["Ý một"]), bold_heading, p("Hai.")])).unwrap());
        // A list item's only paragraph brings its list item back into the list.
        let r = revert_change(&from, &to, "body:old2:0").unwrap();
        assert_eq!(r.body, validate(body(vec![p("Một."), list(&["Ý một", "Ý hai"]), p("Hai.")])).unwrap());
        // Where no list is left to take it, the paragraph comes back on its own.
        let bare = content("T", "", vec![p("Một."), p("Hai.")]);
        let r = revert_change(&from, &bare, "body:old1:0").unwrap();
        assert_eq!(block_texts(&r), ["Một.", "Ý một", "Hai."]);
        assert_eq!(r.body.content.as_ref().unwrap()[1].node_type, "paragraph");
        // A caption brings its whole figure back.
        let r = revert_change(&from, &to, "body:old5:0").unwrap();
        assert_eq!(r.body, validate(body(vec![p("Một."), list(&["Ý một"]), p("Hai."), figure(5, "Ảnh")])).unwrap());

        // A first block that is gone goes back at the start.
        let from = content("T", "", vec![p("Mất."), p("Còn.")]);
        let to = content("T", "", vec![p("Còn.")]);
        assert_eq!(revert_change(&from, &to, "body:old0:0").unwrap().body, from.body);
    }

    #[test]
    fn an_inserted_block_is_removed_with_what_only_held_it() {
        let from = content("T", "", vec![p("Một.")]);
        let to = content(
            "T",
            "",
            vec![p("Một."), json!({"type": "blockquote", "content": [p("Trích dẫn mới.")]}), figure(9, "Ảnh mới")],
        );
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(change_ids(&diffs), ["body:1:0", "body:2:0"]);
        let r = revert_change(&from, &to, "body:1:0").unwrap();
        assert_eq!(r.body, validate(body(vec![p("Một."), figure(9, "Ảnh mới")])).unwrap());
        let r = revert_change(&from, &to, "body:2:0").unwrap();
        assert_eq!(block_texts(&r), ["Một.", "Trích dẫn mới."]);
        assert!(r.body.content.as_ref().unwrap().iter().all(|n| n.node_type != "figure"));

        // The only block removed leaves the editor's empty body, which still validates.
        let from = content("T", "", vec![p("")]);
        let to = content("T", "", vec![p(""), p("Mới.")]);
        let r = revert_change(&from, &to, "body:1:0").unwrap();
        assert_eq!(r.body, from.body);
    }

    #[test]
    fn reverting_keeps_the_marks_around_the_change() {
        let marked = |name: &str| {
            body(vec![json!({"type": "paragraph", "content": [
                {"type": "text", "text": format!("Ông {name} nói"), "marks": [{"type": "strong"}]},
                {"type": "text", "text": " hôm qua, "},
                {"type": "hard_break"},
                {"type": "text", "text": "xem bài", "marks": [{"type": "link", "attrs": {"href": "https://a.vn", "title": null}}]},
                {"type": "text", "text": "."}
            ]})])
        };
        let mut from = content("T", "", vec![]);
        from.body = validate(marked("Ba")).unwrap();
        let mut to = from.clone();
        to.body = validate(marked("Nam Định")).unwrap();
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(change_ids(&diffs), ["body:0:0"]);
        let r = revert_change(&from, &to, "body:0:0").unwrap();
        assert_eq!(r.body, from.body, "the restored name is bold like the words around it");

        // Words deleted inside a link come back inside it; the hard break stays.
        let mut to = from.clone();
        let mut shortened = serde_json::to_value(&from.body).unwrap();
        shortened["content"][0]["content"][3]["text"] = json!("xem");
        to.body = validate(serde_json::from_value(shortened).unwrap()).unwrap();
        let diffs = assert_reconstructs(&from, &to);
        let id = change_ids(&diffs).pop().unwrap();
        assert_eq!(revert_change(&from, &to, &id).unwrap().body, from.body);

        // A sentence made bold after its word changed: the old word comes back bold too.
        let bold = |text: &str| json!({"type": "paragraph", "content": [{"type": "text", "text": text, "marks": [{"type": "strong"}]}]});
        let from = content("T", "", vec![p("Ông Ba nói hôm qua.")]);
        let to = content("T", "", vec![bold("Ông Nam nói hôm qua.")]);
        let r = revert_change(&from, &to, "body:0:0").unwrap();
        assert_eq!(r.body, validate(body(vec![bold("Ông Ba nói hôm qua.")])).unwrap());
    }

    #[test]
    fn an_unknown_change_is_refused() {
        let from = content("Giá xăng giảm", "", vec![p("Một."), p("Hai.")]);
        let to = content("Giá xăng tăng", "", vec![p("Một."), p("Hai mới.")]);
        for id in
            ["headline:1", "headline:00", "sapo:0", "body:0:0", "body:1:5", "body:old1:0", "byline:0", "nonsense", ""]
        {
            let err = revert_change(&from, &to, id).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput, "{id}");
            assert!(err.to_string().contains(&format!("'{id}'")), "{err}");
        }
        assert!(revert_change(&from, &to, "headline:0").is_ok());
        assert!(revert_change(&from, &to, "body:1:0").is_ok());
    }

    #[test]
    fn a_long_article_diffs_only_what_differs() {
        let words = ["người", "dân", "Hà", "Nội", "chờ", "đợi", "xe", "buýt", "mới", "từ", "sáng", "sớm"];
        let paragraph = |i: usize| -> String {
            let words: Vec<_> = (0..100).map(|k| words[(i * 7 + k * 5) % words.len()]).collect();
            format!("Đoạn {i}: {}.", words.join(" "))
        };
        let old: Vec<String> = (0..200).map(paragraph).collect();
        let mut new = old.clone();
        for i in (0..200).step_by(10) {
            new[i] = new[i].replacen("dân", "dân thủ đô", 1);
        }
        new.remove(55);
        new.insert(120, "Một đoạn mới hoàn toàn.".into());
        let from = content("T", "", old.iter().map(|t| p(t)).collect());
        let to = content("T", "", new.iter().map(|t| p(t)).collect());
        let started = std::time::Instant::now();
        let diffs = assert_reconstructs(&from, &to);
        assert_eq!(body_diffs(&diffs).len(), 201);
        eprintln!("200 paragraphs: {:?}", started.elapsed());
        assert_eq!(change_ids(&diffs).len(), 22);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());

        // A block too long to compare word by word at once goes sentence by sentence, and its
        // changes are still words.
        let sentence = |i: usize| format!("Câu thứ {i} nói về người dân {} chờ xe buýt.", words[i % words.len()]);
        let old: Vec<String> = (0..500).map(sentence).collect();
        let mut new = old.clone();
        for i in [3, 250, 497] {
            new[i] = new[i].replace("chờ", "đợi");
        }
        let from = content("T", "", vec![p(&old.join(" "))]);
        let to = content("T", "", vec![p(&new.join(" "))]);
        let diffs = assert_reconstructs(&from, &to);
        let changed: Vec<_> = body_diffs(&diffs)[0].pieces.iter().filter(|p| p.op != DiffOp::Equal).collect();
        let changed: Vec<_> = changed.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(changed, [(DiffOp::Delete, "chờ"), (DiffOp::Insert, "đợi")].repeat(3));

        // One huge block rewritten end to end, without a sentence to hold on to, stays quick:
        // past a limit it is one change.
        let huge = |seed: usize| (0..12_000).map(|k| words[(k * seed) % words.len()]).collect::<Vec<_>>().join(" ");
        let from = content("T", "", vec![p(&huge(5))]);
        let to = content("T", "", vec![p(&huge(7))]);
        let started = std::time::Instant::now();
        assert_eq!(change_ids(&assert_reconstructs(&from, &to)), ["body:0:0"]);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}

//! Every text that enters the core is stored in NFC, whatever form it arrived in.

mod common;

use banthao_core::*;
use common::*;

/// "Hoà Dương" written three ways: NFC, NFD, and Unikey's "Unicode tổ hợp".
const NFC: &str = "Hoà Dương";
const NFD: &str = "Hoa\u{0300} Du\u{031b}o\u{031b}ng";
const TO_HOP: &str = "Hoa\u{0300} D\u{01b0}\u{01a1}ng";

#[test]
fn every_field_is_stored_in_nfc() {
    let mut lib = Library::open_in_memory().unwrap();
    for form in [NFD, TO_HOP] {
        assert_ne!(form, NFC);
        let a = lib
            .create_article(NewArticle {
                headline: form.into(),
                sapo: form.into(),
                body: Some(paragraphs(&[form])),
                section: form.into(),
                keywords: vec![form.into()],
                byline: form.into(),
                dateline: form.into(),
                slug: None,
                uid: None,
            })
            .unwrap();
        let stored = lib.get_article(a.id).unwrap();
        assert_eq!(stored.headline, NFC);
        assert_eq!(stored.sapo, NFC);
        assert_eq!(stored.body, paragraphs(&[NFC]));
        assert_eq!(stored.section, NFC);
        assert_eq!(stored.keywords, [NFC]);
        assert_eq!(stored.byline, NFC);
        assert_eq!(stored.dateline, NFC);

        let patched = lib
            .update_article(
                a.id,
                ArticlePatch {
                    base_version: 1,
                    headline: Some(format!("{form}!")),
                    editor_note: Some(form.into()),
                    body: Some(paragraphs(&[form, form])),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(patched.headline, format!("{NFC}!"));
        assert_eq!(patched.editor_note, NFC);
        assert_eq!(lib.get_article(a.id).unwrap().body, paragraphs(&[NFC, NFC]));
        // And it is found by its NFC spelling.
        assert!(lib.search(NFC, None, 10).unwrap().iter().any(|h| h.id == a.id));
    }
}

#[test]
fn plain_text_bodies_become_paragraphs_in_nfc() {
    let doc = article::render::doc_from_plain_text(&format!("{NFD}\ndòng gói\n\n\n  Đoạn hai  \r\n"));
    assert_eq!(doc, paragraphs(&[&format!("{NFC} dòng gói"), "Đoạn hai"]));
}

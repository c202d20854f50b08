//! The desk's costs a user waits on, each beside the same work without the desk feature:
//! a save of a long article that carries anchored notes (they follow the edit) against the same
//! save of the same article without notes; and "what changed" between two versions of a long
//! article (syllable diff, block by block) against a plain word diff of the two whole texts.

use banthao_core::article::render::{doc_from_plain_text, doc_to_text};
use banthao_core::desk::transitions::StatusChange;
use banthao_core::{ArticlePatch, ArticleStatus, Library, NewArticle};
use std::path::Path;
use std::time::Instant;

use crate::generate::{self, Rng};
use crate::stats::{ms, ratio, Samples};

const TIENG: usize = 5_000;
const NOTES: usize = 20;
const SAVES: usize = 40;

fn long_article(lib: &mut Library, rng: &mut Rng) -> (i64, Vec<String>) {
    let paragraphs = generate::paragraphs(rng, TIENG);
    let a = lib
        .create_article(NewArticle {
            headline: generate::headline(rng),
            sapo: generate::sentence(rng),
            body: Some(doc_from_plain_text(&paragraphs.join("\n\n"))),
            ..Default::default()
        })
        .unwrap();
    (a.id, paragraphs)
}

/// One save as typing makes it: a word inserted into paragraph `at`.
fn save_with_word(lib: &mut Library, id: i64, paragraphs: &mut [String], at: usize) {
    paragraphs[at].insert_str(0, "Thêm ");
    let version = lib.get_article(id).unwrap().version;
    let patch = ArticlePatch {
        base_version: version,
        body: Some(doc_from_plain_text(&paragraphs.join("\n\n"))),
        ..Default::default()
    };
    lib.update_article(id, patch).unwrap();
}

pub fn run(tmp: &Path) {
    println!("\nThe desk (a {TIENG}-tiếng article, {} paragraphs)", {
        let mut rng = Rng::new(7);
        generate::paragraphs(&mut rng, TIENG).len()
    });
    let mut lib = Library::open(&tmp.join("desk")).unwrap();
    let mut rng = Rng::new(7);
    let (noted, mut noted_text) = long_article(&mut lib, &mut rng);
    let mut rng = Rng::new(7);
    let (plain, mut plain_text) = long_article(&mut lib, &mut rng);
    for i in 0..NOTES {
        let paragraph = &noted_text[i * noted_text.len() / NOTES];
        let quote: String = paragraph.split(' ').skip(3).take(6).collect::<Vec<_>>().join(" ");
        lib.add_note_on_quote(noted, "Kiểm tra lại", &quote, None, false).unwrap();
    }
    let n = noted_text.len();
    let mut i = 0;
    let with_notes = Samples::collect(SAVES, || {
        i += 1;
        save_with_word(&mut lib, noted, &mut noted_text, (i * 7) % n);
    });
    let mut i = 0;
    let without = Samples::collect(SAVES, || {
        i += 1;
        save_with_word(&mut lib, plain, &mut plain_text, (i * 7) % n);
    });
    assert!(lib.list_notes(noted).unwrap().iter().all(|note| !note.detached), "the notes followed every save");
    println!(
        "save with {NOTES} anchored notes       p50 {}   (the same save, no notes: {})   ratio {}",
        ms(with_notes.p50()),
        ms(without.p50()),
        ratio(with_notes.p50(), without.p50())
    );

    // What changed: submitted, then an editor's edits in five paragraphs (a tone mark, words).
    lib.change_status(noted, StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() }).unwrap();
    let before = doc_to_text(&lib.get_article(noted).unwrap().body);
    for at in [1, n / 4, n / 2, 3 * n / 4, n - 2] {
        noted_text[at] = noted_text[at].replacen("tại", "ở", 1).replacen("hoà", "hòa", 1) + " Theo nguồn tin riêng.";
    }
    let version = lib.get_article(noted).unwrap().version;
    lib.update_article(
        noted,
        ArticlePatch {
            base_version: version,
            body: Some(doc_from_plain_text(&noted_text.join("\n\n"))),
            ..Default::default()
        },
    )
    .unwrap();
    let after = doc_to_text(&lib.get_article(noted).unwrap().body);
    let ours = Samples::collect(20, || {
        let diff = lib.diff_article(noted, None, None).unwrap();
        assert_eq!(diff.fields.iter().filter(|f| f.changed).count(), 5);
    });
    let words = Samples::collect(20, || {
        let t = Instant::now();
        let diff = similar::TextDiff::from_words(&before, &after);
        assert!(diff.ops().len() > 5, "{:?}", t.elapsed());
    });
    println!(
        "what changed (5 paragraphs edited)  p50 {}   (a word diff of the two texts, similar: {})   ratio {}",
        ms(ours.p50()),
        ms(words.p50()),
        ratio(ours.p50(), words.p50())
    );
}

mod common;

use banthao_core::desk::transitions::StatusChange;
use banthao_core::*;
use common::*;

#[test]
fn history_lists_versions_and_restores_one() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Bản đầu", "Sapo đầu", &["Đoạn đầu."])).unwrap();
    let b = lib
        .update_article(
            a.id,
            ArticlePatch { base_version: 1, body: Some(paragraphs(&["Đoạn sửa."])), ..Default::default() },
        )
        .unwrap();

    let history = lib.list_revisions(a.id).unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].reason, RevisionReason::Edited);
    assert_eq!(history[1].reason, RevisionReason::Created);
    assert_eq!(history[1].tieng, 6, "Bản đầu + Sapo đầu + Đoạn đầu.");

    let first = lib.get_revision(history[1].id).unwrap();
    assert_eq!(first.content.body, paragraphs(&["Đoạn đầu."]));

    let restored = lib.restore_revision(history[1].id).unwrap();
    assert_eq!(restored.version, b.version + 1);
    assert_eq!(restored.body, paragraphs(&["Đoạn đầu."]));
    assert_eq!(lib.get_article(a.id).unwrap().body, paragraphs(&["Đoạn đầu."]));

    // The state before the restore is kept, so the restore itself can be undone.
    let history = lib.list_revisions(a.id).unwrap();
    let reasons: Vec<_> = history.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        [RevisionReason::Restored, RevisionReason::BeforeRestore, RevisionReason::Edited, RevisionReason::Created]
    );
    let before = lib.get_revision(history[1].id).unwrap();
    assert_eq!(before.content.body, paragraphs(&["Đoạn sửa."]));
    let undone = lib.restore_revision(history[1].id).unwrap();
    assert_eq!(undone.body, paragraphs(&["Đoạn sửa."]));
}

#[test]
fn autosaves_in_one_burst_share_a_revision_that_holds_the_latest_text() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["v0"])).unwrap();
    let mut version = a.version;
    for i in 1..=20 {
        let text = format!("v{i}");
        version = lib
            .update_article(
                a.id,
                ArticlePatch { base_version: version, body: Some(paragraphs(&[&text])), ..Default::default() },
            )
            .unwrap()
            .version;
    }
    let history = lib.list_revisions(a.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(lib.get_revision(history[0].id).unwrap().content.body, paragraphs(&["v20"]));
}

#[test]
fn unknown_revisions_and_articles_are_clear_errors() {
    let mut lib = Library::open_in_memory().unwrap();
    assert_eq!(lib.get_revision(999).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(lib.restore_revision(999).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(lib.list_revisions(999).unwrap_err().code(), ErrorCode::NotFound);
    let msg = lib.get_revision(999).unwrap_err().message(Lang::Vi);
    assert!(msg.contains("Không tìm thấy"), "{msg}");
}

#[test]
fn deleting_an_article_deletes_its_history() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["x"])).unwrap();
    let rev = lib.list_revisions(a.id).unwrap()[0].id;
    lib.delete_article(a.id).unwrap();
    assert_eq!(lib.get_revision(rev).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn text_that_lost_a_conflict_is_kept_as_a_revision_and_can_be_restored() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Bản gốc."])).unwrap();
    // A colleague saves first; my save (based on version 1) is refused.
    lib.update_article(
        a.id,
        ArticlePatch { base_version: 1, body: Some(paragraphs(&["Bản đồng nghiệp."])), ..Default::default() },
    )
    .unwrap();
    let mine = ArticlePatch { base_version: 1, body: Some(paragraphs(&["Bản của tôi."])), ..Default::default() };
    assert_eq!(lib.update_article(a.id, mine.clone()).unwrap_err().code(), ErrorCode::Conflict);

    let kept = lib.keep_unsaved_copy(a.id, mine).unwrap();
    assert_eq!(kept.reason, RevisionReason::UnsavedCopy);
    assert_eq!(lib.get_article(a.id).unwrap().body, paragraphs(&["Bản đồng nghiệp."]), "the article is unchanged");
    assert_eq!(lib.get_revision(kept.id).unwrap().content.body, paragraphs(&["Bản của tôi."]));
    let restored = lib.restore_revision(kept.id).unwrap();
    assert_eq!(restored.body, paragraphs(&["Bản của tôi."]));
}

fn edit(lib: &mut Library, id: ArticleId, text: &str) -> Article {
    let version = lib.get_article(id).unwrap().version;
    lib.update_article(
        id,
        ArticlePatch { base_version: version, body: Some(paragraphs(&[text])), ..Default::default() },
    )
    .unwrap()
}

fn numbers(lib: &Library, id: ArticleId) -> Vec<u32> {
    lib.list_revisions(id).unwrap().iter().map(|r| r.number).collect()
}

#[test]
fn revisions_are_numbered_oldest_first_and_the_mark_names_the_one_the_article_is_at() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["v0"])).unwrap();
    let mark = lib.revision_mark(a.id).unwrap();
    assert_eq!(mark, RevisionMark { number: 1, open_until: None }, "the next edit starts revision 2");

    for i in 1..=5 {
        edit(&mut lib, a.id, &format!("v{i}"));
    }
    // Five saves, one burst: the history and the mark agree on 2, not on the save counter (6).
    assert_eq!(lib.get_article(a.id).unwrap().version, 6);
    assert_eq!(numbers(&lib, a.id), [2, 1]);
    let mark = lib.revision_mark(a.id).unwrap();
    assert_eq!(mark.number, 2);
    let opened = &lib.list_revisions(a.id).unwrap()[0].created_at;
    let until = mark.open_until.expect("the burst is open");
    assert!(until > *opened, "{until} after {opened}");

    // A copy kept beside the article is numbered in the history, but the article is not at it.
    let copy = ArticlePatch { base_version: 6, body: Some(paragraphs(&["chưa lưu"])), ..Default::default() };
    lib.keep_unsaved_copy(a.id, copy).unwrap();
    assert_eq!(numbers(&lib, a.id), [3, 2, 1]);
    assert_eq!(lib.revision_mark(a.id).unwrap(), RevisionMark { number: 2, open_until: None });
    edit(&mut lib, a.id, "v6");
    assert_eq!(lib.revision_mark(a.id).unwrap().number, 4);

    // A workflow step closes the burst: the mark says the next edit is a new revision.
    lib.change_status(a.id, StatusChange { to: Some(ArticleStatus::Submitted), ..Default::default() }).unwrap();
    assert_eq!(lib.revision_mark(a.id).unwrap(), RevisionMark { number: 4, open_until: None });
}

#[test]
fn a_bulk_fix_is_a_revision_of_its_own_so_restoring_the_one_before_undoes_exactly_it() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Hoà bình"])).unwrap();
    edit(&mut lib, a.id, "Hoà bình, hoà hợp");
    edit(&mut lib, a.id, "Hoà bình, hoà hợp và");
    let version = lib.get_article(a.id).unwrap().version;
    let fixed = lib
        .save_bulk_fix(
            a.id,
            ArticlePatch {
                base_version: version,
                body: Some(paragraphs(&["Hòa bình, hòa hợp và"])),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.version, version + 1);
    assert_eq!(lib.revision_mark(a.id).unwrap(), RevisionMark { number: 3, open_until: None });
    edit(&mut lib, a.id, "Hòa bình, hòa hợp và phát triển");

    let history = lib.list_revisions(a.id).unwrap();
    let reasons: Vec<_> = history.iter().map(|r| (r.number, r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (4, RevisionReason::Edited),
            (3, RevisionReason::BulkFix),
            (2, RevisionReason::Edited),
            (1, RevisionReason::Created)
        ],
        "typing after the fix starts a new burst; the fix did not join the one before"
    );
    assert_eq!(lib.get_revision(history[1].id).unwrap().content.body, paragraphs(&["Hòa bình, hòa hợp và"]));
    let before = lib.get_revision(history[2].id).unwrap();
    assert_eq!(before.content.body, paragraphs(&["Hoà bình, hoà hợp và"]), "what was typed before the fix, unfixed");
    assert_eq!(lib.restore_revision(history[2].id).unwrap().body, paragraphs(&["Hoà bình, hoà hợp và"]));
}

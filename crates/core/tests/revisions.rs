mod common;

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

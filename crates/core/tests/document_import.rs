//! The app's one door for files that come in: a handover file by its name or by what it holds,
//! bytes from the file chooser as well as paths from a drop, and a bad file reported per file.
mod common;

use banthao_core::interchange::handover::HandoverOutcome;
use banthao_core::interchange::{DocumentImport, ExportFormat};
use banthao_core::*;
use common::*;

fn handover_bytes(dir: &std::path::Path) -> (Vec<u8>, String) {
    let mut a = Library::open(&dir.join("a")).unwrap();
    let article = a.create_article(new_article("Bàn giao bài qua USB", "Sapo.", &["Một đoạn."])).unwrap();
    let out = dir.join("bai.banthao");
    let done = a.export_article(article.id, ExportFormat::Banthao, &out).unwrap();
    assert_eq!(done.bytes, std::fs::metadata(&out).unwrap().len());
    (std::fs::read(&out).unwrap(), article.uid)
}

#[test]
fn a_handover_file_is_recognised_by_its_name_or_its_contents_from_bytes_or_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, uid) = handover_bytes(dir.path());
    let mut b = Library::open(&dir.path().join("b")).unwrap();
    // From the file chooser, renamed by a mail client: still a handover file.
    let imported = b.import_document_bytes("tep-dinh-kem", bytes.clone(), None, Lang::Vi).unwrap();
    let DocumentImport::Handover(h) = imported else { panic!("read as a Word document") };
    assert_eq!(h.headline, "Bàn giao bài qua USB");
    assert_eq!(b.get_article(h.article_id).unwrap().uid, uid);
    // The private copy made for reading is gone.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("b"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".import-"))
        .collect();
    assert!(leftovers.is_empty());

    // Dropped as a path, the same file again: nothing new.
    let path = dir.path().join("bai.banthao");
    let results = b.import_documents(&[path, dir.path().join("ghi-chu.docx")], None, Lang::Vi);
    assert_eq!(results.len(), 2);
    assert!(
        matches!(&results[0].imported, Some(DocumentImport::Handover(h)) if h.outcome == HandoverOutcome::Unchanged),
        "{:?}",
        results[0]
    );
    assert!(results[1].imported.is_none(), "a file that is not there is reported, not fatal");
    assert_eq!(b.list_articles(&ListQuery::default()).unwrap().len(), 1, "never a second article");
}

#[test]
fn a_damaged_handover_file_from_bytes_names_the_file_the_user_chose() {
    let dir = tempfile::tempdir().unwrap();
    let (mut bytes, _) = handover_bytes(dir.path());
    bytes.truncate(bytes.len() / 2);
    let mut b = Library::open(&dir.path().join("b")).unwrap();
    let err = b.import_document_bytes("bai-cua-lan.banthao", bytes, None, Lang::Vi).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidFile);
    assert!(err.message(Lang::Vi).starts_with("bai-cua-lan.banthao: "), "{}", err.message(Lang::Vi));
    assert!(b.list_articles(&ListQuery::default()).unwrap().is_empty());
}

//! Archive and trash: what each list, search and queue shows, restoring, emptying for good,
//! and that moving an article between shelves is not an edit.
mod common;

use banthao_core::desk::people::Role;
use banthao_core::library::{Shelf, ShelfCounts};
use banthao_core::*;
use common::*;

fn ids(lib: &Library, shelf: Shelf) -> Vec<i64> {
    lib.list_articles(&ListQuery { shelf, ..Default::default() }).unwrap().iter().map(|a| a.id).collect()
}

fn found(lib: &Library, q: &str) -> Vec<i64> {
    lib.search(q, None, 20).unwrap().iter().map(|h| h.id).collect()
}

fn counts(active: u32, archived: u32, trash: u32) -> ShelfCounts {
    ShelfCounts { active, archived, trash }
}

#[test]
fn trash_and_archive_take_articles_out_of_the_daily_list_until_restored() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Cầu Rồng phun lửa cuối tuần", "", &["Đà Nẵng."])).unwrap();
    let b = lib.create_article(new_article("Giá xăng giảm nhẹ", "", &["Kỳ điều hành."])).unwrap();
    let c = lib.create_article(new_article("Hội chợ sách cũ", "", &["Phố sách."])).unwrap();
    assert_eq!(ids(&lib, Shelf::Active), [c.id, b.id, a.id]);

    lib.move_to_trash(&[a.id]).unwrap();
    lib.archive(&[b.id]).unwrap();
    assert_eq!(ids(&lib, Shelf::Active), [c.id]);
    assert_eq!(ids(&lib, Shelf::Archived), [b.id]);
    assert_eq!(ids(&lib, Shelf::Trash), [a.id]);
    assert_eq!(lib.shelf_counts().unwrap(), counts(1, 1, 1));
    assert_eq!(lib.shelf_of(a.id).unwrap(), Shelf::Trash);
    assert_eq!(lib.info().unwrap().article_count, 2, "the trash is not counted as the library's articles");

    // A search finds archived articles (that is what an archive is for), never trashed ones.
    assert_eq!(found(&lib, "gia xang"), [b.id]);
    assert!(found(&lib, "cau rong").is_empty(), "a trashed article is not found");

    // Neither shows in a queue.
    lib.change_status(c.id, to(ArticleStatus::Submitted)).unwrap();
    lib.change_status(b.id, to(ArticleStatus::Submitted)).unwrap();
    let queued: Vec<i64> = lib
        .queue(Role::Editor, None)
        .unwrap()
        .groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.article.id))
        .collect();
    assert_eq!(queued, [c.id]);

    // Moving is not an edit: the text, version and history are untouched, the article opens.
    let before = lib.get_article(a.id).unwrap();
    assert_eq!(before.version, a.version);
    assert_eq!(before.updated_at, a.updated_at);

    lib.restore_from_trash(&[a.id]).unwrap();
    lib.unarchive(&[b.id]).unwrap();
    assert_eq!(ids(&lib, Shelf::Active).len(), 3);
    assert_eq!(lib.shelf_counts().unwrap(), counts(3, 0, 0));
    assert_eq!(found(&lib, "cau rong"), [a.id]);
}

#[test]
fn a_restored_archived_article_goes_back_to_the_archive() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tin cũ", "", &["Một."])).unwrap();
    lib.archive(&[a.id]).unwrap();
    lib.move_to_trash(&[a.id]).unwrap();
    assert_eq!(ids(&lib, Shelf::Archived), Vec::<i64>::new(), "in the trash, it is not in the archive");
    lib.restore_from_trash(&[a.id]).unwrap();
    assert_eq!(ids(&lib, Shelf::Archived), [a.id]);
}

#[test]
fn emptying_the_trash_deletes_only_what_is_in_it_for_good() {
    let mut lib = Library::open_in_memory().unwrap();
    let keep = lib.create_article(new_article("Giữ lại", "", &["Một."])).unwrap();
    let gone = lib.create_article(new_article("Bỏ đi", "", &["Hai."])).unwrap();
    lib.move_to_trash(&[gone.id]).unwrap();
    assert_eq!(lib.empty_trash().unwrap(), 1);
    assert!(matches!(lib.get_article(gone.id), Err(Error::ArticleNotFound(_))));
    assert_eq!(lib.get_article(keep.id).unwrap().headline, "Giữ lại");
    assert!(lib.search("bo di", None, 20).unwrap().is_empty());
    assert_eq!(lib.shelf_counts().unwrap(), counts(1, 0, 0));
    assert_eq!(lib.empty_trash().unwrap(), 0);
}

#[test]
fn an_unknown_article_changes_nothing() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Một bài", "", &["Một."])).unwrap();
    assert!(matches!(lib.move_to_trash(&[a.id, 9999]), Err(Error::ArticleNotFound(9999))));
    assert_eq!(lib.shelf_of(a.id).unwrap(), Shelf::Active, "all or none");
}

fn to(status: ArticleStatus) -> banthao_core::desk::transitions::StatusChange {
    banthao_core::desk::transitions::StatusChange { to: Some(status), ..Default::default() }
}

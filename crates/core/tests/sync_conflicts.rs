//! A publishing conflict keeps the site's version as a revision once per site version: the
//! same version met again (the article re-sent before anyone chose) adds no copy.

mod common;

use banthao_core::sync::{ConflictHunk, EndpointInput, SyncConflict};
use banthao_core::*;
use common::*;
use serde_json::json;

fn conflict(article_id: i64, site_modified: &str) -> SyncConflict {
    SyncConflict {
        article_id,
        hunks: vec![ConflictHunk {
            field: "headline".into(),
            base: vec!["Tít".into()],
            local: vec!["Tít ở đây".into()],
            remote: vec!["Tít trên trang".into()],
        }],
        merge_state: json!({ "remote": { "modified_gmt": site_modified, "headline": "Tít trên trang" } }),
    }
}

fn copies(lib: &Library, id: i64) -> usize {
    lib.list_revisions(id).unwrap().iter().filter(|r| r.reason == RevisionReason::RemoteCopy).count()
}

#[test]
fn the_sites_version_is_kept_once_per_version() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "Sapo", &["Đoạn."])).unwrap();
    let input = EndpointInput {
        name: "Báo".into(),
        url: "https://bao.example.vn".into(),
        username: "bientap".into(),
        allow_http: false,
        status_map: None,
        ..Default::default()
    };
    let endpoint = lib.save_endpoint(&input, true).unwrap();
    lib.record_remote_id(a.id, endpoint.id, 41, "https://bao.example.vn/?p=41").unwrap();
    let copy = || ArticlePatch { base_version: 0, headline: Some("Tít trên trang".into()), ..Default::default() };

    lib.record_conflict(a.id, &conflict(a.id, "2026-12-01T08:00:00"), Some(copy())).unwrap();
    assert_eq!(copies(&lib, a.id), 1);
    lib.record_conflict(a.id, &conflict(a.id, "2026-12-01T08:00:00"), Some(copy())).unwrap();
    assert_eq!(copies(&lib, a.id), 1, "the same site version is not kept twice");
    lib.record_conflict(a.id, &conflict(a.id, "2026-12-01T09:30:00"), Some(copy())).unwrap();
    assert_eq!(copies(&lib, a.id), 2, "a newer site version is kept too");
}

/// The list asks for the badges of the rows it shows: only the articles named come back, and an
/// article never sent has none.
#[test]
fn sync_states_come_for_the_articles_named_only() {
    let mut lib = Library::open_in_memory().unwrap();
    let input = EndpointInput {
        name: "Báo".into(),
        url: "https://bao.example.vn".into(),
        username: "bientap".into(),
        ..Default::default()
    };
    let endpoint = lib.save_endpoint(&input, true).unwrap();
    let ids: Vec<i64> =
        (0..4).map(|i| lib.create_article(new_article(&format!("Bài {i}"), "", &["Đoạn."])).unwrap().id).collect();
    for (n, &id) in ids.iter().take(3).enumerate() {
        lib.record_remote_id(id, endpoint.id, 40 + n as i64, &format!("https://bao.example.vn/?p={}", 40 + n)).unwrap();
    }
    let named = |asked: &[i64]| -> Vec<i64> {
        let mut got: Vec<i64> = lib.article_syncs(asked, Lang::Vi).unwrap().iter().map(|s| s.article_id).collect();
        got.sort();
        got
    };
    assert_eq!(named(&[ids[0], ids[2]]), vec![ids[0], ids[2]]);
    assert_eq!(named(&[ids[3]]), Vec::<i64>::new(), "never sent: no state");
    assert_eq!(named(&[]), Vec::<i64>::new());
    assert_eq!(named(&ids), ids[..3].to_vec());
}

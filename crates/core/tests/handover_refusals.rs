//! A handover file that is damaged, tampered with or not one at all is refused with its code,
//! and the library is left exactly as it was (every table and the media folder compared).
mod common;
#[path = "support/handover_fixtures.rs"]
mod handover_fixtures;

use banthao_core::interchange::handover::HandoverOutcome;
use banthao_core::*;
use common::*;
use handover_fixtures::*;
use serde_json::json;
use std::io::{Read, Write};
use std::path::Path;

/// Rewrites the ZIP at `from` into `to`, entry by entry through `edit` (None drops the entry),
/// then adds `extra` entries.
/// What becomes of one entry: its new bytes, or None to leave it out.
type EntryEdit<'a> = &'a dyn Fn(&str, Vec<u8>) -> Option<Vec<u8>>;

fn rewrite(from: &Path, to: &Path, edit: EntryEdit, extra: &[(&str, &[u8])]) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = edit(&name, bytes) {
            out.start_file(name, options).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    for (name, bytes) in extra {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn damaged_tampered_and_foreign_files_are_refused_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir_a, dir_b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut a_lib = Library::open(&dir_a).unwrap();
    let mut b_lib = Library::open(&dir_b).unwrap();
    let sent = make_article(&mut a_lib, tmp.path());
    let good = tmp.path().join("good.banthao");
    a_lib.export_handover(sent.article.id, &good).unwrap();
    // B already has an article of its own, so "unchanged" is not just "empty".
    b_lib.create_article(new_article("Bài của B", "", &["Nội dung."])).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let case = |name: &str| tmp.path().join(format!("{name}.banthao"));

    // A byte flipped inside an entry's stored data: it no longer decompresses to what it was.
    let flipped = case("flipped");
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
        let entry = zip.by_name("article.json").unwrap();
        entry.data_start().unwrap() as usize
    };
    let mut b = bytes.clone();
    b[start + 20] ^= 0x5a;
    std::fs::write(&flipped, &b).unwrap();
    // The same in a photo, which is stored without compression: its CRC no longer matches.
    let flipped_photo = case("flipped-photo");
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
        let entry = zip.by_name(&format!("media/{}.jpeg", sent.photos[0].hash)).unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Stored);
        entry.data_start().unwrap() as usize
    };
    let mut b = bytes.clone();
    b[start + 100] ^= 0x01;
    std::fs::write(&flipped_photo, &b).unwrap();
    // An entry changed and re-zipped whole (a valid ZIP): its checksum no longer matches.
    let edited = case("edited");
    rewrite(
        &good,
        &edited,
        &|name, bytes| {
            Some(if name == "article.json" {
                String::from_utf8(bytes).unwrap().replacen("thông xe", "thông  xe", 1).into_bytes()
            } else {
                bytes
            })
        },
        &[],
    );
    let truncated = case("truncated");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let unlisted = case("unlisted");
    rewrite(&good, &unlisted, &|_, bytes| Some(bytes), &[("media/extra.jpg", b"not listed")]);
    let no_manifest = case("no-manifest");
    rewrite(&good, &no_manifest, &|name, bytes| (name != "manifest.json").then_some(bytes), &[]);
    let too_new = case("v99");
    rewrite(
        &good,
        &too_new,
        &|name, bytes| {
            Some(if name == "manifest.json" {
                let mut m: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                m["version"] = json!(99);
                serde_json::to_vec(&m).unwrap()
            } else {
                bytes
            })
        },
        &[],
    );
    let missing_photo = case("missing-photo");
    rewrite(&good, &missing_photo, &|name, bytes| (!name.starts_with("media/")).then_some(bytes), &[]);
    let text = case("text");
    std::fs::write(&text, "Đây là một tệp văn bản.").unwrap();

    let before = dump(&dir_b);
    for (file, code, words) in [
        (&flipped, "handover_damaged", "damaged"),
        (&flipped_photo, "handover_damaged", "damaged"),
        (&edited, "handover_tampered", "altered"),
        (&truncated, "handover_damaged", "damaged"),
        (&unlisted, "handover_tampered", "media/extra.jpg"),
        (&no_manifest, "not_handover", "not a Bản Thảo handover file"),
        (&too_new, "handover_too_new", "newer Bản Thảo"),
        (&missing_photo, "handover_damaged", "is missing"),
        (&text, "not_handover", "not a Bản Thảo handover file"),
    ] {
        let err = b_lib.import_handover(file, None, Lang::Vi).unwrap_err();
        let Error::BadFile { code: got, vi, en, .. } = &err else { panic!("{}: {err:?}", file.display()) };
        assert_eq!(*got, code, "{}: {en}", file.display());
        assert!(en.contains(words), "{en}");
        assert!(en.contains("Nothing was changed") || en.contains("nothing was changed"), "{en}");
        assert!(vi.contains("Không có gì bị thay đổi") || vi.contains("không có gì bị thay đổi"), "{vi}");
        assert_eq!(err.code(), ErrorCode::InvalidFile);
        // The message names the file as it is spelled (not capitalised as a sentence).
        assert!(err.message(Lang::En).starts_with(&format!("{}: ", file.display())), "{}", err.message(Lang::En));
        assert_eq!(dump(&dir_b), before, "{} changed the library", file.display());
    }
    // The good file still goes in.
    assert_eq!(b_lib.import_handover(&good, None, Lang::Vi).unwrap().outcome, HandoverOutcome::Created);
}

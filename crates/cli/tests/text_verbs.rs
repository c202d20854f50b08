//! `banthao convert` and `banthao check`, run as a user runs them.

use banthao_text::encoding::{encode, Encoding};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn banthao(library: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banthao")).arg("--library").arg(library).args(args).output().unwrap()
}

fn ok(library: &Path, args: &[&str]) -> String {
    let out = banthao(library, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fails(library: &Path, args: &[&str]) -> String {
    let out = banthao(library, args);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

const NEWS: &str = "Chiều 15-7, Công an phường Lê Chân phối hợp với lực lượng chức năng kiểm tra các cơ sở kinh doanh thực phẩm trên địa bàn.";

#[test]
fn convert_turns_legacy_files_into_nfc_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Viqr, Encoding::Viscii, Encoding::Cp1258, Encoding::Utf16Le] {
        let file = tmp.path().join(format!("tin.{}", enc.name()));
        std::fs::write(&file, encode(NEWS, enc).unwrap()).unwrap();
        let f = file.to_str().unwrap();
        assert_eq!(ok(tmp.path(), &["convert", f]), NEWS, "auto, {}", enc.name());
        assert_eq!(ok(tmp.path(), &["convert", "--from", enc.name(), f]), NEWS, "--from {}", enc.name());
        let detected = ok(tmp.path(), &["convert", "--detect", f]);
        assert!(detected.starts_with(enc.name()), "{}: {detected}", enc.name());
    }
    let json: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["convert", "--detect", "--json", &format!("{}/tin.vni", tmp.path().display())],
    ))
    .unwrap();
    assert_eq!(json["encoding"], "vni");
    assert!(json["confidence"].as_f64().unwrap() > 0.5);
}

#[test]
fn convert_errors_are_clear() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("hong.txt");
    std::fs::write(&bad, b"Vi\xe1\xbb\x87t Nam \xff\xfe ok").unwrap();
    let err = fails(tmp.path(), &["convert", "--from", "utf8", bad.to_str().unwrap()]);
    assert!(
        err.contains("hong.txt") && err.contains("UTF-8") && err.contains("11"),
        "names the file and the byte: {err}"
    );
    let empty = tmp.path().join("rong.txt");
    std::fs::write(&empty, b"").unwrap();
    let err = fails(tmp.path(), &["convert", empty.to_str().unwrap()]);
    assert!(err.contains("rong.txt"), "{err}");
    let err = fails(tmp.path(), &["convert", "khong-co.txt"]);
    assert!(err.contains("khong-co.txt") && err.contains("không tồn tại"), "{err}");
    fails(tmp.path(), &["convert", "--from", "koi8", bad.to_str().unwrap()]);
}

#[test]
fn check_prints_findings_as_json_with_nfc_offsets() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bai.txt");
    // NFD on purpose: offsets are in the NFC text.
    let text = "Ngành y tế đang sử ly\u{0301} hồ sơ , \"khẩn\" tại nghành điện.";
    std::fs::write(&file, text).unwrap();
    let out = ok(tmp.path(), &["check", file.to_str().unwrap(), "--json"]);
    let findings: Vec<Value> = serde_json::from_str(&out).unwrap();
    let nfc: Vec<char> = banthao_text::to_nfc(text).chars().collect();
    for f in &findings {
        for key in ["kind", "start", "end", "text", "message", "suggestions"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(nfc[s..e].iter().collect::<String>(), f["text"].as_str().unwrap(), "{f}");
    }
    let kinds: Vec<(&str, &str, &str)> = findings
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["text"].as_str().unwrap(), f["suggestions"][0].as_str().unwrap_or("")))
        .collect();
    assert!(kinds.contains(&("real-word", "sử lý", "xử lý")), "{kinds:?}");
    assert!(kinds.contains(&("spelling", "nghành", "ngành")), "{kinds:?}");
    assert!(kinds.iter().any(|k| k.0 == "spacing"), "{kinds:?}");
    assert!(kinds.iter().any(|k| k.0 == "quotes" && k.2 == "“"), "{kinds:?}");
    let human = ok(tmp.path(), &["check", file.to_str().unwrap()]);
    assert!(human.contains("real-word") && human.contains("xử lý"), "{human}");
}

#[test]
fn check_uses_the_house_style_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bai.txt");
    std::fs::write(&file, "Thủy lợi và hòa bình.").unwrap();
    let findings = |style: &str| -> Vec<String> {
        let out = ok(tmp.path(), &["check", file.to_str().unwrap(), "--house-style", style, "--json"]);
        let v: Vec<Value> = serde_json::from_str(&out).unwrap();
        v.iter()
            .filter(|f| f["kind"] == "tone-style")
            .map(|f| f["suggestions"][0].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(findings("hoà"), ["Thuỷ", "hoà"]);
    assert!(findings("hòa").is_empty());
    let err = fails(tmp.path(), &["check", file.to_str().unwrap(), "--house-style", "moi"]);
    assert!(err.contains("hoà"), "{err}");
}

#[test]
fn check_an_article_by_id_and_a_legacy_file() {
    let tmp = tempfile::tempdir().unwrap();
    let id = ok(
        tmp.path(),
        &["new", "--headline", "Bão số 3 gây thiệt hại nặng nề cho các tỉnh phía bắc và miền trung nước ta"],
    );
    let out = ok(tmp.path(), &["check", "--id", id.trim(), "--json"]);
    let findings: Vec<Value> = serde_json::from_str(&out).unwrap();
    let length = findings.iter().find(|f| f["kind"] == "length").expect("a headline over the house limit");
    assert_eq!(length["field"], "headline");
    assert!(fails(tmp.path(), &["check", "--id", "999"]).contains("999"));

    let legacy = tmp.path().join("cu.txt");
    std::fs::write(&legacy, encode("Bổ xung hồ sơ.", Encoding::Vni).unwrap()).unwrap();
    let out = ok(tmp.path(), &["check", legacy.to_str().unwrap(), "--json"]);
    assert!(out.contains("bổ sung") || out.contains("Bổ sung"), "{out}");
}

#[test]
fn check_by_id_leaves_ignored_findings_out_unless_all() {
    let tmp = tempfile::tempdir().unwrap();
    let id: i64 = ok(tmp.path(), &["new", "--headline", "Tỉnh sử lý rác và sử lý nước"]).trim().parse().unwrap();
    let slips = |args: &[&str]| -> Vec<(String, bool)> {
        let v: Vec<Value> = serde_json::from_str(&ok(tmp.path(), args)).unwrap();
        v.iter()
            .filter(|f| f["kind"] == "real-word")
            .map(|f| (f["text"].as_str().unwrap().to_string() + " " + &f["start"].to_string(), f["ignored"] == true))
            .collect()
    };
    let id_arg = id.to_string();
    assert_eq!(slips(&["check", "--id", &id_arg, "--json"]), [("sử lý 5".into(), false), ("sử lý 18".into(), false)]);
    {
        // "Bỏ qua" on the first, as the app does it.
        let mut lib = banthao_core::Library::open(tmp.path()).unwrap();
        let report = lib.check_article(id, banthao_core::Lang::Vi).unwrap();
        lib.ignore_finding(id, &report.findings.iter().find(|f| f.kind == "real-word").unwrap().key()).unwrap();
    }
    assert_eq!(slips(&["check", "--id", &id_arg, "--json"]), [("sử lý 18".into(), false)]);
    assert_eq!(
        slips(&["check", "--id", &id_arg, "--all", "--json"]),
        [("sử lý 5".into(), true), ("sử lý 18".into(), false)]
    );
    let out = banthao(tmp.path(), &["check", "--id", &id_arg]);
    let (stdout, stderr) = (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
    assert_eq!(stdout.matches("real-word").count(), 1, "{stdout}");
    assert!(stderr.contains("--all"), "{stderr}");
    let all = ok(tmp.path(), &["check", "--id", &id_arg, "--all"]);
    assert!(all.contains("real-word (bỏ qua) “sử lý”"), "{all}");
    let file = tmp.path().join("bai.txt");
    std::fs::write(&file, "Tỉnh sử lý rác.").unwrap();
    fails(tmp.path(), &["check", file.to_str().unwrap(), "--all"]);
}

#[test]
fn new_reads_legacy_body_files_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let body = tmp.path().join("than-bai.txt");
    std::fs::write(&body, encode(&format!("{NEWS}\n\nĐoạn hai."), Encoding::Tcvn3).unwrap()).unwrap();
    let out = banthao(tmp.path(), &["new", "--headline", "Tin", "--body-file", body.to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcvn3"), "the conversion is reported");
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["body"]["content"][0]["content"][0]["text"], NEWS);
    assert_eq!(a["body"]["content"][1]["content"][0]["text"], "Đoạn hai.");

    // A UTF-8 file with a byte order mark (Notepad's default): the mark is not text.
    let bom = tmp.path().join("bom.txt");
    std::fs::write(&bom, "\u{feff}Đoạn có dấu BOM.").unwrap();
    let out = banthao(tmp.path(), &["new", "--headline", "BOM", "--body-file", bom.to_str().unwrap(), "--json"]);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["body"]["content"][0]["content"][0]["text"], "Đoạn có dấu BOM.");
}

#[test]
fn check_by_id_reads_figure_captions_like_the_body() {
    let tmp = tempfile::tempdir().unwrap();
    let media_id = import_a_small_photo(tmp.path());
    let figure = |caption: &str| {
        serde_json::json!({"type": "figure", "attrs": {"media_id": media_id, "credit": "TTXVN", "alt": "Ảnh"},
            "content": [{"type": "figcaption", "content": [{"type": "text", "text": caption}]}]})
    };
    let body = serde_json::json!({"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": "Sáng nay, lực lượng chức năng kiểm tra."}]},
        figure("Toàn cảnh buổi lễ."),
        {"type": "paragraph", "content": [{"type": "text", "text": "Cảnh sát giao thông (CSGT) lập chốt."}]},
        figure("CSGT và BHXH kiểm tra hồ sơ, nhân viên sử lý nhanh nghành hàng."),
    ]});
    let id = {
        let mut lib = banthao_core::Library::open(tmp.path()).unwrap();
        let body: banthao_core::BodyDoc = serde_json::from_value(body).unwrap();
        let input = banthao_core::NewArticle { headline: "Kiểm tra".into(), body: Some(body), ..Default::default() };
        lib.create_article(input).unwrap().id
    };
    let out = ok(tmp.path(), &["check", "--id", &id.to_string(), "--json"]);
    let findings: Vec<Value> = serde_json::from_str(&out).unwrap();
    let captions: Vec<(String, u64, String, String)> = findings
        .iter()
        .filter(|f| f["field"] == "caption")
        .map(|f| {
            let fix = f["suggestions"].get(0).and_then(Value::as_str).unwrap_or("").to_string();
            (f["kind"].as_str().unwrap().into(), f["block"].as_u64().unwrap(), f["text"].as_str().unwrap().into(), fix)
        })
        .collect();
    // The second figure (index 1): CSGT is defined in the body before it, BHXH is not.
    assert_eq!(
        captions,
        [
            ("abbreviation".into(), 1, "BHXH".into(), "bảo hiểm xã hội (BHXH)".into()),
            ("real-word".into(), 1, "sử lý".into(), "xử lý".into()),
            ("spelling".into(), 1, "nghành".into(), "ngành".into()),
        ],
        "{out}"
    );
    let human = ok(tmp.path(), &["check", "--id", &id.to_string()]);
    assert!(human.contains("caption[1] "), "{human}");
}

/// A 16×16 PNG imported into the library; its media id.
fn import_a_small_photo(library: &Path) -> i64 {
    let file = library.join("nho.png");
    {
        let mut encoder = png::Encoder::new(std::fs::File::create(&file).unwrap(), 16, 16);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.write_header().unwrap().write_image_data(&[120; 16 * 16 * 3]).unwrap();
    }
    let out = ok(library, &["photo", "import", file.to_str().unwrap(), "--json"]);
    let results: Vec<Value> = serde_json::from_str(&out).unwrap();
    results[0]["id"].as_i64().or_else(|| results[0]["media_id"].as_i64()).unwrap_or_else(|| panic!("{out}"))
}

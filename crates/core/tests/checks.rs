//! The Vietnamese checks over a library: article-shaped findings, house settings, the
//! newsroom's words, paste conversion and the one-step tone-style fix.

mod common;

use banthao_core::checks::*;
use banthao_core::*;
use common::*;

fn kinds(report: &CheckReport) -> Vec<(&str, CheckField, u32, &str)> {
    report.findings.iter().map(|f| (f.kind.as_str(), f.field, f.block, f.text.as_str())).collect()
}

#[test]
fn findings_are_placed_in_their_field_and_block() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib
        .create_article(new_article(
            "Bão số 3 đổ bộ",
            "Sáng nay, lực lượng chức năng đã có mặt.",
            &["Người dân đã sơ tán an toàn.", "Chính quyền đang sử lý hậu quả , khắc phục nghành điện."],
        ))
        .unwrap();
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert!(report.dictionary, "hunspell-vi is installed by make test");
    let found = kinds(&report);
    assert!(found.contains(&("real-word", CheckField::Body, 1, "sử lý")), "{found:?}");
    assert!(found.contains(&("spelling", CheckField::Body, 1, "nghành")), "{found:?}");
    assert!(found.iter().any(|f| f.0 == "spacing" && f.2 == 1), "{found:?}");
    let slip = report.findings.iter().find(|f| f.kind == "real-word").unwrap();
    assert_eq!(slip.suggestions[0], "xử lý");
    // Offsets are chars of that block's NFC text.
    let block = "Chính quyền đang sử lý hậu quả , khắc phục nghành điện.";
    let chars: Vec<char> = block.chars().collect();
    assert_eq!(chars[slip.start as usize..slip.end as usize].iter().collect::<String>(), "sử lý");
    assert!(slip.message.contains("xử lý"), "Vietnamese message: {}", slip.message);
    assert!(found.iter().all(|f| f.1 != CheckField::Headline || f.0 == "length"), "clean headline: {found:?}");
}

#[test]
fn house_style_decides_which_tone_placement_is_flagged() {
    let mut lib = Library::open_in_memory().unwrap();
    let input = CheckInput { blocks: vec!["Hòa bình và thủy lợi.".into()], ..Default::default() };
    let hoa_first = lib.check_input(&input, Lang::Vi).unwrap();
    assert!(hoa_first.findings.iter().all(|f| f.kind != "tone-style"), "default house style is hòa");
    let mut settings = lib.check_settings().unwrap();
    settings.house_style = HouseStyle::OnSecondVowel;
    lib.set_check_settings(settings).unwrap();
    let report = lib.check_input(&input, Lang::En).unwrap();
    let fixes: Vec<_> =
        report.findings.iter().filter(|f| f.kind == "tone-style").map(|f| f.suggestions[0].as_str()).collect();
    assert_eq!(fixes, ["Hoà", "thuỷ"]);
    assert_eq!(lib.check_settings().unwrap().house_style, HouseStyle::OnSecondVowel, "settings persist");
}

#[test]
fn words_added_to_the_dictionary_stop_being_findings() {
    let mut lib = Library::open_in_memory().unwrap();
    let input = CheckInput {
        blocks: vec!["Phóng viên gặp ông Kroong tại buôn.".into(), "Chuyện xyzw.".into()],
        ..Default::default()
    };
    let before = lib.check_input(&input, Lang::Vi).unwrap();
    assert!(before.findings.iter().any(|f| f.kind == "spelling" && f.text == "xyzw"), "{:?}", kinds(&before));
    lib.add_user_word("xyzw").unwrap();
    let after = lib.check_input(&input, Lang::Vi).unwrap();
    assert!(after.findings.iter().all(|f| f.text != "xyzw"), "{:?}", kinds(&after));
    assert_eq!(lib.user_words().unwrap(), ["xyzw"]);
    lib.remove_user_word("xyzw").unwrap();
    assert!(lib.check_input(&input, Lang::Vi).unwrap().findings.iter().any(|f| f.text == "xyzw"));
    assert_eq!(lib.add_user_word("  ").unwrap_err().code(), ErrorCode::InvalidInput);
}

#[test]
fn an_abbreviation_defined_in_the_sapo_counts_for_the_body() {
    let mut lib = Library::open_in_memory().unwrap();
    let defined = CheckInput {
        sapo: "Ủy ban nhân dân (UBND) quận Hải An họp sáng nay.".into(),
        blocks: vec!["UBND quận cho biết kế hoạch đã xong.".into()],
        ..Default::default()
    };
    assert!(lib.check_input(&defined, Lang::Vi).unwrap().findings.iter().all(|f| f.kind != "abbreviation"));
    let undefined =
        CheckInput { blocks: vec!["UBND quận cho biết kế hoạch đã xong.".into()], ..Default::default() };
    let report = lib.check_input(&undefined, Lang::Vi).unwrap();
    let f = report.findings.iter().find(|f| f.kind == "abbreviation").expect("first use flagged");
    assert_eq!(f.text, "UBND");
    assert!(f.suggestions[0].contains("(UBND)"), "{:?}", f.suggestions);
}

fn abbreviations_flagged(lib: &mut Library, text: &str) -> Vec<String> {
    let input = CheckInput { blocks: vec![text.into()], ..Default::default() };
    let report = lib.check_input(&input, Lang::Vi).unwrap();
    report.findings.into_iter().filter(|f| f.kind == "abbreviation").map(|f| f.text).collect()
}

/// (flagged text, first suggestion or "") of the abbreviation findings.
fn abbreviation_fixes(lib: &mut Library, text: &str) -> Vec<(String, String)> {
    let input = CheckInput { blocks: vec![text.into()], ..Default::default() };
    let report = lib.check_input(&input, Lang::Vi).unwrap();
    report
        .findings
        .into_iter()
        .filter(|f| f.kind == "abbreviation")
        .map(|f| (f.text, f.suggestions.first().cloned().unwrap_or_default()))
        .collect()
}

#[test]
fn a_house_entry_keeps_the_builtin_abbreviations_and_minus_drops_one() {
    let mut lib = Library::open_in_memory().unwrap();
    let text = "UBND quận bàn chuyện BQL chợ của phường.";
    let before = lib.abbreviation_list().unwrap();
    assert_eq!(before.summary.total, before.summary.builtin);
    assert!(before.builtin.iter().any(|e| e.abbr == "UBND"));
    // Unknown, BQL asks for its full form without a fix.
    assert_eq!(abbreviation_fixes(&mut lib, text)[1], ("BQL".to_string(), String::new()));

    let house = "# nhà mình\nBQL = ban quản lý\n";
    lib.set_check_settings(CheckSettings { abbreviations: house.into(), ..Default::default() }).unwrap();
    let flagged = abbreviations_flagged(&mut lib, text);
    assert!(flagged.contains(&"UBND".to_string()), "built-in still in force: {flagged:?}");
    assert_eq!(abbreviation_fixes(&mut lib, text)[1], ("BQL".to_string(), "ban quản lý (BQL)".to_string()));
    let summary = lib.abbreviation_list().unwrap().summary;
    assert_eq!((summary.added, summary.total), (vec!["BQL".to_string()], summary.builtin + 1));

    // Dropped from the expansions, UBND is an abbreviation like any other: it still needs its
    // full form, without a suggested one.
    let house = format!("{house}-UBND\n");
    lib.set_check_settings(CheckSettings { abbreviations: house, ..Default::default() }).unwrap();
    assert_eq!(abbreviation_fixes(&mut lib, text)[0], ("UBND".to_string(), String::new()));
    assert_eq!(lib.abbreviation_list().unwrap().summary.removed, ["UBND"]);
}

#[test]
fn the_house_allowed_list_lets_abbreviations_stand_unexplained() {
    let mut lib = Library::open_in_memory().unwrap();
    let text = "GDP tăng, UBND họp, FPT báo lãi.";
    assert_eq!(abbreviations_flagged(&mut lib, text), ["UBND", "FPT"]);
    let list = lib.abbreviation_list().unwrap();
    assert!(list.allowed.builtin.contains(&"GDP".to_string()));
    assert_eq!(list.allowed.total as usize, list.allowed.builtin.len());

    let settings = CheckSettings { allowed_abbreviations: "FPT, UBND\n-GDP\n".into(), ..Default::default() };
    lib.set_check_settings(settings).unwrap();
    assert_eq!(abbreviations_flagged(&mut lib, text), ["GDP"]);
    let allowed = lib.abbreviation_list().unwrap().allowed;
    assert_eq!(
        (allowed.added, allowed.removed),
        (vec!["FPT".to_string(), "UBND".to_string()], vec!["GDP".to_string()])
    );

    let bad = CheckSettings { allowed_abbreviations: "FPT\nUBND = Ủy ban nhân dân\n".into(), ..Default::default() };
    let err = lib.set_check_settings(bad).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.message(Lang::Vi).contains("dòng 2"), "{}", err.message(Lang::Vi));
}

#[test]
fn captions_are_checked_like_the_body_and_placed_on_their_figure() {
    let mut lib = Library::open_in_memory().unwrap();
    let input = CheckInput {
        blocks: vec!["Cảnh sát giao thông (CSGT) lập chốt.".into()],
        captions: vec!["".into(), "CSGT và BHXH kiểm tra, nhân viên sử lý hồ sơ.".into()],
        ..Default::default()
    };
    let report = lib.check_input(&input, Lang::Vi).unwrap();
    let found: Vec<(&str, CheckField, u32, &str)> =
        report.findings.iter().map(|f| (f.kind.as_str(), f.field, f.block, f.text.as_str())).collect();
    assert_eq!(
        found,
        [("abbreviation", CheckField::Caption, 1, "BHXH"), ("real-word", CheckField::Caption, 1, "sử lý")]
    );
}

#[test]
fn a_bad_abbreviation_list_is_refused_with_its_line() {
    let mut lib = Library::open_in_memory().unwrap();
    let settings = CheckSettings {
        abbreviations: "UBND = Ủy ban nhân dân\nkhông có dấu bằng\n".into(),
        ..Default::default()
    };
    let err = lib.set_check_settings(settings).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.message(Lang::Vi).contains("dòng 2"), "{}", err.message(Lang::Vi));
    assert!(err.message(Lang::Vi).contains("-UBND"), "both forms explained: {}", err.message(Lang::Vi));
    assert_eq!(lib.check_settings().unwrap(), CheckSettings::default(), "nothing saved");
}

#[test]
fn pasted_runs_convert_by_their_font() {
    let runs = [
        FontRun { font: "\".VnTime\", serif".into(), text: "Céng hßa x· héi chñ nghÜa ViÖt Nam".into() },
        FontRun { font: "'VNI-Times'".into(), text: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".into() },
        FontRun { font: "Arial".into(), text: "Hoa\u{0300} bi\u{0300}nh".into() },
    ];
    let out = convert_font_runs(&runs);
    assert_eq!(out[0].text, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(out[0].from.as_deref(), Some("tcvn3"));
    assert_eq!(out[1].text, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(out[1].from.as_deref(), Some("vni"));
    assert_eq!((out[2].text.as_str(), out[2].from.as_deref()), ("Hoà bình", None));
}

#[test]
fn the_tone_style_fix_converts_the_whole_article_in_one_step() {
    let body = paragraphs(&["Hòa bình, thủy lợi.", "Sức khỏe là vàng."]);
    let fix = fix_tone_style("Khỏe mạnh", "Hòa giải", &body, HouseStyle::OnSecondVowel);
    assert_eq!((fix.headline.as_str(), fix.sapo.as_str()), ("Khoẻ mạnh", "Hoà giải"));
    assert_eq!(fix.body, paragraphs(&["Hoà bình, thuỷ lợi.", "Sức khoẻ là vàng."]));
    assert_eq!(fix.changed, 5);
    let back = fix_tone_style(&fix.headline, &fix.sapo, &fix.body, HouseStyle::OnFirstVowel);
    assert_eq!(back.body, body, "reversible");
}

fn texts_of<'a>(findings: &'a [ArticleFinding], kind: &str) -> Vec<(u32, &'a str)> {
    findings.iter().filter(|f| f.kind == kind).map(|f| (f.block, f.text.as_str())).collect()
}

fn set_body(lib: &mut Library, id: ArticleId, blocks: &[&str]) {
    let version = lib.get_article(id).unwrap().version;
    lib.update_article(
        id,
        ArticlePatch { base_version: version, body: Some(paragraphs(blocks)), ..Default::default() },
    )
    .unwrap();
}

#[test]
fn an_ignored_finding_stays_ignored_until_its_text_or_neighbours_change() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::open(tmp.path()).unwrap();
    let a = lib
        .create_article(NewArticle {
            section: "Xã hội".into(),
            ..new_article("Bão đổ bộ", "Sáng nay, mưa lớn.", &["Chính quyền đang sử lý hậu quả.", "Xã sử lý rác."])
        })
        .unwrap();
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert_eq!(texts_of(&report.findings, "real-word"), [(0, "sử lý"), (1, "sử lý")]);
    let slip = report.findings.iter().find(|f| f.kind == "real-word").unwrap();
    assert_eq!((slip.before.as_str(), slip.after.as_str()), ("đang", "hậu"));
    lib.ignore_finding(a.id, &slip.key()).unwrap();
    lib.ignore_finding(a.id, &slip.key()).unwrap(); // twice: still one

    // Only that occurrence: the same slip in another phrase is still reported.
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert_eq!(texts_of(&report.findings, "real-word"), [(1, "sử lý")]);
    assert_eq!(texts_of(&report.ignored, "real-word"), [(0, "sử lý")]);
    assert!(lib.checklist(a.id).unwrap().items.iter().any(|i| i.key == "findings" && i.count == 1));

    // A paragraph added before it, another edited, words changed further along its sentence.
    set_body(&mut lib, a.id, &["Tin mới.", "Chính quyền tỉnh đang sử lý hậu quả nặng nề.", "Xã đã làm sạch rác."]);
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert!(report.findings.iter().all(|f| f.kind != "real-word"), "{:?}", kinds(&report));
    assert_eq!(texts_of(&report.ignored, "real-word"), [(1, "sử lý")]);
    let list = lib.checklist(a.id).unwrap();
    assert!(list.items.iter().any(|i| i.key == "findings" && i.ok && i.count == 0), "{list:?}");

    // After a restart, and for the editor's live check of the same texts.
    drop(lib);
    let mut lib = Library::open(tmp.path()).unwrap();
    let mut input = CheckInput::of_article(&lib.get_article(a.id).unwrap());
    assert!(lib.check_input(&input, Lang::Vi).unwrap().findings.iter().all(|f| f.kind != "real-word"));
    // Without the article (a file, a paste) nothing is left out.
    input.article = None;
    let unnamed = lib.check_input(&input, Lang::Vi).unwrap();
    assert_eq!((texts_of(&unnamed.findings, "real-word").len(), unnamed.ignored.len()), (1, 0));

    // A neighbouring word retyped: the finding is back.
    set_body(&mut lib, a.id, &["Tin mới.", "Chính quyền tỉnh vẫn sử lý hậu quả nặng nề."]);
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert_eq!(texts_of(&report.findings, "real-word"), [(1, "sử lý")]);
    assert!(report.ignored.is_empty());
}

#[test]
fn an_ignored_finding_comes_back_when_its_word_is_retyped_or_shown_again() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.create_article(new_article("Tít", "", &["Khắc phục nghành điện ngay."])).unwrap();
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    let f = report.findings.iter().find(|f| f.text == "nghành").unwrap().clone();
    assert_eq!((f.before.as_str(), f.after.as_str()), ("phục", "điện"));
    lib.ignore_finding(a.id, &f.key()).unwrap();
    assert_eq!(lib.ignored_findings(a.id).unwrap(), [f.key()]);
    assert!(lib.check_article(a.id, Lang::Vi).unwrap().findings.iter().all(|x| x.text != "nghành"));

    set_body(&mut lib, a.id, &["Khắc phục nghàng điện ngay."]);
    assert!(lib.check_article(a.id, Lang::Vi).unwrap().findings.iter().any(|x| x.text == "nghàng"), "a new word");
    set_body(&mut lib, a.id, &["Khắc phục nghành điện ngay."]);
    assert!(lib.check_article(a.id, Lang::Vi).unwrap().findings.iter().all(|x| x.text != "nghành"), "typed back");

    // "Hiện lại".
    lib.unignore_finding(a.id, &f.key()).unwrap();
    let report = lib.check_article(a.id, Lang::Vi).unwrap();
    assert!(report.findings.iter().any(|x| x.text == "nghành") && report.ignored.is_empty());
    assert!(lib.ignored_findings(a.id).unwrap().is_empty());

    // Per article, and gone with it.
    let b = lib.create_article(new_article("Tít", "", &["Khắc phục nghành điện ngay."])).unwrap();
    lib.ignore_finding(a.id, &f.key()).unwrap();
    assert!(lib.check_article(b.id, Lang::Vi).unwrap().findings.iter().any(|x| x.text == "nghành"));
    lib.delete_article(a.id).unwrap();
    let rows: i64 = lib.connection().query_row("SELECT count(*) FROM ignored_findings", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 0);
    assert_eq!(lib.ignore_finding(a.id, &f.key()).unwrap_err().code(), ErrorCode::NotFound);
    let empty = FindingKey { text: String::new(), ..f.key() };
    assert_eq!(lib.ignore_finding(b.id, &empty).unwrap_err().code(), ErrorCode::InvalidInput);
}

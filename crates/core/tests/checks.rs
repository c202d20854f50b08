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
    let input =
        CheckInput {
            headline: String::new(), sapo: String::new(), blocks: vec!["Hòa bình và thủy lợi.".into()]
        };
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

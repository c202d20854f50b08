//! The abbreviation rule on sentences a desk editor meets: every all-capital token is an
//! abbreviation that needs its full form at first mention, once per article, unless the house
//! allows it; codes, Roman numerals, units and English titles are not abbreviations.

use banthao_text::check::{check, check_fields, Abbreviations, CheckOptions, Field, Finding, FindingKind};

fn abbreviation_findings(list: &Abbreviations, text: &str) -> Vec<Finding> {
    let kinds = [FindingKind::Abbreviation];
    check(text, &CheckOptions { kinds: Some(&kinds), ..CheckOptions::new(Field::Body, list) })
}

/// (flagged text, first suggestion or "").
fn flagged(text: &str) -> Vec<(String, String)> {
    abbreviation_findings(Abbreviations::builtin(), text)
        .into_iter()
        .map(|f| (f.text, f.suggestions.first().cloned().unwrap_or_default()))
        .collect()
}

fn only(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_known_abbreviation_gets_its_expansion_as_the_fix() {
    assert_eq!(
        flagged("Tối qua, ANTT trên địa bàn được giữ vững; ANTT là ưu tiên."),
        only(&[("ANTT", "an ninh trật tự (ANTT)")])
    );
    assert_eq!(flagged("Theo TAND tỉnh, phiên xử kéo dài."), only(&[("TAND", "Tòa án nhân dân (TAND)")]));
    assert_eq!(flagged("KT-XH của tỉnh tăng trưởng."), only(&[("KT-XH", "Kinh tế - xã hội (KT-XH)")]));
}

#[test]
fn an_unknown_abbreviation_asks_for_the_full_form_once() {
    let found =
        abbreviation_findings(Abbreviations::builtin(), "Ban QLDA số 2 họp; QLDA sẽ báo cáo. Còn XYZW thì chưa.");
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["QLDA", "XYZW"]);
    assert!(found[0].suggestions.is_empty());
    assert!(found[0].message.vi.contains("viết đầy đủ"), "{}", found[0].message.vi);
    assert!(found[0].message.en.contains("full form"), "{}", found[0].message.en);
    // Vietnamese capitals are capitals: ĐHQG, BQL.
    assert_eq!(flagged("ĐHQG và BQL chợ"), only(&[("ĐHQG", "Đại học Quốc gia (ĐHQG)"), ("BQL", "")]));
    assert_eq!(
        flagged("Bộ LĐ-TB&XH và ĐƠVN"),
        only(&[("LĐ-TB&XH", "lao động - thương binh và xã hội (LĐ-TB&XH)"), ("ĐƠVN", "")])
    );
}

#[test]
fn defined_before_in_either_order_is_fine() {
    assert!(flagged("Lực lượng an ninh trật tự (ANTT) cơ sở ra mắt. ANTT cơ sở có 3 người.").is_empty());
    assert!(flagged("ANTT (an ninh trật tự) được giữ vững. ANTT là ưu tiên.").is_empty());
    // An unknown abbreviation defined the same way.
    assert!(flagged("Ban quản lý dự án (QLDA) số 2 họp. QLDA cho biết…").is_empty());
    assert!(flagged("QLDA (ban quản lý dự án) số 2 họp. QLDA cho biết…").is_empty());
    // The full form without parentheses, earlier, defines a listed one.
    assert!(flagged("Về an toàn thực phẩm, tỉnh lập đoàn kiểm tra ATTP.").is_empty());
}

#[test]
fn defined_after_its_first_use_is_flagged_at_the_first_use() {
    let text = "CSGT lập chốt. Sau đó, cảnh sát giao thông (CSGT) rút về.";
    let found = abbreviation_findings(Abbreviations::builtin(), text);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (0, 4));
    assert_eq!(found[0].suggestions, ["Cảnh sát giao thông (CSGT)"]);
    let text = "QLDA họp. Ban quản lý dự án (QLDA) cho biết…";
    assert_eq!(flagged(text), only(&[("QLDA", "")]));
}

#[test]
fn once_per_article_across_fields_and_in_captions() {
    let list = Abbreviations::builtin();
    let kinds = [FindingKind::Abbreviation];
    let options = CheckOptions { kinds: Some(&kinds), ..CheckOptions::new(Field::Body, list) };
    let fields = [
        (Field::Headline, "CSGT ra quân"),
        (Field::Sapo, "Cảnh sát giao thông (CSGT) ra quân."),
        (Field::Body, "CSGT lập chốt; PCCC được kiểm tra."),
        (Field::Caption, "CSGT và BHXH kiểm tra. PCCC lần nữa, QLDA."),
    ];
    let found: Vec<(usize, String)> = check_fields(&fields, &options).into_iter().map(|(i, f)| (i, f.text)).collect();
    assert_eq!(found, [(2, "PCCC".to_string()), (3, "BHXH".to_string()), (3, "QLDA".to_string())]);
    // A caption alone is checked like the body.
    let caption =
        check("BHXH tỉnh trao sổ.", &CheckOptions { kinds: Some(&kinds), ..CheckOptions::new(Field::Caption, list) });
    assert_eq!(caption.len(), 1);
    assert_eq!(caption[0].suggestions, ["Bảo hiểm xã hội (BHXH)"]);
}

#[test]
fn the_allowed_list_stands_unexplained_and_is_editable() {
    assert!(flagged("GDP của TP.HCM tăng, giá USD ổn định; CLB nhận 2 tỷ đồng.").is_empty());
    let (list, _) = Abbreviations::builtin().with_allowed_house("FPT\n-GDP");
    let found: Vec<String> =
        abbreviation_findings(&list, "FPT báo lãi, GDP tăng, UBND họp.").into_iter().map(|f| f.text).collect();
    assert_eq!(found, ["GDP", "UBND"]);
}

#[test]
fn numerals_units_codes_and_english_titles_are_not_abbreviations() {
    let text = "Quốc hội khóa XV, Đại hội XIII, thế kỷ XXI; nhà máy 1.200 MW, đường dây 500 kV dài 30 km; \
Nghị định 30/2020/NĐ-CP, biển số 29A-123.45, dịch COVID-19, F0; phim “THE LAST OF US” và bài “WE ARE THE WORLD”.";
    assert!(flagged(text).is_empty(), "{:?}", flagged(text));
    // A heading set in capitals is not a row of abbreviations.
    assert!(flagged("HÀ NỘI: AN NINH TRẬT TỰ ĐƯỢC GIỮ VỮNG").is_empty());
    // One letter is not an abbreviation.
    assert!(flagged("Phương án A và phương án B.").is_empty());
}

//! The style checks a desk editor makes: abbreviations, quotes, spacing, capitalisation of
//! names, lengths, and the `check` / `check_fields` entry points.

use banthao_text::check::{check, check_fields, Abbreviations, CheckOptions, Field, Finding, FindingKind, Limits};
use banthao_text::tone_style::ToneStyle;

fn run(field: Field, kind: FindingKind, text: &str) -> Vec<Finding> {
    let kinds = [kind];
    let options = CheckOptions { kinds: Some(&kinds), ..CheckOptions::new(field, Abbreviations::builtin()) };
    check(text, &options)
}

fn body(kind: FindingKind, text: &str) -> Vec<Finding> {
    run(Field::Body, kind, text)
}

/// (flagged text, first suggestion) of each finding.
fn flagged(findings: &[Finding]) -> Vec<(String, String)> {
    findings.iter().map(|f| (f.text.clone(), f.suggestions.first().cloned().unwrap_or_default())).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// Span offsets are chars of the text and `text` is that span.
fn assert_spans(text: &str, findings: &[Finding]) {
    for f in findings {
        let span: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(span, f.text, "{f:?}");
        assert!(!f.message.vi.is_empty() && !f.message.en.is_empty());
    }
}

// ---------------------------------------------------------------- abbreviation

#[test]
fn abbreviation_defined_in_parentheses_then_used_is_fine() {
    let text = "Ủy ban nhân dân (UBND) tỉnh Quảng Ninh vừa họp. Sau cuộc họp, UBND tỉnh giao các sở rà soát.";
    assert!(body(FindingKind::Abbreviation, text).is_empty());
    // Either tone style and any case of the full form define it.
    assert!(body(FindingKind::Abbreviation, "Uỷ ban nhân dân (UBND) xã họp. UBND xã cho biết…").is_empty());
    assert!(body(FindingKind::Abbreviation, "Theo ủy ban nhân dân huyện, UBND đã chi 2 tỷ đồng.").is_empty());
    // Commas and hyphens inside the full form do not matter.
    assert!(body(FindingKind::Abbreviation, "Công tác phòng cháy, chữa cháy (PCCC) được siết. PCCC là…").is_empty());
}

#[test]
fn abbreviation_used_first_is_flagged_once() {
    let text = "Sáng nay, UBND tỉnh Quảng Ninh họp. Ủy ban nhân dân tỉnh cho biết UBND sẽ chi 2 tỷ đồng cho ATTP.";
    let found = body(FindingKind::Abbreviation, text);
    assert_eq!(flagged(&found), pairs(&[("UBND", "Ủy ban nhân dân (UBND)"), ("ATTP", "an toàn thực phẩm (ATTP)")]));
    assert_eq!((found[0].start, found[0].end), (10, 14));
    assert_spans(text, &found);
}

#[test]
fn abbreviation_at_sentence_start_gets_a_capital_and_whole_words_only() {
    let found = body(FindingKind::Abbreviation, "THPT năm nay có 1,1 triệu thí sinh.");
    assert_eq!(flagged(&found), pairs(&[("THPT", "Trung học phổ thông (THPT)")]));
    // Inside a longer word it is not the listed abbreviation: UBNDS is one of its own (unknown),
    // and KCNX12 is a code.
    let found = body(FindingKind::Abbreviation, "Mã KCNX12 và UBNDS không phải viết tắt.");
    assert_eq!(flagged(&found), pairs(&[("UBNDS", "")]));
}

#[test]
fn abbreviation_followed_by_its_full_form_in_parentheses_is_defined() {
    let text = "Lực lượng CSGT (cảnh sát giao thông) đã có mặt. CSGT lập chốt.";
    assert!(body(FindingKind::Abbreviation, text).is_empty());
}

#[test]
fn abbreviation_suggestion_follows_house_style_and_headlines_are_exempt() {
    let kinds = [FindingKind::Abbreviation];
    let list = Abbreviations::builtin();
    let options = CheckOptions {
        kinds: Some(&kinds),
        house_style: Some(ToneStyle::OnSecondVowel),
        ..CheckOptions::new(Field::Body, list)
    };
    let found = check("UBND phường họp.", &options);
    assert_eq!(found[0].suggestions, ["Uỷ ban nhân dân (UBND)"]);
    assert!(run(Field::Headline, FindingKind::Abbreviation, "UBND TP.HCM yêu cầu CSGT xử lý").is_empty());
}

#[test]
fn abbreviation_list_is_editable_text() {
    let list = Abbreviations::from_text("# riêng của toà soạn\nVFF = Liên đoàn Bóng đá Việt Nam\n\nsai dòng\n");
    assert_eq!(list.len(), 1);
    let options = CheckOptions::new(Field::Body, &list);
    let found = check("VFF công bố danh sách. UBND không có trong danh sách này.", &options);
    // UBND is not listed here: it is flagged as an abbreviation without an expansion.
    assert_eq!(flagged(&found), pairs(&[("VFF", "Liên đoàn Bóng đá Việt Nam (VFF)"), ("UBND", "")]));
    let builtin = Abbreviations::default();
    assert!(builtin.len() >= 30);
    for abbr in
        ["UBND", "HĐND", "ATTP", "PCCC", "THPT", "BHXH", "BHYT", "CSGT", "TNGT", "ATGT", "GPMB", "KCN", "CCB", "MTTQ"]
    {
        assert!(builtin.get(abbr).is_some_and(|a| !a.full_forms.is_empty()), "{abbr}");
    }
}

// ---------------------------------------------------------------- quotes

#[test]
fn straight_double_quotes_become_curly_by_position() {
    let text = "Ông nói \"xin chào\" rồi đi.";
    let found = body(FindingKind::Quotes, text);
    assert_eq!(flagged(&found), pairs(&[("\"", "“"), ("\"", "”")]));
    assert_eq!((found[0].start, found[1].start), (8, 17));

    let at_edges = body(FindingKind::Quotes, "\"Tăng trưởng\", ông nói. (\"Dự án\")");
    let suggested: Vec<String> = at_edges.iter().map(|f| f.suggestions[0].clone()).collect();
    assert_eq!(suggested, ["“", "”", "“", "”"]);
    assert_spans("\"Tăng trưởng\", ông nói. (\"Dự án\")", &at_edges);
}

#[test]
fn straight_single_quotes_as_quotation_marks_become_curly() {
    let found = body(FindingKind::Quotes, "Khẩu hiệu 'Nói không với rác thải nhựa' được treo khắp nơi.");
    assert_eq!(flagged(&found), pairs(&[("'", "‘"), ("'", "’")]));
    // Apostrophes inside words and a lone one are left alone.
    assert!(body(FindingKind::Quotes, "Người H'Mông ở Hà Giang; cầu thủ O'Neil; thế hệ '90.").is_empty());
}

#[test]
fn curly_quotes_are_fine() {
    assert!(body(FindingKind::Quotes, "Ông nói: “Chúng tôi sẽ làm ‘đến nơi đến chốn’”.").is_empty());
}

// ---------------------------------------------------------------- spacing

#[test]
fn space_before_punctuation_is_flagged() {
    let text = "Hà Nội , ngày 2-9 . Thật tuyệt ! Ông nói: “Đúng vậy ” (theo VnExpress )";
    let found = body(FindingKind::Spacing, text);
    assert_eq!(flagged(&found), pairs(&[(" ,", ","), (" .", "."), (" !", "!"), (" ”", "”"), (" )", ")")]));
    assert_spans(text, &found);
}

#[test]
fn double_spaces_between_words_are_flagged() {
    let text = "Hai  tiếng và ba   tiếng.\nDòng mới không tính lề.";
    let found = body(FindingKind::Spacing, text);
    assert_eq!(flagged(&found), pairs(&[("  ", " "), ("   ", " ")]));
    assert!(body(FindingKind::Spacing, "  Thụt đầu dòng không tính.").is_empty());
}

#[test]
fn missing_space_after_punctuation_is_flagged() {
    let text = "Hà Nội,Việt Nam; Nguồn:VnExpress; xong việc.Sau đó ông về;rồi đi.";
    let found = body(FindingKind::Spacing, text);
    assert_eq!(flagged(&found), pairs(&[(",", ", "), (":", ": "), (".", ". "), (";", "; ")]));
    assert_spans(text, &found);
}

#[test]
fn numbers_times_abbreviations_and_urls_are_not_spacing_errors() {
    for text in [
        "Dự án trị giá 2,5 tỷ đồng, tăng 30.4% so với năm trước.",
        "Cập nhật lúc 16:46 ngày 15/7.",
        "Tại TP.HCM, ông Nguyễn Văn A (Th.S, PGS.TS) cho biết.",
        "Xem https://vnexpress.net/thoi-su/giao-thong.html hoặc www.baochinhphu.vn.",
        "Liên hệ toasoan@banthao.vn, mailto:tin@banthao.vn, điện thoại 024.3822.1234.",
        "Các loại cây, hoa, quả v.v. đều được bày bán.",
        "Ông nói: “Tôi đồng ý”, rồi ra về… Tỷ số 2 : 1 không đổi?",
    ] {
        let found = body(FindingKind::Spacing, text);
        assert!(found.is_empty() || text.contains("2 : 1"), "{text}: {found:?}");
    }
    // The one above with "2 : 1" does get a finding for the space before ":".
    assert_eq!(body(FindingKind::Spacing, "Tỷ số 2 : 1.").len(), 1);
}

// ---------------------------------------------------------------- capitalisation

#[test]
fn names_after_unit_nouns_are_capitalised() {
    let text = "Đoàn đến quận hải an, sau đó về tỉnh quảng ninh và thành phố hạ long, rồi thành phố hồ chí minh.";
    let found = body(FindingKind::Capitalisation, text);
    assert_eq!(
        flagged(&found),
        pairs(&[
            ("hải an", "Hải An"),
            ("quảng ninh", "Quảng Ninh"),
            ("hạ long", "Hạ Long"),
            ("hồ chí minh", "Hồ Chí Minh")
        ])
    );
    assert_spans(text, &found);
    // A capitalised noun at the start of a sentence counts too.
    let found = body(FindingKind::Capitalisation, "Huyện mèo vạc có nhiều đá.");
    assert_eq!(flagged(&found), pairs(&[("mèo vạc", "Mèo Vạc")]));
}

#[test]
fn numbered_units_are_capitalised() {
    let found = body(FindingKind::Capitalisation, "Người dân ở quận 1 và phường 3 cho biết.");
    assert_eq!(flagged(&found), pairs(&[("quận 1", "Quận 1"), ("phường 3", "Phường 3")]));
    assert!(body(FindingKind::Capitalisation, "Người dân ở Quận 1 và Phường 3 cho biết.").is_empty());
}

#[test]
fn ordinary_words_after_unit_nouns_are_not_flagged() {
    for text in [
        "Lãnh đạo tỉnh này cho biết.",
        "Tình trạng này xảy ra ở các thành phố lớn.",
        "Cả xã đã được cấp điện.",
        "Đây là vấn đề an sinh xã hội.",
        "UBND huyện đề nghị các sở vào cuộc.",
        "Các tỉnh miền núi phía bắc gặp mưa lớn.",
        "Thành phố có 12 quận 5 huyện.",
        "Nhà cách trung tâm quận 1,5 km.",
        "Ông vẫn tỉnh táo, còn thế cuộc thì đảo ngược.",
        "Sông nước miền Tây, núi non Tây Bắc.",
        "Làng nghề gốm và làng bóng đá cùng thắng lớn.",
        "Tỉnh Quảng Ninh và thành phố Hồ Chí Minh ký kết.",
        "Ông là người của huyện nhà.",
        "Một tỉnh đang triển khai dự án mới rất lớn ở vùng ven biển.",
        // One syllable, three syllables, a common word, a classifier before the noun.
        "Sau khi về hưu, ông về làng sống.",
        "Con tàu cập đảo an toàn.",
        "Đoàn đi qua thị xã nhỏ, con sông quê hương chảy qua.",
        "Dòng sông chảy xiết, cuốn trôi cây cầu.",
    ] {
        let found = body(FindingKind::Capitalisation, text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

// ---------------------------------------------------------------- length

#[test]
fn length_with_default_limits() {
    let limits = Limits::default();
    assert_eq!((limits.headline_tieng, limits.headline_chars), (12, 60));
    assert_eq!((limits.sapo_tieng, limits.sapo_chars), (60, 300));

    assert!(run(Field::Headline, FindingKind::Length, "Quảng Ninh mở cửa lại bãi biển Bãi Cháy").is_empty());
    let long = "Quảng Ninh chính thức mở cửa lại toàn bộ các bãi biển sau nhiều tháng đóng cửa vì bão";
    let found = run(Field::Headline, FindingKind::Length, long);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (0, long.chars().count()));
    assert!(found[0].suggestions.is_empty());
    assert!(found[0].message.vi.contains("19 tiếng") && found[0].message.vi.contains("giới hạn là 12 tiếng"));
    assert!(found[0].message.en.contains("the limit is 12 tiếng, 60 characters"));

    // Characters alone: 10 tiếng of long syllables.
    let wide = "Nghiêng nghiêng những chuyến xuống đường khuyến khích huyện huyện thành";
    assert_eq!(run(Field::Headline, FindingKind::Length, wide).len(), 1);

    let sapo = "Chiều nay mưa lớn. ".repeat(16);
    assert_eq!(run(Field::Sapo, FindingKind::Length, &sapo).len(), 1);
    assert!(run(Field::Body, FindingKind::Length, &sapo).is_empty());
    assert!(run(Field::Sapo, FindingKind::Length, "Chiều nay mưa lớn.").is_empty());
}

// ---------------------------------------------------------------- check, check_fields

#[test]
fn check_sorts_findings_and_honours_kinds() {
    let text = "Ông nói \"UBND  quận hải an ,rồi đi\"";
    let list = Abbreviations::builtin();
    let all = check(text, &CheckOptions::new(Field::Body, list));
    let kinds: Vec<FindingKind> = all.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FindingKind::Quotes));
    assert!(kinds.contains(&FindingKind::Abbreviation));
    assert!(kinds.contains(&FindingKind::Spacing));
    assert!(kinds.contains(&FindingKind::Capitalisation));
    assert!(all.windows(2).all(|w| (w[0].start, w[0].kind) <= (w[1].start, w[1].kind)), "{all:?}");
    assert_spans(text, &all);

    let only = [FindingKind::Spacing, FindingKind::Length];
    let some = check(text, &CheckOptions { kinds: Some(&only), ..CheckOptions::new(Field::Body, list) });
    assert!(!some.is_empty() && some.iter().all(|f| f.kind == FindingKind::Spacing));
    assert!(check(text, &CheckOptions { kinds: Some(&[]), ..CheckOptions::new(Field::Body, list) }).is_empty());
}

#[test]
fn check_fields_lets_the_sapo_define_for_the_body() {
    let list = Abbreviations::builtin();
    let options = CheckOptions::new(Field::Body, list);
    let fields = [
        (Field::Headline, "CSGT Hà Nội ra quân xử lý xe quá tải"),
        (Field::Sapo, "Lực lượng cảnh sát giao thông (CSGT) ra quân từ sáng nay."),
        (Field::Body, "CSGT lập chốt ở 12 cửa ngõ. Cùng lúc, BHXH thành phố kiểm tra doanh nghiệp."),
        (Field::Caption, "CSGT kiểm tra xe tải. BHXH làm việc."),
    ];
    let found = check_fields(&fields, &options);
    let abbr: Vec<(usize, String)> =
        found.iter().filter(|(_, f)| f.kind == FindingKind::Abbreviation).map(|(i, f)| (*i, f.text.clone())).collect();
    // CSGT is defined in the sapo; BHXH is flagged once, at its first use in the body.
    assert_eq!(abbr, [(2, "BHXH".to_string())]);
    // Each field is checked as itself: the body alone flags CSGT.
    let alone = check(fields[2].1, &options);
    assert_eq!(alone.iter().filter(|f| f.kind == FindingKind::Abbreviation).count(), 2);
}

// ---------------------------------------------------------------- clean copy

const CLEAN: &str = "Chiều 15-7, tại quận Hải An, thành phố Hải Phòng, lực lượng cảnh sát giao thông (CSGT) \
phối hợp với chính quyền địa phương ra quân kiểm tra an toàn giao thông (ATGT) trên các tuyến đường ven biển. \
Theo báo cáo cập nhật lúc 16:46, CSGT đã lập biên bản 38 trường hợp vi phạm, tạm giữ 12 xe máy và nộp ngân sách \
gần 2,5 tỷ đồng. Ông Nguyễn Văn Minh, đội trưởng đội tuần tra, cho biết: “Chúng tôi sẽ duy trì kiểm tra mỗi tối, \
nhất là ở những thành phố lớn có mật độ xe cao”. Theo ông, nhiều người vẫn chủ quan vì nghĩ rằng đường vắng thì \
không cần đội mũ bảo hiểm.\n\
Trong khi đó, tỉnh Quảng Ninh tiếp tục đẩy mạnh giải phóng mặt bằng (GPMB) cho các dự án khu công nghiệp (KCN) \
tại thị xã Quảng Yên. Lãnh đạo tỉnh này cho biết công tác GPMB đã đạt hơn 90% diện tích. Riêng ở xã Tiền An, \
nhiều hộ dân đã nhận tiền bồi thường và bàn giao đất từ đầu tháng. Một cán bộ xã đã đến từng nhà để vận động, \
giải thích chính sách an sinh xã hội cho người lao động mất đất. Khi hoàn thành, KCN dự kiến thu hút khoảng \
20.000 lao động, phần lớn là người địa phương.\n\
Tại TP.HCM, Sở Giao thông vận tải cũng công bố kế hoạch phân luồng ở Quận 1 và Quận 3 trong dịp lễ 30.4. \
Các tuyến xe buýt qua trung tâm sẽ đổi lộ trình từ 18:00 đến 23:00. Người dân có thể xem sơ đồ chi tiết trên \
trang https://www.tphcm.gov.vn/giao-thong hoặc gọi đường dây nóng 1022. Cơ quan chức năng khuyến cáo người \
tham gia giao thông chấp hành hướng dẫn của lực lượng chức năng, giữ khoảng cách an toàn và không sử dụng rượu \
bia khi lái xe. Dự báo mưa lớn có thể xuất hiện ở các tỉnh phía nam vào cuối tuần, khiến nhiều tuyến đường ngập \
sâu. Ngành giao thông đề nghị người dân theo dõi bản tin thời tiết, chủ động chọn lộ trình phù hợp và chỉ ra \
đường khi thật cần thiết. Trên sông Sài Gòn, các bến phà vẫn hoạt động bình thường.";

#[test]
fn clean_news_copy_has_no_findings() {
    let tieng = banthao_text::count_tieng(CLEAN);
    assert!((300..=400).contains(&tieng), "{tieng} tiếng");
    let found = check(CLEAN, &CheckOptions::new(Field::Body, Abbreviations::builtin()));
    assert!(found.is_empty(), "{found:#?}");
    // The same copy as sapo + body: still clean (length aside).
    let (sapo, rest) = CLEAN.split_once('\n').unwrap();
    let kinds: Vec<FindingKind> = FindingKind::ALL.into_iter().filter(|k| *k != FindingKind::Length).collect();
    let options = CheckOptions { kinds: Some(&kinds), ..CheckOptions::new(Field::Body, Abbreviations::builtin()) };
    assert!(check_fields(&[(Field::Sapo, sapo), (Field::Body, rest)], &options).is_empty());
}

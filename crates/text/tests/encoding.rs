//! Legacy encodings: decoding, round trips, detection, Word font runs and bad input.
//!
//! The byte samples below were made on a Debian machine with glibc 2.36: TCVN3 with
//! `iconv -t TCVN5712-1` (lowercase and untoned capitals only, where VN1 and TCVN3 agree),
//! VISCII with `iconv -t VISCII`, CP1258 with `iconv -t CP1258`; VNI and VIQR by hand
//! (a separate script applying the published layouts), not with the code under test.

use banthao_text::encoding::{
    convert_font_run, decode, decode_auto, detect, encode, legacy_font, DecodeError, Encoding, LegacyFont,
};
use unicode_normalization::UnicodeNormalization;

const SHORT: &str = "Sáng nay, UBND thành phố họp bàn kế hoạch chống ngập cho mùa mưa năm nay.";
const LONG: &str = "Chiều 12-3, mưa lớn kéo dài khiến nhiều tuyến đường ở quận Hoàng Mai ngập sâu. \
Người dân phải dắt xe máy qua những đoạn nước ngập đến đầu gối.\n\n\
Theo Sở Giao thông vận tải, lực lượng chức năng đã được điều động tới các điểm nóng \
để phân luồng và hỗ trợ người đi đường. Cơ quan khí tượng dự báo đợt mưa này còn kéo dài đến cuối tuần.\n\n\
Ông Nguyễn Văn Thưởng, một tiểu thương ở chợ Đồng Xuân, cho biết hàng hóa bị ướt gần hết \
và thiệt hại ước tính hàng chục triệu đồng.\n";

// Generated samples (see the module doc): SHORT and LONG in each legacy encoding.
#[rustfmt::skip]
const SHORT_TCVN3: &[u8] = b"S\xb8ng nay, UBND th\xb5nh ph\xe8 h\xe4p b\xb5n k\xd5 ho\xb9ch ch\xe8ng ng\xcbp cho m\xefa m\xada \
    n\xa8m nay.";
#[rustfmt::skip]
const SHORT_VISCII: &[u8] = b"S\xe1ng nay, UBND th\xe0nh ph\xaf h\xf7p b\xe0n k\xaa ho\xd5ch ch\xafng ng\xa7p cho m\xf9a m\xdfa \
    n\xe5m nay.";
#[rustfmt::skip]
const SHORT_CP1258: &[u8] = b"S\xe1ng nay, UBND th\xe0nh ph\xf4\xec ho\xf2p b\xe0n k\xea\xec hoa\xf2ch ch\xf4\xecng ng\xe2\xf2p \
    cho m\xf9a m\xfda n\xe3m nay.";
#[rustfmt::skip]
const SHORT_VNI: &[u8] = b"Sa\xf9ng nay, UBND tha\xf8nh pho\xe1 ho\xefp ba\xf8n ke\xe1 hoa\xefch cho\xe1ng nga\xe4p cho mu\xf8\
    a m\xf6a na\xeam nay.";
#[rustfmt::skip]
const SHORT_VIQR: &[u8] = b"Sa'ng nay, UBND tha`nh pho^' ho.p ba`n ke^' hoa.ch cho^'ng nga^.p cho mu`a mu+a na(m nay\x5c.";
#[rustfmt::skip]
const LONG_TCVN3: &[u8] = b"Chi\xd2u 12-3, m\xada l\xedn k\xd0o d\xb5i khi\xd5n nhi\xd2u tuy\xd5n \xae\xad\xeang \xeb qu\xcbn \
    Ho\xb5ng Mai ng\xcbp s\xa9u. Ng\xad\xeai d\xa9n ph\xb6i d\xbet xe m\xb8y qua nh\xf7ng \xaeo\xb9n \
    n\xad\xedc ng\xcbp \xae\xd5n \xae\xc7u g\xe8i.\n\nTheo S\xeb Giao th\xabng v\xcbn t\xb6i, l\xf9c \
    l\xad\xeeng ch\xf8c n\xa8ng \xae\xb7 \xae\xad\xeec \xaei\xd2u \xae\xe9ng t\xedi c\xb8c \xaei\xd3m \
    n\xe3ng \xae\xd3 ph\xa9n lu\xe5ng v\xb5 h\xe7 tr\xee ng\xad\xeai \xaei \xae\xad\xeang. C\xac quan \
    kh\xdd t\xad\xeeng d\xf9 b\xb8o \xae\xeet m\xada n\xb5y c\xdfn k\xd0o d\xb5i \xae\xd5n cu\xe8i tu\
    \xc7n.\n\n\xa4ng Nguy\xd4n V\xa8n Th\xad\xebng, m\xe9t ti\xd3u th\xad\xacng \xeb ch\xee \xa7\xe5n\
    g Xu\xa9n, cho bi\xd5t h\xb5ng h\xe3a b\xde \xad\xedt g\xc7n h\xd5t v\xb5 thi\xd6t h\xb9i \xad\xed\
    c t\xddnh h\xb5ng ch\xf4c tri\xd6u \xae\xe5ng.\n";
#[rustfmt::skip]
const LONG_VISCII: &[u8] = b"Chi\xabu 12-3, m\xdfa l\xben k\xe9o d\xe0i khi\xaan nhi\xabu tuy\xaan \xf0\xdf\xb6ng \xb7 qu\xa7n \
    Ho\xe0ng Mai ng\xa7p s\xe2u. Ng\xdf\xb6i d\xe2n ph\xe4i d\xa1t xe m\xe1y qua nh\xe6ng \xf0o\xd5n \
    n\xdf\xbec ng\xa7p \xf0\xaan \xf0\xa5u g\xafi.\n\nTheo S\xb7 Giao th\xf4ng v\xa7n t\xe4i, l\xf1c \
    l\xdf\xfeng ch\xd1c n\xe5ng \xf0\xe3 \xf0\xdf\xfec \xf0i\xabu \xf0\xb5ng t\xbei c\xe1c \xf0i\xacm \
    n\xf3ng \xf0\xac ph\xe2n lu\xb0ng v\xe0 h\xb2 tr\xfe ng\xdf\xb6i \xf0i \xf0\xdf\xb6ng. C\xbd quan \
    kh\xed t\xdf\xfeng d\xf1 b\xe1o \xf0\xfet m\xdfa n\xe0y c\xf2n k\xe9o d\xe0i \xf0\xaan cu\xafi tu\
    \xa5n.\n\n\xd4ng Nguy\xadn V\xe5n Th\xdf\xb7ng, m\xb5t ti\xacu th\xdf\xbdng \xb7 ch\xfe \xd0\xb0n\
    g Xu\xe2n, cho bi\xaat h\xe0ng h\xf3a b\xb8 \xdf\xbet g\xa5n h\xaat v\xe0 thi\xaet h\xd5i \xdf\xbe\
    c t\xednh h\xe0ng ch\xf8c tri\xaeu \xf0\xb0ng.\n";
#[rustfmt::skip]
const LONG_CP1258: &[u8] = b"Chi\xea\xccu 12-3, m\xfda l\xf5\xecn k\xe9o d\xe0i khi\xea\xecn nhi\xea\xccu tuy\xea\xecn \xf0\xfd\
    \xf5\xccng \xf5\xd2 qu\xe2\xf2n Ho\xe0ng Mai ng\xe2\xf2p s\xe2u. Ng\xfd\xf5\xcci d\xe2n pha\xd2i \
    d\xe3\xect xe m\xe1y qua nh\xfd\xdeng \xf0oa\xf2n n\xfd\xf5\xecc ng\xe2\xf2p \xf0\xea\xecn \xf0\xe2\
    \xccu g\xf4\xeci.\n\nTheo S\xf5\xd2 Giao th\xf4ng v\xe2\xf2n ta\xd2i, l\xfd\xf2c l\xfd\xf5\xf2ng \
    ch\xfd\xecc n\xe3ng \xf0a\xde \xf0\xfd\xf5\xf2c \xf0i\xea\xccu \xf0\xf4\xf2ng t\xf5\xeci c\xe1c \xf0\
    i\xea\xd2m n\xf3ng \xf0\xea\xd2 ph\xe2n lu\xf4\xccng v\xe0 h\xf4\xde tr\xf5\xf2 ng\xfd\xf5\xcci \xf0\
    i \xf0\xfd\xf5\xccng. C\xf5 quan kh\xed t\xfd\xf5\xf2ng d\xfd\xf2 b\xe1o \xf0\xf5\xf2t m\xfda n\xe0\
    y co\xccn k\xe9o d\xe0i \xf0\xea\xecn cu\xf4\xeci tu\xe2\xccn.\n\n\xd4ng Nguy\xea\xden V\xe3n Th\xfd\
    \xf5\xd2ng, m\xf4\xf2t ti\xea\xd2u th\xfd\xf5ng \xf5\xd2 ch\xf5\xf2 \xd0\xf4\xccng Xu\xe2n, cho b\
    i\xea\xect h\xe0ng h\xf3a bi\xf2 \xfd\xf5\xect g\xe2\xccn h\xea\xect v\xe0 thi\xea\xf2t ha\xf2i \xfd\
    \xf5\xecc t\xednh h\xe0ng chu\xf2c tri\xea\xf2u \xf0\xf4\xccng.\n";
#[rustfmt::skip]
const LONG_VNI: &[u8] = b"Chie\xe0u 12-3, m\xf6a l\xf4\xf9n ke\xf9o da\xf8i khie\xe1n nhie\xe0u tuye\xe1n \xf1\xf6\xf4\xf8n\
    g \xf4\xfb qua\xe4n Hoa\xf8ng Mai nga\xe4p sa\xe2u. Ng\xf6\xf4\xf8i da\xe2n pha\xfbi da\xe9t xe m\
    a\xf9y qua nh\xf6\xf5ng \xf1oa\xefn n\xf6\xf4\xf9c nga\xe4p \xf1e\xe1n \xf1a\xe0u go\xe1i.\n\nThe\
    o S\xf4\xfb Giao tho\xe2ng va\xe4n ta\xfbi, l\xf6\xefc l\xf6\xf4\xefng ch\xf6\xf9c na\xeang \xf1a\
    \xf5 \xf1\xf6\xf4\xefc \xf1ie\xe0u \xf1o\xe4ng t\xf4\xf9i ca\xf9c \xf1ie\xe5m no\xf9ng \xf1e\xe5 \
    pha\xe2n luo\xe0ng va\xf8 ho\xe3 tr\xf4\xef ng\xf6\xf4\xf8i \xf1i \xf1\xf6\xf4\xf8ng. C\xf4 quan \
    kh\xed t\xf6\xf4\xefng d\xf6\xef ba\xf9o \xf1\xf4\xeft m\xf6a na\xf8y co\xf8n ke\xf9o da\xf8i \xf1\
    e\xe1n cuo\xe1i tua\xe0n.\n\nO\xc2ng Nguye\xe3n Va\xean Th\xf6\xf4\xfbng, mo\xe4t tie\xe5u th\xf6\
    \xf4ng \xf4\xfb ch\xf4\xef \xd1o\xe0ng Xua\xe2n, cho bie\xe1t ha\xf8ng ho\xf9a b\xf2 \xf6\xf4\xf9\
    t ga\xe0n he\xe1t va\xf8 thie\xe4t ha\xefi \xf6\xf4\xf9c t\xednh ha\xf8ng chu\xefc trie\xe4u \xf1\
    o\xe0ng.\n";
#[rustfmt::skip]
const LONG_VIQR: &[u8] = b"Chie^`u 12-3, mu+a lo+'n ke'o da`i khie^'n nhie^`u tuye^'n ddu+o+`ng o+? qua^.n Hoa`ng Mai nga^.p \
    sa^u\x5c. Ngu+o+`i da^n pha?i da('t xe ma'y qua nhu+~ng ddoa.n nu+o+'c nga^.p dde^'n dda^`u go^'i\
    \x5c.\n\nTheo So+? Giao tho^ng va^.n ta?i, lu+.c lu+o+.ng chu+'c na(ng dda~ ddu+o+.c ddie^`u ddo^\
    .ng to+'i ca'c ddie^?m no'ng dde^? pha^n luo^`ng va` ho^~ tro+. ngu+o+`i ddi ddu+o+`ng. Co+ quan \
    khi' tu+o+.ng du+. ba'o ddo+.t mu+a na`y co`n ke'o da`i dde^'n cuo^'i tua^`n.\n\nO^ng Nguye^~n Va\
    (n Thu+o+?ng, mo^.t tie^?u thu+o+ng o+? cho+. DDo^`ng Xua^n, cho bie^'t ha`ng ho'a bi. u+o+'t ga^\
    `n he^'t va` thie^.t ha.i u+o+'c ti'nh ha`ng chu.c trie^.u ddo^`ng.\n";

fn samples() -> Vec<(Encoding, &'static str, &'static [u8])> {
    vec![
        (Encoding::Tcvn3, SHORT, SHORT_TCVN3),
        (Encoding::Tcvn3, LONG, LONG_TCVN3),
        (Encoding::Vni, SHORT, SHORT_VNI),
        (Encoding::Vni, LONG, LONG_VNI),
        (Encoding::Viqr, SHORT, SHORT_VIQR),
        (Encoding::Viqr, LONG, LONG_VIQR),
        (Encoding::Viscii, SHORT, SHORT_VISCII),
        (Encoding::Viscii, LONG, LONG_VISCII),
        (Encoding::Cp1258, SHORT, SHORT_CP1258),
        (Encoding::Cp1258, LONG, LONG_CP1258),
    ]
}

/// The 67 lowercase Vietnamese letters with a diacritic, then their 67 capitals.
const LOWER: &str = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";

fn all_letters() -> Vec<char> {
    let lower: Vec<char> = LOWER.chars().collect();
    let upper: Vec<char> = lower.iter().flat_map(|c| c.to_uppercase()).collect();
    lower.into_iter().chain(upper).collect()
}

/// Every letter in a word of its own, with punctuation and digits between, then news text.
fn generated_text(letters: &[char]) -> String {
    let mut s = String::new();
    for (i, c) in letters.iter().enumerate() {
        s.push(*c);
        s.push_str(match i % 5 {
            0 => ", ",
            1 => ". ",
            2 => " 2024; ",
            3 => "? ",
            _ => " (1) ",
        });
    }
    s.push_str("\n\"Đường\" 100% - 3/4: ");
    s.push_str(SHORT);
    s
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

#[test]
fn names_parse_back() {
    for enc in Encoding::ALL {
        assert_eq!(Encoding::parse(enc.name()), Some(enc));
    }
    assert_eq!(Encoding::parse("utf16"), Some(Encoding::Utf16Le));
    assert_eq!(Encoding::parse("UTF-8"), Some(Encoding::Utf8));
    assert_eq!(Encoding::parse("windows-1258"), Some(Encoding::Cp1258));
    assert_eq!(Encoding::parse("latin9"), None);
}

#[test]
fn samples_decode_to_exact_nfc() {
    assert_eq!(LOWER.chars().count(), 67);
    for (enc, text, bytes) in samples() {
        assert_eq!(decode(bytes, enc).unwrap(), text, "{enc}");
    }
}

#[test]
fn vni_reads_left_to_right_longest_match_first() {
    let d = |b: &[u8]| decode(b, Encoding::Vni).unwrap();
    // Chained replacements turned this into "hồn".
    assert_eq!(d(b"hoa\xf8n thie\xe4n"), "hoàn thiện");
    assert_eq!(d(b"hoa\xf8n"), "hoàn");
    assert_eq!(d(b"VIE\xc4T NAM"), "VIỆT NAM");
    assert_eq!(d(b"\xd1a\xf8 Na\xfcng"), "Đà Nẵng");
    assert_eq!(d(b"\xd6\xd4\xd8NG"), "ƯỜNG");
    assert_eq!(d(b"A\xc1n \xd1o\xe4"), "Ấn Độ");
    assert_eq!(d(b"A\xe1n"), "Ấn", "capital letter with a lowercase mark");
    assert_eq!(d(b"ng\xf6\xf4\xf8i d\xf2ch k\xecnh"), "người dịch kình");
}

#[test]
fn viqr_markers_only_after_vowels() {
    let d = |s: &str| decode(s.as_bytes(), Encoding::Viqr).unwrap();
    assert_eq!(d("Vie^.t Nam"), "Việt Nam");
    assert_eq!(d("DDa`i truye^`n hi`nh ddu+a tin"), "Đài truyền hình đưa tin");
    assert_eq!(d("Ha` No^.i? Ddu'ng. Sau ddo'..."), "Hà Nội? Đúng. Sau đó...");
    assert_eq!(d("Ba.n o+i, ddi ddu+o+.c kho^ng?"), "Bạn ơi, đi được không?");
    assert_eq!(d("Gia' 3.5 trie^.u (VND) + 10% thue^'"), "Giá 3.5 triệu (VND) + 10% thuế");
    assert_eq!(d("add 'quoted'"), "add 'quoted'");
    // Strict text: escapes keep markers literal, everything else is a mark.
    assert_eq!(d("Co' pha?i kho^ng\\? Ho."), "Có phải không? Họ");
    assert_eq!(d("a\\'b C:\\\\x"), "a'b C:\\x");
    // Casual VIQR (no escapes) is still detected.
    let casual = b"Sa'ng nay, UBND tha`nh pho^' ho.p ba`n ke^' hoa.ch cho^'ng nga^.p cho mu`a mu+a na(m nay.";
    assert_eq!(detect(casual).encoding, Encoding::Viqr);
    assert_eq!(decode_auto(casual).unwrap().0, SHORT);
}

#[test]
fn round_trips() {
    let text = generated_text(&all_letters());
    for enc in [
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Viscii,
        Encoding::Cp1258,
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ] {
        let bytes = encode(&text, enc).unwrap_or_else(|| panic!("{enc} encodes every letter"));
        assert_eq!(decode(&bytes, enc).unwrap(), text, "{enc}");
    }
    // Literal markers survive a VIQR round trip.
    let marks = "Hà Nội? Có. 'Trích' a+b (ghi chú) C:\\thư mục ^_^ e.g. dd ~5'";
    assert_eq!(decode(&encode(marks, Encoding::Viqr).unwrap(), Encoding::Viqr).unwrap(), marks);
}

#[test]
fn tcvn3_round_trips_lowercase_and_its_capitals_only() {
    let mut letters: Vec<char> = LOWER.chars().collect();
    letters.extend("ĂÂÊÔƠƯĐ".chars());
    let text = generated_text(&letters).replace(SHORT, "sáng nay ubnd họp. Ăn Âu Êm Ôm Ơn Ưu Đi");
    let bytes = encode(&text, Encoding::Tcvn3).unwrap();
    assert_eq!(decode(&bytes, Encoding::Tcvn3).unwrap(), text);
    // Documented limit: a toned capital has no TCVN3 byte.
    assert_eq!(encode("Ủy ban", Encoding::Tcvn3), None);
    assert_eq!(encode("Ẩm thực", Encoding::Tcvn3), None);
    // Windows-1252 symbols that TCVN3 does not use keep their byte.
    assert_eq!(decode(&encode("30°C…", Encoding::Tcvn3).unwrap(), Encoding::Tcvn3).unwrap(), "30°C…");
}

#[test]
fn detects_each_encoding_short_and_long() {
    for (enc, text, bytes) in samples() {
        let d = detect(bytes);
        assert_eq!(d.encoding, enc, "{enc} sample {:?}…", &text[..20]);
        assert!(d.confidence > 0.5 && d.confidence <= 1.0, "{enc}: {d:?}");
        let (decoded, d2) = decode_auto(bytes).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(d2, d);
    }
}

#[test]
fn real_unicode_is_left_alone() {
    let nfd: String = LONG.nfd().collect();
    // Unikey "Unicode tổ hợp": shapes precomposed, the tone as a combining mark.
    let to_hop = "Ng\u{1b0}\u{01a1}\u{0300}i d\u{e2}n \u{0111}\u{01a1}\u{0323}i m\u{01b0}a ta\u{0323}nh";
    for (input, want) in [
        (SHORT.to_string(), SHORT.to_string()),
        (LONG.to_string(), LONG.to_string()),
        (nfd.clone(), LONG.to_string()),
        (to_hop.to_string(), nfc(to_hop)),
    ] {
        let d = detect(input.as_bytes());
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.confidence >= 0.9);
        let (text, _) = decode_auto(input.as_bytes()).unwrap();
        assert_eq!(text, want);
    }
    assert_eq!(nfc(to_hop), "Người dân đợi mưa tạnh");
    // Plain English ASCII with apostrophes is not VIQR.
    let english = b"It's the editor's job. Don't panic, it's fine.";
    assert_eq!(detect(english).encoding, Encoding::Utf8);
    // UTF-16 with and without BOM.
    for enc in [Encoding::Utf16Le, Encoding::Utf16Be] {
        let with_bom = encode(LONG, enc).unwrap();
        assert_eq!(detect(&with_bom), banthao_text::encoding::Detection { encoding: enc, confidence: 1.0 });
        let bare = &with_bom[2..];
        assert_eq!(detect(bare).encoding, enc);
        assert_eq!(decode_auto(bare).unwrap().0, LONG);
    }
    // A UTF-8 BOM is dropped.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(SHORT.as_bytes());
    assert_eq!(decode_auto(&bom).unwrap().0, SHORT);
}

#[test]
fn font_names_from_css() {
    assert_eq!(legacy_font("\".VnTime\""), Some(LegacyFont::Tcvn3));
    assert_eq!(legacy_font("\".VnTimeH\", serif"), Some(LegacyFont::Tcvn3Capitals));
    assert_eq!(legacy_font("'.VnArial NarrowH'"), Some(LegacyFont::Tcvn3Capitals));
    assert_eq!(legacy_font(" .VnCentury Schoolbook , \"Times New Roman\""), Some(LegacyFont::Tcvn3));
    assert_eq!(legacy_font("'VNI-Times'"), Some(LegacyFont::Vni));
    assert_eq!(legacy_font("\"VNI-Helve\",sans-serif"), Some(LegacyFont::Vni));
    assert_eq!(legacy_font("&quot;.VnTime&quot;"), Some(LegacyFont::Tcvn3));
    assert_eq!(legacy_font("\"Times New Roman\", \".VnTime\""), None, "the first family decides");
    assert_eq!(legacy_font("Arial"), None);
    assert_eq!(legacy_font(""), None);
    assert_eq!(legacy_font("Vnexpress Sans"), None);
}

#[test]
fn word_runs_convert() {
    // .VnTime text as Word puts it on the clipboard (Windows-1252 characters); the curly
    // quotes were typed as Unicode in Word and stay.
    let run = "Tr\u{ad}êng THPT Chu V¨n An ®ãn 600 häc sinh líp 10 “míi toanh” lóc 7 giê s¸ng.";
    assert_eq!(
        convert_font_run(run, LegacyFont::Tcvn3),
        "Trường THPT Chu Văn An đón 600 học sinh lớp 10 “mới toanh” lúc 7 giờ sáng."
    );
    // .VnTimeH: the lowercase-looking bytes are capitals.
    let run = "®éi tuyÓn bãng ®¸ n÷ giµnh huy ch\u{ad}¬ng vµng";
    assert_eq!(convert_font_run(run, LegacyFont::Tcvn3Capitals), "ĐỘI TUYỂN BÓNG ĐÁ NỮ GIÀNH HUY CHƯƠNG VÀNG");
    // VNI-Times.
    let run = "Boä Y teá khuyeán caùo ngöôøi daân khoâng hoaûng loaïn khi dòch cuùm laây lan.";
    assert_eq!(
        convert_font_run(run, LegacyFont::Vni),
        "Bộ Y tế khuyến cáo người dân không hoảng loạn khi dịch cúm lây lan."
    );
    assert_eq!(convert_font_run("ÑÖÔØNG ÑEÁN TRÖÔØNG HOÏC", LegacyFont::Vni), "ĐƯỜNG ĐẾN TRƯỜNG HỌC");
    assert_eq!(convert_font_run("AÁn Ñoä", LegacyFont::Vni), "Ấn Độ");
}

#[test]
fn soft_hyphen_is_tcvn3_u_horn() {
    // ư is byte 0xAD, the soft hyphen: converted before any sanitiser can strip it.
    assert_eq!(convert_font_run("\u{ad}u tiªn", LegacyFont::Tcvn3), "ưu tiên");
    assert_eq!(convert_font_run("\u{ad}u tiªn", LegacyFont::Tcvn3Capitals), "ƯU TIÊN");
    assert_eq!(decode(b"\xadu ti\xaan", Encoding::Tcvn3).unwrap(), "ưu tiên");
}

#[test]
fn invalid_utf8_reports_the_offset() {
    let mut bytes = "Hà Nội ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe tail");
    assert_eq!(decode(&bytes, Encoding::Utf8), Err(DecodeError::InvalidUtf8 { byte_offset: offset }));
    let err = decode(&bytes, Encoding::Utf8).unwrap_err();
    assert!(err.message_vi().contains(&offset.to_string()));
    assert!(err.to_string().contains("UTF-8"));
    assert_eq!(decode(b"\x00\xd8", Encoding::Utf16Le), Err(DecodeError::InvalidUtf16));
    assert_eq!(decode(b"abc", Encoding::Utf16Le), Err(DecodeError::InvalidUtf16));
}

#[test]
fn empty_input() {
    for enc in Encoding::ALL {
        assert_eq!(decode(b"", enc), Err(DecodeError::Empty));
    }
    assert_eq!(decode_auto(b""), Err(DecodeError::Empty));
    assert_eq!(detect(b"").confidence, 0.0);
    assert!(!DecodeError::Empty.message_vi().is_empty());
}

#[test]
fn mixed_encodings_give_lower_confidence() {
    let pure = detect(LONG_TCVN3);
    let mut mixed = LONG_TCVN3.to_vec();
    mixed.extend_from_slice(LONG_VNI);
    mixed.extend_from_slice(LONG_VISCII);
    let d = detect(&mixed);
    assert!(d.confidence < pure.confidence, "{d:?} vs {pure:?}");
    let mut with_utf8 = LONG.as_bytes().to_vec();
    with_utf8.extend_from_slice(LONG_CP1258);
    let d2 = detect(&with_utf8);
    assert!(d2.confidence < 0.9, "{d2:?}");
    for input in [&mixed[..], &with_utf8[..]] {
        // Must not panic; an error is allowed (bad UTF-8 is reported, not replaced).
        let _ = decode_auto(input);
        for enc in Encoding::ALL {
            let _ = decode(input, enc);
        }
    }
}

#[test]
fn ten_megabytes_decode() {
    let mut big = Vec::with_capacity(10 * 1024 * 1024 + LONG_TCVN3.len());
    while big.len() < 10 * 1024 * 1024 {
        big.extend_from_slice(LONG_TCVN3);
    }
    let (text, d) = decode_auto(&big).unwrap();
    assert_eq!(d.encoding, Encoding::Tcvn3);
    assert!(text.starts_with(LONG));
    let vni = encode(&text, Encoding::Vni).unwrap();
    assert_eq!(decode(&vni, Encoding::Vni).unwrap().len(), text.len());
}

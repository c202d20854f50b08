//! House tone style: conversion both ways over hunspell-vi's whole word list, idempotence,
//! and the findings.

use banthao_text::check::FindingKind;
use banthao_text::syllable;
use banthao_text::tone_style::{convert, findings, style_of, ToneStyle};

const DIC: &str = "/usr/share/hunspell/vi_VN.dic";

fn dic() -> Option<String> {
    match std::fs::read_to_string(DIC) {
        Ok(d) => Some(d),
        Err(_) => {
            println!("note: {DIC} not found (install hunspell-vi); skipping");
            None
        }
    }
}

/// Entries of the .dic (after the count line), flags stripped.
fn entries(dic: &str) -> Vec<&str> {
    dic.lines().skip(1).map(|l| l.split('/').next().unwrap_or(l).trim()).filter(|w| !w.is_empty()).collect()
}

/// Entries of vi_VN.dic that are not Vietnamese syllables: acronyms, names of formats,
/// loanwords, and a few toneless stop-final forms (gip, têt, xit) that no rule accepts.
const NOT_SYLLABLES: &[&str] = &[
    "ABC", "ASCII", "GIF", "HCM", "HK", "HTML", "HĐND", "JPEG", "LHQ", "PDF", "PNG", "TCVN", "TV", "Telex", "Tp",
    "UBND", "URL", "Unicode", "VIQR", "VISCII", "VN", "VNI", // acronyms and names
    "basoi", "email", "gen", "gram", "internet", "intranet", "ka", "palăng", "ping", "tivi", "tout", "v",
    "web", // loanwords
    "gip", "têt", "xit", // stop final without sắc/nặng
];

#[test]
fn every_dictionary_syllable_is_valid() {
    let Some(d) = dic() else { return };
    let all = entries(&d);
    assert!(all.len() > 6600, "{}", all.len());
    let mut rejected: Vec<&str> = all.iter().copied().filter(|w| !syllable::is_valid(w)).collect();
    let mut expected = NOT_SYLLABLES.to_vec();
    rejected.sort_unstable();
    expected.sort_unstable();
    assert_eq!(rejected, expected, "rejected entries differ from the classified list");
    // Every lowercase entry outside the list is a valid syllable; every capitalised one too.
    for w in all.iter().filter(|w| !NOT_SYLLABLES.contains(w)) {
        assert!(syllable::is_valid(w), "{w}");
        assert!(syllable::is_valid(&w.to_uppercase()), "{w} in capitals");
    }
}

#[test]
fn dictionary_is_hoa_style_and_round_trips() {
    let Some(d) = dic() else { return };
    let all = entries(&d);
    let mut sensitive = 0;
    for w in &all {
        assert_ne!(style_of(w), Some(ToneStyle::OnFirstVowel), "{w} is in the hòa style");
        let other = convert(w, ToneStyle::OnFirstVowel);
        if style_of(w).is_some() {
            sensitive += 1;
            assert_ne!(&other, w);
            assert_eq!(style_of(&other), Some(ToneStyle::OnFirstVowel), "{w} → {other}");
            assert!(syllable::is_valid(&other), "{other}");
        } else {
            assert_eq!(&other, w);
        }
        assert_eq!(convert(&other, ToneStyle::OnSecondVowel), *w);
    }
    assert!(sensitive > 50, "{sensitive}");
    // The whole file as one text, both ways.
    let text = all.join("\n");
    let first = convert(&text, ToneStyle::OnFirstVowel);
    assert_eq!(convert(&first, ToneStyle::OnFirstVowel), first);
    assert_eq!(convert(&first, ToneStyle::OnSecondVowel), text);
    assert_eq!(convert(&text, ToneStyle::OnSecondVowel), text);
}

#[test]
fn known_pairs() {
    let pairs = [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("xoá", "xóa"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("hoạ", "họa"),
        ("loè", "lòe"),
        ("tuỳ", "tùy"),
        ("oà", "òa"),
        ("luỹ", "lũy"),
        ("Hoà", "Hòa"),
        ("THUỶ", "THỦY"),
    ];
    for (second, first) in pairs {
        assert_eq!(convert(second, ToneStyle::OnFirstVowel), first);
        assert_eq!(convert(first, ToneStyle::OnSecondVowel), second);
        assert_eq!(style_of(second), Some(ToneStyle::OnSecondVowel), "{second}");
        assert_eq!(style_of(first), Some(ToneStyle::OnFirstVowel), "{first}");
    }
    for same in ["hoàn", "ngoài", "quý", "quả", "thuyền", "khoa", "tuỷnh", "hoa", "của", "mía", "Covid", "hóan"]
    {
        assert_eq!(convert(same, ToneStyle::OnFirstVowel), same);
        assert_eq!(convert(same, ToneStyle::OnSecondVowel), same);
        assert_eq!(style_of(same), None, "{same}");
    }
}

/// Generated text: every dictionary syllable in turn, with capitals, punctuation and numbers.
fn generated(words: &[&str]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        let w = match i % 11 {
            0 => w.to_uppercase(),
            3 | 7 => {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
            _ => w.to_string(),
        };
        s.push_str(&w);
        s.push_str(match i % 13 {
            0 => ", ",
            5 => ". ",
            9 => " 12-7 “",
            10 => "” ",
            _ => " ",
        });
    }
    s
}

#[test]
fn idempotent_and_reversible_on_generated_text() {
    let fallback = ["hoà", "khoẻ", "thuỷ", "quý", "hoàn", "người", "Việt", "xoá", "uỷ", "ban"];
    let d = dic();
    let words: Vec<&str> = match &d {
        Some(d) => entries(d),
        None => fallback.to_vec(),
    };
    let second = generated(&words);
    let first = convert(&second, ToneStyle::OnFirstVowel);
    assert_ne!(first, second);
    assert_eq!(first.chars().count(), second.chars().count());
    for (text, style) in [(&second, ToneStyle::OnSecondVowel), (&first, ToneStyle::OnFirstVowel)] {
        assert_eq!(&convert(text, style), text, "not idempotent");
        let there = convert(text, style.other());
        assert_eq!(convert(&there, style.other()), there);
        assert_eq!(&convert(&there, style), text, "not reversible");
    }
}

#[test]
fn findings_for_house_style_and_mixed_text() {
    let text = "Hoà bình và sức khỏe, thủy lợi.";
    let f = findings(text, Some(ToneStyle::OnSecondVowel));
    let style: Vec<_> = f.iter().filter(|f| f.kind == FindingKind::ToneStyle).collect();
    assert_eq!(style.len(), 2);
    assert_eq!((style[0].start, style[0].end, style[0].text.as_str()), (16, 20, "khỏe"));
    assert_eq!(style[0].suggestions, ["khoẻ"]);
    assert_eq!(style[1].suggestions, ["thuỷ"]);
    let mixed: Vec<_> = f.iter().filter(|f| f.kind == FindingKind::MixedToneStyle).collect();
    assert_eq!(mixed.len(), 1);
    assert_eq!((mixed[0].start, mixed[0].end), (0, text.chars().count()));
    assert!(mixed[0].message.en.contains("1 syllables like “hoà") && mixed[0].message.en.contains("2 like"));

    // No house style: only the mixed finding.
    let f = findings(text, None);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::MixedToneStyle);

    // One style throughout: nothing, or one finding per syllable in the other style.
    assert!(findings("Hoà bình, khoẻ mạnh.", Some(ToneStyle::OnSecondVowel)).is_empty());
    assert!(findings("Hoà bình, khoẻ mạnh.", None).is_empty());
    let f = findings("Hoà bình, khoẻ mạnh.", Some(ToneStyle::OnFirstVowel));
    assert_eq!(f.iter().map(|f| f.suggestions[0].as_str()).collect::<Vec<_>>(), ["Hòa", "khỏe"]);
}

//! Vietnamese text figures: `check` of a 5,000-tiếng article against NFC normalisation of the
//! same text (unicode-normalization) in the same run; `convert` throughput per legacy encoding
//! against glibc `iconv` on the same bytes where iconv knows the encoding; `spelling` and
//! `real-word` findings per 1,000 tiếng on correct prose against hunspell-vi run alone.

use banthao_text::check::{check, Abbreviations, CheckOptions, Field};
use banthao_text::encoding::{decode, encode, Encoding};
use banthao_text::spell::Speller;
use banthao_text::tone_style::ToneStyle;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

use crate::generate::{self, Rng};
use crate::stats::{ms, ratio, Samples};

pub fn run(tmp: &Path) {
    check_article();
    findings_on_correct_prose();
    convert_throughput(tmp);
}

/// False alarms on text a person judged correct: our `spelling` and `real-word` findings per
/// 1,000 tiếng beside the words `hunspell -l` (hunspell-vi alone) rejects in the same text.
/// The corpora: the project's clean news (crates/text/tests/corpus/clean-news.txt) and, until
/// a licensed corpus of published prose ships, any UTF-8 file named by BANTHAO_BENCH_PROSE.
fn findings_on_correct_prose() {
    let Ok(dic) = std::fs::read_to_string("/usr/share/hunspell/vi_VN.dic") else {
        println!("findings on correct prose skipped: hunspell-vi missing");
        return;
    };
    let speller = Speller::from_hunspell(&dic, ToneStyle::OnSecondVowel);
    let clean = include_str!("../../text/tests/corpus/clean-news.txt");
    let mut corpora =
        vec![("clean-news.txt".to_string(), clean.split_once('\n').map_or("", |(_, body)| body).to_string())];
    if let Some(path) = std::env::var_os("BANTHAO_BENCH_PROSE") {
        match std::fs::read_to_string(&path) {
            Ok(text) => corpora.push((Path::new(&path).display().to_string(), banthao_text::to_nfc_string(&text))),
            Err(e) => println!("BANTHAO_BENCH_PROSE {}: {e}", Path::new(&path).display()),
        }
    }
    for (name, text) in corpora {
        let tieng = banthao_text::count_tieng(&text).max(1);
        let found = banthao_text::spell::findings(&text, &speller);
        let per_1000 = |n: usize| n as f64 * 1000.0 / tieng as f64;
        let count = |kind: banthao_text::check::FindingKind| found.iter().filter(|f| f.kind == kind).count();
        let spelling = count(banthao_text::check::FindingKind::Spelling);
        let real_word = count(banthao_text::check::FindingKind::RealWord);
        let reference = match hunspell_rejects(&text) {
            Some(n) => format!("hunspell-vi alone: {n} ({:.2} per 1,000 tiếng)", per_1000(n)),
            None => "hunspell program missing: no reference".to_string(),
        };
        println!(
            "findings on correct prose, {name} ({tieng} tiếng): spelling {spelling} ({:.2} per 1,000), real-word {real_word} ({:.2} per 1,000)   ({reference})",
            per_1000(spelling),
            per_1000(real_word)
        );
    }
}

/// How many words `hunspell -d vi_VN -l` lists as misspelt in `text` (None without hunspell).
fn hunspell_rejects(text: &str) -> Option<usize> {
    use std::io::Write;
    let mut child = Command::new("hunspell")
        .args(["-d", "/usr/share/hunspell/vi_VN", "-l"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().count())
}

fn check_article() {
    let mut rng = Rng::new(11);
    let text = generate::paragraphs(&mut rng, 5000).join("\n");
    let tieng = banthao_text::count_tieng(&text);
    let dic = std::fs::read_to_string("/usr/share/hunspell/vi_VN.dic").ok();
    let t = Instant::now();
    let speller = match &dic {
        Some(d) => Speller::from_hunspell(d, ToneStyle::OnFirstVowel),
        None => Speller::new(ToneStyle::OnFirstVowel),
    };
    let build = t.elapsed();
    let abbreviations = Abbreviations::default();
    let options = CheckOptions {
        house_style: Some(ToneStyle::OnFirstVowel),
        speller: Some(&speller),
        ..CheckOptions::new(Field::Body, &abbreviations)
    };
    let ours = Samples::collect(30, || {
        std::hint::black_box(check(&text, &options));
    });
    if std::env::var_os("BANTHAO_BENCH_KINDS").is_some() {
        for kind in banthao_text::check::FindingKind::ALL {
            let kinds = [kind];
            let o = CheckOptions { kinds: Some(&kinds), ..options };
            let s = Samples::collect(10, || {
                std::hint::black_box(check(&text, &o));
            });
            println!("  {:<18} {}", kind.as_str(), ms(s.p50()));
        }
    }
    // NFD input so normalisation does real work, as it would on a paste from macOS.
    let nfd: String = text.nfd().collect();
    let reference = Samples::collect(30, || {
        std::hint::black_box(nfd.nfc().collect::<String>());
    });
    println!(
        "check of a {tieng}-tiếng article     p50 {}   (NFC of the same text, unicode-normalization: {})   ratio {}   [speller built once in {}{}]",
        ms(ours.p50()),
        ms(reference.p50()),
        ratio(ours.p50(), reference.p50()),
        ms(build),
        if dic.is_some() { "" } else { "; hunspell-vi missing" }
    );
}

fn convert_throughput(tmp: &Path) {
    let mut rng = Rng::new(5);
    let mut text = String::new();
    while text.len() < 8 << 20 {
        text.push_str(&generate::paragraphs(&mut rng, 2000).join("\n"));
        text.push('\n');
    }
    for (enc, iconv_name) in [
        (Encoding::Tcvn3, Some("TCVN5712-1")),
        (Encoding::Vni, None),
        (Encoding::Viqr, None),
        (Encoding::Viscii, Some("VISCII")),
        (Encoding::Cp1258, Some("CP1258")),
    ] {
        let Some(bytes) = encode(&text, enc) else {
            println!("convert {:<7} skipped: the sample cannot be encoded", enc.name());
            continue;
        };
        let mb = bytes.len() as f64 / (1 << 20) as f64;
        let ours = Samples::collect(5, || {
            std::hint::black_box(decode(&bytes, enc).unwrap());
        })
        .p50();
        let theirs = iconv_name.and_then(|name| iconv_time(tmp, &bytes, name));
        let rate = |d: Duration| mb / d.as_secs_f64();
        match theirs {
            Some(t) => println!(
                "convert {:<7} {:7.1} MB/s   (iconv -f {name}: {:7.1} MB/s)   ratio (time) {}",
                enc.name(),
                rate(ours),
                rate(t),
                ratio(ours, t),
                name = iconv_name.unwrap()
            ),
            None => {
                println!("convert {:<7} {:7.1} MB/s   (no iconv reference for this encoding)", enc.name(), rate(ours))
            }
        }
    }
}

/// glibc iconv on the same bytes, from a file to /dev/null; the best of three (process start
/// is included, which is small next to 8 MB).
fn iconv_time(tmp: &Path, bytes: &[u8], name: &str) -> Option<Duration> {
    let file = tmp.join(format!("iconv-{name}.txt"));
    std::fs::write(&file, bytes).ok()?;
    (0..3)
        .filter_map(|_| {
            let t = Instant::now();
            let status = Command::new("iconv")
                .args(["-f", name, "-t", "UTF-8"])
                .arg(&file)
                .stdout(std::process::Stdio::null())
                .status()
                .ok()?;
            status.success().then(|| t.elapsed())
        })
        .min()
}

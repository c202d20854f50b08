//! Vietnamese text figures: `check` of real published prose (the laws and Wikipedia articles of
//! crates/text/tests/corpus/, article by article) against NFC normalisation of the same text
//! (unicode-normalization) in the same run; `convert` throughput per legacy encoding against
//! glibc `iconv` on the same bytes where iconv knows the encoding; `spelling` and `real-word`
//! findings per 1,000 tiếng on that prose and on the project's clean news, beside hunspell-vi
//! run alone, with the real-word precision that a person's verdicts give.

use banthao_text::check::{check, Abbreviations, CheckOptions, Field, FindingKind};
use banthao_text::encoding::{decode, encode, Encoding};
use banthao_text::spell::Speller;
use banthao_text::tone_style::ToneStyle;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

use crate::generate::{self, Rng};
use crate::stats::{ms, ratio, Samples};

const CLEAN_NEWS: &str = include_str!("../../text/tests/corpus/clean-news.txt");
const LAWS: &str = include_str!("../../text/tests/corpus/laws.txt");
const WIKI: &str = include_str!("../../text/tests/corpus/wiki.txt");
/// Wikipedia articles drawn at random and judged before the spelling rules were last changed.
const WIKI_HELDOUT: &str = include_str!("../../text/tests/corpus/wiki-heldout.txt");
/// A person's verdict on every finding in LAWS, WIKI and WIKI_HELDOUT: file, kind, text, count,
/// verdict, …
const JUDGEMENTS: &str = include_str!("../../text/tests/corpus/judgements.tsv");

pub fn run(tmp: &Path) {
    check_real_prose();
    findings_on_prose();
    convert_throughput(tmp);
}

/// The texts of a corpus file: the blocks between blank lines after its header line (each law,
/// each article), as the editor checks them one article at a time.
fn documents(text: &str) -> Vec<&str> {
    let body = text.split_once('\n').map_or("", |(_, body)| body);
    body.split("\n\n").map(str::trim).filter(|d| !d.is_empty()).collect()
}

/// Findings per 1,000 tiếng: ours (`spelling`, `real-word`) beside the words `hunspell -l`
/// (hunspell-vi alone) rejects in the same text, with how many of ours a person judged right.
/// The corpora: real published prose the project did not write (laws.txt, wiki.txt,
/// wiki-heldout.txt; licences in crates/text/tests/corpus/README.md), the project's clean news,
/// and any UTF-8 file named by BANTHAO_BENCH_PROSE (one text).
fn findings_on_prose() {
    let Ok(dic) = std::fs::read_to_string("/usr/share/hunspell/vi_VN.dic") else {
        println!("findings on prose skipped: hunspell-vi missing");
        return;
    };
    let speller = Speller::from_hunspell(&dic, ToneStyle::OnSecondVowel);
    let mut corpora: Vec<(String, Vec<String>)> =
        [("laws.txt", LAWS), ("wiki.txt", WIKI), ("wiki-heldout.txt", WIKI_HELDOUT)]
            .iter()
            .map(|(name, text)| (name.to_string(), documents(text).into_iter().map(str::to_string).collect()))
            .collect();
    corpora.push(("clean-news.txt".to_string(), vec![CLEAN_NEWS.split_once('\n').map_or("", |(_, b)| b).to_string()]));
    if let Some(path) = std::env::var_os("BANTHAO_BENCH_PROSE") {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                corpora.push((Path::new(&path).display().to_string(), vec![banthao_text::to_nfc_string(&text)]))
            }
            Err(e) => println!("BANTHAO_BENCH_PROSE {}: {e}", Path::new(&path).display()),
        }
    }
    for (name, docs) in corpora {
        let text = docs.join("\n\n");
        let tieng = banthao_text::count_tieng(&text).max(1);
        let found: Vec<_> = docs.iter().flat_map(|d| banthao_text::spell::findings(d, &speller)).collect();
        let per_1000 = |n: usize| n as f64 * 1000.0 / tieng as f64;
        let count = |kind: FindingKind| found.iter().filter(|f| f.kind == kind).count();
        let spelling = count(FindingKind::Spelling);
        let real_word = count(FindingKind::RealWord);
        let reference = match hunspell_rejects(&text) {
            Some(n) => format!("hunspell-vi alone: {n} ({:.2} per 1,000 tiếng)", per_1000(n)),
            None => "hunspell program missing: no reference".to_string(),
        };
        let judged = |kind: &str| {
            precision(&name, kind).map_or(String::new(), |(right, all)| {
                format!(
                    ", right {right} of {all} ({:.0} %) by judgements.tsv",
                    right as f64 * 100.0 / all.max(1) as f64
                )
            })
        };
        println!(
            "findings on {name} ({tieng} tiếng): spelling {spelling} ({:.2} per 1,000{}), real-word {real_word} ({:.2} per 1,000{})   ({reference})",
            per_1000(spelling),
            judged("spelling"),
            per_1000(real_word),
            judged("real-word"),
        );
    }
}

/// From judgements.tsv: how many findings of `kind` on `file` a person judged right, of all.
fn precision(file: &str, kind: &str) -> Option<(usize, usize)> {
    let mut right_all = (0, 0);
    for line in JUDGEMENTS.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 4 && c[0] == file && c[1] == kind {
            let n: usize = c[3].parse().unwrap_or(0);
            right_all.1 += n;
            if c[4] == "right" {
                right_all.0 += n;
            }
        }
    }
    (right_all.1 > 0).then_some(right_all)
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

/// `check` (every kind, house style hoà) of each law and article of the real corpus in turn,
/// against NFC normalisation of the same text from NFD, as a paste from macOS would need.
fn check_real_prose() {
    let docs: Vec<&str> = documents(LAWS).into_iter().chain(documents(WIKI)).collect();
    let tieng: usize = docs.iter().map(|d| banthao_text::count_tieng(d)).sum();
    let largest = docs.iter().map(|d| banthao_text::count_tieng(d)).max().unwrap_or(0);
    let dic = std::fs::read_to_string("/usr/share/hunspell/vi_VN.dic").ok();
    let t = Instant::now();
    let speller = match &dic {
        Some(d) => Speller::from_hunspell(d, ToneStyle::OnSecondVowel),
        None => Speller::new(ToneStyle::OnSecondVowel),
    };
    let build = t.elapsed();
    let abbreviations = Abbreviations::default();
    let options = CheckOptions {
        house_style: Some(ToneStyle::OnSecondVowel),
        speller: Some(&speller),
        ..CheckOptions::new(Field::Body, &abbreviations)
    };
    let ours = Samples::collect(10, || {
        for d in &docs {
            std::hint::black_box(check(d, &options));
        }
    });
    if std::env::var_os("BANTHAO_BENCH_KINDS").is_some() {
        for kind in FindingKind::ALL {
            let kinds = [kind];
            let o = CheckOptions { kinds: Some(&kinds), ..options };
            let s = Samples::collect(5, || {
                for d in &docs {
                    std::hint::black_box(check(d, &o));
                }
            });
            println!("  {:<18} {}", kind.as_str(), ms(s.p50()));
        }
    }
    let nfd: Vec<String> = docs.iter().map(|d| d.nfd().collect()).collect();
    let reference = Samples::collect(10, || {
        for d in &nfd {
            std::hint::black_box(d.nfc().collect::<String>());
        }
    });
    println!(
        "check of {} real texts ({tieng} tiếng, the longest {largest})   p50 {} ({:.1} ms per 1,000 tiếng)   (NFC of the same text, unicode-normalization: {})   ratio {}   [speller built once in {}{}]",
        docs.len(),
        ms(ours.p50()),
        ours.p50().as_secs_f64() * 1e6 / tieng.max(1) as f64,
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

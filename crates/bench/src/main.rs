//! `make bench`: every figure printed beside a reference measured in the same run.
//!
//! Options: `--articles N` (default 100000), `--skip-window` (no X display needed), `--keep DIR`
//! (`--only search` and `--only window`: a generated library made once in DIR and reused),
//! `--only text|photo|docx|sync|desk|search|window|typing` (one group of figures alone). `BANTHAO_BENCH_KINDS=1` also prints the
//! check's time per finding kind.

mod desk_bench;
mod docx_bench;
mod generate;
mod library_bench;
mod photo_bench;
mod search_bench;
mod stats;
mod sync_bench;
mod text_bench;
mod typing_bench;
mod window_bench;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, library, file] = args.as_slice() {
        if flag == photo_bench::IMPORT_ONE {
            return photo_bench::import_one(std::path::Path::new(library), file);
        }
    }
    let articles = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    match args.windows(2).find(|w| w[0] == "--only").map(|w| w[1].as_str()) {
        Some("text") => return text_bench::run(tmp.path()),
        Some("photo") => return photo_bench::run(tmp.path()),
        Some("docx") => return docx_bench::run(tmp.path()),
        Some("sync") => return sync_bench::run(tmp.path()),
        Some("desk") => return desk_bench::run(tmp.path()),
        Some("search") => {
            let keep = args.windows(2).find(|w| w[0] == "--keep").map(|w| std::path::PathBuf::from(&w[1]));
            return search_bench::run(tmp.path(), articles, keep.as_deref());
        }
        Some("window") => {
            window_bench::bundle_size();
            let keep = args.windows(2).find(|w| w[0] == "--keep").map(|w| std::path::PathBuf::from(&w[1]));
            return window_bench::startup_and_memory(tmp.path(), keep.as_deref());
        }
        Some("typing") => return typing_bench::run(),
        _ => {}
    }

    println!("Bản Thảo benchmarks (ratios: ours ÷ reference, lower is better)\n");
    eprintln!("building a library of {articles} generated articles…");
    let lib = library_bench::build_library(&dir, articles);
    drop(lib);
    library_bench::open_and_first_page(&dir);
    search_bench::run(tmp.path(), articles, Some(&dir));

    desk_bench::run(tmp.path());
    text_bench::run(tmp.path());
    photo_bench::run(tmp.path());
    docx_bench::run(tmp.path());
    sync_bench::run(tmp.path());

    window_bench::bundle_size();
    if !args.iter().any(|a| a == "--skip-window") {
        window_bench::startup_and_memory(tmp.path(), Some(&dir));
        typing_bench::run();
    }
}

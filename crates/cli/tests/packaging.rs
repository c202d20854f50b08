//! What the .deb ships about the command line comes from the binary itself: its manual page
//! and shell completions name every verb and open no library.

use std::process::Command;

fn banthao(args: &[&str], library: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_banthao")).args(args).env("BANTHAO_LIBRARY", library).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn manpage_and_completions_cover_the_verbs_without_a_library() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("never-created");

    let man = banthao(&["manpage"], &library);
    assert!(man.starts_with(".ie") || man.contains(".TH banthao 1"), "roff with a title: {man:.200}");
    for verb in
        ["banthao new", "banthao list", "banthao check", "banthao sync", "banthao photo import", "banthao queue"]
    {
        assert!(man.contains(&format!("\\fB{}\\fR", verb.replace('-', "\\-"))), "the manual page names `{verb}`");
    }
    assert!(!man.contains("banthao\\-new(1)"), "no pointer to a page per verb (not shipped)");
    assert!(!man.contains("completions") && !man.contains("manpage"), "the packaging verbs stay hidden");

    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef banthao"), ("fish", "complete -c banthao")] {
        let script = banthao(&["completions", shell], &library);
        assert!(script.contains(marker), "{shell} completion: {script:.200}");
        assert!(script.contains("checklist"), "{shell} completion knows the verbs");
    }
    assert!(!library.exists(), "no library opened");

    let version = banthao(&["--version"], &library);
    assert_eq!(version.trim(), format!("banthao {}", env!("CARGO_PKG_VERSION")));
}

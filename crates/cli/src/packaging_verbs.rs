//! What the package ships about the command line, generated from the command line itself so it
//! never drifts from `--help`: the manual page and the shell completions (`make dist` writes them).

use banthao_core::Result;
use clap::{Command, CommandFactory};
use std::io::Write;

use crate::args::Cli;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "banthao", &mut out);
    out.flush()?;
    Ok(())
}

/// banthao(1) in roff, on stdout: one page. clap_mangen's own SUBCOMMANDS section points to a
/// page per verb (banthao-new(1)…) that is not shipped, so the verbs are listed here instead,
/// each with its help line; `banthao VERB --help` gives a verb's options.
pub fn manpage() -> Result<()> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = std::io::stdout().lock();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    writeln!(out, ".SH COMMANDS")?;
    writeln!(
        out,
        "Each command takes the options above; \\fBbanthao\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR lists its own."
    )?;
    write_verbs(&mut out, &command, "banthao")?;
    writeln!(out, ".SH ENVIRONMENT")?;
    writeln!(out, ".TP\n\\fBBANTHAO_LIBRARY\\fR")?;
    writeln!(out, "The library folder when \\fB\\-\\-library\\fR is not given; without either, \\fI$XDG_DATA_HOME/banthao\\fR (by default \\fI~/.local/share/banthao\\fR), the app's library.")?;
    writeln!(out, ".SH SEE ALSO\n\\fBbanthao\\-app\\fR(1)")?;
    man.render_version_section(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Every visible verb under `parent`, depth first (`banthao photo import`…).
fn write_verbs(out: &mut impl Write, parent: &Command, path: &str) -> std::io::Result<()> {
    for verb in parent.get_subcommands().filter(|v| !v.is_hide_set() && v.get_name() != "help") {
        let path = format!("{path} {}", verb.get_name());
        let about = verb.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff_escape(&path), roff_escape(&about))?;
        write_verbs(out, verb, &path)?;
    }
    Ok(())
}

/// Text safe inside a roff line: backslashes and hyphens escaped, no control character first.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

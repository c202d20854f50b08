//! What the package ships about the command line, generated from the command line itself so it
//! never drifts from `--help`: the manual page and the shell completions (`make dist` writes them).

use banthao_core::Result;
use clap::CommandFactory;
use std::io::Write;

use crate::args::Cli;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "banthao", &mut out);
    out.flush()?;
    Ok(())
}

/// banthao(1) in roff, on stdout.
pub fn manpage() -> Result<()> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(())
}

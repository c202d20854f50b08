//! `banthao`: the command line over the same core and the same library as the app.

mod args;
mod desk_verbs;
mod docx_verbs;
mod handover_verbs;
mod interchange_verbs;
mod output;
mod packaging_verbs;
mod photo_verbs;
mod sync_verbs;
mod text_verbs;
mod verbs;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Piped into `head`, the CLI stops quietly like any Unix tool when the reader goes away,
    // instead of panicking on a failed print (Rust ignores SIGPIPE by default).
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = args::Cli::parse();
    match verbs::run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        // The verb ran and said what went wrong per item (a photo batch with bad files).
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            output::error(&e);
            ExitCode::FAILURE
        }
    }
}

//! `banthao`: the command line over the same core and the same library as the app.

mod args;
mod output;
mod photo_verbs;
mod sync_verbs;
mod text_verbs;
mod verbs;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match verbs::run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        // The verb ran and said what went wrong per item (a photo batch with bad files).
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("lỗi: {}", e.message(banthao_core::Lang::Vi));
            eprintln!("error: {}", e.message(banthao_core::Lang::En));
            ExitCode::FAILURE
        }
    }
}

//! `banthao`: the command line over the same core and the same library as the app.

mod args;
mod output;
mod text_verbs;
mod verbs;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match verbs::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lỗi: {}", e.message(banthao_core::Lang::Vi));
            eprintln!("error: {}", e.message(banthao_core::Lang::En));
            ExitCode::FAILURE
        }
    }
}

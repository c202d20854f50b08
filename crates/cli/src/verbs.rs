//! Each verb: parse → one call into the core → print.

use banthao_core::article::render::doc_from_plain_text;
use banthao_core::library::default_library_dir;
use banthao_core::{export, Error, Library, ListQuery, NewArticle, Result};

use crate::args::{Cli, ExportFormat, Verb};
use crate::output;

pub fn run(cli: Cli) -> Result<()> {
    let dir = cli.global.library.unwrap_or_else(default_library_dir);
    let json = cli.global.json;
    let mut library = Library::open(&dir)?;
    match cli.verb {
        Verb::New(args) => {
            let body = args.body_file.as_ref().map(|path| read_text_file(path)).transpose()?;
            let article = library.create_article(NewArticle {
                headline: args.headline,
                sapo: args.sapo,
                body: body.as_deref().map(doc_from_plain_text),
                section: args.section,
                keywords: args.keywords,
                byline: args.byline,
                dateline: args.dateline,
                slug: None,
            })?;
            if json {
                output::json(&article);
            } else {
                println!("{}", article.id);
            }
        }
        Verb::List { status, limit } => {
            let rows = library.list_articles(&ListQuery { status: status.map(Into::into), limit, offset: 0 })?;
            if json {
                output::json(&rows)
            } else {
                output::list(&rows)
            }
        }
        Verb::Show { id } => {
            let article = library.get_article(id)?;
            if json {
                output::json(&article)
            } else {
                output::article(&article)
            }
        }
        Verb::Search { query, status, limit } => {
            let hits = library.search(&query, status.map(Into::into), limit)?;
            if json {
                output::json(&output::search_json(&hits))
            } else {
                output::search(&hits)
            }
        }
        Verb::Export { id, format } => {
            let article = library.get_article(id)?;
            match format {
                ExportFormat::Json => println!("{}", export::to_json(&article)),
                ExportFormat::Html => print!("{}", export::to_html(&article)),
            }
        }
    }
    Ok(())
}

/// A UTF-8 text file; anything else is refused with the file named, never half-read.
fn read_text_file(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::File { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|_| Error::File {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

//! What the CLI prints: JSON in the documented shapes, or text for people.

use banthao_core::article::render::doc_to_text;
use banthao_core::time::display_vietnam;
use banthao_core::{Article, ArticleSummary, Error, Lang, SearchHit};
use serde::Serialize;

/// An error as every verb reports it: a Vietnamese line, then an English one, on stderr.
pub fn error(e: &Error) {
    eprintln!("lỗi: {}", e.message(Lang::Vi));
    eprintln!("error: {}", e.message(Lang::En));
}

pub fn json<T: Serialize>(value: &T) {
    println!("{}", serde_json::to_string_pretty(value).expect("serializes"));
}

pub fn list(rows: &[ArticleSummary]) {
    for r in rows {
        println!(
            "{:>6}  {:<10}  {}  {}{}",
            r.id,
            r.status.as_str(),
            display_vietnam(&r.updated_at),
            if r.section.is_empty() { String::new() } else { format!("[{}] ", r.section) },
            r.headline
        );
    }
}

pub fn article(a: &Article) {
    println!("{}", a.headline);
    if !a.sapo.is_empty() {
        println!("\n{}", a.sapo);
    }
    println!();
    for (label, value) in [
        ("id", a.id.to_string()),
        ("trạng thái", a.status.as_str().to_string()),
        ("chuyên mục", a.section.clone()),
        ("tác giả", a.byline.clone()),
        ("địa danh", a.dateline.clone()),
        ("từ khóa", a.keywords.join(", ")),
        ("slug", a.slug.clone()),
        ("cập nhật", display_vietnam(&a.updated_at)),
    ] {
        if !value.is_empty() {
            println!("{label}: {value}");
        }
    }
    let body = doc_to_text(&a.body);
    if !body.is_empty() {
        println!("\n{}", body.replace('\n', "\n\n"));
    }
}

/// A search hit as the CLI's JSON shows it: the snippet as one string.
#[derive(Serialize)]
pub struct SearchHitJson<'a> {
    id: i64,
    headline: &'a str,
    section: &'a str,
    status: banthao_core::ArticleStatus,
    updated_at: &'a str,
    exact: bool,
    snippet: String,
}

pub fn search_json(hits: &[SearchHit]) -> Vec<SearchHitJson<'_>> {
    hits.iter()
        .map(|h| SearchHitJson {
            id: h.id,
            headline: &h.headline,
            section: &h.section,
            status: h.status,
            updated_at: &h.updated_at,
            exact: h.exact,
            snippet: h.snippet.iter().map(|p| p.text.as_str()).collect(),
        })
        .collect()
}

pub fn search(hits: &[SearchHit]) {
    for h in hits {
        println!("{:>6}  {}", h.id, h.headline);
        let snippet: String =
            h.snippet.iter().map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() }).collect();
        if !snippet.is_empty() {
            println!("        {snippet}");
        }
    }
}

//! Exports: an article as JSON (the documented shape) or as a standalone HTML page.

use crate::article::model::Article;
use crate::article::render::{doc_to_html, escape_html};

pub fn to_json(article: &Article) -> String {
    serde_json::to_string_pretty(article).expect("article serializes")
}

/// A complete HTML document: headline, sapo, byline/dateline, body. Text is escaped; only
/// the schema's elements appear.
pub fn to_html(article: &Article) -> String {
    let mut meta = Vec::new();
    for (name, value) in [
        ("section", article.section.as_str()),
        ("byline", article.byline.as_str()),
        ("dateline", article.dateline.as_str()),
        ("slug", article.slug.as_str()),
    ] {
        if !value.is_empty() {
            meta.push(format!("<meta name=\"banthao:{name}\" content=\"{}\">", escape_html(value)));
        }
    }
    if !article.keywords.is_empty() {
        meta.push(format!("<meta name=\"keywords\" content=\"{}\">", escape_html(&article.keywords.join(", "))));
    }
    let byline = byline_html(article);
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{meta}\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n<p class=\"sapo\"><strong>{sapo}</strong></p>\n{byline}{body}\n</article>\n</body>\n</html>\n",
        title = escape_html(&article.headline),
        meta = meta.join("\n"),
        sapo = escape_html(&article.sapo),
        body = doc_to_html(&article.body),
    )
}

/// `<p class="byline">Tác giả – Địa danh</p>`, either alone, or nothing when both are empty.
pub(crate) fn byline_html(article: &Article) -> String {
    match (article.byline.as_str(), article.dateline.as_str()) {
        ("", "") => String::new(),
        (b, "") | ("", b) => format!("<p class=\"byline\">{}</p>\n", escape_html(b)),
        (b, d) => format!("<p class=\"byline\">{} – {}</p>\n", escape_html(b), escape_html(d)),
    }
}

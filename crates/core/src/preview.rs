//! "Xem trước": the article as a reader sees it (headline, time, sapo, body with its photos,
//! byline), as one standalone HTML page that reads well on screen and prints cleanly. The
//! desktop shows it in a sandboxed frame; the CLI writes it to a file. Where each photo comes
//! from is the caller's: a `media://` URL in the app, a file in the CLI.

use std::path::Path;

use crate::article::model::Article;
use crate::article::render::{doc_to_html_with, escape_html, HtmlParts};
use crate::export::byline_html;
use crate::PmNode;

pub use crate::time::vietnam_time;

/// Stands where a kept WordPress block is: its markup is the site's, never shown here.
const KEPT_BLOCK: &str = "<p class=\"kept-block\">Khối nội dung WordPress giữ nguyên (không xem trước được).</p>";

/// Serif text in a column of about 40em on screen; in print the page's own margins, and no
/// photo, quote or heading cut from what follows it.
const STYLE: &str = r#"
html { background: #fff; color: #1b1b1b; }
body { margin: 0; padding: 2.5em 1.5em 4em; font: 1.125rem/1.65 "Noto Serif", "Times New Roman", "DejaVu Serif", serif; }
article { max-width: 40em; margin: 0 auto; }
h1, h2, h3, .time, .byline, figcaption, .kept-block { font-family: "Noto Sans", "Segoe UI", Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 2em; line-height: 1.25; margin: 0 0 .35em; }
h2 { font-size: 1.35em; line-height: 1.3; margin: 1.4em 0 .5em; }
h3 { font-size: 1.15em; line-height: 1.3; margin: 1.2em 0 .4em; }
p { margin: 0 0 1em; }
.time { color: #5f5f5f; font-size: .85em; margin-bottom: 1.2em; }
.sapo { font-weight: bold; }
blockquote { margin: 1.2em 0; padding-left: 1em; border-left: 3px solid #bbb; font-style: italic; }
figure { margin: 1.5em 0; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { margin-top: .5em; color: #444; font-size: .85em; line-height: 1.45; }
figcaption .credit { font-style: italic; }
.byline { margin-top: 2em; text-align: right; font-weight: bold; }
.kept-block { padding: .6em .8em; border: 1px dashed #aaa; color: #5f5f5f; font-size: .85em; }
a { color: #0b57d0; }
@media print {
  @page { margin: 15mm; }
  body { padding: 0; font-size: 11.5pt; line-height: 1.5; }
  article { max-width: none; }
  figure, blockquote, .kept-block { break-inside: avoid; page-break-inside: avoid; }
  figure img { max-height: 11cm; width: auto; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The article as a standalone page. `image_src` gives each figure's picture from its photo
/// id and its node (crop, rotation in its attrs); `None` leaves the picture out. Everything
/// from the article is escaped and only the schema's elements appear; kept WordPress blocks
/// are a neutral stand-in. No editor note: readers never see one.
pub fn reader_html(article: &Article, image_src: &dyn Fn(i64, &PmNode) -> Option<String>) -> String {
    let headline = escape_html(&article.headline);
    let when = article.scheduled_at.as_deref().filter(|s| !s.is_empty()).unwrap_or(&article.updated_at);
    let time = vietnam_time(when)
        .map(|shown| format!("<p class=\"time\"><time datetime=\"{}\">{shown}</time></p>\n", escape_html(when)))
        .unwrap_or_default();
    let sapo = match article.sapo.trim() {
        "" => String::new(),
        sapo => format!("<p class=\"sapo\">{}</p>\n", escape_html(sapo)),
    };
    let body = doc_to_html_with(&article.body, &HtmlParts { image_src, raw_block: KEPT_BLOCK });
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"color-scheme\" content=\"light\">\n<title>{headline}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<h1>{headline}</h1>\n{time}{sapo}<div class=\"body\">{body}</div>\n{byline}</article>\n</body>\n</html>\n",
        byline = byline_html(article),
    )
}

/// A `file://` URL for a photo on disk (the CLI's page points at the library's renditions).
pub fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy();
    // Windows paths (`C:\…`) become `/C:/…`; elsewhere a backslash is part of a name.
    let text = if cfg!(windows) { format!("/{}", text.replace('\\', "/")) } else { text.into_owned() };
    let mut url = String::from("file://");
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => url.push(byte as char),
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ArticleStatus;
    use serde_json::json;

    fn article(body: serde_json::Value) -> Article {
        Article {
            id: 1,
            uid: "u".into(),
            headline: "Tít".into(),
            sapo: "Sapo ngắn.".into(),
            body: serde_json::from_value(body).unwrap(),
            section: "Thời sự".into(),
            keywords: vec![],
            byline: "Nguyễn Văn An".into(),
            dateline: "Hà Nội".into(),
            slug: "tit".into(),
            slug_auto: true,
            status: ArticleStatus::Draft,
            editor_note: String::new(),
            featured_media_id: None,
            scheduled_at: None,
            version: 1,
            created_at: "2026-11-27T01:00:00.000Z".into(),
            updated_at: "2026-11-27T09:40:00.000Z".into(),
        }
    }

    fn paragraph(text: &str) -> serde_json::Value {
        json!({"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": text}]}]})
    }

    fn no_image(_: i64, _: &PmNode) -> Option<String> {
        None
    }

    #[test]
    fn times_in_vietnam() {
        assert_eq!(vietnam_time("2026-11-27T09:40:00Z").as_deref(), Some("16:40 27/11/2026"));
        // 18:30 on New Year's Eve in UTC is already 01:30 on New Year's Day in Hà Nội.
        assert_eq!(vietnam_time("2026-12-31T18:30:00.000Z").as_deref(), Some("01:30 01/01/2027"));
        assert_eq!(vietnam_time("2026-11-27T16:40:00+07:00").as_deref(), Some("16:40 27/11/2026"));
        assert_eq!(vietnam_time("hôm qua"), None);
    }

    #[test]
    fn a_page_with_the_scheduled_time_else_the_last_change() {
        let mut a = article(paragraph("Đoạn một."));
        let page = reader_html(&a, &no_image);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"vi\">"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("@media print"));
        assert!(page.contains("<h1>Tít</h1>"));
        assert!(page.contains(">16:40 27/11/2026</time>"));
        assert!(page.contains("<p class=\"sapo\">Sapo ngắn.</p>"));
        assert!(page.contains("<p>Đoạn một.</p>"));
        assert!(page.contains("<p class=\"byline\">Nguyễn Văn An – Hà Nội</p>"));
        a.scheduled_at = Some("2026-12-31T23:05:00Z".into());
        assert!(reader_html(&a, &no_image).contains(">06:05 01/01/2027</time>"));
    }

    #[test]
    fn text_from_the_article_is_escaped() {
        let mut a = article(json!({"type": "doc", "content": [{
            "type": "figure", "attrs": {"media_id": 3, "credit": "<b>TTXVN</b>", "alt": "\"><script>x()</script>"},
            "content": [{"type": "figcaption", "content": [{"type": "text", "text": "Ảnh <script>alert(2)</script>"}]}]
        }]}));
        a.headline = "<script>alert(1)</script> & tít".into();
        a.byline = "<img src=x onerror=alert(3)>".into();
        let page = reader_html(&a, &|_, _| Some("media://localhost/3/web\"><script>".into()));
        assert!(!page.to_lowercase().contains("<script"), "{page}");
        assert!(!page.contains("<img src=x"));
        assert!(!page.contains("<b>"));
        assert!(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; tít</h1>"));
        assert!(page.contains("<title>&lt;script&gt;"));
        assert!(page.contains("Ảnh &lt;script&gt;alert(2)&lt;/script&gt;"));
    }

    #[test]
    fn figures_with_their_picture_caption_and_credit() {
        let a = article(json!({"type": "doc", "content": [{
            "type": "figure",
            "attrs": {"media_id": 7, "credit": "TTXVN", "alt": "Cầu Long Biên", "crop": {"x": 0.0, "y": 0.25, "width": 1.0, "height": 0.5}, "rotation": 1},
            "content": [{"type": "figcaption", "content": [{"type": "text", "text": "Cầu Long Biên lúc sáng sớm."}]}]
        }]}));
        let src = |id: i64, node: &PmNode| {
            let attrs = node.attrs.as_ref()?;
            Some(format!("media://localhost/{id}/web?rot={}&y={}", attrs["rotation"], attrs["crop"]["y"]))
        };
        let page = reader_html(&a, &src);
        assert!(page.contains(
            "<figure data-media-id=\"7\"><img src=\"media://localhost/7/web?rot=1&amp;y=0.25\" alt=\"Cầu Long Biên\">\
             <figcaption>Cầu Long Biên lúc sáng sớm. <span class=\"credit\">TTXVN</span></figcaption></figure>"
        ));
        // A photo with no source keeps its caption.
        let page = reader_html(&a, &no_image);
        assert!(page.contains("<figure data-media-id=\"7\"><figcaption>Cầu Long Biên lúc sáng sớm."));
        assert!(!page.contains("<img"));
    }

    #[test]
    fn kept_wordpress_blocks_are_not_copied() {
        let raw =
            "<!-- wp:html --><iframe src=\"https://evil.example\"></iframe><script>steal()</script><!-- /wp:html -->";
        let a = article(json!({"type": "doc", "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": "Trước."}]},
            {"type": "raw_block", "attrs": {"html": raw}},
        ]}));
        let page = reader_html(&a, &no_image);
        assert!(!page.contains("iframe") && !page.contains("steal") && !page.contains("wp:html"));
        assert!(page.contains("<p>Trước.</p><p class=\"kept-block\">"));
    }

    #[test]
    fn no_editor_note() {
        let mut a = article(paragraph("Đoạn."));
        a.editor_note = "Ghi chú nội bộ: kiểm tra lại nguồn".into();
        let page = reader_html(&a, &no_image);
        assert!(!page.contains("Ghi chú nội bộ"));
        assert!(!page.contains("kiểm tra lại nguồn"));
    }

    #[test]
    fn file_urls_escape_what_a_url_cannot_hold() {
        if cfg!(windows) {
            return;
        }
        assert_eq!(
            file_url(Path::new("/home/an/Bản Thảo/a#1.jpg")),
            "file:///home/an/B%E1%BA%A3n%20Th%E1%BA%A3o/a%231.jpg"
        );
    }
}

//! The import's report: legacy fonts converted, what was left out, what was changed, worded
//! for a journalist in Vietnamese or English.

use banthao_text::encoding::{legacy_font, LegacyFont};

use super::model::Found;
use super::{ConvertedFont, DocxNotice, DocxNoticeKind, NotImported, NotImportedKind};
use crate::error::Lang;

pub(super) fn converted(found: &Found) -> Vec<ConvertedFont> {
    found
        .converted
        .iter()
        .filter(|(_, c)| c.chars > 0)
        .map(|(font, c)| ConvertedFont {
            font: font.clone(),
            encoding: match legacy_font(font) {
                Some(LegacyFont::Vni) => "vni",
                _ => "tcvn3",
            }
            .into(),
            runs: c.runs,
            chars: c.chars,
            sample: c.sample.clone(),
        })
        .collect()
}

pub(super) fn not_imported(found: &Found, lang: Lang) -> Vec<NotImported> {
    use NotImportedKind::*;
    let vi = lang == Lang::Vi;
    let mut out = Vec::new();
    let mut add = |what, count: u32, vi_text: String, en_text: String| {
        if count > 0 {
            out.push(NotImported { what, count, detail: if vi { vi_text } else { en_text } });
        }
    };
    let n = |v: &[String]| v.len() as u32;
    let names = |v: &[String]| {
        let named: Vec<&str> = v.iter().map(String::as_str).filter(|s| !s.is_empty()).collect();
        if named.is_empty() {
            String::new()
        } else {
            format!(" ({})", named.join(", "))
        }
    };
    let f = found;
    add(
        LinkedImage,
        f.linked_images,
        format!("{} ảnh chỉ được liên kết từ bên ngoài, không nằm trong tài liệu.", f.linked_images),
        format!("{} picture(s) linked from outside the document, not inside it.", f.linked_images),
    );
    add(
        Footnote,
        f.footnotes,
        format!("{} chú thích cuối trang (footnote): chép tay vào bài nếu cần.", f.footnotes),
        format!("{} footnote(s): copy them into the article by hand if needed.", f.footnotes),
    );
    add(
        Endnote,
        f.endnotes,
        format!("{} chú thích cuối văn bản (endnote): chép tay vào bài nếu cần.", f.endnotes),
        format!("{} endnote(s): copy them into the article by hand if needed.", f.endnotes),
    );
    add(
        Comment,
        f.comments,
        format!("{} nhận xét (comment) trong Word.", f.comments),
        format!("{} Word comment(s).", f.comments),
    );
    add(Equation, f.equations, format!("{} công thức toán.", f.equations), format!("{} equation(s).", f.equations));
    add(
        EmbeddedObject,
        f.objects,
        format!("{} đối tượng nhúng (bảng tính, OLE…).", f.objects),
        format!("{} embedded object(s) (spreadsheets, OLE…).", f.objects),
    );
    add(
        Shape,
        n(&f.shapes),
        format!("{} hình vẽ không có chữ{}.", f.shapes.len(), names(&f.shapes)),
        format!("{} drawing shape(s) without text{}.", f.shapes.len(), names(&f.shapes)),
    );
    add(
        Chart,
        n(&f.charts),
        format!("{} biểu đồ{}.", f.charts.len(), names(&f.charts)),
        format!("{} chart(s){}.", f.charts.len(), names(&f.charts)),
    );
    add(
        Symbol,
        f.symbols,
        format!("{} ký hiệu từ phông ký hiệu (Symbol, Wingdings…).", f.symbols),
        format!("{} character(s) from symbol fonts (Symbol, Wingdings…).", f.symbols),
    );
    add(
        HiddenText,
        f.hidden_runs,
        format!("{} đoạn chữ ẩn (hidden text).", f.hidden_runs),
        format!("{} run(s) of hidden text.", f.hidden_runs),
    );
    let links = f.unsafe_links.join(", ");
    add(
        Link,
        n(&f.unsafe_links),
        format!("{} liên kết không phải trang web hay e-mail (giữ chữ, bỏ liên kết): {links}", f.unsafe_links.len()),
        format!(
            "{} link(s) to neither a web page nor an e-mail address (text kept, link dropped): {links}",
            f.unsafe_links.len()
        ),
    );
    out
}

pub(super) fn notices(found: &Found, lang: Lang) -> Vec<DocxNotice> {
    let vi = lang == Lang::Vi;
    let mut out = Vec::new();
    if found.tables > 0 {
        out.push(DocxNotice {
            kind: DocxNoticeKind::TablesFlattened,
            message: if vi {
                format!(
                    "{} bảng đã thành đoạn văn: mỗi hàng một đoạn, các ô cách nhau bởi “ | ” ({} hàng).",
                    found.tables, found.rows
                )
            } else {
                format!(
                    "{} table(s) became paragraphs: one per row, cells separated by “ | ” ({} rows).",
                    found.tables, found.rows
                )
            },
        });
    }
    if found.insertions + found.deletions > 0 {
        out.push(DocxNotice {
            kind: DocxNoticeKind::TrackedChanges,
            message: if vi {
                "Tài liệu có theo dõi thay đổi: đã giữ phần thêm vào và bỏ phần bị xoá, như khi chấp nhận mọi thay đổi.".into()
            } else {
                "The document has tracked changes: insertions were kept and deletions dropped, as if every change were accepted.".into()
            },
        });
    }
    if found.text_boxes > 0 {
        out.push(DocxNotice {
            kind: DocxNoticeKind::TextBoxes,
            message: if vi {
                format!("{} khung chữ (text box) đã thành đoạn văn, ngay sau đoạn chứa nó.", found.text_boxes)
            } else {
                format!("{} text box(es) became paragraphs, right after the paragraph they were in.", found.text_boxes)
            },
        });
    }
    out
}

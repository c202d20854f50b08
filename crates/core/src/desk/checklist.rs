//! The pre-publish checklist, asked before Đã duyệt / Hẹn giờ / Đã đăng: headline and sapo
//! written and within the house limits, chuyên mục set, every photo captioned, credited and
//! described, no open spelling or style findings, no unresolved notes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::model::{Article, ArticleId};
use crate::checks::CheckField;
use crate::error::{Lang, Result};
use crate::library::Library;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistItem {
    /// `headline`, `sapo`, `section`, `figures`, `findings`, `notes`.
    pub key: String,
    pub ok: bool,
    /// How many things are open (findings, figures, notes); 0 when `ok`.
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub all_ok: bool,
}

/// An item's name in messages (the UI has its own labels).
pub fn item_label(key: &str, lang: Lang) -> &str {
    match (key, lang) {
        ("headline", Lang::Vi) => "tít",
        ("sapo", Lang::Vi) => "sapo",
        ("section", Lang::Vi) => "chuyên mục",
        ("figures", Lang::Vi) => "ảnh thiếu chú thích/tác giả/mô tả",
        ("findings", Lang::Vi) => "lỗi chính tả, văn phong",
        ("notes", Lang::Vi) => "ghi chú chưa giải quyết",
        ("headline", Lang::En) => "headline",
        ("sapo", Lang::En) => "sapo",
        ("section", Lang::En) => "section",
        ("figures", Lang::En) => "photos without caption/credit/alt text",
        ("findings", Lang::En) => "spelling and style findings",
        ("notes", Lang::En) => "unresolved notes",
        (other, _) => other,
    }
}

pub(crate) fn checklist_in(lib: &mut Library, a: &Article) -> Result<Checklist> {
    // Findings the article ignores ("Bỏ qua") are not open: they are in `report.ignored`.
    let report = lib.check_input(&crate::checks::CheckInput::of_article(a), Lang::En)?;
    let over = |field: CheckField| report.findings.iter().filter(|f| f.field == field && f.kind == "length").count();
    let findings = report.findings.iter().filter(|f| f.kind != "length").count();
    let figures = crate::article::figures::incomplete_figures(&a.body).len();
    let notes = super::notes::open_count(lib.connection(), a.id)?;
    let item = |key: &str, ok: bool, count: usize| ChecklistItem { key: key.into(), ok, count: count as u32 };
    let items = vec![
        item("headline", !a.headline.is_empty() && over(CheckField::Headline) == 0, over(CheckField::Headline)),
        item("sapo", !a.sapo.is_empty() && over(CheckField::Sapo) == 0, over(CheckField::Sapo)),
        item("section", !a.section.is_empty(), 0),
        item("figures", figures == 0, figures),
        item("findings", findings == 0, findings),
        item("notes", notes == 0, notes),
    ];
    let all_ok = items.iter().all(|i| i.ok);
    Ok(Checklist { items, all_ok })
}

impl Library {
    /// The article's pre-publish checklist as it stands now.
    pub fn checklist(&mut self, id: ArticleId) -> Result<Checklist> {
        let a = self.get_article(id)?;
        checklist_in(self, &a)
    }
}

//! The guarded workflow: which step may follow which, and what each step needs.
//!
//! Nháp → Chờ duyệt → Đang biên tập → Trả lại (with a note) / Đã duyệt → Hẹn giờ (with a
//! time) / Đã đăng. A returned article goes back to Chờ duyệt; a submitted one can be taken
//! back to Nháp; an approved one reopened for review; a scheduled one unscheduled; a published
//! one reopened for a correction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::model::ArticleStatus::{self, *};
use crate::error::Lang;

/// The steps that may follow `from`, in the order the UI offers them.
pub fn next_statuses(from: ArticleStatus) -> &'static [ArticleStatus] {
    match from {
        Draft => &[Submitted],
        Submitted => &[InReview, Returned, Draft],
        InReview => &[Approved, Returned],
        Returned => &[Submitted],
        Approved => &[Scheduled, Published, InReview],
        Scheduled => &[Published, Approved],
        Published => &[InReview],
    }
}

pub fn is_allowed(from: ArticleStatus, to: ArticleStatus) -> bool {
    next_statuses(from).contains(&to)
}

/// Returning an article says why.
pub fn needs_note(to: ArticleStatus) -> bool {
    to == Returned
}

/// Scheduling says when.
pub fn needs_time(to: ArticleStatus) -> bool {
    to == Scheduled
}

/// Steps that go through the pre-publish checklist: open items need an override note.
pub fn needs_checklist(to: ArticleStatus) -> bool {
    matches!(to, Approved | Scheduled | Published)
}

/// Handing an article in needs every photo captioned, credited and described: no override.
pub fn needs_complete_figures(from: ArticleStatus, to: ArticleStatus) -> bool {
    to == Submitted && from != Submitted
}

/// Why a step was refused. Each says what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum WorkflowRefusal {
    /// This step does not follow the article's status.
    NotAllowed { from: ArticleStatus, to: ArticleStatus, allowed: Vec<ArticleStatus> },
    /// Trả lại needs a note for the reporter.
    NoteRequired,
    /// Hẹn giờ needs a publication time.
    TimeRequired,
    /// A publication time that has already passed.
    TimeInPast,
    /// The checklist has open items: approving over them needs an override note.
    ChecklistOpen { items: Vec<String> },
    /// Status changes go through the workflow, not through a save.
    NotThroughWorkflow,
}

pub fn status_vi(s: ArticleStatus) -> &'static str {
    match s {
        Draft => "Nháp",
        Submitted => "Chờ duyệt",
        InReview => "Đang biên tập",
        Returned => "Trả lại",
        Approved => "Đã duyệt",
        Scheduled => "Hẹn giờ",
        Published => "Đã đăng",
    }
}

pub fn status_en(s: ArticleStatus) -> &'static str {
    match s {
        Draft => "Draft",
        Submitted => "Submitted",
        InReview => "In review",
        Returned => "Returned",
        Approved => "Approved",
        Scheduled => "Scheduled",
        Published => "Published",
    }
}

impl WorkflowRefusal {
    pub fn message(&self, lang: Lang) -> String {
        let name = |s: ArticleStatus| match lang {
            Lang::Vi => status_vi(s),
            Lang::En => status_en(s),
        };
        let names = |list: &[ArticleStatus]| list.iter().map(|s| name(*s)).collect::<Vec<_>>().join(", ");
        let labels =
            |keys: &[String]| keys.iter().map(|k| super::checklist::item_label(k, lang)).collect::<Vec<_>>().join(", ");
        match (self, lang) {
            (Self::NotAllowed { from, to, allowed }, Lang::Vi) => format!(
                "Không thể chuyển bài từ “{}” sang “{}”. Từ “{}” chỉ có thể chuyển sang: {}.",
                name(*from),
                name(*to),
                name(*from),
                names(allowed)
            ),
            (Self::NotAllowed { from, to, allowed }, Lang::En) => format!(
                "An article cannot go from “{}” to “{}”. From “{}” it can go to: {}.",
                name(*from),
                name(*to),
                name(*from),
                names(allowed)
            ),
            (Self::NoteRequired, Lang::Vi) => "Trả lại bài cần một ghi chú cho phóng viên: hãy viết cần sửa gì.".into(),
            (Self::NoteRequired, Lang::En) => {
                "Returning an article needs a note for the reporter: say what needs changing.".into()
            }
            (Self::TimeRequired, Lang::Vi) => "Hẹn giờ cần có thời điểm đăng.".into(),
            (Self::TimeRequired, Lang::En) => "Scheduling needs a publication time.".into(),
            (Self::TimeInPast, Lang::Vi) => "Thời điểm hẹn giờ đã qua: hãy chọn một thời điểm sau bây giờ.".into(),
            (Self::TimeInPast, Lang::En) => "That publication time has passed: choose a time after now.".into(),
            (Self::ChecklistOpen { items }, Lang::Vi) => format!(
                "Còn {} mục chưa đạt trong danh sách kiểm tra trước khi đăng ({}). Muốn duyệt vẫn được, nhưng cần ghi lý do.",
                items.len(),
                labels(items)
            ),
            (Self::ChecklistOpen { items }, Lang::En) => format!(
                "{} pre-publish checklist item(s) are still open ({}). You can approve anyway, with a note saying why.",
                items.len(),
                labels(items)
            ),
            (Self::NotThroughWorkflow, Lang::Vi) => {
                "Trạng thái bài chỉ đổi qua các bước duyệt bài (gửi duyệt, trả lại, duyệt…), không qua lưu bài.".into()
            }
            (Self::NotThroughWorkflow, Lang::En) => {
                "An article's status changes through the workflow steps (submit, return, approve…), not through a save."
                    .into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_of_statuses_is_allowed_or_refused_as_the_desk_works() {
        let allowed: &[(ArticleStatus, ArticleStatus)] = &[
            (Draft, Submitted),
            (Submitted, InReview),
            (Submitted, Returned),
            (Submitted, Draft),
            (InReview, Approved),
            (InReview, Returned),
            (Returned, Submitted),
            (Approved, Scheduled),
            (Approved, Published),
            (Approved, InReview),
            (Scheduled, Published),
            (Scheduled, Approved),
            (Published, InReview),
        ];
        for from in ArticleStatus::ALL {
            for to in ArticleStatus::ALL {
                assert_eq!(is_allowed(from, to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn requirements_per_step() {
        assert!(needs_note(Returned) && !needs_note(Approved));
        assert!(needs_time(Scheduled) && !needs_time(Published));
        assert!(needs_checklist(Approved) && needs_checklist(Scheduled) && needs_checklist(Published));
        assert!(!needs_checklist(Submitted) && !needs_checklist(Returned));
        assert!(needs_complete_figures(Draft, Submitted) && needs_complete_figures(Returned, Submitted));
        assert!(!needs_complete_figures(InReview, Approved));
    }

    #[test]
    fn a_refusal_names_the_steps_that_are_possible() {
        let r = WorkflowRefusal::NotAllowed { from: Draft, to: Published, allowed: next_statuses(Draft).to_vec() };
        assert!(r.message(Lang::Vi).contains("Chờ duyệt"));
        assert!(r.message(Lang::En).contains("Submitted"));
    }
}

//! Who is at the desk: a name and a role. Roles change which queue a person sees first, never
//! what they may do to the data (a newsroom is small; people stand in for each other).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// Phóng viên
    #[default]
    Reporter,
    /// Biên tập viên
    Editor,
    /// Ban ảnh
    Photo,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Reporter, Role::Editor, Role::Photo];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Editor => "editor",
            Role::Photo => "photo",
        }
    }

    /// `reporter|editor|photo`, and the Vietnamese names people type (with or without marks).
    pub fn parse(s: &str) -> Option<Role> {
        let folded = banthao_text::fold_diacritics(s.trim()).to_lowercase();
        match folded.as_str() {
            "reporter" | "phong vien" | "pv" => Some(Role::Reporter),
            "editor" | "bien tap vien" | "bien tap" | "btv" => Some(Role::Editor),
            "photo" | "photo desk" | "ban anh" => Some(Role::Photo),
            _ => None,
        }
    }
}

/// The person using this library (Cài đặt → Người dùng; the CLI also reads `BANTHAO_USER`
/// and `BANTHAO_ROLE`). Recorded on every workflow step and note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct UserProfile {
    pub name: String,
    pub role: Role,
}

impl UserProfile {
    pub fn new(name: &str, role: Role) -> UserProfile {
        UserProfile { name: banthao_text::to_nfc_string(name.trim()), role }
    }

    /// The name as recorded: someone who has not said who they are is still "someone".
    pub fn recorded_name(&self) -> &str {
        if self.name.is_empty() {
            "?"
        } else {
            &self.name
        }
    }

    /// True when `name` (a byline, an author) names this person: same letters, any case or
    /// Unicode form.
    pub fn is(&self, name: &str) -> bool {
        !self.name.is_empty() && same_person(&self.name, name)
    }
}

pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| banthao_text::to_nfc_string(s.trim()).to_lowercase();
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_in_both_languages() {
        assert_eq!(Role::parse("editor"), Some(Role::Editor));
        assert_eq!(Role::parse("Biên tập viên"), Some(Role::Editor));
        assert_eq!(Role::parse("ban anh"), Some(Role::Photo));
        assert_eq!(Role::parse("Phóng viên"), Some(Role::Reporter));
        assert_eq!(Role::parse("boss"), None);
    }

    #[test]
    fn a_person_is_known_by_name_in_any_form() {
        let me = UserProfile::new("Nguyễn Thị Hoà", Role::Reporter);
        assert!(me.is("nguyễn thị hoà"));
        assert!(me.is("Nguye\u{0302}\u{0303}n Thị Hoà"));
        assert!(!me.is("Nguyễn Thị Hòa Bình"));
        assert!(!UserProfile::default().is(""));
    }
}

//! Settings as key → JSON value rows, so new settings need no migration.

use rusqlite::OptionalExtension;

use super::Library;
use crate::article::model::ArticleId;
use crate::desk::people::UserProfile;
use crate::error::Result;
use crate::settings::{Locale, Settings, WindowGeometry};

impl Library {
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            // A value this version cannot read keeps its default rather than failing start-up.
            match key.as_str() {
                "locale" => settings.locale = serde_json::from_str(&value).unwrap_or_default(),
                "last_article_id" => settings.last_article_id = serde_json::from_str(&value).ok().flatten(),
                "window" => settings.window = serde_json::from_str(&value).ok().flatten(),
                "user" => settings.user = serde_json::from_str(&value).unwrap_or_default(),
                _ => {}
            }
        }
        Ok(settings)
    }

    pub fn set_locale(&self, locale: Locale) -> Result<Settings> {
        self.put_setting("locale", &locale)?;
        self.settings()
    }

    /// Who uses this library: name (NFC, trimmed) and role.
    pub fn set_user(&self, user: &UserProfile) -> Result<Settings> {
        self.put_setting("user", &UserProfile::new(&user.name, user.role))?;
        self.settings()
    }

    pub fn set_last_article(&self, id: Option<ArticleId>) -> Result<()> {
        self.put_setting("last_article_id", &id)
    }

    pub fn set_window_geometry(&self, window: WindowGeometry) -> Result<()> {
        self.put_setting("window", &Some(window))
    }

    /// A setting stored as JSON; `None` when absent or unreadable by this version.
    pub(crate) fn get_setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let value: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
    }

    pub(crate) fn put_setting<T: serde::Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).expect("settings serialize");
        let current: Option<String> =
            self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        if current.as_deref() != Some(json.as_str()) {
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json),
            )?;
        }
        Ok(())
    }
}

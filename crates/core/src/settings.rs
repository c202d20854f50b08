//! Per-library settings the app remembers: UI language, last open article, window size.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::article::model::ArticleId;
use crate::error::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    pub fn lang(self) -> Lang {
        match self {
            Locale::Vi => Lang::Vi,
            Locale::En => Lang::En,
        }
    }
}

/// Window geometry in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WindowGeometry {
    pub width: f64,
    pub height: f64,
    pub maximized: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    pub locale: Locale,
    #[ts(type = "number | null")]
    pub last_article_id: Option<ArticleId>,
    pub window: Option<WindowGeometry>,
    /// Who uses this library, and in which role (the desk's queues, notes, workflow steps).
    pub user: crate::desk::people::UserProfile,
}

//! "Bỏ qua": findings an article ignores, kept in the library by [`FindingKey`] so they stay
//! ignored after reopening, after edits elsewhere and after a restart, until shown again.

use rusqlite::OptionalExtension;

use super::model::FindingKey;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::ArticleId;

impl Library {
    /// The keys the article ignores, oldest first.
    pub fn ignored_findings(&self, article: ArticleId) -> Result<Vec<FindingKey>> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, text, word_before, word_after FROM ignored_findings
             WHERE article_id = ?1 ORDER BY ignored_at, kind, text",
        )?;
        let rows = stmt.query_map([article], |r| {
            Ok(FindingKey { kind: r.get(0)?, text: r.get(1)?, before: r.get(2)?, after: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Ignores the finding with this key in the article from now on (again: nothing changes).
    pub fn ignore_finding(&mut self, article: ArticleId, key: &FindingKey) -> Result<()> {
        let key = normalised(key)?;
        let exists = self.conn.query_row("SELECT 1 FROM articles WHERE id = ?1", [article], |_| Ok(())).optional()?;
        if exists.is_none() {
            return Err(Error::ArticleNotFound(article));
        }
        self.conn.execute(
            "INSERT INTO ignored_findings (article_id, kind, text, word_before, word_after, ignored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            (article, &key.kind, &key.text, &key.before, &key.after, crate::time::now_rfc3339()),
        )?;
        Ok(())
    }

    /// "Hiện lại": the finding is reported again (a key that is not ignored: nothing changes).
    pub fn unignore_finding(&mut self, article: ArticleId, key: &FindingKey) -> Result<()> {
        let key = normalised(key)?;
        self.conn.execute(
            "DELETE FROM ignored_findings
             WHERE article_id = ?1 AND kind = ?2 AND text = ?3 AND word_before = ?4 AND word_after = ?5",
            (article, &key.kind, &key.text, &key.before, &key.after),
        )?;
        Ok(())
    }
}

/// The key as the checks write it: NFC, neighbouring words lowercase.
fn normalised(key: &FindingKey) -> Result<FindingKey> {
    if key.kind.trim().is_empty() || key.text.is_empty() {
        return Err(Error::InvalidInput("an ignored finding needs its kind and text".into()));
    }
    let nfc = banthao_text::to_nfc_string;
    Ok(FindingKey {
        kind: key.kind.clone(),
        text: nfc(&key.text),
        before: nfc(&key.before).to_lowercase(),
        after: nfc(&key.after).to_lowercase(),
    })
}

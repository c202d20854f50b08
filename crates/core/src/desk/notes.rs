//! Notes on an article: anchored to a range of the headline, the sapo or a body block (a
//! caption is a body block), or general; replies; resolve and reopen; a photo request for the
//! photo desk. Anchors follow every save ([`follow_edit`]). Notes are never published: no
//! export meant for readers reads them.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::anchors::{map_ranges, FlatBody};
use crate::article::blocks::text_blocks;
use crate::article::model::*;
use crate::error::{Error, Result};
use crate::library::connection::write_transaction;
use crate::library::Library;
use crate::time::now_rfc3339;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum NoteField {
    Headline,
    Sapo,
    /// A body text block (paragraph, heading, list item, figure caption), by reading order.
    Body,
}

impl NoteField {
    fn as_str(self) -> &'static str {
        match self {
            NoteField::Headline => "headline",
            NoteField::Sapo => "sapo",
            NoteField::Body => "body",
        }
    }

    pub fn parse(s: &str) -> Option<NoteField> {
        match s {
            "headline" => Some(NoteField::Headline),
            "sapo" => Some(NoteField::Sapo),
            "body" => Some(NoteField::Body),
            _ => None,
        }
    }
}

/// Where a note sits: characters `[start, end)` of a field (for the body, of text block
/// `block`; 0 otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteAnchor {
    pub field: NoteField,
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: ArticleId,
    pub text: String,
    /// The anchored text as it reads now (as it last read, for a detached note).
    pub quote: String,
    /// Null for a general note and for a detached one (its text was deleted).
    pub anchor: Option<NoteAnchor>,
    pub detached: bool,
    pub photo_request: bool,
    pub resolved: bool,
    pub resolved_by: Option<String>,
    pub author: String,
    pub role: String,
    pub created_at: String,
    pub replies: Vec<Note>,
}

/// A new note, or a reply (`reply_to`; replies have no anchor of their own).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct NewNote {
    pub text: String,
    pub anchor: Option<NoteAnchor>,
    #[ts(as = "Option<bool>", optional)]
    pub photo_request: bool,
    #[ts(type = "number", optional)]
    pub reply_to: Option<i64>,
}

const NOTE_COLUMNS: &str = "id, article_id, parent_id, author, role, text, photo_request, created_at, resolved_at, \
     resolved_by, field, block, start_char, end_char, quote, detached";

fn note_from_row(r: &Row) -> rusqlite::Result<(Option<i64>, Note)> {
    let field: Option<String> = r.get(10)?;
    let detached: bool = r.get(15)?;
    let anchor = match field.as_deref().and_then(NoteField::parse) {
        Some(field) if !detached => Some(NoteAnchor { field, block: r.get(11)?, start: r.get(12)?, end: r.get(13)? }),
        _ => None,
    };
    let note = Note {
        id: r.get(0)?,
        article_id: r.get(1)?,
        author: r.get(3)?,
        role: r.get(4)?,
        text: r.get(5)?,
        photo_request: r.get(6)?,
        created_at: r.get(7)?,
        resolved: r.get::<_, Option<String>>(8)?.is_some(),
        resolved_by: r.get(9)?,
        quote: r.get(14)?,
        anchor,
        detached,
        replies: Vec::new(),
    };
    Ok((r.get(2)?, note))
}

/// The text a field's anchors count in: headline, sapo, or the body's text blocks.
fn field_text(a: &Article, field: NoteField, block: u32) -> Option<String> {
    match field {
        NoteField::Headline => Some(a.headline.clone()),
        NoteField::Sapo => Some(a.sapo.clone()),
        NoteField::Body => text_blocks(&a.body).into_iter().nth(block as usize).map(|b| b.text),
    }
}

fn slice(text: &str, start: u32, end: u32) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Unresolved notes (not replies) on the article: the checklist's "notes" item.
pub(crate) fn open_count(conn: &Connection, id: ArticleId) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM notes WHERE article_id = ?1 AND parent_id IS NULL AND resolved_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Moves every attached anchor of the article from `before`'s text to `after`'s, inside the
/// save's transaction. A field that did not change is not looked at; in the body, only the run
/// of blocks between the unchanged ones at either end is compared, so a save costs what the
/// edited paragraph costs, not the article.
pub(crate) fn follow_edit(conn: &Connection, before: &Article, after: &Article) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, field, block, start_char, end_char, quote FROM notes
         WHERE article_id = ?1 AND field IS NOT NULL AND detached = 0",
    )?;
    let anchors: Vec<Stored> = stmt
        .query_map([after.id], |r| {
            Ok(Stored {
                id: r.get(0)?,
                field: r.get(1)?,
                block: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                quote: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if anchors.is_empty() {
        return Ok(());
    }
    for field in [NoteField::Headline, NoteField::Sapo, NoteField::Body] {
        let mine: Vec<&Stored> = anchors.iter().filter(|a| a.field == field.as_str()).collect();
        if mine.is_empty() {
            continue;
        }
        let blocks = |a: &Article| -> Vec<String> {
            match field {
                NoteField::Headline => vec![a.headline.clone()],
                NoteField::Sapo => vec![a.sapo.clone()],
                NoteField::Body => text_blocks(&a.body).into_iter().map(|b| b.text).collect(),
            }
        };
        let (old, new) = (blocks(before), blocks(after));
        if old == new {
            continue;
        }
        let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        let (old_mid, new_mid) = (FlatBody::new(&old[prefix..old_end]), FlatBody::new(&new[prefix..new_end]));
        let middle: Vec<&&Stored> = mine.iter().filter(|a| (prefix..old_end).contains(&a.block)).collect();
        let ranges: Vec<_> =
            middle.iter().map(|a| old_mid.flat_range(a.block - prefix, a.start, a.end).unwrap_or((0, 0))).collect();
        let mapped = map_ranges(&old_mid.chars, &new_mid.chars, &ranges);
        for (anchor, moved) in middle.iter().zip(mapped) {
            match moved.and_then(|r| new_mid.block_range(r)) {
                Some((block, start, end)) => {
                    let at = new_mid.flat_range(block, start, end).expect("mapped").0;
                    let quote: String = new_mid.chars[at..at + (end - start)].iter().collect();
                    move_anchor(conn, anchor, block + prefix, start, end, &quote)?;
                }
                None => {
                    conn.prepare_cached("UPDATE notes SET detached = 1 WHERE id = ?1")?.execute([anchor.id])?;
                }
            }
        }
        // After the edited run: the same text, perhaps in another block number.
        for anchor in mine.iter().filter(|a| a.block >= old_end) {
            move_anchor(conn, anchor, anchor.block - old_end + new_end, anchor.start, anchor.end, &anchor.quote)?;
        }
    }
    Ok(())
}

/// An anchor as stored.
struct Stored {
    id: i64,
    field: String,
    block: usize,
    start: usize,
    end: usize,
    quote: String,
}

fn move_anchor(conn: &Connection, a: &Stored, block: usize, start: usize, end: usize, quote: &str) -> Result<()> {
    if (block, start, end, quote) != (a.block, a.start, a.end, a.quote.as_str()) {
        conn.prepare_cached("UPDATE notes SET block = ?2, start_char = ?3, end_char = ?4, quote = ?5 WHERE id = ?1")?
            .execute(params![a.id, block, start, end, quote])?;
    }
    Ok(())
}

impl Library {
    /// Leaves a note (or a reply) as the acting user. An anchor must lie inside its field's
    /// text as stored now and cover at least one character.
    pub fn add_note(&mut self, article_id: ArticleId, input: NewNote) -> Result<Note> {
        let user = self.user()?;
        let text = banthao_text::to_nfc_string(input.text.trim());
        if text.is_empty() {
            return Err(Error::InvalidInput("a note needs some text".into()));
        }
        let article = self.get_article(article_id)?;
        let parent = match input.reply_to {
            Some(parent) => {
                let owner: Option<ArticleId> = self
                    .conn
                    .query_row("SELECT article_id FROM notes WHERE id = ?1 AND parent_id IS NULL", [parent], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if owner != Some(article_id) {
                    return Err(Error::NoteNotFound(parent));
                }
                Some(parent)
            }
            None => None,
        };
        let anchor = input.anchor.filter(|_| parent.is_none());
        let quote = match anchor {
            Some(a) => {
                let field = field_text(&article, a.field, a.block);
                let len = field.as_deref().map(|t| t.chars().count() as u32);
                match (field, len) {
                    (Some(t), Some(len)) if a.start < a.end && a.end <= len => slice(&t, a.start, a.end),
                    _ => return Err(Error::InvalidInput("the note's place is not in the article's text".into())),
                }
            }
            None => String::new(),
        };
        let block = anchor.map(|a| if a.field == NoteField::Body { a.block } else { 0 });
        let tx = write_transaction(&mut self.conn)?;
        tx.execute(
            "INSERT INTO notes (article_id, parent_id, author, role, text, photo_request, created_at,
                                field, block, start_char, end_char, quote)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                article_id,
                parent,
                user.recorded_name(),
                user.role.as_str(),
                text,
                input.photo_request && parent.is_none(),
                now_rfc3339(),
                anchor.map(|a| a.field.as_str()),
                block,
                anchor.map(|a| a.start),
                anchor.map(|a| a.end),
                quote,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.note(parent.unwrap_or(id))
    }

    /// A note on the first place `quote` occurs (NFC): in `field` when given, else the
    /// headline, the sapo, then the body in reading order.
    pub fn add_note_on_quote(
        &mut self,
        article_id: ArticleId,
        text: &str,
        quote: &str,
        field: Option<NoteField>,
        photo_request: bool,
    ) -> Result<Note> {
        let quote = banthao_text::to_nfc_string(quote);
        let article = self.get_article(article_id)?;
        let mut places: Vec<(NoteField, u32, String)> = Vec::new();
        if field.is_none_or(|f| f == NoteField::Headline) {
            places.push((NoteField::Headline, 0, article.headline.clone()));
        }
        if field.is_none_or(|f| f == NoteField::Sapo) {
            places.push((NoteField::Sapo, 0, article.sapo.clone()));
        }
        if field.is_none_or(|f| f == NoteField::Body) {
            places.extend(
                text_blocks(&article.body).into_iter().enumerate().map(|(i, b)| (NoteField::Body, i as u32, b.text)),
            );
        }
        let anchor = places
            .into_iter()
            .find_map(|(field, block, text)| {
                let at = text.find(quote.as_str())?;
                let start = text[..at].chars().count() as u32;
                Some(NoteAnchor { field, block, start, end: start + quote.chars().count() as u32 })
            })
            .filter(|_| !quote.is_empty())
            .ok_or_else(|| Error::InvalidInput(format!("“{quote}” is not in the article")))?;
        self.add_note(article_id, NewNote { text: text.into(), anchor: Some(anchor), photo_request, reply_to: None })
    }

    /// One note with its replies.
    pub fn note(&self, id: i64) -> Result<Note> {
        let article_id: ArticleId = self
            .conn
            .query_row("SELECT article_id FROM notes WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NoteNotFound(id))?;
        self.list_notes(article_id)?.into_iter().find(|n| n.id == id).ok_or(Error::NoteNotFound(id))
    }

    /// The article's notes, oldest first, each with its replies.
    pub fn list_notes(&self, article_id: ArticleId) -> Result<Vec<Note>> {
        self.get_article(article_id)?;
        let mut stmt =
            self.conn.prepare_cached(&format!("SELECT {NOTE_COLUMNS} FROM notes WHERE article_id = ?1 ORDER BY id"))?;
        let rows: Vec<(Option<i64>, Note)> =
            stmt.query_map([article_id], note_from_row)?.collect::<rusqlite::Result<_>>()?;
        let mut notes: Vec<Note> = Vec::new();
        for (parent, note) in rows {
            match parent.and_then(|p| notes.iter_mut().find(|n| n.id == p)) {
                Some(parent) => parent.replies.push(note),
                None => notes.push(note),
            }
        }
        Ok(notes)
    }

    /// Resolves (or reopens) a note as the acting user.
    pub fn set_note_resolved(&mut self, id: i64, resolved: bool) -> Result<Note> {
        let user = self.user()?;
        let (at, by) =
            if resolved { (Some(now_rfc3339()), Some(user.recorded_name().to_string())) } else { (None, None) };
        let changed = self.conn.execute(
            "UPDATE notes SET resolved_at = ?2, resolved_by = ?3 WHERE id = ?1 AND parent_id IS NULL",
            params![id, at, by],
        )?;
        if changed == 0 {
            return Err(Error::NoteNotFound(id));
        }
        self.note(id)
    }

    /// Removes a note and its replies (its author changed their mind).
    pub fn delete_note(&mut self, id: i64) -> Result<()> {
        if self.conn.execute("DELETE FROM notes WHERE id = ?1", [id])? == 0 {
            return Err(Error::NoteNotFound(id));
        }
        Ok(())
    }
}

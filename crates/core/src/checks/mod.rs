//! The Vietnamese checks over the library: the system dictionary, the newsroom's words,
//! the house settings, and article-shaped results. The rules themselves are in `banthao-text`.

mod abbreviations;
mod convert;
mod dictionary;
mod ignored;
pub mod model;

use banthao_text::check::{check_fields, Abbreviations, CheckOptions, Field, Finding, Limits};
use banthao_text::spell::Speller;
use banthao_text::tokens::{tokens, Token};

pub use abbreviations::{
    abbreviation_list, AbbreviationEntry, AbbreviationList, AbbreviationSummary, AllowedAbbreviations,
};
pub use convert::{convert_font_runs, fix_tone_style};
pub use dictionary::system_dictionary_path;
pub use model::*;

use crate::error::{Error, Lang, Result};
use crate::library::Library;

/// Everything a check needs, built once per library and rebuilt when settings or the
/// newsroom's words change (building the speller reads and indexes the dictionary).
pub struct Checker {
    speller: Speller,
    dictionary: bool,
    abbreviations: Abbreviations,
    settings: CheckSettings,
}

impl Checker {
    pub fn new(settings: CheckSettings, user_words: &[String]) -> Checker {
        let house = settings.house_style.tone_style();
        let (mut speller, dictionary) = match dictionary::read_system_dictionary() {
            Some(dic) => (Speller::from_hunspell(&dic, house), true),
            None => (Speller::new(house), false),
        };
        speller.add_words(user_words.iter().map(String::as_str));
        let abbreviations = abbreviations::in_force(&settings.abbreviations, &settings.allowed_abbreviations);
        Checker { speller, dictionary, abbreviations, settings }
    }

    fn options(&self) -> CheckOptions<'_> {
        let s = &self.settings;
        CheckOptions {
            field: Field::Body,
            house_style: Some(s.house_style.tone_style()),
            speller: Some(&self.speller),
            abbreviations: &self.abbreviations,
            limits: Limits {
                headline_tieng: s.headline_max_tieng as usize,
                headline_chars: s.headline_max_chars as usize,
                sapo_tieng: s.sapo_max_tieng as usize,
                sapo_chars: s.sapo_max_chars as usize,
            },
            kinds: None,
        }
    }

    /// Checks an article's texts in reading order (an abbreviation defined in the sapo
    /// counts for the body).
    pub fn check(&self, input: &CheckInput, lang: Lang) -> CheckReport {
        let headline = banthao_text::to_nfc(&input.headline);
        let sapo = banthao_text::to_nfc(&input.sapo);
        let blocks: Vec<_> = input.blocks.iter().map(|b| banthao_text::to_nfc(b)).collect();
        let captions: Vec<_> = input.captions.iter().map(|c| banthao_text::to_nfc(c)).collect();
        let mut fields = vec![(Field::Headline, headline.as_ref()), (Field::Sapo, sapo.as_ref())];
        fields.extend(blocks.iter().map(|b| (Field::Body, b.as_ref())));
        fields.extend(captions.iter().map(|c| (Field::Caption, c.as_ref())));
        let words: Vec<Vec<Token>> = fields.iter().map(|(_, text)| tokens(text)).collect();
        let findings = check_fields(&fields, &self.options())
            .into_iter()
            .map(|(index, finding)| placed(index, blocks.len(), finding, &words[index], lang))
            .collect();
        CheckReport { findings, ignored: Vec::new(), dictionary: self.dictionary }
    }
}

/// Fields are headline, sapo, `body_blocks` body blocks, then the captions.
fn placed(index: usize, body_blocks: usize, f: Finding, words: &[Token], lang: Lang) -> ArticleFinding {
    let (field, block) = match index {
        0 => (CheckField::Headline, 0),
        1 => (CheckField::Sapo, 0),
        n if n - 2 < body_blocks => (CheckField::Body, (n - 2) as u32),
        n => (CheckField::Caption, (n - 2 - body_blocks) as u32),
    };
    let word = |t: Option<&Token>| t.map_or_else(String::new, |t| t.text.to_lowercase());
    let before = word(words[..words.partition_point(|t| t.end <= f.start)].last());
    let after = word(words[words.partition_point(|t| t.start < f.end)..].first());
    ArticleFinding {
        field,
        block,
        kind: f.kind.as_str().to_string(),
        start: f.start as u32,
        end: f.end as u32,
        text: f.text,
        message: match lang {
            Lang::Vi => f.message.vi,
            Lang::En => f.message.en,
        },
        suggestions: f.suggestions,
        before,
        after,
    }
}

impl Library {
    pub fn check_settings(&self) -> Result<CheckSettings> {
        Ok(self.get_setting("checks")?.unwrap_or_default())
    }

    pub fn set_check_settings(&mut self, settings: CheckSettings) -> Result<CheckSettings> {
        abbreviations::validate(&settings.abbreviations, &settings.allowed_abbreviations)?;
        self.put_setting("checks", &settings)?;
        self.checker = None;
        Ok(settings)
    }

    /// Checks with another house style for the rest of this session, without changing the
    /// library's setting (the CLI's `--house-style`).
    pub fn override_house_style(&mut self, style: HouseStyle) -> Result<()> {
        let settings = CheckSettings { house_style: style, ..self.check_settings()? };
        self.checker = Some(Checker::new(settings, &self.user_words()?));
        Ok(())
    }

    /// The checker for this library, built on first use.
    pub fn checker(&mut self) -> Result<&Checker> {
        if self.checker.is_none() {
            let checker = Checker::new(self.check_settings()?, &self.user_words()?);
            self.checker = Some(checker);
        }
        Ok(self.checker.as_ref().expect("just built"))
    }

    /// Checks the texts; when they name their article, the findings it ignores are moved from
    /// `findings` to `ignored`.
    pub fn check_input(&mut self, input: &CheckInput, lang: Lang) -> Result<CheckReport> {
        let mut report = self.checker()?.check(input, lang);
        if let Some(article) = input.article {
            let keys = self.ignored_findings(article)?;
            if !keys.is_empty() {
                let keys: std::collections::HashSet<FindingKey> = keys.into_iter().collect();
                (report.ignored, report.findings) = report.findings.into_iter().partition(|f| keys.contains(&f.key()));
            }
        }
        Ok(report)
    }

    /// Checks a stored article: headline, sapo and each text block of the body (what it
    /// ignores in `ignored`).
    pub fn check_article(&mut self, id: crate::ArticleId, lang: Lang) -> Result<CheckReport> {
        let a = self.get_article(id)?;
        self.check_input(&CheckInput::of_article(&a), lang)
    }

    /// Headline, sapo and body converted to this library's house tone style.
    pub fn fix_tone_style(&self, headline: &str, sapo: &str, body: &crate::BodyDoc) -> Result<ToneStyleFix> {
        let body = crate::article::schema::validate(body.clone())?;
        Ok(fix_tone_style(headline, sapo, &body, self.check_settings()?.house_style))
    }

    /// The newsroom's own words ("add to dictionary"), in Vietnamese order.
    pub fn user_words(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT word FROM user_words ORDER BY word COLLATE vi")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_user_word(&mut self, word: &str) -> Result<Vec<String>> {
        let word = banthao_text::to_nfc_string(word.trim());
        // A name may span a few syllables ("Hải An"); a sentence is not a word.
        if word.is_empty() || word.split_whitespace().count() > 4 {
            return Err(Error::NotAWord(word));
        }
        self.conn.execute(
            "INSERT INTO user_words (word, added_at) VALUES (?1, ?2) ON CONFLICT (word) DO NOTHING",
            (&word, crate::time::now_rfc3339()),
        )?;
        self.checker = None;
        self.user_words()
    }

    pub fn remove_user_word(&mut self, word: &str) -> Result<Vec<String>> {
        self.conn.execute("DELETE FROM user_words WHERE word = ?1", [banthao_text::to_nfc_string(word.trim())])?;
        self.checker = None;
        self.user_words()
    }
}

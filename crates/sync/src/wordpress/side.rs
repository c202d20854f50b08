//! One version of an article as the merge sees it — the base (the post at the last sync),
//! the site's version now, and ours — in one shape, so that equal meaning compares equal
//! whatever markup WordPress wrote.

use banthao_core::PmNode;
use serde::{Deserialize, Serialize};

use super::client::{html_unescape, RemotePost};
use super::content::{block_key, content_to_body, PulledBlock};

/// The post as the server returned it at the last sync: the base of the next merge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RemoteBase {
    pub title: String,
    pub content: String,
    pub excerpt: String,
    pub slug: String,
    pub status: String,
    pub date_gmt: Option<String>,
    pub categories: Vec<Term>,
    pub tags: Vec<Term>,
    pub featured_media: i64,
    pub modified_gmt: String,
    pub revision: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: i64,
    pub name: String,
}

impl RemoteBase {
    pub fn from_post(post: &RemotePost, categories: Vec<Term>, tags: Vec<Term>) -> RemoteBase {
        RemoteBase {
            title: post.title.clone(),
            content: post.content.clone(),
            excerpt: post.excerpt.clone(),
            slug: post.slug.clone(),
            status: post.status.clone(),
            date_gmt: post.date_gmt.clone(),
            categories,
            tags,
            featured_media: post.featured_media,
            modified_gmt: post.modified_gmt.clone(),
            revision: post.revision,
        }
    }

    /// Someone changed the post since this base: its marker moved.
    pub fn changed_on_site(&self, post: &RemotePost) -> bool {
        self.modified_gmt != post.modified_gmt || (post.revision.is_some() && self.revision != post.revision)
    }

    pub fn side(&self) -> Side {
        Side::from_remote(
            &self.title,
            &self.excerpt,
            &self.content,
            &self.slug,
            &self.status,
            self.categories.iter().map(|t| t.name.clone()).collect(),
            self.tags.iter().map(|t| t.name.clone()).collect(),
            self.featured_media,
        )
    }
}

/// An article's publishable fields and body blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub headline: String,
    pub sapo: String,
    pub section: String,
    pub keywords: Vec<String>,
    pub slug: String,
    /// The remote status (`draft`, `pending`…).
    pub status: String,
    /// The site's media id of the featured image (0: none).
    pub featured: i64,
    pub blocks: Vec<SideBlock>,
}

/// A body block, and the article's own node when it came from this library (kept exactly:
/// crop, rotation and all), so a block nobody changed comes back as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct SideBlock {
    pub block: PulledBlock,
    pub origin: Option<PmNode>,
}

/// Title and excerpt come back HTML-escaped for accounts without `unfiltered_html`, and an
/// excerpt may be wrapped in a paragraph: compare plain text.
pub fn plain(s: &str) -> String {
    let s = s.trim();
    let s = s.strip_prefix("<p>").and_then(|x| x.strip_suffix("</p>")).unwrap_or(s);
    banthao_text::to_nfc_string(html_unescape(s).split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}

impl Side {
    #[allow(clippy::too_many_arguments)]
    pub fn from_remote(
        title: &str,
        excerpt: &str,
        content: &str,
        slug: &str,
        status: &str,
        categories: Vec<String>,
        tags: Vec<String>,
        featured: i64,
    ) -> Side {
        Side {
            headline: plain(title),
            sapo: plain(excerpt),
            section: categories.into_iter().next().unwrap_or_default(),
            keywords: tags,
            slug: slug.to_string(),
            status: status.to_string(),
            featured,
            blocks: content_to_body(content)
                .blocks
                .into_iter()
                .map(|block| SideBlock { block, origin: None })
                .collect(),
        }
    }

    pub fn block_keys(&self) -> Vec<String> {
        self.blocks.iter().map(|b| block_key(&b.block)).collect()
    }

    /// Equal in every field the site shows.
    pub fn same_as(&self, other: &Side) -> bool {
        self.headline == other.headline
            && self.sapo == other.sapo
            && self.section == other.section
            && self.keyword_key() == other.keyword_key()
            && self.slug == other.slug
            && self.status == other.status
            && self.featured == other.featured
            && self.block_keys() == other.block_keys()
    }

    /// Keywords compare as a set in any order (WordPress may return tag ids reordered).
    pub fn keyword_key(&self) -> Vec<String> {
        let mut k: Vec<String> = self.keywords.iter().map(|k| k.to_lowercase()).collect();
        k.sort();
        k
    }
}

//! WordPress over its REST API (`/wp-json/wp/v2`, Application Passwords): the client, the
//! post content as blocks, photos, push, pull and the three-way merge of an article.

pub mod blocks;
pub mod client;
pub mod content;
pub mod merge_sides;
pub mod photos;
pub mod pixels;
pub mod pull;
pub mod push;
pub mod session;
pub mod side;

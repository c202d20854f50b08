#![allow(dead_code)]
use banthao_core::*;
use serde_json::json;

pub fn body_json(v: serde_json::Value) -> BodyDoc {
    serde_json::from_value(v).expect("test body parses")
}

pub fn paragraphs(texts: &[&str]) -> BodyDoc {
    body_json(json!({
        "type": "doc",
        "content": texts.iter().map(|t| json!({"type": "paragraph", "content": [{"type": "text", "text": t}]})).collect::<Vec<_>>()
    }))
}

pub fn new_article(headline: &str, sapo: &str, body: &[&str]) -> NewArticle {
    NewArticle { headline: headline.into(), sapo: sapo.into(), body: Some(paragraphs(body)), ..Default::default() }
}

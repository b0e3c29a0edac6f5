//! The article format v1: plain data types shared by the loader, the views and the extractor.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

use serde::{Deserialize, Serialize};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub format_version: u64,
    pub title: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub language: String,
    pub body: Vec<String>,
    pub sides: Vec<Side>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    pub quotes: Vec<Quote>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub side: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Paraphrase,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    pub kind: QuoteKind,
    #[serde(default)]
    pub topics: Vec<String>,
    /// The exact words as they stand in the body; the app finds them itself.
    pub text: String,
    /// Text just before the quote, to tell repeated occurrences apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Text just after the quote, to tell repeated occurrences apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Overrides the speaker's side for this one quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    /// Where the quote was found last time. Written by the app after anchoring, never by hand; a
    /// hint that no longer matches the text is ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<QuoteHint>,
}

/// A quote's last known place: a paragraph index and a code-point offset inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteHint {
    pub paragraph: usize,
    pub start: usize,
}

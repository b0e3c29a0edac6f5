//! An article's anchored quotes as W3C Web Annotations (the Web Annotation Data Model, JSON-LD with
//! the context `http://www.w3.org/ns/anno.jsonld`), for annotation servers and clients.
//!
//! The document is one `AnnotationCollection` whose embedded `first` (and only) `AnnotationPage`
//! holds every annotation: the shape the model gives for a set of annotations in one document (a
//! Web Annotation Protocol container answers with the same shape). An article with no quote found
//! gets a collection with `total` 0 and no page. Each annotation also carries the context itself,
//! so it can be posted to a server on its own.
//!
//! Each anchored quote is one annotation with motivation `highlighting`. Its target is a
//! `SpecificResource` on the article's page (a split quote, `“A,” she said. “B.”`, has one per
//! part, without the writer's words between) with two selectors for the same text: a
//! `TextQuoteSelector` (the words as the body has them, with up to `CONTEXT_CHARS` code points
//! before and after, cut at the paragraph's edges) and a `TextPositionSelector` (code points in
//! the body's paragraphs joined by `PARAGRAPH_SEPARATOR`). Its bodies are `TextualBody`s: a
//! sentence (`describing`), the speaker (`identifying`), the side (`classifying`) and each topic
//! (`tagging`). Quotes that did not anchor are left out and counted.
//!
//! Identifiers are `urn:uuid:` names derived from the target and the text, so the same article
//! with the same target always gives the same document, in the app as on the command line.
//! Speakers, sides and topics are named by fragments of the collection's identifier.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::anchor::QuoteSpan;
use crate::explorer::Explorer;
use crate::model::QuoteKind;
use crate::offsets::cp_len;

/// The JSON-LD context of the Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// What the paragraphs are joined with in the text the `TextPositionSelector` counts in: a blank
/// line, as a page with one element per paragraph reads when its text is taken as plain text.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// At most this many code points of context go in a `TextQuoteSelector`'s `prefix` and `suffix`.
pub const CONTEXT_CHARS: usize = 32;

/// The annotation collection for one article, and what it left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotations {
    /// The `AnnotationCollection`.
    collection: Json,
    /// The IRI every annotation targets.
    pub target: String,
    /// Whether `target` is the fallback `urn:uuid:` derived from the text, because neither the
    /// caller nor the article's `source.url` gave one.
    pub target_is_fallback: bool,
    /// Quotes left out because they were not found in the text.
    pub unanchored: usize,
}

impl Annotations {
    /// The document as indented JSON, as the command line prints it and the app downloads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.collection).unwrap_or_default() + "\n"
    }

    /// The document as a JSON value.
    pub fn document(&self) -> Value {
        serde_json::to_value(&self.collection).unwrap_or_default()
    }
}

/// The document as data: JSON whose objects keep their keys in the order the model's examples
/// write them (`@context`, `id`, `type` first), where `serde_json`'s own map sorts them. One
/// hand-written `Serialize` for every shape keeps the app's wasm small.
#[derive(Clone, Debug, PartialEq)]
enum Json {
    Text(String),
    Number(usize),
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::Text(text.to_owned())
    }
}

impl From<String> for Json {
    fn from(text: String) -> Self {
        Json::Text(text)
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Self {
        Json::Number(n)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Text(text) => serializer.serialize_str(text),
            Json::Number(n) => serializer.serialize_u64(*n as u64),
            Json::List(items) => {
                let mut list = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    list.serialize_element(item)?;
                }
                list.end()
            }
            Json::Object(entries) => {
                let mut object = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    object.serialize_entry(key, value)?;
                }
                object.end()
            }
        }
    }
}

/// The body as one text: the paragraphs joined by `PARAGRAPH_SEPARATOR`.
pub fn joined_text(body: &[String]) -> String {
    body.join(PARAGRAPH_SEPARATOR)
}

/// The file name the app offers for the download: `<title-slug>.annotations.jsonld`.
pub fn file_name(title: &str) -> String {
    format!("{}.annotations.jsonld", crate::text::slug(title))
}

/// The annotation collection for the explorer's article. The target is `target` when given
/// (and not blank), else the article's `source.url`, else a `urn:uuid:` derived from the text.
pub fn annotations(explorer: &Explorer, target: Option<&str>) -> Annotations {
    let article = &explorer.article;
    let text = joined_text(&article.body);
    let non_blank = |t: &&str| !t.trim().is_empty();
    let given = target.filter(non_blank).or(article.source.url.as_deref().filter(non_blank)).map(str::trim);
    let target_is_fallback = given.is_none();
    let target = given.map_or_else(|| urn_uuid(&["text", &text]), str::to_owned);
    let collection_id = urn_uuid(&["collection", &target, &text]);
    let paragraph_starts = paragraph_starts(&article.body);

    let mut items = Vec::new();
    let mut unanchored = 0;
    // The characters of the paragraph the last quote stood in: quotes come in reading order, so
    // each paragraph is split into characters once, however many quotes it holds.
    let mut chars: (usize, Vec<char>) = (usize::MAX, Vec::new());
    for &q in explorer.reading_order() {
        let Some(span) = explorer.anchors[q].span.filter(|s| s.start < s.end) else {
            unanchored += 1;
            continue;
        };
        let Some(paragraph) = article.body.get(span.paragraph) else {
            unanchored += 1;
            continue;
        };
        if chars.0 != span.paragraph {
            chars = (span.paragraph, paragraph.chars().collect());
        }
        let quote = &article.quotes[q];
        let start = paragraph_starts[span.paragraph] + span.start;
        let end = paragraph_starts[span.paragraph] + span.end;
        let id = urn_uuid(&["annotation", &collection_id, &quote.id, &start.to_string(), &end.to_string()]);
        // A split quote ("A," she said. "B.") is its parts, each a target of its own: the
        // writer's words between them are not the speaker's.
        let mut parts = Vec::new();
        let mut from = span.start;
        for &(gap_start, gap_end) in &explorer.anchors[q].gaps {
            parts.push(QuoteSpan { start: from, end: gap_start, ..span });
            from = gap_end;
        }
        parts.push(QuoteSpan { start: from, ..span });
        let mut targets: Vec<Json> = parts
            .into_iter()
            .map(|part| {
                let (start, end) =
                    (paragraph_starts[span.paragraph] + part.start, paragraph_starts[span.paragraph] + part.end);
                let position = Json::Object(vec![
                    ("type", "TextPositionSelector".into()),
                    ("start", start.into()),
                    ("end", end.into()),
                ]);
                Json::Object(vec![
                    ("type", "SpecificResource".into()),
                    ("source", target.as_str().into()),
                    ("selector", Json::List(vec![quote_selector(&chars.1, part), position])),
                ])
            })
            .collect();
        let target = if targets.len() == 1 { targets.remove(0) } else { Json::List(targets) };
        items.push(Json::Object(vec![
            ("@context", CONTEXT.into()),
            ("id", id.into()),
            ("type", "Annotation".into()),
            ("motivation", "highlighting".into()),
            ("body", Json::List(bodies(explorer, q, &collection_id))),
            ("target", target),
        ]));
    }

    let total = items.len();
    let mut collection = vec![
        ("@context", CONTEXT.into()),
        ("id", collection_id.as_str().into()),
        ("type", "AnnotationCollection".into()),
        ("label", format!("Who said what: {}", article.title).into()),
        ("total", total.into()),
    ];
    // An empty collection has no page, as the model wants.
    if total > 0 {
        let page_id = format!("{collection_id}#page-1");
        collection.push((
            "first",
            Json::Object(vec![
                ("id", page_id.as_str().into()),
                ("type", "AnnotationPage".into()),
                ("partOf", collection_id.into()),
                ("startIndex", 0.into()),
                ("items", Json::List(items)),
            ]),
        ));
        collection.push(("last", page_id.into()));
    }
    let collection = Json::Object(collection);
    Annotations { collection, target, target_is_fallback, unanchored }
}

/// The code-point offset of each paragraph in `joined_text`.
fn paragraph_starts(body: &[String]) -> Vec<usize> {
    let separator = cp_len(PARAGRAPH_SEPARATOR);
    let mut starts = Vec::with_capacity(body.len());
    let mut at = 0;
    for paragraph in body {
        starts.push(at);
        at += cp_len(paragraph) + separator;
    }
    starts
}

/// The words as the paragraph (`chars`) has them, with up to `CONTEXT_CHARS` code points on each
/// side from the same paragraph; an empty prefix or suffix is left out.
fn quote_selector(chars: &[char], span: QuoteSpan) -> Json {
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    let prefix: String = chars[start.saturating_sub(CONTEXT_CHARS)..start].iter().collect();
    let suffix: String = chars[end..(end + CONTEXT_CHARS).min(chars.len())].iter().collect();
    let mut selector = vec![("type", "TextQuoteSelector".into())];
    if !prefix.is_empty() {
        selector.push(("prefix", prefix.into()));
    }
    selector.push(("exact", chars[start..end].iter().collect::<String>().into()));
    if !suffix.is_empty() {
        selector.push(("suffix", suffix.into()));
    }
    Json::Object(selector)
}

/// The quote's bodies: a sentence saying who said it on which side about what (`describing`),
/// then the speaker (`identifying`), the side (`classifying`) and each topic (`tagging`), each
/// named by a fragment of the collection's identifier.
fn bodies(explorer: &Explorer, q: usize, collection_id: &str) -> Vec<Json> {
    let article = &explorer.article;
    let quote = &article.quotes[q];
    let speaker = explorer.speaker_of(q);
    let side = explorer.side_of(q).and_then(|s| article.sides.get(s));
    let topics: Vec<_> = quote.topics.iter().filter_map(|id| article.topics.iter().find(|t| &t.id == id)).collect();

    let kind = match quote.kind {
        QuoteKind::Direct => "Direct quote",
        QuoteKind::Partial => "Partial quote",
        QuoteKind::Paraphrase => "Paraphrase",
    };
    let mut sentence = format!("{kind} of {}", speaker.map_or(quote.speaker.as_str(), |s| s.name.as_str()));
    if let Some(role) = speaker.and_then(|s| s.role.as_deref()) {
        sentence.push_str(&format!(" ({role})"));
    }
    if let Some(side) = side {
        sentence.push_str(&format!(". Side: {}", side.label));
    }
    if !topics.is_empty() {
        let labels: Vec<&str> = topics.iter().map(|t| t.label.as_str()).collect();
        sentence.push_str(&format!(". Topics: {}", labels.join("; ")));
    }
    if !sentence.ends_with(['.', '?', '!', '…']) {
        sentence.push('.');
    }

    let body = |purpose: &str, value: &str, id: Option<String>| {
        let mut body = Vec::with_capacity(5);
        if let Some(id) = id {
            body.push(("id", id.into()));
        }
        body.extend([
            ("type", "TextualBody".into()),
            ("purpose", purpose.into()),
            ("value", value.into()),
            ("format", "text/plain".into()),
        ]);
        Json::Object(body)
    };
    let mut bodies = vec![body("describing", &sentence, None)];
    if let Some(speaker) = speaker {
        bodies.push(body("identifying", &speaker.name, Some(format!("{collection_id}#speaker-{}", speaker.id))));
    }
    if let Some(side) = side {
        bodies.push(body("classifying", &side.label, Some(format!("{collection_id}#side-{}", side.id))));
    }
    for topic in topics {
        bodies.push(body("tagging", &topic.label, Some(format!("{collection_id}#topic-{}", topic.id))));
    }
    bodies
}

/// A `urn:uuid:` name (version 8, RFC 9562) made from a 128-bit FNV-1a hash of `parts`: the
/// same parts always give the same name, on every platform.
fn urn_uuid(parts: &[&str]) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    let mut bytes = hash.to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

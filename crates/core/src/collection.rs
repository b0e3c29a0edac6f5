//! A collection: several articles on one event, from different outlets, compared on the same sides.
//!
//! ```json
//! { "kind": "collection", "format_version": 1, "title": "…",
//!   "sides": [{ "id": "ru", "label": "Russia" }, { "id": "us", "label": "United States" }],
//!   "topics": [{ "id": "peace", "label": "Is peace still possible?" }],
//!   "articles": [
//!     { "id": "seed", "src": "russia-us-syria-2016.json" },
//!     { "id": "moscow", "outlet": "…", "src": "moscow.json", "side_map": { "russia": "ru" } },
//!     { "id": "inline", "article": { "format_version": 1, … } } ] }
//! ```
//!
//! Each article keeps the format v1 and is validated on its own: one broken article is listed with
//! its errors and the others still open. An article's side counts for the collection's side with the
//! same id, or the one its `side_map` names; a side that maps to none is left out of the comparison
//! (a warning). Topics map the same way (`topic_map`) onto the collection's `topics`, the questions
//! compared across outlets. Documented in `docs/FORMAT.md`; mirrored by
//! `public/schema/collection-v1.schema.json`.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Article, Side, Topic, FORMAT_VERSION};
use crate::validate::{self, Diagnostic, Location, Severity};

/// The `kind` that tells a collection from an article.
pub const KIND: &str = "collection";

/// At most this many articles in one collection.
pub const MAX_ARTICLES: usize = 200;

/// A collection as written: its articles not yet opened (see [`Collection::open`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CollectionSpec {
    pub kind: String,
    pub format_version: u64,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub sides: Vec<Side>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub articles: Vec<EntrySpec>,
}

/// One article of a collection, inline or by a relative address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntrySpec {
    pub id: String,
    /// The outlet's name; the article's `source.name` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Value>,
    /// Article side id → collection side id; `None` (`null`): left out of the comparison on
    /// purpose, with no warning.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub side_map: BTreeMap<String, Option<String>>,
    /// Article topic id → collection topic id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub topic_map: BTreeMap<String, String>,
}

/// The outcome of reading a collection document.
#[derive(Clone, Debug)]
pub struct SpecReport {
    pub spec: Option<CollectionSpec>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The line that stands for an article's problems beyond those listed.
fn more_problems(count: usize) -> String {
    format!("and {count} more problems in this article")
}

/// How many problems a listed problem stands for: `more_problems`' count, else one.
pub fn problems_counted(message: &str) -> usize {
    message
        .strip_prefix("and ")
        .and_then(|rest| rest.strip_suffix(" more problems in this article"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// Whether a document's text is a collection rather than an article: it says so, or it lists
/// articles and has no body. Cheap enough to ask before choosing a loader.
pub fn looks_like_collection(input: &str) -> bool {
    /// Only the keys that tell: the rest of the document is skipped, not built into a `Value`.
    #[derive(Deserialize)]
    struct Probe {
        kind: Option<Value>,
        articles: Option<serde::de::IgnoredAny>,
        body: Option<serde::de::IgnoredAny>,
    }
    // Neither an `articles` key nor the kind anywhere in the text: an article, the usual case,
    // told without reading it through. (A key written with escapes is read as it is written.)
    if !input.contains("\"articles\"") && !input.contains(KIND) {
        return false;
    }
    input.len() <= validate::MAX_INPUT_BYTES
        && serde_json::from_str::<Probe>(input).is_ok_and(|probe| {
            probe.kind.as_ref().and_then(Value::as_str) == Some(KIND)
                || (probe.articles.is_some() && probe.body.is_none())
        })
}

/// The `src` addresses a collection document names, in order, without checking anything else:
/// what the page must fetch before the collection can be opened.
pub fn sources(input: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(input).unwrap_or(Value::Null);
    let entries = value.get("articles").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    entries.iter().filter_map(|e| e.get("src")?.as_str().map(str::to_owned)).collect()
}

fn error(path: &str, message: String) -> Diagnostic {
    Diagnostic { severity: Severity::Error, location: Location::Path(path.to_owned()), message, excerpt: None }
}

fn warning(path: &str, message: String) -> Diagnostic {
    Diagnostic { severity: Severity::Warning, location: Location::Path(path.to_owned()), message, excerpt: None }
}

/// Parses and checks a collection document: its own fields, not yet its articles' contents.
pub fn load_spec(input: &str) -> SpecReport {
    if input.len() > validate::MAX_INPUT_BYTES {
        return SpecReport { spec: None, diagnostics: vec![validate::too_large(input.len())] };
    }
    match serde_json::from_str::<Value>(input) {
        Ok(value) => check_spec(&value),
        Err(_) => {
            // The article loader words syntax errors with line, column and excerpt.
            SpecReport { spec: None, diagnostics: validate::load_article(input).diagnostics }
        }
    }
}

/// Checks a parsed collection document.
pub fn check_spec(value: &Value) -> SpecReport {
    let mut out = Vec::new();
    let Some(map) = value.as_object() else {
        out.push(error("$", "expected a collection object".to_owned()));
        return SpecReport { spec: None, diagnostics: out };
    };
    match map.get("kind") {
        Some(Value::String(kind)) if kind == KIND => {}
        Some(found) => out.push(error("$.kind", format!("expected \"{KIND}\", found {found}"))),
        None => out.push(error("$.kind", format!("required field is missing (\"{KIND}\" for a collection)"))),
    }
    match map.get("format_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(found) => out.push(error(
            "$.format_version",
            format!("this build of Counterpoint reads collection format version {FORMAT_VERSION}, found {found}"),
        )),
        None => out.push(error("$.format_version", "required field is missing".to_owned())),
    }
    match map.get("title") {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(_) => out.push(error("$.title", "expected a non-empty string".to_owned())),
        None => out.push(error("$.title", "required field is missing".to_owned())),
    }
    if let Some(note) = map.get("note") {
        if !note.is_string() {
            out.push(error("$.note", "expected a string".to_owned()));
        }
    }
    check_labelled(map.get("sides"), "$.sides", true, &mut out);
    if map.contains_key("topics") {
        check_labelled(map.get("topics"), "$.topics", false, &mut out);
    }
    const KNOWN: [&str; 7] = ["kind", "format_version", "title", "note", "sides", "topics", "articles"];
    for key in map.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        out.push(warning(&format!("$.{key}"), "unknown field, ignored".to_owned()));
    }
    match map.get("articles") {
        Some(Value::Array(entries)) if entries.is_empty() => {
            out.push(error("$.articles", "expected at least one article, found an empty list".to_owned()));
        }
        Some(Value::Array(entries)) if entries.len() > MAX_ARTICLES => out.push(error(
            "$.articles",
            format!("a collection holds at most {MAX_ARTICLES} articles, found {}", entries.len()),
        )),
        Some(Value::Array(entries)) => {
            let mut ids = HashSet::new();
            for (i, entry) in entries.iter().enumerate() {
                check_entry(entry, &format!("$.articles[{i}]"), &mut ids, &mut out);
            }
        }
        Some(_) => out.push(error("$.articles", "expected a list of articles".to_owned())),
        None => out.push(error("$.articles", "required field is missing".to_owned())),
    }
    if out.iter().any(|d| d.severity == Severity::Error) {
        return SpecReport { spec: None, diagnostics: out };
    }
    match serde_json::from_value::<CollectionSpec>(value.clone()) {
        Ok(spec) => {
            check_maps(&spec, &mut out);
            let ok = !out.iter().any(|d| d.severity == Severity::Error);
            SpecReport { spec: ok.then_some(spec), diagnostics: out }
        }
        Err(err) => {
            out.push(error("$", format!("could not read the collection: {err}")));
            SpecReport { spec: None, diagnostics: out }
        }
    }
}

/// `sides` or `topics`: a list of `{id, label}` (sides may add `color`) with unique ids.
fn check_labelled(value: Option<&Value>, path: &str, need_one: bool, out: &mut Vec<Diagnostic>) {
    let Some(value) = value else {
        out.push(error(path, "required field is missing".to_owned()));
        return;
    };
    let Some(items) = value.as_array() else {
        out.push(error(path, "expected a list".to_owned()));
        return;
    };
    if need_one && items.is_empty() {
        out.push(error(path, "expected at least one entry, found an empty list".to_owned()));
    }
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        match item.get("id").and_then(Value::as_str) {
            Some(id) if validate::is_id(id) => {
                if !seen.insert(id) {
                    out.push(error(&format!("{at}.id"), format!("duplicate id \"{id}\"")));
                }
            }
            _ => out
                .push(error(&format!("{at}.id"), "expected an id (letters, digits, '-', '_', '.' or ':')".to_owned())),
        }
        match item.get("label").and_then(Value::as_str) {
            Some(label) if !label.trim().is_empty() => {}
            _ => out.push(error(&format!("{at}.label"), "expected a non-empty string".to_owned())),
        }
        // As in an article: a colour that is not a string is an error (the spec's `Side` could not
        // hold it), one of another shape a warning.
        match item.get("color") {
            Some(color @ Value::String(s)) if !validate::is_hex_color(s) => {
                out.push(warning(&format!("{at}.color"), format!("expected a colour like \"#1f5fa8\", found {color}")));
            }
            Some(Value::String(_)) | None => {}
            Some(found) => out.push(error(&format!("{at}.color"), format!("expected a string, found {found}"))),
        }
    }
}

fn check_entry(entry: &Value, at: &str, ids: &mut HashSet<String>, out: &mut Vec<Diagnostic>) {
    let Some(map) = entry.as_object() else {
        out.push(error(at, "expected an object with an id and either src or article".to_owned()));
        return;
    };
    match map.get("id").and_then(Value::as_str) {
        Some(id) if validate::is_id(id) => {
            if !ids.insert(id.to_owned()) {
                out.push(error(&format!("{at}.id"), format!("duplicate id \"{id}\"")));
            }
        }
        _ => out.push(error(&format!("{at}.id"), "expected an id (letters, digits, '-', '_', '.' or ':')".to_owned())),
    }
    match (map.get("src"), map.get("article")) {
        (Some(Value::String(src)), None) if !src.trim().is_empty() => {}
        (Some(_), None) => out.push(error(&format!("{at}.src"), "expected the article's address, a string".to_owned())),
        (None, Some(Value::Object(_))) => {}
        (None, Some(_)) => out.push(error(&format!("{at}.article"), "expected an article object".to_owned())),
        (Some(_), Some(_)) => out.push(error(at, "give either src or article, not both".to_owned())),
        (None, None) => out.push(error(at, "needs either src (an address) or article (the article itself)".to_owned())),
    }
    if let Some(outlet) = map.get("outlet") {
        if outlet.as_str().is_none_or(|s| s.trim().is_empty()) {
            out.push(error(&format!("{at}.outlet"), "expected a non-empty string".to_owned()));
        }
    }
    for key in ["side_map", "topic_map"] {
        if let Some(value) = map.get(key) {
            // A side may map to null: left out of the comparison on purpose.
            let target_ok = |v: &Value| v.as_str().is_some_and(validate::is_id) || (key == "side_map" && v.is_null());
            let ok = value.as_object().is_some_and(|m| m.values().all(target_ok));
            if !ok {
                let expected = if key == "side_map" {
                    "expected an object of ids: { \"article's id\": \"collection's id\" }, or null to leave a side out"
                } else {
                    "expected an object of ids: { \"article's id\": \"collection's id\" }"
                };
                out.push(error(&format!("{at}.{key}"), expected.to_owned()));
            }
        }
    }
    const KNOWN: [&str; 6] = ["id", "outlet", "src", "article", "side_map", "topic_map"];
    for key in map.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        out.push(warning(&format!("{at}.{key}"), "unknown field, ignored".to_owned()));
    }
}

/// Map targets must be the collection's own ids.
fn check_maps(spec: &CollectionSpec, out: &mut Vec<Diagnostic>) {
    let sides: Vec<&str> = spec.sides.iter().map(|s| s.id.as_str()).collect();
    let topics: Vec<&str> = spec.topics.iter().map(|t| t.id.as_str()).collect();
    for (i, entry) in spec.articles.iter().enumerate() {
        for (from, to) in entry.side_map.iter().filter_map(|(from, to)| Some((from, to.as_ref()?))) {
            if !sides.contains(&to.as_str()) {
                out.push(error(
                    &format!("$.articles[{i}].side_map.{from}"),
                    format!("\"{to}\" is not one of the collection's sides ({})", sides.join(", ")),
                ));
            }
        }
        for (from, to) in &entry.topic_map {
            if !topics.contains(&to.as_str()) {
                let known = if topics.is_empty() { "it has none".to_owned() } else { topics.join(", ") };
                out.push(error(
                    &format!("$.articles[{i}].topic_map.{from}"),
                    format!("\"{to}\" is not one of the collection's topics ({known})"),
                ));
            }
        }
    }
}

/// One outlet's article, opened or not.
#[derive(Clone, Debug)]
pub struct Outlet {
    pub id: String,
    /// The outlet's name: the entry's `outlet`, else the article's `source.name`, else its id.
    pub name: String,
    /// Where the article came from: `inline` or its address.
    pub origin: String,
    pub article: Option<Article>,
    /// For each of the article's sides, the collection's side it counts for.
    pub side_of: Vec<Option<usize>>,
    /// For each of the article's topics, the collection's topic it counts for.
    pub topic_of: Vec<Option<usize>>,
    /// Every problem found, errors first; paths name the entry (`$.articles[2]…`) or the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outlet {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    /// The collection side quote `q` counts for (its own side, else its speaker's).
    pub fn side_of_quote(&self, q: usize) -> Option<usize> {
        let article = self.article.as_ref()?;
        let quote = article.quotes.get(q)?;
        let side_id = match &quote.side {
            Some(side) => side.as_str(),
            None => article.speakers.iter().find(|s| s.id == quote.speaker)?.side.as_str(),
        };
        let index = article.sides.iter().position(|s| s.id == side_id)?;
        self.side_of.get(index).copied().flatten()
    }

    /// The collection topics quote `q` is on.
    pub fn topics_of_quote(&self, q: usize) -> Vec<usize> {
        let Some(article) = &self.article else { return Vec::new() };
        let Some(quote) = article.quotes.get(q) else { return Vec::new() };
        let mut topics: Vec<usize> = quote
            .topics
            .iter()
            .filter_map(|t| article.topics.iter().position(|topic| &topic.id == t))
            .filter_map(|i| self.topic_of.get(i).copied().flatten())
            .collect();
        topics.dedup();
        topics
    }

    /// The speaker's name of quote `q`.
    pub fn speaker_name(&self, q: usize) -> &str {
        let Some(article) = &self.article else { return "" };
        let Some(quote) = article.quotes.get(q) else { return "" };
        article.speakers.iter().find(|s| s.id == quote.speaker).map_or(quote.speaker.as_str(), |s| s.name.as_str())
    }
}

/// What an entry's article turned out to be once fetched or read.
pub enum Fetched<'a> {
    /// The article's JSON text.
    Text(&'a str),
    /// Why it could not be had (a failed request, a file that was not given).
    Failed(String),
}

/// A collection whose articles have been opened, each on its own.
#[derive(Clone, Debug)]
pub struct Collection {
    pub title: String,
    pub note: Option<String>,
    pub sides: Vec<Side>,
    pub topics: Vec<Topic>,
    pub outlets: Vec<Outlet>,
}

impl Collection {
    /// Opens every article of `spec`: inline ones directly, the others through `fetch` (given the
    /// entry's `src`), which the caller answers from the network or from files at hand.
    pub fn open<'a>(spec: &CollectionSpec, mut fetch: impl FnMut(&str) -> Fetched<'a>) -> Collection {
        let outlets = spec
            .articles
            .iter()
            .enumerate()
            .map(|(i, entry)| match (&entry.src, &entry.article) {
                (_, Some(value)) => {
                    open_outlet(spec, i, "inline", validate::validate_value(value), &format!("$.articles[{i}].article"))
                }
                (Some(src), None) => match fetch(src) {
                    Fetched::Text(text) => {
                        open_outlet(spec, i, src, validate::load_article(text), &format!("{src}: $"))
                    }
                    Fetched::Failed(why) => {
                        let report = validate::Report {
                            article: None,
                            diagnostics: vec![error(
                                &format!("$.articles[{i}].src"),
                                format!("could not open \"{src}\": {why}"),
                            )],
                            more: 0,
                        };
                        open_outlet(spec, i, src, report, "$")
                    }
                },
                (None, None) => unreachable!("check_spec requires src or article"),
            })
            .collect();
        Collection {
            title: spec.title.clone(),
            note: spec.note.clone(),
            sides: spec.sides.clone(),
            topics: spec.topics.clone(),
            outlets,
        }
    }

    /// How many outlets opened.
    pub fn opened(&self) -> usize {
        self.outlets.iter().filter(|o| o.article.is_some()).count()
    }

    /// The collection with every opened article inline: what the recent list keeps, since
    /// addresses relative to where it came from do not survive elsewhere. Broken articles are
    /// left out.
    pub fn to_inline_json(&self) -> String {
        let articles: Vec<Value> = self
            .outlets
            .iter()
            .filter_map(|o| {
                let article = o.article.as_ref()?;
                let mut entry = serde_json::json!({ "id": o.id, "outlet": o.name, "article": article });
                let side_map = side_map_of(article, &o.side_of, &self.sides);
                if !side_map.is_empty() {
                    entry["side_map"] = serde_json::json!(side_map);
                }
                let topic_map: BTreeMap<&str, &str> = article
                    .topics
                    .iter()
                    .zip(&o.topic_of)
                    .filter_map(|(t, to)| Some((t.id.as_str(), self.topics.get((*to)?)?.id.as_str())))
                    .filter(|(from, to)| from != to)
                    .collect();
                if !topic_map.is_empty() {
                    entry["topic_map"] = serde_json::json!(topic_map);
                }
                Some(entry)
            })
            .collect();
        let mut doc = serde_json::json!({
            "kind": KIND,
            "format_version": FORMAT_VERSION,
            "title": self.title,
            "sides": self.sides,
            "topics": self.topics,
            "articles": articles,
        });
        if let Some(note) = &self.note {
            doc["note"] = Value::String(note.clone());
        }
        serde_json::to_string(&doc).unwrap_or_default()
    }
}

fn side_map_of<'a>(article: &'a Article, side_of: &[Option<usize>], sides: &'a [Side]) -> BTreeMap<&'a str, &'a str> {
    article
        .sides
        .iter()
        .zip(side_of)
        .filter_map(|(s, to)| Some((s.id.as_str(), sides.get((*to)?)?.id.as_str())))
        .filter(|(from, to)| from != to)
        .collect()
}

/// Prefixes an article's diagnostics with where the article sits (`$.articles[2].article` or
/// `rt.json: $`).
fn relocate(diagnostics: Vec<Diagnostic>, prefix: &str, origin: &str) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut d| {
            match &mut d.location {
                Location::Path(path) if path.starts_with('$') && prefix != "$" => {
                    *path = format!("{prefix}{}", &path[1..]);
                }
                Location::Path(_) => {}
                Location::Text { .. } | Location::Input => d.message = format!("{origin}: {}", d.message),
            }
            d
        })
        .collect()
}

fn open_outlet(spec: &CollectionSpec, i: usize, origin: &str, report: validate::Report, prefix: &str) -> Outlet {
    let entry = &spec.articles[i];
    let more = report.more;
    let mut diagnostics = relocate(report.diagnostics, prefix, origin);
    if more > 0 {
        diagnostics.push(error(&format!("$.articles[{i}]"), more_problems(more)));
    }
    let mut outlet = Outlet {
        id: entry.id.clone(),
        name: entry.outlet.clone().unwrap_or_else(|| entry.id.clone()),
        origin: origin.to_owned(),
        article: None,
        side_of: Vec::new(),
        topic_of: Vec::new(),
        diagnostics: Vec::new(),
    };
    if let Some(article) = report.article {
        if entry.outlet.is_none() {
            outlet.name = article.source.name.clone();
        }
        let at = format!("$.articles[{i}]");
        for from in entry.side_map.keys() {
            if !article.sides.iter().any(|s| &s.id == from) {
                diagnostics
                    .push(warning(&format!("{at}.side_map.{from}"), format!("the article has no side \"{from}\"")));
            }
        }
        for from in entry.topic_map.keys() {
            if !article.topics.iter().any(|t| &t.id == from) {
                diagnostics
                    .push(warning(&format!("{at}.topic_map.{from}"), format!("the article has no topic \"{from}\"")));
            }
        }
        outlet.side_of = article
            .sides
            .iter()
            .map(|side| {
                let target = match entry.side_map.get(&side.id) {
                    // Left out on purpose: no warning.
                    Some(None) => return None,
                    Some(Some(target)) => target,
                    None => &side.id,
                };
                let found = spec.sides.iter().position(|s| &s.id == target);
                if found.is_none() {
                    diagnostics.push(warning(
                        &at,
                        format!(
                            "the article's side \"{}\" ({}) is none of the collection's sides, so its quotes are left out of the comparison; a side_map can name one, or map it to null to leave it out without this warning",
                            side.id, side.label
                        ),
                    ));
                }
                found
            })
            .collect();
        outlet.topic_of = article
            .topics
            .iter()
            .map(|topic| {
                let target = entry.topic_map.get(&topic.id).unwrap_or(&topic.id);
                spec.topics.iter().position(|t| &t.id == target)
            })
            .collect();
        outlet.article = Some(article);
    }
    diagnostics.sort_by_key(|d| d.severity != Severity::Error);
    outlet.diagnostics = diagnostics;
    outlet
}

/// Builds a collection document from articles (`counterpoint collect`, or several article files
/// dropped at once): the sides are every article's sides, joined by id (the first label wins), and
/// the topics likewise. Each entry is `(id, src)` with the article, written by address when `src`
/// is given and inline otherwise.
pub fn collect(title: &str, articles: &[(String, Option<String>, Article)]) -> Value {
    let mut sides: Vec<Side> = Vec::new();
    let mut topics: Vec<Topic> = Vec::new();
    let mut ids = HashSet::new();
    let mut entries = Vec::new();
    for (id, src, article) in articles {
        for side in &article.sides {
            if !sides.iter().any(|s| s.id == side.id) {
                sides.push(side.clone());
            }
        }
        for topic in &article.topics {
            if !topics.iter().any(|t| t.id == topic.id) {
                topics.push(topic.clone());
            }
        }
        let mut id = slug(id);
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut entry = serde_json::json!({ "id": id, "outlet": article.source.name });
        match src {
            Some(src) => entry["src"] = Value::String(src.clone()),
            None => entry["article"] = serde_json::json!(article),
        }
        entries.push(entry);
    }
    serde_json::json!({
        "kind": KIND,
        "format_version": FORMAT_VERSION,
        "title": title,
        "sides": sides,
        "topics": topics,
        "articles": entries,
    })
}

/// A collection of files opened together (each `(name, text or why it could not be read)`), by
/// address: the valid articles as [`collect`] joins them, and the others listed so that
/// [`Collection::open`] reports their problems.
pub fn from_files(title: &str, files: &[(String, Result<String, String>)]) -> Value {
    let articles: Vec<(String, Option<String>, Article)> = files
        .iter()
        .filter_map(|(name, text)| {
            let article = validate::load_article(text.as_ref().ok()?).article?;
            Some((name.clone(), Some(name.clone()), article))
        })
        .collect();
    let mut doc = collect(title, &articles);
    if articles.is_empty() {
        // No article gives a side; one stands in so that each file's own problems are what shows.
        doc["sides"] = serde_json::json!([{ "id": "none", "label": "No side" }]);
    }
    let Some(entries) = doc["articles"].as_array_mut() else { return doc };
    let mut ids: HashSet<String> = entries.iter().filter_map(|e| e["id"].as_str().map(str::to_owned)).collect();
    for (name, _) in files {
        if articles.iter().any(|(n, _, _)| n == name) {
            continue;
        }
        let mut id = slug(name);
        while !ids.insert(id.clone()) {
            id.push_str("-x");
        }
        entries.push(serde_json::json!({ "id": id, "src": name }));
    }
    doc
}

/// An id from a file name: letters and digits kept, anything else a hyphen.
pub fn slug(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.strip_suffix(".json").unwrap_or(stem);
    let id: String =
        stem.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect();
    if id.is_empty() {
        "article".to_owned()
    } else {
        id
    }
}

#[cfg(test)]
mod tests;

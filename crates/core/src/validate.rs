//! Parses and validates article JSON, reporting every problem with where it is.
//!
//! Broken JSON is reported with its line and column and the offending line with a caret. Everything
//! else is reported with a JSON path (`$.quotes[3].speaker`), what was expected and what was found.
//! This module knows nothing about Leptos, `web_sys` or the DOM, so newsrooms can run the same checks
//! natively (`counterpoint validate FILE`).

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::Value;

use crate::model::{Article, FORMAT_VERSION};

/// Inputs larger than this are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// At most this many problems are listed; the rest are counted as "and N more".
pub const MAX_LISTED: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Location {
    /// A place in the raw text: 1-based line and column.
    Text { line: usize, column: usize },
    /// A JSON path such as `$.quotes[3].speaker`.
    Path(String),
    /// The input as a whole.
    Input,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    /// For broken JSON: the offending line and a caret under the column.
    pub excerpt: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Location::Text { line, column } => write!(f, "{line}:{column}: {level}: {}", self.message),
            Location::Path(path) => write!(f, "{path}: {level}: {}", self.message),
            Location::Input => write!(f, "{level}: {}", self.message),
        }
    }
}

/// The outcome of loading: the article when there were no errors, and every diagnostic.
#[derive(Clone, Debug)]
pub struct Report {
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many problems were found beyond those listed.
    pub more: usize,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning)
    }

    fn failed(diagnostics: Vec<Diagnostic>) -> Self {
        Self { article: None, diagnostics, more: 0 }
    }
}

/// Parses and validates an article, collecting every problem.
pub fn load_article(input: &str) -> Report {
    if input.len() > MAX_INPUT_BYTES {
        return Report::failed(vec![too_large(input.len())]);
    }
    let value: Value = match serde_json::from_str(input) {
        Ok(value) => value,
        Err(err) => return Report::failed(vec![syntax_error(input, &err)]),
    };
    validate_value(&value)
}

/// The diagnostic for an input over [`MAX_INPUT_BYTES`], shared with loaders that see the size first.
pub fn too_large(bytes: usize) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        location: Location::Input,
        message: format!(
            "the input is {:.1} MB; the limit is {} MB, so it was not opened",
            bytes as f64 / (1024.0 * 1024.0),
            MAX_INPUT_BYTES / (1024 * 1024)
        ),
        excerpt: None,
    }
}

fn syntax_error(input: &str, err: &serde_json::Error) -> Diagnostic {
    let (line, column) = (err.line(), err.column());
    // serde_json appends " at line L column C"; the location is shown separately.
    let text = err.to_string();
    let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_owned();
    let message = if message.contains("recursion limit") {
        "the JSON is nested too deeply (more than 128 levels)".to_owned()
    } else if looks_like_prose(input) {
        format!(
            "invalid JSON: {message}; this looks like plain text, not article JSON: to find its quotes, open it in the Author view (or `counterpoint extract`)"
        )
    } else {
        format!("invalid JSON: {message}")
    };
    Diagnostic {
        severity: Severity::Error,
        location: Location::Text { line, column },
        message,
        excerpt: excerpt(input, line, column),
    }
}

/// Whether `input` starts as a story does (a letter, a digit followed by a letter, or an opening
/// quote mark) rather than as JSON: someone pasted the article's text instead of its JSON.
fn looks_like_prose(input: &str) -> bool {
    let mut words = input.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let starts_as_text = first.chars().next().is_some_and(|c| c.is_alphabetic() || "“‘«„\"'".contains(c));
    // `true`, `false` and `null` are JSON; a story has more than one word.
    starts_as_text && !matches!(first, "true" | "false" | "null") && words.next().is_some()
}

/// The offending line with a caret under the column, both cut to a readable width.
pub fn excerpt(input: &str, line: usize, column: usize) -> Option<String> {
    const WIDTH: usize = 80;
    let text = input.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = text.chars().collect();
    // serde_json counts columns in bytes; convert to characters for the caret.
    let byte_col = column.saturating_sub(1).min(text.len());
    let col = text.char_indices().take_while(|&(b, _)| b < byte_col).count();
    let from = col.saturating_sub(WIDTH / 2);
    let to = (from + WIDTH).min(chars.len());
    let shown: String = chars[from..to].iter().map(|&c| if c == '\t' { ' ' } else { c }).collect();
    let lead = if from > 0 { "…" } else { "" };
    let caret_at = col - from + lead.chars().count();
    Some(format!("{lead}{shown}\n{}^", " ".repeat(caret_at)))
}

/// What a JSON value must look like.
enum Shape {
    /// A non-empty string.
    Text,
    /// A string that may be empty.
    AnyText,
    /// A non-empty string of letters, digits, `-`, `_`, `.` or `:`.
    Id,
    Integer,
    OneOf(&'static [&'static str]),
    List(&'static Shape),
    /// A list with at least one entry.
    NonEmptyList(&'static Shape),
    Object(&'static [Field]),
}

struct Field {
    name: &'static str,
    required: bool,
    shape: Shape,
}

const fn req(name: &'static str, shape: Shape) -> Field {
    Field { name, required: true, shape }
}

const fn opt(name: &'static str, shape: Shape) -> Field {
    Field { name, required: false, shape }
}

const SOURCE: &[Field] = &[req("name", Shape::Text), opt("url", Shape::AnyText)];
const SIDE: Shape = Shape::Object(&[req("id", Shape::Id), req("label", Shape::Text), opt("color", Shape::AnyText)]);
const SPEAKER: Shape = Shape::Object(&[
    req("id", Shape::Id),
    req("name", Shape::Text),
    opt("role", Shape::AnyText),
    req("side", Shape::Id),
]);
const TOPIC: Shape = Shape::Object(&[req("id", Shape::Id), req("label", Shape::Text)]);
const QUOTE: Shape = Shape::Object(&[
    req("id", Shape::Id),
    req("speaker", Shape::Id),
    req("kind", Shape::OneOf(&["direct", "partial", "paraphrase"])),
    opt("topics", Shape::List(&Shape::Id)),
    req("text", Shape::Text),
    opt("prefix", Shape::AnyText),
    opt("suffix", Shape::AnyText),
    opt("side", Shape::Id),
    opt("hint", Shape::Object(&[req("paragraph", Shape::Integer), req("start", Shape::Integer)])),
]);
const ARTICLE: &[Field] = &[
    req("format_version", Shape::Integer),
    req("title", Shape::Text),
    req("source", Shape::Object(SOURCE)),
    opt("published", Shape::AnyText),
    req("language", Shape::Text),
    req("body", Shape::NonEmptyList(&Shape::AnyText)),
    req("sides", Shape::NonEmptyList(&SIDE)),
    req("speakers", Shape::List(&SPEAKER)),
    req("topics", Shape::List(&TOPIC)),
    req("quotes", Shape::List(&QUOTE)),
];

#[derive(Default)]
struct Collector {
    diagnostics: Vec<Diagnostic>,
}

impl Collector {
    fn push(&mut self, severity: Severity, path: &str, message: String) {
        self.diagnostics.push(Diagnostic {
            severity,
            location: Location::Path(path.to_owned()),
            message,
            excerpt: None,
        });
    }

    fn error(&mut self, path: &str, message: String) {
        self.push(Severity::Error, path, message);
    }

    fn warning(&mut self, path: &str, message: String) {
        self.push(Severity::Warning, path, message);
    }

    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// A short description of a JSON value for "found …" messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) if s.is_empty() => "an empty string".to_owned(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let ellipsis = if s.chars().count() > 40 { "…" } else { "" };
            format!("a string ({short:?}{ellipsis})")
        }
        Value::Array(a) if a.is_empty() => "an empty list".to_owned(),
        Value::Array(a) if a.len() == 1 => "a list of 1 entry".to_owned(),
        Value::Array(a) => format!("a list of {} entries", a.len()),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Letters, digits, `-`, `_`, `.` and `:`, at least one.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

fn check_shape(value: &Value, shape: &Shape, path: &str, out: &mut Collector) {
    match (shape, value) {
        (Shape::Text, Value::String(s)) if !s.trim().is_empty() => {}
        (Shape::Text, found) => out.error(path, format!("expected a non-empty string, found {}", describe(found))),
        (Shape::AnyText, Value::String(_)) => {}
        (Shape::AnyText, found) => out.error(path, format!("expected a string, found {}", describe(found))),
        (Shape::Id, Value::String(s)) if is_id(s) => {}
        (Shape::Id, found) => out
            .error(path, format!("expected an id (letters, digits, '-', '_', '.' or ':'), found {}", describe(found))),
        (Shape::Integer, Value::Number(n)) if n.is_u64() => {}
        (Shape::Integer, found) => out.error(path, format!("expected a whole number, found {}", describe(found))),
        (Shape::OneOf(options), Value::String(s)) if options.contains(&s.as_str()) => {}
        (Shape::OneOf(options), found) => {
            out.error(path, format!("expected one of {}, found {}", quoted_list(options), describe(found)));
        }
        (Shape::List(item) | Shape::NonEmptyList(item), Value::Array(items)) => {
            if items.is_empty() && matches!(shape, Shape::NonEmptyList(_)) {
                out.error(path, "expected at least one entry, found an empty list".to_owned());
            }
            for (i, v) in items.iter().enumerate() {
                check_shape(v, item, &format!("{path}[{i}]"), out);
            }
        }
        (Shape::List(_) | Shape::NonEmptyList(_), found) => {
            out.error(path, format!("expected a list, found {}", describe(found)));
        }
        (Shape::Object(fields), Value::Object(map)) => {
            for field in fields.iter() {
                let field_path = format!("{path}.{}", field.name);
                match map.get(field.name) {
                    Some(v) => check_shape(v, &field.shape, &field_path, out),
                    None if field.required => out.error(&field_path, "required field is missing".to_owned()),
                    None => {}
                }
            }
            for key in map.keys() {
                if !fields.iter().any(|f| f.name == key) {
                    out.warning(&format!("{path}.{key}"), "unknown field, ignored".to_owned());
                }
            }
        }
        (Shape::Object(_), found) => out.error(path, format!("expected an object, found {}", describe(found))),
    }
}

fn quoted_list(options: &[&str]) -> String {
    options.iter().map(|o| format!("\"{o}\"")).collect::<Vec<_>>().join(", ")
}

/// Validates a parsed JSON value as an article.
pub fn validate_value(value: &Value) -> Report {
    let mut out = Collector::default();
    // A different version is reported on its own: its other differences would only be noise.
    if let Some(version) = value.get("format_version").and_then(Value::as_u64) {
        if version != FORMAT_VERSION {
            out.error(
                "$.format_version",
                format!(
                    "this article uses format version {version}; this build of Counterpoint reads format version {FORMAT_VERSION}"
                ),
            );
            return finish(out, None);
        }
    }
    check_shape(value, &Shape::Object(ARTICLE), "$", &mut out);
    if out.has_errors() {
        return finish(out, None);
    }
    let article: Article = match serde_json::from_value(value.clone()) {
        Ok(article) => article,
        Err(err) => {
            out.error("$", format!("could not read the article: {err}"));
            return finish(out, None);
        }
    };
    check_references(&article, &mut out);
    check_values(&article, &mut out);
    let ok = !out.has_errors();
    finish(out, ok.then_some(article))
}

fn finish(out: Collector, article: Option<Article>) -> Report {
    let mut diagnostics = out.diagnostics;
    // Errors first, each group in document order.
    diagnostics.sort_by_key(|d| d.severity != Severity::Error);
    let more = diagnostics.len().saturating_sub(MAX_LISTED);
    diagnostics.truncate(MAX_LISTED);
    Report { article, diagnostics, more }
}

/// Reports duplicate ids among `ids`, which live at `path[i].id`.
fn check_unique<'a>(ids: impl Iterator<Item = &'a str>, path: &str, out: &mut Collector) -> HashSet<&'a str> {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = first_seen.get(id) {
            out.error(&format!("{path}[{i}].id"), format!("duplicate id \"{id}\" (first used at {path}[{first}])"));
        } else {
            first_seen.insert(id, i);
        }
    }
    first_seen.into_keys().collect()
}

fn check_references(article: &Article, out: &mut Collector) {
    let sides = check_unique(article.sides.iter().map(|s| s.id.as_str()), "$.sides", out);
    let speakers = check_unique(article.speakers.iter().map(|s| s.id.as_str()), "$.speakers", out);
    let topics = check_unique(article.topics.iter().map(|t| t.id.as_str()), "$.topics", out);
    check_unique(article.quotes.iter().map(|q| q.id.as_str()), "$.quotes", out);

    for (i, speaker) in article.speakers.iter().enumerate() {
        if !sides.contains(speaker.side.as_str()) {
            out.error(&format!("$.speakers[{i}].side"), unknown("side", &speaker.side, &sides));
        }
    }
    let mut used_topics = HashSet::new();
    for (i, quote) in article.quotes.iter().enumerate() {
        if !speakers.contains(quote.speaker.as_str()) {
            out.error(&format!("$.quotes[{i}].speaker"), unknown("speaker", &quote.speaker, &speakers));
        }
        if let Some(side) = &quote.side {
            if !sides.contains(side.as_str()) {
                out.error(&format!("$.quotes[{i}].side"), unknown("side", side, &sides));
            }
        }
        for (j, topic) in quote.topics.iter().enumerate() {
            if topics.contains(topic.as_str()) {
                used_topics.insert(topic.as_str());
            } else {
                out.error(&format!("$.quotes[{i}].topics[{j}]"), unknown("topic", topic, &topics));
            }
        }
    }
    for (i, topic) in article.topics.iter().enumerate() {
        if !used_topics.contains(topic.id.as_str()) {
            out.warning(&format!("$.topics[{i}]"), format!("topic \"{}\" is not used by any quote", topic.id));
        }
    }
}

fn unknown(what: &str, id: &str, known: &HashSet<&str>) -> String {
    let mut known: Vec<&str> = known.iter().copied().collect();
    known.sort_unstable();
    let known = if known.is_empty() { "none are defined".to_owned() } else { format!("known: {}", known.join(", ")) };
    format!("unknown {what} \"{id}\" ({known})")
}

fn check_values(article: &Article, out: &mut Collector) {
    for (i, side) in article.sides.iter().enumerate() {
        if let Some(color) = &side.color {
            if !is_hex_color(color) {
                out.warning(
                    &format!("$.sides[{i}].color"),
                    format!("expected a colour like \"#1f5fa8\", found {color:?}; the default colour is used"),
                );
            }
        }
    }
    if let Some(url) = &article.source.url {
        if !is_web_url(url) {
            out.warning("$.source.url", format!("only http: and https: links are shown, found {url:?}"));
        }
    }
    if let Some(date) = &article.published {
        if !is_partial_iso_date(date) {
            out.warning("$.published", format!("expected a date like \"2016-09-25\", found {date:?}"));
        }
    }
}

/// `#rgb` or `#rrggbb`. Anything else could smuggle CSS, so it is never used.
pub fn is_hex_color(s: &str) -> bool {
    crate::palette::Rgb::from_hex(s).is_some()
}

/// Whether a URL may be shown as a link: only `http:` and `https:`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_control)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_partial_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

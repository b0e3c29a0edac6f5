//! Collections on the command line: `validate` on a collection file, and `collect`.
//!
//! `validate COLLECTION.json` checks the collection's own fields, then opens each article as
//! `Collection::open` does in the app, reading each `src` from a file relative to the collection
//! file's folder (`..` and absolute paths too: it is the user's own disk). A web address is
//! reported, not fetched. The output is `validate`'s: one line per problem with the file in front,
//! the collection's own problems first, then a line per article naming it
//! (`$.articles[2] (rt.json): rt: broken`) followed by its problems, then a count:
//!
//! ```text
//! news.json: $.articles[0] (gazette.json): Test Gazette: opened
//! news.json: $.articles[0]: warning: the article's side "union" (Union) is none of the collection's sides, …
//! news.json: $.articles[1] (rt.json): rt: broken
//! news.json: $.articles[1].src: error: could not open "rt.json": rt.json: cannot read: No such file …
//! news.json: 2 articles, 1 opened, 1 broken
//! ```
//!
//! A problem inside an article read from a file is printed with that file's path in front
//! (`gazette.json: $.quotes[3].speaker: error: …`, `gazette.json:4:3: error: invalid JSON …`),
//! one inside an inline article with the collection's and the article's path in it
//! (`news.json: $.articles[1].article.title: error: …`). Quotes that do not anchor are warned about
//! per article as for a lone article.
//!
//! `collect --title T [--link] [--out FILE] ARTICLE.json...` validates every article first (their
//! diagnostics on stderr, nothing written and exit code 1 when any has an error or is itself a
//! collection), then writes `collection::collect`'s document on stdout, or to FILE: a file that is
//! written only then, where `> FILE` would have emptied it before the articles were read.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use counterpoint_core::collection::{check_spec, load_spec, Collection, Fetched};
use counterpoint_core::validate::{Diagnostic, Location, Severity};

use crate::out::outln;
use crate::{anchor_lines, diagnostic_lines, load_file, read_text};

/// Checks a collection's text (already read from `file`) and every article in it: the number of
/// errors and the lines `validate` prints.
pub fn validate(file: &str, input: &str) -> (usize, Vec<String>) {
    let report = load_spec(input);
    let mut errors = 0;
    let mut lines = Vec::new();
    for d in &report.diagnostics {
        errors += usize::from(d.severity == Severity::Error);
        lines.extend(diagnostic_lines(file, d));
    }
    let Some(spec) = report.spec else {
        lines.push(format!("{file}: the collection has errors, so its articles were not opened"));
        return (errors.max(1), lines);
    };
    let dir = Path::new(file).parent().unwrap_or(Path::new(""));
    // Each file is read once, before opening: `Collection::open` borrows the texts.
    let mut texts: HashMap<&str, Result<String, String>> = HashMap::new();
    for entry in spec.articles.iter().filter(|e| e.article.is_none()) {
        if let Some(src) = entry.src.as_deref() {
            texts.entry(src).or_insert_with(|| read_src(dir, src));
        }
    }
    let collection = Collection::open(&spec, |src| match texts.get(src) {
        Some(Ok(text)) => Fetched::Text(text),
        Some(Err(why)) => Fetched::Failed(why.clone()),
        None => Fetched::Failed("not read".to_owned()),
    });
    for (i, (outlet, entry)) in collection.outlets.iter().zip(&spec.articles).enumerate() {
        let state = if outlet.article.is_some() { "opened" } else { "broken" };
        let origin = entry.src.as_deref().filter(|_| entry.article.is_none());
        lines.push(format!("{file}: $.articles[{i}] ({}): {}: {state}", origin.unwrap_or("inline"), outlet.name));
        let article_file = origin.map(|src| (src, dir.join(src).display().to_string()));
        for d in &outlet.diagnostics {
            errors += usize::from(d.severity == Severity::Error);
            lines.extend(outlet_diagnostic_lines(file, article_file.as_ref(), d));
        }
        if let Some(article) = &outlet.article {
            lines.extend(match &article_file {
                Some((_, path)) => anchor_lines(path, "$", article),
                None => anchor_lines(file, &format!("$.articles[{i}].article"), article),
            });
        }
    }
    let total = collection.outlets.len();
    let opened = collection.opened();
    let articles = if total == 1 { "article" } else { "articles" };
    lines.push(format!("{file}: {total} {articles}, {opened} opened, {} broken", total - opened));
    (errors, lines)
}

/// The text of the article at `src`, relative to the collection's folder `dir`, or why not.
fn read_src(dir: &Path, src: &str) -> Result<String, String> {
    let lower = src.trim_start().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err("validate reads files; a web address was not fetched".to_owned());
    }
    let path = dir.join(src);
    read_text(&path).map_err(|why| format!("{}: {why}", path.display()))
}

/// One of an outlet's diagnostics. `Collection::open` puts the article's `src` in front of the
/// problems found inside that article's file (`rt.json: $.title`, or in the message of a line and
/// column); those are printed against the file itself, the way `validate` prints a lone article,
/// so an editor can jump there. Everything else is about the collection file.
fn outlet_diagnostic_lines(file: &str, article_file: Option<&(&str, String)>, d: &Diagnostic) -> Vec<String> {
    if let Some((src, path)) = article_file {
        let prefix = format!("{src}: ");
        let mut inside = d.clone();
        match &d.location {
            Location::Path(at) => {
                if let Some(rest) = at.strip_prefix(&prefix) {
                    inside.location = Location::Path(rest.to_owned());
                    return diagnostic_lines(path, &inside);
                }
            }
            Location::Text { .. } | Location::Input => {
                if let Some(rest) = d.message.strip_prefix(&prefix) {
                    inside.message = rest.to_owned();
                    return diagnostic_lines(path, &inside);
                }
            }
        }
    }
    diagnostic_lines(file, d)
}

/// `collect --title TITLE [--link] ARTICLE.json...`.
#[derive(Debug, PartialEq)]
pub struct CollectArgs {
    pub title: String,
    /// Write each article as `src` (its path as given) rather than inline.
    pub link: bool,
    /// Where to write the collection instead of stdout.
    pub out: Option<std::path::PathBuf>,
    pub files: Vec<String>,
}

impl CollectArgs {
    /// Options may come in any order, `--title=T` too; `--` ends them.
    pub fn parse(args: &[String]) -> Result<CollectArgs, String> {
        let mut title = None;
        let mut link = false;
        let mut out = None;
        let mut files = Vec::new();
        let mut options_done = false;
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if options_done || !arg.starts_with("--") {
                files.push(arg.clone());
                continue;
            }
            match arg.split_once('=') {
                Some(("--title", value)) => title = Some(value.to_owned()),
                None if arg == "--title" => title = Some(iter.next().ok_or("--title needs a value")?.clone()),
                None if arg == "--link" => link = true,
                Some(("--link", _)) => return Err("--link takes no value".to_owned()),
                Some(("--out", value)) => out = Some(value.into()),
                None if arg == "--out" => out = Some(iter.next().ok_or("--out needs a FILE")?.into()),
                None if arg == "--" => options_done = true,
                _ => return Err(format!("unknown option {arg}")),
            }
        }
        let title = title.ok_or("collect needs --title TITLE")?;
        if title.trim().is_empty() {
            return Err("--title needs a non-empty title".to_owned());
        }
        if files.is_empty() {
            return Err("collect needs at least one ARTICLE.json".to_owned());
        }
        Ok(CollectArgs { title, link, out, files })
    }
}

/// Writes the collection of the articles on stdout. Each article is validated as `validate` does,
/// with its lines on stderr (warnings too); any error, or a collection among the inputs, and
/// nothing is written.
pub fn collect(args: &CollectArgs) -> ExitCode {
    let mut articles = Vec::new();
    let mut failed = false;
    for file in &args.files {
        let (article, errors, lines) = load_file(file);
        for line in &lines {
            eprintln!("{line}");
        }
        match article.filter(|_| errors == 0) {
            Some(article) => articles.push((file.clone(), args.link.then(|| file.clone()), article)),
            None => failed = true,
        }
    }
    if failed {
        eprintln!("counterpoint: every article must be valid to collect; nothing was written");
        return ExitCode::FAILURE;
    }
    let doc = counterpoint_core::collection::collect(&args.title, &articles);
    // What collect writes must load: a collection of valid articles always should, and a
    // document that did not would be no use on stdout.
    let report = check_spec(&doc);
    let Some(spec) = report.spec else {
        for d in &report.diagnostics {
            eprintln!("counterpoint: the collection: {d}");
        }
        eprintln!("counterpoint: nothing was written");
        return ExitCode::FAILURE;
    };
    // Written from the spec, whose fields keep the format's order (kind and title first, the
    // articles last), where the document's map would sort them.
    let json = match serde_json::to_string_pretty(&spec) {
        Ok(json) => json,
        Err(err) => {
            eprintln!("counterpoint: cannot write JSON: {err}");
            return ExitCode::FAILURE;
        }
    };
    match &args.out {
        None => outln!("{json}"),
        Some(file) => {
            if let Err(err) = std::fs::write(file, json + "\n") {
                eprintln!("counterpoint: {}: cannot write: {err}", file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    fn check(line: &str, expect: Result<(&str, bool, &[&str]), &str>) {
        let expect = expect
            .map(|(title, link, files)| CollectArgs {
                title: title.to_owned(),
                link,
                out: None,
                files: files.iter().map(|f| (*f).to_owned()).collect(),
            })
            .map_err(str::to_owned);
        assert_eq!(CollectArgs::parse(&args(line)), expect, "parsing {line:?}");
    }

    #[test]
    fn collect_arguments() {
        check("--title Budget a.json b.json", Ok(("Budget", false, &["a.json", "b.json"])));
        check("a.json --link --title=Budget", Ok(("Budget", true, &["a.json"])));
        check("--title T -- --odd.json", Ok(("T", false, &["--odd.json"])));
        check("a.json", Err("collect needs --title TITLE"));
        check("--title", Err("--title needs a value"));
        check("--title= a.json", Err("--title needs a non-empty title"));
        check("--title T", Err("collect needs at least one ARTICLE.json"));
        check("--title T --link=yes a.json", Err("--link takes no value"));
        check("--title T --inline a.json", Err("unknown option --inline"));
    }

    #[test]
    fn a_web_address_is_not_fetched() {
        for src in ["https://news.example/a.json", "HTTP://news.example/a.json"] {
            let why = read_src(Path::new("."), src).unwrap_err();
            assert_eq!(why, "validate reads files; a web address was not fetched");
        }
        let why = read_src(Path::new("/nonexistent-dir"), "a.json").unwrap_err();
        assert!(why.starts_with("/nonexistent-dir/a.json: cannot read: "), "{why}");
    }
}

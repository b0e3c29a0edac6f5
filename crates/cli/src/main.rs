//! The native command line, for newsroom pipelines and research batches.
//!
//! ```text
//! counterpoint validate FILE...
//! counterpoint extract [--format article|spans] [--paraphrase] [--out-dir DIR [--force]] FILE...
//! counterpoint collect --title TITLE [--link] [--out FILE] ARTICLE.json...
//! counterpoint eval
//! counterpoint bench [MB] [--save FILE]
//! counterpoint publish ARTICLE.json --out DIR [--site dist/site]
//! counterpoint annotations ARTICLE.json [--target URL]
//! ```
//!
//! `validate` takes articles and collections alike: a collection's articles are opened each on its
//! own, those named by `src` read from files beside it (`collection.rs`). `collect` writes a
//! collection of articles on stdout; `extract --out-dir` then `collect` takes a folder of
//! plain-text stories to a collection.

mod collection;
mod out;
mod publish;

use crate::out::outln;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use counterpoint_core::anchor::{anchor_article, AnchorStatus};
use counterpoint_core::model::Article;
use counterpoint_core::validate::{load_article, Diagnostic, Location, Severity, MAX_INPUT_BYTES};

const USAGE: &str = "\
usage: counterpoint validate FILE...
       counterpoint extract [--format article|spans] [--paraphrase] [--out-dir DIR [--force]] FILE...
       counterpoint collect --title TITLE [--link] [--out FILE] ARTICLE.json...
       counterpoint eval
       counterpoint bench [MB] [--save FILE]
       counterpoint publish ARTICLE.json --out DIR [--site dist/site]
       counterpoint annotations ARTICLE.json [--target URL]
       counterpoint --version

validate checks articles and collections. A collection's articles are each checked on their own;
a src is read relative to the collection file's folder (a web address is not fetched), and the
collection ends with a count of the articles opened and broken. Exit code 1 on any error.
collect writes a collection of the articles on stdout (or to --out FILE, written only when every
article is valid), each one inline, or with --link by its path as given (relative paths resolve from the collection's folder: run it from there). Every
article must validate first; otherwise their diagnostics go to stderr and nothing is written.
publish writes a ready-to-host folder with the article built in and pre-rendered, and
DIR/counterpoint.html to open from disk, from the app `cargo xtask dist` built.
extract writes direct and partial quotes; --paraphrase adds reported speech without quote
marks (kind \"paraphrase\"). --format article writes the article the authoring view builds
from the same text, with the file's name as the source. With --out-dir, an existing JSON file
(perhaps edited by hand) is not overwritten unless --force is given, and two inputs of the same
name are refused: nothing is written then.
annotations prints the anchored quotes as a W3C Web Annotation collection (JSON-LD) on the
page --target names, else the article's source.url, else a urn:uuid: derived from its text.";

/// The size of the generated text `bench` measures by default.
const DEFAULT_BENCH_MB: usize = 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.split_first() {
        Some((command, files)) if command == "validate" && !files.is_empty() => return validate(files),
        Some((command, rest)) if command == "extract" => ExtractArgs::parse(rest).map(Command::Extract),
        Some((command, rest)) if command == "collect" => collection::CollectArgs::parse(rest).map(Command::Collect),
        Some((command, rest)) if command == "eval" && rest.is_empty() => Ok(Command::Eval),
        Some((command, rest)) if command == "bench" => parse_bench(rest).map(Command::Bench),
        Some((command, rest)) if command == "annotations" => AnnotationArgs::parse(rest).map(Command::Annotations),
        Some((command, rest)) if command == "publish" => publish::PublishArgs::parse(rest).map(Command::Publish),
        Some((command, _)) if matches!(command.as_str(), "help" | "--help" | "-h") => {
            outln!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some((command, _)) if matches!(command.as_str(), "--version" | "-V" | "version") => {
            outln!("counterpoint {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some((command, _)) if command == "validate" => Err("validate needs at least one FILE".to_owned()),
        Some((command, rest)) if command == "eval" => Err(format!("eval takes no arguments, found {:?}", rest[0])),
        Some((command, _)) => Err(format!("unknown command {command:?}")),
        None => Err(String::new()),
    };
    match parsed {
        Ok(Command::Extract(args)) => extract(&args),
        Ok(Command::Collect(args)) => collection::collect(&args),
        Ok(Command::Eval) => {
            // Fails when a figure falls below its floor (tests/data/extract/floors.txt).
            let (report, ok) = counterpoint_extract::dev_set_check();
            outln!("{}", report.trim_end_matches('\n'));
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Ok(Command::Bench(args)) => bench(&args),
        Ok(Command::Publish(args)) => publish::publish(&args),
        Ok(Command::Annotations(args)) => annotations(&args),
        Err(message) => {
            if !message.is_empty() {
                eprintln!("counterpoint: {message}");
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[derive(Debug, PartialEq)]
enum Command {
    Extract(ExtractArgs),
    Collect(collection::CollectArgs),
    Eval,
    Bench(BenchArgs),
    Publish(publish::PublishArgs),
    Annotations(AnnotationArgs),
}

/// `annotations ARTICLE.json [--target URL]`.
#[derive(Debug, PartialEq)]
struct AnnotationArgs {
    file: String,
    target: Option<String>,
}

impl AnnotationArgs {
    fn parse(args: &[String]) -> Result<AnnotationArgs, String> {
        let mut file = None;
        let mut target = None;
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if arg == "--target" {
                target = Some(iter.next().ok_or("--target needs a URL")?.clone());
            } else if let Some(url) = arg.strip_prefix("--target=") {
                target = Some(url.to_owned());
            } else if arg.starts_with("--") {
                return Err(format!("unknown option {arg}"));
            } else if file.is_none() {
                file = Some(arg.clone());
            } else {
                return Err(format!("annotations takes one ARTICLE.json, found {arg:?} too"));
            }
        }
        if target.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err("--target needs a URL".to_owned());
        }
        Ok(AnnotationArgs { file: file.ok_or("annotations needs an ARTICLE.json")?, target })
    }
}

/// `bench [MB] [--save FILE]`: the size of the generated text, and where to write it so the
/// browser benchmark can extract the very same text.
#[derive(Debug, PartialEq)]
struct BenchArgs {
    mb: usize,
    save: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    Article,
    Spans,
}

#[derive(Debug, PartialEq)]
struct ExtractArgs {
    format: Format,
    /// Also write paraphrases (reported speech without quote marks).
    paraphrase: bool,
    out_dir: Option<PathBuf>,
    /// Overwrite JSON files already in `out_dir`.
    force: bool,
    files: Vec<PathBuf>,
}

impl ExtractArgs {
    /// Reads `[--format article|spans] [--paraphrase] [--out-dir DIR [--force]] FILE...`; options may come
    /// in any order and also as `--format=spans`. `--` ends the options.
    fn parse(args: &[String]) -> Result<ExtractArgs, String> {
        let mut format = Format::Article;
        let mut paraphrase = false;
        let mut out_dir = None;
        let mut force = false;
        let mut files = Vec::new();
        let mut iter = args.iter();
        let mut options_done = false;
        while let Some(arg) = iter.next() {
            if options_done || !arg.starts_with("--") {
                files.push(PathBuf::from(arg));
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (arg.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| iter.next().cloned()).ok_or(format!("{name} needs a value"));
            match name {
                "--" => options_done = true,
                "--format" => {
                    format = match value()?.as_str() {
                        "article" => Format::Article,
                        "spans" => Format::Spans,
                        other => return Err(format!("unknown format {other:?} (use article or spans)")),
                    }
                }
                "--out-dir" => out_dir = Some(PathBuf::from(value()?)),
                "--paraphrase" if inline.is_none() => paraphrase = true,
                "--paraphrase" => return Err("--paraphrase takes no value".to_owned()),
                "--force" if inline.is_none() => force = true,
                "--force" => return Err("--force takes no value".to_owned()),
                other => return Err(format!("unknown option {other}")),
            }
        }
        if files.is_empty() {
            return Err("extract needs at least one FILE".to_owned());
        }
        if force && out_dir.is_none() {
            return Err("--force only applies with --out-dir".to_owned());
        }
        Ok(ExtractArgs { format, paraphrase, out_dir, force, files })
    }
}

fn parse_bench(args: &[String]) -> Result<BenchArgs, String> {
    let mut parsed = BenchArgs { mb: DEFAULT_BENCH_MB, save: None };
    let mut sized = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--save" {
            parsed.save = Some(PathBuf::from(iter.next().ok_or("--save needs a FILE")?));
        } else if let Some(file) = arg.strip_prefix("--save=") {
            parsed.save = Some(PathBuf::from(file));
        } else if !sized {
            parsed.mb = arg
                .parse()
                .ok()
                .filter(|&mb| mb > 0)
                .ok_or(format!("MB must be a positive whole number, found {arg:?}"))?;
            sized = true;
        } else {
            return Err(format!("bench takes one MB and --save FILE, found {arg:?}"));
        }
    }
    Ok(parsed)
}

/// Where `--out-dir` puts the JSON for `file`: `NAME.txt` becomes `DIR/NAME.json`.
fn output_path(out_dir: &Path, file: &Path) -> PathBuf {
    let mut name = file.file_stem().map_or_else(|| "out".into(), |s| s.to_os_string());
    name.push(".json");
    out_dir.join(name)
}

/// Where `--out-dir` puts each input's JSON, or why nothing may be written: two inputs whose
/// JSON would have the same name (one would silently replace the other), or a file already
/// there (an article someone may have edited by hand) unless `force`.
fn output_paths(
    out_dir: &Path,
    files: &[PathBuf],
    force: bool,
    exists: impl Fn(&Path) -> bool,
) -> Result<Vec<PathBuf>, Vec<String>> {
    let paths: Vec<PathBuf> = files.iter().map(|file| output_path(out_dir, file)).collect();
    let mut problems = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        if let Some(first) = paths[..i].iter().position(|p| p == path) {
            problems.push(format!(
                "{} and {} would both be written to {}: extract them into different folders",
                files[first].display(),
                files[i].display(),
                path.display()
            ));
        } else if !force && exists(path) {
            problems.push(format!(
                "{} exists and may hold your edits: move it away, or pass --force to replace it",
                path.display()
            ));
        }
    }
    if problems.is_empty() {
        Ok(paths)
    } else {
        Err(problems)
    }
}

/// Extracts each file; without `--out-dir` the JSON goes to stdout, one document per file.
/// Paraphrases are left out unless `--paraphrase` asks for them: the spans format feeds scorers
/// that count any span they do not expect as a false positive.
/// A file that cannot be read is reported and the others still run; the exit code is then 1.
fn extract(args: &ExtractArgs) -> ExitCode {
    use counterpoint_extract::{extract, extract_draft, to_spans_json};
    let mut outputs = None;
    if let Some(dir) = &args.out_dir {
        match output_paths(dir, &args.files, args.force, Path::exists) {
            Ok(paths) => outputs = Some(paths),
            Err(problems) => {
                for problem in problems {
                    eprintln!("counterpoint: {problem}");
                }
                eprintln!("counterpoint: nothing was written");
                return ExitCode::FAILURE;
            }
        }
        if let Err(err) = std::fs::create_dir_all(dir) {
            eprintln!("{}: cannot create: {err}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let mut failed = false;
    for (i, file) in args.files.iter().enumerate() {
        let text = match read_text(file) {
            Ok(text) => text,
            Err(why) => {
                eprintln!("{}: {why}", file.display());
                failed = true;
                continue;
            }
        };
        let value = match args.format {
            Format::Article => {
                // The authoring view's path: the text to a draft, the draft to an article.
                let mut article = extract_draft(&text, args.paraphrase).to_article();
                // The outlet is unknown; the file's name tells stories apart once collected.
                if let Some(name) = file.file_name() {
                    article.source.name = name.to_string_lossy().into_owned();
                }
                serde_json::to_value(article)
            }
            Format::Spans => {
                let extraction = if args.paraphrase { extract(&text) } else { extract(&text).without_paraphrases() };
                Ok(to_spans_json(&extraction))
            }
        };
        let json = match value.and_then(|v| serde_json::to_string_pretty(&v)) {
            Ok(json) => json,
            Err(err) => {
                eprintln!("{}: cannot write JSON: {err}", file.display());
                failed = true;
                continue;
            }
        };
        match outputs.as_ref().map(|paths| &paths[i]) {
            Some(path) => {
                if let Err(err) = std::fs::write(path, json + "\n") {
                    eprintln!("{}: cannot write: {err}", path.display());
                    failed = true;
                }
            }
            None => outln!("{json}"),
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Measures native extraction throughput on generated news text: the best of three runs.
fn bench(args: &BenchArgs) -> ExitCode {
    let text = counterpoint_extract::bench_text(args.mb);
    if let Some(file) = &args.save {
        if let Err(err) = std::fs::write(file, &text) {
            eprintln!("counterpoint: cannot write {}: {err}", file.display());
            return ExitCode::FAILURE;
        }
    }
    let mb = text.len() as f64 / 1e6;
    // Best of three, for the whole text at once and slice by slice as the authoring view does.
    let time = |work: &dyn Fn() -> usize| -> (f64, usize) {
        let mut best = f64::MAX;
        let mut quotes = 0;
        for _ in 0..3 {
            let started = Instant::now();
            quotes = work();
            best = best.min(started.elapsed().as_secs_f64());
        }
        (best, quotes)
    };
    let (whole, quotes) = time(&|| counterpoint_extract::extract(&text).quotes.len());
    outln!(
        "native, whole text: {mb:.1} MB, {quotes} quotes, best of 3 in {:.0} ms: {:.1} MB/s",
        whole * 1e3,
        mb / whole
    );
    let (sliced, quotes) = time(&|| {
        let mut job = counterpoint_extract::DraftExtraction::new(&text);
        while !job.step() {}
        job.finish().quotes.len()
    });
    outln!(
        "native, in slices as the app: {mb:.1} MB, {quotes} quotes, best of 3 in {:.0} ms: {:.1} MB/s",
        sliced * 1e3,
        mb / sliced
    );
    ExitCode::SUCCESS
}

/// Prints the article's anchored quotes as a Web Annotation collection. An article that does not
/// load gets the diagnostics `validate` prints (on stderr), and exit code 1; quotes that did not anchor are
/// left out and counted on stderr.
fn annotations(args: &AnnotationArgs) -> ExitCode {
    let (article, errors, lines) = load_file(&args.file);
    let Some(article) = article.filter(|_| errors == 0) else {
        // On stderr, so that a broken article never leaves text in a file meant for the document.
        for line in lines {
            eprintln!("{line}");
        }
        return ExitCode::FAILURE;
    };
    let explorer = counterpoint_core::explorer::Explorer::new(article);
    let export = counterpoint_core::annotations::annotations(&explorer, args.target.as_deref());
    outln!("{}", export.to_json());
    let total = explorer.article.quotes.len();
    if export.unanchored > 0 {
        eprintln!(
            "{}: left out {} of {total} quotes: not found in the text (`counterpoint validate` lists them)",
            args.file, export.unanchored
        );
    }
    if export.target_is_fallback {
        eprintln!(
            "{}: the article has no source.url and no --target was given: the target is {}, derived from the text",
            args.file, export.target
        );
    }
    ExitCode::SUCCESS
}

/// Prints each problem as `FILE:LINE:COL: message` (broken JSON) or `FILE: PATH: message`, and exits
/// with 1 when any file has an error. A collection also gets a line per article and a count of
/// those that opened (`collection::validate`).
fn validate(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        let (errors, lines) = validate_file(file);
        failed |= errors > 0;
        for line in lines {
            outln!("{line}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks one file, an article or a collection: the number of errors and the lines `validate`
/// prints for it.
fn validate_file(file: &str) -> (usize, Vec<String>) {
    let input = match read_text(Path::new(file)) {
        Ok(input) => input,
        Err(why) => return (1, vec![format!("{file}: error: {why}")]),
    };
    if counterpoint_core::collection::looks_like_collection(&input) {
        return collection::validate(file, &input);
    }
    let (_, errors, lines) = article_lines(file, &input);
    (errors, lines)
}

/// Reads and validates one article: the article when it loaded, the number of errors, and the
/// lines `validate` prints for it. A collection is an error here: the commands that call this
/// take one article.
fn load_file(file: &str) -> (Option<Article>, usize, Vec<String>) {
    let input = match read_text(Path::new(file)) {
        Ok(input) => input,
        Err(why) => return (None, 1, vec![format!("{file}: error: {why}")]),
    };
    if counterpoint_core::collection::looks_like_collection(&input) {
        return (None, 1, vec![format!("{file}: error: this is a collection of articles, not an article")]);
    }
    article_lines(file, &input)
}

/// A file's text, or why it could not be had. Files over the loaders' limit are refused before
/// they are read.
fn read_text(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_INPUT_BYTES as u64 {
        return Err(counterpoint_core::validate::too_large(size as usize).message);
    }
    let bytes = std::fs::read(path).map_err(|err| format!("cannot read: {err}"))?;
    String::from_utf8(bytes)
        .map_err(|err| format!("not UTF-8 text (invalid byte at offset {})", err.utf8_error().valid_up_to()))
}

/// Validates an article's text and anchors its quotes: the article when it loaded, the number of
/// errors, and the lines `validate` prints.
fn article_lines(file: &str, input: &str) -> (Option<Article>, usize, Vec<String>) {
    let report = load_article(input);
    let mut lines = Vec::new();
    let mut errors = 0;
    for d in &report.diagnostics {
        errors += usize::from(d.severity == Severity::Error);
        lines.extend(diagnostic_lines(file, d));
    }
    if report.more > 0 {
        lines.push(format!("{file}: and {} more", report.more));
    }
    if let Some(article) = &report.article {
        lines.extend(anchor_lines(file, "$", article));
    }
    (report.article, errors, lines)
}

/// One diagnostic as `validate` prints it, with the file in front, and its excerpt indented.
fn diagnostic_lines(file: &str, d: &Diagnostic) -> Vec<String> {
    // `Diagnostic`'s own display gives `LINE:COL: level: message` or `PATH: level: message`;
    // the file name goes in front, joined the way compilers and linters print locations.
    let joiner = if matches!(d.location, Location::Text { .. }) { ":" } else { ": " };
    let mut lines = vec![format!("{file}{joiner}{d}")];
    if let Some(excerpt) = &d.excerpt {
        lines.extend(excerpt.lines().map(|l| format!("    {l}")));
    }
    lines
}

/// A warning for each quote that is not found, found only approximately, or found more than once;
/// `root` is the article's JSON path in `file` (`$`, or `$.articles[2].article` in a collection).
fn anchor_lines(file: &str, root: &str, article: &Article) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, anchor) in anchor_article(article).iter().enumerate() {
        let path = format!("{root}.quotes[{i}].text");
        match anchor.status {
            AnchorStatus::NotFound => lines.push(match anchor.near {
                Some(near) => format!(
                    "{file}: {path}: warning: not found in the text; nearest is {:?} ({}% similar)",
                    counterpoint_core::offsets::slice_cp(
                        &article.body[near.span.paragraph],
                        near.span.start,
                        near.span.end
                    ),
                    near.similarity
                ),
                None => format!("{file}: {path}: warning: not found in the text"),
            }),
            AnchorStatus::Fuzzy { score } => {
                lines.push(format!("{file}: {path}: warning: matched only approximately ({score}% similar)"))
            }
            AnchorStatus::Ambiguous { count } => {
                lines.push(format!("{file}: {path}: warning: found {count} times; add a prefix or suffix to say which"))
            }
            // An elided quote ("A … B") found piece by piece is found as written.
            AnchorStatus::Exact | AnchorStatus::Elided => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    /// The parse expected: format, `--paraphrase`, out dir and files, or the error.
    type Expected<'a> = Result<(Format, bool, Option<&'a str>, &'a [&'a str]), &'a str>;

    fn check(line: &str, expect: Expected) {
        let got = ExtractArgs::parse(&args(line));
        let expect = expect
            .map(|(format, paraphrase, out_dir, files)| ExtractArgs {
                format,
                paraphrase,
                out_dir: out_dir.map(PathBuf::from),
                force: false,
                files: files.iter().map(PathBuf::from).collect(),
            })
            .map_err(str::to_owned);
        assert_eq!(got, expect, "parsing {line:?}");
    }

    #[test]
    fn extract_arguments() {
        check("a.txt", Ok((Format::Article, false, None, &["a.txt"])));
        check("--format spans a.txt b.txt", Ok((Format::Spans, false, None, &["a.txt", "b.txt"])));
        check("--format=article --out-dir out a.txt", Ok((Format::Article, false, Some("out"), &["a.txt"])));
        check("a.txt --out-dir=out --format spans", Ok((Format::Spans, false, Some("out"), &["a.txt"])));
        check("--format spans -- --odd.txt", Ok((Format::Spans, false, None, &["--odd.txt"])));
        check("--paraphrase --format spans a.txt", Ok((Format::Spans, true, None, &["a.txt"])));
        check("a.txt --paraphrase", Ok((Format::Article, true, None, &["a.txt"])));
        check("--paraphrase=yes a.txt", Err("--paraphrase takes no value"));
        check("", Err("extract needs at least one FILE"));
        check("--format spans", Err("extract needs at least one FILE"));
        check("--format xml a.txt", Err("unknown format \"xml\" (use article or spans)"));
        check("a.txt --format", Err("--format needs a value"));
        check("--out-dir", Err("--out-dir needs a value"));
        check("--force a.txt", Err("--force only applies with --out-dir"));
        check("--force=yes --out-dir o a.txt", Err("--force takes no value"));
        check("--verbose a.txt", Err("unknown option --verbose"));
    }

    #[test]
    fn bench_arguments() {
        assert_eq!(parse_bench(&[]), Ok(BenchArgs { mb: DEFAULT_BENCH_MB, save: None }));
        assert_eq!(parse_bench(&args("5")), Ok(BenchArgs { mb: 5, save: None }));
        let saved = Some(PathBuf::from("t.txt"));
        assert_eq!(parse_bench(&args("--save t.txt 3")), Ok(BenchArgs { mb: 3, save: saved.clone() }));
        assert_eq!(parse_bench(&args("--save=t.txt")), Ok(BenchArgs { mb: DEFAULT_BENCH_MB, save: saved }));
        assert!(parse_bench(&args("--save")).is_err());
        assert!(parse_bench(&args("0")).is_err());
        assert!(parse_bench(&args("five")).is_err());
        assert!(parse_bench(&args("1 2")).is_err());
    }

    #[test]
    fn out_dir_refuses_to_replace_a_file_or_to_write_one_name_twice() {
        let files = |names: &[&str]| names.iter().map(PathBuf::from).collect::<Vec<_>>();
        let none = |_: &Path| false;
        assert_eq!(
            output_paths(Path::new("out"), &files(&["a/x.txt", "b/y.txt"]), false, none),
            Ok(vec![PathBuf::from("out/x.json"), PathBuf::from("out/y.json")])
        );
        // Two stories of one name from two outlets' folders: one would replace the other.
        let twice = output_paths(Path::new("out"), &files(&["a/story.txt", "b/story.txt"]), true, none).unwrap_err();
        assert_eq!(twice.len(), 1);
        assert!(twice[0].contains("a/story.txt and b/story.txt would both be written to out/story.json"), "{twice:?}");
        // An article already there may hold hand edits: kept unless --force.
        let there = |p: &Path| p == Path::new("out/y.json");
        let kept = output_paths(Path::new("out"), &files(&["x.txt", "y.txt"]), false, there).unwrap_err();
        assert_eq!(kept.len(), 1);
        assert!(kept[0].starts_with("out/y.json exists") && kept[0].contains("--force"), "{kept:?}");
        assert!(output_paths(Path::new("out"), &files(&["x.txt", "y.txt"]), true, there).is_ok());
    }

    #[test]
    fn out_dir_names() {
        assert_eq!(output_path(Path::new("out"), Path::new("news/a.txt")), PathBuf::from("out/a.json"));
        assert_eq!(output_path(Path::new("out"), Path::new("b")), PathBuf::from("out/b.json"));
        assert_eq!(output_path(Path::new("o"), Path::new("c.d.txt")), PathBuf::from("o/c.d.json"));
    }

    /// The whole command on the seed text: both formats, to a directory.
    #[test]
    fn extract_writes_one_json_per_input() {
        let dir = std::env::temp_dir().join(format!("counterpoint-cli-{}", std::process::id()));
        let seed = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/russia-us-syria-2016.txt"));
        for format in [Format::Spans, Format::Article] {
            let args = ExtractArgs {
                format,
                paraphrase: false,
                out_dir: Some(dir.clone()),
                force: true,
                files: vec![seed.clone()],
            };
            assert_eq!(extract(&args), ExitCode::SUCCESS);
            let json = std::fs::read_to_string(dir.join("russia-us-syria-2016.json")).unwrap_or_default();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
            let quotes = value["quotes"].as_array().map_or(0, Vec::len);
            assert!(quotes >= 9, "{format:?}: {quotes} quotes");
            if format == Format::Spans {
                assert!(value["quotes"][0]["start"].is_u64() && value["quotes"][0]["end"].is_u64());
                assert_eq!(value["quotes"][0]["speaker"], "Sergei Lavrov");
            } else {
                let report = counterpoint_core::validate::load_article(&json);
                assert!(report.article.is_some(), "{:?}", report.diagnostics);
            }
        }
        let missing = ExtractArgs {
            format: Format::Spans,
            paraphrase: false,
            out_dir: Some(dir.clone()),
            force: false,
            files: vec![dir.join("nope.txt")],
        };
        assert_eq!(extract(&missing), ExitCode::FAILURE);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `extract --format article` writes the article the authoring view builds from the same
    /// text, only the source naming the file, and a valid one even for a text without quotes.
    #[test]
    fn extract_article_is_the_authoring_views_article() {
        let dir = std::env::temp_dir().join(format!("counterpoint-cli-article-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let seed = include_str!("../../../tests/data/russia-us-syria-2016.txt");
        for (name, text) in [("seed", seed), ("quiet", "Nothing was said.\n"), ("empty", "")] {
            let file = dir.join(format!("{name}.txt"));
            assert!(std::fs::write(&file, text).is_ok());
            for paraphrase in [false, true] {
                let args = ExtractArgs {
                    format: Format::Article,
                    paraphrase,
                    out_dir: Some(dir.clone()),
                    force: true,
                    files: vec![file.clone()],
                };
                assert_eq!(extract(&args), ExitCode::SUCCESS);
                let json = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap_or_default();
                let report = counterpoint_core::validate::load_article(&json);
                assert!(report.article.is_some(), "{name}: {:?}", report.diagnostics);
                let mut expected = counterpoint_extract::extract_draft(text, paraphrase).to_article();
                expected.source.name = format!("{name}.txt");
                assert_eq!(report.article, Some(expected), "{name}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `--paraphrase` adds reported speech without quote marks to both formats; without it the
    /// output holds direct and partial quotes only.
    #[test]
    fn paraphrases_only_with_the_flag() {
        let dir = std::env::temp_dir().join(format!("counterpoint-cli-paraphrase-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("story.txt");
        let text = "Sen. Elizabeth Warren said the bank should have been broken up years ago. \
                    “Nobody was held accountable,” she said.";
        assert!(std::fs::write(&file, text).is_ok());
        let kinds = |format: Format, paraphrase: bool| -> Vec<String> {
            let args =
                ExtractArgs { format, paraphrase, out_dir: Some(dir.clone()), force: true, files: vec![file.clone()] };
            assert_eq!(extract(&args), ExitCode::SUCCESS);
            let json = std::fs::read_to_string(dir.join("story.json")).unwrap_or_default();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
            if format == Format::Article {
                let report = counterpoint_core::validate::load_article(&json);
                assert!(report.article.is_some(), "{:?}", report.diagnostics);
                assert_eq!(value["speakers"].as_array().map_or(0, Vec::len), 1, "{json}");
            }
            let quotes = value["quotes"].as_array().cloned().unwrap_or_default();
            quotes.iter().map(|q| q["kind"].as_str().unwrap_or_default().to_owned()).collect()
        };
        for format in [Format::Spans, Format::Article] {
            assert_eq!(kinds(format, false), ["direct"], "{format:?}");
            assert_eq!(kinds(format, true), ["paraphrase", "direct"], "{format:?}");
        }
        let args = ExtractArgs {
            format: Format::Spans,
            paraphrase: true,
            out_dir: Some(dir.clone()),
            force: true,
            files: vec![file],
        };
        assert_eq!(extract(&args), ExitCode::SUCCESS);
        let json = std::fs::read_to_string(dir.join("story.json")).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let first = &value["quotes"][0];
        let words: String = text.chars().skip(first["start"].as_u64().unwrap_or(0) as usize).take(45).collect();
        assert_eq!(words, "the bank should have been broken up years ago");
        assert_eq!(first["speaker"], "Elizabeth Warren");
        assert_eq!(first["cue"], "said");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

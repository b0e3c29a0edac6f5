//! The native command line, for newsroom pipelines and research batches.
//!
//! ```text
//! counterpoint validate FILE...
//! ```

use std::process::ExitCode;

use counterpoint::anchor::{anchor_article, AnchorStatus};
use counterpoint::validate::{load_article, Location, Severity, MAX_INPUT_BYTES};

const USAGE: &str = "usage: counterpoint validate FILE...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, files)) if command == "validate" && !files.is_empty() => validate(files),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Prints each problem as `FILE:LINE:COL: message` (broken JSON) or `FILE: PATH: message`, and exits
/// with 1 when any file has an error.
fn validate(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        let (errors, lines) = validate_file(file);
        failed |= errors > 0;
        for line in lines {
            println!("{line}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn validate_file(file: &str) -> (usize, Vec<String>) {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > MAX_INPUT_BYTES as u64 {
        let diagnostic = counterpoint::validate::too_large(size as usize);
        return (1, vec![format!("{file}: error: {}", diagnostic.message)]);
    }
    let input = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                return (
                    1,
                    vec![format!(
                        "{file}: error: not UTF-8 text (invalid byte at offset {})",
                        err.utf8_error().valid_up_to()
                    )],
                )
            }
        },
        Err(err) => return (1, vec![format!("{file}: error: cannot read: {err}")]),
    };
    let report = load_article(&input);
    let mut lines = Vec::new();
    let mut errors = 0;
    for d in &report.diagnostics {
        let level = if d.severity == Severity::Error {
            errors += 1;
            "error"
        } else {
            "warning"
        };
        lines.push(match &d.location {
            Location::Text { line, column } => format!("{file}:{line}:{column}: {level}: {}", d.message),
            Location::Path(path) => format!("{file}: {path}: {level}: {}", d.message),
            Location::Input => format!("{file}: {level}: {}", d.message),
        });
        if let Some(excerpt) = &d.excerpt {
            lines.extend(excerpt.lines().map(|l| format!("    {l}")));
        }
    }
    if report.more > 0 {
        lines.push(format!("{file}: and {} more", report.more));
    }
    if let Some(article) = &report.article {
        for (i, anchor) in anchor_article(article).iter().enumerate() {
            let path = format!("$.quotes[{i}].text");
            match anchor.status {
                AnchorStatus::NotFound => lines.push(match anchor.near {
                    Some(near) => format!(
                        "{file}: {path}: warning: not found in the text; nearest is {:?} ({}% similar)",
                        counterpoint::offsets::slice_cp(
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
                AnchorStatus::Ambiguous { count } => lines
                    .push(format!("{file}: {path}: warning: found {count} times; add a prefix or suffix to say which")),
                AnchorStatus::Exact => {}
            }
        }
    }
    (errors, lines)
}

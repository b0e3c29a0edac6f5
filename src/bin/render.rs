//! The pre-renderer: renders the app's first view of an article to HTML natively, with the same
//! Leptos components the browser runs, so the page shows the article before any script.
//!
//! `counterpoint-render [ARTICLE.json] > page.json` prints `{"app": …, "embedded": …, "text": …}`:
//! the app's HTML, the same with the embedded chrome, and the article text for readers without
//! JavaScript. Without a file it renders the seed.
//! `cargo xtask dist` and `counterpoint publish` write both into the page.

use std::process::ExitCode;

fn main() -> ExitCode {
    let json = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(json) => json,
            Err(err) => {
                eprintln!("counterpoint-render: {path}: {err}");
                return ExitCode::FAILURE;
            }
        },
        None => counterpoint::seed::SEED_JSON.to_owned(),
    };
    let report = counterpoint::validate::load_article(&json);
    if report.article.is_none() {
        for diagnostic in &report.diagnostics {
            eprintln!("counterpoint-render: {diagnostic}");
        }
        return ExitCode::FAILURE;
    }
    let page = counterpoint::ui::prerender(&json);
    println!("{}", serde_json::json!({ "app": page.app, "embedded": page.embedded, "text": page.text }));
    ExitCode::SUCCESS
}

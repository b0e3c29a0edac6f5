//! What opening a large article costs natively, phase by phase: parsing and validating the JSON
//! (with anchoring), then building the explorer and the filters' visibility.
//!
//! `cargo run --release -p counterpoint-core --example open_bench ARTICLE.json`. A benchmark, not a
//! test: it prints timings and asserts nothing about them.

use std::time::Instant;

use counterpoint_core::explorer::Explorer;
use counterpoint_core::route::Route;
use counterpoint_core::validate::load_article;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: open_bench ARTICLE.json");
        std::process::exit(2);
    };
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let started = Instant::now();
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let parsed = started.elapsed();
    drop(value);
    let started = Instant::now();
    let report = load_article(&json);
    let loaded = started.elapsed();
    let article = report.article.expect("a valid article");
    let quotes = article.quotes.len();
    let started = Instant::now();
    let explorer = Explorer::new(article);
    let built = started.elapsed();
    let started = Instant::now();
    let visible = explorer.visibility(&Route::default());
    let visibility = started.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{path}: {quotes} quotes, {:.2} MB: JSON parse {:.1} ms; load_article (parse, validate, anchor) {:.1} ms; \
         Explorer::new {:.1} ms; visibility {:.1} ms ({} shown)",
        json.len() as f64 / 1_048_576.0,
        ms(parsed),
        ms(loaded),
        ms(built),
        ms(visibility),
        visible.iter().filter(|&&v| v).count()
    );
}

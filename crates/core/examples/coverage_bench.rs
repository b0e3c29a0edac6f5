//! `cargo run --release -p counterpoint-core --example coverage_bench DIR`: opens DIR/collection.json
//! (from `bench/gen_collection.py`) and times, natively, opening every article and the Coverage
//! model (statements matched and wordings compared), best of 5.

use std::time::Instant;

use counterpoint_core::collection::{load_spec, Collection, Fetched};
use counterpoint_core::coverage::Coverage;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: coverage_bench DIR"));
    let input = std::fs::read_to_string(dir.join("collection.json")).expect("DIR/collection.json");
    let spec = load_spec(&input).spec.expect("a valid collection");
    let texts: Vec<(String, String)> = spec
        .articles
        .iter()
        .filter_map(|e| e.src.clone())
        .map(|src| {
            let text = std::fs::read_to_string(dir.join(&src)).expect("its articles");
            (src, text)
        })
        .collect();
    let (mut open_ms, mut coverage_ms) = (f64::MAX, f64::MAX);
    let mut summary = String::new();
    for _ in 0..5 {
        let t = Instant::now();
        let collection = Collection::open(&spec, |src| match texts.iter().find(|(s, _)| s == src) {
            Some((_, text)) => Fetched::Text(text),
            None => Fetched::Failed("missing".to_owned()),
        });
        open_ms = open_ms.min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let coverage = Coverage::new(&collection);
        coverage_ms = coverage_ms.min(t.elapsed().as_secs_f64() * 1e3);
        let quotes: usize = collection.outlets.iter().filter_map(|o| o.article.as_ref()).map(|a| a.quotes.len()).sum();
        summary = format!(
            "{} outlets, {quotes} quotes, {} statements ({} shared, {} worded differently)",
            collection.opened(),
            coverage.statements.len(),
            coverage.shared().count(),
            coverage.shared().filter(|s| s.wordings.is_some()).count()
        );
    }
    println!("coverage (native, best of 5): {summary}; open {open_ms:.1} ms, coverage model {coverage_ms:.1} ms");
}

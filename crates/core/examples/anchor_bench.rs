//! Anchoring speed on a large article: a 1 MB body with 10,000 quotes.
//!
//! `cargo run --release --example anchor_bench [MB] [QUOTES]`. A benchmark, not a test: it prints
//! timings and asserts nothing about them.

use std::time::Instant;

use counterpoint_core::anchor::{AnchorStatus, Anchorer};
use counterpoint_core::model::QuoteHint;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let megabytes = args.first().copied().unwrap_or(1);
    let quotes = args.get(1).copied().unwrap_or(10_000);
    let (body, wanted) = generate(megabytes * 1024 * 1024, quotes);
    let bytes: usize = body.iter().map(String::len).sum();

    let started = Instant::now();
    let anchorer = Anchorer::new(&body);
    let folded = started.elapsed();
    let mut exact = 0;
    for (text, prefix) in &wanted {
        if anchorer.anchor(text, prefix.as_deref(), None).status == AnchorStatus::Exact {
            exact += 1;
        }
    }
    let total = started.elapsed();
    // A second opening, with each quote's place from the first as a hint.
    let hints: Vec<_> = wanted
        .iter()
        .map(|(text, prefix)| {
            anchorer
                .anchor(text, prefix.as_deref(), None)
                .span
                .map(|s| QuoteHint { paragraph: s.paragraph, start: s.start })
        })
        .collect();
    let again = Instant::now();
    let anchorer = Anchorer::new(&body);
    let hinted = wanted
        .iter()
        .zip(&hints)
        .filter(|((text, prefix), hint)| {
            anchorer.anchor_with_hint(text, prefix.as_deref(), None, **hint).status == AnchorStatus::Exact
        })
        .count();
    let hinted_time = again.elapsed();
    println!(
        "anchored {} quotes in a {:.2} MB body ({} paragraphs): fold {:.0} ms, total (with the index) {:.0} ms, {} exact",
        wanted.len(),
        bytes as f64 / 1_048_576.0,
        body.len(),
        folded.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0,
        exact
    );
    println!("with position hints: total {:.0} ms, {} exact", hinted_time.as_secs_f64() * 1000.0, hinted);
}

/// News-like paragraphs with curly quotes, NBSP and repeated phrases; every tenth quote repeats
/// elsewhere and needs its prefix.
fn generate(target_bytes: usize, quotes: usize) -> (Vec<String>, Vec<(String, Option<String>)>) {
    let words = ["ceasefire", "talks", "minister", "said", "convoy", "city", "council", "budget", "peace", "army"];
    let mut body = Vec::new();
    let mut wanted = Vec::new();
    let mut size = 0;
    let mut n = 0u64;
    while size < target_bytes {
        let mut paragraph = String::new();
        for sentence in 0..4 {
            n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let pick = |k: u64| words[((n >> (k * 4)) % words.len() as u64) as usize];
            let quote = format!("{} {} {} number {} in part {}", pick(1), pick(2), pick(3), wanted.len(), sentence);
            paragraph.push_str(&format!("The\u{a0}official {} “{}”, adding context. ", pick(4), quote));
            if wanted.len() < quotes {
                wanted.push((quote.replace('\u{a0}', " "), None));
            }
        }
        size += paragraph.len();
        body.push(paragraph);
    }
    (body, wanted)
}

//! What opening a collection costs natively, and what its answer to the page weighs: opening
//! (validating every article, matching statements, building the Coverage view), then the
//! answer's parts and reading them back as the page does.
//!
//! `cargo run --release -p counterpoint-core --example collection_bench DIR/collection.json`
//! (articles given by `src` are read from DIR). A benchmark, not a test: it prints sizes and
//! timings and asserts nothing about them.

use std::time::Instant;

use counterpoint_core::worker::{open_collection, CollectionReply, CollectionRequest, Reply, WorkerReply};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: collection_bench DIR/collection.json");
        std::process::exit(2);
    };
    let document = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let dir = std::path::Path::new(&path).parent().unwrap_or(std::path::Path::new("."));
    let value: serde_json::Value = serde_json::from_str(&document).expect("JSON");
    let srcs: Vec<String> = value["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["src"].as_str().map(str::to_owned))
        .collect();
    let texts: Vec<String> = srcs.iter().map(|s| std::fs::read_to_string(dir.join(s)).unwrap_or_default()).collect();
    let request = CollectionRequest {
        job: 1,
        together: None,
        sources: srcs.iter().map(|s| (s.clone(), None)).collect(),
        unresolved: "not fetched".to_owned(),
    };
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let opened = open_collection(&request, &document, &texts).expect("the collection opens");
    let open_ms = ms(started);
    let reply = WorkerReply::Collection { job: 1, result: Ok(Box::new(opened)) };
    let (header, texts) = reply.clone().into_message();
    let started = Instant::now();
    // As the page reads it.
    let back = CollectionReply::from_message(&header, texts.clone()).expect("the answer reads back");
    let read_ms = ms(started);
    let CollectionReply::Collection { result: Ok(mut back), .. } = back else { unreachable!() };
    let count = back.view.later_parts();
    let started = Instant::now();
    let longest = (0..count)
        .map(|i| {
            let started = Instant::now();
            back.view_part(i).expect("a part reads back");
            ms(started)
        })
        .fold(0.0, f64::max);
    let parts_ms = ms(started);
    let parts: Vec<String> = texts[texts.len() - count..].to_vec();
    back.read_texts().expect("the parts join back");
    assert!(WorkerReply::Collection { job: 1, result: Ok(back) } == reply, "the answer reads back as it was sent");
    let kb = |n: usize| n as f64 / 1024.0;
    println!(
        "{path}: {} articles; open {open_ms:.1} ms; answer: header {:.0} KB, read in {read_ms:.1} ms; \
         {} texts beside it, {:.0} KB, of which {} parts of the view, {:.0} KB, each read as it is built \
         ({parts_ms:.1} ms in all, the longest {longest:.2} ms)",
        srcs.len(),
        kb(header.len()),
        texts.len(),
        kb(texts.iter().map(String::len).sum()),
        parts.len(),
        kb(parts.iter().map(String::len).sum()),
    );
}

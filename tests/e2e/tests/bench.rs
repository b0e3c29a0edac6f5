//! Extraction throughput in the release app in Chromium. Ignored by default; `cargo xtask bench`
//! runs it and prints the number. It measures, never asserts a time.

use e2e::harness::{ensure, open, project_root, run};
use e2e::webdriver::Session;
use serde_json::json;
use std::time::Duration;

/// How many megabytes of text to extract (`COUNTERPOINT_BENCH_MB`, default 10).
fn megabytes() -> usize {
    std::env::var("COUNTERPOINT_BENCH_MB").ok().and_then(|v| v.parse().ok()).filter(|&mb| mb > 0).unwrap_or(10)
}

/// The text to extract: the file `COUNTERPOINT_BENCH_TEXT` names, which `cargo xtask bench` has
/// the native `counterpoint bench --save` write so both benchmarks extract the very same text;
/// else the seed article repeated to `megabytes()`.
fn bench_text() -> Result<String, String> {
    if let Ok(file) = std::env::var("COUNTERPOINT_BENCH_TEXT") {
        return std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"));
    }
    let path = project_root().join("tests/data/russia-us-syria-2016.txt");
    let seed = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let copies = (megabytes() * 1_000_000).div_ceil(seed.len() + 2);
    Ok(vec![seed.as_str(); copies].join("\n\n"))
}

/// Pastes `text` into the authoring view and returns the extraction time the view reports and
/// its status line. `previous` is the status line of the run before, which must change.
fn extract_once(s: &Session, text: &str, previous: &str) -> Result<(f64, String), String> {
    s.js(
        "const t = document.querySelector('#author-text'); t.value = arguments[0];
         t.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(text)],
    )?;
    // The status names the number of characters, which differs from run to run.
    let done = format!(
        "const st = document.querySelector('.author-status');
         return st && st.dataset.state === 'idle' && st.textContent.includes(' {} characters (') && st.textContent;",
        text.chars().count()
    );
    let status = s.wait_for("extraction to finish", &done, Duration::from_secs(300))?;
    let status = status.as_str().unwrap_or_default().to_owned();
    let ms: f64 = status
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or(format!("no time in {status:?}"))?;
    ensure(ms > 0.0 && status != previous, format!("no new time in {status:?}"))?;
    Ok((ms, status))
}

#[test]
#[ignore = "a benchmark; run it with `cargo xtask bench`"]
fn extraction_throughput_in_the_release_app() {
    run(|s| {
        let text = bench_text()?;
        open(s, "/#view=author")?;
        let mb = text.len() as f64 / 1e6;
        // The first run is the one a reader meets on a fresh page, while Chromium may still be
        // running baseline-compiled wasm; the later runs show the optimised code.
        let mut previous = String::new();
        for run in 1..=3 {
            // One more trailing line each time, so the view sees new text and extracts again.
            let input = format!("{text}{}", "\n".repeat(run));
            let (ms, status) = extract_once(s, &input, &previous)?;
            println!("wasm in Chromium, run {run}: {mb:.1} MB in {ms:.0} ms: {:.1} MB/s ({status})", mb / (ms / 1e3));
            previous = status;
        }
        Ok(())
    });
}

//! Extraction throughput in the release app in Chromium. Ignored by default; `cargo xtask bench`
//! runs it and prints the number. It measures, never asserts a time.

use e2e::harness::{ensure, open, project_root, run};
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

#[test]
#[ignore = "a benchmark; run it with `cargo xtask bench`"]
fn extraction_throughput_in_the_release_app() {
    run(|s| {
        let text = bench_text()?;
        open(s, "/#view=author")?;
        s.js(
            "const t = document.querySelector('#author-text'); t.value = arguments[0];
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(text)],
        )?;
        let status = s.wait_for(
            "extraction to finish",
            "const st = document.querySelector('.author-status');
             return st && st.dataset.state === 'idle' && st.textContent.includes(' ms)') && st.textContent;",
            Duration::from_secs(300),
        )?;
        let status = status.as_str().unwrap_or_default();
        let ms: f64 = status
            .rsplit_once('(')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .ok_or(format!("no time in {status:?}"))?;
        ensure(ms > 0.0, format!("no time in {status:?}"))?;
        let mb = text.len() as f64 / 1e6;
        println!("wasm in Chromium: {mb:.1} MB in {ms:.0} ms: {:.1} MB/s ({status})", mb / (ms / 1e3));
        Ok(())
    });
}

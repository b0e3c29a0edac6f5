//! Extraction throughput in the release app's worker in Chromium, and the longest task it leaves
//! on the page's thread. Ignored by default; `cargo xtask bench`
//! runs it and prints the number. It measures, never asserts a time.

use e2e::harness::{ensure, open, project_root, run, set_author_text, EXTRACTION_WATCH};
use e2e::webdriver::Session;
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

/// The longest task on the page's thread while the worker extracted, and the longest of the
/// paste before it and the rendering of the result after it, in ms.
fn longest_tasks(s: &Session) -> Result<(f64, f64), String> {
    let found = s.js(
        "const st = window.__states;
         const from = [...st].reverse().find(x => x.state === 'extracting').at;
         const to = [...st].reverse().find(x => x.state === 'idle').at;
         const len = (t) => t.end - t.start;
         const during = window.__long.filter(t => t.start >= from && t.end <= to).map(len);
         const around = window.__long.filter(t => !(t.start >= from && t.end <= to)).map(len);
         window.__long = [];
         return [Math.max(0, ...during), Math.max(0, ...around)];",
        vec![],
    )?;
    Ok((found[0].as_f64().unwrap_or(0.0), found[1].as_f64().unwrap_or(0.0)))
}

/// Pastes `text` into the authoring view and returns the extraction time the view reports and
/// its status line. `previous` is the status line of the run before, which must change.
fn extract_once(s: &Session, text: &str, previous: &str) -> Result<(f64, String), String> {
    set_author_text(s, text)?;
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
        s.js(EXTRACTION_WATCH, vec![])?;
        let mb = text.len() as f64 / 1e6;
        // The first run is the one a reader meets on a fresh page, while Chromium may still be
        // running baseline-compiled wasm; the later runs show the optimised code.
        let mut previous = String::new();
        for run in 1..=3 {
            // One more trailing line each time, so the view sees new text and extracts again.
            let input = format!("{text}{}", "\n".repeat(run));
            let (ms, status) = extract_once(s, &input, &previous)?;
            println!("wasm in Chromium, run {run}: {mb:.1} MB in {ms:.0} ms: {:.1} MB/s ({status})", mb / (ms / 1e3));
            let (during, around) = longest_tasks(s)?;
            println!(
                "  longest task on the page's thread: {during:.0} ms while the worker extracted; \
                 {around:.0} ms for the paste and for showing the result"
            );
            previous = status;
        }
        Ok(())
    });
}

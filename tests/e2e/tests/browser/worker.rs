//! The extractor lives in a worker of its own: a reader never downloads it, and extracting a
//! 10 MB draft never blocks the page (no long task while it runs), with progress and Cancel.

use std::time::Duration;

use e2e::harness::{alone, ensure, project_root, run, set_author_text, site_with, EXTRACTION_WATCH, WAIT};
use e2e::server::ServerOptions;
use e2e::webdriver::{Result, Session};
use serde_json::json;

// The 10 MB test runs alone (`harness::alone`): its long-task check measures the page's thread,
// and other browsers working beside it on a 2-core machine stretch its short tasks past 50 ms.

fn seed_text() -> Result<String> {
    let path = project_root().join("tests/data/russia-us-syria-2016.txt");
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// How many copies of the seed make about `mb` megabytes.
fn copies_for(seed: &str, mb: usize) -> usize {
    (mb * 1_000_000).div_ceil(seed.len() + 2)
}

/// The seed repeated to about `mb` megabytes, as one long article.
fn long_text(mb: usize) -> Result<String> {
    let seed = seed_text()?;
    Ok(vec![seed.as_str(); copies_for(&seed, mb)].join("\n\n"))
}

/// Requests for either worker: the extractor, or the collections worker.
fn worker_requests(requests: &[String]) -> Vec<&String> {
    requests.iter().filter(|r| r.contains("counterpoint-worker") || r.contains("counterpoint-collections")).collect()
}

/// Pastes the seed repeated to about `mb` megabytes into the authoring view and returns that
/// text, as `long_text` makes it. The page joins the copies itself: sending 10 MB through
/// WebDriver took about 5 s of the test, with the other browser tests waiting (the 10 MB test
/// runs alone).
fn paste_long(s: &Session, mb: usize) -> Result<String> {
    let seed = seed_text()?;
    let text = long_text(mb)?;
    let expected = text.encode_utf16().count();
    let pasted = s.js(
        "const t = document.querySelector('#author-text');
         t.value = Array(arguments[1]).fill(arguments[0]).join('\\n\\n');
         t.dispatchEvent(new Event('input', { bubbles: true }));
         return t.value.length;",
        vec![json!(seed), json!(copies_for(&seed, mb))],
    )?;
    ensure(pasted == json!(expected), format!("the page made {pasted} units of text, not {expected}"))?;
    Ok(text)
}

#[test]
fn a_reader_never_downloads_the_extractor() {
    run(|s| {
        let server = site_with(ServerOptions::default())?;
        s.goto(&server.url("/"))?;
        s.wait_for("Compare", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        s.goto(&server.url("/#view=read"))?;
        s.wait_for("Read", "return document.querySelector('#article-text mark') !== null", WAIT)?;
        // Give any stray prefetch time to show.
        std::thread::sleep(Duration::from_millis(500));
        let requests = server.requests();
        ensure(requests.iter().any(|r| r.ends_with(".wasm")), format!("the app's wasm was not fetched: {requests:?}"))?;
        let worker = worker_requests(&requests);
        ensure(worker.is_empty(), format!("the reader's view fetched a worker: {worker:?}"))
    });
}

#[test]
fn a_ten_megabyte_draft_is_extracted_in_the_worker_without_a_long_task() {
    let _alone = alone();
    run(|s| {
        let server = site_with(ServerOptions::default())?;
        s.goto(&server.url("/#view=author"))?;
        s.wait_for("the authoring view", "return document.querySelector('#author-text') !== null", WAIT)?;
        s.js(EXTRACTION_WATCH, vec![])?;
        let text = paste_long(s, 10)?;
        s.wait_for(
            "the extraction to finish",
            "const st = document.querySelector('.author-status');
             return st && st.dataset.state === 'idle' && st.textContent.includes('Found');",
            Duration::from_secs(300),
        )?;
        let found = s.js("return document.querySelector('.author-status').textContent", vec![])?;
        let quotes: usize = found
            .as_str()
            .and_then(|t| t.split("Found ").nth(1))
            .and_then(|t| t.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let copies = text.matches("Sergei Lavrov").count();
        ensure(quotes >= copies * 8, format!("{quotes} quotes in {copies} copies of the seed: {found}"))?;
        // Too long to autosave: it says so, rather than holding the page to try.
        let unsaved = s.js("const e = document.querySelector('.save-error'); return e && e.textContent", vec![])?;
        ensure(
            unsaved.as_str().is_some_and(|t| t.contains("too long to keep") && t.contains("Download its JSON")),
            format!("a 10 MB draft's autosave note: {unsaved}"),
        )?;
        let requests = server.requests();
        ensure(
            requests.iter().any(|r| r.ends_with("counterpoint-worker_bg.wasm")),
            format!("the worker's wasm was not fetched: {requests:?}"),
        )?;
        // Long tasks that start after extraction began and end before its result arrived.
        let during = s.js(
            "const st = window.__states;
             const from = (st.find(x => x.state === 'extracting') || {}).at;
             const to = [...st].reverse().find(x => x.state === 'idle').at;
             return { from, to, long: window.__long.filter(t => t.start >= from && t.end <= to) };",
            vec![],
        )?;
        let window_ms = during["to"].as_f64().unwrap_or(0.0) - during["from"].as_f64().unwrap_or(0.0);
        ensure(window_ms > 0.0, format!("no extraction window was seen: {during}"))?;
        let long = during["long"].as_array().cloned().unwrap_or_default();
        ensure(
            long.is_empty(),
            format!("long tasks on the page's thread during {window_ms:.0} ms of extraction: {long:?}"),
        )
    });
}

#[test]
fn progress_shows_and_cancel_stops_the_worker_and_keeps_the_text() {
    run(|s| {
        let server = site_with(ServerOptions::default())?;
        s.goto(&server.url("/#view=author"))?;
        s.wait_for("the authoring view", "return document.querySelector('#author-text') !== null", WAIT)?;
        // Cancel as soon as the progress bar has moved: from inside the page, because a fast
        // machine extracts 6 MB in a fraction of a second.
        s.js(
            "window.__clicked = false;
             new MutationObserver(() => {
                 const bar = document.querySelector('.author-status progress');
                 const cancel = document.querySelector('#author-cancel');
                 if (!window.__clicked && bar && cancel && bar.value > 0) { window.__clicked = true; cancel.click(); }
             }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });",
            vec![],
        )?;
        let text = paste_long(s, 6)?;
        s.wait_for("progress past zero, then Cancel", "return window.__clicked", Duration::from_secs(60))?;
        s.wait_for(
            "the cancelled state",
            "const st = document.querySelector('.author-status');
             return st.dataset.state === 'idle' && st.textContent.includes('cancelled');",
            WAIT,
        )?;
        // A terminated worker sends nothing more.
        std::thread::sleep(Duration::from_secs(3));
        let status = s.js("return document.querySelector('.author-status').textContent", vec![])?;
        ensure(status.as_str().is_some_and(|t| t.contains("cancelled")), format!("status changed to {status}"))?;
        let kept = s.js("return document.querySelector('#author-text').value.length", vec![])?;
        ensure(kept == json!(text.encode_utf16().count()), format!("the text was not kept: {kept} units"))?;
        // Editing the text extracts again.
        set_author_text(s, &seed_text()?)?;
        s.wait_for(
            "a new extraction",
            "const st = document.querySelector('.author-status');
             return st.dataset.state === 'idle' && st.textContent.includes('Found')
                 && document.querySelectorAll('#author-preview mark').length >= 9;",
            WAIT,
        )
        .map(drop)
    });
}

//! The two published builds: the single offline file from `file://` with zero network requests, and
//! the hosted site under a sub-path with the CSP it documents.

use e2e::harness::{ensure, run, seed_article, set_author_text, single_file, site_with, WAIT};
use e2e::server::ServerOptions;
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// The hosted policy from the README.
const HOSTED_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

/// The URLs of every request the browser made, from its own network log.
fn requested_urls(s: &Session) -> Result<Vec<String>> {
    let mut urls = Vec::new();
    for entry in s.log("performance")? {
        let message: Value = serde_json::from_str(entry["message"].as_str().unwrap_or("{}")).unwrap_or_default();
        if message["message"]["method"] == json!("Network.requestWillBeSent") {
            urls.push(message["message"]["params"]["request"]["url"].as_str().unwrap_or_default().to_owned());
        }
    }
    Ok(urls)
}

fn severe_logs(s: &Session) -> Result<Vec<Value>> {
    Ok(s.log("browser")?.into_iter().filter(|e| e["level"] == json!("SEVERE")).collect())
}

#[test]
fn the_single_file_works_from_file_urls_without_any_request() {
    run(|s| {
        let file = single_file();
        ensure(file.exists(), format!("{} is missing: run `cargo xtask dist`", file.display()))?;
        s.goto(&format!("file://{}#view=read", file.display()))?;
        s.wait_for("the Read view", "return document.querySelector('#article-text mark') !== null", WAIT)?;
        let article = seed_article()?;
        let mut expected: Vec<String> = article["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|q| q["id"].as_str().map(str::to_owned))
            .collect();
        expected.sort();
        let marked = s.js(
            "return [...new Set([...document.querySelectorAll('#article-text mark[data-quote-id]')].map(m => m.dataset.quoteId))].sort()",
            vec![],
        )?;
        ensure(marked == json!(expected), format!("highlighted {marked}, expected {expected:?}"))?;
        let urls = requested_urls(s)?;
        ensure(
            urls.iter().any(|u| u.starts_with("file://")),
            format!("the network log missed the page itself: {urls:?}"),
        )?;
        let network: Vec<&String> = urls.iter().filter(|u| u.starts_with("http:") || u.starts_with("https:")).collect();
        ensure(network.is_empty(), format!("the single file made network requests: {network:?}"))?;
        let errors = severe_logs(s)?;
        ensure(errors.is_empty(), format!("console errors (a CSP violation?): {errors:?}"))?;
        // A file on disk has no embed code to give: Share says how to get one instead.
        s.click(&s.find(".share-button")?)?;
        s.wait_for(
            "the Share dialog's note on embedding",
            "const n = document.querySelector('.share-offline'); return !!n && n.getClientRects().length > 0",
            WAIT,
        )?;
        let fields = s.js("return document.querySelectorAll('#share-iframe, #share-script').length", vec![])?;
        ensure(fields == json!(0), format!("the offline file offers {fields} embed codes that cannot work"))
    });
}

/// Pastes the seed text into the authoring view and waits for its quotes: the extraction worker
/// started and answered.
fn extract_the_seed(s: &Session) -> Result<()> {
    let path = e2e::harness::project_root().join("tests/data/russia-us-syria-2016.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    s.wait_for("the authoring view", "return document.querySelector('#author-text') !== null", WAIT)?;
    set_author_text(s, &text)?;
    s.wait_for(
        "the worker's quotes",
        "const st = document.querySelector('.author-status');
         return st.dataset.state === 'idle' && document.querySelectorAll('#author-preview mark').length >= 9;",
        WAIT,
    )
    .map(drop)
}

#[test]
fn the_single_file_extracts_in_its_inlined_worker_without_any_request() {
    run(|s| {
        let file = single_file();
        ensure(file.exists(), format!("{} is missing: run `cargo xtask dist`", file.display()))?;
        s.goto(&format!("file://{}#view=author", file.display()))?;
        extract_the_seed(s)?;
        let urls = requested_urls(s)?;
        let network: Vec<&String> = urls.iter().filter(|u| u.starts_with("http:") || u.starts_with("https:")).collect();
        ensure(network.is_empty(), format!("the single file made network requests: {network:?}"))?;
        let errors = severe_logs(s)?;
        ensure(errors.is_empty(), format!("console errors (a CSP violation?): {errors:?}"))
    });
}

#[test]
fn the_site_works_under_a_sub_path_with_the_hosted_csp() {
    run(|s| {
        let server = site_with(ServerOptions {
            mount: "/tools/counterpoint/".to_owned(),
            headers: vec![("Content-Security-Policy".to_owned(), HOSTED_CSP.to_owned())],
            ..Default::default()
        })?;
        s.goto(&server.url("/tools/counterpoint/"))?;
        s.wait_for("the app", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == seed_article()?["title"], format!("the title is {title}"))?;
        s.goto(&server.url("/tools/counterpoint/#quote=power-war"))?;
        s.wait_for(
            "the deep-linked quote",
            "return document.querySelector('#article-text mark.selected[data-quote-id=\"power-war\"]') !== null",
            WAIT,
        )?;
        // The authoring view's worker loads from the sub-path under the same policy.
        s.goto(&server.url("/tools/counterpoint/#view=author"))?;
        extract_the_seed(s)?;
        let requests = server.requests();
        ensure(
            requests.iter().any(|r| r.starts_with("/tools/counterpoint/counterpoint-worker_bg.wasm")),
            format!("the worker's wasm was not fetched from the sub-path: {requests:?}"),
        )?;
        ensure(
            requests.iter().any(|r| r.starts_with("/tools/counterpoint/loader-")),
            format!("the loader was not fetched from the sub-path: {requests:?}"),
        )?;
        ensure(
            requests.iter().all(|r| r.starts_with("/tools/counterpoint/")),
            format!("a request left the sub-path: {requests:?}"),
        )?;
        let errors = severe_logs(s)?;
        ensure(errors.is_empty(), format!("console errors (a CSP violation?): {errors:?}"))
    });
}

//! Accessibility, checked every run: axe-core (WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best
//! practices) finds no violation in any state a reader or an author meets, at 1280 px and on a
//! 375 px phone, in light and dark, on the built-in article and on one with a hostile string in
//! every field. axe-core is pinned in `tests/e2e/a11y/package.json`; `cargo xtask test` installs it
//! into `target/a11y` (or set `COUNTERPOINT_AXE` to an `axe.min.js`).

use std::path::PathBuf;

use e2e::corpus::hostile_article;
use e2e::harness::{ensure, open, project_root, run, run_phone, seed_article, site, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

const TAGS: [&str; 6] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

fn axe_source() -> Result<String> {
    let path = std::env::var_os("COUNTERPOINT_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target/a11y/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (`cargo xtask test` installs axe-core there)", path.display()))
}

/// Runs axe on the page as it is; returns the violations, each with its rule, impact and up to five
/// of the elements it found.
const RUN_AXE: &str = r#"
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
      .then(r => done(r.violations.map(v => ({ rule: v.id, impact: v.impact, count: v.nodes.length,
                                               nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))
      .catch(e => done([{ rule: 'axe failed', impact: String(e), count: 1, nodes: [] }]));
"#;

/// The states audited, and what each found.
struct Audit {
    axe: String,
    width: &'static str,
    scheme: &'static str,
    results: Vec<(String, Vec<Value>)>,
}

impl Audit {
    fn check(&mut self, s: &Session, state: &str) -> Result<()> {
        if s.js("return typeof window.axe", vec![])? != json!("object") {
            s.js(&self.axe, vec![])?;
        }
        let found = s.js_async(RUN_AXE, vec![json!(TAGS)])?;
        let violations = found.as_array().cloned().unwrap_or_default();
        let name = format!("{} {} {state}", self.width, self.scheme);
        eprintln!(
            "axe: {name}: {} violations{}",
            violations.iter().map(|v| v["count"].as_u64().unwrap_or(1)).sum::<u64>(),
            violations.iter().map(|v| format!(" {}", v["rule"])).collect::<String>()
        );
        self.results.push((name, violations));
        Ok(())
    }
}

/// The built-in article with one quote that is not in the text, so the anchor-health panel shows.
fn article_with_a_missing_quote() -> Result<Value> {
    let mut article = seed_article()?;
    let speaker = article["speakers"][0]["id"].clone();
    if let Some(quotes) = article["quotes"].as_array_mut() {
        quotes.push(json!({ "id": "missing", "speaker": speaker, "kind": "direct", "text": "words nobody said here" }));
    }
    article["title"] = json!("An article with a quote that is not in its text");
    Ok(article)
}

fn wait_quotes(s: &Session) -> Result<()> {
    s.wait_for(
        "the quotes",
        "return !!document.querySelector('.app:not([data-prerendered]) [data-quote-id]') && !document.querySelector('.awaiting')",
        WAIT,
    )
    .map(drop)
}

/// Opens a dialog from the view bar or the loader; on a phone they sit behind "More".
fn open_dialog(s: &Session, phone: bool, button: &str, dialog: &str) -> Result<()> {
    if phone {
        s.click(&s.find(".more-toggle")?)?;
    }
    s.click(&s.find(button)?)?;
    s.wait_for("the dialog", &format!("return document.querySelector('{dialog}').open"), WAIT).map(drop)
}

fn audit_every_state(s: &Session, phone: bool, scheme: &'static str) -> Result<()> {
    let site = site()?;
    site.route("/a11y/hostile.json", "application/json", hostile_article().to_string());
    site.route("/a11y/missing.json", "application/json", article_with_a_missing_quote()?.to_string());
    let mut audit =
        Audit { axe: axe_source()?, width: if phone { "375px" } else { "1280px" }, scheme, results: Vec::new() };
    s.emulate_media(&[("prefers-color-scheme", scheme)])?;
    for (path, state) in [
        ("/", "Compare"),
        ("/#view=read", "Read"),
        ("/#view=author", "Author"),
        ("/?embed=1", "embed, Compare"),
        ("/?embed=1#view=read", "embed, Read"),
        ("/?src=a11y/missing.json", "anchor-health panel"),
        ("/?src=a11y/hostile.json", "hostile article, Compare"),
        ("/?src=a11y/hostile.json#view=read", "hostile article, Read"),
        ("/?src=articles/un-aleppo-2016-collection.json", "Coverage"),
        ("/?embed=1&src=articles/un-aleppo-2016-collection.json", "embed, Coverage"),
        ("/?src=articles/un-aleppo-2016-collection.json#article=moscow&view=compare", "collection article, Compare"),
    ] {
        open(s, path)?;
        if state.ends_with("Coverage") {
            s.wait_for(
                "the Coverage view",
                "return !!document.querySelector('main .coverage[data-built] .by-sides')",
                WAIT,
            )?;
        } else if state != "Author" {
            wait_quotes(s)?;
        }
        if state == "anchor-health panel" {
            s.wait_for("the panel", "return !!document.querySelector('.anchor-health')", WAIT)?;
        }
        audit.check(s, state)?;
    }
    open(s, "/")?;
    open_dialog(s, phone, ".share-button", ".share-dialog")?;
    audit.check(s, "Share dialog")?;
    open(s, "/")?;
    open_dialog(s, phone, ".loader-actions button.button", ".paste-dialog")?;
    audit.check(s, "paste dialog")?;
    if phone {
        open(s, "/")?;
        s.click(&s.find(".filters-toggle")?)?;
        audit.check(s, "filters open")?;
    }
    let failed: Vec<String> = audit
        .results
        .iter()
        .filter(|(_, violations)| !violations.is_empty())
        .map(|(state, violations)| format!("{state}: {}", Value::Array(violations.clone())))
        .collect();
    ensure(audit.results.len() >= 13, format!("only {} states audited", audit.results.len()))?;
    ensure(failed.is_empty(), format!("axe found violations:\n{}", failed.join("\n")))
}

// One test per width and colour scheme, so the browser tests' threads share them out.
#[test]
fn axe_finds_no_violation_at_1280_px_in_light() {
    run(|s| audit_every_state(s, false, "light"));
}

#[test]
fn axe_finds_no_violation_at_1280_px_in_dark() {
    run(|s| audit_every_state(s, false, "dark"));
}

#[test]
fn axe_finds_no_violation_on_a_phone_in_light() {
    run_phone(|s| audit_every_state(s, true, "light"));
}

#[test]
fn axe_finds_no_violation_on_a_phone_in_dark() {
    run_phone(|s| audit_every_state(s, true, "dark"));
}

//! Long articles are built in parts (`src/ui/progressive.rs`): the part a link asks for first, at
//! once, then the rest a part per task. What a reader must see: the linked quote on screen from
//! the first build and still there when every part is in; in the end every quote in the page
//! (for find-in-page and Tab), and filters that reach the parts built later.

use e2e::harness::{alone, ensure, open, run, run_phone, site, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

const QUOTES: usize = 3000;

/// An article of `QUOTES` quotes over four sides and two questions, one quote per paragraph.
fn long_article() -> Value {
    let sides: Vec<Value> = (0..4).map(|i| json!({ "id": format!("s{i}"), "label": format!("Side {i}") })).collect();
    let speakers: Vec<Value> = (0..8)
        .map(|i| json!({ "id": format!("p{i}"), "name": format!("Person {i}"), "side": format!("s{}", i % 4) }))
        .collect();
    let topics = json!([{ "id": "t0", "label": "First question" }, { "id": "t1", "label": "Second question" }]);
    let body: Vec<String> =
        (0..QUOTES).map(|i| format!("Person {} said “statement number {i} of a long day”.", i % 8)).collect();
    let quotes: Vec<Value> = (0..QUOTES)
        .map(|i| {
            json!({ "id": format!("q{i}"), "speaker": format!("p{}", i % 8), "kind": "direct",
                    "topics": [if i < QUOTES / 2 { "t0" } else { "t1" }],
                    "text": format!("statement number {i} of a long day") })
        })
        .collect();
    json!({ "format_version": 1, "title": "A long day of statements", "source": { "name": "Test" }, "language": "en",
            "body": body, "sides": sides, "speakers": speakers, "topics": topics, "quotes": quotes })
}

/// Before the page's scripts: at the first frame that shows a quote of `selector`, how many of
/// them are in the page and how many parts wait to be built.
fn watch_first_build(s: &Session, selector: &str) -> Result<()> {
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": format!("
            window.__first = null;
            const frame = () => {{
                const quotes = document.querySelectorAll('{selector}');
                if (quotes.length > 0) {{
                    window.__first = {{ quotes: quotes.length, pending: document.querySelectorAll('.pending').length }};
                    return;
                }}
                requestAnimationFrame(frame);
            }};
            requestAnimationFrame(frame);") }),
    )?;
    Ok(())
}

/// Whether the element for quote `id` under `selector` is inside the viewport.
const ON_SCREEN: &str = "
    const e = [...document.querySelectorAll(arguments[0])].find((e) => e.dataset.quoteId === arguments[1]);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;";

fn on_screen(s: &Session, selector: &str, id: &str) -> Result<bool> {
    Ok(s.js(ON_SCREEN, vec![json!(selector), json!(id)])? == json!(true))
}

/// Waits until the selected element for quote `id` under `selector` is on screen.
fn wait_selected_on_screen(s: &Session, selector: &str, id: &str) -> Result<()> {
    let script = ON_SCREEN
        .replace("arguments[0]", &format!("'{selector}.selected'"))
        .replace("arguments[1]", &format!("'{id}'"));
    s.wait_for("the linked quote on screen", &script, WAIT).map(drop)
}

/// Waits until no part under `scope` waits to be built and every quote's `selector` is in the page.
fn wait_all_built(s: &Session, scope: &str, selector: &str) -> Result<()> {
    let script = format!(
        "return document.querySelectorAll('{scope} .pending').length === 0
             && document.querySelectorAll('{selector}').length === {QUOTES}"
    );
    s.wait_for("every part built", &script, WAIT).map(drop)
}

/// Whether the first frame that showed a quote (`watch_first_build`) held only part of `what`.
fn ensure_first_build_was_a_part(s: &Session, what: &str) -> Result<()> {
    let first = s.js("return window.__first", vec![])?;
    let (quotes, pending) = (first["quotes"].as_u64().unwrap_or(0), first["pending"].as_u64().unwrap_or(0));
    ensure(pending > 0 && quotes < QUOTES as u64, format!("the first build was not a part of the {what}: {first}"))
}

#[test]
fn a_long_text_is_built_in_parts_and_a_linked_quote_shows_at_once_and_keeps_its_place() {
    run(|s| {
        site()?.route("/long/text.json", "application/json", long_article().to_string());
        watch_first_build(s, "#article-text mark[data-quote-id]")?;
        open(s, "/?src=long/text.json#view=read&quote=q2900")?;
        let mark = "#article-text mark[data-quote-id]";
        wait_selected_on_screen(s, mark, "q2900")?;
        wait_all_built(s, "#article-text", mark)?;
        ensure_first_build_was_a_part(s, "text")?;
        ensure(
            s.js(
                &format!("return document.querySelector('{mark}[data-quote-id=\"q2900\"]').closest('p').textContent"),
                vec![],
            )?
            .as_str()
            .is_some_and(|t| t.contains("statement number 2900 of a long day")),
            "the linked quote's paragraph is not the one built",
        )?;
        // The parts built above it did not push the linked quote off the screen.
        ensure(on_screen(s, mark, "q2900")?, "the linked quote left the screen as the rest of the text was built")?;
        // Every quote is a tab stop once built, in text order.
        let stops = s.js(
            &format!("return [...document.querySelectorAll('{mark}[tabindex=\"0\"]')].map((m) => m.dataset.quoteId)"),
            vec![],
        )?;
        let stops: Vec<&str> = stops.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        ensure(stops.len() == QUOTES, format!("{} tab stops for {QUOTES} quotes", stops.len()))?;
        ensure(stops.first() == Some(&"q0") && stops.last() == Some(&"q2999"), "the tab stops are not in text order")?;
        Ok(())
    });
}

#[test]
fn a_long_grid_is_built_in_parts_a_linked_quote_shows_at_once_and_filters_reach_every_part() {
    run(|s| {
        site()?.route("/long/grid.json", "application/json", long_article().to_string());
        // The pre-rendered built-in article is in the page too, hidden: only the live app counts.
        watch_first_build(s, ".app:not([data-prerendered]) .compare .quote-card[data-quote-id]")?;
        open(s, "/?src=long/grid.json#view=compare&quote=q2950")?;
        let card = ".compare .quote-card";
        wait_selected_on_screen(s, card, "q2950")?;
        // Hide a side while the grid is still being built.
        s.js(
            "[...document.querySelectorAll('button, [role=checkbox], label')].find((e) => e.textContent.trim() === 'Side 0').click()",
            vec![],
        )?;
        wait_all_built(s, ".compare", card)?;
        ensure_first_build_was_a_part(s, "grid")?;
        // What was built above it did not push the linked quote off the screen.
        ensure(on_screen(s, card, "q2950")?, "the linked quote left the screen as the rest of the grid was built")?;
        let shown = s.js(
            &format!(
                "const shown = [...document.querySelectorAll('{card}')].filter((c) => c.getClientRects().length > 0);
                 return {{ shown: shown.length, side0: shown.filter((c) => c.dataset.side === 's0').length }}"
            ),
            vec![],
        )?;
        ensure(
            shown == json!({ "shown": QUOTES * 3 / 4, "side0": 0 }),
            format!("after hiding Side 0 while the grid was built: {shown}"),
        )?;
        Ok(())
    });
}

#[test]
fn on_a_phone_a_long_grid_and_text_fit_the_screen_while_built_and_after() {
    run_phone(|s| {
        site()?.route("/long/phone.json", "application/json", long_article().to_string());
        for view in ["compare", "read"] {
            open(s, &format!("/?src=long/phone.json#view={view}"))?;
            s.wait_for(
                "the first quotes",
                "return !!document.querySelector('.app:not([data-prerendered]) [data-quote-id]')",
                WAIT,
            )?;
            // What is built and what only holds a place must both fit the 375 px screen.
            let (scope, selector) = if view == "compare" {
                (".compare", ".compare .quote-card")
            } else {
                ("#article-text", "#article-text mark[data-quote-id]")
            };
            let widths = "return [document.documentElement.scrollWidth, innerWidth]";
            let early = s.js(widths, vec![])?;
            wait_all_built(s, scope, selector)?;
            let late = s.js(widths, vec![])?;
            for (when, widths) in [("while it was built", &early), ("once built", &late)] {
                ensure(
                    widths[0].as_f64().unwrap_or(f64::MAX) <= widths[1].as_f64().unwrap_or(0.0),
                    format!("{view} scrolls sideways on a phone {when}: [scroll width, screen] = {widths}"),
                )?;
            }
        }
        Ok(())
    });
}

#[test]
fn a_src_article_is_fetched_once_while_the_app_itself_still_loads() {
    run(|s| {
        site()?.route("/long/early.json", "application/json", long_article().to_string());
        // When the app starts, it takes its pre-rendered copy away (src/main.rs).
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__appStart = null;
                new MutationObserver((changes) => {
                    for (const change of changes) for (const node of change.removedNodes)
                        if (window.__appStart === null && node.nodeType === 1 && node.matches('.app[data-prerendered]'))
                            window.__appStart = performance.now();
                }).observe(document, { childList: true, subtree: true });" }),
        )?;
        open(s, "/?src=long/early.json")?;
        s.wait_for(
            "the article",
            "return document.querySelector('.app:not([data-prerendered]) .masthead h1')?.textContent === 'A long day of statements'",
            WAIT,
        )?;
        // The page's first script asked for the article before the app had started: the app
        // itself could only have asked after.
        let timing = s.js(
            "const article = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/long/early.json'));
             return { fetched: article.length, start: article[0]?.startTime, app_start: window.__appStart,
                      early: window.counterpointEarlySrc };",
            vec![],
        )?;
        ensure(timing["fetched"] == json!(1), format!("the article was not fetched exactly once: {timing}"))?;
        ensure(
            timing["start"].as_f64().zip(timing["app_start"].as_f64()).is_some_and(|(start, app)| start < app),
            format!("the article was not asked for before the app started: {timing}"),
        )?;
        ensure(timing["early"].is_null(), format!("the early response was not taken by the app: {timing}"))?;
        let requests = site()?.requests().iter().filter(|r| r.contains("/long/early.json")).count();
        ensure(requests == 1, format!("the server saw {requests} requests for the article"))
    });
}

#[test]
fn a_long_text_shows_its_first_screen_before_building_the_rest() {
    run(|s| {
        site()?.route("/long/first.json", "application/json", long_article().to_string());
        // In the task that first puts quotes in the page, count the parts waiting to be built,
        // then again two frames later, once that first screen has been painted.
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__firstScreen = null;
                let seen = false;
                new MutationObserver(() => {
                    if (seen || !document.querySelector('#article-text mark[data-quote-id]')) return;
                    seen = true;
                    const built = document.querySelectorAll('#article-text .pending').length;
                    requestAnimationFrame(() => requestAnimationFrame(() => {
                        window.__firstScreen = {
                            built,
                            painted: document.querySelectorAll('#article-text .pending').length,
                        };
                    }));
                }).observe(document, { childList: true, subtree: true });" }),
        )?;
        open(s, "/?src=long/first.json#view=read")?;
        let first = s.wait_for("the first screen painted", "return window.__firstScreen", WAIT)?;
        ensure(first["built"].as_u64().unwrap_or(0) > 0, format!("the text was built whole at once: {first}"))?;
        ensure(
            first["painted"] == first["built"],
            format!("parts were built before the first screen was painted: {first}"),
        )?;
        wait_all_built(s, "#article-text", "#article-text mark[data-quote-id]")
    });
}

#[test]
fn a_filter_clicked_while_a_long_text_is_built_is_painted_before_the_next_part() {
    // It times frames: another browser beside it on two cores can stretch the click's two frames
    // past `yield_to_input`'s 200 ms limit, and then a part is built in them.
    let _alone = alone();
    run(|s| {
        site()?.route("/long/click.json", "application/json", long_article().to_string());
        // At the first frame that shows a quote, hide Side 0, then count the parts still waiting
        // to be built now and two frames later, when the answer has been painted.
        s.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "
                window.__click = null;
                const frame = () => {
                    const marks = document.querySelectorAll('#article-text mark[data-quote-id]');
                    const chip = [...document.querySelectorAll('button, [role=checkbox], label')]
                        .find((e) => e.textContent.trim() === 'Side 0');
                    if (marks.length === 0 || !chip) return requestAnimationFrame(frame);
                    const before = document.querySelectorAll('#article-text .pending').length;
                    chip.click();
                    requestAnimationFrame(() => requestAnimationFrame(() => {
                        const marks = [...document.querySelectorAll('#article-text mark[data-quote-id]')];
                        window.__click = {
                            before,
                            after: document.querySelectorAll('#article-text .pending').length,
                            off: marks.filter((m) => m.classList.contains('off')).length,
                            marks: marks.length,
                        };
                    }));
                };
                requestAnimationFrame(frame);" }),
        )?;
        open(s, "/?src=long/click.json#view=read")?;
        let click = s.wait_for("the click's answer painted", "return window.__click", WAIT)?;
        let number = |key: &str| click[key].as_u64().unwrap_or(0);
        ensure(number("before") > 0, format!("the text was whole before the click, so this shows nothing: {click}"))?;
        ensure(
            number("after") == number("before"),
            format!("a part was built between the click and the frame that painted its answer: {click}"),
        )?;
        // Side 0 speaks every fourth quote, and each quote is one mark here.
        ensure(number("off") == number("marks") / 4, format!("Side 0 is not hidden in what is built: {click}"))?;
        // The building goes on afterwards, and what it builds is filtered too.
        wait_all_built(s, "#article-text", "#article-text mark[data-quote-id]")?;
        let off = s.js("return document.querySelectorAll('#article-text mark[data-quote-id].off').length", vec![])?;
        ensure(off == json!(QUOTES / 4), format!("{off} of {QUOTES} quotes hidden once every part is in"))
    });
}

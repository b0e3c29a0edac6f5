//! "Who speaks where": the strip that maps the whole article, one mark per quote at its place,
//! coloured and patterned by side; beside the text in Read, above the grid in Compare, across
//! the top on a phone; one tab stop; filters dim its marks.

use e2e::harness::{ensure, open, run, run_phone, screenshot_dir, seed_article, site, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// The strip's marks in document order, with where they sit and how they look.
const MARKS: &str = r#"
    const strip = document.querySelector(arguments[0] + ' .strip');
    if (!strip) return null;
    const r = strip.getBoundingClientRect();
    return { strip: [r.left, r.top, r.width, r.height],
             marks: [...strip.querySelectorAll('a.strip-mark')].map(m => {
                 const b = m.getBoundingClientRect(), st = getComputedStyle(m);
                 return { id: m.dataset.quote, side: m.dataset.side, x: b.left - r.left, y: b.top - r.top,
                          tab: m.tabIndex, off: m.classList.contains('off'), opacity: +st.opacity,
                          line: st.borderTopStyle + '/' + st.borderLeftStyle,
                          colour: st.borderTopColor + '/' + st.borderLeftColor, label: m.getAttribute('aria-label') };
             }) };
"#;

fn marks(s: &Session, scope: &str) -> Result<Value> {
    let found = s.js(MARKS, vec![json!(scope)])?;
    ensure(found != Value::Null, format!("no strip in {scope}"))?;
    Ok(found)
}

/// The seed's quote ids in the order they start in the text.
fn text_order(s: &Session) -> Result<Vec<String>> {
    let ids = s.js(
        "const seen = []; for (const m of document.querySelectorAll('#article-text mark[data-quote-id]'))
           if (!seen.includes(m.dataset.quoteId)) seen.push(m.dataset.quoteId); return seen;",
        vec![],
    )?;
    Ok(ids.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

#[test]
fn the_strip_maps_every_quote_in_text_order_and_goes_to_it() {
    run(|s| {
        let seed = seed_article()?;
        let count = seed["quotes"].as_array().map_or(0, Vec::len);
        open(s, "/#view=read")?;
        s.wait_for("the text", "return !!document.querySelector('#article-text mark')", WAIT)?;
        let read = marks(s, ".read-layout")?;
        let list = read["marks"].as_array().cloned().unwrap_or_default();
        ensure(list.len() == count, format!("{} marks for {count} quotes", list.len()))?;
        // Beside the text, top to bottom, in the order the quotes start in the text.
        let beside = s.js(
            "return document.querySelector('.read-layout .strip').getBoundingClientRect().left
                  > document.querySelector('#article-text').getBoundingClientRect().right",
            vec![],
        )?;
        ensure(beside == json!(true), "the strip is not beside the text")?;
        ensure(read["strip"][3].as_f64() > read["strip"][2].as_f64(), format!("the strip is not upright: {read}"))?;
        let order = text_order(s)?;
        let ids: Vec<&str> = list.iter().filter_map(|m| m["id"].as_str()).collect();
        ensure(ids == order, format!("strip order {ids:?}, text order {order:?}"))?;
        let ys: Vec<f64> = list.iter().filter_map(|m| m["y"].as_f64()).collect();
        ensure(ys.windows(2).all(|w| w[0] <= w[1]), format!("marks are not top to bottom: {ys:?}"))?;
        ensure(ys.last().copied().unwrap_or(0.0) > ys[0] + 50.0, format!("the marks bunch up: {ys:?}"))?;
        // Each side its own colour and line pattern; a label names the speaker and side.
        let look = |side: &str| {
            list.iter().find(|m| m["side"] == json!(side)).map(|m| (m["line"].clone(), m["colour"].clone()))
        };
        let (ru, us) = (look("ru"), look("us"));
        ensure(
            ru.is_some()
                && us.is_some()
                && ru.as_ref().map(|l| &l.0) != us.as_ref().map(|l| &l.0)
                && ru.map(|l| l.1) != us.map(|l| l.1),
            format!("the sides look alike on the strip: {read}"),
        )?;
        ensure(
            list[0]["label"].as_str().is_some_and(|l| l.contains('(') && l.contains("):")),
            format!("the first mark's name does not say who and which side: {}", list[0]["label"]),
        )?;

        // One tab stop; the arrow keys move along the marks; Enter goes to the quote.
        let tabs: Vec<i64> = list.iter().filter_map(|m| m["tab"].as_i64()).collect();
        ensure(tabs.iter().filter(|&&t| t == 0).count() == 1, format!("the strip has several tab stops: {tabs:?}"))?;
        s.js("document.querySelector('.read-layout .strip a[tabindex=\"0\"]').focus()", vec![])?;
        s.press_keys("\u{E015}\u{E015}")?; // ArrowDown twice
        let focused = s.js("return document.activeElement.dataset.quote", vec![])?;
        ensure(focused == json!(ids[2]), format!("two arrows down focused {focused}, not {}", ids[2]))?;
        s.press_keys("\u{E007}")?; // Enter
        s.wait_for(
            "the quote selected in the text",
            &format!("return !!document.querySelector('#article-text mark.selected[data-quote-id=\"{}\"]')", ids[2]),
            WAIT,
        )?;
        let url = s.current_url()?;
        ensure(url.contains("view=read") && url.contains(&format!("quote={}", ids[2])), format!("Enter led to {url}"))?;

        // A click on a mark in Compare selects that quote's card.
        open(s, "/")?;
        let compare = marks(s, ".compare")?;
        ensure(compare["marks"].as_array().map_or(0, Vec::len) == count, format!("Compare's strip: {compare}"))?;
        ensure(compare["strip"][2].as_f64() > compare["strip"][3].as_f64(), "Compare's strip is not across the page")?;
        s.click(&s.find(".compare .strip a[data-quote='power-war']")?)?;
        s.wait_for(
            "the card selected",
            "return !!document.querySelector('.quote-card.selected[data-quote-id=\"power-war\"]')",
            WAIT,
        )?;
        s.screenshot(&screenshot_dir().join("strip-compare.png"))?;

        // Filters dim the marks they hide, and only those.
        open(s, "/#view=read&hide=us")?;
        s.wait_for("the text", "return !!document.querySelector('#article-text mark')", WAIT)?;
        let filtered = marks(s, ".read-layout")?;
        for m in filtered["marks"].as_array().into_iter().flatten() {
            let hidden = m["side"] == json!("us");
            ensure(
                m["off"] == json!(hidden) && (m["opacity"].as_f64().unwrap_or(1.0) < 0.5) == hidden,
                format!("a mark is dimmed wrongly with the US side hidden: {m}"),
            )?;
        }
        s.screenshot(&screenshot_dir().join("strip-read.png"))?;

        // In an embed the strip runs across the top: a frame takes its content's height, so a
        // strip as tall as the frame would make it grow without end.
        open(s, "/?embed=1#view=read")?;
        s.wait_for("the text", "return !!document.querySelector('#article-text mark')", WAIT)?;
        let embedded = marks(s, ".read-layout")?;
        ensure(
            embedded["strip"][2].as_f64() > embedded["strip"][3].as_f64()
                && embedded["marks"].as_array().map_or(0, Vec::len) == count,
            format!("the embed's strip is not across the top with every quote: {}", embedded["strip"]),
        )
    });
}

/// An article of `n` quotes over four sides, one quote per paragraph.
fn many_quotes(n: usize) -> Value {
    let sides: Vec<Value> = (0..4).map(|i| json!({ "id": format!("s{i}"), "label": format!("Side {i}") })).collect();
    let speakers: Vec<Value> = (0..8)
        .map(|i| json!({ "id": format!("p{i}"), "name": format!("Person {i}"), "side": format!("s{}", i % 4) }))
        .collect();
    let body: Vec<String> =
        (0..n).map(|i| format!("Person {} said “statement number {i} of the day”.", i % 8)).collect();
    let quotes: Vec<Value> = (0..n)
        .map(|i| json!({ "id": format!("q{i}"), "speaker": format!("p{}", i % 8), "kind": "direct", "text": format!("statement number {i} of the day") }))
        .collect();
    json!({ "format_version": 1, "title": "A thousand quotes", "source": { "name": "Test" }, "language": "en",
            "body": body, "sides": sides, "speakers": speakers, "topics": [], "quotes": quotes })
}

#[test]
fn on_a_phone_and_in_a_long_article_the_strip_runs_across_the_top() {
    run_phone(|s| {
        site()?.route("/strip/many.json", "application/json", many_quotes(1000).to_string());
        open(s, "/?src=strip/many.json#view=read")?;
        s.wait_for(
            "the long article",
            "return document.querySelectorAll('.read-layout .strip a.strip-mark').length === 1000",
            WAIT,
        )?;
        let found = marks(s, ".read-layout")?;
        ensure(
            found["strip"][2].as_f64() > found["strip"][3].as_f64(),
            format!("the strip is upright on a phone: {}", found["strip"]),
        )?;
        let above = s.js(
            "return document.querySelector('.read-layout .strip').getBoundingClientRect().bottom
                  <= document.querySelector('#article-text').getBoundingClientRect().top",
            vec![],
        )?;
        ensure(above == json!(true), "on a phone the strip is not above the text")?;
        let xs: Vec<f64> = found["marks"].as_array().into_iter().flatten().filter_map(|m| m["x"].as_f64()).collect();
        ensure(xs.windows(2).all(|w| w[0] <= w[1]), "the marks are not left to right")?;
        ensure(
            xs[999] > xs[0] + found["strip"][2].as_f64().unwrap_or(0.0) * 0.9,
            format!("the marks do not span the strip: {} to {}", xs[0], xs[999]),
        )?;
        // The last quote is one tap away.
        s.js("document.querySelector('.read-layout .strip a[data-quote=\"q999\"]').click()", vec![])?;
        s.wait_for(
            "the last quote on screen",
            "const m = document.querySelector('#article-text mark.selected[data-quote-id=\"q999\"]');
             if (!m) return false; const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
            WAIT,
        )?;
        s.screenshot(&screenshot_dir().join("strip-phone.png"))
    });
}

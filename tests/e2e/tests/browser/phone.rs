//! Phones first (375 × 812, touch): the positions start on the first screen, the secondary actions
//! fold behind one "More" button, and a newsroom embed starts at most two screens tall, each
//! question showing its first quote per side until "Show all N quotes" opens it.

use e2e::harness::{ensure, open, project_root, run_phone, screenshot_dir, set_author_text, site, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// Where the first question and the second line of its first quote end, and the screen height.
const FIRST_SCREEN: &str = r#"
    const shown = sel => [...document.querySelectorAll(sel)].find(e => e.getClientRects().length);
    const topic = shown('.compare .topic');
    const text = shown('.compare .quote-card .quote-text');
    if (!topic || !text) return null;
    const line = parseFloat(getComputedStyle(text).lineHeight);
    return { screen: innerHeight, topic: topic.getBoundingClientRect().bottom,
             lines: text.getBoundingClientRect().top + 2 * line };
"#;

/// Whether the element matching the CSS selector is rendered (not folded away).
fn displayed(s: &Session, css: &str) -> Result<bool> {
    let script = "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0";
    Ok(s.js(script, vec![json!(css)])? == json!(true))
}

fn check_first_screen(s: &Session, what: &str) -> Result<()> {
    let at = s.js(FIRST_SCREEN, vec![])?;
    ensure(at != Value::Null, format!("{what}: no question or quote shown"))?;
    let screen = at["screen"].as_f64().unwrap_or(0.0);
    ensure(screen == 812.0, format!("{what}: the screen is {screen} px tall"))?;
    ensure(
        at["topic"].as_f64().is_some_and(|y| y <= screen) && at["lines"].as_f64().is_some_and(|y| y <= screen),
        format!("{what}: the first question or the first lines of its first quote are below the first screen: {at}"),
    )
}

/// The three-sided test article, served beside the app.
fn serve_three_sides() -> Result<()> {
    let json =
        std::fs::read_to_string(project_root().join("tests/data/three-sides.json")).map_err(|e| e.to_string())?;
    site()?.route("/phone/three-sides.json", "application/json", json);
    Ok(())
}

#[test]
fn on_a_phone_the_positions_start_on_the_first_screen_and_the_rest_is_one_tap_away() {
    run_phone(|s| {
        serve_three_sides()?;
        for (path, what) in [
            ("/", "the built-in article"),
            ("/?src=phone/three-sides.json", "the three-sided article"),
            ("/?embed=1", "the built-in article embedded"),
            ("/?src=phone/three-sides.json&embed=1", "the three-sided article embedded"),
        ] {
            open(s, path)?;
            s.wait_for("the positions", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
            check_first_screen(s, what)?;
        }

        open(s, "/")?;
        s.screenshot(&screenshot_dir().join("phone-first-screen.png"))?;
        // Open file, Paste JSON, the drop hint and Share / Embed are folded behind "More".
        for folded in ["label[for=file-input]", ".loader-actions .button", ".share-button"] {
            ensure(!displayed(s, folded)?, format!("{folded} takes room on the first screen"))?;
        }
        let toggle = s.find(".more-toggle")?;
        ensure(
            s.js("return document.querySelector('.more-toggle').getAttribute('aria-expanded')", vec![])?
                == json!("false"),
            "More says it is open",
        )?;
        s.click(&toggle)?;
        s.wait_for("the actions", "return document.querySelector('.share-button').getClientRects().length > 0", WAIT)?;
        for action in ["label[for=file-input]", ".loader-actions .button", ".share-button"] {
            ensure(displayed(s, action)?, format!("{action} is not in the opened menu"))?;
        }
        ensure(
            s.js("return document.querySelector('.more-toggle').getAttribute('aria-expanded')", vec![])?
                == json!("true"),
            "More does not say it is open",
        )?;
        ensure(!displayed(s, ".loader-actions .hint")?, "a phone is told to drop files and press Ctrl+V")?;
        s.screenshot(&screenshot_dir().join("phone-more-open.png"))?;
        // The search and the filters stay one tap away.
        ensure(
            displayed(s, "#search")? && displayed(s, ".filters-toggle")?,
            "the search or the filters are folded away",
        )
    });
}

/// Per question row of the embed: visible cards, and the "Show all" button's text and state.
const ROWS: &str = r#"
    return [...document.querySelectorAll('.compare .topic-row')].map(row => {
        const cards = [...row.querySelectorAll('.quote-card')];
        const cells = [...row.querySelectorAll('.cell')]
            .map(c => [...c.querySelectorAll('.quote-card')].filter(e => e.getClientRects().length).length);
        const button = row.querySelector('.show-all');
        return { topic: row.dataset.topic, total: cards.length,
                 visible: cards.filter(e => e.getClientRects().length).length, cells,
                 nonEmpty: [...row.querySelectorAll('.cell')].filter(c => c.querySelector('.quote-card')).length,
                 button: button && button.textContent, expanded: button && button.getAttribute('aria-expanded') };
    });
"#;

#[test]
fn a_phone_embed_starts_within_two_screens_and_opens_a_question_with_show_all() {
    run_phone(|s| {
        open(s, "/?embed=1")?;
        s.wait_for("the positions", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        let height = s.js("return document.documentElement.scrollHeight", vec![])?.as_f64().unwrap_or(f64::MAX);
        ensure(height <= 2.0 * 812.0, format!("the embed starts {height} px tall on a phone, more than two screens"))?;
        s.screenshot(&screenshot_dir().join("phone-embed.png"))?;

        let rows = s.js(ROWS, vec![])?;
        let rows = rows.as_array().cloned().unwrap_or_default();
        ensure(rows.len() == 5, format!("{} questions in the embed", rows.len()))?;
        for row in &rows {
            // One quote per side that has any, and a button naming them all when more are there.
            let cells: Vec<u64> = row["cells"].as_array().into_iter().flatten().filter_map(Value::as_u64).collect();
            ensure(
                cells.iter().all(|&n| n <= 1),
                format!("a collapsed question shows more than one quote per side: {row}"),
            )?;
            ensure(row["visible"] == row["nonEmpty"], format!("a side with quotes shows none: {row}"))?;
            if row["total"].as_u64() > row["visible"].as_u64() {
                ensure(
                    row["button"] == json!(format!("Show all {} quotes", row["total"]))
                        && row["expanded"] == json!("false"),
                    format!("a collapsed question has no Show all button: {row}"),
                )?;
            }
        }

        // "Show all" opens one question, and only that one.
        s.click(&s.find(".topic-row[data-topic=civilians] .show-all")?)?;
        let rows = s.wait_for(
            "the question to open",
            &format!("const rows = (function () {{ {ROWS} }})(); const r = rows.find(r => r.topic === 'civilians'); return r.visible === r.total ? rows : null"),
            WAIT,
        )?;
        for row in rows.as_array().into_iter().flatten() {
            let open = row["topic"] == json!("civilians");
            ensure((row["expanded"] == json!("true")) == open, format!("opening one question changed another: {row}"))?;
        }
        let opened =
            s.js("return document.querySelector('.topic-row[data-topic=civilians] .show-all').textContent", vec![])?;
        ensure(opened == json!("Show fewer quotes"), format!("the opened question's button says {opened}"))?;
        let taller = s.js("return document.documentElement.scrollHeight", vec![])?.as_f64().unwrap_or(0.0);
        ensure(taller > height + 200.0, format!("the embed grew from {height} to {taller} px only"))
    });
}

#[test]
fn a_linked_quote_in_an_embed_opens_its_question() {
    run_phone(|s| {
        // The third Russian quote on the peace question: folded away until its question opens.
        // (A quote alone opens Read, where nothing is folded.)
        for path in
            ["/?embed=1#view=compare&quote=churkin-impossible", "/?embed=1&view=compare&quote=churkin-impossible"]
        {
            open(s, path)?;
            s.wait_for(
                "the linked quote on screen",
                "const c = [...document.querySelectorAll('.compare .quote-card[data-quote-id=\"churkin-impossible\"]')]
                   .find(e => e.getClientRects().length);
                 if (!c) return false;
                 const r = c.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;",
                WAIT,
            )?;
            let expanded = s.js(
                "return [...document.querySelectorAll('.topic-row')].filter(r => r.querySelector('.quote-card.selected'))
                   .map(r => r.querySelector('.show-all').getAttribute('aria-expanded'))",
                vec![],
            )?;
            ensure(
                expanded.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(|e| e == "true")),
                format!("{path}: the linked quote's questions are not open: {expanded}"),
            )?;
        }
        Ok(())
    });
}

#[test]
fn a_collection_on_a_phone_fits_the_screen_and_every_view_is_one_tap_away() {
    run_phone(|s| {
        open(s, "/?src=articles/un-aleppo-2016-collection.json#view=coverage")?;
        s.wait_for("the Coverage view", "return document.querySelector('.by-sides tbody tr') !== null", WAIT)?;
        let fits = "return [document.documentElement.scrollWidth, innerWidth]";
        let widths = s.js(fits, vec![])?;
        ensure(widths[0] == widths[1], format!("the Coverage view is wider than the phone: {widths}"))?;
        // A wide table scrolls in its own box; an outlet's name breaks between words only.
        let outlet = s.js(
            "const a = document.querySelector('.by-sides tbody th a'); const r = a.getBoundingClientRect();
             return [a.textContent, Math.round(r.width), a.getClientRects().length]",
            vec![],
        )?;
        let words = outlet[0].as_str().unwrap_or_default().split_whitespace().count() as u64;
        ensure(
            outlet[2].as_u64().is_some_and(|lines| lines <= words),
            format!("an outlet's name breaks inside a word: {outlet}"),
        )?;
        // Four views and More: each view's tab is what a tap at its centre reaches.
        let covered = s.js(
            "return [...document.querySelectorAll('.view-tab')].filter(t => t.getClientRects().length).filter(t => {
                 const r = t.getBoundingClientRect();
                 return !t.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
             }).map(t => t.textContent)",
            vec![],
        )?;
        ensure(covered == json!([]), format!("tabs covered by something else: {covered}"))?;
        s.screenshot(&screenshot_dir().join("phone-coverage.png"))?;
        // An article of the collection fits too.
        s.click(&s.find(".by-sides tbody th a")?)?;
        s.wait_for("the outlet's article", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        let widths = s.js(fits, vec![])?;
        ensure(widths[0] == widths[1], format!("the outlet's article is wider than the phone: {widths}"))
    });
}

#[test]
fn the_authoring_tables_headings_read_across_on_a_phone() {
    run_phone(|s| {
        open(s, "/#view=author")?;
        let text = std::fs::read_to_string(project_root().join("tests/data/russia-us-syria-2016.txt"))
            .map_err(|e| e.to_string())?;
        set_author_text(s, &text)?;
        s.wait_for(
            "the speakers table",
            "return document.querySelectorAll('.speakers-table tbody tr').length > 0",
            WAIT,
        )?;
        // Each heading is one word or two: on one or two lines, never a letter per line.
        let tall = s.js(
            "return [...document.querySelectorAll('.speakers-table thead th')].filter(th => {
                 const line = parseFloat(getComputedStyle(th).lineHeight) || 20;
                 return th.textContent.trim() && th.getBoundingClientRect().height > 3 * line;
             }).map(th => th.textContent.trim())",
            vec![],
        )?;
        ensure(tall == json!([]), format!("headings broken into letters: {tall}"))?;
        let widths = s.js("return [document.documentElement.scrollWidth, innerWidth]", vec![])?;
        ensure(widths[0] == widths[1], format!("the authoring view is wider than the phone: {widths}"))
    });
}

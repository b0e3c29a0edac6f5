//! The explorer on the release build, in headless Chromium: highlighting, navigation, filters,
//! keyboard use and the phone layout. Each test saves a screenshot under `target/screenshots/`.

use std::time::Duration;

use e2e::harness::{ensure, open, run, run_phone, screenshot_dir, seed_article, WAIT};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// Whitespace-insensitive comparison text, as the anchorer treats it.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The concatenated text of every mark of each quote, in document order.
const MARK_TEXTS: &str = r#"
    const out = {};
    for (const m of document.querySelectorAll('mark[data-quote-id]')) {
        const id = m.getAttribute('data-quote-id');
        out[id] = (out[id] || '') + m.textContent;
    }
    return out;
"#;

/// Whether the first mark or card for a quote is on screen.
const IN_VIEW: &str = r#"
    const el = [...document.querySelectorAll(arguments[0])].find(e => e.getAttribute('data-quote-id') === arguments[1]);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
"#;

fn in_view(session: &Session, selector: &str, id: &str) -> Result<bool> {
    Ok(session.js(IN_VIEW, vec![json!(selector), json!(id)])? == json!(true))
}

fn hash(session: &Session) -> Result<String> {
    Ok(session.js("return location.hash", vec![])?.as_str().unwrap_or_default().to_owned())
}

fn wait_hash(session: &Session, needle: &str) -> Result<()> {
    let script = format!("return location.hash.includes({})", json!(needle));
    session.wait_for(&format!("the URL to contain {needle}"), &script, WAIT).map(drop)
}

#[test]
fn every_seed_quote_is_highlighted_and_no_mark_holds_text_outside_its_quote() {
    run(|s| {
        open(s, "/#view=read")?;
        let marks = s.js(MARK_TEXTS, vec![])?;
        let article = seed_article()?;
        let quotes = article["quotes"].as_array().ok_or("no quotes")?;
        ensure(quotes.len() >= 12, "the seed has too few quotes")?;
        for quote in quotes {
            let id = quote["id"].as_str().unwrap_or_default();
            let expected = squash(quote["text"].as_str().unwrap_or_default());
            let got = marks.get(id).and_then(Value::as_str).map(squash);
            ensure(
                got.as_deref() == Some(expected.as_str()),
                format!("quote {id}: marks hold {got:?}, expected {expected:?}"),
            )?;
        }
        // Each paragraph finds its own direction, for right-to-left text.
        let undirected = s.js("return [...document.querySelectorAll('#article-text p')].filter(p => p.getAttribute('dir') !== 'auto').length", vec![])?;
        ensure(undirected == json!(0), format!("{undirected} paragraphs without dir=auto"))?;
        // Every mark names a quote of the article and a side.
        let bad = s.js(
            "return [...document.querySelectorAll('#article-text mark')].filter(m => !m.dataset.quoteId || !m.dataset.side).length",
            vec![],
        )?;
        ensure(bad == json!(0), format!("{bad} marks lack data-quote-id or data-side"))?;
        // Screen readers hear who speaks: every quote start has a speaker label.
        let labels = s.js("return document.querySelectorAll('#article-text .speaker-tag').length", vec![])?;
        ensure(labels == json!(quotes.len()), format!("{labels} speaker labels for {} quotes", quotes.len()))?;
        // A quote's label comes before its opening quote mark: the mark stays with the words.
        let around = s.js(
            "const prev = n => { do { n = n.previousSibling; } while (n && n.nodeType === Node.COMMENT_NODE); return n; };
             const mark = document.querySelector('#article-text mark[data-quote-id=\"lavrov-regional\"]');
             const before = prev(mark);
             return [before.textContent, prev(before).classList.contains('speaker-tag')]",
            vec![],
        )?;
        ensure(around == json!(["“", true]), format!("before the quote “Yes we are…”: {around}"))?;
        s.screenshot(&screenshot_dir().join("read.png"))
    });
}

#[test]
fn compare_shows_one_column_per_side_and_explicit_gaps() {
    run(|s| {
        open(s, "/")?;
        let article = seed_article()?;
        let sides = article["sides"].as_array().map_or(0, Vec::len);
        let topics = article["topics"].as_array().map_or(0, Vec::len);
        let heads = s.js("return document.querySelectorAll('.compare .side-head').length", vec![])?;
        ensure(heads == json!(sides), format!("{heads} side columns for {sides} sides"))?;
        let rows = s.js("return document.querySelectorAll('.compare .topic-row').length", vec![])?;
        ensure(rows == json!(topics), format!("{rows} rows for {topics} topics"))?;
        let cards = s.js("return document.querySelectorAll('.compare .quote-card').length", vec![])?;
        ensure(cards.as_u64() >= article["quotes"].as_array().map(|q| q.len() as u64), format!("only {cards} cards"))?;
        // The United States says nothing on why the ceasefire collapsed: an explicit gap.
        let gap = s.js(
            "const row = document.querySelector('.topic-row[data-topic=ceasefire]'); return row && row.querySelector('.gap') && row.querySelector('.gap').textContent",
            vec![],
        )?;
        ensure(gap == json!("No statement in this article"), format!("ceasefire gap: {gap}"))?;
        // The balance meter counts each side's quotes.
        let ru = article["quotes"].as_array().map_or(0, |q| {
            q.iter().filter(|q| ["lavrov", "churkin"].contains(&q["speaker"].as_str().unwrap_or(""))).count()
        });
        let text =
            s.js("return document.querySelector('.balance-row[data-side=ru] .balance-numbers').textContent", vec![])?;
        ensure(
            text.as_str().is_some_and(|t| t.starts_with(&format!("{ru} quotes"))),
            format!("balance for Russia: {text}"),
        )?;
        s.screenshot(&screenshot_dir().join("compare.png"))
    });
}

#[test]
fn clicking_a_compare_quote_opens_read_at_it_and_back_returns() {
    run(|s| {
        open(s, "/")?;
        let card = s.find(".quote-card[data-quote-id='churkin-impossible']")?;
        s.click(&card)?;
        wait_hash(s, "view=read")?;
        s.wait_for("the mark", "return document.querySelector('#article-text mark.selected') !== null", WAIT)?;
        s.wait_for("the quote to scroll into view", &format!("return (function(){{ {IN_VIEW} }}).apply(null, ['#article-text mark[data-quote-id]', 'churkin-impossible'])"), WAIT)?;
        let flashed =
            s.js("return document.activeElement && document.activeElement.getAttribute('data-quote-id')", vec![])?;
        ensure(flashed == json!("churkin-impossible"), format!("focus is on {flashed}"))?;
        let flash = s.js("return document.querySelectorAll('mark.flash').length", vec![])?;
        ensure(flash.as_u64().unwrap_or(0) >= 1, "the quote did not flash")?;
        // Back returns to where the reader was: the Compare view at the bare URL.
        s.back()?;
        s.wait_for(
            "the Compare view after Back",
            "return document.querySelector('.compare') !== null && !location.hash.includes('view=read')",
            WAIT,
        )?;
        Ok(())
    });
}

#[test]
fn clicking_a_highlight_selects_its_quote_in_compare() {
    run(|s| {
        open(s, "/#view=read")?;
        let mark = s.find("#article-text mark[data-quote-id='lavrov-truce']")?;
        s.click(&mark)?;
        wait_hash(s, "view=compare")?;
        ensure(hash(s)?.contains("quote=lavrov-truce"), "the URL does not hold the quote")?;
        s.wait_for(
            "the selected card",
            "return document.querySelector('.quote-card.selected[data-quote-id=\"lavrov-truce\"]') !== null",
            WAIT,
        )?;
        std::thread::sleep(Duration::from_millis(200));
        ensure(in_view(s, ".quote-card[data-quote-id]", "lavrov-truce")?, "the selected card is off screen")
    });
}

#[test]
fn a_quote_deep_link_opens_at_the_quote() {
    run(|s| {
        open(s, "/#quote=power-war")?;
        s.wait_for(
            "the selected mark",
            "return document.querySelector('#article-text mark.selected[data-quote-id=\"power-war\"]') !== null",
            WAIT,
        )?;
        std::thread::sleep(Duration::from_millis(200));
        ensure(in_view(s, "#article-text mark[data-quote-id]", "power-war")?, "the deep-linked quote is off screen")?;
        s.screenshot(&screenshot_dir().join("deep-link.png"))
    });
}

#[test]
fn a_quote_opened_after_a_filter_change_keeps_the_filters_as_they_are_now() {
    run(|s| {
        // The grid was built with the US hidden; the reader shows it again, then opens a US quote.
        open(s, "/#view=compare&hide=us")?;
        s.click(&s.find(".side-toggle[data-side=us]")?)?;
        s.wait_for("the US side shown", "return !location.hash.includes('hide=us')", WAIT)?;
        // The link the card offers (to copy or open in a new tab) is the current one.
        s.js("document.querySelector(\".quote-card[data-quote-id='us-barbarism']\").focus()", vec![])?;
        let link = s.js(
            "return document.querySelector(\".quote-card[data-quote-id='us-barbarism']\").getAttribute('href')",
            vec![],
        )?;
        ensure(
            link.as_str().is_some_and(|l| l.contains("quote=us-barbarism") && !l.contains("hide=us")),
            format!("the card links to {link}"),
        )?;
        s.click(&s.find(".quote-card[data-quote-id='us-barbarism']")?)?;
        wait_hash(s, "view=read")?;
        ensure(!hash(s)?.contains("hide=us"), format!("opening the quote hid its side again: {}", hash(s)?))?;
        s.wait_for(
            "the quote highlighted in Read",
            "const m = document.querySelector(\"#article-text mark.selected[data-quote-id='us-barbarism']\"); return !!m && m.getClientRects().length > 0",
            WAIT,
        )?;
        // And a filter set after the grid was built goes with the quote opened next.
        s.click(&s.find(".view-tab[href*='view=compare']")?)?;
        s.wait_for("Compare", "return document.querySelector('.compare .quote-card') !== null", WAIT)?;
        s.click(&s.find(".side-toggle[data-side=us]")?)?;
        wait_hash(s, "hide=us")?;
        s.click(&s.find(".quote-card[data-quote-id='churkin-impossible']")?)?;
        wait_hash(s, "view=read")?;
        let now = hash(s)?;
        ensure(
            now.contains("hide=us") && now.contains("quote=churkin-impossible"),
            format!("opening a quote dropped the filter: {now}"),
        )
    });
}

#[test]
fn a_side_filter_hides_that_sides_quotes_everywhere() {
    run(|s| {
        open(s, "/")?;
        let before = s.js("return document.querySelectorAll('.quote-card[data-side=us]').length", vec![])?;
        ensure(before.as_u64().unwrap_or(0) > 0, "no US quotes to begin with")?;
        s.click(&s.find(".side-toggle[data-side=us]")?)?;
        wait_hash(s, "hide=us")?;
        let pressed =
            s.js("return document.querySelector('.side-toggle[data-side=us]').getAttribute('aria-pressed')", vec![])?;
        ensure(pressed == json!("false"), "the toggle does not say it is off")?;
        let after = s.js("return [...document.querySelectorAll('.quote-card[data-side=us]')].filter(e => e.getClientRects().length).length", vec![])?;
        ensure(after == json!(0), format!("{after} US quotes still shown in Compare"))?;
        // Power speaks for the US: her own toggle says she is hidden with her side.
        let power = s.js(
            "const b = document.querySelector('.speaker-toggle[data-speaker=power]');
             return [b.getAttribute('aria-pressed'), b.disabled, b.title];",
            vec![],
        )?;
        ensure(
            power == json!(["false", true, "Hidden with the side United States"]),
            format!("Power's toggle while the US side is hidden: {power}"),
        )?;
        let ru = s.js("return [...document.querySelectorAll('.quote-card[data-side=ru]')].filter(e => e.getClientRects().length).length", vec![])?;
        ensure(ru.as_u64().unwrap_or(0) > 0, "Russian quotes vanished too")?;
        let balance = s.js("return document.querySelector('.balance-title').textContent", vec![])?;
        ensure(balance == json!("Balance of the quotes shown"), format!("the filtered balance is titled {balance}"))?;
        // The filter lives in the URL, so the Read view honours it as well.
        s.click(&s.find(".view-tab[href*='view=read']")?)?;
        wait_hash(s, "view=read")?;
        s.wait_for("the Read view", "return document.querySelector('#article-text') !== null", WAIT)?;
        let marks = s.js("return document.querySelectorAll('#article-text mark[data-side=us]').length", vec![])?;
        ensure(marks == json!(0), format!("{marks} US highlights remain"))?;
        // The labels naming the side's speakers go with their quotes.
        let tags = s.js(
            "return [...document.querySelectorAll('#article-text .speaker-tag[data-side=us]')].filter(e => e.getClientRects().length).length",
            vec![],
        )?;
        ensure(tags == json!(0), format!("{tags} US speaker labels still shown in Read"))?;
        let ru_marks = s.js("return document.querySelectorAll('#article-text mark[data-side=ru]').length", vec![])?;
        ensure(ru_marks.as_u64().unwrap_or(0) > 0, "Russian highlights vanished too")
    });
}

#[test]
fn a_filter_answers_in_the_clicks_own_task_and_back_undoes_it() {
    run(|s| {
        open(s, "/")?;
        // Within the click's task and its microtasks (no other task can run in between), the
        // cards are hidden, so the very next frame paints them hidden. Answering from a
        // `hashchange` would take a task of its own, which may come after that frame.
        let answered = s.js_async(
            "const done = arguments[arguments.length - 1];
             const shown = () => [...document.querySelectorAll('.quote-card[data-side=us]')].filter(e => e.getClientRects().length).length;
             const before = shown();
             document.querySelector('.side-toggle[data-side=us]').click();
             let hops = 0;
             const check = () => {
                 if (shown() === 0) return done({ before, hops, hash: location.hash });
                 if (++hops > 200) return done({ before, hops, hash: location.hash, still: shown() });
                 queueMicrotask(check);
             };
             queueMicrotask(check);",
            vec![],
        )?;
        ensure(
            answered["before"].as_u64().unwrap_or(0) > 0 && answered["still"].is_null(),
            format!("the cards were still shown when the click's task ended: {answered}"),
        )?;
        ensure(
            answered["hash"].as_str().is_some_and(|h| h.contains("hide=us")),
            format!("the address does not carry the filter: {answered}"),
        )?;
        // The filter is a history entry: Back shows the side again.
        s.js("history.back()", vec![])?;
        s.wait_for(
            "the side shown again",
            "return [...document.querySelectorAll('.quote-card[data-side=us]')].filter(e => e.getClientRects().length).length > 0",
            WAIT,
        )?;
        ensure(!hash(s)?.contains("hide=us"), "Back left the filter in the address")
    });
}

#[test]
fn search_and_speaker_filters_narrow_the_quotes() {
    run(|s| {
        open(s, "/")?;
        let input = s.find("#search")?;
        s.send_keys(&input, "barbarism")?;
        wait_hash(s, "q=barbarism")?;
        let texts =
            s.js("return [...document.querySelectorAll('.quote-card .quote-text')].filter(e => e.getClientRects().length).map(e => e.textContent)", vec![])?;
        let texts = texts.as_array().cloned().unwrap_or_default();
        ensure(!texts.is_empty(), "search found nothing")?;
        ensure(
            texts.iter().all(|t| t.as_str().unwrap_or("").to_lowercase().contains("barbarism")),
            format!("search let through {texts:?}"),
        )?;
        open(s, "/#view=compare&mute=lavrov")?;
        let lavrov = s.js("return [...document.querySelectorAll('.quote-card .who')].filter(e => e.getClientRects().length && e.textContent.includes('Lavrov')).length", vec![])?;
        ensure(lavrov == json!(0), "a muted speaker is still shown")
    });
}

#[test]
fn keyboard_alone_reaches_a_quote_and_opens_it() {
    run(|s| {
        open(s, "/")?;
        // Tab until a quote card has focus, then open it with Enter.
        let mut reached = false;
        for _ in 0..40 {
            s.press_keys("\u{E004}")?;
            let focused = s.js("return document.activeElement.className", vec![])?;
            if focused.as_str().is_some_and(|c| c.contains("quote-card")) {
                reached = true;
                break;
            }
        }
        ensure(reached, "Tab never reached a quote card")?;
        let id = s.js("return document.activeElement.getAttribute('data-quote-id')", vec![])?;
        let outline = s.js("return getComputedStyle(document.activeElement).outlineStyle", vec![])?;
        ensure(outline != json!("none"), "the focused card has no visible focus")?;
        s.press_keys("\u{E007}")?;
        wait_hash(s, "view=read")?;
        s.wait_for(
            "focus on the quote",
            &format!("return document.activeElement && document.activeElement.getAttribute('data-quote-id') === {id}"),
            WAIT,
        )?;
        // Focus shows who is speaking: the speaker, role and side.
        let tip = s.js("return getComputedStyle(document.activeElement, '::after').content", vec![])?;
        ensure(tip.as_str().is_some_and(|t| t.contains(" · ")), format!("no speaker tip on focus: {tip}"))?;
        // Enter on the focused highlight goes back to Compare with it selected.
        s.press_keys("\u{E007}")?;
        wait_hash(s, "view=compare")?;
        ensure(
            hash(s)?.contains(&format!("quote={}", id.as_str().unwrap_or(""))),
            "Enter on a highlight did not select it",
        )
    });
}

#[test]
fn the_phone_layout_has_no_horizontal_scroll() {
    run_phone(|s| {
        for (path, name) in [("/", "phone-compare.png"), ("/#view=read", "phone-read.png")] {
            open(s, path)?;
            let width = s.js("return window.innerWidth", vec![])?;
            ensure(width == json!(375), format!("the phone is {width} px wide"))?;
            let overflow = s.js(
                r#"const w = document.documentElement.clientWidth;
                   if (document.documentElement.scrollWidth > w) return 'page scrolls: ' + document.documentElement.scrollWidth;
                   const wide = [...document.querySelectorAll('.app *')]
                     .filter(e => !e.closest('.sr-only') && e.getBoundingClientRect().right > w + 1);
                   return wide.length ? 'cut off: ' + wide.slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ') : '';"#,
                vec![],
            )?;
            ensure(overflow == json!(""), format!("{path}: {overflow}"))?;
            s.screenshot(&screenshot_dir().join(name))?;
        }
        // On a phone each cell names its side, since the column heads are gone.
        open(s, "/")?;
        let labelled = s.js("return getComputedStyle(document.querySelector('.cell-side')).display", vec![])?;
        ensure(labelled != json!("none"), "cells do not name their side on a phone")?;
        // The filters fold away on a phone and open with one button.
        let hidden = s.js("return document.querySelector('.side-toggle').offsetParent === null", vec![])?;
        ensure(hidden == json!(true), "the filters take the first screen on a phone")?;
        s.click(&s.find(".filters-toggle")?)?;
        s.wait_for("the filters to open", "return document.querySelector('.side-toggle').offsetParent !== null", WAIT)?;
        let expanded =
            s.js("return document.querySelector('.filters-toggle').getAttribute('aria-expanded')", vec![])?;
        ensure(expanded == json!("true"), "the toggle does not say it is open")
    });
}

#[test]
fn the_page_logs_no_errors() {
    run(|s| {
        open(s, "/")?;
        open(s, "/#view=read")?;
        let errors: Vec<Value> = s.log("browser")?.into_iter().filter(|e| e["level"] == json!("SEVERE")).collect();
        ensure(errors.is_empty(), format!("console errors: {errors:?}"))
    });
}

#[test]
fn paper_is_black_on_white_even_in_dark_mode() {
    run(|s| {
        open(s, "/?theme=dark#view=read")?;
        let screen = s.js("return getComputedStyle(document.body).color", vec![])?;
        ensure(screen != json!("rgb(0, 0, 0)"), format!("dark mode did not apply on screen: {screen}"))?;
        s.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))?;
        let (fg, bg) = (
            s.js("return getComputedStyle(document.body).color", vec![])?,
            s.js("return getComputedStyle(document.body).backgroundColor", vec![])?,
        );
        ensure(fg == json!("rgb(0, 0, 0)") && bg == json!("rgb(255, 255, 255)"), format!("print colours {fg} on {bg}"))
    });
}

#[test]
fn focusing_a_highlight_on_a_phone_keeps_the_page_from_scrolling_sideways() {
    run_phone(|s| {
        open(s, "/#view=read")?;
        let widths = s.js(
            r#"for (const m of document.querySelectorAll('#article-text mark[tabindex="0"]')) m.focus({ focusVisible: true });
               return [document.documentElement.scrollWidth, document.documentElement.clientWidth];"#,
            vec![],
        )?;
        ensure(widths[0] == widths[1], format!("page width {} for a {} px screen", widths[0], widths[1]))
    });
}

#[test]
fn links_and_searches_that_find_nothing_say_so() {
    run(|s| {
        open(s, "/#quote=no-such-quote")?;
        let notice = s.wait_for(
            "a notice",
            "const n = document.querySelector('.quote-notice'); return n && n.textContent",
            WAIT,
        )?;
        ensure(notice == json!("This article has no quote “no-such-quote”."), format!("{notice}"))?;
        open(s, "/#quote=power-war&hide=us")?;
        let notice = s.wait_for(
            "a notice",
            "const n = document.querySelector('.quote-notice'); return n && n.textContent",
            WAIT,
        )?;
        ensure(notice.as_str().is_some_and(|n| n.contains("hidden by your filters")), format!("{notice}"))?;
        // A link into a collection's article, where no collection is open.
        open(s, "/#view=read&article=wire&quote=power-airstrikes")?;
        let notice = s.wait_for(
            "a notice",
            "const n = document.querySelector('.quote-notice'); return n && n.textContent",
            WAIT,
        )?;
        ensure(
            notice.as_str().is_some_and(|n| n.contains("article “wire” of a collection that is not open")),
            format!("{notice}"),
        )?;
        open(s, "/#view=read&q=zzzz")?;
        let count = s.wait_for(
            "a count",
            "const n = document.querySelector('.search-count'); return n && n.textContent",
            WAIT,
        )?;
        ensure(count == json!("No quotes match “zzzz”."), format!("{count}"))
    });
}

/// A split quote (“A,” X said. “B.”) written as "A … B": Read highlights both parts under its
/// one id and leaves the attribution between them plain, with one tab stop and one label; Compare
/// shows it once; and the anchor-health panel does not count it as approximate.
#[test]
fn a_split_quote_is_highlighted_in_both_parts_and_shown_once() {
    run(|s| {
        let article = json!({
            "format_version": 1, "title": "A split quote", "source": { "name": "Test" }, "language": "en",
            "body": ["“We will not leave,” Lavrov said on Friday. “Not now, not ever.” Then he left the room."],
            "sides": [{ "id": "a", "label": "Side A" }],
            "speakers": [{ "id": "lavrov", "name": "Sergei Lavrov", "side": "a" }],
            "topics": [{ "id": "t", "label": "Leaving" }],
            "quotes": [{ "id": "q1", "speaker": "lavrov", "kind": "direct", "topics": ["t"],
                         "text": "We will not leave … Not now, not ever." }]
        });
        e2e::harness::site()?.route("/split/article.json", "application/json", article.to_string());
        open(s, "/?src=split/article.json#view=read")?;
        s.wait_for(
            "the split quote",
            "return document.querySelectorAll('#article-text mark[data-quote-id=\"q1\"]').length > 0",
            WAIT,
        )?;
        let marks = s.js(
            "return [...document.querySelectorAll('#article-text mark[data-quote-id=\"q1\"]')]
                 .map(m => [m.textContent, m.getAttribute('tabindex')])",
            vec![],
        )?;
        ensure(
            marks == json!([["We will not leave", "0"], ["Not now, not ever.", "-1"]]),
            format!("the split quote's marks: {marks}"),
        )?;
        let labels = s.js("return document.querySelectorAll('#article-text .speaker-tag').length", vec![])?;
        ensure(labels == json!(1), format!("{labels} speaker labels for one quote"))?;
        let problems = s.js("return document.querySelectorAll('.anchor-health .near').length", vec![])?;
        ensure(problems == json!(0), format!("{problems} quotes listed as matched approximately"))?;
        open(s, "/?src=split/article.json#view=compare")?;
        s.wait_for("the grid", "return document.querySelectorAll('.compare .quote-card').length > 0", WAIT)?;
        let cards = s.js(
            "return [...document.querySelectorAll('.compare .quote-card')].map(c => c.querySelector('blockquote, q, .quote-text')?.textContent ?? c.textContent)",
            vec![],
        )?;
        let cards: Vec<String> = cards.as_array().into_iter().flatten().filter_map(Value::as_str).map(squash).collect();
        ensure(
            cards.len() == 1 && cards[0].contains("We will not leave … Not now, not ever."),
            format!("the grid's cards: {cards:?}"),
        )
    });
}

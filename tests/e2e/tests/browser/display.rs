//! How the page adapts to its reader: Windows high contrast (forced colours), 400% zoom (320 CSS
//! px), reduced motion, and an article in a right-to-left language. Screenshots go to
//! `target/screenshots/`.

use e2e::harness::{ensure, open, run, screenshot_dir, site, WAIT};
use serde_json::{json, Value};

/// What a reader in forced colours can still tell apart: the highlights against the text, each side
/// by its line pattern, the focus ring, the selected quote, and the balance bars against their track.
const FORCED: &str = r#"
    const css = (e, p) => e ? getComputedStyle(e).getPropertyValue(p) : null;
    const marks = [...document.querySelectorAll('#article-text mark[data-side]')];
    const plain = document.querySelector('#article-text p');
    const patterns = {};
    for (const m of marks) patterns[m.dataset.side] = css(m, 'text-decoration-style') + ' ' + css(m, 'text-decoration-line');
    const fill = document.querySelector('.balance-fill'), bar = document.querySelector('.balance-bar');
    const first = marks.find(m => m.tabIndex === 0);
    first.focus({ focusVisible: true });
    return {
        forced: matchMedia('(forced-colors: active)').matches,
        markBackground: css(marks[0], 'background-color'), textBackground: css(plain, 'background-color'),
        patterns,
        focus: [css(document.activeElement, 'outline-style'), parseFloat(css(document.activeElement, 'outline-width'))],
        fill: css(fill, 'background-color'), track: css(bar, 'background-color'),
        fillWidth: fill ? fill.getBoundingClientRect().width : 0,
    };
"#;

#[test]
fn in_forced_colours_highlights_sides_focus_and_balance_stay_visible() {
    run(|s| {
        open(s, "/#view=read")?;
        s.wait_for("the text", "return !!document.querySelector('#article-text mark[data-side]')", WAIT)?;
        s.emulate_media(&[("forced-colors", "active")])?;
        // The filters and balance show beside the text at this width.
        let seen = s.js(FORCED, vec![])?;
        ensure(seen["forced"] == json!(true), "forced colours are not emulated")?;
        ensure(seen["markBackground"] != seen["textBackground"], format!("highlights look like plain text: {seen}"))?;
        let patterns: Vec<&Value> = seen["patterns"].as_object().map(|o| o.values().collect()).unwrap_or_default();
        ensure(patterns.len() == 2 && patterns[0] != patterns[1], format!("the sides share one line pattern: {seen}"))?;
        ensure(
            patterns.iter().all(|p| p.as_str().is_some_and(|p| p.contains("underline"))),
            format!("a side has no underline: {seen}"),
        )?;
        ensure(
            seen["focus"][0] != json!("none") && seen["focus"][1].as_f64().is_some_and(|w| w >= 2.0),
            format!("the focus ring is lost: {seen}"),
        )?;
        ensure(
            seen["fill"] != seen["track"] && seen["fillWidth"].as_f64().is_some_and(|w| w > 0.0),
            format!("the balance bars vanish: {seen}"),
        )?;
        s.screenshot(&screenshot_dir().join("forced-colors-read.png"))?;
        open(s, "/#view=compare&quote=lavrov-truce")?;
        s.wait_for("the selected card", "return !!document.querySelector('.quote-card.selected')", WAIT)?;
        let selected = s.js(
            "const c = document.querySelector('.quote-card.selected'), o = document.querySelector('.quote-card:not(.selected)');
             const css = (e, p) => getComputedStyle(e).getPropertyValue(p);
             return [css(c, 'outline-style'), css(o, 'outline-style'), css(c, 'border-left-style'), css(o, 'border-left-width')]",
            vec![],
        )?;
        ensure(
            selected[0] != json!("none") && selected[1] == json!("none") && selected[2] != json!("none"),
            format!("the selected card or the cards' side lines are lost: {selected}"),
        )?;
        s.screenshot(&screenshot_dir().join("forced-colors-compare.png"))
    });
}

#[test]
fn at_400_percent_zoom_no_view_scrolls_sideways() {
    run(|s| {
        // 1280 px at 400% is 320 CSS px.
        s.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 320, "height": 700, "deviceScaleFactor": 4, "mobile": false }),
        )?;
        for path in ["/", "/#view=read", "/#view=author", "/?embed=1", "/?embed=1#view=read"] {
            open(s, path)?;
            let widths = s.js(
                "return [innerWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                vec![],
            )?;
            ensure(widths[0] == json!(320), format!("{path}: the page is {} px wide", widths[0]))?;
            ensure(widths[1] == widths[2], format!("{path}: the page scrolls sideways at 320 px: {widths}"))?;
        }
        open(s, "/")?;
        s.click(&s.find(".more-toggle")?)?;
        s.click(&s.find(".share-button")?)?;
        s.wait_for("the dialog", "return document.querySelector('.share-dialog').open", WAIT)?;
        let dialog = s.js(
            "const d = document.querySelector('.share-dialog'); return [d.scrollWidth, d.clientWidth, d.getBoundingClientRect().right, innerWidth]",
            vec![],
        )?;
        ensure(
            dialog[0] == dialog[1] && dialog[2].as_f64() <= dialog[3].as_f64(),
            format!("the Share dialog overflows at 320 px: {dialog}"),
        )?;
        s.screenshot(&screenshot_dir().join("zoom-400.png"))
    });
}

/// The animation a revealed quote gets, read a moment after the reveal starts.
const REVEALED: &str = r#"
    const m = document.querySelector('#article-text mark.flash');
    return m ? [getComputedStyle(m).animationName, getComputedStyle(document.documentElement).scrollBehavior] : null;
"#;

#[test]
fn reduced_motion_turns_off_the_flash_and_smooth_scrolling() {
    run(|s| {
        // Without the preference, a revealed quote flashes (so the check below means something).
        open(s, "/#quote=lavrov-truce")?;
        let moving = s.wait_for("the revealed quote", REVEALED, WAIT)?;
        ensure(moving[0] == json!("flash"), format!("a revealed quote does not flash: {moving}"))?;
        s.emulate_media(&[("prefers-reduced-motion", "reduce")])?;
        open(s, "/#quote=power-war")?;
        let still = s.wait_for("the revealed quote", REVEALED, WAIT)?;
        ensure(still == json!(["none", "auto"]), format!("with reduced motion the reveal still moves: {still}"))?;
        let spinner = s.js(
            "const d = document.createElement('span'); d.className = 'spinner'; document.body.append(d);
             const a = getComputedStyle(d).animationName; d.remove(); return a",
            vec![],
        )?;
        ensure(spinner == json!("none"), format!("the loading spinner still spins: {spinner}"))
    });
}

/// A Hebrew article: the text, the quotes and the speakers read right to left.
fn hebrew_article() -> Value {
    json!({
        "format_version": 1,
        "title": "ויכוח על תקציב העירייה",
        "source": { "name": "עיתון הבדיקה" },
        "language": "he",
        "body": [
            "ראש העירייה דנה לוי אמרה: “לא נסגור אף בית ספר.”",
            "חבר המועצה יוסי כהן כינה את התוכנית “פנטזיה” ואמר שהיא לא תעבור."
        ],
        "sides": [{ "id": "mayor", "label": "העירייה" }, { "id": "council", "label": "המועצה" }],
        "speakers": [
            { "id": "levi", "name": "דנה לוי", "role": "ראש העירייה", "side": "mayor" },
            { "id": "cohen", "name": "יוסי כהן", "role": "חבר מועצה", "side": "council" }
        ],
        "topics": [{ "id": "schools", "label": "האם בתי ספר ייסגרו?" }],
        "quotes": [
            { "id": "no-closures", "speaker": "levi", "kind": "direct", "topics": ["schools"], "text": "לא נסגור אף בית ספר." },
            { "id": "fantasy", "speaker": "cohen", "kind": "partial", "topics": ["schools"], "text": "פנטזיה" }
        ]
    })
}

#[test]
fn a_right_to_left_article_reads_right_to_left() {
    run(|s| {
        site()?.route("/rtl/hebrew.json", "application/json", hebrew_article().to_string());
        open(s, "/?src=rtl/hebrew.json#view=read")?;
        s.wait_for(
            "the Hebrew text",
            "return !!document.querySelector('#article-text mark[data-quote-id=fantasy]')",
            WAIT,
        )?;
        let read = s.js(
            "const dir = e => getComputedStyle(e).direction;
             const text = document.querySelector('#article-text');
             const mark = document.querySelector('#article-text mark[data-quote-id=\"no-closures\"]');
             const tag = mark.previousElementSibling;
             return { lang: text.lang, paragraphs: [...text.querySelectorAll('p')].map(dir), title: dir(document.querySelector('.masthead h1')),
                      tagFirst: tag.classList.contains('speaker-tag') && tag.getBoundingClientRect().left >= mark.getBoundingClientRect().right - 1,
                      tag: tag.textContent }",
            vec![],
        )?;
        ensure(read["lang"] == json!("he"), format!("the text is not marked as Hebrew: {read}"))?;
        ensure(
            read["paragraphs"].as_array().is_some_and(|p| p.iter().all(|d| d == "rtl"))
                && read["title"] == json!("rtl"),
            format!("the text or the title does not read right to left: {read}"),
        )?;
        ensure(read["tagFirst"] == json!(true), format!("the speaker label is not to the right of its quote: {read}"))?;
        s.screenshot(&screenshot_dir().join("rtl-read.png"))?;

        s.js("location.hash = 'view=compare'", vec![])?;
        s.wait_for("Compare", "return !!document.querySelector('.compare .quote-card')", WAIT)?;
        let compare = s.js(
            "const dir = e => getComputedStyle(e).direction;
             const card = document.querySelector('.quote-card[data-quote-id=\"no-closures\"]');
             const text = card.querySelector('.quote-text'), who = card.querySelector('.who');
             return { text: dir(text), lang: text.lang, who: dir(who), topic: dir(document.querySelector('.compare .topic')),
                      side: dir(document.querySelector('.side-head')),
                      rightAligned: text.getBoundingClientRect().right > card.getBoundingClientRect().right - 30 }",
            vec![],
        )?;
        ensure(
            compare["text"] == json!("rtl") && compare["who"] == json!("rtl") && compare["lang"] == json!("he"),
            format!("a Hebrew quote card does not read right to left: {compare}"),
        )?;
        ensure(
            compare["topic"] == json!("rtl") && compare["side"] == json!("rtl"),
            format!("a Hebrew question or side label does not read right to left: {compare}"),
        )?;
        ensure(compare["rightAligned"] == json!(true), format!("a Hebrew quote starts on the left: {compare}"))?;
        // One quoted word is "1 word", not "1 words".
        let balance =
            s.js("return [...document.querySelectorAll('.balance-numbers')].map(e => e.textContent)", vec![])?;
        ensure(
            balance.as_array().is_some_and(|b| b.iter().any(|t| t.as_str().is_some_and(|t| t.contains("· 1 word (")))),
            format!("the balance miscounts one word: {balance}"),
        )?;
        s.screenshot(&screenshot_dir().join("rtl-compare.png"))
    });
}

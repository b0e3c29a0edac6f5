//! Opening articles on the release build, in headless Chromium: every way in, broken and oversized
//! input, the recent list, anchor health and a corpus of hostile strings.

use std::path::PathBuf;
use std::time::Duration;

use e2e::corpus::{hostile_article, payloads};
use e2e::harness::{ensure, open, paste_text, run, run_with, screenshot_dir, site, WAIT};
use e2e::server::{Server, ServerOptions};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// A three-sided article, to show that nothing assumes two sides.
fn article(title: &str) -> Value {
    json!({
        "format_version": 1,
        "title": title,
        "source": { "name": "Test Gazette", "url": "https://example.org/budget" },
        "language": "en",
        "body": [
            "“We will not cut a single school,” Mayor Ana Diaz said.",
            "Councillor Bo Chen called the plan “a fantasy”. Union leader Cy Park said “talks must go on”."
        ],
        "sides": [
            { "id": "mayor", "label": "Mayor" },
            { "id": "council", "label": "Council" },
            { "id": "union", "label": "Union", "color": "#117a8b" }
        ],
        "speakers": [
            { "id": "diaz", "name": "Ana Diaz", "role": "Mayor", "side": "mayor" },
            { "id": "chen", "name": "Bo Chen", "side": "council" },
            { "id": "park", "name": "Cy Park", "side": "union" }
        ],
        "topics": [{ "id": "schools", "label": "Will schools be cut?" }],
        "quotes": [
            { "id": "q1", "speaker": "diaz", "kind": "direct", "topics": ["schools"], "text": "We will not cut a single school" },
            { "id": "q2", "speaker": "chen", "kind": "partial", "topics": ["schools"], "text": "a fantasy" },
            { "id": "q3", "speaker": "park", "kind": "direct", "topics": ["schools"], "text": "talks must go on" }
        ]
    })
}

fn temp_file(name: &str, contents: &[u8]) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("counterpoint-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(name);
    std::fs::write(&path, contents).map_err(|e| e.to_string())?;
    Ok(path)
}

/// The article title on screen; empty while a `?src=` article is still on its way (the page shows
/// that it is opening, not the built-in article).
fn title(s: &Session) -> Result<String> {
    Ok(s.js("const h = document.querySelector('.masthead h1'); return h ? h.textContent : ''", vec![])?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

const SEED_TITLE: &str = "Russia accuses the US of supporting terror groups in Syria";

fn wait_title(s: &Session, expected: &str) -> Result<()> {
    let script = format!("return (document.querySelector('.masthead h1') || {{}}).textContent === {}", json!(expected));
    s.wait_for(&format!("the title {expected:?}"), &script, WAIT).map(drop)
}

fn choose_file(s: &Session, path: &std::path::Path) -> Result<()> {
    let input = s.find("#file-input")?;
    s.send_keys(&input, &path.to_string_lossy())
}

fn status_text(s: &Session, class: &str) -> Result<String> {
    let script = format!("const el = document.querySelector('.load-status.{class}'); return el ? el.textContent : ''");
    s.wait_for(&format!("a {class} status"), &script, WAIT)?;
    Ok(s.js(&script, vec![])?.as_str().unwrap_or_default().to_owned())
}

#[test]
fn the_file_picker_opens_an_article_with_three_sides() {
    run(|s| {
        open(s, "/")?;
        let path = temp_file("three-sides.json", article("Budget fight").to_string().as_bytes())?;
        choose_file(s, &path)?;
        wait_title(s, "Budget fight")?;
        let heads = s.js("return document.querySelectorAll('.compare .side-head').length", vec![])?;
        ensure(heads == json!(3), format!("{heads} side columns for 3 sides"))?;
        ensure(status_text(s, "opened")?.contains("Opened “Budget fight”"), "no confirmation")?;
        // An http(s) source is a link that opens in a new tab without handing over the opener.
        let link =
            s.js("const a = document.querySelector('.source a'); return a && [a.href, a.target, a.rel]", vec![])?;
        ensure(
            link == json!(["https://example.org/budget", "_blank", "noopener noreferrer"]),
            format!("source link {link}"),
        )?;
        s.screenshot(&screenshot_dir().join("three-sides.png"))
    });
}

#[test]
fn a_broken_file_is_explained_and_a_good_one_then_opens() {
    run(|s| {
        open(s, "/")?;
        let broken = temp_file("broken.json", b"{\n  \"title\": \"x\",\n  \"body\": [\"a\" \"b\"]\n}")?;
        choose_file(s, &broken)?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("line 3, column 16"), format!("no line and column in {text:?}"))?;
        let excerpt = s.js("return document.querySelector('.problem-excerpt').textContent", vec![])?;
        ensure(excerpt == json!("  \"body\": [\"a\" \"b\"]\n               ^"), format!("excerpt {excerpt}"))?;
        ensure(title(s)? == SEED_TITLE, "the article on screen was lost")?;
        ensure(
            s.js("return document.querySelectorAll('.quote-card').length > 0", vec![])? == json!(true),
            "the seed's quotes vanished",
        )?;
        s.screenshot(&screenshot_dir().join("broken-file.png"))?;
        // A schema error names the JSON path, what was expected and what was found.
        let mut bad = article("Bad");
        bad["quotes"][0]["kind"] = json!("rumour");
        bad["sides"][0]["label"] = json!(7);
        choose_file(s, &temp_file("bad.json", bad.to_string().as_bytes())?)?;
        s.wait_for(
            "two problems",
            "return document.querySelectorAll('.load-status.failed .problem').length === 2",
            WAIT,
        )?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("$.sides[0].label") && text.contains("found a number (7)"), text.clone())?;
        // A good file then opens and clears the error.
        choose_file(s, &temp_file("good.json", article("Good again").to_string().as_bytes())?)?;
        wait_title(s, "Good again")?;
        let failed = s.js("return document.querySelectorAll('.load-status.failed').length", vec![])?;
        ensure(failed == json!(0), "the old error is still shown")
    });
}

#[test]
fn a_dropped_file_opens_and_the_drop_target_shows() {
    run(|s| {
        open(s, "/")?;
        let json = article("Dropped article").to_string();
        s.js(
            r#"const dt = new DataTransfer();
               dt.items.add(new File([arguments[0]], 'dropped.json', { type: 'application/json' }));
               window.__dt = dt;
               document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));"#,
            vec![json!(json)],
        )?;
        s.wait_for(
            "the drop target to show",
            "return getComputedStyle(document.querySelector('.drop-target')).display === 'flex'",
            WAIT,
        )?;
        s.js("document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__dt, bubbles: true, cancelable: true }))", vec![])?;
        wait_title(s, "Dropped article")?;
        s.wait_for(
            "the drop target to hide",
            "return getComputedStyle(document.querySelector('.drop-target')).display === 'none'",
            WAIT,
        )
        .map(drop)
    });
}

#[test]
fn pasting_opens_an_article_from_the_page_and_from_the_dialog() {
    run(|s| {
        open(s, "/")?;
        paste_text(s, &article("Pasted on the page").to_string())?;
        wait_title(s, "Pasted on the page")?;
        s.click(&s.find(".loader-actions button")?)?;
        let area = s.find("#paste-text")?;
        s.send_keys(&area, &article("Pasted in the dialog").to_string())?;
        s.click(&s.find(".paste-dialog button[type=submit]")?)?;
        wait_title(s, "Pasted in the dialog")?;
        // A pasted article has no address, so Share says the link cannot bring it back.
        s.click(&s.find(".share-button")?)?;
        s.wait_for(
            "the share warning",
            "const w = document.querySelector('.share-warning'); return !!w && w.offsetParent !== null",
            WAIT,
        )
        .map(drop)
    });
}

#[test]
fn an_article_pasted_over_an_address_leaves_neither_the_address_nor_the_share_link_naming_it() {
    run(|s| {
        site()?.route("/custom/named.json", "application/json", article("Named by the address").to_string());
        open(s, "/?src=custom%2Fnamed.json&theme=dark#view=read")?;
        wait_title(s, "Named by the address")?;
        paste_text(s, &article("Pasted over it").to_string())?;
        wait_title(s, "Pasted over it")?;
        // The address would bring back the other article: `src` is gone, the rest stays.
        s.wait_for("the address without src", "return !location.search.includes('src=')", WAIT)?;
        let address = s.js("return [location.search, location.hash]", vec![])?;
        ensure(address == json!(["?theme=dark", "#view=read"]), format!("the address is {address}"))?;
        s.click(&s.find(".share-button")?)?;
        s.wait_for("the dialog", "return document.querySelector('.share-dialog').open", WAIT)?;
        let shared = s.js(
            "return ['share-link', 'share-iframe', 'share-script'].map((id) => document.getElementById(id).value)",
            vec![],
        )?;
        let codes = shared.as_array().cloned().unwrap_or_default();
        ensure(
            codes.len() == 3
                && codes.iter().all(|c| c.as_str().is_some_and(|c| !c.is_empty() && !c.contains("named.json"))),
            format!("the link and the codes still name the address's article: {shared}"),
        )?;
        ensure(
            s.js("const w = document.querySelector('.share-warning'); return !!w && w.offsetParent !== null", vec![])?
                == json!(true),
            "Share does not say the link shows the built-in article",
        )?;
        // Reloading shows what the address names now: the built-in article, not the one pasted over.
        s.js("location.reload()", vec![])?;
        s.wait_for(
            "the built-in article",
            &format!(
                "return document.querySelector('.app:not([data-prerendered]) .masthead h1')?.textContent === {}",
                json!(SEED_TITLE)
            ),
            WAIT,
        )
        .map(drop)
    });
}

#[test]
fn back_to_an_address_article_returns_to_where_the_reader_was() {
    // Without the back-forward cache, as when a page cannot be kept: coming back loads it again,
    // and the article comes after the browser has restored the scroll position.
    run_with(&["--disable-features=BackForwardCache"], false, |s| {
        site()?.route("/custom/away.html", "text/html", "<!doctype html><title>Elsewhere</title><p>Elsewhere</p>");
        open(s, "/?src=articles%2Frussia-us-syria-2016.json%3Fdelay_ms%3D400#view=read")?;
        wait_title(s, SEED_TITLE)?;
        let y = s.js(
            "const y = Math.min(1200, document.documentElement.scrollHeight - innerHeight - 10); scrollTo(0, y); return scrollY",
            vec![],
        )?;
        let y = y.as_f64().unwrap_or(0.0);
        ensure(y >= 400.0, format!("the article is too short to scroll: {y}"))?;
        s.goto_raw(&site()?.url("/custom/away.html"))?;
        s.wait_for("the other page", "return document.title === 'Elsewhere'", WAIT)?;
        s.js("history.back()", vec![])?;
        s.wait_for(
            "the article again",
            "return !!document.querySelector('.app:not([data-prerendered]) .masthead h1')",
            WAIT,
        )?;
        s.wait_for(
            "the place the reader left",
            &format!("return Math.abs(scrollY - {y}) <= 2 && location.search.includes('src=')"),
            WAIT,
        )?;
        // A new visit to the address starts at the top.
        s.goto_raw(&site()?.url("/custom/away.html"))?;
        s.goto(&site()?.url("/?src=articles%2Frussia-us-syria-2016.json%3Fdelay_ms%3D400#view=read"))?;
        wait_title(s, SEED_TITLE)?;
        s.js(
            "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))",
            vec![],
        )?;
        let top = s.js("return scrollY", vec![])?;
        ensure(top == json!(0), format!("a new visit starts at {top}, not at the top"))
    });
}

#[test]
fn a_paste_that_fails_while_the_address_is_still_coming_leaves_it_coming() {
    run(|s| {
        site()?.route("/custom/later.json", "application/json", article("Came after all").to_string());
        open(s, "/?src=custom%2Flater.json%3Fdelay_ms%3D4000")?;
        s.wait_for("the app", "return document.querySelector('.load-status.loading') !== null", WAIT)?;
        paste_text(s, "{ not json")?;
        s.wait_for("the paste refused", "return document.querySelector('.load-status.failed') !== null", WAIT)?;
        // The page still waits for the address: the built-in article does not come on screen.
        let shown = s.js(
            "return document.querySelector('.masthead h1') && document.querySelector('.masthead h1').textContent",
            vec![],
        )?;
        ensure(shown.is_null(), format!("a failed paste ended the wait for the address: {shown} is shown"))?;
        wait_title(s, "Came after all")
    });
}

#[test]
fn an_article_pasted_while_the_address_is_still_coming_stays() {
    run(|s| {
        site()?.route("/custom/late.json", "application/json", article("Came late").to_string());
        // The address answers after 6 s, well after the app starts even on a busy machine.
        let opened = std::time::Instant::now();
        open(s, "/?src=custom%2Flate.json%3Fdelay_ms%3D6000")?;
        s.wait_for("the app", "return document.querySelector('.load-status.loading') !== null", WAIT)?;
        paste_text(s, &article("Pasted first").to_string())?;
        wait_title(s, "Pasted first")?;
        // After the address would have answered, the pasted article is still shown, and the
        // status tells of it, not of the address.
        std::thread::sleep(Duration::from_millis(7500).saturating_sub(opened.elapsed()));
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == json!("Pasted first"), format!("the address replaced the pasted article: {title}"))?;
        let status = s.js("return document.querySelector('.load-status').textContent", vec![])?;
        ensure(
            status.as_str().is_some_and(|s| s.contains("Pasted first") && !s.contains("late.json")),
            format!("the status says {status}"),
        )
    });
}

#[test]
fn src_fetches_an_article_and_explains_cors_and_bad_schemes() {
    run(|s| {
        let site = site()?;
        site.route("/custom/fetched.json", "application/json", article("Fetched by URL").to_string());
        open(s, "/?src=custom/fetched.json")?;
        wait_title(s, "Fetched by URL")?;
        // `?sides=` applies to the fetched article's own sides, whatever the built-in one has.
        open(s, "/?src=custom/fetched.json&sides=union")?;
        wait_title(s, "Fetched by URL")?;
        let shown = s.js("return [...document.querySelectorAll('.quote-card')].filter(c => c.getClientRects().length).map(c => c.dataset.side)", vec![])?;
        ensure(shown == json!(["union"]), format!("?sides=union showed {shown}"))?;
        // Another origin that does not allow this page to read it.
        let other = Server::start(&std::env::temp_dir(), 0, ServerOptions::default()).map_err(|e| e.to_string())?;
        other.route("/a.json", "application/json", article("Not allowed").to_string());
        open(s, &format!("/?src={}", other.url("/a.json")))?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("Access-Control-Allow-Origin"), format!("no CORS advice in {text:?}"))?;
        ensure(title(s)? == SEED_TITLE, "the seed is not kept after a failed fetch")?;
        open(s, "/?src=javascript:alert(1)")?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("only http: and https:"), format!("{text:?}"))?;
        // A missing file says what the server answered.
        open(s, "/?src=custom/missing.json")?;
        ensure(status_text(s, "failed")?.contains("404"), "no status for a missing file")
    });
}

#[test]
fn recent_articles_reopen_after_a_reload_without_the_file() {
    run(|s| {
        open(s, "/")?;
        let path = temp_file("recent.json", article("Remember me").to_string().as_bytes())?;
        choose_file(s, &path)?;
        wait_title(s, "Remember me")?;
        std::fs::remove_file(&path).map_err(|e| e.to_string())?;
        // The remembered copy carries each quote's place, so reopening it skips the search. It is
        // kept under a key of its own, beside a list that holds no article.
        let stored = s.js(
            "const list = localStorage.getItem('counterpoint:recent:list') || '';
             const id = (JSON.parse(list || '{\"entries\":[]}').entries[0] || {}).id;
             return [list, localStorage.getItem('counterpoint:recent:article:' + id) || ''];",
            vec![],
        )?;
        ensure(
            stored[0].as_str().is_some_and(|l| l.contains("Remember me") && !l.contains("quotes")),
            format!("the list: {:.300}", stored[0]),
        )?;
        ensure(
            stored[1].as_str().is_some_and(|t| t.contains("\"hint\"") && t.contains("Remember me")),
            format!("no position hints in {:.300}", stored[1]),
        )?;
        open(s, "/")?;
        wait_title(s, SEED_TITLE)?;
        s.click(&s.find(".recent summary")?)?;
        let entry = s.find(".recent-open")?;
        s.click(&entry)?;
        wait_title(s, "Remember me")?;
        // After a crash, the recovery screen's reload reopens the last article, not the default.
        open(s, "/")?;
        wait_title(s, SEED_TITLE)?;
        s.js("sessionStorage.setItem('counterpoint:restore', 'true'); location.reload()", vec![])?;
        wait_title(s, "Remember me")?;
        // Entries can be removed, and stay removed.
        s.click(&s.find(".recent summary")?)?;
        s.click(&s.find(".recent-remove")?)?;
        open(s, "/")?;
        let left = s.js("return document.querySelectorAll('.recent-item').length", vec![])?;
        ensure(left == json!(0), format!("{left} recent entries after removing the only one"))
    });
}

/// A list stored the old way (one document with every article's JSON) moves to the new keys on
/// the next start and still opens; an entry whose copy the browser lost says so and goes.
#[test]
fn recent_articles_stored_the_old_way_still_open_and_a_lost_copy_says_so() {
    run(|s| {
        open(s, "/")?;
        let old = json!({ "entries": [
            { "id": "0000000000000001", "title": "Kept the old way", "source": "old.json",
              "json": article("Kept the old way").to_string() },
            { "id": "0000000000000002", "title": "Lost since", "source": "lost.json",
              "json": article("Lost since").to_string() },
        ]});
        s.js(
            "localStorage.clear(); localStorage.setItem('counterpoint:recent', arguments[0])",
            vec![json!(old.to_string())],
        )?;
        open(s, "/")?;
        wait_title(s, SEED_TITLE)?;
        let keys = s.js("return Object.keys(localStorage).sort()", vec![])?;
        ensure(
            keys == json!([
                "counterpoint:recent:article:0000000000000001",
                "counterpoint:recent:article:0000000000000002",
                "counterpoint:recent:list"
            ]),
            format!("the keys after moving: {keys}"),
        )?;
        s.click(&s.find(".recent summary")?)?;
        s.click(&s.find(".recent-item[data-recent-id='0000000000000001'] .recent-open")?)?;
        wait_title(s, "Kept the old way")?;

        s.js("localStorage.removeItem('counterpoint:recent:article:0000000000000002')", vec![])?;
        s.click(&s.find(".recent summary")?)?;
        s.click(&s.find(".recent-item[data-recent-id='0000000000000002'] .recent-open")?)?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("Lost since") && text.contains("no longer keeps its copy"), format!("{text:?}"))?;
        ensure(title(s)? == "Kept the old way", "the article on screen was lost")?;
        let left = s.js(
            "return document.querySelectorAll('.recent-item[data-recent-id=\"0000000000000002\"]').length",
            vec![],
        )?;
        ensure(left == json!(0), "the entry without a copy stayed in the list")
    });
}

#[test]
fn a_25_mb_file_is_refused_and_the_article_stays() {
    run(|s| {
        open(s, "/")?;
        let big = temp_file("big.json", &vec![b' '; 25 * 1024 * 1024])?;
        choose_file(s, &big)?;
        let text = status_text(s, "failed")?;
        ensure(text.contains("the limit is 20 MB"), format!("{text:?}"))?;
        ensure(title(s)? == SEED_TITLE, "the article on screen was lost")?;
        let _ = std::fs::remove_file(big);
        Ok(())
    });
}

#[test]
fn anchor_health_lists_missing_fuzzy_and_ambiguous_quotes() {
    run(|s| {
        let mut a = article("Health check");
        a["quotes"] = json!([
            { "id": "ok", "speaker": "diaz", "kind": "direct", "text": "We will not cut a single school" },
            { "id": "typo", "speaker": "chen", "kind": "direct", "text": "Union leader Cy Prak said" },
            { "id": "gone", "speaker": "park", "kind": "direct", "text": "negotiations are totally over now" },
            { "id": "twice", "speaker": "chen", "kind": "direct", "text": "said" }
        ]);
        a["topics"] = json!([]);
        open(s, "/")?;
        choose_file(s, &temp_file("health.json", a.to_string().as_bytes())?)?;
        wait_title(s, "Health check")?;
        let items = s.js(
            "return [...document.querySelectorAll('.anchor-health .health-item')].map(e => [e.className, e.dataset.quoteId, e.textContent])",
            vec![],
        )?;
        let items = items.as_array().cloned().unwrap_or_default();
        let find = |id: &str| items.iter().find(|i| i[1] == json!(id)).cloned();
        let gone = find("gone").ok_or("the missing quote is not listed")?;
        ensure(gone[0].as_str().is_some_and(|c| c.contains("not-found")), "not marked as not found")?;
        ensure(gone[2].as_str().is_some_and(|t| t.contains("Nearest in the text")), format!("no candidate: {gone}"))?;
        let typo = find("typo").ok_or("the typo is not listed")?;
        ensure(typo[2].as_str().is_some_and(|t| t.contains("% similar")), format!("no score: {typo}"))?;
        ensure(
            find("twice").is_some_and(|t| t[2].as_str().is_some_and(|t| t.contains("Found 2 times"))),
            "ambiguity not flagged",
        )?;
        // A quote that is not found is never highlighted; a fuzzy one is.
        s.click(&s.find(".view-tab[href*='view=read']")?)?;
        s.wait_for("the Read view", "return document.querySelector('#article-text') !== null", WAIT)?;
        let marks = s.js("return [document.querySelectorAll('mark[data-quote-id=gone]').length, document.querySelectorAll('mark[data-quote-id=typo]').length]", vec![])?;
        ensure(marks == json!([0, 1]), format!("marks for gone/typo: {marks}"))?;
        s.screenshot(&screenshot_dir().join("anchor-health.png"))
    });
}

#[test]
fn hostile_strings_in_every_field_stay_text() {
    run(|s| {
        let p = payloads();
        ensure(p.len() >= 50, "the corpus has fewer than 50 payloads")?;
        let a = hostile_article();
        open(s, "/")?;
        // Elements of these kinds exist in the app's own markup only in the loader, the Share dialog
        // and the search box.
        const RISKY: &str = "script, img, svg, iframe, object, embed, style, link, math, video, audio, base, meta, template, marquee, details, select, textarea, input, form, picture, source, dialog, slot";
        let count_script = format!(
            "return [...document.querySelectorAll({})].filter(e => !e.closest('.loader, .share-dialog, head') && e.id !== 'search').length",
            json!(RISKY)
        );
        let baseline = s.js(&count_script, vec![])?;
        ensure(baseline == json!(0), format!("the app itself has {baseline} risky elements outside the loader"))?;
        choose_file(s, &temp_file("xss.json", a.to_string().as_bytes())?)?;
        wait_title(s, &p[1])?;
        for view in ["/#view=compare", "/#view=read"] {
            s.js(&format!("location.hash = {}", json!(view.trim_start_matches('/'))), vec![])?;
            std::thread::sleep(std::time::Duration::from_millis(300));
            let xss = s.js("return window.__xss === undefined", vec![])?;
            ensure(xss == json!(true), format!("a payload ran in {view}"))?;
            let count = s.js(&count_script, vec![])?;
            ensure(count == json!(0), format!("{view}: {count} elements came from article text"))?;
            let handlers = s.js(
                "return [...document.querySelectorAll('.app *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length",
                vec![],
            )?;
            ensure(handlers == json!(0), format!("{view}: {handlers} elements with on* attributes"))?;
        }
        // The javascript: source URL is not a link, and the text shows as typed.
        let link = s.js("return document.querySelectorAll('.source a').length", vec![])?;
        ensure(link == json!(0), "a javascript: URL became a link")?;
        let marks = s.js("return document.querySelectorAll('mark[data-quote-id]').length", vec![])?;
        ensure(
            marks.as_u64().unwrap_or(0) >= p.len() as u64,
            format!("only {marks} marks for {} quoted payloads", p.len()),
        )?;
        s.screenshot(&screenshot_dir().join("xss.png"))
    });
}

#[test]
fn a_slow_load_shows_progress_and_can_be_cancelled() {
    run(|s| {
        let site = site()?;
        site.route("/custom/slow.json", "application/json", article("Slow article").to_string());
        // Progress shows while the load is under way, then the article opens.
        open(s, "/?src=custom%2Fslow.json%3Fdelay_ms%3D1500")?;
        s.wait_for(
            "a visible progress indicator",
            "const el = document.querySelector('.load-status.loading'); return !!el && getComputedStyle(el).opacity === '1'",
            WAIT,
        )?;
        wait_title(s, "Slow article")?;
        // Cancel stops the load, and the article on screen stays.
        open(s, "/?src=custom%2Fslow.json%3Fdelay_ms%3D3000")?;
        s.wait_for("the Cancel button", "return !!document.querySelector('.load-status.loading button')", WAIT)?;
        s.click(&s.find(".load-status.loading button")?)?;
        s.wait_for("the load to stop", "return !document.querySelector('.load-status.loading')", WAIT)?;
        std::thread::sleep(std::time::Duration::from_millis(3500));
        ensure(title(s)? == SEED_TITLE, "a cancelled load still replaced the article")?;
        let failed = s.js("return document.querySelectorAll('.load-status.failed').length", vec![])?;
        ensure(failed == json!(0), "cancelling was reported as a failure")
    });
}

#[test]
fn reading_a_large_file_can_be_cancelled() {
    run(|s| {
        open(s, "/")?;
        // Choose a 19 MB file and press Cancel before the browser finishes reading it. Without the
        // cancel, these spaces would fail to parse and show an error.
        let outcome = s.js_async(
            r#"const done = arguments[arguments.length - 1];
               (async () => {
                 const input = document.querySelector('#file-input');
                 const dt = new DataTransfer();
                 dt.items.add(new File([' '.repeat(19 * 1024 * 1024)], 'big.json', { type: 'application/json' }));
                 input.files = dt.files;
                 input.dispatchEvent(new Event('change', { bubbles: true }));
                 for (let i = 0; i < 50; i++) {
                   const button = document.querySelector('.load-status.loading button');
                   if (button) { button.click(); return 'cancelled'; }
                   await Promise.resolve();
                 }
                 return 'no cancel button while reading';
               })().then(done);"#,
            vec![],
        )?;
        ensure(outcome == json!("cancelled"), format!("{outcome}"))?;
        s.wait_for("the load to stop", "return !document.querySelector('.load-status.loading')", WAIT)?;
        // Long enough for an uncancelled read and parse of 19 MB to have failed visibly.
        std::thread::sleep(std::time::Duration::from_millis(2500));
        let failed = s.js("return document.querySelectorAll('.load-status.failed').length", vec![])?;
        ensure(failed == json!(0), "the cancelled file was still parsed")?;
        ensure(title(s)? == SEED_TITLE, "the article on screen was lost")
    });
}

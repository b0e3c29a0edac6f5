//! The app inside other pages: a host page on one port frames the app served from another, as a
//! newsroom page would. Covers the frame height (embed.js and Pym.js messages), the postMessage
//! API and its origin check, and the embed code from the Share dialog.

use std::time::{Duration, Instant};

use e2e::harness::{drop_files, ensure, open, run, screenshot_dir, seed_article, site, site_with, WAIT};
use e2e::server::{Server, ServerOptions};
use e2e::webdriver::{Result, Session};
use serde_json::{json, Value};

/// The app's origin, such as `http://127.0.0.1:41234`.
fn app_origin() -> Result<String> {
    Ok(site()?.url(""))
}

/// A second server, on another port and so another origin, for host pages.
fn host_server() -> Result<Server> {
    site_with(ServerOptions::default())
}

fn host_page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title></head>\
         <body style=\"margin:0\"><h1>A newsroom page</h1>{body}</body></html>"
    )
}

/// Records every message with a `type` (the app's events) and every Pym.js string.
const RECORDER: &str = "<script>window.got = []; window.pym = [];\
    addEventListener('message', function (e) {\
      if (typeof e.data === 'string' && e.data.indexOf('pymxPYMx') === 0) pym.push(e.data);\
      else if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string') got.push(e.data);\
    });</script>";

/// Goes into the frame and waits for the embedded app to render.
fn enter_frame(s: &Session) -> Result<()> {
    s.switch_to_top()?;
    s.wait_for("the frame", "return document.getElementById('cp') !== null", WAIT)?;
    s.switch_to_frame(&s.find("#cp")?)?;
    s.wait_for("the embedded app", "return document.querySelector('.app main') !== null", WAIT).map(drop)
}

/// Waits until the frame is as tall as its content (within 2 px); returns that height.
fn settled_height(s: &Session) -> Result<f64> {
    let start = Instant::now();
    loop {
        enter_frame(s)?;
        let content = s.js("return document.body.getBoundingClientRect().height", vec![])?.as_f64().unwrap_or(0.0);
        s.switch_to_top()?;
        let frame = s
            .js("return document.getElementById('cp').getBoundingClientRect().height", vec![])?
            .as_f64()
            .unwrap_or(0.0);
        if (frame - content).abs() <= 2.0 {
            return Ok(frame);
        }
        if start.elapsed() > WAIT {
            return Err(format!("the frame is {frame} px tall, its content {content} px"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits for a recorded event of `kind` that `matches`, and returns it.
fn wait_event(s: &Session, kind: &str, field: &str, value: &Value) -> Result<Value> {
    let script =
        format!("return window.got.find(m => m.type === {} && m[{}] === {}) || null", json!(kind), json!(field), value);
    s.wait_for(&format!("{kind} with {field} = {value}"), &script, WAIT)
}

#[test]
fn the_frame_follows_its_content_through_embed_js_and_pym_hears_the_height() {
    run(|s| {
        let app = app_origin()?;
        let host = host_server()?;
        host.route(
            "/host.html",
            "text/html; charset=utf-8",
            host_page(&format!(
                "{RECORDER}<iframe id=\"cp\" data-counterpoint src=\"{app}/?embed=1&childId=cp1&theme=dark#view=compare\" \
                 title=\"Counterpoint\" style=\"width:100%;height:150px;border:0\"></iframe>\
                 <script src=\"{app}/embed.js\"></script>"
            )),
        );
        s.goto(&host.url("/host.html"))?;
        enter_frame(s)?;
        // Compact chrome: no site header, and a way out to the full view in a new tab.
        let brand = s.js(
            "return document.querySelector('.brand') === null && document.querySelector('.app.embedded') !== null",
            vec![],
        )?;
        ensure(brand == json!(true), "the embedded app shows the site header or lacks the embedded class")?;
        let author =
            s.js("return document.querySelector('.view-tab[href*=\"view=author\"]').offsetParent === null", vec![])?;
        ensure(author == json!(true), "the embed offers the authoring view to readers")?;
        let theme = s.js("return document.documentElement.dataset.theme || null", vec![])?;
        ensure(theme == json!("dark"), format!("?theme=dark gave data-theme {theme}"))?;
        let full = s.js("const a = document.querySelector('a.full-view'); return a && [a.target, a.href]", vec![])?;
        ensure(
            full[0] == json!("_blank")
                && full[1].as_str().is_some_and(|h| h.starts_with(&format!("{app}/?theme=dark#view=compare"))),
            format!("the full-view link is {full}"),
        )?;
        let collapsed = settled_height(s)?;
        ensure(collapsed > 300.0, format!("the frame stayed {collapsed} px tall"))?;

        // "Show all" opens a question, and the frame grows with it.
        enter_frame(s)?;
        s.click(&s.find(".topic-row[data-topic=civilians] .show-all")?)?;
        let compare = settled_height(s)?;
        ensure(compare > collapsed + 100.0, format!("the frame went from {collapsed} to {compare} px on Show all"))?;

        // A view change inside the frame resizes it.
        enter_frame(s)?;
        s.click(&s.find(".view-tab[href*='view=read']")?)?;
        s.wait_for("the Read view", "return document.querySelector('#article-text') !== null", WAIT)?;
        let read = settled_height(s)?;
        ensure((read - compare).abs() > 100.0, format!("the height barely changed: {compare} → {read}"))?;

        // A raw Pym.js listener hears the same height, under the frame's childId.
        let last = s.wait_for(
            "a Pym message with the new height",
            &format!(
                "const m = window.pym[window.pym.length - 1]; const h = m && +m.split('xPYMx')[3];\
                 return Math.abs(h - {read}) <= 2 ? window.pym : null"
            ),
            WAIT,
        )?;
        for message in last.as_array().cloned().unwrap_or_default() {
            let parts: Vec<String> = message.as_str().unwrap_or("").split("xPYMx").map(str::to_owned).collect();
            ensure(
                parts.len() == 4
                    && parts[0] == "pym"
                    && parts[1] == "cp1"
                    && parts[2] == "height"
                    && parts[3].parse::<u32>().is_ok(),
                format!("malformed Pym message {message}"),
            )?;
        }
        s.screenshot(&screenshot_dir().join("embed-host.png"))
    });
}

/// The seed with a new title: valid, and easy to tell apart on screen.
fn replacement_article() -> Result<Value> {
    let mut article = seed_article()?;
    article["title"] = json!("A replacement article");
    Ok(article)
}

const SEND_LOAD: &str =
    "document.getElementById('cp').contentWindow.postMessage({ type: 'counterpoint:load', article: arguments[0] }, '*')";

#[test]
fn a_load_from_the_allowed_origin_replaces_the_article_and_events_reach_the_parent() {
    run(|s| {
        let _host = frame_app(s, |host| format!("&parent_origin={host}"))?;
        let seed_title = seed_article()?["title"].clone();
        s.wait_for("counterpoint:ready", "return window.got.some(m => m.type === 'counterpoint:ready')", WAIT)?;
        wait_event(s, "counterpoint:loaded", "title", &seed_title)?;
        let first = s.js("return window.got[0].type", vec![])?;
        ensure(first == json!("counterpoint:ready"), format!("the first event is {first}"))?;

        s.js(SEND_LOAD, vec![replacement_article()?])?;
        let loaded = wait_event(s, "counterpoint:loaded", "title", &json!("A replacement article"))?;
        ensure(loaded["ok"] == json!(true), format!("loaded says {loaded}"))?;
        enter_frame(s)?;
        s.wait_for(
            "the new title",
            "return document.querySelector('.masthead h1').textContent === 'A replacement article'",
            WAIT,
        )?;
        // No address brings back an article the parent sent: no "Open full view" to another one.
        s.wait_for("the full-view link gone", "return document.querySelector('a.full-view') === null", WAIT)?;

        // Selecting a quote is announced to the parent. An embed shows each question's first
        // quote per side until "Show all" opens it.
        s.click(&s.find(".topic-row[data-topic=civilians] .show-all")?)?;
        s.click(&s.find(".topic-row[data-topic=civilians] .quote-card[data-quote-id='churkin-impossible']")?)?;
        s.switch_to_top()?;
        wait_event(s, "counterpoint:quote-selected", "quote", &json!("churkin-impossible"))?;

        // An invalid article is refused with its errors, and the current one stays.
        s.js(SEND_LOAD, vec![json!({ "title": 3 })])?;
        let refused = wait_event(s, "counterpoint:loaded", "ok", &json!(false))?;
        ensure(
            refused["errors"].as_array().is_some_and(|e| !e.is_empty()),
            format!("refused without errors: {refused}"),
        )?;
        enter_frame(s)?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == json!("A replacement article"), format!("an invalid load replaced the article: {title}"))
    });
}

/// Opens a host page that frames the app at `?embed=1` plus the parameters `params` gives for the
/// host's origin, and records its events; the host server lives as long as the returned value.
fn frame_app(s: &Session, params: impl Fn(&str) -> String) -> Result<Server> {
    frame_app_from(s, &app_origin()?, params)
}

/// As [`frame_app`], with the app served from `app` (an origin).
fn frame_app_from(s: &Session, app: &str, params: impl Fn(&str) -> String) -> Result<Server> {
    let host = host_server()?;
    let params = params(&host.url(""));
    host.route(
        "/host.html",
        "text/html; charset=utf-8",
        host_page(&format!(
            "{RECORDER}<iframe id=\"cp\" src=\"{app}/?embed=1{params}\" title=\"Counterpoint\" \
             style=\"width:100%;height:600px;border:0\"></iframe>"
        )),
    );
    s.goto(&host.url("/host.html"))?;
    Ok(host)
}

/// The `loaded` events recorded so far, as `[title, ok]`.
fn loaded_events(s: &Session) -> Result<Value> {
    s.js("return window.got.filter(m => m.type === 'counterpoint:loaded').map(m => [m.title, m.ok])", vec![])
}

#[test]
fn an_embed_given_an_address_announces_that_article_and_never_the_built_in_one() {
    run(|s| {
        site()?.route("/embed-src/article.json", "application/json", replacement_article()?.to_string());
        let _host = frame_app(s, |_| "&src=embed-src/article.json".to_owned())?;
        wait_event(s, "counterpoint:loaded", "title", &json!("A replacement article"))?;
        // Had the built-in article been announced while the address was fetched, it would be first.
        let loaded = loaded_events(s)?;
        ensure(loaded == json!([["A replacement article", true]]), format!("the loaded events: {loaded}"))
    });
}

#[test]
fn an_embed_whose_address_fails_says_so_and_never_that_the_built_in_article_loaded() {
    run(|s| {
        let _host = frame_app(s, |_| "&src=embed-src/missing.json".to_owned())?;
        let refused = wait_event(s, "counterpoint:loaded", "ok", &json!(false))?;
        let errors = refused["errors"].to_string();
        ensure(errors.contains("missing.json"), format!("the refusal does not say what failed: {refused}"))?;
        let loaded = loaded_events(s)?;
        ensure(loaded.as_array().is_some_and(|l| l.len() == 1), format!("the loaded events: {loaded}"))
    });
}

/// The parent sends its article while something else is opening in the frame: it is announced,
/// it is shown, and the status no longer says anything is opening. Ends inside the frame.
fn load_from_parent_over_what_was_opening(s: &Session) -> Result<()> {
    s.js(SEND_LOAD, vec![replacement_article()?])?;
    wait_event(s, "counterpoint:loaded", "title", &json!("A replacement article"))?;
    enter_frame(s)?;
    s.wait_for(
        "the parent's article",
        "return document.querySelector('.masthead h1').textContent === 'A replacement article'",
        WAIT,
    )?;
    s.wait_for(
        "the status to stop saying something opens",
        "return !document.querySelector('.load-status.loading')",
        WAIT,
    )
    .map(drop)
}

#[test]
fn a_load_from_the_parent_while_the_address_is_still_coming_wins_and_stops_it() {
    run(|s| {
        let mut slow = seed_article()?;
        slow["title"] = json!("The slow article");
        site()?.route("/embed-src/slow.json", "application/json", slow.to_string());
        // The address answers after 6 s, well after the app starts even on a busy machine; the
        // parent sends its article as soon as the app is ready.
        let opened = Instant::now();
        let _host = frame_app(s, |host| format!("&src=embed-src%2Fslow.json%3Fdelay_ms%3D6000&parent_origin={host}"))?;
        s.wait_for("counterpoint:ready", "return window.got.some(m => m.type === 'counterpoint:ready')", WAIT)?;
        // The status no longer says the address is coming.
        load_from_parent_over_what_was_opening(s)?;
        // After the address would have answered, the parent's article is still the one shown.
        std::thread::sleep(Duration::from_millis(7500).saturating_sub(opened.elapsed()));
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == json!("A replacement article"), format!("the address replaced the parent's article: {title}"))?;
        let status = s.js(
            "return document.querySelector('.load-status') && document.querySelector('.load-status').textContent",
            vec![],
        )?;
        ensure(!status.to_string().contains("slow.json"), format!("the status still tells of the address: {status}"))?;
        s.switch_to_top()?;
        let loaded = loaded_events(s)?;
        ensure(loaded == json!([["A replacement article", true]]), format!("the loaded events: {loaded}"))
    });
}

#[test]
fn a_load_from_the_parent_while_the_reader_s_articles_open_wins_and_the_status_says_so() {
    run(|s| {
        // The worker that opens articles dropped together answers 4 s late, so the parent's
        // article comes while the reader's are still opening.
        let slow = site_with(ServerOptions {
            slow: vec![("counterpoint-collections".to_owned(), 4000)],
            ..Default::default()
        })?;
        let opened = Instant::now();
        let _host = frame_app_from(s, &slow.url(""), |host| format!("&parent_origin={host}"))?;
        s.wait_for("counterpoint:ready", "return window.got.some(m => m.type === 'counterpoint:ready')", WAIT)?;
        enter_frame(s)?;
        let files = ["un-aleppo-2016-wire.json", "un-aleppo-2016-moscow.json"]
            .map(|name| Ok((name, e2e::harness::http_get(&site()?.url(&format!("/articles/{name}")))?)));
        let files: Vec<(&str, String)> = files.into_iter().collect::<Result<_>>()?;
        drop_files(s, &files)?;
        s.wait_for(
            "the reader's articles to be opening",
            "const l = document.querySelector('.load-status.loading'); return !!l && l.textContent.includes('2 files')",
            WAIT,
        )?;
        s.switch_to_top()?;
        // The status no longer says the reader's articles are opening: they never will.
        load_from_parent_over_what_was_opening(s)?;
        // After the worker would have answered, the parent's article is still the one shown.
        std::thread::sleep(Duration::from_millis(6000).saturating_sub(opened.elapsed()));
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(
            title == json!("A replacement article"),
            format!("the dropped files replaced the parent's article: {title}"),
        )?;
        let coverage = s.js("return document.querySelectorAll('.by-sides').length", vec![])?;
        ensure(coverage == json!(0), "the dropped files opened after all")
    });
}

#[test]
fn a_load_from_an_unlisted_origin_is_ignored_with_a_warning() {
    run(|s| {
        let _host = frame_app(s, |_| "&parent_origin=https://allowed.example".to_owned())?;
        enter_frame(s)?;
        s.switch_to_top()?;
        s.js(SEND_LOAD, vec![replacement_article()?])?;
        std::thread::sleep(Duration::from_millis(1000));
        enter_frame(s)?;
        let title = s.js("return document.querySelector('.masthead h1').textContent", vec![])?;
        ensure(title == seed_article()?["title"], format!("an unlisted origin replaced the article: {title}"))?;
        let warned = s.log("browser")?.into_iter().any(|e| {
            e["level"] == json!("WARNING") && e["message"].as_str().is_some_and(|m| m.contains("parent_origin"))
        });
        ensure(warned, "no console warning about the ignored message")?;
        // Events go only to the listed origin, so this page heard none of them.
        s.switch_to_top()?;
        let heard = s.js("return window.got.map(m => m.type).filter(t => t.startsWith('counterpoint:'))", vec![])?;
        ensure(heard == json!([]), format!("an unlisted parent heard {heard}"))
    });
}

#[test]
fn the_embed_code_from_the_share_dialog_works_when_pasted_into_a_page() {
    run(|s| {
        let app = app_origin()?;
        open(s, "/#view=read&hide=us")?;
        s.click(&s.find(".share-button")?)?;
        s.wait_for("the dialog", "return document.querySelector('dialog.share-dialog').open", WAIT)?;
        let focus_inside =
            s.js("return document.querySelector('dialog.share-dialog').contains(document.activeElement)", vec![])?;
        ensure(focus_inside == json!(true), "focus did not move into the dialog")?;
        let value = |id: &str| -> Result<String> {
            Ok(s.js(&format!("return document.getElementById('{id}').value"), vec![])?
                .as_str()
                .unwrap_or_default()
                .to_owned())
        };
        let link = value("share-link")?;
        ensure(link == format!("{app}/#view=read&hide=us"), format!("the link is {link}"))?;
        let iframe = value("share-iframe")?;
        ensure(iframe.contains(" title=\"Counterpoint: "), format!("the snippet has no title: {iframe}"))?;
        ensure(!iframe.contains("theme="), format!("by default the embed follows the reader's system: {iframe}"))?;
        // A story's page is dark: the embed is asked to stay dark whatever the reader's system says.
        s.click(&s.find(".embed-theme input[value=dark]")?)?;
        let iframe = value("share-iframe")?;
        ensure(iframe.contains("&amp;theme=dark#"), format!("choosing dark colours left the snippet {iframe}"))?;
        let code = value("share-script")?;
        ensure(
            code.starts_with(&iframe) && code.contains(&format!("<script src=\"{app}/embed.js\" async></script>")),
            format!("the embed code is {code}"),
        )?;
        s.click(&s.find("[data-copy='share-script']")?)?;
        let status = s.wait_for(
            "the copy status",
            "const t = document.querySelector('[data-copy=share-script] + .copy-status').textContent; return t || null",
            WAIT,
        )?;
        ensure(status == json!("Copied"), format!("copying said {status}"))?;
        s.press_keys("\u{E00C}")?;
        s.wait_for(
            "the dialog to close on Escape",
            "return !document.querySelector('dialog.share-dialog').open",
            WAIT,
        )?;

        // The pasted code, with an id added so the test can find the frame.
        let host = host_server()?;
        host.route(
            "/pasted.html",
            "text/html; charset=utf-8",
            host_page(&code.replacen("<iframe ", "<iframe id=\"cp\" ", 1)),
        );
        s.goto(&host.url("/pasted.html"))?;
        enter_frame(s)?;
        s.wait_for("the Read view in the frame", "return document.querySelector('#article-text mark') !== null", WAIT)?;
        let us = s.js("return document.querySelectorAll('#article-text mark[data-side=us]').length", vec![])?;
        ensure(us == json!(0), "the pasted embed lost the side filter")?;
        let theme = s.js("return document.documentElement.dataset.theme || null", vec![])?;
        ensure(theme == json!("dark"), format!("the pasted embed has data-theme {theme}, not the chosen dark"))?;
        let height = settled_height(s)?;
        ensure((height - 640.0).abs() > 2.0, "embed.js never resized the pasted frame")
    });
}
